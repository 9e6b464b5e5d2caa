package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

// The connections this account and region is a side of, as the
// aws_vpc_peering_connections data source lists them.
var vpcPeeringConnectionsListing = idsKind[idsSearch, cloud.VPCPeeringConnection, cloud.VPCPeeringConnectionFilter]{
	kind: cloud.KindVPCPeeringConnection,
	filter: func(_ *idsSearch, tags map[string]string) cloud.VPCPeeringConnectionFilter {
		return cloud.VPCPeeringConnectionFilter{Tags: tags}
	},
	find: (*cloud.Client).VPCPeerings,
	id:   func(p cloud.VPCPeeringConnection) string { return p.ID },
}
