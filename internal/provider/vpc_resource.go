package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcResourceModel struct {
	managedVPC
	// The IPv4 IPAM arguments are aws_vpc's alone: a default VPC's block
	// is always 172.31.0.0/16. A VPC takes its block from the pool when it
	// names one.
	IPv4IPAMPoolID    types.String `tfsdk:"ipv4_ipam_pool_id"`
	IPv4NetmaskLength types.Int64  `tfsdk:"ipv4_netmask_length"`
}

// managedVPC is what simcloud_vpc and simcloud_default_vpc both manage of a
// VPC: the second adopts a VPC the first could have made.
type managedVPC struct {
	taggedObject
	vpcAttributes
	AssignGeneratedIPv6CIDRBlock types.Bool   `tfsdk:"assign_generated_ipv6_cidr_block"`
	DefaultRouteTableID          types.String `tfsdk:"default_route_table_id"`
	// The aws_vpc data source has neither of these, so they are the
	// resources' alone.
	DefaultSecurityGroupID types.String `tfsdk:"default_security_group_id"`
	DefaultNetworkACLID    types.String `tfsdk:"default_network_acl_id"`
	DHCPOptionsID          types.String `tfsdk:"dhcp_options_id"`
	// The IPv6 IPAM arguments: simcloud_vpc takes a block from the pool,
	// simcloud_default_vpc refuses them.
	IPv6IPAMPoolID                  types.String `tfsdk:"ipv6_ipam_pool_id"`
	IPv6NetmaskLength               types.Int64  `tfsdk:"ipv6_netmask_length"`
	IPv6CIDRBlockNetworkBorderGroup types.String `tfsdk:"ipv6_cidr_block_network_border_group"`
}

// vpcAttributes are what the simcloud_vpc resource and data source both
// read from a VPC.
type vpcAttributes struct {
	ARN                              types.String `tfsdk:"arn"`
	OwnerID                          types.String `tfsdk:"owner_id"`
	CIDRBlock                        types.String `tfsdk:"cidr_block"`
	InstanceTenancy                  types.String `tfsdk:"instance_tenancy"`
	EnableDNSSupport                 types.Bool   `tfsdk:"enable_dns_support"`
	EnableDNSHostnames               types.Bool   `tfsdk:"enable_dns_hostnames"`
	EnableNetworkAddressUsageMetrics types.Bool   `tfsdk:"enable_network_address_usage_metrics"`
	IPv6CIDRBlock                    types.String `tfsdk:"ipv6_cidr_block"`
	IPv6AssociationID                types.String `tfsdk:"ipv6_association_id"`
	MainRouteTableID                 types.String `tfsdk:"main_route_table_id"`
}

func (a *vpcAttributes) read(vpc cloud.VPC) {
	a.ARN, a.OwnerID = types.StringValue(vpc.ARN()), types.StringValue(vpc.OwnerID)
	a.CIDRBlock, a.InstanceTenancy = types.StringValue(vpc.CIDRBlock), types.StringValue(vpc.InstanceTenancy)
	a.EnableDNSSupport, a.EnableDNSHostnames = types.BoolValue(vpc.EnableDNSSupport), types.BoolValue(vpc.EnableDNSHostnames)
	a.EnableNetworkAddressUsageMetrics = types.BoolValue(vpc.EnableNetworkAddressUsageMetrics)
	a.IPv6CIDRBlock, a.IPv6AssociationID = types.StringValue(vpc.IPv6CIDRBlock), types.StringValue(vpc.IPv6AssociationID)
	a.MainRouteTableID = types.StringValue(vpc.MainRouteTableID)
}

