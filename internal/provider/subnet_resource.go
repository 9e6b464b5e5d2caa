package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

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
	_ resource.ResourceWithConfigure        = &subnetResource{}
	_ resource.ResourceWithModifyPlan       = &subnetResource{}
	_ resource.ResourceWithImportState      = &subnetResource{}
	_ resource.ResourceWithConfigValidators = &subnetResource{}
)

// NewSubnetResource returns the simcloud_subnet resource.
func NewSubnetResource() resource.Resource { return &subnetResource{resourceBase{typeName: "_subnet"}} }

type subnetResource struct{ resourceBase }

type subnetModel struct {
	ID                          types.String `tfsdk:"id"`
	ARN                         types.String `tfsdk:"arn"`
	OwnerID                     types.String `tfsdk:"owner_id"`
	VPCID                       types.String `tfsdk:"vpc_id"`
	CIDRBlock                   types.String `tfsdk:"cidr_block"`
	AvailabilityZone            types.String `tfsdk:"availability_zone"`
	AvailabilityZoneID          types.String `tfsdk:"availability_zone_id"`
	IPv6CIDRBlock               types.String `tfsdk:"ipv6_cidr_block"`
	IPv6CIDRBlockAssociationID  types.String `tfsdk:"ipv6_cidr_block_association_id"`
	MapPublicIPOnLaunch         types.Bool   `tfsdk:"map_public_ip_on_launch"`
	AssignIPv6AddressOnCreation types.Bool   `tfsdk:"assign_ipv6_address_on_creation"`
	IsPublic                    types.Bool   `tfsdk:"is_public"`
	EffectiveRouteTableID       types.String `tfsdk:"effective_route_table_id"`
	InternetAccess              types.Object `tfsdk:"internet_access"`
	Tags                        types.Map    `tfsdk:"tags"`
	TagsAll                     types.Map    `tfsdk:"tags_all"`
}

func (r *subnetResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A subnet, with the arguments and attributes of `aws_subnet`, plus `is_public` and `effective_route_table_id`, which say what its routing makes of it.",
		Attributes: map[string]schema.Attribute{
			"id":       computedID("The subnet's ID, `subnet-` followed by 17 hexadecimal digits."),
			"arn":      computedID("The subnet's ARN."),
			"owner_id": computedID("The ID of the account that owns the subnet."),
			"vpc_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The VPC of the subnet. Changing it replaces the subnet.",
				Validators: []validator.String{idCheck(cloud.KindVPC)}, PlanModifiers: replace,
			},
			"cidr_block": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The subnet's IPv4 block: a /16 to /28 inside the VPC's block that overlaps no other subnet of the VPC. " +
					"Changing it replaces the subnet.",
				Validators: []validator.String{cloudCheck(func(s string) error {
					_, err := cloud.ParseIPv4Network(s, "cidrBlock", "cidr_block")
					return err
				})},
				PlanModifiers: replace,
			},
			"availability_zone": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The zone of the subnet: the region's name and a letter from `a` to `f`. Defaults to the region's first zone. Changing it replaces the subnet.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"availability_zone_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The ID of the subnet's zone, such as `use1-az1`: another way to choose the zone, as in the AWS provider. " +
					"Give this or `availability_zone`, not both. Changing it replaces the subnet.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"ipv6_cidr_block": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "A /64 of the VPC's IPv6 block for the subnet, such as `cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)`. " +
					"Changed in place.",
				Validators: []validator.String{cloudCheck(func(s string) error {
					_, err := cloud.ParseIPv6Network(s, "ipv6CidrBlock", "ipv6_cidr_block")
					return err
				})},
			},
			"ipv6_cidr_block_association_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The ID of the IPv6 block's association with the subnet, or an empty string.",
			},
			"map_public_ip_on_launch": optionalBool(false,
				"Whether instances launched in the subnet get a public IPv4 address. Defaults to `false`. A subnet needs this and a route to an internet gateway for the internet to reach its instances over IPv4."),
			"assign_ipv6_address_on_creation": optionalBool(false,
				"Whether network interfaces created in the subnet get an IPv6 address. Defaults to `false`; needs `ipv6_cidr_block`."),
			"is_public": schema.BoolAttribute{
				Computed: true,
				MarkdownDescription: "Whether the subnet is public: the route table that serves it has an active route to an internet gateway attached to its VPC. " +
					"This is the value as of the last refresh; the `simcloud_subnet` data source reads it live.",
			},
			"effective_route_table_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The route table that serves the subnet: its explicit association's, else the VPC's main table. As of the last refresh.",
			},
			"internet_access": schema.ObjectAttribute{
				Computed: true, AttributeTypes: internetAccessTypes,
				MarkdownDescription: internetAccessDescription + " As of the last refresh; the data source reads it live.",
			},
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func (r *subnetResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		argumentsCheck(cloud.CheckSubnetZoneArguments, "availability_zone", "availability_zone_id"),
	}
}

