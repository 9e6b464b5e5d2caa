package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	_ resource.ResourceWithConfigure   = &defaultRouteTableResource{}
	_ resource.ResourceWithModifyPlan  = &defaultRouteTableResource{}
	_ resource.ResourceWithImportState = &defaultRouteTableResource{}
)

// NewDefaultRouteTableResource returns the simcloud_default_route_table
// resource.
func NewDefaultRouteTableResource() resource.Resource {
	return &defaultRouteTableResource{resourceBase{typeName: "_default_route_table"}}
}

type defaultRouteTableResource struct{ resourceBase }

type defaultRouteTableModel struct {
	ID                  types.String `tfsdk:"id"`
	DefaultRouteTableID types.String `tfsdk:"default_route_table_id"`
	ARN                 types.String `tfsdk:"arn"`
	OwnerID             types.String `tfsdk:"owner_id"`
	VPCID               types.String `tfsdk:"vpc_id"`
	Route               types.Set    `tfsdk:"route"`
	Tags                types.Map    `tfsdk:"tags"`
	TagsAll             types.Map    `tfsdk:"tags_all"`
}

func (r *defaultRouteTableResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Adopts a VPC's main route table, as `aws_default_route_table` does: creating it removes every route but the local ones " +
			"and adds the configured ones; destroying it only forgets the table, which lives as long as its VPC.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The table's ID."),
			"default_route_table_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The ID of the VPC's main route table: the VPC's `default_route_table_id`. Changing it replaces the resource.",
				Validators:          []validator.String{idCheck(cloud.KindRouteTable)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"arn":      computedID("The table's ARN."),
			"owner_id": computedID("The ID of the account that owns the table."),
			"vpc_id":   computedID("The VPC of the table."),
			"route":    inlineRoutesAttribute(),
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *defaultRouteTableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		// Destroying it only forgets the table, which stays the VPC's.
		return
	}
	var plan defaultRouteTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	var configRoutes types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("route"), &configRoutes)...)
	adopting := req.State.Raw.IsNull()
	if adopting && configRoutes.IsNull() {
		// Adoption removes every route but the local ones.
		plan.Route = routesFromCloud(nil, &resp.Diagnostics)
	}
	tableID := plannedID(plan.DefaultRouteTableID, cloud.KindRouteTable)
	in := cloud.RouteTableInput{Tags: r.data.tagsToCheck(ctx, plan.Tags, &resp.Diagnostics), Routes: routeSpecs(plan.Route), ManageRoutes: !configRoutes.IsNull()}
	var err error
	if adopting {
		err = r.data.client.CheckAdoptRouteTable(ctx, r.data.plan, r.data.plan.NewHolderNamed("the simcloud_default_route_table planned in this configuration for "+tableID), tableID, in)
	} else {
		in.VPCID = plannedID(plan.VPCID, cloud.KindVPC)
		err = r.data.client.CheckRouteTable(ctx, r.data.plan, cloud.ExistingHolder(tableID), tableID, in)
	}
	if err != nil {
		addCloudErrorOn(&resp.Diagnostics, "plan", err, routeTableFields)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *defaultRouteTableResource) input(ctx context.Context, m defaultRouteTableModel, config func(context.Context, path.Path, any) diag.Diagnostics, diags *diag.Diagnostics) cloud.RouteTableInput {
	return routeTableInput(ctx, m.Route, m.TagsAll, config, diags)
}

func (r *defaultRouteTableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan defaultRouteTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	table, err := r.data.client.AdoptRouteTable(ctx, plan.DefaultRouteTableID.ValueString(), r.input(ctx, plan, req.Config.GetAttribute, &resp.Diagnostics))
	if err != nil {
		addCloudErrorOn(&resp.Diagnostics, "AdoptRouteTable", err, routeTableFields)
		return
	}
	r.data.setDefaultRouteTableState(ctx, &plan, table, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *defaultRouteTableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_default_route_table", "DescribeRouteTables", func(m defaultRouteTableModel) string { return m.DefaultRouteTableID.ValueString() },
		func(m *defaultRouteTableModel) error {
			table, err := r.data.client.RouteTable(ctx, m.DefaultRouteTableID.ValueString())
			if err == nil {
				r.data.setDefaultRouteTableState(ctx, m, table, &resp.Diagnostics)
			}
			return err
		})
}

func (r *defaultRouteTableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan defaultRouteTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	table, err := r.data.client.UpdateRouteTable(ctx, plan.DefaultRouteTableID.ValueString(), r.input(ctx, plan, req.Config.GetAttribute, &resp.Diagnostics))
	if err != nil {
		addCloudErrorOn(&resp.Diagnostics, "ReplaceRouteTableRoutes", err, routeTableFields)
		return
	}
	r.data.setDefaultRouteTableState(ctx, &plan, table, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete only forgets the table: a VPC's main table goes with the VPC.
func (r *defaultRouteTableResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// ImportState imports the main table of the VPC whose ID is given, as the
// AWS provider does.
func (r *defaultRouteTableResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := cloud.ValidateID(cloud.KindVPC, req.ID, ""); err != nil {
		summary, detail := errorText(err)
		resp.Diagnostics.AddError("Invalid import ID: "+summary, "simcloud_default_route_table is imported by the ID of its VPC. "+detail)
		return
	}
	vpc, err := r.data.client.VPC(ctx, req.ID)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeVpcs", err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), vpc.MainRouteTableID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("default_route_table_id"), vpc.MainRouteTableID)...)
}

func (d *providerData) setDefaultRouteTableState(ctx context.Context, m *defaultRouteTableModel, table cloud.RouteTable, diags *diag.Diagnostics) {
	m.ID = types.StringValue(table.ID)
	m.DefaultRouteTableID = types.StringValue(table.ID)
	m.ARN = types.StringValue(table.ARN())
	m.OwnerID = types.StringValue(table.OwnerID)
	m.VPCID = types.StringValue(table.VPCID)
	m.Route = routesFromCloud(table.Routes, diags)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, table.Tags, m.Tags, diags)
}
