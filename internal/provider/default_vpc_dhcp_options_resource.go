package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type defaultVPCDHCPOptionsModel struct {
	taggedObject
	ARN                           types.String `tfsdk:"arn"`
	OwnerID                       types.String `tfsdk:"owner_id"`
	DomainName                    types.String `tfsdk:"domain_name"`
	DomainNameServers             types.String `tfsdk:"domain_name_servers"`
	NTPServers                    types.String `tfsdk:"ntp_servers"`
	NetbiosNameServers            types.String `tfsdk:"netbios_name_servers"`
	NetbiosNodeType               types.String `tfsdk:"netbios_node_type"`
	IPv6AddressPreferredLeaseTime types.String `tfsdk:"ipv6_address_preferred_lease_time"`
}

// Destroying the resource only forgets the set, which is AWS's own.
var defaultVPCDHCPOptionsKind = resourceKind[defaultVPCDHCPOptionsModel, cloud.DHCPOptions]{
	typeName: "_default_vpc_dhcp_options",
	kind:     cloud.KindDHCPOptions,
	schema: schema.Schema{
		MarkdownDescription: "Adopts the region's default DHCP options set, as `aws_default_vpc_dhcp_options` does: the set every new VPC gets, " +
			"with `domain_name` `ec2.internal` in us-east-1 (`<region>.compute.internal` elsewhere) and `domain_name_servers` `AmazonProvidedDNS`. " +
			"Only its tags can be managed; destroying the resource only forgets the set.",
		Attributes: map[string]schema.Attribute{
			"arn": computedID("The set's ARN."),
			"owner_id": optionalComputed("The account whose default set to adopt: the provider's account, which is the only one it can see. " +
				"Another fails at plan with `InvalidDhcpOptionID.NotFound`."),
			"domain_name":                       computedID("The set's domain name."),
			"domain_name_servers":               computedID("The set's name servers, joined by commas: `AmazonProvidedDNS`."),
			"ntp_servers":                       computedID("The set's NTP servers, joined by commas: none."),
			"netbios_name_servers":              computedID("The set's NetBIOS name servers, joined by commas: none."),
			"netbios_node_type":                 computedID("The set's NetBIOS node type: none."),
			"ipv6_address_preferred_lease_time": computedID("The set's DHCPv6 lease time in seconds: none, which AWS takes as 140."),
		},
	},
	createOp: "DescribeDhcpOptions",
	create: func(d *providerData, ctx context.Context, a applyStep[defaultVPCDHCPOptionsModel]) (cloud.DHCPOptions, error) {
		return d.client.AdoptDefaultDHCPOptions(ctx, a.plan.OwnerID.ValueString(), a.tags)
	},
	get:     cloud.Describe[cloud.DHCPOptions],
	setTags: cloud.ReplaceTags[cloud.DHCPOptions],
	check: func(ctx context.Context, d *providerData, p planStep[defaultVPCDHCPOptionsModel]) error {
		if p.state == nil {
			return d.client.CheckAdoptDefaultDHCPOptions(ctx, d.plan, d.plan.NewHolderNamed("the simcloud_default_vpc_dhcp_options planned in this configuration"),
				planned(p.plan.OwnerID), p.tags)
		}
		return d.client.CheckAdoptDefaultDHCPOptions(ctx, d.plan, p.holder, planned(p.plan.OwnerID), p.tags)
	},
	fill: func(m *defaultVPCDHCPOptionsModel, o cloud.DHCPOptions) {
		m.ID, m.ARN, m.OwnerID = types.StringValue(o.ID), types.StringValue(o.ARN()), types.StringValue(o.OwnerID)
		m.DomainName, m.NetbiosNodeType = types.StringValue(o.DomainName), types.StringValue(o.NetbiosNodeType)
		m.IPv6AddressPreferredLeaseTime = types.StringValue(o.IPv6AddressPreferredLeaseTime)
		m.DomainNameServers = types.StringValue(strings.Join(o.DomainNameServers, ","))
		m.NTPServers = types.StringValue(strings.Join(o.NTPServers, ","))
		m.NetbiosNameServers = types.StringValue(strings.Join(o.NetbiosNameServers, ","))
	},
	tagsOf: func(o cloud.DHCPOptions) map[string]string { return o.Tags },
}
