package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var (
	_ resource.ResourceWithConfigure   = &routeTableAssociationResource{}
	_ resource.ResourceWithModifyPlan  = &routeTableAssociationResource{}
	_ resource.ResourceWithImportState = &routeTableAssociationResource{}
)

// NewRouteTableAssociationResource returns the
// simcloud_route_table_association resource.
func NewRouteTableAssociationResource() resource.Resource {
	return &routeTableAssociationResource{resourceBase{typeName: "_route_table_association"}}
}

type routeTableAssociationResource struct{ resourceBase }

type routeTableAssociationModel struct {
	ID           types.String `tfsdk:"id"`
	SubnetID     types.String `tfsdk:"subnet_id"`
	RouteTableID types.String `tfsdk:"route_table_id"`
}

func (r *routeTableAssociationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Associates a subnet with a route table, as `aws_route_table_association` does: the table then serves the subnet instead of the VPC's main table.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The association's ID, `rtbassoc-` followed by 17 hexadecimal digits."),
			"subnet_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The subnet. It may have one explicit association. Changing it replaces the association.",
				Validators: []validator.String{idCheck(cloud.KindSubnet)}, PlanModifiers: replace,
			},
			"route_table_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The table, of the subnet's VPC. Changing it replaces the association.",
				Validators: []validator.String{idCheck(cloud.KindRouteTable)}, PlanModifiers: replace,
			},
		},
	}
}

func (r *routeTableAssociationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan routeTableAssociationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	subnetID, tableID := plannedID(plan.SubnetID, cloud.KindSubnet), plannedID(plan.RouteTableID, cloud.KindRouteTable)
	stateID, change := "", unchanged
	if !req.State.Raw.IsNull() {
		var state routeTableAssociationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		stateID = state.ID.ValueString()
		// Both inputs force replacement: an association changes whole or not at all.
		change = changeOf(!plan.SubnetID.Equal(state.SubnetID) || !plan.RouteTableID.Equal(state.RouteTableID), true)
	}
	key := strings.Join([]string{"simcloud_route_table_association", subnetID, tableID}, "|")
	description := fmt.Sprintf("the simcloud_route_table_association planned in this configuration for %s and %s", subnetID, tableID)
	err := r.data.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
		return r.data.client.CheckAssociation(ctx, r.data.plan, holder, subnetID, tableID, selfID)
	})
	if err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}

func (r *routeTableAssociationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "AssociateRouteTable", func(plan *routeTableAssociationModel) error {
		a, err := r.data.client.Associate(ctx, plan.SubnetID.ValueString(), plan.RouteTableID.ValueString())
		if err == nil {
			plan.ID = types.StringValue(a.ID)
		}
		return err
	})
}

func (r *routeTableAssociationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_route_table_association", "DescribeRouteTables", func(m routeTableAssociationModel) string { return m.ID.ValueString() },
		func(m *routeTableAssociationModel) error {
			a, err := r.data.client.Association(ctx, m.ID.ValueString())
			if err == nil {
				m.SubnetID, m.RouteTableID = types.StringValue(a.SubnetID), types.StringValue(a.RouteTableID)
			}
			return err
		})
}

// Update is never called: every argument replaces the association.
func (r *routeTableAssociationResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {
}

func (r *routeTableAssociationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DisassociateRouteTable", func(state routeTableAssociationModel) error {
		return r.data.client.Disassociate(ctx, state.ID.ValueString())
	})
}

// ImportState imports an association by <subnet-id>/<route-table-id>, as the
// AWS provider does.
func (r *routeTableAssociationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	subnetID, tableID, err := cloud.ParseAssociationImportID(req.ID)
	if err != nil {
		summary, detail := errorText(err)
		resp.Diagnostics.AddError("Invalid import ID: "+summary, detail)
		return
	}
	a, err := r.data.client.SubnetAssociation(ctx, subnetID, tableID)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeRouteTables", err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), a.ID)...)
}
