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
	_ resource.ResourceWithConfigure   = &internetGatewayAttachmentResource{}
	_ resource.ResourceWithModifyPlan  = &internetGatewayAttachmentResource{}
	_ resource.ResourceWithImportState = &internetGatewayAttachmentResource{}
)

// NewInternetGatewayAttachmentResource returns the
// simcloud_internet_gateway_attachment resource.
func NewInternetGatewayAttachmentResource() resource.Resource {
	return &internetGatewayAttachmentResource{resourceBase{typeName: "_internet_gateway_attachment"}}
}

type internetGatewayAttachmentResource struct{ resourceBase }

type internetGatewayAttachmentModel struct {
	ID                types.String `tfsdk:"id"`
	InternetGatewayID types.String `tfsdk:"internet_gateway_id"`
	VPCID             types.String `tfsdk:"vpc_id"`
}

func (r *internetGatewayAttachmentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaced := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Attaches an internet gateway to a VPC, as `aws_internet_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_internet_gateway`.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("`<internet_gateway_id>:<vpc_id>`."),
			"internet_gateway_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment.",
				Validators:          []validator.String{idCheck(cloud.KindInternetGateway)},
				PlanModifiers:       replaced,
			},
			"vpc_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The VPC to attach it to. The VPC must have no internet gateway yet. Changing it replaces the attachment.",
				Validators:          []validator.String{idCheck(cloud.KindVPC)},
				PlanModifiers:       replaced,
			},
		},
	}
}

func (r *internetGatewayAttachmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		// Undoing the attachment takes the gateway out of its VPC's way.
		var state internetGatewayAttachmentModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		r.data.planRemoval(ctx, req.State, state.InternetGatewayID.ValueString())
		return
	}
	var plan internetGatewayAttachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	want := cloud.InternetGatewayAttachment{
		InternetGatewayID: plannedID(plan.InternetGatewayID, cloud.KindInternetGateway),
		VPCID:             plannedID(plan.VPCID, cloud.KindVPC),
	}
	stateID, replaces := "", cloud.InternetGatewayAttachment{}
	if !req.State.Raw.IsNull() {
		var state internetGatewayAttachmentModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		stateID = state.ID.ValueString()
		replaces = cloud.InternetGatewayAttachment{InternetGatewayID: state.InternetGatewayID.ValueString(), VPCID: state.VPCID.ValueString()}
	}
	key := "simcloud_internet_gateway_attachment|" + cloud.InternetGatewayAttachmentID(want.InternetGatewayID, want.VPCID)
	description := fmt.Sprintf("the simcloud_internet_gateway_attachment planned in this configuration for %s and %s", want.InternetGatewayID, want.VPCID)
	err := r.data.checkPlanned(key, description, stateID, changeOf(replaces != want, true), func(holder cloud.Holder, _ string) error {
		return r.data.client.CheckInternetGatewayAttachment(ctx, r.data.plan, holder, want, replaces)
	})
	if err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}

func (r *internetGatewayAttachmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan internetGatewayAttachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	igwID, vpcID := plan.InternetGatewayID.ValueString(), plan.VPCID.ValueString()
	if err := r.data.client.AttachInternetGateway(ctx, igwID, vpcID); err != nil {
		addCloudError(&resp.Diagnostics, "AttachInternetGateway", err)
		return
	}
	plan.ID = types.StringValue(cloud.InternetGatewayAttachmentID(igwID, vpcID))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *internetGatewayAttachmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state internetGatewayAttachmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	igw, err := r.data.client.InternetGateway(ctx, state.InternetGatewayID.ValueString())
	if err != nil && !cloud.IsNotFound(err) {
		addCloudError(&resp.Diagnostics, "DescribeInternetGateways", err)
		return
	}
	if err != nil || igw.VPCID != state.VPCID.ValueString() {
		warnGone(&resp.Diagnostics, "simcloud_internet_gateway_attachment", state.ID.ValueString())
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update is never called: every argument replaces the attachment.
func (r *internetGatewayAttachmentResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {
}

func (r *internetGatewayAttachmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state internetGatewayAttachmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.data.client.DetachInternetGateway(ctx, state.InternetGatewayID.ValueString(), state.VPCID.ValueString())
	if err != nil && !cloud.IsNotFound(err) && cloud.ErrorCode(err) != "Gateway.NotAttached" {
		addCloudError(&resp.Diagnostics, "DetachInternetGateway", err)
	}
}

func (r *internetGatewayAttachmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	igwID, vpcID, err := cloud.ParseInternetGatewayAttachmentID(req.ID)
	if err != nil {
		summary, detail := errorText(err)
		resp.Diagnostics.AddError("Invalid import ID: "+summary, detail)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("internet_gateway_id"), igwID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("vpc_id"), vpcID)...)
}
