package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type natGatewayDataSourceModel struct {
	VPCID types.String `tfsdk:"vpc_id"`
	searchCriteria
	natGatewayAttributes
	State         types.String `tfsdk:"state"`
	AllocationID  types.String `tfsdk:"allocation_id"`
	AssociationID types.String `tfsdk:"association_id"`
	// A gateway of the cloud has one address: the secondary ones of
	// aws_nat_gateway are always empty.
	SecondaryAllocationIDs         types.List  `tfsdk:"secondary_allocation_ids"`
	SecondaryPrivateIPAddressCount types.Int64 `tfsdk:"secondary_private_ip_address_count"`
	SecondaryPrivateIPAddresses    types.List  `tfsdk:"secondary_private_ip_addresses"`
}

var natGatewayLookup = lookupKind[natGatewayDataSourceModel, cloud.NATGateway, cloud.NATGatewayFilter]{
	kind: cloud.KindNATGateway,
	description: "Looks up one NAT gateway by ID, subnet, VPC, state, tags, `filter` blocks (`subnet-id`, `vpc-id`, `tag:Name`, ...), " +
		"or any combination of them, as the `aws_nat_gateway` data source does. Exactly one must match.",
	attributes: map[string]schema.Attribute{
		"subnet_id": lookupCriterion(cloud.KindSubnet, "The subnet of the gateway to find."),
		"vpc_id":    lookupCriterion(cloud.KindVPC, "The VPC of the gateway to find."),
		"state": searchArgument("The state of the gateway to find (`pending`, `failed`, `available`, `deleting`, `deleted`); once found, its state, " +
			"always `available` in the simulated cloud: deleted gateways are gone."),
		"connectivity_type":    foundAttribute("`public` or `private`."),
		"allocation_id":        foundAttribute("The elastic IP's allocation ID, or an empty string."),
		"public_ip":            foundAttribute("The public address, or an empty string."),
		"private_ip":           foundAttribute("The address in its subnet."),
		"network_interface_id": foundAttribute("The ID of its network interface."),
		"association_id":       foundAttribute("The ID of the elastic IP's association with the gateway, or an empty string for a private gateway."),
		"secondary_allocation_ids": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The allocation IDs of the secondary elastic IPs: always empty, as a gateway of the simulated cloud has one address."},
		"secondary_private_ip_address_count": schema.Int64Attribute{Computed: true, MarkdownDescription: "The number of secondary private addresses: always 0."},
		"secondary_private_ip_addresses": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The secondary private addresses: always empty."},
	},
	filter: func(m *natGatewayDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.NATGatewayFilter {
		return cloud.NATGatewayFilter{ID: m.ID.ValueString(), SubnetID: m.SubnetID.ValueString(), VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindNATGateways,
	filters: filtersOf[cloud.NATGateway](),
	argumentFilters: func(m *natGatewayDataSourceModel) []cloud.NamedFilter {
		return filtersOfArguments(map[string]attr.Value{"state": m.State})
	},
	id: func(nat cloud.NATGateway) string { return nat.ID },
	fill: func(m *natGatewayDataSourceModel, nat cloud.NATGateway, _ *diag.Diagnostics) {
		m.VPCID = types.StringValue(nat.VPCID)
		m.read(nat)
		m.State, m.AllocationID, m.AssociationID = types.StringValue("available"), types.StringValue(nat.AllocationID), types.StringValue(nat.AssociationID)
		none := types.ListValueMust(types.StringType, []attr.Value{})
		m.SecondaryAllocationIDs, m.SecondaryPrivateIPAddresses, m.SecondaryPrivateIPAddressCount = none, none, types.Int64Value(0)
	},
	tagsOf: func(nat cloud.NATGateway) map[string]string { return nat.Tags },
}
