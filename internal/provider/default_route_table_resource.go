package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type defaultRouteTableModel struct {
	taggedObject
	routeTableAttributes
	DefaultRouteTableID types.String `tfsdk:"default_route_table_id"`
}

// Destroying the resource only forgets the table: a VPC's main table goes
// with the VPC.
var defaultRouteTableKind = resourceKind[defaultRouteTableModel, cloud.RouteTable]{
	typeName: "_default_route_table",
	schema: schema.Schema{
		MarkdownDescription: "Adopts a VPC's main route table, as `aws_default_route_table` does: creating it removes every route but the local ones " +
			"and adds the configured ones; destroying it only forgets the table, which lives as long as its VPC.",
		Attributes: map[string]schema.Attribute{
			"id":                     computedID("The table's ID."),
			"default_route_table_id": replacingReference(cloud.KindRouteTable, "The ID of the VPC's main route table: the VPC's `default_route_table_id`. Changing it replaces the resource."),
			"arn":                    computedID("The table's ARN."),
			"owner_id":               computedID("The ID of the account that owns the table."),
			"vpc_id":                 computedID("The VPC of the table."),
			"route":                  inlineRoutesAttribute(defaultRouteTargetKeys),
			"propagating_vgws":       propagatingVGWsAttribute(),
			"tags":                   tagsAttribute(),
			"tags_all":               tagsAllAttribute(),
		},
	},
	createOp:    "AdoptRouteTable",
	describeOp:  "DescribeRouteTables",
	updateOp:    "ReplaceRouteTableRoutes",
	errorFields: routeTableFields,
	create: func(d *providerData, ctx context.Context, a applyStep[defaultRouteTableModel]) (cloud.RouteTable, error) {
		in := withPropagations(ctx, routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags), a.config, false, &a.plan.PropagatingVGWs, a.diags)
		return d.client.AdoptRouteTable(ctx, a.plan.DefaultRouteTableID.ValueString(), in)
	},
	read: func(c *cloud.Client, ctx context.Context, state *defaultRouteTableModel) (cloud.RouteTable, error) {
		return c.RouteTable(ctx, state.DefaultRouteTableID.ValueString())
	},
	update: func(d *providerData, ctx context.Context, a applyStep[defaultRouteTableModel]) (cloud.RouteTable, error) {
		in := withPropagations(ctx, routeTableInput(ctx, a.plan.Route, a.tags, a.config, a.diags), a.config, false, &a.plan.PropagatingVGWs, a.diags)
		return d.client.UpdateRouteTable(ctx, a.plan.DefaultRouteTableID.ValueString(), in)
	},
	check: func(ctx context.Context, d *providerData, p planStep[defaultRouteTableModel]) error {
		// Adoption removes every route but the local ones.
		adopting := p.state == nil
		configRoutes := plannedRoutes(ctx, p.config, adopting, &p.plan.Route, defaultRouteTargetKeys, p.diags)
		if err := routeShapesError(p.plan.Route); err != nil {
			return err
		}
		tableID := plannedID(p.plan.DefaultRouteTableID, cloud.KindRouteTable)
		in := cloud.RouteTableInput{Tags: p.tags, Routes: routeSpecs(p.plan.Route), ManageRoutes: !configRoutes.IsNull()}
		// An adopted table keeps its propagations unless they are configured.
		in = withPropagations(ctx, in, p.config, false, &p.plan.PropagatingVGWs, p.diags)
		if adopting {
			return d.client.CheckAdoptRouteTable(ctx, d.plan, d.plan.NewHolderNamed("the simcloud_default_route_table planned in this configuration for "+tableID), tableID, in)
		}
		in.VPCID = plannedID(p.plan.VPCID, cloud.KindVPC)
		return d.client.CheckRouteTable(ctx, d.plan, cloud.ExistingHolder(tableID), tableID, in)
	},
	fillReporting: func(m *defaultRouteTableModel, table cloud.RouteTable, diags *diag.Diagnostics) {
		m.ID, m.DefaultRouteTableID = types.StringValue(table.ID), types.StringValue(table.ID)
		m.read(table, defaultRouteTargetKeys, diags)
	},
	tagsOf: func(table cloud.RouteTable) map[string]string { return table.Tags },
	// The main table of the VPC whose ID is given, as the AWS provider does.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importByVPC(ctx, "simcloud_default_route_table", "DescribeVpcs", req, resp, func(vpcID string) (map[string]string, error) {
			vpc, err := d.client.VPC(ctx, vpcID)
			return map[string]string{"id": vpc.MainRouteTableID, "default_route_table_id": vpc.MainRouteTableID}, err
		})
	},
}
