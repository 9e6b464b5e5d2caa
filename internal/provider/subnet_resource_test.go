package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

func isPublic(subnet string, want bool) statecheck.StateCheck {
	return attrIs("simcloud_subnet."+subnet, "is_public", knownvalue.Bool(want))
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
			ConfigPlanChecks: expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{
				isPublic("public", true),
				isPublic("private", false),
				attrIs("simcloud_subnet.public", "id", matching(`^subnet-[0-9a-f]{17}$`)),
				attrIs("simcloud_subnet.public", "availability_zone", knownvalue.StringExact("us-east-1a")),
				// Without an IPv6 block, an empty string, as aws_subnet's.
				attrIs("simcloud_subnet.public", "ipv6_cidr_block", knownvalue.StringExact("")),
				attrIs("simcloud_subnet.public", "ipv6_cidr_block_association_id", knownvalue.StringExact("")),
				attrIs("simcloud_subnet.private", "availability_zone", knownvalue.StringExact("us-east-1b")),
				attrIs("simcloud_subnet.public", "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:subnet/subnet-[0-9a-f]{17}$`)),
				sameValue("simcloud_subnet.public", "effective_route_table_id", "simcloud_route_table.public", "id"),
				sameValue("simcloud_subnet.private", "effective_route_table_id", "simcloud_vpc.main", "main_route_table_id"),
			},
		},
		importStep("simcloud_subnet.public"),
		// Imported, the keys the route block leaves out read "".
		importStep("simcloud_route_table.public", unsetRouteKeys(routeTargetKeys)...),
		importStepBy("simcloud_route_table_association.public", func(s *terraformState) (string, error) {
			a := s.RootModule().Resources["simcloud_route_table_association.public"].Primary.Attributes
			return a["subnet_id"] + "/" + a["route_table_id"], nil
		}),
		// Removing the route makes the public subnet private.
		resource.TestStep{Config: c.config(publicPrivate(`route = []`))},
		resource.TestStep{
			Config:            c.config(publicPrivate(`route = []`)),
			ConfigStateChecks: []statecheck.StateCheck{isPublic("public", false)},
		},
		// Route back; then detach the gateway behind Terraform's back.
		resource.TestStep{Config: config},
		driftStep(t, func() error {
			if err := c.detachOnlyGateway(t); err != nil {
				return err
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
			return nil
		}, config, "simcloud_internet_gateway.main", actionUpdate),
	)
}

func TestAccSubnet_rulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := publicPrivate(routeToGateway)
	withBase := func(extra string) string { return c.config(base + extra) }
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(withBase(tfSubnet("outside", "main", "10.1.0.0/24")), "InvalidSubnet.Range: The CIDR '10.1.0.0/24' is invalid.", "cidr_block", "inside vpc-"),
		planFails(withBase(tfSubnet("tiny", "main", "10.0.9.0/29")), "InvalidSubnet.Range", "between /16 and /28"),
		planFails(withBase(tfSubnet("overlap", "main", "10.0.0.0/23")), "InvalidSubnet.Conflict: The CIDR '10.0.0.0/23' conflicts with another subnet", "cidr_block",
			"AWS's message:", "The CIDR '10.0.0.0/23' conflicts with another subnet", "Objects involved: vpc-", ", subnet-", "How to fix: Subnets of one VPC may not overlap"),
		planFails(withBase(tfSubnet("one", "main", "10.0.8.0/24")+tfSubnet("two", "main", "10.0.8.0/25")), "InvalidSubnet.Conflict", "Objects involved: vpc-",
			// Either subnet may be planned first and refuse the other.
			", the simcloud_subnet planned in this configuration with cidr_block 10.0.8.0/2"),
		planFails(withBase(tfSubnet("zone", "main", "10.0.9.0/24", `availability_zone = "eu-west-1a"`)),
			"InvalidParameterValue: Value (eu-west-1a) for parameter availabilityZone is invalid", "availability_zone"),
		planFails(withBase(tfSubnet("v6", "main", "10.0.9.0/24", `ipv6_cidr_block = "2001:db8:1:100::/64"`)), "has no IPv6 CIDR block", "ipv6_cidr_block"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccSubnet_replacedInPlace changes a subnet's block to one that
// overlaps its old block: the replacement must not be counted against
// itself at plan.
func TestAccSubnet_replacedInPlace(t *testing.T) {
	c := newTestCloud(t)
	subnet := func(cidr string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfSubnet("test", "main", cidr))
	}
	unitTest(t,
		resource.TestStep{Config: subnet("10.0.1.0/24")},
		actionStep(subnet("10.0.1.0/25"), "simcloud_subnet.test", actionReplace),
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
				plancheck.ExpectResourceAction("simcloud_subnet.private", actionCreate),
				plancheck.ExpectResourceAction("simcloud_route_table_association.public", actionCreate),
				plancheck.ExpectResourceAction("simcloud_route_table.public", actionUpdate),
			}},
		},
	)
}

func (c *testCloud) subnetByCIDR(t *testing.T, cidr string) cloud.Subnet {
	t.Helper()
	found, err := c.client.FindSubnets(context.Background(), cloud.SubnetFilter{CIDRBlock: cidr})
	return wantOne(t, "subnet with "+cidr, found, err)
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
	for _, table := range storetest.Own(t, c.client, tables) {
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
