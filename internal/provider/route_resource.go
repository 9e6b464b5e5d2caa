package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeModel struct {
	objectID
	RouteTableID             types.String `tfsdk:"route_table_id"`
	DestinationCIDRBlock     types.String `tfsdk:"destination_cidr_block"`
	DestinationIPv6CIDRBlock types.String `tfsdk:"destination_ipv6_cidr_block"`
	DestinationPrefixListID  types.String `tfsdk:"destination_prefix_list_id"`
	GatewayID                types.String `tfsdk:"gateway_id"`
	EgressOnlyGatewayID      types.String `tfsdk:"egress_only_gateway_id"`
	NATGatewayID             types.String `tfsdk:"nat_gateway_id"`
	VPCPeeringConnectionID   types.String `tfsdk:"vpc_peering_connection_id"`
	NetworkInterfaceID       types.String `tfsdk:"network_interface_id"`
	State                    types.String `tfsdk:"state"`
	Origin                   types.String `tfsdk:"origin"`
}

// spec is the route the model asks for; at plan, values known only after
// apply are cloud.Unknown.
func (m routeModel) spec() cloud.RouteSpec {
	spec := cloud.RouteSpec{Destination: planned(m.DestinationCIDRBlock), Target: plannedID(m.GatewayID, cloud.KindInternetGateway)}
	if !m.DestinationIPv6CIDRBlock.IsNull() {
		spec.Destination = planned(m.DestinationIPv6CIDRBlock)
	}
	if !m.DestinationPrefixListID.IsNull() {
		spec.Destination = plannedID(m.DestinationPrefixListID, cloud.KindPrefixList)
	}
	if !m.EgressOnlyGatewayID.IsNull() {
		spec.Target = plannedID(m.EgressOnlyGatewayID, cloud.KindEgressOnlyInternetGateway)
	}
	if !m.NATGatewayID.IsNull() {
		spec.Target = plannedID(m.NATGatewayID, cloud.KindNATGateway)
	}
	if !m.VPCPeeringConnectionID.IsNull() {
		spec.Target = plannedID(m.VPCPeeringConnectionID, cloud.KindVPCPeeringConnection)
	}
	if !m.NetworkInterfaceID.IsNull() {
		spec.Target = plannedID(m.NetworkInterfaceID, cloud.KindNetworkInterface)
	}
	return spec
}

func routeSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "One route of a route table, with the arguments and attributes of `aws_route`: traffic for a destination block goes to a target.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("`r-` followed by the table's ID and the CRC-32 of the destination, as the AWS provider makes it."),
			"route_table_id": replacingReference(cloud.KindRouteTable, "The table the route belongs to. Changing it replaces the route."),
			"destination_cidr_block": optionalReplacingCIDR("The IPv4 block the route sends, such as `0.0.0.0/0`. One destination is required. Changing it replaces the route.",
				cloudCheck(func(s string) error {
					_, err := cloud.ParseIPv4Network(s, "destinationCidrBlock", "destination_cidr_block")
					return err
				})),
			"destination_ipv6_cidr_block": optionalReplacingCIDR("The IPv6 block the route sends, such as `::/0`. Changing it replaces the route.",
				cloudCheck(func(s string) error {
					_, err := cloud.ParseIPv6Network(s, "destinationIpv6CidrBlock", "destination_ipv6_cidr_block")
					return err
				})),
			"destination_prefix_list_id": optionalReplacing("A customer-managed prefix list (`simcloud_ec2_managed_prefix_list`) of the table's region whose blocks the route sends. "+
				"An AWS-managed list fails at plan with `InvalidParameterValue` (its Gateway endpoint routes it); an unknown one with `InvalidPrefixListID.NotFound`. "+
				"Changing it replaces the route.", idCheck(cloud.KindPrefixList)),
			"gateway_id": optionalArgument("An internet gateway or a virtual private gateway to send the traffic to. One target is required; changing the target is done in place.",
				cloudCheck(func(id string) error { return cloud.ValidateRouteTargetID("gateway_id", id) })),
			"egress_only_gateway_id": optionalArgument("An egress-only internet gateway to send the traffic to; IPv6 destinations only.",
				idCheck(cloud.KindEgressOnlyInternetGateway)),
			"nat_gateway_id": optionalArgument("A NAT gateway to send the traffic to.", idCheck(cloud.KindNATGateway)),
			"vpc_peering_connection_id": optionalArgument("A VPC peering connection of the table's VPC to send the traffic to; the route is a `blackhole` "+
				"while the connection waits for acceptance, and once it is deleted. A connection of two other VPCs fails at plan (`InvalidParameterValue`).",
				idCheck(cloud.KindVPCPeeringConnection)),
			"network_interface_id": optionalArgument("A network interface of the table's VPC (a NAT or firewall appliance) to send the traffic to. "+
				"Network paths stop there: the simulated cloud does not follow traffic through an appliance.", idCheck(cloud.KindNetworkInterface)),
			"state":  computedValue("`active`, or `blackhole` when the target is gone, no longer attached to the table's VPC, or a peering connection not active. As of the last refresh."),
			"origin": computedID("How the route was made: `CreateRoute`."),
		},
	}
}

