package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type iamPolicyModel struct {
	globalNamedObject
	Path            types.String `tfsdk:"path"`
	Description     types.String `tfsdk:"description"`
	Policy          types.String `tfsdk:"policy"`
	ARN             types.String `tfsdk:"arn"`
	PolicyID        types.String `tfsdk:"policy_id"`
	AttachmentCount types.Int64  `tfsdk:"attachment_count"`
	// The AWS provider waits this long after CreatePolicy for IAM's
	// eventual consistency; the simulated cloud is consistent at once.
	DelayAfterPolicyCreationInMs types.Int64 `tfsdk:"delay_after_policy_creation_in_ms"`
}

func (m *iamPolicyModel) input(name string, tags map[string]string) cloud.IAMPolicyInput {
	return cloud.IAMPolicyInput{Name: name, Path: m.Path.ValueString(), Description: m.Description.ValueString(), Document: planned(m.Policy), Tags: tags}
}

var iamPolicyKind = namedObjectKind(resourceKind[iamPolicyModel, cloud.IAMPolicy]{
	kind: cloud.KindIAMPolicy,
	schema: schema.Schema{
		MarkdownDescription: "An IAM customer managed policy, with the arguments and attributes of `aws_iam_policy`: permissions that roles are given by attaching it. " +
			"IAM is global: the policy is the account's in every region.",
		Attributes: map[string]schema.Attribute{
			"id":          computedID("The policy's ARN."),
			"path":        iamPathArgument("policy"),
			"description": optionalReplacing("The policy's description, at most 1000 characters. Changing it replaces the policy."),
			"policy":      policyArgument("policy", "The policy document, as JSON. A change makes a new default version, in place.", false),
			"arn":         computedID("The policy's ARN, `arn:aws:iam::<account>:policy<path><name>`."),
			"policy_id":   computedID("The policy's unique ID, `ANPA` and 17 characters."),
			"delay_after_policy_creation_in_ms": schema.Int64Attribute{Optional: true,
				MarkdownDescription: "Accepted as in the AWS provider, which waits this many milliseconds after creating the policy for IAM to catch up; " +
					"the simulated cloud is consistent at once, so nothing waits. Kept in state only (not imported)."},
			"attachment_count": schema.Int64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				MarkdownDescription: "How many roles the policy is attached to.",
			},
		},
	},
	updateOp:    "CreatePolicyVersion",
	errorFields: map[string]string{"name": "name", "path": "path", "description": "description", "policy": "policy", "tags_all": "tags_all"},
	get:         (*cloud.Client).IAMPolicy,
	removeByID:  (*cloud.Client).DeleteIAMPolicy,
	fill: func(m *iamPolicyModel, p cloud.IAMPolicy) {
		m.ID, m.ARN, m.Name, m.Path = types.StringValue(p.ARN), types.StringValue(p.ARN), types.StringValue(p.Name), types.StringValue(p.Path)
		m.Description = optionalString(m.Description, p.Description)
		m.Policy = policyFromCloud(m.Policy, p.Document)
		m.PolicyID, m.AttachmentCount = types.StringValue(p.PolicyID), types.Int64Value(p.AttachmentCount)
	},
	tagsOf: func(p cloud.IAMPolicy) map[string]string { return p.Tags },
	// As the AWS provider does, a policy is imported by its ARN.
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importAttributes(ctx, resp, cloud.ValidatePolicyARN(req.ID, ""), map[string]string{"id": req.ID})
	},
}, namedCalls[iamPolicyModel, cloud.IAMPolicy, cloud.IAMPolicyInput]{
	input: (*iamPolicyModel).input, create: (*cloud.Client).CreateIAMPolicy, update: (*cloud.Client).UpdateIAMPolicy, check: (*cloud.Client).CheckIAMPolicy,
	held: func(m *iamPolicyModel) (types.String, []attr.Value) {
		return m.ARN, []attr.Value{m.Name, m.Path, m.Description}
	},
}, "policy",
	func(s string) error { return cloud.ValidateIAMName(s, "name", 128) },
	func(s string) error { return cloud.ValidateIAMName(s, "name_prefix", cloud.MaxPolicyNamePrefixLength) })
