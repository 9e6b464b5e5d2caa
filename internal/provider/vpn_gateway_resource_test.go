package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const vgwAddress = "simcloud_vpn_gateway.test"

// tfVPNGateway is a virtual private gateway attached to simcloud_vpc.<vpc>,
// or detached for vpc "".
func tfVPNGateway(name, vpc string, arguments ...string) string {
	if vpc != "" {
		arguments = append([]string{"vpc_id = " + tfID("vpc", vpc)}, arguments...)
	}
	return tfResource("vpn_gateway", name, arguments...)
}

// onlyVPNGateway returns the one virtual private gateway in the test's cloud.
func (c *testCloud) onlyVPNGateway(t *testing.T) cloud.VPNGateway {
	t.Helper()
	return onlyOne[cloud.VPNGateway](t, c, "virtual private gateway", cloud.VPNGatewayFilter{})
}

func TestAccVPNGateway_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	gateway := func(vpc string, arguments ...string) string {
		return c.config(vpcsAB + tfVPNGateway("test", vpc, arguments...))
	}
	unitTest(t,
		createStep(gateway("a", `availability_zone = "us-east-1a"`), vgwAddress, `^vgw-[0-9a-f]{17}$`,
			attrIs(vgwAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:vpn-gateway/vgw-[0-9a-f]{17}$`)),
			attrIs(vgwAddress, "amazon_side_asn", knownvalue.StringExact("64512")),
			sameValue(vgwAddress, "vpc_id", "simcloud_vpc.a", "id"),
		),
		resource.TestStep{Config: gateway("a", `availability_zone = "us-east-1a"`), ConfigPlanChecks: expectEmptyPlan},
		importStep(vgwAddress),
		// Moving between VPCs is done in place.
		resource.TestStep{
			Config:            gateway("b", `availability_zone = "us-east-1a"`),
			ConfigPlanChecks:  expectPlanAction(vgwAddress, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{sameValue(vgwAddress, "vpc_id", "simcloud_vpc.b", "id")},
		},
		actionStep(gateway("b", `amazon_side_asn = "4200000000"`), vgwAddress, actionReplace),
		// Detached behind Terraform's back: attached again in place.
		driftStep(t, func() error {
			g := c.onlyVPNGateway(t)
			return c.client.DetachVPNGateway(context.Background(), g.ID, g.VPCID)
		}, gateway("b", `amazon_side_asn = "4200000000"`), vgwAddress, actionUpdate),
		// Deleted behind Terraform's back (detached first, as AWS wants).
		driftStep(t, func() error {
			g := c.onlyVPNGateway(t)
			if err := c.client.DetachVPNGateway(context.Background(), g.ID, g.VPCID); err != nil {
				return err
			}
			return c.client.DeleteObject(context.Background(), g.ID)
		}, gateway("b", `amazon_side_asn = "4200000000"`), vgwAddress, actionCreate),
		importFails(vgwAddress, "igw-0123456789abcdef0", "Invalid import ID: InvalidVpnGatewayID.Malformed"),
	)
}

func TestAccVPNGateway_refusals(t *testing.T) {
	c := newTestCloud(t)
	base := vpcsAB + tfVPNGateway("first", "a")
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfVPNGateway("second", "a")), "InvalidVpcState: VPC vpc-", "is currently attached to the Virtual Private Gateway"),
		planFails(c.config(vpcsAB+tfVPNGateway("one", "b")+tfVPNGateway("two", "b")), "InvalidVpcState"),
		planFails(c.config(base+tfVPNGateway("second", "b", `amazon_side_asn = "65535"`)), "InvalidParameterValue", "amazon_side_asn"),
		planFails(c.config(base+tfVPNGateway("second", "b", `availability_zone = "eu-west-1a"`)), "InvalidParameterValue", "availability_zone"),
		planFails(c.config(base+tfVPNGateway("second", "", `vpc_id = "igw-0123456789abcdef0"`)), "InvalidVpcID.Malformed"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccVPNGateway_routes: a virtual private gateway is a route target by
// gateway_id, inline and in simcloud_route; a route to a gateway not
// attached to the table's VPC fails at plan, and a route through a gateway
// detached behind Terraform's back is a blackhole.
func TestAccVPNGateway_routes(t *testing.T) {
	c := newTestCloud(t)
	network := vpcsAB + tfVPNGateway("test", "a") +
		tfRouteTable("inline", "a", tfInlineRoute(`cidr_block = "192.168.0.0/16"`, "gateway_id = "+tfID("vpn_gateway", "test")))
	withRoute := network + tfRouteTable("separate", "a") +
		tfRoute("test", "separate", `destination_cidr_block = "172.16.0.0/12"`, "gateway_id = "+tfID("vpn_gateway", "test"))
	unitTest(t,
		resource.TestStep{
			Config: c.config(withRoute),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_route.test", "state", knownvalue.StringExact(cloud.RouteStateActive)),
				sameValue("simcloud_route.test", "gateway_id", vgwAddress, "id"),
			},
		},
		resource.TestStep{Config: c.config(withRoute), ConfigPlanChecks: expectEmptyPlan},
		importStepBy("simcloud_route.test", func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_route_table.separate"].Primary.ID + "_172.16.0.0/12", nil
		}),
		withCheck(resource.TestStep{
			PreConfig: func() {
				g := c.onlyVPNGateway(t)
				if err := c.client.DetachVPNGateway(context.Background(), g.ID, g.VPCID); err != nil {
					t.Fatal(err)
				}
			},
			RefreshState:       true,
			ExpectNonEmptyPlan: true,
		}, func(s *terraformState) error {
			if state := s.RootModule().Resources["simcloud_route.test"].Primary.Attributes["state"]; state != cloud.RouteStateBlackhole {
				t.Errorf("route through the detached gateway: %s, want blackhole", state)
			}
			return nil
		}),
		planFails(c.config(withRoute+tfRouteTable("other", "b", tfInlineRoute(`cidr_block = "192.168.0.0/16"`, "gateway_id = "+tfID("vpn_gateway", "test")))),
			"InvalidParameterValue: route table", "belong to different networks"),
		planFails(c.config(withRoute+tfRouteTable("other", "b")+tfRoute("bad", "other", `destination_cidr_block = "10.9.0.0/16"`, `gateway_id = "vgw-XYZ"`)),
			"InvalidVpnGatewayID.Malformed"),
		// Attached again, as the configuration says.
		actionStep(c.config(withRoute), vgwAddress, actionUpdate),
	)
}
