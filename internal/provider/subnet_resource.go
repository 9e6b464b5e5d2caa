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

// subnetSettings are what the simcloud_subnet and simcloud_default_subnet
// resources both hold of a subnet: the one model of its arguments, filled
// and turned into the cloud's input by the functions below.
type subnetSettings struct {
	taggedObject
	subnetAttributes
	// ipv6_cidr_block reads an empty string when the subnet has no IPv6
	// block, as aws_subnet's does: simcloud_subnet's plans "" when the
	// configuration leaves it out, simcloud_default_subnet's keeps what the
	// subnet has.
	IPv6CIDRBlock types.String `tfsdk:"ipv6_cidr_block"`
}

type subnetModel struct {
	subnetSettings
	// The IPAM arguments are accepted left out (null) only: in the cloud
	// only a new VPC takes its blocks from an IPAM pool.
	IPv4IPAMPoolID    types.String `tfsdk:"ipv4_ipam_pool_id"`
	IPv4NetmaskLength types.Int64  `tfsdk:"ipv4_netmask_length"`
	IPv6IPAMPoolID    types.String `tfsdk:"ipv6_ipam_pool_id"`
	IPv6NetmaskLength types.Int64  `tfsdk:"ipv6_netmask_length"`
}

// subnetAttributes are what the simcloud_subnet resource and data source
// both read from a subnet.
type subnetAttributes struct {
	ARN                         types.String `tfsdk:"arn"`
	OwnerID                     types.String `tfsdk:"owner_id"`
	VPCID                       types.String `tfsdk:"vpc_id"`
	CIDRBlock                   types.String `tfsdk:"cidr_block"`
	AvailabilityZone            types.String `tfsdk:"availability_zone"`
	AvailabilityZoneID          types.String `tfsdk:"availability_zone_id"`
	IPv6CIDRBlockAssociationID  types.String `tfsdk:"ipv6_cidr_block_association_id"`
	MapPublicIPOnLaunch         types.Bool   `tfsdk:"map_public_ip_on_launch"`
	AssignIPv6AddressOnCreation types.Bool   `tfsdk:"assign_ipv6_address_on_creation"`
	IsPublic                    types.Bool   `tfsdk:"is_public"`
	EffectiveRouteTableID       types.String `tfsdk:"effective_route_table_id"`
	InternetAccess              types.Object `tfsdk:"internet_access"`
	IPv6Native                  types.Bool   `tfsdk:"ipv6_native"`
	EnableDNS64                 types.Bool   `tfsdk:"enable_dns64"`
	// The resource's enable_lni_at_device_index is null when it is not
	// enabled; the data source's, 0.
	EnableLNIAtDeviceIndex          types.Int64  `tfsdk:"enable_lni_at_device_index"`
	EnableResourceNameDNSAAAARecord types.Bool   `tfsdk:"enable_resource_name_dns_aaaa_record_on_launch"`
	EnableResourceNameDNSARecord    types.Bool   `tfsdk:"enable_resource_name_dns_a_record_on_launch"`
	PrivateDNSHostnameType          types.String `tfsdk:"private_dns_hostname_type_on_launch"`
	// The Outposts arguments: the resource accepts them left out (null)
	// only, the data source reads the empty values of a subnet in the
	// region's own zones.
	CustomerOwnedIPv4Pool      types.String `tfsdk:"customer_owned_ipv4_pool"`
	MapCustomerOwnedIPOnLaunch types.Bool   `tfsdk:"map_customer_owned_ip_on_launch"`
	OutpostARN                 types.String `tfsdk:"outpost_arn"`
}

