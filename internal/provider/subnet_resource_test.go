package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// publicPrivate is the classic network: a VPC with an internet gateway, a
// public subnet whose table routes 0.0.0.0/0 to the gateway, and a private
// subnet left on the main table. publicRoutes is the public table's route
// argument.
func publicPrivate(publicRoutes string) string {
	return `
resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_subnet" "public" {
  vpc_id                  = simcloud_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}

resource "simcloud_subnet" "private" {
  vpc_id               = simcloud_vpc.main.id
  cidr_block           = "10.0.2.0/24"
  availability_zone_id = "use1-az2"
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id
  ` + publicRoutes + `
}

resource "simcloud_route_table_association" "public" {
  subnet_id      = simcloud_subnet.public.id
  route_table_id = simcloud_route_table.public.id
}
`
}

const routeToGateway = `route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }`

func isPublic(subnet string, want bool) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("simcloud_subnet."+subnet, tfjsonpath.New("is_public"), knownvalue.Bool(want))
}

func TestAccSubnet_publicAndPrivate(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(publicPrivate(routeToGateway))
	unitTest(t,
		resource.TestStep{
			Config: config,
			// is_public is read when the subnet is, before its table gets its
			// route in the same apply: the next refresh tells the truth.
		},
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				isPublic("public", true),
				isPublic("private", false),
				statecheck.ExpectKnownValue("simcloud_subnet.public", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^subnet-[0-9a-f]{17}$`))),
				statecheck.ExpectKnownValue("simcloud_subnet.public", tfjsonpath.New("availability_zone"), knownvalue.StringExact("us-east-1a")),
				statecheck.ExpectKnownValue("simcloud_subnet.private", tfjsonpath.New("availability_zone"), knownvalue.StringExact("us-east-1b")),
				statecheck.ExpectKnownValue("simcloud_subnet.public", tfjsonpath.New("arn"),
					knownvalue.StringRegexp(regexp.MustCompile(`^arn:aws:ec2:us-east-1:123456789012:subnet/subnet-[0-9a-f]{17}$`))),
				statecheck.CompareValuePairs("simcloud_subnet.public", tfjsonpath.New("effective_route_table_id"),
					"simcloud_route_table.public", tfjsonpath.New("id"), compare.ValuesSame()),
				statecheck.CompareValuePairs("simcloud_subnet.private", tfjsonpath.New("effective_route_table_id"),
					"simcloud_vpc.main", tfjsonpath.New("main_route_table_id"), compare.ValuesSame()),
			},
		},
		resource.TestStep{ResourceName: "simcloud_subnet.public", ImportState: true, ImportStateVerify: true},
		resource.TestStep{ResourceName: "simcloud_route_table.public", ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			ResourceName: "simcloud_route_table_association.public", ImportState: true, ImportStateVerify: true,
			ImportStateIdFunc: func(s *terraformState) (string, error) {
				a := s.RootModule().Resources["simcloud_route_table_association.public"].Primary.Attributes
				return a["subnet_id"] + "/" + a["route_table_id"], nil
			},
		},
		// Removing the route makes the public subnet private.
		resource.TestStep{Config: c.config(publicPrivate(`route = []`))},
		resource.TestStep{
			Config:            c.config(publicPrivate(`route = []`)),
			ConfigStateChecks: []statecheck.StateCheck{isPublic("public", false)},
		},
		// Route back; then detach the gateway behind Terraform's back.
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				g := c.onlyGateway(t)
				if err := c.client.DetachInternetGateway(context.Background(), g.ID, g.VPCID); err != nil {
					t.Fatal(err)
				}
				table := c.tableWithRoute(t, "0.0.0.0/0")
				for _, r := range table.Routes {
					if r.Destination == "0.0.0.0/0" && r.State != cloud.RouteStateBlackhole {
						t.Errorf("route to a detached gateway is %s, want blackhole", r.State)
					}
				}
				if s := c.subnetByCIDR(t, "10.0.1.0/24"); s.IsPublic {
					t.Error("a subnet whose gateway is detached is still public")
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_internet_gateway.main", plancheck.ResourceActionUpdate),
			}},
		},
	)
}

func TestAccSubnet_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := publicPrivate(routeToGateway)
	planFails := func(extra string, parts ...string) resource.TestStep {
		return resource.TestStep{Config: c.config(base + extra), PlanOnly: true, ExpectError: expectError(parts...)}
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(`
resource "simcloud_subnet" "outside" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.1.0.0/24"
}`, "InvalidSubnet.Range: The CIDR '10.1.0.0/24' is invalid.", "cidr_block", "inside vpc-"),
		planFails(`
resource "simcloud_subnet" "tiny" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.9.0/29"
}`, "InvalidSubnet.Range", "between /16 and /28"),
		planFails(`
resource "simcloud_subnet" "overlap" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.0.0/23"
}`, "InvalidSubnet.Conflict: The CIDR '10.0.0.0/23' conflicts with another subnet", "cidr_block",
			"AWS's message:", "The CIDR '10.0.0.0/23' conflicts with another subnet", "Objects involved: vpc-", ", subnet-", "How to fix: Subnets of one VPC may not overlap"),
		planFails(`
