package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// keyPairDataModel is the simcloud_key_pair data source.
type keyPairDataModel struct {
	ID               types.String  `tfsdk:"id"`
	Region           types.String  `tfsdk:"region"`
	KeyName          types.String  `tfsdk:"key_name"`
	KeyPairID        types.String  `tfsdk:"key_pair_id"`
	Filters          []filterModel `tfsdk:"filter"`
	IncludePublicKey types.Bool    `tfsdk:"include_public_key"`
	Tags             types.Map     `tfsdk:"tags"`
	ARN              types.String  `tfsdk:"arn"`
	CreateTime       types.String  `tfsdk:"create_time"`
	Fingerprint      types.String  `tfsdk:"fingerprint"`
	KeyType          types.String  `tfsdk:"key_type"`
	PublicKey        types.String  `tfsdk:"public_key"`
}

// NewKeyPairDataSource is the simcloud_key_pair data source.
var NewKeyPairDataSource = newComputedDataSource("_key_pair", readKeyPair, schema.Schema{
	MarkdownDescription: "Finds one key pair of the account and region, as the `aws_key_pair` data source does, by name, ID, `filter` blocks and tags. " +
		"A name or ID that no pair has fails with `InvalidKeyPair.NotFound`, as DescribeKeyPairs does.",
	Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The key pair's ID, as the AWS provider sets it."},
		"region": lookupRegionArgument(),
		"key_name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The name of the key pair to find.",
			Validators: []validator.String{cloudCheck(cloud.ValidateKeyName)}},
		"key_pair_id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The ID of the key pair to find, `key-` and 17 hexadecimal digits.",
			Validators: []validator.String{idCheck(cloud.KindKeyPair)}},
		"include_public_key": schema.BoolAttribute{Optional: true, MarkdownDescription: "Set `public_key` (default `false`: it is empty, as DescribeKeyPairs leaves it out)."},
		"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
			MarkdownDescription: "Tags the key pair must have. Once found, all of its tags but those the provider's `ignore_tags` names."},
		"arn":         schema.StringAttribute{Computed: true, MarkdownDescription: "The key pair's ARN."},
		"create_time": schema.StringAttribute{Computed: true, MarkdownDescription: "When the key was imported, RFC 3339."},
		"fingerprint": schema.StringAttribute{Computed: true, MarkdownDescription: "The key's fingerprint, as `simcloud_key_pair` has it."},
		"key_type":    schema.StringAttribute{Computed: true, MarkdownDescription: "`rsa` or `ed25519`."},
		"public_key":  schema.StringAttribute{Computed: true, MarkdownDescription: "The public key, when `include_public_key` is true."},
	},
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribeKeyPairs", cloud.CheckKeyPairFilterName)},
})

func readKeyPair(ctx context.Context, data *providerData, m *keyPairDataModel, diags *diag.Diagnostics) {
	tags := configuredTags(ctx, m.Tags, diags)
	if diags.HasError() {
		return
	}
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	filter := cloud.KeyPairFilter{Name: m.KeyName.ValueString(), ID: m.KeyPairID.ValueString(), Tags: tags}
	// DescribeKeyPairs refuses a name or ID that no pair has, where
	// filters that match nothing are an empty answer.
	var err error
	if filter.Name != "" {
		_, err = data.client.KeyPairByName(ctx, filter.Name)
	}
	if err == nil && filter.ID != "" {
		_, err = cloud.Describe[cloud.KeyPair](data.client, ctx, filter.ID)
	}
	var found []cloud.KeyPair
	if err == nil {
		found, err = cloud.Find[cloud.KeyPair](data.client, ctx, filter)
	}
	if err == nil {
		found, err = cloud.Filtered(found, namedFilters(m.Filters))
	}
	if err != nil {
		addCloudError(diags, "DescribeKeyPairs", err)
		return
	}
	k, ok := exactlyOne(diags, "key pair", found, func(k cloud.KeyPair) string { return k.Name })
	if !ok {
		return
	}
	s := types.StringValue
	m.ID, m.KeyPairID, m.KeyName, m.ARN, m.CreateTime = s(k.ID), s(k.ID), s(k.Name), s(k.ARN()), s(k.CreateTime)
	m.Fingerprint, m.KeyType, m.PublicKey = s(k.Fingerprint), s(k.KeyType), s("")
	if m.IncludePublicKey.ValueBool() {
		m.PublicKey = s(k.PublicKey)
	}
	m.Tags = data.shownTags(ctx, k.Tags, tags, diags)
}
