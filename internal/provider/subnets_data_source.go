package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

// subnetsListing reads subnets as stored, with their default-for-az mark:
// no filter asks what routing makes of them, which FindSubnets would work
// out for each.
var subnetsListing = idsKind[idsSearch, cloud.Subnet, cloud.SubnetFilter]{
	kind:   cloud.KindSubnet,
	filter: func(_ *idsSearch, tags map[string]string) cloud.SubnetFilter { return cloud.SubnetFilter{Tags: tags} },
	find:   (*cloud.Client).ListSubnets,
	id:     func(s cloud.Subnet) string { return s.ID },
}
