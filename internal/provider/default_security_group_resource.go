package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The default group has the model of simcloud_security_group; its name,
// prefix and description are AWS's, never the configuration's. Destroying
// the resource only forgets the group, which lives as long as its VPC.
var defaultSecurityGroupKind = resourceKind[securityGroupModel, cloud.SecurityGroup]{
	typeName: "_default_security_group",
	kind:     cloud.KindSecurityGroup,
	schema: schema.Schema{
		MarkdownDescription: "Adopts a VPC's default security group, as `aws_default_security_group` does: creating it removes every rule of the group " +
			"and adds the configured ones; destroying it only forgets the group, which lives as long as its VPC.",
		Attributes: map[string]schema.Attribute{
			"id":       computedID("The group's ID."),
			"arn":      computedID("The group's ARN."),
			"owner_id": computedID("The ID of the account that owns the group."),
			"vpc_id": optionalComputedReplacing("The VPC whose default group this is. Left out, the region's default VPC, as AWS does "+
				"(`VPCIdNotSpecified` where the region has none). Changing it replaces the resource.", idCheck(cloud.KindVPC)),
			"name":        computedID("The group's name, `default`."),
			"name_prefix": computedID("Empty: the default group's name is not made from a prefix."),
			"description": computedID("The group's description, `default VPC security group`."),
			"ingress":     inlineSecurityGroupRulesAttribute("ingress"),
			"egress":      inlineSecurityGroupRulesAttribute("egress"),
			"revoke_rules_on_delete": optionalBool(false, "Accepted for compatibility with `aws_default_security_group`; destroying the resource "+
				"leaves the group and its rules as they are."),
		},
	},
	createOp:    "UpdateSecurityGroupRules",
	describeOp:  "DescribeSecurityGroups",
	updateOp:    "UpdateSecurityGroupRules",
	errorFields: securityGroupKind.errorFields,
	create: func(d *providerData, ctx context.Context, a applyStep[securityGroupModel]) (cloud.SecurityGroup, error) {
		g, err := d.client.DefaultSecurityGroup(ctx, a.plan.VPCID.ValueString())
		if err != nil {
			return g, err
		}
		// Adoption leaves exactly the configured rules, none in a direction
		// left out.
		in := a.plan.input(a.tags, a.plan.Ingress, a.plan.Egress)
		in.ManageIngress, in.ManageEgress = true, true
		return d.client.UpdateSecurityGroup(ctx, g.ID, in)
	},
	get:    (*cloud.Client).SecurityGroup,
	update: securityGroupKind.update,
	check: func(ctx context.Context, d *providerData, p planStep[securityGroupModel]) error {
		ingress, egress := configuredRules(ctx, p.config, p.diags)
		adopting := p.state == nil || !p.plan.VPCID.Equal(p.state.VPCID)
		if adopting {
			empty := sgRulesFromCloud(cloud.SecurityGroup{}, false, types.SetNull(sgRuleObjectType()), p.diags)
			if ingress.IsNull() {
				ingress, p.plan.Ingress = empty, empty
			}
			if egress.IsNull() {
				egress, p.plan.Egress = empty, empty
			}
			p.plan.Name, p.plan.Description = types.StringValue(cloud.DefaultSecurityGroupName), types.StringValue(cloud.DefaultSecurityGroupDescription)
			p.plan.NamePrefix = types.StringValue("")
		}
		in := p.plan.input(p.tags, ingress, egress)
		in.VPCID = configuredOrKnownID(ctx, p.config, "vpc_id", p.plan.VPCID, cloud.KindVPC, p.diags)
		in.Default = true
		groupID, holder := "", p.holder
		switch {
		case !adopting:
			groupID = p.state.ID.ValueString()
		case cloud.IsKnown(in.VPCID):
			g, err := d.client.DefaultSecurityGroup(ctx, in.VPCID)
			if err != nil {
				return err
			}
			groupID, in.VPCID = g.ID, g.VPCID
			p.plan.VPCID = types.StringValue(g.VPCID)
		}
		if groupID != "" {
			holder = cloud.ExistingHolder(groupID)
		}
		return d.client.CheckSecurityGroup(ctx, d.plan, holder, in, groupID)
	},
	fillReporting: func(m *securityGroupModel, g cloud.SecurityGroup, diags *diag.Diagnostics) {
		securityGroupKind.fillReporting(m, g, diags)
		m.NamePrefix = types.StringValue("")
	},
	tagsOf: securityGroupKind.tagsOf,
	advise: securityGroupKind.advise,
	// Only a default group is imported, as the AWS provider does.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importDefault(ctx, req, resp, "DescribeSecurityGroups", "Cannot import a security group that is not a default one",
			func(id string) (cloud.SecurityGroup, error) { return d.client.SecurityGroup(ctx, id) },
			func(g cloud.SecurityGroup) string {
				return unlessDefault(g.Default, fmt.Sprintf("%s (%s) is not the default group of %s: manage it with simcloud_security_group.", g.ID, g.GroupName, g.VPCID))
			},
			func(g cloud.SecurityGroup) map[string]string { return map[string]string{"id": g.ID} })
	},
}
