package provider

import (
	"context"

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
	_ resource.ResourceWithConfigure   = &vpcResource{}
	_ resource.ResourceWithModifyPlan  = &vpcResource{}
	_ resource.ResourceWithImportState = &vpcResource{}
)

// NewVPCResource returns the simcloud_vpc resource.
func NewVPCResource() resource.Resource { return &vpcResource{resourceBase{typeName: "_vpc"}} }

type vpcResource struct{ resourceBase }

type vpcResourceModel struct {
	ID                               types.String `tfsdk:"id"`
	ARN                              types.String `tfsdk:"arn"`
	OwnerID                          types.String `tfsdk:"owner_id"`
	CIDRBlock                        types.String `tfsdk:"cidr_block"`
	InstanceTenancy                  types.String `tfsdk:"instance_tenancy"`
	EnableDNSSupport                 types.Bool   `tfsdk:"enable_dns_support"`
	EnableDNSHostnames               types.Bool   `tfsdk:"enable_dns_hostnames"`
	EnableNetworkAddressUsageMetrics types.Bool   `tfsdk:"enable_network_address_usage_metrics"`
	AssignGeneratedIPv6CIDRBlock     types.Bool   `tfsdk:"assign_generated_ipv6_cidr_block"`
	IPv6CIDRBlock                    types.String `tfsdk:"ipv6_cidr_block"`
	IPv6AssociationID                types.String `tfsdk:"ipv6_association_id"`
	MainRouteTableID                 types.String `tfsdk:"main_route_table_id"`
	DefaultRouteTableID              types.String `tfsdk:"default_route_table_id"`
	Tags                             types.Map    `tfsdk:"tags"`
	TagsAll                          types.Map    `tfsdk:"tags_all"`
}

func (r *vpcResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A VPC: a private network of your own in the simulated cloud, with the arguments and attributes of `aws_vpc`. " +
			"Every VPC comes with a main route table that holds its local routes.",
		Attributes: map[string]schema.Attribute{
			"id":       computedID("The VPC's ID, `vpc-` followed by 17 hexadecimal digits."),
			"arn":      computedID("The VPC's ARN."),
			"owner_id": computedID("The ID of the account that owns the VPC."),
			"cidr_block": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The VPC's IPv4 block, a network between /16 and /28 such as `10.0.0.0/16`. " +
					"A block of another size fails at plan with `InvalidVpc.Range`, a malformed one or one with host bits set with `InvalidParameterValue`. Changing it replaces the VPC.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{cloudCheck(func(s string) error { _, err := cloud.ParseVPCCIDR(s); return err })},
			},
			"instance_tenancy": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(cloud.TenancyDefault),
				MarkdownDescription: "Tenancy of instances launched into the VPC: `default` or `dedicated`. Changing `dedicated` to `default` is done in place; any other change replaces the VPC.",
				Validators:          []validator.String{cloudCheck(cloud.ValidateInstanceTenancy)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
					func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
						resp.RequiresReplace = !cloud.TenancyChangeInPlace(req.StateValue.ValueString(), req.PlanValue.ValueString())
					},
					"Changing the tenancy replaces the VPC, except from dedicated to default.",
					"Changing the tenancy replaces the VPC, except from `dedicated` to `default`.",
				)},
			},
			"enable_dns_support": optionalBool(true, "Whether the VPC's DNS server resolves names. Defaults to `true`."),
			"enable_dns_hostnames": optionalBool(false,
				"Whether instances with public IP addresses get public DNS hostnames. Defaults to `false`."),
			"enable_network_address_usage_metrics": optionalBool(false,
				"Whether network address usage metrics are enabled for the VPC. Defaults to `false`."),
			"assign_generated_ipv6_cidr_block": optionalBool(false,
				"Whether the VPC gets an Amazon-provided /56 IPv6 block. The simulated cloud hands these out from `2001:db8::/32`, each to one VPC at a time. "+
					"Defaults to `false`. Changed in place: turning it off releases the block and its local routes."),
			"ipv6_cidr_block": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The VPC's IPv6 block, or an empty string when it has none.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"ipv6_association_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The ID of the IPv6 block's association with the VPC, or an empty string.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"main_route_table_id":    computedID("The ID of the VPC's main route table, which serves every subnet that has no route table of its own."),
			"default_route_table_id": computedID("The ID of the VPC's main route table, under the name `aws_default_route_table` uses."),
			"tags":                   tagsAttribute(),
			"tags_all":               tagsAllAttribute(),
		},
	}
}

