package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeTableModel struct {
	taggedObject
	routeTableAttributes
}

// routeTableAttributes are what simcloud_route_table and
// simcloud_default_route_table both read from a table.
type routeTableAttributes struct {
	vpcObject
	Route types.Set `tfsdk:"route"`
	// PropagatingVGWs are the virtual private gateways that propagate into
	// the table; managed when the configuration sets them.
	PropagatingVGWs types.Set `tfsdk:"propagating_vgws"`
}

func (a *routeTableAttributes) read(table cloud.RouteTable, targetKeys []string, diags *diag.Diagnostics) {
	a.readVPCObject(table.ARN(), table.OwnerID, table.VPCID)
	a.Route = routesFromCloud(table.Routes, targetKeys, a.Route, diags)
	vgws, ds := types.SetValueFrom(context.Background(), types.StringType, append([]string{}, table.PropagatingVGWs...))
	diags.Append(ds...)
	a.PropagatingVGWs = vgws
}

// propagatingVGWsAttribute is propagating_vgws of both table resources: as
// in aws_route_table, the gateways that propagate into the table, which
// become exactly those configured. Left out, it only shows them, so that
// simcloud_vpn_gateway_route_propagation resources plan no change here.
func propagatingVGWsAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		ElementType: types.StringType,
		Optional:    true,
		Computed:    true,
		MarkdownDescription: "The virtual private gateways that propagate their routes into the table; each must be attached to the table's VPC. " +
			"Set, it makes these exactly the table's propagations (do not also use `simcloud_vpn_gateway_route_propagation` for the table); " +
			"left out, it shows the propagations made by `simcloud_vpn_gateway_route_propagation`. No VPN connections are simulated, so no routes are propagated.",
		Validators: []validator.Set{idsCheck(cloud.KindVPNGateway)},
	}
}

// withPropagations completes a table's input with its configured
// propagating_vgws, if any; planned is the planned value, which a plan for a
// new table without them sets to none.
func withPropagations(ctx context.Context, in cloud.RouteTableInput, config tfsdk.Config, isNew bool, planned *types.Set, diags *diag.Diagnostics) cloud.RouteTableInput {
	configured := configuredValue[types.Set](ctx, config, "propagating_vgws", diags)
	if configured.IsNull() {
		if isNew {
			*planned = types.SetValueMust(types.StringType, nil)
		}
		return in
	}
	in.ManagePropagations = true
	for _, element := range planned.Elements() {
		if s, ok := element.(types.String); ok {
			in.PropagatingVGWs = append(in.PropagatingVGWs, plannedID(s, cloud.KindVPNGateway))
		}
	}
	return in
}

var routeTableKind = resourceKind[routeTableModel, cloud.RouteTable]{
	kind: cloud.KindRouteTable,
	schema: schema.Schema{
		MarkdownDescription: "A route table, with the arguments and attributes of `aws_route_table`: it decides where the traffic of the subnets it serves goes.",
		Attributes: map[string]schema.Attribute{
			"arn":              computedID("The table's ARN."),
			"owner_id":         computedID("The ID of the account that owns the table."),
			"vpc_id":           replacingReference(cloud.KindVPC, "The VPC of the table. Changing it replaces the table."),
			"route":            inlineRoutesAttribute(routeTargetKeys),
			"propagating_vgws": propagatingVGWsAttribute(),
		},
	},
	updateOp:    "ReplaceRouteTableRoutes",
	errorFields: routeTableFields,
	create: func(d *providerData, ctx context.Context, a applyStep[routeTableModel]) (cloud.RouteTable, error) {
		in := withPropagations(ctx, routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags), a.config, false, &a.plan.PropagatingVGWs, a.diags)
		in.VPCID = a.plan.VPCID.ValueString()
		return d.client.CreateRouteTable(ctx, in)
	},
	get: (*cloud.Client).RouteTable,
	update: func(d *providerData, ctx context.Context, a applyStep[routeTableModel]) (cloud.RouteTable, error) {
		in := withPropagations(ctx, routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags), a.config, false, &a.plan.PropagatingVGWs, a.diags)
		in.VPCID = a.plan.VPCID.ValueString()
		return d.client.UpdateRouteTable(ctx, a.plan.ID.ValueString(), in)
	},
	removeByID: (*cloud.Client).DeleteRouteTable,
	check: func(ctx context.Context, d *providerData, p planStep[routeTableModel]) error {
		configRoutes := plannedRoutes(ctx, p.config, p.state == nil, &p.plan.Route, routeTargetKeys, p.diags)
		if err := routeShapesError(p.plan.Route); err != nil {
			return err
		}
		tableID, holder := "", d.plan.NewHolder()
		if p.state != nil && !p.plan.ID.IsUnknown() {
			tableID, holder = p.plan.ID.ValueString(), p.holder
		}
		in := cloud.RouteTableInput{VPCID: plannedID(p.plan.VPCID, cloud.KindVPC), Tags: p.tags, Routes: routeSpecs(p.plan.Route), ManageRoutes: !configRoutes.IsNull()}
		in = withPropagations(ctx, in, p.config, p.state == nil, &p.plan.PropagatingVGWs, p.diags)
		return d.client.CheckRouteTable(ctx, d.plan, holder, tableID, in)
	},
	fillReporting: func(m *routeTableModel, table cloud.RouteTable, diags *diag.Diagnostics) {
		m.ID = types.StringValue(table.ID)
		m.read(table, routeTargetKeys, diags)
	},
	tagsOf: func(table cloud.RouteTable) map[string]string { return table.Tags },
	advise: func(ctx context.Context, d *providerData, table cloud.RouteTable, diags *diag.Diagnostics) {
		d.advise(ctx, table.ID, diags)
	},
}

// routeTableFields are the attributes of the table resources that errors of
// the cloud may name; a route's errors are shown on `route`.
var routeTableFields = map[string]string{"vpc_id": "vpc_id", "tags_all": "tags_all", "default_route_table_id": "default_route_table_id",
	"propagating_vgws": "propagating_vgws"}