func (a *subnetAttributes) read(s cloud.Subnet, diags *diag.Diagnostics) {
	a.ARN, a.OwnerID, a.VPCID = types.StringValue(s.ARN()), types.StringValue(s.OwnerID), types.StringValue(s.VPCID)
	a.CIDRBlock = types.StringValue(s.CIDRBlock)
	a.AvailabilityZone, a.AvailabilityZoneID = types.StringValue(s.AvailabilityZone), types.StringValue(s.AvailabilityZoneID())
	a.IPv6CIDRBlockAssociationID = types.StringValue(s.IPv6CIDRBlockAssociationID)
	a.MapPublicIPOnLaunch, a.AssignIPv6AddressOnCreation = types.BoolValue(s.MapPublicIPOnLaunch), types.BoolValue(s.AssignIPv6AddressOnCreation)
	a.IsPublic, a.EffectiveRouteTableID = types.BoolValue(s.IsPublic), types.StringValue(s.RouteTableID)
	a.InternetAccess = internetAccessValue(s.InternetAccess, diags)
	a.IPv6Native, a.EnableDNS64 = types.BoolValue(s.IPv6Native), types.BoolValue(s.EnableDNS64)
	a.EnableLNIAtDeviceIndex = types.Int64Value(s.EnableLNIAtDeviceIndex)
	a.EnableResourceNameDNSAAAARecord = types.BoolValue(s.EnableResourceNameDNSAAAARecord)
	a.EnableResourceNameDNSARecord = types.BoolValue(s.EnableResourceNameDNSARecord)
	a.PrivateDNSHostnameType = types.StringValue(s.PrivateDNSHostnameType)
	a.CustomerOwnedIPv4Pool, a.MapCustomerOwnedIPOnLaunch, a.OutpostARN = types.StringValue(""), types.BoolValue(false), types.StringValue("")
}

func subnetSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A subnet, with the arguments and attributes of `aws_subnet`, plus `is_public` and `effective_route_table_id`, which say what its routing makes of it.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The subnet's ARN."),
			"owner_id": computedID("The ID of the account that owns the subnet."),
			"vpc_id":   replacingReference(cloud.KindVPC, "The VPC of the subnet. Changing it replaces the subnet."),
			"cidr_block": optionalReplacing("The subnet's IPv4 block: a /16 to /28 inside the VPC's block that overlaps no other subnet of the VPC. "+
				"Required unless `ipv6_native` is `true`, when it must be left out. Changing it replaces the subnet.", cloudCheck(func(s string) error {
				_, err := cloud.ParseIPv4Network(s, "cidrBlock", "cidr_block")
				return err
			})),
			"availability_zone": optionalComputedReplacing("The zone of the subnet: the region's name and a letter from `a` to `f`. " +
				"Defaults to the region's first zone. Changing it replaces the subnet."),
			"availability_zone_id": optionalComputedReplacing("The ID of the subnet's zone, such as `use1-az1`: another way to choose the zone, as in the AWS provider. " +
				"Give this or `availability_zone`, not both. Changing it replaces the subnet."),
			"ipv6_cidr_block": cidrAttribute(schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "A /64 of the VPC's IPv6 block for the subnet, such as `cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, 1)`; " +
					"an empty string when left out, as in AWS. Changed in place (left out, the block is removed from the subnet), " +
					"except in a subnet that had `assign_ipv6_address_on_creation = true`, which is replaced, as the AWS provider does.",
				Validators: []validator.String{cloudCheck(func(s string) error {
					_, err := cloud.ParseIPv6Network(s, "ipv6CidrBlock", "ipv6_cidr_block")
					return err
				})},
				PlanModifiers: []planmodifier.String{emptyStringWhenUnset{"an empty string when left out"}, ipv6BlockChangeReplaces}}),
			"ipv6_cidr_block_association_id": computedValue("The ID of the IPv6 block's association with the subnet, or an empty string."),
			"map_public_ip_on_launch": optionalBool(false,
				"Whether instances launched in the subnet get a public IPv4 address. Defaults to `false`. A subnet needs this and a route to an internet gateway for the internet to reach its instances over IPv4."),
			"assign_ipv6_address_on_creation": optionalBool(false,
				"Whether network interfaces created in the subnet get an IPv6 address. Defaults to `false`; needs `ipv6_cidr_block`."),
			"ipv6_native": optionalReplacingBool("Whether the subnet is IPv6-only: it then has an `ipv6_cidr_block`, no `cidr_block`, " +
				"`assign_ipv6_address_on_creation = true`, and neither public IPv4 addresses nor A records. Defaults to `false`. Changing it replaces the subnet."),
			"enable_dns64": optionalBool(false, "Whether the Route 53 Resolver answers queries from the subnet for IPv4-only names with synthetic IPv6 addresses (DNS64). "+
				"Defaults to `false`; needs `ipv6_cidr_block`."),
			"enable_lni_at_device_index": schema.Int64Attribute{Optional: true,
				MarkdownDescription: "The device position, 1 or more, of local network interfaces in the subnet (an Outposts feature). Left out, none. Changed in place."},
			"enable_resource_name_dns_aaaa_record_on_launch": optionalBool(false,
				"Whether DNS answers queries for an instance's resource name with its IPv6 address (an AAAA record). Defaults to `false`; needs `ipv6_cidr_block`."),
			"enable_resource_name_dns_a_record_on_launch": optionalBool(false,
				"Whether DNS answers queries for an instance's resource name with its IPv4 address (an A record). Defaults to `false`; not in an `ipv6_native` subnet."),
			"private_dns_hostname_type_on_launch": optionalComputed("How instances launched in the subnet are named: `ip-name` (by private IPv4 address) or `resource-name` "+
				"(by instance ID). Defaults to `ip-name`, and to `resource-name`, the only type it allows, in an `ipv6_native` subnet. Changed in place.",
				cloudCheck(cloud.ValidateHostnameType)),
			"customer_owned_ipv4_pool": optionalArgument("The customer-owned IPv4 pool of an Outpost subnet. " + noOutposts),
			"map_customer_owned_ip_on_launch": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Whether instances get a customer-owned IPv4 address. " + noOutposts},
			"outpost_arn":         optionalReplacing("The ARN of the Outpost the subnet is on. " + noOutposts),
			"ipv4_ipam_pool_id":   ipamArgument("The IPAM pool to take the IPv4 block from."),
			"ipv4_netmask_length": ipamLengthArgument("The length of the IPv4 block to take from `ipv4_ipam_pool_id`."),
			"ipv6_ipam_pool_id":   ipamArgument("The IPAM pool to take the IPv6 block from."),
			"ipv6_netmask_length": ipamLengthArgument("The length of the IPv6 block to take from `ipv6_ipam_pool_id`."),
			"is_public": schema.BoolAttribute{
				Computed: true,
				MarkdownDescription: "Whether the subnet is public: the route table that serves it has an active route to an internet gateway attached to its VPC. " +
					"This is the value as of the last refresh; the `simcloud_subnet` data source reads it live.",
			},
			"effective_route_table_id": computedValue("The route table that serves the subnet: its explicit association's, else the VPC's main table. As of the last refresh."),
			"internet_access": schema.ObjectAttribute{
				Computed: true, AttributeTypes: internetAccessTypes,
				MarkdownDescription: internetAccessDescription + " As of the last refresh; the data source reads it live.",
			},
		},
	}
}

