package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeModel struct {
	objectID
	RouteTableID             types.String `tfsdk:"route_table_id"`
	DestinationCIDRBlock     types.String `tfsdk:"destination_cidr_block"`
	DestinationIPv6CIDRBlock types.String `tfsdk:"destination_ipv6_cidr_block"`
	DestinationPrefixListID  types.String `tfsdk:"destination_prefix_list_id"`
	CarrierGatewayID         types.String `tfsdk:"carrier_gateway_id"`
	CoreNetworkARN           types.String `tfsdk:"core_network_arn"`
	EgressOnlyGatewayID      types.String `tfsdk:"egress_only_gateway_id"`
	GatewayID                types.String `tfsdk:"gateway_id"`
	LocalGatewayID           types.String `tfsdk:"local_gateway_id"`
	NATGatewayID             types.String `tfsdk:"nat_gateway_id"`
	NetworkInterfaceID       types.String `tfsdk:"network_interface_id"`
	ODBNetworkARN            types.String `tfsdk:"odb_network_arn"`
	TransitGatewayID         types.String `tfsdk:"transit_gateway_id"`
	VPCEndpointID            types.String `tfsdk:"vpc_endpoint_id"`
	VPCPeeringConnectionID   types.String `tfsdk:"vpc_peering_connection_id"`
	InstanceID               types.String `tfsdk:"instance_id"`
	InstanceOwnerID          types.String `tfsdk:"instance_owner_id"`
	State                    types.String `tfsdk:"state"`
	Origin                   types.String `tfsdk:"origin"`
}

// The destination and target arguments of simcloud_route, as aws_route has
// them; the cloud says which targets it serves (cloud.RouteTargetKind) and
// refuses the others.
var (
	routeResourceDestinations = []string{"destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id"}
	routeResourceTargets      = []string{"carrier_gateway_id", "core_network_arn", "egress_only_gateway_id", "gateway_id", "local_gateway_id",
		"nat_gateway_id", "network_interface_id", "odb_network_arn", "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id"}
)

// arguments are the route's destination and target arguments by name.
func (m *routeModel) arguments() map[string]*types.String {
	return map[string]*types.String{
		"destination_cidr_block": &m.DestinationCIDRBlock, "destination_ipv6_cidr_block": &m.DestinationIPv6CIDRBlock,
		"destination_prefix_list_id": &m.DestinationPrefixListID,
		"carrier_gateway_id":         &m.CarrierGatewayID, "core_network_arn": &m.CoreNetworkARN, "egress_only_gateway_id": &m.EgressOnlyGatewayID,
		"gateway_id": &m.GatewayID, "local_gateway_id": &m.LocalGatewayID, "nat_gateway_id": &m.NATGatewayID,
		"network_interface_id": &m.NetworkInterfaceID, "odb_network_arn": &m.ODBNetworkARN, "transit_gateway_id": &m.TransitGatewayID,
		"vpc_endpoint_id": &m.VPCEndpointID, "vpc_peering_connection_id": &m.VPCPeeringConnectionID,
	}
}

// spec is the route the model asks for; at plan, values known only after
// apply are cloud.Unknown. An argument that is null or "" is unset.
func (m routeModel) spec() cloud.RouteSpec {
	var spec cloud.RouteSpec
	for name, value := range m.arguments() {
		if value.IsNull() || (!value.IsUnknown() && value.ValueString() == "") {
			continue
		}
		if slices.Contains(routeResourceDestinations, name) {
			spec.Destination = planned(*value)
		} else if kind, ok := cloud.RouteTargetKind(name); ok {
			spec.Target = plannedID(*value, kind)
		}
	}
	return spec
}

// routeArgument is a destination or target argument of simcloud_route: ""
// when unset, as in the AWS provider, so that either form plans no change.
func routeArgument(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(""),
		MarkdownDescription: description + " `\"\"` when unset.", Validators: validators}
}

// unsupportedTarget is a target argument of aws_route for objects the
// simulated cloud does not have: accepted so that configurations port, and
// refused at plan when set.
func unsupportedTarget(name, object string) schema.StringAttribute {
	return routeArgument(fmt.Sprintf("%s. The simulated cloud cannot serve it (%s): set, it fails at plan with `UnsupportedOperation`.",
		object, cloud.RouteArgumentUnsupported(name)))
}

// unlessUnset runs check on a value that is not "", the AWS provider's
// unset.
func unlessUnset(check func(string) error) validator.String {
	return cloudCheck(func(s string) error {
		if s == "" {
			return nil
		}
		return check(s)
	})
}

