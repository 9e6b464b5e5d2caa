package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeTableAssociationModel struct {
	objectID
	SubnetID     types.String `tfsdk:"subnet_id"`
	RouteTableID types.String `tfsdk:"route_table_id"`
}

var routeTableAssociationKind = linkKind(objectLink[routeTableAssociationModel, cloud.Association]{
	description: "Associates a subnet with a route table, as `aws_route_table_association` does: the table then serves the subnet instead of the VPC's main table.",
	first:       linkEnd{"subnet_id", cloud.KindSubnet, "The subnet. It may have one explicit association. Changing it replaces the association."},
	second:      linkEnd{"route_table_id", cloud.KindRouteTable, "The table, of the subnet's VPC. Changing it replaces the association."},
	ends:        func(m *routeTableAssociationModel) (types.String, types.String) { return m.SubnetID, m.RouteTableID },
	checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
		return d.client.CheckAssociation(ctx, d.plan, c.holder, c.first, c.second, c.selfID)
	},
	resourceKind: resourceKind[routeTableAssociationModel, cloud.Association]{
		kind: cloud.KindRouteTableAssociation,
		create: func(d *providerData, ctx context.Context, a applyStep[routeTableAssociationModel]) (cloud.Association, error) {
			return d.client.Associate(ctx, a.plan.SubnetID.ValueString(), a.plan.RouteTableID.ValueString())
		},
		get:        (*cloud.Client).Association,
		removeByID: (*cloud.Client).Disassociate,
		fill: func(m *routeTableAssociationModel, a cloud.Association) {
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
	},
})
