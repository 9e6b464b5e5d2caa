package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
	ARN     types.String `tfsdk:"arn"`
	OwnerID types.String `tfsdk:"owner_id"`
	VPCID   types.String `tfsdk:"vpc_id"`
	Route   types.Set    `tfsdk:"route"`
}

func (a *routeTableAttributes) read(table cloud.RouteTable, diags *diag.Diagnostics) {
	a.ARN, a.OwnerID, a.VPCID = types.StringValue(table.ARN()), types.StringValue(table.OwnerID), types.StringValue(table.VPCID)
	a.Route = routesFromCloud(table.Routes, diags)
}

var routeTableKind = resourceKind[routeTableModel, cloud.RouteTable]{
	kind: cloud.KindRouteTable,
	schema: schema.Schema{
		MarkdownDescription: "A route table, with the arguments and attributes of `aws_route_table`: it decides where the traffic of the subnets it serves goes.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The table's ARN."),
			"owner_id": computedID("The ID of the account that owns the table."),
			"vpc_id":   replacingReference(cloud.KindVPC, "The VPC of the table. Changing it replaces the table."),
			"route":    inlineRoutesAttribute(),
		},
	},
	updateOp:    "ReplaceRouteTableRoutes",
	errorFields: routeTableFields,
	create: func(d *providerData, ctx context.Context, a applyStep[routeTableModel]) (cloud.RouteTable, error) {
		in := routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags)
		in.VPCID = a.plan.VPCID.ValueString()
		return d.client.CreateRouteTable(ctx, in)
	},
	get: (*cloud.Client).RouteTable,
	update: func(d *providerData, ctx context.Context, a applyStep[routeTableModel]) (cloud.RouteTable, error) {
		in := routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags)
		in.VPCID = a.plan.VPCID.ValueString()
		return d.client.UpdateRouteTable(ctx, a.plan.ID.ValueString(), in)
	},
	removeByID: (*cloud.Client).DeleteRouteTable,
	check: func(ctx context.Context, d *providerData, p planStep[routeTableModel]) error {
		configRoutes := plannedRoutes(ctx, p.config, p.state == nil, &p.plan.Route, p.diags)
		tableID, holder := "", d.plan.NewHolder()
		if p.state != nil && !p.plan.ID.IsUnknown() {
			tableID, holder = p.plan.ID.ValueString(), p.holder
		}
		in := cloud.RouteTableInput{VPCID: plannedID(p.plan.VPCID, cloud.KindVPC), Tags: p.tags, Routes: routeSpecs(p.plan.Route), ManageRoutes: !configRoutes.IsNull()}
		return d.client.CheckRouteTable(ctx, d.plan, holder, tableID, in)
	},
	fill: func(m *routeTableModel, table cloud.RouteTable, diags *diag.Diagnostics) {
		m.ID = types.StringValue(table.ID)
		m.read(table, diags)
	},
	tagsOf: func(table cloud.RouteTable) map[string]string { return table.Tags },
	advise: func(ctx context.Context, d *providerData, table cloud.RouteTable, diags *diag.Diagnostics) {
		d.advise(ctx, table.ID, diags)
	},
}

// routeTableFields are the attributes of the table resources that errors of
// the cloud may name; a route's errors are shown on `route`.
var routeTableFields = map[string]string{"vpc_id": "vpc_id", "tags_all": "tags_all", "default_route_table_id": "default_route_table_id"}
