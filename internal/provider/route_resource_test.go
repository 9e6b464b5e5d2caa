package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// dualStack is a VPC with IPv6, an internet gateway, an egress-only gateway
// and an empty route table whose routes simcloud_route resources manage.
const dualStack = `
resource "simcloud_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_egress_only_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "private" {
  vpc_id          = simcloud_vpc.main.id
  cidr_block      = "10.0.2.0/24"
  ipv6_cidr_block = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 2)
}

resource "simcloud_route_table_association" "private" {
  subnet_id      = simcloud_subnet.private.id
  route_table_id = simcloud_route_table.private.id
}
`

const egressOnlyRoute = `
resource "simcloud_route" "ipv6_out" {
  route_table_id              = simcloud_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = simcloud_egress_only_internet_gateway.main.id
}
`

func TestAccRoute_egressOnlyIPv6(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(dualStack + egressOnlyRoute)
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("simcloud_route.ipv6_out", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^r-rtb-[0-9a-f]{17}[0-9]+$`))),
				statecheck.ExpectKnownValue("simcloud_route.ipv6_out", tfjsonpath.New("state"), knownvalue.StringExact("active")),
				statecheck.ExpectKnownValue("simcloud_route.ipv6_out", tfjsonpath.New("origin"), knownvalue.StringExact("CreateRoute")),
			},
		},
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{isPublic("private", false)}},
		resource.TestStep{
			ResourceName: "simcloud_route.ipv6_out", ImportState: true, ImportStateVerify: true,
			ImportStateIdFunc: func(s *terraformState) (string, error) {
				return s.RootModule().Resources["simcloud_route_table.private"].Primary.ID + "_::/0", nil
			},
		},
		resource.TestStep{
			ResourceName: "simcloud_route.ipv6_out", ImportState: true, ImportStateId: "rtb-0123456789abcdef0/::/0",
			ExpectError: expectError("Invalid import ID", "expected ROUTE-TABLE-ID_DESTINATION"),
		},
		// An IPv4 route to the egress-only gateway fails at plan, from the
		// configuration alone, even while the table's ID is unknown.
		resource.TestStep{
			Config: c.config(dualStack + `
resource "simcloud_route_table" "later" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route" "ipv4_out" {
  route_table_id         = simcloud_route_table.later.id
  destination_cidr_block = "0.0.0.0/0"
  egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
}`),
			PlanOnly:    true,
			ExpectError: expectError("InvalidParameterCombination", "only routes IPv6 traffic", "How to fix:", "NAT gateway"),
		},
		resource.TestStep{
			Config: c.config(dualStack + `
resource "simcloud_route_table" "inline" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block             = "0.0.0.0/0"
    egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
  }
}`),
			PlanOnly:    true,
			ExpectError: expectError("InvalidParameterCombination", "only routes IPv6 traffic", "How to fix:", "NAT gateway"),
		},
		// Changing the target is done in place.
		resource.TestStep{
			Config: c.config(dualStack + `
resource "simcloud_route" "ipv6_out" {
  route_table_id              = simcloud_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = simcloud_internet_gateway.main.id
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_route.ipv6_out", plancheck.ResourceActionUpdate),
			}},
		},
		// Deleted behind Terraform's back: planned again.
		resource.TestStep{
			PreConfig: func() {
				if err := c.client.DeleteRoute(context.Background(), c.tableWithRoute(t, "::/0").ID, "::/0"); err != nil {
					t.Fatal(err)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_route.ipv6_out", plancheck.ResourceActionCreate),
			}},
		},
	)
}

func TestAccRoute_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := dualStack + egressOnlyRoute + `
resource "simcloud_vpc" "other" {
  cidr_block = "10.9.0.0/16"
}

resource "simcloud_internet_gateway" "other" {
  vpc_id = simcloud_vpc.other.id
}

resource "simcloud_route_table" "inline" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}
`
	route := func(args string) string {
		return c.config(base + "\nresource \"simcloud_route\" \"extra\" {\n  route_table_id = simcloud_route_table.private.id\n" + args + "\n}\n")
	}
	planFails := func(config string, parts ...string) resource.TestStep {
		return resource.TestStep{Config: config, PlanOnly: true, ExpectError: expectError(parts...)}
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(route(`destination_ipv6_cidr_block = "::/0"
  gateway_id = simcloud_internet_gateway.main.id`), "RouteAlreadyExists: The route identified by ::/0 already exists."),
		planFails(c.config(base+`
resource "simcloud_route" "a" {
  route_table_id         = simcloud_route_table.private.id
  destination_cidr_block = "192.168.0.0/16"
  gateway_id             = simcloud_internet_gateway.main.id
}

resource "simcloud_route" "b" {
  route_table_id         = simcloud_route_table.private.id
  destination_cidr_block = "192.168.0.0/16"
  gateway_id             = simcloud_internet_gateway.main.id
}`), "RouteAlreadyExists: The route identified by 192.168.0.0/16 already exists."),
		planFails(route(`destination_cidr_block = "10.0.4.0/24"
  gateway_id = simcloud_internet_gateway.main.id`), "Cannot create a more specific route for 10.0.4.0/24 than local route 10.0.0.0/16", "destination_cidr_block"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"
  gateway_id = simcloud_internet_gateway.other.id`), "and network gateway igw-", "belong to different networks", "gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"
  gateway_id = "igw-0123456789abcdef0"`), "InvalidGatewayID.NotFound: The gateway ID 'igw-0123456789abcdef0' does not exist", "gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"`), "gateway_id", "egress_only_gateway_id"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"
  destination_ipv6_cidr_block = "::/0"
  gateway_id = simcloud_internet_gateway.main.id`), "destination_cidr_block", "destination_ipv6_cidr_block"),
		planFails(route(`destination_cidr_block = "0.0.0.0/0"
  gateway_id = simcloud_egress_only_internet_gateway.main.id`), "InvalidInternetGatewayID.Malformed"),
		// Inline routes and simcloud_route on one table.
		planFails(c.config(base+`
resource "simcloud_route" "mixed" {
  route_table_id              = simcloud_route_table.inline.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = simcloud_egress_only_internet_gateway.main.id
}`), "InvalidParameterCombination: The routes of route table rtb-", "are managed by the route blocks", "route_table_id"),
		planFails(c.config(strings.Replace(dualStack, `resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
}`, `resource "simcloud_route_table" "private" {
  vpc_id = simcloud_vpc.main.id
  route  = []
}`, 1)+egressOnlyRoute), "InvalidParameterCombination", "are managed by simcloud_route resources"),
		resource.TestStep{Config: c.config(base)},
	)
}