var vpcKind = resourceKind[vpcResourceModel, cloud.VPC]{
	kind: cloud.KindVPC,
	schema: schema.Schema{
		MarkdownDescription: "A VPC: a private network of your own in the simulated cloud, with the arguments and attributes of `aws_vpc`. " +
			"Every VPC comes with a main route table that holds its local routes, a default security group and a default network ACL.",
		Attributes: managedVPCAttributes(map[string]schema.Attribute{
			"cidr_block": optionalComputedReplacing("The VPC's IPv4 block, a network between /16 and /28 such as `10.0.0.0/16`. "+
				"A block of another size fails at plan with `InvalidVpc.Range`, a malformed one or one with host bits set with `InvalidParameterValue`. Changing it replaces the VPC. "+
				"Left out, `ipv4_ipam_pool_id` is required and the pool gives the block: its lowest free block of `ipv4_netmask_length` (or of the pool's default).",
				cloudCheck(func(s string) error { _, err := cloud.ParseVPCCIDR(s); return err })),
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
			"enable_dns_hostnames": optionalBool(false,
				"Whether instances with public IP addresses get public DNS hostnames. Defaults to `false`."),
			"ipv4_ipam_pool_id": optionalReplacing("The IPAM pool (`simcloud_vpc_ipam_pool`) to take the IPv4 block from: `cidr_block` inside the pool when given, else the pool's lowest free block. "+
				"The pool's locale must be the VPC's region; a pool with no free block of the size fails with `InvalidParameterValue`. The block goes back to the pool when the VPC is deleted.",
				idCheck(cloud.KindIPAMPool)),
			"ipv4_netmask_length": replacingInt(false, "The length of the IPv4 block to take from `ipv4_ipam_pool_id`; the pool's `allocation_default_netmask_length` when left out. "+
				"Outside the pool's minimum and maximum netmask lengths it fails at plan with `InvalidParameterValue`."),
			"ipv6_ipam_pool_id": optionalReplacing("The IPAM pool to take the IPv6 block from: `ipv6_cidr_block` inside the pool when given, else the pool's lowest free block of `ipv6_netmask_length`.",
				idCheck(cloud.KindIPAMPool)),
			"ipv6_netmask_length": replacingInt(false, "The length of the IPv6 block to take from `ipv6_ipam_pool_id`."),
		}),
	},
	updateOp: "ModifyVpcAttribute",
	create: func(d *providerData, ctx context.Context, a applyStep[vpcResourceModel]) (cloud.VPC, error) {
		// Blocks still unknown are the pools' to give.
		in := a.plan.input(a.tags)
		if !cloud.IsKnown(in.CIDRBlock) {
			in.CIDRBlock = ""
		}
		if !cloud.IsKnown(in.IPv6CIDRBlock) {
			in.IPv6CIDRBlock = ""
		}
		return d.client.CreateVPC(ctx, in)
	},
	get: (*cloud.Client).VPC,
	update: func(d *providerData, ctx context.Context, a applyStep[vpcResourceModel]) (cloud.VPC, error) {
		return d.client.UpdateVPC(ctx, a.plan.ID.ValueString(), vpcInput(a.plan.managedVPC, a.tags))
	},
	removeByID: (*cloud.Client).DeleteVPC,
	check: func(ctx context.Context, d *providerData, p planStep[vpcResourceModel]) error {
		var state *managedVPC
		if p.state != nil {
			state = &p.state.managedVPC
		}
		set := configuredArguments(ctx, p.config, p.diags, "cidr_block", "ipv4_ipam_pool_id", "ipv6_ipam_pool_id", "ipv6_cidr_block",
			"ipv4_netmask_length", "ipv6_netmask_length",
			"assign_generated_ipv6_cidr_block", "ipv6_cidr_block_network_border_group")
		if err := cloud.CheckVPCBlockArguments(set); err != nil {
			return err
		}
		if err := p.plan.planIPv6(ctx, d, p.config, p.diags, state, d.client.CheckNetworkBorderGroup); err != nil {
			return err
		}
		in := p.plan.input(p.tags)
		// A block left to the pool is found at apply; the pool's rules
		// are checked now.
		if set["cidr_block"] == "" {
			in.CIDRBlock = ""
		}
		if set["ipv6_cidr_block"] == "" {
			in.IPv6CIDRBlock = ""
		}
		return d.client.CheckVPC(ctx, d.plan, p.holder, in)
	},
	fill: func(m *vpcResourceModel, vpc cloud.VPC) {
		m.fill(vpc)
		if m.IPv4IPAMPoolID.IsNull() || m.IPv4IPAMPoolID.IsUnknown() {
			m.IPv4IPAMPoolID = optionalString(m.IPv4IPAMPoolID, vpc.IPv4IPAMPoolID)
		}
		if m.IPv4NetmaskLength.IsUnknown() {
			m.IPv4NetmaskLength = types.Int64Null()
		}
	},
	tagsOf: func(vpc cloud.VPC) map[string]string { return vpc.Tags },
}

