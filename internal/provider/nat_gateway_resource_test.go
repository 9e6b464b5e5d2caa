package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const readAccess = `
data "simcloud_subnet" "public" { id = simcloud_subnet.public.id }
data "simcloud_subnet" "app" { id = simcloud_subnet.app.id }
data "simcloud_subnet" "data" { id = simcloud_subnet.data.id }
`

func access(address string, out4, in4, out6, in6 bool) statecheck.StateCheck {
	return attrIs(address, "internet_access", knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"ipv4_outbound": knownvalue.Bool(out4), "ipv4_inbound": knownvalue.Bool(in4),
		"ipv6_outbound": knownvalue.Bool(out6), "ipv6_inbound": knownvalue.Bool(in6),
	}))
}

func TestAccNATGateway_threeTier(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(threeTier("public"))
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_eip.nat", "public_ip", matching(`^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$`)),
				attrIs("simcloud_nat_gateway.main", "private_ip", knownvalue.StringExact("10.0.1.4")),
				attrIs("simcloud_nat_gateway.main", "id", matching(`^nat-[0-9a-f]{17}$`)),
			},
		},
		resource.TestStep{
			Config: c.config(threeTier("public") + readAccess),
			ConfigStateChecks: []statecheck.StateCheck{
				access("data.simcloud_subnet.public", true, true, true, true),
				access("data.simcloud_subnet.app", true, false, true, false),
				access("data.simcloud_subnet.data", false, false, false, false),
				// The resources, refreshed by now, agree with the data sources.
				access("simcloud_subnet.public", true, true, true, true),
				access("simcloud_subnet.app", true, false, true, false),
				attrIs("data.simcloud_subnet.app", "internet_access", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"ipv4_outbound_reason": matching(`^through nat-`),
					"ipv4_inbound_reason":  matching(`lets no connection in`),
				})),
			},
		},
		importStep("simcloud_nat_gateway.main"),
		importStep("simcloud_eip.nat", "association_id"),
		// Deleted behind Terraform's back: its route is a blackhole, and the
		// next plan creates it again.
		resource.TestStep{
			PreConfig: func() {
				nats, err := c.client.FindNATGateways(context.Background(), cloud.NATGatewayFilter{})
				if err != nil || len(nats) != 1 {
					t.Fatalf("NAT gateways: %v %v", nats, err)
				}
				if err := c.client.DeleteNATGateway(context.Background(), nats[0].ID); err != nil {
					t.Fatal(err)
				}
				if table := c.tableWithRoute(t, "0.0.0.0/0", nats[0].ID); table.Routes[0].State != cloud.RouteStateBlackhole {
					t.Errorf("route to a deleted NAT gateway: %+v", table.Routes)
				}
			},
			Config:           config,
			ConfigPlanChecks: expectPlanAction("simcloud_nat_gateway.main", actionCreate),
		},
	)
}

// TestAccNetworkPath_namesTheBreak puts the NAT gateway in the application
// subnet itself, where it has no way out: the path data source says so.
func TestAccNetworkPath_namesTheBreak(t *testing.T) {
	c := newTestCloud(t)
	broken := threeTier("app")
	path := func(name, subnet, direction string) string {
		return tfData("network_path", name, "subnet_id = "+tfID("subnet", subnet), `direction = "`+direction+`"`, `ip_version = "ipv4"`)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(broken)},
		resource.TestStep{
			Config: c.config(broken + path("app_out", "app", "outbound") + path("public_in", "public", "inbound")),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_network_path.app_out", "reachable", knownvalue.Bool(false)),
				attrIs("data.simcloud_network_path.app_out", "breaks_at",
					matching(`^nat-[0-9a-f]{17} sits in subnet-[0-9a-f]{17}, whose route table rtb-[0-9a-f]{17} sends no internet traffic`)),
				attrIs("data.simcloud_network_path.app_out", "fix", matching(`public subnet`)),
				attrIs("data.simcloud_network_path.public_in", "reachable", knownvalue.Bool(true)),
				attrIs("data.simcloud_network_path.public_in", "hops", knownvalue.ListSizeExact(5)),
			},
		},
		resource.TestStep{
			Config:      c.config(broken + path("bad", "app", "sideways")),
			ExpectError: expectError("InvalidParameterValue", "direction"),
		},
		resource.TestStep{Config: c.config(broken)},
	)
}