// ipv6BlockChangeReplaces replaces a subnet whose IPv6 block changes while
// it assigned IPv6 addresses on creation, as the AWS provider's
// CustomizeDiff does on aws_subnet.
var ipv6BlockChangeReplaces = stringplanmodifier.RequiresReplaceIf(
	func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		var assigned types.Bool
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("assign_ipv6_address_on_creation"), &assigned)...)
		resp.RequiresReplace = assigned.ValueBool()
	}, "Replaces the subnet when it assigned IPv6 addresses on creation.", "Replaces the subnet when it assigned IPv6 addresses on creation.")

// noOutposts says, of each of aws_subnet's Outposts arguments, what
// happens to it.
const noOutposts = "The simulated cloud has no Outposts: set, it fails at plan with `UnsupportedOperation`."

var subnetKind = resourceKind[subnetModel, cloud.Subnet]{
	kind:     cloud.KindSubnet,
	schema:   subnetSchema(),
	updateOp: "ModifySubnetAttribute",
	configValidators: []resource.ConfigValidator{
		argumentsCheck(whenKnown(cloud.CheckSubnetZoneArguments), "availability_zone", "availability_zone_id"),
	},
	create: func(d *providerData, ctx context.Context, a applyStep[subnetModel]) (cloud.Subnet, error) {
		return d.client.CreateSubnet(ctx, subnetInputFrom(a.plan.subnetSettings, a.tags))
	},
	get: (*cloud.Client).Subnet,
	update: func(d *providerData, ctx context.Context, a applyStep[subnetModel]) (cloud.Subnet, error) {
		return d.client.UpdateSubnet(ctx, a.plan.ID.ValueString(), subnetInputFrom(a.plan.subnetSettings, a.tags))
	},
	removeByID: (*cloud.Client).DeleteSubnet,
	check:      checkSubnet,
	fillReporting: func(m *subnetModel, s cloud.Subnet, diags *diag.Diagnostics) {
		m.fill(s, diags)
		// Left out, the IPv4 block is null, not the cloud's ""; the IPv6
		// block reads "" as aws_subnet's does, in the model's spelling.
		m.CIDRBlock, m.IPv6CIDRBlock = optionalFromCloud(m.CIDRBlock, s.CIDRBlock), types.StringValue(cidrSpelling(m.IPv6CIDRBlock, s.IPv6CIDRBlock))
		m.EnableLNIAtDeviceIndex = types.Int64Null()
		if s.EnableLNIAtDeviceIndex != 0 {
			m.EnableLNIAtDeviceIndex = types.Int64Value(s.EnableLNIAtDeviceIndex)
		}
		// The cloud refuses the Outposts arguments, so a subnet has none.
		m.OutpostARN = types.StringNull()
	},
	tagsOf: func(s cloud.Subnet) map[string]string { return s.Tags },
	advise: adviseOn(cloud.SubnetAdvice),
}

