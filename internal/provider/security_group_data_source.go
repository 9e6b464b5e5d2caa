package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type securityGroupDataSourceModel struct {
	searchCriteria
	securityGroupAttributes
}

var securityGroupLookup = lookupKind[securityGroupDataSourceModel, cloud.SecurityGroup, cloud.SecurityGroupFilter]{
	kind: cloud.KindSecurityGroup,
	description: "Looks up one security group by ID, name, VPC, tags, `filter` blocks (`group-name`, `description`, `tag:Name`, ...), " +
		"or any combination of them, as `aws_security_group` does. Exactly one must match.",
	attributes: map[string]schema.Attribute{
		"vpc_id": lookupCriterion(cloud.KindVPC, "The VPC of the group to find."),
		"name": schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: "The name of the group to find; a VPC's default group is named `default`."},
		"arn":         foundAttribute("The group's ARN."),
		"owner_id":    foundAttribute("The ID of the account that owns the group."),
		"description": foundAttribute("The group's description."),
	},
	filter: func(m *securityGroupDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.SecurityGroupFilter {
		return cloud.SecurityGroupFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), GroupName: m.Name.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindSecurityGroups,
	filters: filtersOf[cloud.SecurityGroup](),
	id:      func(g cloud.SecurityGroup) string { return g.ID },
	fill: func(m *securityGroupDataSourceModel, g cloud.SecurityGroup, _ *diag.Diagnostics) {
		m.read(g)
	},
	tagsOf: func(g cloud.SecurityGroup) map[string]string { return g.Tags },
}
