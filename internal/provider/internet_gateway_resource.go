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
	_ resource.ResourceWithConfigure   = &internetGatewayResource{}
	_ resource.ResourceWithModifyPlan  = &internetGatewayResource{}
	_ resource.ResourceWithImportState = &internetGatewayResource{}
)

// NewInternetGatewayResource returns the simcloud_internet_gateway resource.
func NewInternetGatewayResource() resource.Resource {
	return &internetGatewayResource{resourceBase{typeName: "_internet_gateway"}}
}

type internetGatewayResource struct{ resourceBase }

type internetGatewayResourceModel struct {
	ID      types.String `tfsdk:"id"`
	ARN     types.String `tfsdk:"arn"`
	OwnerID types.String `tfsdk:"owner_id"`
	VPCID   types.String `tfsdk:"vpc_id"`
	Tags    types.Map    `tfsdk:"tags"`
	TagsAll types.Map    `tfsdk:"tags_all"`
}

func (r *internetGatewayResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An internet gateway, with the arguments and attributes of `aws_internet_gateway`: a VPC's door to the internet. " +
			"A VPC has at most one; attaching a second fails at plan with AWS's `InvalidParameterValue`.",
		Attributes: map[string]schema.Attribute{
			"id":       computedID("The gateway's ID, `igw-` followed by 17 hexadecimal digits."),
			"arn":      computedID("The gateway's ARN."),
			"owner_id": computedID("The ID of the account that owns the gateway."),
			"vpc_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The VPC to attach the gateway to. Changing it detaches the gateway from the old VPC and attaches it to the new one, in place. " +
					"Left out, the gateway is created detached, and this shows the VPC a `simcloud_internet_gateway_attachment` attached it to.",
				Validators:    []validator.String{idCheck(cloud.KindVPC)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *internetGatewayResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	var state *internetGatewayResourceModel
	if !req.State.Raw.IsNull() {
		state = &internetGatewayResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan internetGatewayResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	r.data.checkTags(ctx, plan.Tags, &resp.Diagnostics)

	var configVPC types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("vpc_id"), &configVPC)...)
	if state == nil && configVPC.IsNull() {
		// Created detached: nothing will attach it in this step.
		plan.VPCID = types.StringValue("")
	}
	want, replaces := cloud.InternetGatewayAttachment{VPCID: plan.VPCID.ValueString()}, cloud.InternetGatewayAttachment{}
	var holder cloud.Holder
	if state != nil {
		holder = cloud.ExistingHolder(state.ID.ValueString())
		want.InternetGatewayID = state.ID.ValueString()
		replaces = cloud.InternetGatewayAttachment{InternetGatewayID: state.ID.ValueString(), VPCID: state.VPCID.ValueString()}
	}
	// Without vpc_id in the configuration the attribute only reports where
	// the gateway is (attached by a simcloud_internet_gateway_attachment, say),
	// and this resource claims nothing.
	if !configVPC.IsNull() && !plan.VPCID.IsUnknown() && want.VPCID != "" {
		if state == nil {
			holder = r.data.plan.NewHolderNamed("the simcloud_internet_gateway planned in this configuration with vpc_id " + want.VPCID)
		}
		if err := r.data.client.CheckInternetGatewayAttachment(ctx, r.data.plan, holder, want, replaces); err != nil {
			addCloudError(&resp.Diagnostics, "plan", err)
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *internetGatewayResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateInternetGateway", func(plan *internetGatewayResourceModel) error {
		igw, err := r.data.client.CreateInternetGateway(ctx, plan.VPCID.ValueString(), tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setInternetGatewayState(ctx, plan, igw, &resp.Diagnostics)
		}
		return err
	})
}

func (r *internetGatewayResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_internet_gateway", "DescribeInternetGateways", func(m internetGatewayResourceModel) string { return m.ID.ValueString() },
		func(m *internetGatewayResourceModel) error {
			igw, err := r.data.client.InternetGateway(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setInternetGatewayState(ctx, m, igw, &resp.Diagnostics)
				r.data.advise(ctx, m.ID.ValueString(), &resp.Diagnostics)
			}
			return err
		})
}

func (r *internetGatewayResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "ModifyInternetGateway", func(plan *internetGatewayResourceModel) error {
		igw, err := r.data.client.UpdateInternetGateway(ctx, plan.ID.ValueString(), plan.VPCID.ValueString(),
			tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setInternetGatewayState(ctx, plan, igw, &resp.Diagnostics)
		}
		return err
	})
}

func (r *internetGatewayResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteInternetGateway", func(state internetGatewayResourceModel) error {
		return r.data.client.DetachAndDeleteInternetGateway(ctx, state.ID.ValueString())
	})
}

func (r *internetGatewayResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindInternetGateway, req, resp)
}

func (d *providerData) setInternetGatewayState(ctx context.Context, m *internetGatewayResourceModel, igw cloud.InternetGateway, diags *diag.Diagnostics) {
	m.ID = types.StringValue(igw.ID)
	m.ARN = types.StringValue(igw.ARN())
	m.OwnerID = types.StringValue(igw.OwnerID)
	m.VPCID = types.StringValue(igw.VPCID)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, igw.Tags, m.Tags, diags)
}