func checkSubnet(ctx context.Context, d *providerData, p planStep[subnetModel]) error {
	pools := configuredArguments(ctx, p.config, p.diags, "ipv4_ipam_pool_id", "ipv4_netmask_length", "ipv6_ipam_pool_id", "ipv6_netmask_length",
		"outpost_arn", "customer_owned_ipv4_pool", "map_customer_owned_ip_on_launch")
	if err := d.client.CheckSubnetPoolArguments(pools); err != nil {
		return err
	}
	if err := cloud.CheckSubnetZoneArguments(givenArguments(ctx, p.config, p.diags, "availability_zone", "availability_zone_id")); err != nil {
		return err
	}
	if lni := p.plan.EnableLNIAtDeviceIndex; !lni.IsNull() && !lni.IsUnknown() {
		if err := cloud.ValidateLNIDeviceIndex(lni.ValueInt64()); err != nil {
			return err
		}
	}
	// Left out, the hostname type is AWS's default for a new subnet (the
	// replacement too, whose default may differ: an IPv6-only subnet's is
	// resource-name), known now unless whether it is IPv6-only is not; an
	// existing subnet keeps its own.
	fresh := p.state == nil || !p.plan.IPv6Native.Equal(p.state.IPv6Native)
	if fresh && !p.plan.IPv6Native.IsUnknown() &&
		configuredValue[types.String](ctx, p.config, "private_dns_hostname_type_on_launch", p.diags).IsNull() {
		p.plan.PrivateDNSHostnameType = types.StringValue(cloud.DefaultHostnameType(p.plan.IPv6Native.ValueBool()))
	}
	region := d.client.Scope().Region
	if p.plan.AvailabilityZone.IsUnknown() {
		configZone := configuredValue[types.String](ctx, p.config, "availability_zone", p.diags)
		configZoneID := configuredValue[types.String](ctx, p.config, "availability_zone_id", p.diags)
		switch {
		case configZone.IsNull() && configZoneID.IsNull():
			p.plan.AvailabilityZone = types.StringValue(cloud.AvailabilityZones(region)[0])
		case configZone.IsNull() && !configZoneID.IsUnknown():
			zone, err := cloud.AvailabilityZoneByID(region, configZoneID.ValueString())
			if err != nil {
				return err
			}
			p.plan.AvailabilityZone = types.StringValue(zone)
		}
	}
	if !p.plan.AvailabilityZone.IsUnknown() {
		if err := cloud.ValidateAvailabilityZone(region, p.plan.AvailabilityZone.ValueString()); err != nil {
			return err
		}
		p.plan.AvailabilityZoneID = types.StringValue(cloud.AvailabilityZoneID(p.plan.AvailabilityZone.ValueString()))
	}
	if p.state != nil && p.plan.IPv6CIDRBlock.Equal(p.state.IPv6CIDRBlock) {
		p.plan.IPv6CIDRBlockAssociationID = p.state.IPv6CIDRBlockAssociationID
	} else if p.plan.IPv6CIDRBlock.Equal(types.StringValue("")) {
		p.plan.IPv6CIDRBlockAssociationID = types.StringValue("")
	}
	in := d.plannedSubnetInput(ctx, p.plan.subnetSettings, p.diags)
	stateID, change := "", unchanged
	if p.state != nil {
		stateID = p.state.ID.ValueString()
		replacing := !p.plan.VPCID.Equal(p.state.VPCID) || !p.plan.CIDRBlock.Equal(p.state.CIDRBlock) || !p.plan.AvailabilityZone.Equal(p.state.AvailabilityZone) ||
			!p.plan.IPv6Native.Equal(p.state.IPv6Native) || (!p.plan.IPv6CIDRBlock.Equal(p.state.IPv6CIDRBlock) && p.state.AssignIPv6AddressOnCreation.ValueBool())
		change = changeOf(replacing, reflect.DeepEqual(in, d.plannedSubnetInput(ctx, p.state.subnetSettings, p.diags)))
	}
	key := strings.Join([]string{"simcloud_subnet", in.VPCID, in.CIDRBlock, in.AvailabilityZone, in.IPv6CIDRBlock}, "|")
	description := fmt.Sprintf("the simcloud_subnet planned in this configuration with cidr_block %s in %s", in.CIDRBlock, in.VPCID)
	return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
		return d.client.CheckSubnet(ctx, d.plan, holder, in, selfID)
	})
}

