package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type natGatewayDataSourceModel struct {
	VPCID types.String `tfsdk:"vpc_id"`
	searchCriteria
	natGatewayAttributes
	State        types.String `tfsdk:"state"`
	AllocationID types.String `tfsdk:"allocation_id"`
}

var natGatewayLookup = lookupKind[natGatewayDataSourceModel, cloud.NATGateway, cloud.NATGatewayFilter]{
	kind:        cloud.KindNATGateway,
	description: "Looks up one NAT gateway by ID, subnet, VPC or tags. Exactly one must match.",
	attributes: map[string]schema.Attribute{
		"subnet_id":            lookupCriterion(cloud.KindSubnet, "The subnet of the gateway to find."),
		"vpc_id":               lookupCriterion(cloud.KindVPC, "The VPC of the gateway to find."),
		"state":                foundAttribute("Always `available` in the simulated cloud: deleted gateways are gone."),
		"connectivity_type":    foundAttribute("`public` or `private`."),
		"allocation_id":        foundAttribute("The elastic IP's allocation ID, or an empty string."),
		"public_ip":            foundAttribute("The public address, or an empty string."),
		"private_ip":           foundAttribute("The address in its subnet."),
		"network_interface_id": foundAttribute("The ID of its network interface."),
	},
	filter: func(m *natGatewayDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.NATGatewayFilter {
		return cloud.NATGatewayFilter{ID: m.ID.ValueString(), SubnetID: m.SubnetID.ValueString(), VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find: (*cloud.Client).FindNATGateways,
	id:   func(nat cloud.NATGateway) string { return nat.ID },
	fill: func(m *natGatewayDataSourceModel, nat cloud.NATGateway, _ *diag.Diagnostics) {
		m.VPCID = types.StringValue(nat.VPCID)
		m.read(nat)
		m.State, m.AllocationID = types.StringValue("available"), types.StringValue(nat.AllocationID)
	},
	tagsOf: func(nat cloud.NATGateway) map[string]string { return nat.Tags },
}