func (r *subnetResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan subnetModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	var state *subnetModel
	if !req.State.Raw.IsNull() {
		state = &subnetModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	region := r.data.client.Scope().Region
	if plan.AvailabilityZone.IsUnknown() {
		var configZone, configZoneID types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("availability_zone"), &configZone)...)
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("availability_zone_id"), &configZoneID)...)
		switch {
		case configZone.IsNull() && configZoneID.IsNull():
			plan.AvailabilityZone = types.StringValue(cloud.AvailabilityZones(region)[0])
		case configZone.IsNull() && !configZoneID.IsUnknown():
			zone, err := cloud.AvailabilityZoneByID(region, configZoneID.ValueString())
			if err != nil {
				addCloudError(&resp.Diagnostics, "plan", err)
				return
			}
			plan.AvailabilityZone = types.StringValue(zone)
		}
	}
	if !plan.AvailabilityZone.IsUnknown() {
		if err := cloud.ValidateAvailabilityZone(region, plan.AvailabilityZone.ValueString()); err != nil {
			addCloudError(&resp.Diagnostics, "plan", err)
			return
		}
		plan.AvailabilityZoneID = types.StringValue(cloud.AvailabilityZoneID(plan.AvailabilityZone.ValueString()))
	}
	if state != nil && plan.IPv6CIDRBlock.Equal(state.IPv6CIDRBlock) {
		plan.IPv6CIDRBlockAssociationID = state.IPv6CIDRBlockAssociationID
	} else if plan.IPv6CIDRBlock.IsNull() {
		plan.IPv6CIDRBlockAssociationID = types.StringValue("")
	}
	in := r.data.plannedSubnetInput(ctx, plan, &resp.Diagnostics)
	stateID, change := "", unchanged
	if state != nil {
		stateID = state.ID.ValueString()
		replacing := !plan.VPCID.Equal(state.VPCID) || !plan.CIDRBlock.Equal(state.CIDRBlock) || !plan.AvailabilityZone.Equal(state.AvailabilityZone)
		change = changeOf(replacing, reflect.DeepEqual(in, r.data.plannedSubnetInput(ctx, *state, &resp.Diagnostics)))
	}
	key := strings.Join([]string{"simcloud_subnet", in.VPCID, in.CIDRBlock, in.AvailabilityZone, in.IPv6CIDRBlock}, "|")
	description := fmt.Sprintf("the simcloud_subnet planned in this configuration with cidr_block %s in %s", in.CIDRBlock, in.VPCID)
	err := r.data.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
		return r.data.client.CheckSubnet(ctx, r.data.plan, holder, in, selfID)
	})
	if err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// subnetInputFrom is the configuration a subnet is applied with.
func subnetInputFrom(ctx context.Context, m subnetModel, diags *diag.Diagnostics) cloud.SubnetInput {
	return cloud.SubnetInput{
		VPCID: m.VPCID.ValueString(), CIDRBlock: m.CIDRBlock.ValueString(), AvailabilityZone: m.AvailabilityZone.ValueString(),
		IPv6CIDRBlock: m.IPv6CIDRBlock.ValueString(), MapPublicIPOnLaunch: m.MapPublicIPOnLaunch.ValueBool(),
		AssignIPv6AddressOnCreation: m.AssignIPv6AddressOnCreation.ValueBool(), Tags: tagsForCloud(ctx, m.TagsAll, diags),
	}
}

