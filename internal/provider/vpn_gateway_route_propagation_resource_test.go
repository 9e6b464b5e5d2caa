package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const propagationAddress = "simcloud_vpn_gateway_route_propagation.test"

func tfPropagation(name, gateway, table string) string {
	return tfResource("vpn_gateway_route_propagation", name, "vpn_gateway_id = "+tfID("vpn_gateway", gateway), "route_table_id = "+tfID("route_table", table))
}

// TestAccVPNGatewayRoutePropagation_lifecycle: a propagation into a table of
// the VPC the gateway is attached to, made in the same apply as the
// attachment; the table shows it in propagating_vgws without a diff.
func TestAccVPNGatewayRoutePropagation_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(vpcsAB + tfVPNGateway("test", "a") + tfRouteTable("test", "a") + tfPropagation("test", "test", "test"))
	unitTest(t,
		createStep(config, propagationAddress, `^vgw-[0-9a-f]{17}_rtb-[0-9a-f]{17}$`),
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_route_table.test", "propagating_vgws", knownvalue.SetSizeExact(1)),
			},
		},
		importStep(propagationAddress),
		importFails(propagationAddress, "rtb-0123456789abcdef0_vgw-0123456789abcdef0", "Invalid import ID", "VPN-GATEWAY-ID_ROUTE-TABLE-ID"),
		// Ended behind Terraform's back: planned again.
		driftStep(t, func() error {
			g := c.onlyVPNGateway(t)
			tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{VPCID: g.VPCID, Main: new(false)})
			if err != nil || len(tables) != 1 {
				t.Fatalf("tables: %v, %v", tables, err)
			}
			return c.client.DisableVGWRoutePropagation(context.Background(), cloud.VGWRoutePropagation{VPNGatewayID: g.ID, RouteTableID: tables[0].ID})
		}, config, propagationAddress, actionCreate),
	)
}

func TestAccVPNGatewayRoutePropagation_refusals(t *testing.T) {
	c := newTestCloud(t)
	base := vpcsAB + tfVPNGateway("test", "a") + tfRouteTable("other", "b")
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfPropagation("test", "test", "other")),
			"Gateway.NotAttached: resource vgw-", "is not attached to network vpc-", "vpn_gateway_id"),
		planFails(c.config(base+tfRouteTable("inline", "b", "propagating_vgws = ["+tfID("vpn_gateway", "test")+"]")),
			"Gateway.NotAttached", "propagating_vgws"),
		planFails(c.config(base+tfRouteTable("inline", "b", `propagating_vgws = ["igw-0123456789abcdef0"]`)),
			"InvalidVpnGatewayID.Malformed", "propagating_vgws"),
		resource.TestStep{Config: c.config(base)},
	)
}

// TestAccRouteTable_propagatingVGWs: set on the table, propagating_vgws
// makes the table's propagations exactly those given.
func TestAccRouteTable_propagatingVGWs(t *testing.T) {
	c := newTestCloud(t)
	network := vpcsAB + tfVPNGateway("test", "a")
	propagating := c.config(network + tfRouteTable("test", "a", "propagating_vgws = ["+tfID("vpn_gateway", "test")+"]") +
		tfResource("default_route_table", "test", "default_route_table_id = simcloud_vpc.a.default_route_table_id",
			"propagating_vgws = ["+tfID("vpn_gateway", "test")+"]"))
	none := c.config(network + tfRouteTable("test", "a", "propagating_vgws = []") +
		tfResource("default_route_table", "test", "default_route_table_id = simcloud_vpc.a.default_route_table_id"))
	propagatingTables := func(want int) func(*terraformState) error {
		return func(*terraformState) error {
			g := c.onlyVPNGateway(t)
			tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{VPCID: g.VPCID})
			if err != nil {
				return err
			}
			got := 0
			for _, table := range tables {
				got += len(table.PropagatingVGWs)
			}
			if got != want {
				t.Errorf("%d tables propagate from %s, want %d", got, g.ID, want)
			}
			return nil
		}
	}
	unitTest(t,
		withCheck(resource.TestStep{Config: propagating}, propagatingTables(2)),
		resource.TestStep{Config: propagating, ConfigPlanChecks: expectEmptyPlan},
		// Left out on the default table, its propagation stays.
		withCheck(resource.TestStep{Config: none}, propagatingTables(1)),
		resource.TestStep{Config: none, ConfigPlanChecks: expectEmptyPlan},
	)
}
