package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type eipDataSourceModel struct {
	searchCriteria
	eipAttributes
	eipAddresses
	InstanceID              types.String `tfsdk:"instance_id"`
	NetworkInterfaceID      types.String `tfsdk:"network_interface_id"`
	NetworkInterfaceOwnerID types.String `tfsdk:"network_interface_owner_id"`
	CustomerOwnedIPv4Pool   types.String `tfsdk:"customer_owned_ipv4_pool"`
	IPAMPoolID              types.String `tfsdk:"ipam_pool_id"`
}

var eipLookup = lookupKind[eipDataSourceModel, cloud.ElasticIP, cloud.ElasticIPFilter]{
	kind: cloud.KindElasticIP,
	description: "Looks up one elastic IP address by allocation ID, public address, tags, `filter` blocks (`public-ip`, `association-id`, " +
		"`network-interface-id`, `tag:Name`, ...), or any combination of them, as the `aws_eip` data source does. Exactly one must match.",
	attributes: map[string]schema.Attribute{
		"public_ip":      schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The public address to find."},
		"allocation_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The allocation ID."},
		"association_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of its association with a NAT gateway, or an empty string."},
		"domain":         schema.StringAttribute{Computed: true, MarkdownDescription: "Always `vpc`."},
		"arn":            schema.StringAttribute{Computed: true, MarkdownDescription: "The address's ARN."},
		"instance_id":    foundAttribute("The instance whose interface the address is associated with, or an empty string."),
		"network_interface_id": foundAttribute("The network interface the address is associated with (`simcloud_eip_association`, or " +
			"`simcloud_eip`'s `instance` and `network_interface`), or an empty string; a NAT gateway's address reads an empty string here " +
			"(its gateway is `association_id`'s)."),
		"network_interface_owner_id": foundAttribute("The account that owns that interface, or an empty string."),
		"private_ip":                 foundAttribute("The private address the public one maps to, or an empty string."),
		"private_dns":                foundAttribute("The private DNS name of that address, or an empty string."),
		"public_dns":                 foundAttribute("The public DNS name, `ec2-<address with dashes>.compute-1.amazonaws.com` in us-east-1."),
		"public_ipv4_pool":           foundAttribute("Always `amazon`: the cloud allocates from Amazon's pool only."),
		"customer_owned_ip":          foundAttribute("Always an empty string: no Outposts."),
		"customer_owned_ipv4_pool":   foundAttribute("Always an empty string: no Outposts."),
		"carrier_ip":                 foundAttribute("Always an empty string: no Wavelength Zones."),
		"ipam_pool_id":               foundAttribute("Always an empty string: no IPAM pool gives out public addresses."),
		"ptr_record":                 foundAttribute("Always an empty string: the cloud keeps no reverse DNS."),
	},
	filter: func(m *eipDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.ElasticIPFilter {
		return cloud.ElasticIPFilter{AllocationID: m.ID.ValueString(), PublicIP: m.PublicIP.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindElasticIPs,
	filters: filtersOf[cloud.ElasticIP](),
	id:      func(e cloud.ElasticIP) string { return e.AllocationID },
	fill: func(m *eipDataSourceModel, eip cloud.ElasticIP, _ *diag.Diagnostics) {
		m.eipAttributes.read(eip)
		m.eipAddresses.read(eip)
		// Interfaces are the address's account's own: nothing associates
		// across accounts.
		owner := ""
		if eip.NetworkInterfaceID != "" {
			owner = eip.OwnerID
		}
		m.InstanceID, m.NetworkInterfaceID, m.NetworkInterfaceOwnerID = types.StringValue(eip.InstanceID), types.StringValue(eip.NetworkInterfaceID), types.StringValue(owner)
		m.CustomerOwnedIPv4Pool, m.IPAMPoolID = types.StringValue(""), types.StringValue("")
	},
	tagsOf: func(eip cloud.ElasticIP) map[string]string { return eip.Tags },
}
