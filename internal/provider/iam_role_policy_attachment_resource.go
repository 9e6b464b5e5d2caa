package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type iamRolePolicyAttachmentModel struct {
	globalObject
	Role      types.String `tfsdk:"role"`
	PolicyARN types.String `tfsdk:"policy_arn"`
}

// roleArgument is the name of the role a policy belongs to.
func roleArgument(description string) schema.StringAttribute {
	return requiredReplacing(description, cloudCheck(func(s string) error { return cloud.ValidateIAMName(s, "role", 64) }))
}

var iamRolePolicyAttachmentKind = resourceKind[iamRolePolicyAttachmentModel, cloud.IAMRolePolicyAttachment]{
	kind: cloud.KindIAMRolePolicyAttachment,
	schema: schema.Schema{
		MarkdownDescription: "The attachment of a managed policy to an IAM role, with the arguments and attributes of `aws_iam_role_policy_attachment`.",
		Attributes: map[string]schema.Attribute{
			"id":   computedID("`<role>/<policy_arn>`, the form the attachment is imported by."),
			"role": roleArgument("The name of the role. Changing it replaces the attachment."),
			"policy_arn": requiredReplacing("The ARN of the policy: one of the account's, or AWS's (`arn:aws:iam::aws:policy/...`), which are taken as existing. "+
				"Changing it replaces the attachment.", cloudCheck(func(s string) error { return cloud.ValidatePolicyARN(s, "policy_arn") })),
		},
	},
	errorFields: map[string]string{"role": "role", "policy_arn": "policy_arn"},
	create: func(d *providerData, ctx context.Context, a applyStep[iamRolePolicyAttachmentModel]) (cloud.IAMRolePolicyAttachment, error) {
		return d.client.AttachRolePolicy(ctx, a.plan.Role.ValueString(), a.plan.PolicyARN.ValueString())
	},
	read: func(c *cloud.Client, ctx context.Context, m *iamRolePolicyAttachmentModel) (cloud.IAMRolePolicyAttachment, error) {
		return c.IAMRolePolicyAttachment(ctx, m.Role.ValueString(), m.PolicyARN.ValueString())
	},
	remove: func(c *cloud.Client, ctx context.Context, m *iamRolePolicyAttachmentModel) error {
		return c.DetachRolePolicy(ctx, m.Role.ValueString(), m.PolicyARN.ValueString())
	},
	check: func(ctx context.Context, d *providerData, p planStep[iamRolePolicyAttachmentModel]) error {
		return d.client.CheckIAMRolePolicyAttachment(ctx, d.plan, p.holder, planned(p.plan.Role), planned(p.plan.PolicyARN))
	},
	fill: func(m *iamRolePolicyAttachmentModel, a cloud.IAMRolePolicyAttachment) {
		m.ID = types.StringValue(a.RoleName + "/" + a.PolicyARN)
		m.Role, m.PolicyARN = types.StringValue(a.RoleName), types.StringValue(a.PolicyARN)
	},
	// As the AWS provider does: <role>/<policy ARN>.
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		role, policyARN, err := cloud.ParseRolePolicyAttachmentImportID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "role": role, "policy_arn": policyARN})
	},
}
