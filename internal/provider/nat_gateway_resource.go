package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var (
	_ resource.ResourceWithConfigure   = &natGatewayResource{}
	_ resource.ResourceWithModifyPlan  = &natGatewayResource{}
	_ resource.ResourceWithImportState = &natGatewayResource{}
)

// NewNATGatewayResource returns the simcloud_nat_gateway resource.
func NewNATGatewayResource() resource.Resource {
	return &natGatewayResource{resourceBase{typeName: "_nat_gateway"}}
}

type natGatewayResource struct{ resourceBase }

type natGatewayModel struct {
	ID                 types.String `tfsdk:"id"`
	SubnetID           types.String `tfsdk:"subnet_id"`
	AllocationID       types.String `tfsdk:"allocation_id"`
	ConnectivityType   types.String `tfsdk:"connectivity_type"`
	AssociationID      types.String `tfsdk:"association_id"`
	PublicIP           types.String `tfsdk:"public_ip"`
	PrivateIP          types.String `tfsdk:"private_ip"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
	Tags               types.Map    `tfsdk:"tags"`
	TagsAll            types.Map    `tfsdk:"tags_all"`
}

func (m natGatewayModel) input(ctx context.Context, diags *diag.Diagnostics) cloud.NATGatewayInput {
	return cloud.NATGatewayInput{SubnetID: m.SubnetID.ValueString(), AllocationID: m.AllocationID.ValueString(),
		ConnectivityType: m.ConnectivityType.ValueString(), Tags: tagsForCloud(ctx, m.TagsAll, diags)}
}

func (r *natGatewayResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A NAT gateway, with the arguments and attributes of `aws_nat_gateway`: it lets instances of private subnets open " +
			"connections out, and lets no connection in.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The gateway's ID, `nat-` followed by 17 hexadecimal digits."),
			"subnet_id": schema.StringAttribute{
				Required: true, PlanModifiers: replace, Validators: []validator.String{idCheck(cloud.KindSubnet)},
				MarkdownDescription: "The subnet the gateway sits in: for a public gateway, a public subnet. Changing it replaces the gateway.",
			},
			"allocation_id": schema.StringAttribute{
				Optional: true, PlanModifiers: replace, Validators: []validator.String{idCheck(cloud.KindElasticIP)},
				MarkdownDescription: "The elastic IP of a public gateway (required there, refused for a private one). Changing it replaces the gateway.",
			},
			"connectivity_type": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(cloud.ConnectivityPublic), PlanModifiers: replace,
				MarkdownDescription: "`public` (default) or `private`. Changing it replaces the gateway.",
			},
			"association_id":       computedID("The ID of the elastic IP's association with the gateway, or an empty string."),
			"public_ip":            computedID("The gateway's public address, or an empty string for a private one."),
			"private_ip":           computedID("The gateway's address in its subnet: the first one AWS does not reserve and no other gateway holds."),
			"network_interface_id": computedID("The ID of the gateway's network interface."),
			"tags":                 tagsAttribute(),
			"tags_all":             tagsAllAttribute(),
		},
	}
}

func (r *natGatewayResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan natGatewayModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	in := cloud.NATGatewayInput{
		SubnetID: plannedID(plan.SubnetID, cloud.KindSubnet), AllocationID: plannedID(plan.AllocationID, cloud.KindElasticIP),
		ConnectivityType: planned(plan.ConnectivityType), Tags: r.data.tagsToCheck(ctx, plan.Tags, &resp.Diagnostics),
	}
	stateID, change := "", unchanged
	if !req.State.Raw.IsNull() {
		var state natGatewayModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		stateID = state.ID.ValueString()
		replacing := !plan.SubnetID.Equal(state.SubnetID) || !plan.AllocationID.Equal(state.AllocationID) || !plan.ConnectivityType.Equal(state.ConnectivityType)
		change = changeOf(replacing, reflect.DeepEqual(in, state.input(ctx, &resp.Diagnostics)))
	}
	key := strings.Join([]string{"simcloud_nat_gateway", in.SubnetID, in.AllocationID, in.ConnectivityType}, "|")
	description := fmt.Sprintf("the simcloud_nat_gateway planned in this configuration for subnet %s", in.SubnetID)
	err := r.data.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
		return r.data.client.CheckNATGateway(ctx, r.data.plan, holder, in, selfID)
	})
	if err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *natGatewayResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateNatGateway", func(plan *natGatewayModel) error {
		nat, err := r.data.client.CreateNATGateway(ctx, plan.input(ctx, &resp.Diagnostics))
		if err == nil {
			r.data.setNATGatewayState(ctx, plan, nat, &resp.Diagnostics)
		}
		return err
	})
}

func (r *natGatewayResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_nat_gateway", "DescribeNatGateways", func(m natGatewayModel) string { return m.ID.ValueString() },
		func(m *natGatewayModel) error {
			nat, err := r.data.client.NATGateway(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setNATGatewayState(ctx, m, nat, &resp.Diagnostics)
			}
			return err
		})
}

func (r *natGatewayResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateTags", func(plan *natGatewayModel) error {
		nat, err := r.data.client.UpdateNATGateway(ctx, plan.ID.ValueString(), tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setNATGatewayState(ctx, plan, nat, &resp.Diagnostics)
		}
		return err
	})
}

func (r *natGatewayResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteNatGateway", func(state natGatewayModel) error { return r.data.client.DeleteNATGateway(ctx, state.ID.ValueString()) })
}

func (r *natGatewayResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindNATGateway, req, resp)
}

func (d *providerData) setNATGatewayState(ctx context.Context, m *natGatewayModel, nat cloud.NATGateway, diags *diag.Diagnostics) {
	m.ID, m.SubnetID = types.StringValue(nat.ID), types.StringValue(nat.SubnetID)
	m.AllocationID = types.StringNull()
	if nat.AllocationID != "" {
		m.AllocationID = types.StringValue(nat.AllocationID)
	}
	m.ConnectivityType = types.StringValue(nat.ConnectivityType)
	m.AssociationID, m.PublicIP = types.StringValue(nat.AssociationID), types.StringValue(nat.PublicIP)
	m.PrivateIP, m.NetworkInterfaceID = types.StringValue(nat.PrivateIP), types.StringValue(nat.NetworkInterfaceID)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, nat.Tags, m.Tags, diags)
}
