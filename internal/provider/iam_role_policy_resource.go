package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type iamRolePolicyModel struct {
	globalObject
	Name       types.String `tfsdk:"name"`
	NamePrefix types.String `tfsdk:"name_prefix"`
	Role       types.String `tfsdk:"role"`
	Policy     types.String `tfsdk:"policy"`
}

var iamRolePolicyKind = namedKind(resourceKind[iamRolePolicyModel, cloud.IAMRolePolicy]{
	kind: cloud.KindIAMRolePolicy,
	schema: schema.Schema{
		MarkdownDescription: "A policy embedded in an IAM role, with the arguments and attributes of `aws_iam_role_policy`.",
		Attributes: map[string]schema.Attribute{
			"id":     computedID("`<role>:<name>`, the form the policy is imported by."),
			"role":   roleArgument("The name of the role the policy is embedded in. Changing it replaces the policy."),
			"policy": policyArgument("policy", "The policy document, as JSON; changed in place.", false),
		},
	},
	updateOp:    "PutRolePolicy",
	errorFields: map[string]string{"role": "role", "name": "name", "policy": "policy"},
	create: func(d *providerData, ctx context.Context, a applyStep[iamRolePolicyModel]) (cloud.IAMRolePolicy, error) {
		return d.client.PutRolePolicy(ctx, a.plan.Role.ValueString(), chosenName(a.plan.Name, a.plan.NamePrefix), a.plan.Policy.ValueString())
	},
	update: func(d *providerData, ctx context.Context, a applyStep[iamRolePolicyModel]) (cloud.IAMRolePolicy, error) {
		return d.client.PutRolePolicy(ctx, a.plan.Role.ValueString(), a.plan.Name.ValueString(), a.plan.Policy.ValueString())
	},
	read: func(c *cloud.Client, ctx context.Context, m *iamRolePolicyModel) (cloud.IAMRolePolicy, error) {
		return c.IAMRolePolicy(ctx, m.Role.ValueString(), m.Name.ValueString())
	},
	remove: func(c *cloud.Client, ctx context.Context, m *iamRolePolicyModel) error {
		return c.DeleteRolePolicy(ctx, m.Role.ValueString(), m.Name.ValueString())
	},
	check: func(ctx context.Context, d *providerData, p planStep[iamRolePolicyModel]) error {
		return d.client.CheckIAMRolePolicy(ctx, d.plan, p.holder, planned(p.plan.Role), planned(p.plan.Name), planned(p.plan.Policy))
	},
	fill: func(m *iamRolePolicyModel, p cloud.IAMRolePolicy) {
		m.ID = types.StringValue(p.RoleName + ":" + p.Name)
		m.Role, m.Name = types.StringValue(p.RoleName), types.StringValue(p.Name)
		m.NamePrefix = namePrefixOf(m.NamePrefix, p.Name)
		m.Policy = policyFromCloud(m.Policy, p.Document)
	},
	// As the AWS provider does: <role>:<name>.
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		role, name, err := cloud.ParseRolePolicyImportID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "role": role, "name": name})
	},
}, "inline policy",
	func(s string) error { return cloud.ValidateIAMName(s, "name", 128) },
	func(s string) error { return cloud.ValidateIAMName(s, "name_prefix", cloud.MaxPolicyNamePrefixLength) })
