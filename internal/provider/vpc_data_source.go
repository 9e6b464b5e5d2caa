package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcDataSourceModel struct {
	searchCriteria
	vpcAttributes
	State         types.String `tfsdk:"state"`
	DHCPOptionsID types.String `tfsdk:"dhcp_options_id"`
	// Default, as aws_vpc's, selects the region's default VPC (or, false,
	// the others) and says whether the VPC found is it.
	Default types.Bool `tfsdk:"default"`
}

var vpcLookup = lookupKind[vpcDataSourceModel, cloud.VPC, cloud.VPCFilter]{
	kind: cloud.KindVPC,
	description: "Looks up one VPC of the simulated cloud by ID, IPv4 block, DHCP options set, state, tags, `filter` blocks (`tag:Name`, `is-default`, " +
		"`cidr-block-association.cidr-block`, ...), or any combination of them, as the `aws_vpc` data source does. Exactly one VPC must match.",
	attributes: map[string]schema.Attribute{
		"cidr_block": schema.StringAttribute{
			Optional:            true,
			Computed:            true,
			MarkdownDescription: "The primary IPv4 block of the VPC to find.",
			Validators: []validator.String{cloudCheck(func(s string) error {
				_, err := cloud.ParseIPv4Network(s, "cidrBlock", "cidr_block")
				return err
			})},
		},
		"default": schema.BoolAttribute{Optional: true, Computed: true,
			MarkdownDescription: "Whether the VPC to find is the region's default VPC (see `simcloud_default_vpc`); read, whether the VPC found is."},
		"arn":                                  foundAttribute("The VPC's ARN."),
		"owner_id":                             foundAttribute("The ID of the account that owns the VPC."),
		"state":                                searchArgument("The state of the VPC to find, `pending` or `available`; once found, its state, always `available` in the simulated cloud."),
		"dhcp_options_id":                      searchArgument("The DHCP options set of the VPC to find; once found, the VPC's set, `default` when it is associated with none."),
		"instance_tenancy":                     foundAttribute("Tenancy of instances launched into the VPC."),
		"enable_dns_support":                   foundBool("Whether the VPC's DNS server resolves names."),
		"enable_dns_hostnames":                 foundBool("Whether instances with public IP addresses get public DNS hostnames."),
		"enable_network_address_usage_metrics": foundBool("Whether network address usage metrics are enabled."),
		"ipv6_cidr_block":                      foundAttribute("The VPC's IPv6 block, or an empty string."),
		"ipv6_association_id":                  foundAttribute("The ID of the IPv6 block's association, or an empty string."),
		"main_route_table_id":                  foundAttribute("The ID of the VPC's main route table."),
	},
	filter: func(m *vpcDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.VPCFilter {
		return cloud.VPCFilter{ID: m.ID.ValueString(), CIDRBlock: m.CIDRBlock.ValueString(), Default: m.Default.ValueBoolPointer(), Tags: tags}
	},
	find:    (*cloud.Client).FindVPCs,
	filters: filtersOf[cloud.VPC](),
	argumentFilters: func(m *vpcDataSourceModel) []cloud.NamedFilter {
		return filtersOfArguments(map[string]attr.Value{"state": m.State, "dhcp-options-id": m.DHCPOptionsID})
	},
	id: func(v cloud.VPC) string { return v.ID },
	fill: func(m *vpcDataSourceModel, vpc cloud.VPC, _ *diag.Diagnostics) {
		m.read(vpc)
		m.State, m.DHCPOptionsID = types.StringValue("available"), types.StringValue(cloud.DHCPOptionsOf(vpc))
		m.Default = types.BoolValue(vpc.IsDefault)
	},
	tagsOf: func(vpc cloud.VPC) map[string]string { return vpc.Tags },
}
