package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type elastiCacheSubnetGroupModel struct {
	subnetGroupModel
	VPCID types.String `tfsdk:"vpc_id"`
}

func (m *elastiCacheSubnetGroupModel) fillService(g cloud.SubnetGroup, _ *diag.Diagnostics) {
	m.VPCID = types.StringValue(g.VPCID)
}

var elastiCacheSubnetGroupKind = subnetGroupResource[elastiCacheSubnetGroupModel](subnetGroupService{
	kind: cloud.KindCacheSubnetGroup, aws: "aws_elasticache_subnet_group",
	about: "An ElastiCache subnet group: the subnets of one VPC that ElastiCache places a cache cluster's nodes in",
	attributes: map[string]schema.Attribute{
		"vpc_id": computedID("The VPC of the group's subnets."),
	},
})
