package provider

import (
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type subnetDataSourceModel struct {
	searchCriteria
	subnetAttributes
	State                   types.String `tfsdk:"state"`
	DefaultForAZ            types.Bool   `tfsdk:"default_for_az"`
	AvailableIPAddressCount types.Int64  `tfsdk:"available_ip_address_count"`
	IPv6CIDRBlock           types.String `tfsdk:"ipv6_cidr_block"`
}

var subnetLookup = lookupKind[subnetDataSourceModel, cloud.Subnet, cloud.SubnetFilter]{
	kind: cloud.KindSubnet,
	description: "Looks up one subnet by ID, VPC, block, zone, state, whether it is its zone's default subnet, tags, `filter` blocks (`tag:Name`, `cidr-block`, " +
		"`map-public-ip-on-launch`, ...), or any combination of them, as the `aws_subnet` data source does, and reads what its routing makes of it now. " +
		"Exactly one subnet must match.",
	attributes: map[string]schema.Attribute{
		"vpc_id":            lookupCriterion(cloud.KindVPC, "The VPC of the subnet to find."),
		"cidr_block":        schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The IPv4 block of the subnet to find."},
		"availability_zone": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The zone of the subnet to find."},
		"arn":               foundAttribute("The subnet's ARN."),
		"owner_id":          foundAttribute("The ID of the account that owns the subnet."),
		"state":             searchArgument("The state of the subnet to find, `pending` or `available`; once found, its state, always `available` in the simulated cloud."),
		"default_for_az": schema.BoolAttribute{Optional: true, Computed: true,
			MarkdownDescription: "Whether the subnet to find is its zone's default subnet (see `simcloud_default_subnet`); once found, whether it is."},
		"availability_zone_id":           searchArgument("The ID of the zone of the subnet to find, such as `use1-az1`."),
		"available_ip_address_count":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The block's addresses less the five AWS reserves in every subnet."},
		"ipv6_cidr_block":                searchArgument("The IPv6 block of the subnet to find; once found, its IPv6 block, or an empty string."),
		"ipv6_cidr_block_association_id": foundAttribute("The ID of the IPv6 block's association, or an empty string."),
		"map_public_ip_on_launch":        schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether instances get a public IPv4 address."},
		"assign_ipv6_address_on_creation": schema.BoolAttribute{Computed: true,
			MarkdownDescription: "Whether network interfaces get an IPv6 address."},
		"is_public": schema.BoolAttribute{Computed: true,
			MarkdownDescription: "Whether the subnet is public now: the table that serves it has an active route to an internet gateway attached to its VPC."},
		"effective_route_table_id": foundAttribute("The route table that serves the subnet now."),
		"ipv6_native":              foundBool("Whether the subnet is IPv6-only, with no IPv4 block (`cidr_block` is then an empty string)."),
		"enable_dns64":             foundBool("Whether DNS64 is on for the subnet."),
		"enable_lni_at_device_index": schema.Int64Attribute{Computed: true,
			MarkdownDescription: "The device position of local network interfaces in the subnet, 0 for none."},
		"enable_resource_name_dns_aaaa_record_on_launch": foundBool("Whether DNS answers for an instance's resource name with its IPv6 address."),
		"enable_resource_name_dns_a_record_on_launch":    foundBool("Whether DNS answers for an instance's resource name with its IPv4 address."),
		"private_dns_hostname_type_on_launch":            foundAttribute("How instances launched in the subnet are named: `ip-name` or `resource-name`."),
		"customer_owned_ipv4_pool":                       foundAttribute("The customer-owned IPv4 pool of an Outpost subnet: always empty, as the simulated cloud has no Outposts."),
		"map_customer_owned_ip_on_launch":                foundBool("Whether instances get a customer-owned IPv4 address: always `false`."),
		"outpost_arn":                                    foundAttribute("The ARN of the subnet's Outpost: always empty."),
		"internet_access": schema.ObjectAttribute{Computed: true, AttributeTypes: internetAccessTypes,
			MarkdownDescription: internetAccessDescription + " Read now."},
	},
	filter: func(m *subnetDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.SubnetFilter {
		return cloud.SubnetFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), CIDRBlock: m.CIDRBlock.ValueString(),
			AvailabilityZone: m.AvailabilityZone.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindSubnets,
	filters: filtersOf[cloud.Subnet](),
	// As aws_subnet, the arguments that SubnetFilter has no field for are
	// filters of DescribeSubnets.
	argumentFilters: func(m *subnetDataSourceModel) []cloud.NamedFilter {
		return filtersOfArguments(map[string]attr.Value{"state": m.State, "default-for-az": m.DefaultForAZ,
			"availability-zone-id": m.AvailabilityZoneID, "ipv6-cidr-block-association.ipv6-cidr-block": m.IPv6CIDRBlock})
	},
	id: func(s cloud.Subnet) string { return s.ID },
	fill: func(m *subnetDataSourceModel, s cloud.Subnet, diags *diag.Diagnostics) {
		m.read(s, diags)
		m.State, m.DefaultForAZ = types.StringValue("available"), types.BoolValue(s.DefaultForAZ)
		// An IPv6-only subnet has no IPv4 addresses to count.
		m.AvailableIPAddressCount = types.Int64Value(0)
		if block, err := netip.ParsePrefix(s.CIDRBlock); err == nil {
			m.AvailableIPAddressCount = types.Int64Value(int64(1)<<(32-block.Bits()) - 5)
		}
		m.IPv6CIDRBlock = types.StringValue(s.IPv6CIDRBlock)
	},
	tagsOf: func(s cloud.Subnet) map[string]string { return s.Tags },
}
