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

// TestAccCIDRSpellingKept: every argument holding a block keeps what the
// configuration writes through apply and refresh, and another spelling of
// the same network plans no change; a duplicate written another way is
// still a duplicate.
func TestAccCIDRSpellingKept(t *testing.T) {
	c := newTestCloud(t)
	config := func(v6 string) string {
		return c.config(dualStackGateways +
			tfSubnet("private", "main", "10.0.2.0/24", "ipv6_cidr_block = "+v6+"(cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 2))") +
			tfSecurityGroup("web", "main", `name = "web"`,
				tfRuleBlock("ingress", `protocol = "tcp"`, "from_port = 80", "to_port = 80", `ipv6_cidr_blocks = [`+v6+`("2001:db8:1::/48")]`)) +
			tfSecurityGroup("app", "main", `name = "app"`) +
			tfGroupRule("ingress", "https", "app", `ip_protocol = "tcp"`, "from_port = 443", "to_port = 443", `cidr_ipv6 = `+v6+`("2001:db8::/32")`) +
			tfResource("security_group_rule", "ssh", `type = "ingress"`, "security_group_id = "+tfID("security_group", "app"),
				`protocol = "tcp"`, "from_port = 22", "to_port = 22", `ipv6_cidr_blocks = [`+v6+`("2001:db8:2::/48")]`) +
			tfResource("ec2_managed_prefix_list", "v6", `name = "v6"`, `address_family = "IPv6"`, "max_entries = 2",
				"entry {\n    cidr = "+v6+"(\"2001:db8:3::/48\")\n  }") +
			tfResource("ec2_managed_prefix_list", "entries", `name = "entries"`, `address_family = "IPv6"`, "max_entries = 2") +
			tfResource("ec2_managed_prefix_list_entry", "one", "prefix_list_id = "+tfID("ec2_managed_prefix_list", "entries"),
				"cidr = "+v6+"(\"2001:db8:4::/48\")"))
	}
	upper := config("upper")
	unitTest(t,
		resource.TestStep{Config: upper, ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_subnet.private", "ipv6_cidr_block", matching(`^2001:DB8:[0-9A-F]+:[0-9A-F]+::/64$`)),
			attrIs("simcloud_vpc_security_group_ingress_rule.https", "cidr_ipv6", knownvalue.StringExact("2001:DB8::/32")),
			attrIs("simcloud_ec2_managed_prefix_list_entry.one", "cidr", knownvalue.StringExact("2001:DB8:4::/48")),
		}},
		resource.TestStep{Config: upper, ConfigPlanChecks: expectEmptyPlan},
		resource.TestStep{Config: config("lower"), ConfigPlanChecks: expectEmptyPlan},
		planFails(upper+tfGroupRule("ingress", "again", "app", `ip_protocol = "tcp"`, "from_port = 443", "to_port = 443", `cidr_ipv6 = "2001:0db8::/32"`),
			"InvalidPermission.Duplicate"),
		planFails(upper+tfResource("ec2_managed_prefix_list_entry", "two", "prefix_list_id = "+tfID("ec2_managed_prefix_list", "entries"),
			`cidr = "2001:db8:4:0::/48"`), "InvalidParameterValue", "duplicate"),
	)
}
