package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcDHCPOptionsModel struct {
	taggedObject
	ARN                           types.String `tfsdk:"arn"`
	OwnerID                       types.String `tfsdk:"owner_id"`
	DomainName                    types.String `tfsdk:"domain_name"`
	DomainNameServers             types.List   `tfsdk:"domain_name_servers"`
	NTPServers                    types.List   `tfsdk:"ntp_servers"`
	NetbiosNameServers            types.List   `tfsdk:"netbios_name_servers"`
	NetbiosNodeType               types.String `tfsdk:"netbios_node_type"`
	IPv6AddressPreferredLeaseTime types.String `tfsdk:"ipv6_address_preferred_lease_time"`
}

// Every option replaces the set, as in AWS, whose sets never change but for
// their tags.
var vpcDHCPOptionsKind = resourceKind[vpcDHCPOptionsModel, cloud.DHCPOptions]{
	kind: cloud.KindDHCPOptions,
	schema: schema.Schema{
		MarkdownDescription: "A DHCP options set, with the arguments and attributes of `aws_vpc_dhcp_options`: what the instances of the VPCs associated with it " +
			"(see `simcloud_vpc_dhcp_options_association`) learn from DHCP. Changing any option replaces the set.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The set's ARN."),
			"owner_id": computedID("The ID of the account that owns the set."),
			"domain_name": replacingOption("The domain name that completes unqualified host names: `ec2.internal` for Amazon's resolver in us-east-1, " +
				"`<region>.compute.internal` in other regions, or a domain of your own. Left out or empty, the set has none."),
			"domain_name_servers":  serverList("Up to four IPv4 addresses of name servers, or `AmazonProvidedDNS` for the VPC's own resolver."),
			"ntp_servers":          serverList("Up to four IPv4 and four IPv6 addresses of NTP servers."),
			"netbios_name_servers": serverList("Up to four IPv4 addresses of NetBIOS name servers."),
			"netbios_node_type": replacingOption("The NetBIOS node type: `1`, `2`, `4` or `8` (AWS recommends `2`). Another value fails at plan with `InvalidParameterValue`.",
				cloudCheck(cloud.ValidateNetbiosNodeType)),
			"ipv6_address_preferred_lease_time": replacingOption("How often, in seconds, an instance with an IPv6 address renews its DHCPv6 lease: "+
				"from 140 to 2147483647. Another value fails at plan with `InvalidParameterValue`.", cloudCheck(cloud.ValidateLeaseTime)),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcDHCPOptionsModel]) (cloud.DHCPOptions, error) {
		return d.client.CreateDHCPOptions(ctx, dhcpOptionsInput(ctx, *a.plan, a.tags, a.diags))
	},
	get:        cloud.Describe[cloud.DHCPOptions],
	setTags:    cloud.ReplaceTags[cloud.DHCPOptions],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[vpcDHCPOptionsModel]) error {
		return d.client.CheckDHCPOptions(ctx, d.plan, p.holder, dhcpOptionsInput(ctx, *p.plan, p.tags, p.diags))
	},
	fillReporting: func(m *vpcDHCPOptionsModel, o cloud.DHCPOptions, diags *diag.Diagnostics) {
		m.ID, m.ARN, m.OwnerID = types.StringValue(o.ID), types.StringValue(o.ARN()), types.StringValue(o.OwnerID)
		m.DomainName, m.NetbiosNodeType = types.StringValue(o.DomainName), types.StringValue(o.NetbiosNodeType)
		m.IPv6AddressPreferredLeaseTime = types.StringValue(o.IPv6AddressPreferredLeaseTime)
		m.DomainNameServers = serversValue(o.DomainNameServers, diags)
		m.NTPServers = serversValue(o.NTPServers, diags)
		m.NetbiosNameServers = serversValue(o.NetbiosNameServers, diags)
	},
	tagsOf: func(o cloud.DHCPOptions) map[string]string { return o.Tags },
}

// replacingOption is an optional string option of a set; changing it
// replaces the set. Left out, it is "", as the cloud reads an option that
// is not set, so that a configuration writing "" (as
// terraform-aws-modules/vpc does) and an import agree with one that leaves
// it out.
func replacingOption(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: description,
		Validators:          validators,
		PlanModifiers:       []planmodifier.String{emptyStringWhenUnset{"an empty string when left out"}, stringplanmodifier.RequiresReplace()},
	}
}

// serverList is an optional list of servers of a set, checked at plan
// against AWS's limits; changing it replaces the set. Left out, it is [],
// as replacingOption is "".
func serverList(description string) schema.ListAttribute {
	return schema.ListAttribute{
		ElementType:         types.StringType,
		Optional:            true,
		Computed:            true,
		MarkdownDescription: description + " More, or a value that is no address, fails at plan with `InvalidParameterValue`. Changing it replaces the set.",
		PlanModifiers:       []planmodifier.List{emptyListWhenUnset{"an empty list when left out"}, listplanmodifier.RequiresReplace()},
	}
}

// emptyStringWhenUnset plans "" for a string the configuration leaves out.
type emptyStringWhenUnset struct{ plainDescription }

func (emptyStringWhenUnset) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.ConfigValue.IsNull() {
		resp.PlanValue = types.StringValue("")
	}
}

// emptyListWhenUnset plans [] for a list the configuration leaves out.
type emptyListWhenUnset struct{ plainDescription }

func (emptyListWhenUnset) PlanModifyList(_ context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.ConfigValue.IsNull() {
		resp.PlanValue = types.ListValueMust(types.StringType, nil)
	}
}

// serversValue is a list of servers as the model holds it: [] for none.
func serversValue(servers []string, diags *diag.Diagnostics) types.List {
	list, d := types.ListValueFrom(context.Background(), types.StringType, append([]string{}, servers...))
	diags.Append(d...)
	return list
}

// dhcpOptionsInput is a set's desired configuration in a plan; at plan, a
// value known only after apply is cloud.Unknown.
func dhcpOptionsInput(ctx context.Context, m vpcDHCPOptionsModel, tags map[string]string, diags *diag.Diagnostics) cloud.DHCPOptionsInput {
	return cloud.DHCPOptionsInput{
		DomainName:                    planned(m.DomainName),
		DomainNameServers:             plannedStrings(ctx, m.DomainNameServers, diags),
		NTPServers:                    plannedStrings(ctx, m.NTPServers, diags),
		NetbiosNameServers:            plannedStrings(ctx, m.NetbiosNameServers, diags),
		NetbiosNodeType:               planned(m.NetbiosNodeType),
		IPv6AddressPreferredLeaseTime: planned(m.IPv6AddressPreferredLeaseTime),
		Tags:                          tags,
	}
}

// plannedStrings is planned for each element of a list of strings; a list
// known only after apply is one unknown element.
func plannedStrings(ctx context.Context, list types.List, diags *diag.Diagnostics) []string {
	if list.IsUnknown() {
		return []string{cloud.Unknown}
	}
	var values []types.String
	diags.Append(list.ElementsAs(ctx, &values, false)...)
	var out []string
	for _, v := range values {
		out = append(out, planned(v))
	}
	return out
}