var routeKind = resourceKind[routeModel, cloud.Route]{
	typeName:   "_route",
	schema:     routeSchema(),
	createOp:   "CreateRoute",
	describeOp: "DescribeRouteTables",
	updateOp:   "ReplaceRoute",
	deleteOp:   "DeleteRoute",
	// The cloud's own rule checks which of the route's destination and
	// target arguments are set, so that a route with two targets, or an IPv4
	// destination for an egress-only gateway, fails at plan with AWS's code
	// even while the IDs are unknown.
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckRouteArguments,
		"destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id", "gateway_id", "egress_only_gateway_id", "nat_gateway_id", "vpc_peering_connection_id", "network_interface_id")},
	create: func(d *providerData, ctx context.Context, a applyStep[routeModel]) (cloud.Route, error) {
		return d.client.CreateRoute(ctx, a.plan.RouteTableID.ValueString(), a.plan.spec())
	},
	read: func(c *cloud.Client, ctx context.Context, state *routeModel) (cloud.Route, error) {
		return c.Route(ctx, state.RouteTableID.ValueString(), state.spec().Destination)
	},
	update: func(d *providerData, ctx context.Context, a applyStep[routeModel]) (cloud.Route, error) {
		return d.client.ReplaceRoute(ctx, a.plan.RouteTableID.ValueString(), a.plan.spec())
	},
	remove: func(c *cloud.Client, ctx context.Context, state *routeModel) error {
		return c.DeleteRoute(ctx, state.RouteTableID.ValueString(), state.spec().Destination)
	},
	check: func(ctx context.Context, d *providerData, p planStep[routeModel]) error {
		spec, tableID := p.plan.spec(), plannedID(p.plan.RouteTableID, cloud.KindRouteTable)
		stateID, change, targetChange := "", unchanged, false
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			replacing := !p.plan.RouteTableID.Equal(state.RouteTableID) || state.spec().Destination != spec.Destination
			targetChange = !replacing
			change = changeOf(replacing, state.spec() == spec)
		}
		key := strings.Join([]string{"simcloud_route", tableID, spec.Destination, spec.Target}, "|")
		description := fmt.Sprintf("the simcloud_route planned in this configuration for %s in %s", spec.Destination, tableID)
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, _ string) error {
			return d.client.CheckRoute(ctx, d.plan, holder, tableID, spec, targetChange)
		})
	},
	fill: setRouteState,
	// A route is imported by <route-table-id>_<destination>, as the AWS
	// provider does.
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		tableID, destination, err := cloud.ParseRouteImportID(req.ID)
		destinationAttribute := destinationAttributeOf(destination)
		importAttributes(ctx, resp, err, map[string]string{
			"route_table_id": tableID, destinationAttribute: destination, "id": cloud.RouteID(tableID, destination)})
	},
}

// setRouteState records a route; a destination block that m writes another
// way keeps m's spelling.
func setRouteState(m *routeModel, route cloud.Route) {
	priorV4, priorV6 := m.DestinationCIDRBlock, m.DestinationIPv6CIDRBlock
	m.ID = types.StringValue(cloud.RouteID(route.RouteTableID, route.Destination))
	m.RouteTableID = types.StringValue(route.RouteTableID)
	m.DestinationCIDRBlock, m.DestinationIPv6CIDRBlock, m.DestinationPrefixListID = types.StringNull(), types.StringNull(), types.StringNull()
	switch destinationAttributeOf(route.Destination) {
	case "destination_prefix_list_id":
		m.DestinationPrefixListID = types.StringValue(route.Destination)
	case "destination_ipv6_cidr_block":
		m.DestinationIPv6CIDRBlock = cidrFromCloud(priorV6, route.Destination)
	default:
		m.DestinationCIDRBlock = cidrFromCloud(priorV4, route.Destination)
	}
	m.GatewayID, m.EgressOnlyGatewayID, m.NATGatewayID, m.VPCPeeringConnectionID, m.NetworkInterfaceID = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
	switch targetAttribute(route.Target) {
	case "vpc_peering_connection_id":
		m.VPCPeeringConnectionID = types.StringValue(route.Target)
	case "network_interface_id":
		m.NetworkInterfaceID = types.StringValue(route.Target)
	case "egress_only_gateway_id":
		m.EgressOnlyGatewayID = types.StringValue(route.Target)
	case "nat_gateway_id":
		m.NATGatewayID = types.StringValue(route.Target)
	default:
		m.GatewayID = types.StringValue(route.Target)
	}
	m.State = types.StringValue(route.State)
	m.Origin = types.StringValue(route.Origin)
}

// destinationAttributeOf names the argument of simcloud_route that holds a
// route's destination: a block of either family, or a prefix list's ID.
func destinationAttributeOf(destination string) string {
	switch {
	case cloud.IsPrefixListID(destination):
		return "destination_prefix_list_id"
	case isIPv6(destination):
		return "destination_ipv6_cidr_block"
	}
	return "destination_cidr_block"
}