// managedVPCAttributes returns the attributes of managedVPC, with own, the
// attributes that a resource describes its own way, added.
func managedVPCAttributes(own map[string]schema.Attribute) map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{
		"arn":                computedID("The VPC's ARN."),
		"owner_id":           computedID("The ID of the account that owns the VPC."),
		"enable_dns_support": optionalBool(true, "Whether the VPC's DNS server resolves names. Defaults to `true`."),
		"enable_network_address_usage_metrics": optionalBool(false,
			"Whether network address usage metrics are enabled for the VPC. Defaults to `false`."),
		"assign_generated_ipv6_cidr_block": optionalBool(false,
			"Whether the VPC gets an Amazon-provided /56 IPv6 block. The simulated cloud hands these out from `2001:db8::/32`, each to one VPC at a time. "+
				"Defaults to `false`. Changed in place: turning it off releases the block and its local routes."),
		"ipv6_cidr_block": optionalComputed("The VPC's IPv6 block, or an empty string when it has none. Given, it is taken from `ipv6_ipam_pool_id` " +
			"(simcloud_vpc only; simcloud_default_vpc refuses it with `UnsupportedOperation`)."),
		"ipv6_association_id":    computedID("The ID of the IPv6 block's association with the VPC, or an empty string."),
		"main_route_table_id":    computedID("The ID of the VPC's main route table, which serves every subnet that has no route table of its own."),
		"default_route_table_id": computedID("The ID of the VPC's main route table, under the name `aws_default_route_table` uses."),
		"default_security_group_id": computedID("The ID of the VPC's default security group, named `default`, made and deleted with the VPC: " +
			"inbound, all traffic from the group itself; outbound, all traffic to `0.0.0.0/0`, and to `::/0` while the VPC has an IPv6 block."),
		"default_network_acl_id": computedID("The ID of the VPC's default network ACL, made and deleted with the VPC, and associated with every subnet that has no other ACL: " +
			"rule 100 allows all IPv4 traffic each way, rule 101 all IPv6 traffic while the VPC has an IPv6 block, and the `*` rules deny the rest."),
		"ipv6_ipam_pool_id":   ipamArgument("The IPAM pool to take the IPv6 block from."),
		"ipv6_netmask_length": ipamLengthArgument("The length of the IPv6 block to take from `ipv6_ipam_pool_id`."),
		"ipv6_cidr_block_network_border_group": optionalComputed("Where the Amazon-provided IPv6 block is advertised: the region's own network border group, its name, " +
			"the only one the simulated cloud has. Another fails at plan with `InvalidParameterValue`."),
		"dhcp_options_id": computedID("The ID of the DHCP options set the VPC is associated with: the region's default set (see `simcloud_default_vpc_dhcp_options`) " +
			"until a `simcloud_vpc_dhcp_options_association` changes it, or `default` for none."),
	}
	maps.Copy(attributes, own)
	return attributes
}

