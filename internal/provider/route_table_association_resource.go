package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeTableAssociationModel struct {
	objectID
	SubnetID     types.String `tfsdk:"subnet_id"`
	RouteTableID types.String `tfsdk:"route_table_id"`
}

// Every argument replaces the association, so it is never updated.
var routeTableAssociationKind = resourceKind[routeTableAssociationModel, cloud.Association]{
	kind: cloud.KindRouteTableAssociation,
	schema: schema.Schema{
		MarkdownDescription: "Associates a subnet with a route table, as `aws_route_table_association` does: the table then serves the subnet instead of the VPC's main table.",
		Attributes: map[string]schema.Attribute{
			"subnet_id":      replacingReference(cloud.KindSubnet, "The subnet. It may have one explicit association. Changing it replaces the association."),
			"route_table_id": replacingReference(cloud.KindRouteTable, "The table, of the subnet's VPC. Changing it replaces the association."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[routeTableAssociationModel]) (cloud.Association, error) {
		return d.client.Associate(ctx, a.plan.SubnetID.ValueString(), a.plan.RouteTableID.ValueString())
	},
	get:        (*cloud.Client).Association,
	removeByID: (*cloud.Client).Disassociate,
	check: func(ctx context.Context, d *providerData, p planStep[routeTableAssociationModel]) error {
		subnetID, tableID := plannedID(p.plan.SubnetID, cloud.KindSubnet), plannedID(p.plan.RouteTableID, cloud.KindRouteTable)
		stateID, change := "", unchanged
		if p.state != nil {
			stateID = p.state.ID.ValueString()
			// Both inputs force replacement: an association changes whole or not at all.
			change = changeOf(!p.plan.SubnetID.Equal(p.state.SubnetID) || !p.plan.RouteTableID.Equal(p.state.RouteTableID), true)
		}
		key := strings.Join([]string{"simcloud_route_table_association", subnetID, tableID}, "|")
		description := fmt.Sprintf("the simcloud_route_table_association planned in this configuration for %s and %s", subnetID, tableID)
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckAssociation(ctx, d.plan, holder, subnetID, tableID, selfID)
		})
	},
	fill: func(m *routeTableAssociationModel, a cloud.Association, _ *diag.Diagnostics) {
		m.ID, m.SubnetID, m.RouteTableID = types.StringValue(a.ID), types.StringValue(a.SubnetID), types.StringValue(a.RouteTableID)
	},
	// An association is imported by <subnet-id>/<route-table-id>, as the AWS
	// provider does.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		subnetID, tableID, err := cloud.ParseAssociationImportID(req.ID)
		if err != nil {
			importAttributes(ctx, resp, err, nil)
			return
		}
		a, err := d.client.SubnetAssociation(ctx, subnetID, tableID)
		if err != nil {
			addCloudError(&resp.Diagnostics, "DescribeRouteTables", err)
			return
		}
		importAttributes(ctx, resp, nil, map[string]string{"id": a.ID})
	},
}
