package provider

import "github.com/simcloud/terraform-provider-simcloud/internal/cloud"

// routeTablesListing reads the tables with their associations and their
// routes' states, which the association.* and route.* filters look at.
var routeTablesListing = idsKind[idsInVPC, cloud.RouteTable, cloud.RouteTableFilter]{
	kind:       cloud.KindRouteTable,
	attributes: inVPCArguments("route tables"),
	filter: func(m *idsInVPC, tags map[string]string) cloud.RouteTableFilter {
		return cloud.RouteTableFilter{VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find: (*cloud.Client).FindRouteTables,
	id:   func(t cloud.RouteTable) string { return t.ID },
}