func (r *vpcResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan vpcResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)

	holder := r.data.plan.NewHolder()
	if !req.State.Raw.IsNull() {
		var state vpcResourceModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		holder = cloud.ExistingHolder(state.ID.ValueString())
		if !plan.AssignGeneratedIPv6CIDRBlock.Equal(state.AssignGeneratedIPv6CIDRBlock) {
			// The block is drawn at apply; releasing one is known now.
			if plan.AssignGeneratedIPv6CIDRBlock.ValueBool() {
				plan.IPv6CIDRBlock, plan.IPv6AssociationID = types.StringUnknown(), types.StringUnknown()
			} else {
				plan.IPv6CIDRBlock, plan.IPv6AssociationID = types.StringValue(""), types.StringValue("")
			}
		}
	}
	if err := r.data.client.CheckVPC(ctx, r.data.plan, holder, r.data.vpcInputFrom(ctx, plan, &resp.Diagnostics)); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// vpcInputFrom reads a VPC's desired configuration from a plan. At plan,
// strings known only after apply are cloud.Unknown and the tags are those
// the cloud's rules count (see tagsToCheck); an unknown boolean reads as
// false, which no rule refuses.
func (d *providerData) vpcInputFrom(ctx context.Context, m vpcResourceModel, diags *diag.Diagnostics) cloud.VPCInput {
	tags := tagsForCloud(ctx, m.TagsAll, diags)
	if m.TagsAll.IsUnknown() {
		tags = d.tagsToCheck(ctx, m.Tags, diags)
	}
	return cloud.VPCInput{
		CIDRBlock:                        planned(m.CIDRBlock),
		InstanceTenancy:                  planned(m.InstanceTenancy),
		EnableDNSSupport:                 m.EnableDNSSupport.ValueBool(),
		EnableDNSHostnames:               m.EnableDNSHostnames.ValueBool(),
		EnableNetworkAddressUsageMetrics: m.EnableNetworkAddressUsageMetrics.ValueBool(),
		AssignGeneratedIPv6CIDRBlock:     m.AssignGeneratedIPv6CIDRBlock.ValueBool(),
		Tags:                             tags,
	}
}

func (r *vpcResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateVpc", func(plan *vpcResourceModel) error {
		in := r.data.vpcInputFrom(ctx, *plan, &resp.Diagnostics)
		vpc, err := r.data.client.CreateVPC(ctx, in)
		if err == nil {
			r.data.setVPCState(ctx, plan, vpc, &resp.Diagnostics)
		}
		return err
	})
}

func (r *vpcResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_vpc", "DescribeVpcs", func(m vpcResourceModel) string { return m.ID.ValueString() },
		func(m *vpcResourceModel) error {
			v, err := r.data.client.VPC(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setVPCState(ctx, m, v, &resp.Diagnostics)
			}
			return err
		})
}

func (r *vpcResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "ModifyVpcAttribute", func(plan *vpcResourceModel) error {
		in := r.data.vpcInputFrom(ctx, *plan, &resp.Diagnostics)
		vpc, err := r.data.client.UpdateVPC(ctx, plan.ID.ValueString(), in)
		if err == nil {
			r.data.setVPCState(ctx, plan, vpc, &resp.Diagnostics)
		}
		return err
	})
}

func (r *vpcResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteVpc", func(state vpcResourceModel) error { return r.data.client.DeleteVPC(ctx, state.ID.ValueString()) })
}

func (r *vpcResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindVPC, req, resp)
}

// setVPCState copies a VPC as the cloud has it into m, keeping m's own tags
// apart from the default ones.
func (d *providerData) setVPCState(ctx context.Context, m *vpcResourceModel, vpc cloud.VPC, diags *diag.Diagnostics) {
	m.ID = types.StringValue(vpc.ID)
	m.ARN = types.StringValue(vpc.ARN())
	m.OwnerID = types.StringValue(vpc.OwnerID)
	m.CIDRBlock = types.StringValue(vpc.CIDRBlock)
	m.InstanceTenancy = types.StringValue(vpc.InstanceTenancy)
	m.EnableDNSSupport = types.BoolValue(vpc.EnableDNSSupport)
	m.EnableDNSHostnames = types.BoolValue(vpc.EnableDNSHostnames)
	m.EnableNetworkAddressUsageMetrics = types.BoolValue(vpc.EnableNetworkAddressUsageMetrics)
	m.AssignGeneratedIPv6CIDRBlock = types.BoolValue(vpc.IPv6CIDRBlock != "")
	m.IPv6CIDRBlock = types.StringValue(vpc.IPv6CIDRBlock)
	m.IPv6AssociationID = types.StringValue(vpc.IPv6AssociationID)
	m.MainRouteTableID = types.StringValue(vpc.MainRouteTableID)
	m.DefaultRouteTableID = types.StringValue(vpc.MainRouteTableID)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, vpc.Tags, m.Tags, diags)
}
