package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type dbSubnetGroupModel struct {
	subnetGroupModel
	NamePrefix            types.String `tfsdk:"name_prefix"`
	VPCID                 types.String `tfsdk:"vpc_id"`
	SupportedNetworkTypes types.Set    `tfsdk:"supported_network_types"`
}

func (m *dbSubnetGroupModel) namePrefix() types.String { return m.NamePrefix }

func (m *dbSubnetGroupModel) fillService(g cloud.SubnetGroup, diags *diag.Diagnostics) {
	m.VPCID = types.StringValue(g.VPCID)
	m.SupportedNetworkTypes = setOfStrings(g.SupportedNetworkTypes, diags)
	m.NamePrefix = namePrefixOf(m.NamePrefix, g.Name)
}

var dbSubnetGroupKind = subnetGroupResource[dbSubnetGroupModel](subnetGroupService{
	kind: cloud.KindDBSubnetGroup, aws: "aws_db_subnet_group", namePrefix: true,
	about: "An RDS DB subnet group: the subnets, of at least two availability zones of one VPC, that RDS places a DB instance's nodes in",
	attributes: map[string]schema.Attribute{
		"vpc_id": computedID("The VPC of the group's subnets."),
		"supported_network_types": schema.SetAttribute{
			ElementType: types.StringType, Computed: true,
			MarkdownDescription: "What the subnets let a DB instance use: `IPV4`, and `DUAL` when every subnet has an IPv6 block.",
			PlanModifiers:       keepSetState,
		},
	},
})