// plannedSubnetInput is a subnet's configuration as the plan-time check
// takes it, values known only after apply as cloud.Unknown; an unknown
// boolean is taken as false, which no rule refuses.
func (d *providerData) plannedSubnetInput(ctx context.Context, m subnetModel, diags *diag.Diagnostics) cloud.SubnetInput {
	return cloud.SubnetInput{
		VPCID: plannedID(m.VPCID, cloud.KindVPC), CIDRBlock: planned(m.CIDRBlock), AvailabilityZone: planned(m.AvailabilityZone),
		IPv6CIDRBlock: planned(m.IPv6CIDRBlock), MapPublicIPOnLaunch: m.MapPublicIPOnLaunch.ValueBool(),
		AssignIPv6AddressOnCreation: m.AssignIPv6AddressOnCreation.ValueBool(), Tags: d.tagsToCheck(ctx, m.Tags, diags),
	}
}

func (r *subnetResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateSubnet", func(plan *subnetModel) error {
		in := subnetInputFrom(ctx, *plan, &resp.Diagnostics)
		s, err := r.data.client.CreateSubnet(ctx, in)
		if err == nil {
			r.data.setSubnetState(ctx, plan, s, &resp.Diagnostics)
		}
		return err
	})
}

func (r *subnetResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_subnet", "DescribeSubnets", func(m subnetModel) string { return m.ID.ValueString() },
		func(m *subnetModel) error {
			s, err := r.data.client.Subnet(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setSubnetState(ctx, m, s, &resp.Diagnostics)
				addAdvice(&resp.Diagnostics, cloud.SubnetAdvice(s))
			}
			return err
		})
}

func (r *subnetResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "ModifySubnetAttribute", func(plan *subnetModel) error {
		in := subnetInputFrom(ctx, *plan, &resp.Diagnostics)
		s, err := r.data.client.UpdateSubnet(ctx, plan.ID.ValueString(), in)
		if err == nil {
			r.data.setSubnetState(ctx, plan, s, &resp.Diagnostics)
		}
		return err
	})
}

func (r *subnetResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "DeleteSubnet", func(state subnetModel) error { return r.data.client.DeleteSubnet(ctx, state.ID.ValueString()) })
}

func (r *subnetResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindSubnet, req, resp)
}

func (d *providerData) setSubnetState(ctx context.Context, m *subnetModel, s cloud.Subnet, diags *diag.Diagnostics) {
	m.ID = types.StringValue(s.ID)
	m.ARN = types.StringValue(s.ARN())
	m.OwnerID = types.StringValue(s.OwnerID)
	m.VPCID = types.StringValue(s.VPCID)
	m.CIDRBlock = types.StringValue(s.CIDRBlock)
	m.AvailabilityZone = types.StringValue(s.AvailabilityZone)
	m.AvailabilityZoneID = types.StringValue(s.AvailabilityZoneID())
	m.IPv6CIDRBlock = types.StringNull()
	if s.IPv6CIDRBlock != "" {
		m.IPv6CIDRBlock = types.StringValue(s.IPv6CIDRBlock)
	}
	m.IPv6CIDRBlockAssociationID = types.StringValue(s.IPv6CIDRBlockAssociationID)
	m.MapPublicIPOnLaunch = types.BoolValue(s.MapPublicIPOnLaunch)
	m.AssignIPv6AddressOnCreation = types.BoolValue(s.AssignIPv6AddressOnCreation)
	m.IsPublic = types.BoolValue(s.IsPublic)
	m.EffectiveRouteTableID = types.StringValue(s.RouteTableID)
	m.InternetAccess = internetAccessValue(s.InternetAccess, diags)
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, s.Tags, m.Tags, diags)
}
