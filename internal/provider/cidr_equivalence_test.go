package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Issue 19: blocks are compared as networks, not as text. A destination
// written another way ("::0/0" for "::/0") is the same route: no change
// planned, the user's spelling kept, and a second route to it refused.

func TestAccRouteTable_equivalentIPv6Destination(t *testing.T) {
	c := newTestCloud(t)
	table := func(dest string) string {
		return c.config(dualStack() + tfRouteTable("inline", "main",
			tfInlineRoute(`ipv6_cidr_block = "`+dest+`"`, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))))
	}
	unitTest(t,
		resource.TestStep{Config: table("::/0"), ConfigStateChecks: []statecheck.StateCheck{routeIsV6("simcloud_route_table.inline", "::/0")}},
		// The same network written another way: no change at all.
		resource.TestStep{Config: table("::0/0"), PlanOnly: true},
		resource.TestStep{Config: table("0:0::/0"), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction("simcloud_route_table.inline", plancheck.ResourceActionNoop)}}},
	)
}

// TestAccRouteTable_keepsWrittenIPv6Destination: created with a spelling of
// its own, a table keeps it through apply and refresh, and the canonical
// spelling is no change either.
func TestAccRouteTable_keepsWrittenIPv6Destination(t *testing.T) {
	c := newTestCloud(t)
	table := func(dest string) string {
		return c.config(dualStack() + tfRouteTable("inline", "main",
			tfInlineRoute(`ipv6_cidr_block = "`+dest+`"`, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))))
	}
	unitTest(t,
		resource.TestStep{Config: table("::0/0"), ConfigStateChecks: []statecheck.StateCheck{routeIsV6("simcloud_route_table.inline", "::0/0")}},
		resource.TestStep{Config: table("::0/0"), PlanOnly: true},
		resource.TestStep{Config: table("::/0"), PlanOnly: true},
	)
}

// routeIsV6 checks that the table at address has one route, to dest.
func routeIsV6(address, dest string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New("route"), knownvalue.SetExact([]knownvalue.Check{
		knownvalue.ObjectPartial(map[string]knownvalue.Check{"ipv6_cidr_block": knownvalue.StringExact(dest)}),
	}))
}

func TestAccRoute_equivalentIPv6Destination(t *testing.T) {
	c := newTestCloud(t)
	const toGateway = "gateway_id = simcloud_internet_gateway.main.id"
	route := func(dest string) string {
		return tfRoute("ipv6_out", "private", `destination_ipv6_cidr_block = "`+dest+`"`,
			"egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(dualStack() + route("::0/0")), ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_route.ipv6_out", "destination_ipv6_cidr_block", knownvalue.StringExact("::0/0")),
			attrIs("simcloud_route.ipv6_out", "id", matching(`^r-rtb-[0-9a-f]{17}[0-9]+$`)),
		}},
		// Neither a refresh nor the canonical spelling replaces the route.
		resource.TestStep{Config: c.config(dualStack() + route("::0/0")), PlanOnly: true},
		resource.TestStep{Config: c.config(dualStack() + route("::/0")), PlanOnly: true},
		// A second route to the same network, written either way, fails at
		// plan, naming the route already there.
		planFails(c.config(dualStack()+route("::0/0")+tfRoute("extra", "private", `destination_ipv6_cidr_block = "::/0"`, toGateway)),
			"RouteAlreadyExists: The route identified by ::/0 already exists.", "r-rtb-"),
		planFails(c.config(dualStack()+route("::0/0")+tfRoute("extra", "private", `destination_ipv6_cidr_block = "0::0/0"`, toGateway)),
			"RouteAlreadyExists: The route identified by ::/0 already exists.", "r-rtb-"),
		// Two new routes of one plan to the same network.
		planFails(c.config(dualStack()+route("::0/0")+
			tfRoute("a", "private", `destination_ipv6_cidr_block = "2001:DB8:FFFF::/48"`, toGateway)+
			tfRoute("b", "private", `destination_ipv6_cidr_block = "2001:db8:ffff::/48"`, toGateway)),
			"RouteAlreadyExists: The route identified by 2001:db8:ffff::/48 already exists."),
	)
}
