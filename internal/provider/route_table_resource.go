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
	_ resource.ResourceWithConfigure   = &routeTableResource{}
	_ resource.ResourceWithModifyPlan  = &routeTableResource{}
	_ resource.ResourceWithImportState = &routeTableResource{}
)

// NewRouteTableResource returns the simcloud_route_table resource.
func NewRouteTableResource() resource.Resource {
	return &routeTableResource{resourceBase{typeName: "_route_table"}}
}

type routeTableResource struct{ resourceBase }

type routeTableModel struct {
	ID      types.String `tfsdk:"id"`
	ARN     types.String `tfsdk:"arn"`
	OwnerID types.String `tfsdk:"owner_id"`
	VPCID   types.String `tfsdk:"vpc_id"`
	Route   types.Set    `tfsdk:"route"`
	Tags    types.Map    `tfsdk:"tags"`
	TagsAll types.Map    `tfsdk:"tags_all"`
}

func (r *routeTableResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A route table, with the arguments and attributes of `aws_route_table`: it decides where the traffic of the subnets it serves goes.",
		Attributes: map[string]schema.Attribute{
			"id":       computedID("The table's ID, `rtb-` followed by 17 hexadecimal digits."),
			"arn":      computedID("The table's ARN."),
			"owner_id": computedID("The ID of the account that owns the table."),
			"vpc_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The VPC of the table. Changing it replaces the table.",
				Validators:          []validator.String{idCheck(cloud.KindVPC)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"route":    inlineRoutesAttribute(),
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *routeTableResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan routeTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	var configRoutes types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("route"), &configRoutes)...)
	if req.State.Raw.IsNull() && configRoutes.IsNull() {
		// A new table without route blocks has its local routes only.
		plan.Route = routesFromCloud(nil, &resp.Diagnostics)
	}
	tableID := ""
	if !req.State.Raw.IsNull() && !plan.ID.IsUnknown() {
		tableID = plan.ID.ValueString()
	}
	in := cloud.RouteTableInput{
		VPCID: plannedID(plan.VPCID, cloud.KindVPC), Tags: r.data.tagsToCheck(ctx, plan.Tags, &resp.Diagnostics),
		Routes: routeSpecs(plan.Route), ManageRoutes: !configRoutes.IsNull(),
	}
	holder := r.data.plan.NewHolder()
	if tableID != "" {
		holder = cloud.ExistingHolder(tableID)
	}
	if err := r.data.client.CheckRouteTable(ctx, r.data.plan, holder, tableID, in); err != nil {
		addCloudErrorOn(&resp.Diagnostics, "plan", err, routeTableFields)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// routeTableFields are the attributes of the table resources that errors of
// the cloud may name; a route's errors are shown on `route`.
var routeTableFields = map[string]string{"vpc_id": "vpc_id", "tags_all": "tags_all", "default_route_table_id": "default_route_table_id"}

func (r *routeTableResource) input(ctx context.Context, m routeTableModel, config func(context.Context, path.Path, any) diag.Diagnostics, diags *diag.Diagnostics) cloud.RouteTableInput {
	in := routeTableInput(ctx, m.Route, m.TagsAll, config, diags)
	in.VPCID = m.VPCID.ValueString()
	return in
}

func (r *routeTableResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan routeTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	table, err := r.data.client.CreateRouteTable(ctx, r.input(ctx, plan, req.Config.GetAttribute, &resp.Diagnostics))
	if err != nil {
		addCloudErrorOn(&resp.Diagnostics, "CreateRouteTable", err, routeTableFields)
		return
	}
	r.data.setRouteTableState(ctx, &plan, table, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *routeTableResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_route_table", "DescribeRouteTables", func(m routeTableModel) string { return m.ID.ValueString() },
		func(m *routeTableModel) error {
			table, err := r.data.client.RouteTable(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setRouteTableState(ctx, m, table, &resp.Diagnostics)
				r.data.advise(ctx, m.ID.ValueString(), &resp.Diagnostics)
			}
			return err
		})
}

func (r *routeTableResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan routeTableModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	table, err := r.data.client.UpdateRouteTable(ctx, plan.ID.ValueString(), r.input(ctx, plan, req.Config.GetAttribute, &resp.Diagnostics))
	if err != nil {
		addCloudErrorOn(&resp.Diagnostics, "ReplaceRouteTableRoutes", err, routeTableFields)
		return
	}
	r.data.setRouteTableState(ctx, &plan, table, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *routeTableResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteRouteTable", func(state routeTableModel) error { return r.data.client.DeleteRouteTable(ctx, state.ID.ValueString()) })
}

func (r *routeTableResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindRouteTable, req, resp)
}

func (d *providerData) setRouteTableState(ctx context.Context, m *routeTableModel, table cloud.RouteTable, diags *diag.Diagnostics) {
	m.ID = types.StringValue(table.ID)
	m.ARN = types.StringValue(table.ARN())
	m.OwnerID = types.StringValue(table.OwnerID)
	m.VPCID = types.StringValue(table.VPCID)
	m.Route = routesFromCloud(table.Routes, diags)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, table.Tags, m.Tags, diags)
}
