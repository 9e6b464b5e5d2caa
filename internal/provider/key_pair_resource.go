package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type keyPairModel struct {
	taggedObject
	KeyName       types.String `tfsdk:"key_name"`
	KeyNamePrefix types.String `tfsdk:"key_name_prefix"`
	PublicKey     types.String `tfsdk:"public_key"`
	ARN           types.String `tfsdk:"arn"`
	Fingerprint   types.String `tfsdk:"fingerprint"`
	KeyPairID     types.String `tfsdk:"key_pair_id"`
	KeyType       types.String `tfsdk:"key_type"`
}

func (m *keyPairModel) input(name string, tags map[string]string) cloud.KeyPairInput {
	return cloud.KeyPairInput{Name: name, PublicKey: planned(m.PublicKey), Tags: tags}
}

// keyPairKind is simcloud_key_pair: only the tags change in place. As in
// the AWS provider, id is the key's name, and the pair is imported by it.
var keyPairKind = resourceKind[keyPairModel, cloud.KeyPair]{
	kind: cloud.KindKeyPair,
	schema: schema.Schema{
		MarkdownDescription: "An EC2 key pair, with the arguments and attributes of `aws_key_pair`: the public half of an SSH key, imported under a name " +
			"that instances can be launched with.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The key pair's name."),
			"key_name": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: replaceOnChangeKeepState,
				Validators: []validator.String{cloudCheck(cloud.ValidateKeyName)},
				MarkdownDescription: "The key pair's name, up to 255 ASCII characters, unique in the account and region (`InvalidKeyPair.Duplicate` at plan). " +
					"Without it (or `key_name_prefix`) the name is `terraform-` and a unique suffix. Conflicts with `key_name_prefix`. Changing it replaces the key pair."},
			"key_name_prefix": schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: replaceOnChangeKeepState,
				Validators:          []validator.String{cloudCheck(cloud.ValidateKeyNamePrefix)},
				MarkdownDescription: "Makes a unique name that starts with this prefix (up to 229 characters). Conflicts with `key_name`. Changing it replaces the key pair."},
			"public_key": schema.StringAttribute{Required: true,
				PlanModifiers: []planmodifier.String{sameKeyIgnoringSpace{"keeps the prior key when the configured one differs only by surrounding space"},
					stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{cloudCheck(func(s string) error { _, err := cloud.ParsePublicKey(s); return err })},
				MarkdownDescription: "The public key, in OpenSSH's format (`ssh-rsa AAAA... comment` or `ssh-ed25519 AAAA... comment`, as in a `.pub` file): " +
					"EC2 imports RSA and ED25519 keys; any other, or text that is no key, fails at plan with `InvalidKey.Format`. Surrounding space, as `file()` keeps " +
					"the file's last newline, makes no change. Changing it replaces the key pair."},
			"arn": computedID("The key pair's ARN, `arn:aws:ec2:<region>:<account>:key-pair/<key name>`."),
			"fingerprint": computedID("The key's fingerprint as EC2 computes it for an imported key: for RSA, the MD5 digest of the DER-encoded public key in " +
				"colon-separated hexadecimal (`openssl pkey -pubin -outform DER | openssl md5 -c`, not `ssh-keygen -E md5`); for ED25519, the base64 SHA-256 digest " +
				"that `ssh-keygen -l` prints, with its `=` padding."),
			"key_pair_id": computedID("The key pair's ID, `key-` followed by 17 hexadecimal digits."),
			"key_type":    computedID("`rsa` or `ed25519`."),
		},
	},
	createOp: "ImportKeyPair",
	create: func(d *providerData, ctx context.Context, a applyStep[keyPairModel]) (cloud.KeyPair, error) {
		return d.client.ImportKeyPair(ctx, a.plan.input(chosenName(a.plan.KeyName, a.plan.KeyNamePrefix), a.tags))
	},
	get: (*cloud.Client).KeyPairByName,
	setTags: func(c *cloud.Client, ctx context.Context, name string, tags map[string]string) (cloud.KeyPair, error) {
		k, err := c.KeyPairByName(ctx, name)
		if err != nil {
			return k, err
		}
		return cloud.ReplaceTags[cloud.KeyPair](c, ctx, k.ID, tags)
	},
	removeByID: (*cloud.Client).DeleteKeyPairByName,
	check: func(ctx context.Context, d *providerData, p planStep[keyPairModel]) error {
		name := planned(p.plan.KeyName)
		in := p.plan.input(name, p.tags)
		held := func(m *keyPairModel) (types.String, []attr.Value) {
			return m.KeyPairID, []attr.Value{m.KeyName, m.PublicKey}
		}
		return checkNamed(d, p, "simcloud_key_pair", name, held, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckKeyPair(ctx, d.plan, holder, in, selfID)
		})
	},
	fill: func(m *keyPairModel, k cloud.KeyPair) {
		m.ID, m.KeyName, m.KeyPairID, m.ARN = types.StringValue(k.Name), types.StringValue(k.Name), types.StringValue(k.ID), types.StringValue(k.ARN())
		m.KeyNamePrefix = namePrefixOf(m.KeyNamePrefix, k.Name)
		m.Fingerprint, m.KeyType = types.StringValue(k.Fingerprint), types.StringValue(k.KeyType)
		// The configured key is kept while it differs from the stored one
		// only by surrounding space, as the AWS provider's StateFunc trims it.
		if m.PublicKey.IsNull() || m.PublicKey.IsUnknown() || strings.TrimSpace(m.PublicKey.ValueString()) != k.PublicKey {
			m.PublicKey = types.StringValue(k.PublicKey)
		}
	},
	tagsOf: func(k cloud.KeyPair) map[string]string { return k.Tags },
	// An unknown name is refused at import, as DescribeKeyPairs refuses it.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		if _, err := d.client.KeyPairByName(ctx, req.ID); err != nil {
			addCloudError(&resp.Diagnostics, "DescribeKeyPairs", err)
			return
		}
		importAttributes(ctx, resp, nil, map[string]string{"id": req.ID})
	},
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckKeyNameArguments, "key_name", "key_name_prefix")},
}

// sameKeyIgnoringSpace plans the prior key when the configured one is the
// same but for surrounding space, as the AWS provider trims public_key
// before it compares, so that file()'s trailing newline is no change.
type sameKeyIgnoringSpace struct{ plainDescription }

func (sameKeyIgnoringSpace) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsUnknown() || req.PlanValue.IsNull() {
		return
	}
	if strings.TrimSpace(req.StateValue.ValueString()) == strings.TrimSpace(req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}