resource "simcloud_subnet" "one" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.8.0/24"
}

resource "simcloud_subnet" "two" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.8.0/25"
}`, "InvalidSubnet.Conflict", "Objects involved: vpc-",
			// Either subnet may be planned first and refuse the other.
			", the simcloud_subnet planned in this configuration with cidr_block 10.0.8.0/2"),
		planFails(`
resource "simcloud_subnet" "zone" {
  vpc_id            = simcloud_vpc.main.id
  cidr_block        = "10.0.9.0/24"
  availability_zone = "eu-west-1a"
}`, "InvalidParameterValue: Value (eu-west-1a) for parameter availabilityZone is invalid", "availability_zone"),
		planFails(`
resource "simcloud_subnet" "v6" {
  vpc_id          = simcloud_vpc.main.id
  cidr_block      = "10.0.9.0/24"
  ipv6_cidr_block = "2001:db8:1:100::/64"
}`, "has no IPv6 CIDR block", "ipv6_cidr_block"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccSubnet_replacedInPlace changes a subnet's block to one that
// overlaps its old block: the replacement must not be counted against
// itself at plan.
func TestAccSubnet_replacedInPlace(t *testing.T) {
	c := newTestCloud(t)
	subnet := func(cidr string) string {
		return c.config(`
resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_subnet" "test" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "` + cidr + `"
}`)
	}
	unitTest(t,
		resource.TestStep{Config: subnet("10.0.1.0/24")},
		resource.TestStep{
			Config: subnet("10.0.1.0/25"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_subnet.test", plancheck.ResourceActionDestroyBeforeCreate),
			}},
		},
	)
}

func TestAccSubnet_drift(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(publicPrivate(routeToGateway))
	unitTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				ctx := context.Background()
				s := c.subnetByCIDR(t, "10.0.2.0/24")
				if err := c.client.DeleteSubnet(ctx, s.ID); err != nil {
					t.Fatal(err)
				}
				public := c.subnetByCIDR(t, "10.0.1.0/24")
				a, err := c.client.SubnetAssociation(ctx, public.ID, public.RouteTableID)
				if err != nil {
					t.Fatal(err)
				}
				if err := c.client.Disassociate(ctx, a.ID); err != nil {
					t.Fatal(err)
				}
				if err := c.client.DeleteRoute(ctx, c.tableWithRoute(t, "0.0.0.0/0").ID, "0.0.0.0/0"); err != nil {
					t.Fatal(err)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_subnet.private", plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction("simcloud_route_table_association.public", plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction("simcloud_route_table.public", plancheck.ResourceActionUpdate),
			}},
		},
	)
}

func (c *testCloud) subnetByCIDR(t *testing.T, cidr string) cloud.Subnet {
	t.Helper()
	found, err := c.client.FindSubnets(context.Background(), cloud.SubnetFilter{CIDRBlock: cidr})
	if err != nil || len(found) != 1 {
		t.Fatalf("want one subnet with %s, found %d (%v)", cidr, len(found), err)
	}
	return found[0]
}

// tableWithRoute returns the one route table with a route to destination
// (and to target, if one is given).
func (c *testCloud) tableWithRoute(t *testing.T, destination string, target ...string) cloud.RouteTable {
	t.Helper()
	tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var found []cloud.RouteTable
	for _, table := range tables {
		for _, r := range table.Routes {
			if r.Destination == destination && (len(target) == 0 || r.Target == target[0]) {
				found = append(found, table)
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one table with a route to %s, found %d", destination, len(found))
	}
	return found[0]
}
