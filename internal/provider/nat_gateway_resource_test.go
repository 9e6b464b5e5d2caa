package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// threeTier is the classic network: public subnets routed to the internet
// gateway, application subnets behind a NAT gateway (IPv4) and an
// egress-only gateway (IPv6), and a data subnet with local routes only.
// natSubnet says where the NAT gateway sits.
func threeTier(natSubnet string) string {
	return `
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

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  ipv6_cidr_block         = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)
  map_public_ip_on_launch = true
}

resource "simcloud_subnet" "app" {
  vpc_id          = simcloud_vpc.main.id
  cidr_block      = "10.0.2.0/24"
  ipv6_cidr_block = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 2)
}

resource "simcloud_subnet" "data" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.3.0/24"
}

resource "simcloud_eip" "nat" {
  domain = "vpc"
}

resource "simcloud_nat_gateway" "main" {
  subnet_id     = simcloud_subnet.` + natSubnet + `.id
  allocation_id = simcloud_eip.nat.id
  depends_on    = [simcloud_internet_gateway.main]
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
  route {
    ipv6_cidr_block = "::/0"
    gateway_id      = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_route_table" "app" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = simcloud_nat_gateway.main.id
  }
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id
  }
}

resource "simcloud_route_table" "data" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}

resource "simcloud_route_table_association" "app" {
  subnet_id      = simcloud_subnet.app.id
  route_table_id = simcloud_route_table.app.id
}

resource "simcloud_route_table_association" "data" {
  subnet_id      = simcloud_subnet.data.id
  route_table_id = simcloud_route_table.data.id
}
`
}

const readAccess = `
data "simcloud_subnet" "public" { id = simcloud_subnet.public.id }
data "simcloud_subnet" "app" { id = simcloud_subnet.app.id }
data "simcloud_subnet" "data" { id = simcloud_subnet.data.id }
`