func routeSchema() schema.Schema {
	replacing := func(a schema.StringAttribute) schema.StringAttribute {
		a.PlanModifiers = replaceOnChange
		return a
	}
	idOf := func(kind cloud.Kind) validator.String {
		return unlessUnset(func(id string) error { return cloud.ValidateID(kind, id, "") })
	}
	return schema.Schema{
		MarkdownDescription: "One route of a route table, with the arguments and attributes of `aws_route`: traffic for a destination block goes to a target.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("`r-` followed by the table's ID and the CRC-32 of the destination, as the AWS provider makes it."),
			"route_table_id": replacingReference(cloud.KindRouteTable, "The table the route belongs to. Changing it replaces the route."),
			"destination_cidr_block": cidrAttribute(replacing(routeArgument("The IPv4 block the route sends, such as `0.0.0.0/0`. One destination is required. Changing it replaces the route.",
				unlessUnset(func(s string) error {
					_, err := cloud.ParseIPv4Network(s, "destinationCidrBlock", "destination_cidr_block")
					return err
				})))),
			"destination_ipv6_cidr_block": cidrAttribute(replacing(routeArgument("The IPv6 block the route sends, such as `::/0`. Changing it replaces the route.",
				unlessUnset(func(s string) error {
					_, err := cloud.ParseIPv6Network(s, "destinationIpv6CidrBlock", "destination_ipv6_cidr_block")
					return err
				})))),
			"destination_prefix_list_id": replacing(routeArgument("A customer-managed prefix list (`simcloud_ec2_managed_prefix_list`) of the table's region whose blocks the route sends. "+
				"An AWS-managed list fails at plan with `InvalidParameterValue` (its Gateway endpoint routes it); an unknown one with `InvalidPrefixListID.NotFound`. "+
				"Changing it replaces the route.", idOf(cloud.KindPrefixList))),
			"gateway_id": routeArgument("An internet gateway or a virtual private gateway to send the traffic to. One target is required; changing the target is done in place.",
				unlessUnset(func(id string) error { return cloud.ValidateRouteTargetID("gateway_id", id) })),
			"egress_only_gateway_id": routeArgument("An egress-only internet gateway to send the traffic to; IPv6 destinations only.",
				idOf(cloud.KindEgressOnlyInternetGateway)),
			"nat_gateway_id": routeArgument("A NAT gateway to send the traffic to.", idOf(cloud.KindNATGateway)),
			"vpc_peering_connection_id": routeArgument("A VPC peering connection of the table's VPC to send the traffic to; the route is a `blackhole` "+
				"while the connection waits for acceptance, and once it is deleted. A connection of two other VPCs fails at plan (`InvalidParameterValue`).",
				idOf(cloud.KindVPCPeeringConnection)),
			"network_interface_id": routeArgument("A network interface of the table's VPC (a NAT or firewall appliance) to send the traffic to. "+
				"Network paths stop there: the simulated cloud does not follow traffic through an appliance.", idOf(cloud.KindNetworkInterface)),
			"carrier_gateway_id": unsupportedTarget("carrier_gateway_id", "A carrier gateway to send the traffic to"),
			"core_network_arn":   unsupportedTarget("core_network_arn", "The ARN of a Cloud WAN core network to send the traffic to"),
			"local_gateway_id":   unsupportedTarget("local_gateway_id", "An Outpost's local gateway to send the traffic to"),
			"odb_network_arn":    unsupportedTarget("odb_network_arn", "The ARN of an Oracle Database@AWS network to send the traffic to"),
			"transit_gateway_id": unsupportedTarget("transit_gateway_id", "A transit gateway to send the traffic to"),
			"vpc_endpoint_id":    unsupportedTarget("vpc_endpoint_id", "A Gateway Load Balancer endpoint to send the traffic to"),
			"instance_id": computedValue("The instance whose network interface the route sends the traffic to (`network_interface_id`), " +
				"`\"\"` when the target is no instance's interface. As of the last refresh."),
			"instance_owner_id": computedValue("The ID of the account that owns `instance_id`'s instance, `\"\"` when there is none."),
			"state":             computedValue("`active`, or `blackhole` when the target is gone, no longer attached to the table's VPC, or a peering connection not active. As of the last refresh."),
			"origin":            computedID("How the route was made: `CreateRoute`."),
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
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckRouteArguments, slices.Concat(routeResourceDestinations, routeResourceTargets)...)},
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
	arguments := m.arguments()
	for _, value := range arguments {
		*value = types.StringValue("")
	}
	destination := destinationAttributeOf(route.Destination)
	*arguments[destination] = types.StringValue(route.Destination)
	switch destination {
	case "destination_ipv6_cidr_block":
		m.DestinationIPv6CIDRBlock = cidrFromCloud(priorV6, route.Destination)
	case "destination_cidr_block":
		m.DestinationCIDRBlock = cidrFromCloud(priorV4, route.Destination)
	}
	*arguments[targetAttribute(route.Target)] = types.StringValue(route.Target)
	m.InstanceID, m.InstanceOwnerID = types.StringValue(route.InstanceID), types.StringValue(route.InstanceOwnerID)
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