func TestAccNATGateway_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := threeTier("public") + tfVPC("bare", "10.9.0.0/16") + tfSubnet("bare", "bare", "10.9.1.0/24") + tfResource("eip", "spare")
	nat := func(args ...string) string {
		return c.config(base + tfResource("nat_gateway", "extra", args...))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(nat("subnet_id = simcloud_subnet.bare.id", "allocation_id = simcloud_eip.spare.id"),
			"Gateway.NotAttached: Network vpc-", "has no Internet gateway attached"),
		planFails(nat("subnet_id = simcloud_subnet.app.id", "allocation_id = simcloud_eip.nat.id"),
			"Resource.AlreadyAssociated: Elastic IP address eipalloc-", "is already associated", "allocation_id"),
		planFails(nat("subnet_id = simcloud_subnet.app.id"), "MissingParameter", "allocation_id"),
		planFails(nat("subnet_id = simcloud_subnet.app.id", `connectivity_type = "private"`, "allocation_id = simcloud_eip.spare.id"),
			"InvalidParameterCombination", "allocation_id"),
		planFails(c.config(base+tfResource("route", "to_nat_elsewhere", "route_table_id = simcloud_vpc.bare.main_route_table_id",
			`destination_cidr_block = "0.0.0.0/0"`, "nat_gateway_id = simcloud_nat_gateway.main.id")), "belong to different networks", "nat_gateway_id"),
		// A chosen private address meets the rules an instance's does.
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `private_ip = "10.0.2.10"`),
			"InvalidParameterValue", "does not fall within the subnet's address range", "private_ip"),
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `private_ip = "10.0.3.2"`),
			"InvalidParameterValue", "reserved address range", "private_ip"),
		planFails(nat("subnet_id = simcloud_subnet.public.id", `connectivity_type = "private"`, `private_ip = "10.0.1.4"`),
			"InvalidIPAddress.InUse", "nat-", "private_ip"),
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `private_ip = "10.0.3"`), "private_ip"),
		// Two gateways of one plan cannot take one address.
		planFails(c.config(base+tfResource("nat_gateway", "one", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `private_ip = "10.0.3.50"`)+
			tfResource("nat_gateway", "two", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `private_ip = "10.0.3.50"`)),
			"InvalidIPAddress.InUse", "10.0.3.50", "private_ip"),
		// The secondary addresses: what AWS refuses for the connectivity
		// type, then any at all, as a gateway here has one address.
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, "secondary_allocation_ids = [simcloud_eip.spare.id]"),
			"InvalidParameterCombination", "secondary_allocation_ids"),
		planFails(nat("subnet_id = simcloud_subnet.app.id", "allocation_id = simcloud_eip.spare.id", "secondary_private_ip_address_count = 0"),
			"InvalidParameterCombination", "secondary_private_ip_address_count"),
		planFails(nat("subnet_id = simcloud_subnet.app.id", "allocation_id = simcloud_eip.spare.id", "secondary_allocation_ids = [simcloud_eip.nat.id]"),
			"UnsupportedOperation", "secondary_allocation_ids"),
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, "secondary_private_ip_address_count = 2"),
			"UnsupportedOperation", "secondary_private_ip_address_count"),
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `secondary_private_ip_addresses = ["10.0.3.9"]`),
			"UnsupportedOperation", "secondary_private_ip_addresses"),
		planFails(nat("subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`, `secondary_private_ip_addresses = []`,
			"secondary_private_ip_address_count = 0"), "secondary_private_ip_address_count"),
		resource.TestStep{
			Config: c.config(base + tfResource("nat_gateway", "private", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`,
				`private_ip = "10.0.3.100"`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("simcloud_nat_gateway.private", tfjsonpath.New("allocation_id"), knownvalue.StringExact("")),
				plancheck.ExpectKnownValue("simcloud_nat_gateway.private", tfjsonpath.New("secondary_private_ip_addresses"), knownvalue.SetSizeExact(0)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_nat_gateway.private", "public_ip", knownvalue.StringExact("")),
				attrIs("simcloud_nat_gateway.private", "private_ip", knownvalue.StringExact("10.0.3.100")),
				// As AWS's: an empty string when unset, as the data source's.
				attrIs("simcloud_nat_gateway.private", "allocation_id", knownvalue.StringExact("")),
				attrIs("simcloud_nat_gateway.private", "secondary_allocation_ids", knownvalue.SetSizeExact(0)),
				attrIs("simcloud_nat_gateway.private", "secondary_private_ip_addresses", knownvalue.SetSizeExact(0)),
				attrIs("simcloud_nat_gateway.private", "secondary_private_ip_address_count", knownvalue.Int64Exact(0)),
				attrIs("simcloud_nat_gateway.main", "allocation_id", matching(`^eipalloc-`)),
			},
		},
		importStep("simcloud_nat_gateway.private"),
		// The address taken, another gateway cannot have it; a new address
		// replaces the gateway.
		planFails(c.config(base+tfResource("nat_gateway", "private", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`,
			`private_ip = "10.0.3.100"`)+tfResource("nat_gateway", "extra", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`,
			`private_ip = "10.0.3.100"`)), "InvalidIPAddress.InUse", "nat-", "private_ip"),
		actionStep(c.config(base+tfResource("nat_gateway", "private", "subnet_id = simcloud_subnet.data.id", `connectivity_type = "private"`,
			`private_ip = "10.0.3.101"`)), "simcloud_nat_gateway.private", actionReplace),
	)
}

// TestAccNATGateway_movedKeepsItsAddress moves a NAT gateway to another
// subnet with the same elastic IP: a replacement the address does not stand
// in the way of.
func TestAccNATGateway_movedKeepsItsAddress(t *testing.T) {
	c := newTestCloud(t)
	natIn := func(subnet string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfGateway("main", "main") +
			tfSubnet("a", "main", "10.0.1.0/24") + tfSubnet("b", "main", "10.0.2.0/24") + tfResource("eip", "nat") +
			tfResource("nat_gateway", "main", "subnet_id = "+tfID("subnet", subnet), "allocation_id = simcloud_eip.nat.id",
				"depends_on = [simcloud_internet_gateway.main]"))
	}
	unitTest(t,
		resource.TestStep{Config: natIn("a")},
		resource.TestStep{
			Config:            natIn("b"),
			ConfigPlanChecks:  expectPlanAction("simcloud_nat_gateway.main", actionReplace),
			ConfigStateChecks: []statecheck.StateCheck{attrIs("simcloud_nat_gateway.main", "private_ip", knownvalue.StringExact("10.0.2.4"))},
		},
	)
}

// TestAccNATGateway_secondaryKnownAfterApply plans a private gateway whose
// secondary_allocation_ids is known only after apply, and turns out empty:
// the plan leaves it unknown (Terraform holds a plan to its configuration)
// and refuses nothing the value may not need.
func TestAccNATGateway_secondaryKnownAfterApply(t *testing.T) {
	c := newTestCloud(t)
	// The list is empty, but only once the new VPC's ID is known.
	config := tfVPC("main", "10.0.0.0/16") + tfSubnet("private", "main", "10.0.1.0/24") +
		tfResource("nat_gateway", "private", "subnet_id = simcloud_subnet.private.id", `connectivity_type = "private"`,
			`secondary_allocation_ids = compact([replace(simcloud_vpc.main.id, "/.*/", "")])`)
	unitTest(t,
		resource.TestStep{Config: c.config(config), ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_nat_gateway.private", "secondary_allocation_ids", knownvalue.SetSizeExact(0)),
		}},
		resource.TestStep{Config: c.config(config), ConfigPlanChecks: expectEmptyPlan},
	)
}