func access(address string, out4, in4, out6, in6 bool) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New("internet_access"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
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
				statecheck.ExpectKnownValue("simcloud_eip.nat", tfjsonpath.New("public_ip"),
					knownvalue.StringRegexp(regexp.MustCompile(`^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$`))),
				statecheck.ExpectKnownValue("simcloud_nat_gateway.main", tfjsonpath.New("private_ip"), knownvalue.StringExact("10.0.1.4")),
				statecheck.ExpectKnownValue("simcloud_nat_gateway.main", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^nat-[0-9a-f]{17}$`))),
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
				statecheck.ExpectKnownValue("data.simcloud_subnet.app", tfjsonpath.New("internet_access"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"ipv4_outbound_reason": knownvalue.StringRegexp(regexp.MustCompile(`^through nat-`)),
					"ipv4_inbound_reason":  knownvalue.StringRegexp(regexp.MustCompile(`lets no connection in`)),
				})),
			},
		},
		resource.TestStep{ResourceName: "simcloud_nat_gateway.main", ImportState: true, ImportStateVerify: true},
		resource.TestStep{ResourceName: "simcloud_eip.nat", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"association_id"}},
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
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_nat_gateway.main", plancheck.ResourceActionCreate),
			}},
		},
	)
}

// TestAccNetworkPath_namesTheBreak puts the NAT gateway in the application
// subnet itself, where it has no way out: the path data source says so.
func TestAccNetworkPath_namesTheBreak(t *testing.T) {
	c := newTestCloud(t)
	broken := threeTier("app")
	paths := broken + `
data "simcloud_network_path" "app_out" {
  subnet_id  = simcloud_subnet.app.id
  direction  = "outbound"
  ip_version = "ipv4"
}

data "simcloud_network_path" "public_in" {
  subnet_id  = simcloud_subnet.public.id
  direction  = "inbound"
  ip_version = "ipv4"
}
`
	unitTest(t,
		resource.TestStep{Config: c.config(broken)},
		resource.TestStep{
			Config: c.config(paths),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.simcloud_network_path.app_out", tfjsonpath.New("reachable"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.simcloud_network_path.app_out", tfjsonpath.New("breaks_at"),
					knownvalue.StringRegexp(regexp.MustCompile(`^nat-[0-9a-f]{17} sits in subnet-[0-9a-f]{17}, whose route table rtb-[0-9a-f]{17} sends no internet traffic`))),
				statecheck.ExpectKnownValue("data.simcloud_network_path.app_out", tfjsonpath.New("fix"), knownvalue.StringRegexp(regexp.MustCompile(`public subnet`))),
				statecheck.ExpectKnownValue("data.simcloud_network_path.public_in", tfjsonpath.New("reachable"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.simcloud_network_path.public_in", tfjsonpath.New("hops"), knownvalue.ListSizeExact(5)),
			},
		},
		resource.TestStep{
			Config: c.config(broken + `
data "simcloud_network_path" "bad" {
  subnet_id  = simcloud_subnet.app.id
  direction  = "sideways"
  ip_version = "ipv4"
}`),
			ExpectError: expectError("InvalidParameterValue", "direction"),
		},
		resource.TestStep{Config: c.config(broken)},
	)
}

func TestAccNATGateway_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := threeTier("public") + `
resource "simcloud_vpc" "bare" {
  cidr_block = "10.9.0.0/16"
}

resource "simcloud_subnet" "bare" {
  vpc_id     = simcloud_vpc.bare.id
  cidr_block = "10.9.1.0/24"
}

resource "simcloud_eip" "spare" {
}
`
	nat := func(args string) string {
		return c.config(base + "\nresource \"simcloud_nat_gateway\" \"extra\" {\n" + args + "\n}\n")
	}
	planFails := func(config string, parts ...string) resource.TestStep {
		return resource.TestStep{Config: config, PlanOnly: true, ExpectError: expectError(parts...)}
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(nat(`subnet_id = simcloud_subnet.bare.id
  allocation_id = simcloud_eip.spare.id`), "Gateway.NotAttached: Network vpc-", "has no Internet gateway attached"),
		planFails(nat(`subnet_id = simcloud_subnet.app.id
  allocation_id = simcloud_eip.nat.id`), "Resource.AlreadyAssociated: Elastic IP address eipalloc-", "is already associated", "allocation_id"),
		planFails(nat(`subnet_id = simcloud_subnet.app.id`), "MissingParameter", "allocation_id"),
		planFails(nat(`subnet_id = simcloud_subnet.app.id
  connectivity_type = "private"
  allocation_id = simcloud_eip.spare.id`), "InvalidParameterCombination", "allocation_id"),
		planFails(c.config(base+`
resource "simcloud_route" "to_nat_elsewhere" {
  route_table_id         = simcloud_vpc.bare.main_route_table_id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = simcloud_nat_gateway.main.id
}`), "belong to different networks", "nat_gateway_id"),
		resource.TestStep{Config: c.config(base + `
resource "simcloud_nat_gateway" "private" {
  subnet_id         = simcloud_subnet.data.id
  connectivity_type = "private"
}`), ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("simcloud_nat_gateway.private", tfjsonpath.New("public_ip"), knownvalue.StringExact("")),
		}},
	)
}

// TestAccNATGateway_movedKeepsItsAddress moves a NAT gateway to another
// subnet with the same elastic IP: a replacement the address does not stand
// in the way of.
func TestAccNATGateway_movedKeepsItsAddress(t *testing.T) {
	c := newTestCloud(t)
	natIn := func(subnet string) string {
		return c.config(`
resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "a" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "simcloud_subnet" "b" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "simcloud_eip" "nat" {
}

resource "simcloud_nat_gateway" "main" {
  subnet_id     = simcloud_subnet.` + subnet + `.id
  allocation_id = simcloud_eip.nat.id
  depends_on    = [simcloud_internet_gateway.main]
}`)
	}
	unitTest(t,
		resource.TestStep{Config: natIn("a")},
		resource.TestStep{
			Config: natIn("b"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_nat_gateway.main", plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("simcloud_nat_gateway.main", tfjsonpath.New("private_ip"), knownvalue.StringExact("10.0.2.4")),
			},
		},
	)
}
