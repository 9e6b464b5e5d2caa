package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type mainRouteTableAssociationModel struct {
	objectID
	VPCID                types.String `tfsdk:"vpc_id"`
	RouteTableID         types.String `tfsdk:"route_table_id"`
	OriginalRouteTableID types.String `tfsdk:"original_route_table_id"`
}

// mainAssociation is a VPC's main association, and when it was just made,
// the table that was main before it.
type mainAssociation struct {
	cloud.Association
	original string
}

var mainRouteTableAssociationKind = resourceKind[mainRouteTableAssociationModel, mainAssociation]{
	typeName: "_main_route_table_association",
	schema: schema.Schema{
		MarkdownDescription: "Makes a route table its VPC's main table, as `aws_main_route_table_association` does. Destroying it makes the original main table main again. " +
			"Unlike the AWS provider's, it can be imported, by the ID of its VPC.",
		Attributes: map[string]schema.Attribute{
			"id":                      computedValue("The ID of the main association. It changes whenever the main table does."),
			"vpc_id":                  replacingReference(cloud.KindVPC, "The VPC. Changing it replaces the resource."),
			"route_table_id":          requiredArgument("The table to make main, of the same VPC. Changed in place.", idCheck(cloud.KindRouteTable)),
			"original_route_table_id": computedID("The table that was main before, made main again on destroy."),
		},
	},
	createOp:   "ReplaceRouteTableAssociation",
	describeOp: "DescribeRouteTables",
	updateOp:   "ReplaceRouteTableAssociation",
	deleteOp:   "ReplaceRouteTableAssociation",
	create: func(d *providerData, ctx context.Context, a applyStep[mainRouteTableAssociationModel]) (mainAssociation, error) {
		assoc, original, err := d.client.ReplaceMainRouteTable(ctx, a.plan.VPCID.ValueString(), a.plan.RouteTableID.ValueString())
		return mainAssociation{assoc, original}, err
	},
	// Another table made main behind Terraform's back shows as a change of
	// route_table_id, which the next apply puts back.
	read: func(c *cloud.Client, ctx context.Context, state *mainRouteTableAssociationModel) (mainAssociation, error) {
		assoc, err := c.MainAssociation(ctx, state.VPCID.ValueString())
		return mainAssociation{Association: assoc}, err
	},
	update: func(d *providerData, ctx context.Context, a applyStep[mainRouteTableAssociationModel]) (mainAssociation, error) {
		assoc, _, err := d.client.ReplaceMainRouteTable(ctx, a.plan.VPCID.ValueString(), a.plan.RouteTableID.ValueString())
		return mainAssociation{Association: assoc}, err
	},
	// Destroying it makes the original main table main again.
	remove: func(c *cloud.Client, ctx context.Context, state *mainRouteTableAssociationModel) error {
		_, _, err := c.ReplaceMainRouteTable(ctx, state.VPCID.ValueString(), state.OriginalRouteTableID.ValueString())
		return err
	},
	check: func(ctx context.Context, d *providerData, p planStep[mainRouteTableAssociationModel]) error {
		vpcID, tableID := plannedID(p.plan.VPCID, cloud.KindVPC), plannedID(p.plan.RouteTableID, cloud.KindRouteTable)
		holder := p.holder
		if p.state == nil {
			holder = d.plan.NewHolderNamed(fmt.Sprintf("the simcloud_main_route_table_association planned in this configuration for %s and %s", vpcID, tableID))
		} else if !p.plan.RouteTableID.Equal(p.state.RouteTableID) {
			p.plan.ID = types.StringUnknown()
		}
		return d.client.CheckMainRouteTableAssociation(ctx, d.plan, holder, vpcID, tableID)
	},
	fill: func(m *mainRouteTableAssociationModel, a mainAssociation) {
		m.ID = types.StringValue(a.ID)
		m.RouteTableID = types.StringValue(a.RouteTableID)
		if a.original != "" {
			m.OriginalRouteTableID = types.StringValue(a.original)
		}
	},
	// The table that was main before an imported association is not
	// recorded anywhere, so the table main at import time stands in for it:
	// destroying the imported resource leaves that table main.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importByVPC(ctx, "simcloud_main_route_table_association", "DescribeRouteTables", req, resp, func(vpcID string) (map[string]string, error) {
			a, err := d.client.MainAssociation(ctx, vpcID)
			return map[string]string{"id": a.ID, "vpc_id": vpcID, "route_table_id": a.RouteTableID, "original_route_table_id": a.RouteTableID}, err
		})
	},
}
