package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var (
	_ resource.ResourceWithConfigure   = &egressOnlyInternetGatewayResource{}
	_ resource.ResourceWithModifyPlan  = &egressOnlyInternetGatewayResource{}
	_ resource.ResourceWithImportState = &egressOnlyInternetGatewayResource{}
)

// NewEgressOnlyInternetGatewayResource returns the
// simcloud_egress_only_internet_gateway resource.
func NewEgressOnlyInternetGatewayResource() resource.Resource {
	return &egressOnlyInternetGatewayResource{resourceBase{typeName: "_egress_only_internet_gateway"}}
}

type egressOnlyInternetGatewayResource struct{ resourceBase }

type egressOnlyInternetGatewayModel struct {
	ID      types.String `tfsdk:"id"`
	VPCID   types.String `tfsdk:"vpc_id"`
	Tags    types.Map    `tfsdk:"tags"`
	TagsAll types.Map    `tfsdk:"tags_all"`
}

func (r *egressOnlyInternetGatewayResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An egress-only internet gateway, with the arguments and attributes of `aws_egress_only_internet_gateway`: " +
			"it lets IPv6 traffic out of a VPC and nothing in.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The gateway's ID, `eigw-` followed by 17 hexadecimal digits."),
			"vpc_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The VPC the gateway serves. Changing it replaces the gateway.",
				Validators:          []validator.String{idCheck(cloud.KindVPC)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *egressOnlyInternetGatewayResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan egressOnlyInternetGatewayModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	holder := r.data.plan.NewHolder()
	if !req.State.Raw.IsNull() {
		holder = cloud.ExistingHolder(plan.ID.ValueString())
	}
	err := r.data.client.CheckEgressOnlyInternetGateway(ctx, r.data.plan, holder, plannedID(plan.VPCID, cloud.KindVPC),
		r.data.tagsToCheck(ctx, plan.Tags, &resp.Diagnostics))
	if err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *egressOnlyInternetGatewayResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateEgressOnlyInternetGateway", func(plan *egressOnlyInternetGatewayModel) error {
		g, err := r.data.client.CreateEgressOnlyInternetGateway(ctx, plan.VPCID.ValueString(), tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setEgressOnlyState(ctx, plan, g, &resp.Diagnostics)
		}
		return err
	})
}

func (r *egressOnlyInternetGatewayResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_egress_only_internet_gateway", "DescribeEgressOnlyInternetGateways", func(m egressOnlyInternetGatewayModel) string { return m.ID.ValueString() },
		func(m *egressOnlyInternetGatewayModel) error {
			g, err := r.data.client.EgressOnlyInternetGateway(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setEgressOnlyState(ctx, m, g, &resp.Diagnostics)
			}
			return err
		})
}

func (r *egressOnlyInternetGatewayResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateTags", func(plan *egressOnlyInternetGatewayModel) error {
		g, err := r.data.client.UpdateEgressOnlyInternetGateway(ctx, plan.ID.ValueString(), tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setEgressOnlyState(ctx, plan, g, &resp.Diagnostics)
		}
		return err
	})
}

func (r *egressOnlyInternetGatewayResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteEgressOnlyInternetGateway", func(state egressOnlyInternetGatewayModel) error {
		return r.data.client.DeleteEgressOnlyInternetGateway(ctx, state.ID.ValueString())
	})
}

func (r *egressOnlyInternetGatewayResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindEgressOnlyInternetGateway, req, resp)
}

func (d *providerData) setEgressOnlyState(ctx context.Context, m *egressOnlyInternetGatewayModel, g cloud.EgressOnlyInternetGateway, diags *diag.Diagnostics) {
	m.ID = types.StringValue(g.ID)
	m.VPCID = types.StringValue(g.VPCID)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, g.Tags, m.Tags, diags)
}
