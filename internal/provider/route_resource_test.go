package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// ipv6Out routes ::/0 from dualStack's private table to the gateway the
// expression target gives.
func ipv6Out(targetAttribute, target string) string {
	return tfRoute("ipv6_out", "private", `destination_ipv6_cidr_block = "::/0"`, targetAttribute+" = "+target)
}

var egressOnlyRoute = ipv6Out("egress_only_gateway_id", tfID("egress_only_internet_gateway", "main"))

func TestAccRoute_egressOnlyIPv6(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(dualStack() + egressOnlyRoute)
	unitTest(t,
		createStep(config, "simcloud_route.ipv6_out", `^r-rtb-[0-9a-f]{17}[0-9]+$`,
			attrIs("simcloud_route.ipv6_out", "state", knownvalue.StringExact("active")),
			attrIs("simcloud_route.ipv6_out", "origin", knownvalue.StringExact("CreateRoute")),
		),
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{isPublic("private", false)}},
		importStepBy("simcloud_route.ipv6_out", func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_route_table.private"].Primary.ID + "_::/0", nil
		}),
		importFails("simcloud_route.ipv6_out", "rtb-0123456789abcdef0/::/0", "Invalid import ID", "expected ROUTE-TABLE-ID_DESTINATION"),
		// An IPv4 route to the egress-only gateway fails at plan, from the
		// configuration alone, even while the table's ID is unknown.
		planFails(c.config(dualStack()+tfRouteTable("later", "main")+
			tfRoute("ipv4_out", "later", `destination_cidr_block = "0.0.0.0/0"`, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))),
			"InvalidParameterCombination", "only routes IPv6 traffic", "How to fix:", "NAT gateway"),
		planFails(c.config(dualStack()+tfRouteTable("inline", "main",
			tfInlineRoute(`cidr_block = "0.0.0.0/0"`, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main")))),
			"InvalidParameterCombination", "only routes IPv6 traffic", "How to fix:", "NAT gateway"),
		// Changing the target is done in place.
		actionStep(c.config(dualStack()+ipv6Out("gateway_id", tfID("internet_gateway", "main"))), "simcloud_route.ipv6_out", actionUpdate),
		// Deleted behind Terraform's back: planned again.
		driftStep(t, func() error {
			return c.client.DeleteRoute(context.Background(), c.tableWithRoute(t, "::/0").ID, "::/0")
		},
			config, "simcloud_route.ipv6_out", actionCreate),
	)
}

func TestAccRoute_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := dualStack() + egressOnlyRoute + tfVPC("other", "10.9.0.0/16") + tfGateway("other", "other") +
		tfRouteTable("inline", "main", routeToGateway)
	route := func(args ...string) string {
		return c.config(base + tfRoute("extra", "private", args...))
	}
	const toGateway = "gateway_id = simcloud_internet_gateway.main.id"
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(route(`destination_ipv6_cidr_block = "::/0"`, toGateway), "RouteAlreadyExists: The route identified by ::/0 already exists."),
		planFails(c.config(base+tfRoute("a", "private", `destination_cidr_block = "192.168.0.0/16"`, toGateway)+
			tfRoute("b", "private", `destination_cidr_block = "192.168.0.0/16"`, toGateway)),
			"RouteAlreadyExists: The route identified by 192.168.0.0/16 already exists."),
		planFails(route(`destination_cidr_block = "10.0.4.0/24"`, toGateway),
			"Cannot create a more specific route for 10.0.4.0/24 than local route 10.0.0.0/16", "destination_cidr_block"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`, "gateway_id = simcloud_internet_gateway.other.id"),
			"and network gateway igw-", "belong to different networks", "gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`, `gateway_id = "igw-0123456789abcdef0"`),
			"InvalidGatewayID.NotFound: The gateway ID 'igw-0123456789abcdef0' does not exist", "gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`), "gateway_id", "egress_only_gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`, `destination_ipv6_cidr_block = "::/0"`, toGateway),
			"destination_cidr_block", "destination_ipv6_cidr_block"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`, "gateway_id = simcloud_egress_only_internet_gateway.main.id"),
			"InvalidInternetGatewayID.Malformed"),
		// Inline routes and simcloud_route on one table.
		planFails(c.config(base+tfRoute("mixed", "inline", `destination_ipv6_cidr_block = "::/0"`,
			"egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))),
			"InvalidParameterCombination: The routes of route table rtb-", "are managed by the route blocks", "route_table_id"),
		planFails(c.config(dualStack("route = []")+egressOnlyRoute), "InvalidParameterCombination", "are managed by simcloud_route resources"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccRoute_timeouts: the AWS provider's timeouts block, as
// terraform-aws-modules/vpc writes it on its routes, is accepted and kept; a
// duration that is none fails when Terraform validates, naming it.
func TestAccRoute_timeouts(t *testing.T) {
	c := newTestCloud(t)
	route := func(create string) string {
		return c.config(publicPrivate("") + tfRoute("default", "public", `destination_cidr_block = "0.0.0.0/0"`,
			"gateway_id = "+tfID("internet_gateway", "main"), tfBlock("timeouts", `create = "`+create+`"`)))
	}
	unitTest(t,
		planFails(route("five minutes"), "Invalid value", `create = "five minutes"`, "no duration"),
		resource.TestStep{
			Config: route("5m"),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("simcloud_route.default",
				tfjsonpath.New("timeouts").AtMapKey("create"), knownvalue.StringExact("5m"))},
		},
	)
}
