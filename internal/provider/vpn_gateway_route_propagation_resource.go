package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vgwRoutePropagationModel struct {
	objectID
	RouteTableID types.String `tfsdk:"route_table_id"`
	VPNGatewayID types.String `tfsdk:"vpn_gateway_id"`
}

func (m *vgwRoutePropagationModel) propagation() cloud.VGWRoutePropagation {
	return cloud.VGWRoutePropagation{VPNGatewayID: plannedID(m.VPNGatewayID, cloud.KindVPNGateway), RouteTableID: plannedID(m.RouteTableID, cloud.KindRouteTable)}
}

// Both arguments replace the propagation, so it is never updated.
var vgwRoutePropagationKind = resourceKind[vgwRoutePropagationModel, cloud.VGWRoutePropagation]{
	typeName: "_vpn_gateway_route_propagation",
	schema: schema.Schema{
		MarkdownDescription: "Has a virtual private gateway propagate its VPN connections' routes into a route table, as `aws_vpn_gateway_route_propagation` does. " +
			"The gateway must be attached to the table's VPC. The simulated cloud has no VPN connections, so no routes are propagated: the table lists the gateway in `propagating_vgws`.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("`<vpn_gateway_id>_<route_table_id>`, as the AWS provider forms it."),
			"route_table_id": replacingReference(cloud.KindRouteTable, "The route table to propagate routes into. Changing it replaces the propagation."),
			"vpn_gateway_id": replacingReference(cloud.KindVPNGateway, "The gateway to propagate routes from; it must be attached to the table's VPC. Changing it replaces the propagation."),
		},
	},
	createOp:   "EnableVgwRoutePropagation",
	describeOp: "DescribeRouteTables",
	deleteOp:   "DisableVgwRoutePropagation",
	create: func(d *providerData, ctx context.Context, a applyStep[vgwRoutePropagationModel]) (cloud.VGWRoutePropagation, error) {
		want := a.plan.propagation()
		return want, d.client.EnableVGWRoutePropagation(ctx, want)
	},
	read: func(c *cloud.Client, ctx context.Context, state *vgwRoutePropagationModel) (cloud.VGWRoutePropagation, error) {
		p := state.propagation()
		ok, err := c.VGWRoutePropagation(ctx, p)
		if err == nil && !ok {
			err = errGone
		}
		return p, err
	},
	remove: func(c *cloud.Client, ctx context.Context, state *vgwRoutePropagationModel) error {
		return unlessGone(c.DisableVGWRoutePropagation(ctx, state.propagation()), "InvalidRouteTableID.NotFound")
	},
	check: func(ctx context.Context, d *providerData, p planStep[vgwRoutePropagationModel]) error {
		if p.state != nil && p.state.propagation() == p.plan.propagation() {
			return nil
		}
		return d.client.CheckVGWRoutePropagation(ctx, d.plan, p.holder, p.plan.propagation())
	},
	fill: func(m *vgwRoutePropagationModel, p cloud.VGWRoutePropagation) {
		m.ID = types.StringValue(p.ID())
		m.RouteTableID = types.StringValue(p.RouteTableID)
		m.VPNGatewayID = types.StringValue(p.VPNGatewayID)
	},
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		p, err := cloud.ParseVGWRoutePropagationID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "vpn_gateway_id": p.VPNGatewayID, "route_table_id": p.RouteTableID})
	},
}
