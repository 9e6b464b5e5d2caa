package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type iamRoleModel struct {
	globalNamedObject
	Path                types.String `tfsdk:"path"`
	AssumeRolePolicy    types.String `tfsdk:"assume_role_policy"`
	Description         types.String `tfsdk:"description"`
	MaxSessionDuration  types.Int64  `tfsdk:"max_session_duration"`
	PermissionsBoundary types.String `tfsdk:"permissions_boundary"`
	ForceDetachPolicies types.Bool   `tfsdk:"force_detach_policies"`
	ARN                 types.String `tfsdk:"arn"`
	UniqueID            types.String `tfsdk:"unique_id"`
	CreateDate          types.String `tfsdk:"create_date"`
}

func (m *iamRoleModel) input(name string, tags map[string]string) cloud.IAMRoleInput {
	return cloud.IAMRoleInput{Name: name, Path: m.Path.ValueString(), AssumeRolePolicy: planned(m.AssumeRolePolicy),
		Description: m.Description.ValueString(), MaxSessionDuration: m.MaxSessionDuration.ValueInt64(),
		PermissionsBoundary: planned(m.PermissionsBoundary), Tags: tags}
}

var iamRoleKind = namedObjectKind(resourceKind[iamRoleModel, cloud.IAMRole]{
	kind: cloud.KindIAMRole,
	schema: schema.Schema{
		MarkdownDescription: "An IAM role, with the arguments and attributes of `aws_iam_role`: an identity that a service (VPC Flow Logs, say) assumes. " +
			"IAM is global: the role is the account's in every region.",
		Attributes: map[string]schema.Attribute{
			"id":                 computedID("The role's name."),
			"path":               iamPathArgument("role"),
			"assume_role_policy": policyArgument("assume_role_policy", "The trust policy: who may assume the role, as JSON.", false),
			"description":        optionalArgument("The role's description, at most 1000 characters."),
			"max_session_duration": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(3600),
				MarkdownDescription: "The longest session, in seconds: 3600 (the default) to 43200.",
			},
			"permissions_boundary": optionalArgument("The ARN of the policy that bounds the role's permissions: AWS's or one of the account's.",
				cloudCheck(func(s string) error { return cloud.ValidatePolicyARN(s, "permissions_boundary") })),
			"force_detach_policies": optionalBool(false, "Detach the role's managed policies and delete its inline policies before deleting it. Default `false`."),
			"arn":                   computedID("The role's ARN, `arn:aws:iam::<account>:role<path><name>`."),
			"unique_id":             computedID("The role's unique ID, `AROA` and 17 characters."),
			"create_date":           computedID("When the role was created, in RFC 3339 form."),
		},
	},
	updateOp:    "UpdateRole",
	errorFields: map[string]string{"name": "name", "path": "path", "assume_role_policy": "assume_role_policy", "description": "description", "max_session_duration": "max_session_duration", "permissions_boundary": "permissions_boundary", "tags_all": "tags_all"},
	get:         (*cloud.Client).IAMRole,
	remove: func(c *cloud.Client, ctx context.Context, state *iamRoleModel) error {
		return c.DeleteIAMRole(ctx, state.ID.ValueString(), state.ForceDetachPolicies.ValueBool())
	},
	fill: func(m *iamRoleModel, r cloud.IAMRole) {
		m.ID, m.Name, m.Path, m.ARN = types.StringValue(r.Name), types.StringValue(r.Name), types.StringValue(r.Path), types.StringValue(r.ARN)
		m.AssumeRolePolicy = policyFromCloud(m.AssumeRolePolicy, r.AssumeRolePolicy)
		m.Description = optionalString(m.Description, r.Description)
		m.PermissionsBoundary = optionalString(m.PermissionsBoundary, r.PermissionsBoundary)
		m.MaxSessionDuration = types.Int64Value(r.MaxSessionDuration)
		m.UniqueID, m.CreateDate = types.StringValue(r.UniqueID), types.StringValue(r.CreateDate)
		m.ForceDetachPolicies = providerFlag(m.ForceDetachPolicies)
	},
	tagsOf: func(r cloud.IAMRole) map[string]string { return r.Tags },
}, namedCalls[iamRoleModel, cloud.IAMRole, cloud.IAMRoleInput]{
	input: (*iamRoleModel).input, create: (*cloud.Client).CreateIAMRole, update: (*cloud.Client).UpdateIAMRole, check: (*cloud.Client).CheckIAMRole,
	held: func(m *iamRoleModel) (types.String, []attr.Value) { return m.ARN, []attr.Value{m.Name, m.Path} },
}, "role",
	func(s string) error { return cloud.ValidateIAMName(s, "name", 64) },
	func(s string) error { return cloud.ValidateIAMName(s, "name_prefix", cloud.MaxRoleNamePrefixLength) })