func subnetInputFrom(m subnetSettings, tags map[string]string) cloud.SubnetInput {
	return cloud.SubnetInput{
		VPCID: m.VPCID.ValueString(), CIDRBlock: m.CIDRBlock.ValueString(), AvailabilityZone: m.AvailabilityZone.ValueString(),
		IPv6CIDRBlock: m.IPv6CIDRBlock.ValueString(), MapPublicIPOnLaunch: m.MapPublicIPOnLaunch.ValueBool(),
		AssignIPv6AddressOnCreation: m.AssignIPv6AddressOnCreation.ValueBool(), IPv6Native: m.IPv6Native.ValueBool(),
		SubnetLaunchSettings: m.launchSettings(m.PrivateDNSHostnameType.ValueString()), Tags: tags,
	}
}

// launchSettings are the model's launch settings, with the hostname type
// as the step takes it.
func (m subnetSettings) launchSettings(hostnameType string) cloud.SubnetLaunchSettings {
	return cloud.SubnetLaunchSettings{
		EnableDNS64: m.EnableDNS64.ValueBool(), EnableLNIAtDeviceIndex: m.EnableLNIAtDeviceIndex.ValueInt64(),
		EnableResourceNameDNSAAAARecord: m.EnableResourceNameDNSAAAARecord.ValueBool(), EnableResourceNameDNSARecord: m.EnableResourceNameDNSARecord.ValueBool(),
		PrivateDNSHostnameType: hostnameType,
	}
}

// plannedSubnetInput is a subnet's configuration as the plan-time check
// takes it, values known only after apply as cloud.Unknown; an unknown
// boolean is taken as false, which no rule refuses, but for ipv6_native (see
// below).
func (d *providerData) plannedSubnetInput(ctx context.Context, m subnetSettings, diags *diag.Diagnostics) cloud.SubnetInput {
	in := cloud.SubnetInput{
		VPCID: plannedID(m.VPCID, cloud.KindVPC), CIDRBlock: planned(m.CIDRBlock), AvailabilityZone: planned(m.AvailabilityZone),
		IPv6CIDRBlock: planned(m.IPv6CIDRBlock), MapPublicIPOnLaunch: m.MapPublicIPOnLaunch.ValueBool(),
		AssignIPv6AddressOnCreation: m.AssignIPv6AddressOnCreation.ValueBool(), IPv6Native: m.IPv6Native.ValueBool(),
		SubnetLaunchSettings: m.launchSettings(planned(m.PrivateDNSHostnameType)), Tags: d.tagsToCheck(ctx, m.Tags, diags),
	}
	// Taken as false, an unknown ipv6_native would demand a cidr_block that
	// an IPv6-only subnet leaves out; unknown, the IPv4 block's rules wait
	// for apply.
	if m.IPv6Native.IsUnknown() && in.CIDRBlock == "" {
		in.CIDRBlock = cloud.Unknown
	}
	return in
}

// fill reads the subnet into the settings as both resources hold them;
// each then sets what it holds otherwise: its blocks, the device index and
// the Outposts attributes it computes.
func (m *subnetSettings) fill(s cloud.Subnet, diags *diag.Diagnostics) {
	m.ID = types.StringValue(s.ID)
	cidr, ipv6 := m.CIDRBlock, m.IPv6CIDRBlock
	m.read(s, diags)
	m.CIDRBlock, m.IPv6CIDRBlock = cidr, ipv6
	// The cloud refuses the Outposts arguments, so a subnet has none.
	m.CustomerOwnedIPv4Pool, m.MapCustomerOwnedIPOnLaunch = types.StringNull(), types.BoolNull()
}