// planIPv6 refuses, with check, the pool arguments of managedVPC that the
// resource cannot honour, and completes the plan's IPv6 attributes where
// assign_generated_ipv6_cidr_block changes. state is nil for a VPC not yet
// managed.
func (m *managedVPC) planIPv6(ctx context.Context, d *providerData, config tfsdk.Config, diags *diag.Diagnostics, state *managedVPC,
	check func(set map[string]string) error) error {
	pools := configuredArguments(ctx, config, diags,
		"ipv6_ipam_pool_id", "ipv6_netmask_length", "ipv6_cidr_block", "ipv6_cidr_block_network_border_group")
	if err := check(pools); err != nil {
		return err
	}
	if state != nil && !m.AssignGeneratedIPv6CIDRBlock.Equal(state.AssignGeneratedIPv6CIDRBlock) {
		// The block is drawn at apply; releasing one is known now, and
		// so is the border group the block is advertised in.
		group := ""
		if m.AssignGeneratedIPv6CIDRBlock.ValueBool() {
			m.IPv6CIDRBlock, m.IPv6AssociationID = types.StringUnknown(), types.StringUnknown()
			group = d.client.Scope().Region
		} else {
			m.IPv6CIDRBlock, m.IPv6AssociationID = types.StringValue(""), types.StringValue("")
		}
		if pools["ipv6_cidr_block_network_border_group"] == "" {
			m.IPv6CIDRBlockNetworkBorderGroup = types.StringValue(group)
		}
	}
	return nil
}

// fill copies what the cloud holds of vpc into the model.
func (m *managedVPC) fill(vpc cloud.VPC) {
	m.ID = types.StringValue(vpc.ID)
	m.read(vpc)
	m.AssignGeneratedIPv6CIDRBlock = types.BoolValue(vpc.IPv6CIDRBlock != "" && vpc.IPv6IPAMPoolID == "")
	if m.IPv6IPAMPoolID.IsNull() || m.IPv6IPAMPoolID.IsUnknown() {
		m.IPv6IPAMPoolID = optionalString(m.IPv6IPAMPoolID, vpc.IPv6IPAMPoolID)
	}
	if m.IPv6NetmaskLength.IsUnknown() {
		m.IPv6NetmaskLength = types.Int64Null()
	}
	m.DefaultRouteTableID = types.StringValue(vpc.MainRouteTableID)
	m.DefaultSecurityGroupID = types.StringValue(vpc.DefaultSecurityGroupID)
	m.DefaultNetworkACLID = types.StringValue(vpc.DefaultNetworkACLID)
	if vpc.IPv6CIDRBlock != "" {
		m.IPv6CIDRBlockNetworkBorderGroup = types.StringValue(vpc.Region)
	} else if m.IPv6CIDRBlockNetworkBorderGroup.IsNull() || m.IPv6CIDRBlockNetworkBorderGroup.IsUnknown() {
		m.IPv6CIDRBlockNetworkBorderGroup = types.StringValue("")
	}
	m.DHCPOptionsID = types.StringValue(cloud.DHCPOptionsOf(vpc))
}

// vpcInput is a VPC's desired configuration in a plan, with the tags the
// step gives (at plan, those the cloud's rules count; see tagsToCheck). At
// plan, strings known only after apply are cloud.Unknown; an unknown
// boolean reads as false, which no rule refuses.
func vpcInput(m managedVPC, tags map[string]string) cloud.VPCInput {
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

// input is the VPC's desired configuration in a plan, with its pools.
func (m *vpcResourceModel) input(tags map[string]string) cloud.VPCInput {
	in := vpcInput(m.managedVPC, tags)
	in.IPv4IPAMPoolID, in.IPv4NetmaskLength = plannedID(m.IPv4IPAMPoolID, cloud.KindIPAMPool), m.IPv4NetmaskLength.ValueInt64()
	in.IPv6IPAMPoolID, in.IPv6NetmaskLength = plannedID(m.IPv6IPAMPoolID, cloud.KindIPAMPool), m.IPv6NetmaskLength.ValueInt64()
	in.IPv6CIDRBlock = planned(m.IPv6CIDRBlock)
	return in
}

// ipamArgument and ipamLengthArgument are the IPAM arguments of the
// resources that accept them only left out (subnets, the default VPC).
func ipamArgument(description string) schema.StringAttribute {
	return optionalReplacing(description + " Only a new VPC (`simcloud_vpc`) takes its blocks from an IPAM pool in the simulated cloud: set, it fails at plan with `UnsupportedOperation`.")
}

func ipamLengthArgument(description string) schema.Int64Attribute {
	return replacingInt(false, description+" Only a new VPC (`simcloud_vpc`) takes its blocks from an IPAM pool in the simulated cloud: set, it fails at plan with `UnsupportedOperation`.")
}
