package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

type redshiftSubnetGroupModel struct {
	subnetGroupModel
}

var redshiftSubnetGroupKind = subnetGroupResource[redshiftSubnetGroupModel](subnetGroupService{
	kind: cloud.KindClusterSubnetGroup, aws: "aws_redshift_subnet_group",
	about: "A Redshift cluster subnet group: the subnets of one VPC that Redshift places a cluster's nodes in",
})
