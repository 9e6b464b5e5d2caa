package provider

import (
	"context"
	"fmt"

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
	_ resource.ResourceWithConfigure   = &mainRouteTableAssociationResource{}
	_ resource.ResourceWithModifyPlan  = &mainRouteTableAssociationResource{}
	_ resource.ResourceWithImportState = &mainRouteTableAssociationResource{}
)

// NewMainRouteTableAssociationResource returns the
// simcloud_main_route_table_association resource.
func NewMainRouteTableAssociationResource() resource.Resource {
	return &mainRouteTableAssociationResource{resourceBase{typeName: "_main_route_table_association"}}
}

type mainRouteTableAssociationResource struct{ resourceBase }

type mainRouteTableAssociationModel struct {
	ID                   types.String `tfsdk:"id"`
	VPCID                types.String `tfsdk:"vpc_id"`
	RouteTableID         types.String `tfsdk:"route_table_id"`
	OriginalRouteTableID types.String `tfsdk:"original_route_table_id"`
}

func (r *mainRouteTableAssociationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Makes a route table its VPC's main table, as `aws_main_route_table_association` does. Destroying it makes the original main table main again. " +
			"Unlike the AWS provider's, it can be imported, by the ID of its VPC.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The ID of the main association. It changes whenever the main table does.",
			},
			"vpc_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The VPC. Changing it replaces the resource.",
				Validators:    []validator.String{idCheck(cloud.KindVPC)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"route_table_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The table to make main, of the same VPC. Changed in place.",
				Validators: []validator.String{idCheck(cloud.KindRouteTable)},
			},
			"original_route_table_id": computedID("The table that was main before, made main again on destroy."),
		},
	}
}

func (r *mainRouteTableAssociationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan mainRouteTableAssociationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	vpcID, tableID := plannedID(plan.VPCID, cloud.KindVPC), plannedID(plan.RouteTableID, cloud.KindRouteTable)
	holder := r.data.plan.NewHolderNamed(fmt.Sprintf("the simcloud_main_route_table_association planned in this configuration for %s and %s", vpcID, tableID))
	if !req.State.Raw.IsNull() {
		var state mainRouteTableAssociationModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		holder = cloud.ExistingHolder(state.ID.ValueString())
		if !plan.RouteTableID.Equal(state.RouteTableID) {
			plan.ID = types.StringUnknown()
		}
	}
	if err := r.data.client.CheckMainRouteTableAssociation(ctx, r.data.plan, holder, vpcID, tableID); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *mainRouteTableAssociationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "ReplaceRouteTableAssociation", func(plan *mainRouteTableAssociationModel) error {
		a, original, err := r.data.client.ReplaceMainRouteTable(ctx, plan.VPCID.ValueString(), plan.RouteTableID.ValueString())
		if err == nil {
			plan.ID = types.StringValue(a.ID)
			plan.OriginalRouteTableID = types.StringValue(original)
		}
		return err
	})
}

func (r *mainRouteTableAssociationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state mainRouteTableAssociationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	a, err := r.data.client.MainAssociation(ctx, state.VPCID.ValueString())
	if cloud.IsNotFound(err) {
		warnGone(&resp.Diagnostics, "simcloud_main_route_table_association", state.ID.ValueString())
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeRouteTables", err)
		return
	}
	// Another table made main behind Terraform's back shows as a change of
	// route_table_id, which the next apply puts back.
	state.ID = types.StringValue(a.ID)
	state.RouteTableID = types.StringValue(a.RouteTableID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *mainRouteTableAssociationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "ReplaceRouteTableAssociation", func(plan *mainRouteTableAssociationModel) error {
		a, _, err := r.data.client.ReplaceMainRouteTable(ctx, plan.VPCID.ValueString(), plan.RouteTableID.ValueString())
		if err == nil {
			plan.ID = types.StringValue(a.ID)
		}
		return err
	})
}

// Delete makes the original main table main again.
func (r *mainRouteTableAssociationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state mainRouteTableAssociationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	_, _, err := r.data.client.ReplaceMainRouteTable(ctx, state.VPCID.ValueString(), state.OriginalRouteTableID.ValueString())
	if err != nil && !cloud.IsNotFound(err) {
		addCloudError(&resp.Diagnostics, "ReplaceRouteTableAssociation", err)
	}
}

// ImportState takes over the main association of the VPC whose ID is given.
// The table that was main before it is not recorded anywhere, so the table
// main at import time stands in for it: destroying the imported resource
// leaves that table main.
func (r *mainRouteTableAssociationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := cloud.ValidateID(cloud.KindVPC, req.ID, ""); err != nil {
		summary, detail := errorText(err)
		resp.Diagnostics.AddError("Invalid import ID: "+summary, "simcloud_main_route_table_association is imported by the ID of its VPC. "+detail)
		return
	}
	a, err := r.data.client.MainAssociation(ctx, req.ID)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeRouteTables", err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), a.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("vpc_id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("route_table_id"), a.RouteTableID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("original_route_table_id"), a.RouteTableID)...)
}
