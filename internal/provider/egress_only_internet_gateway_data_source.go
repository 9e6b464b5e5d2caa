package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type egressOnlyInternetGatewayDataSourceModel struct {
	VPCID types.String `tfsdk:"vpc_id"`
	State types.String `tfsdk:"state"`
	searchCriteria
}

var egressOnlyInternetGatewayLookup = lookupKind[egressOnlyInternetGatewayDataSourceModel, cloud.EgressOnlyInternetGateway, cloud.EgressOnlyInternetGatewayFilter]{
	kind: cloud.KindEgressOnlyInternetGateway,
	description: "Looks up one egress-only internet gateway by ID, its VPC, tags, `filter` blocks (DescribeEgressOnlyInternetGateways takes `tag:<key>` and `tag-key`), " +
		"or any combination of them. Exactly one gateway must match.",
	attributes: map[string]schema.Attribute{
		"vpc_id": lookupCriterion(cloud.KindVPC, "The VPC of the gateway to find."),
		// DescribeEgressOnlyInternetGateways gives an attachment state; an
		// egress-only gateway is made in its VPC and never leaves it.
		"state": foundAttribute("The state of the gateway's attachment to its VPC: always `attached`."),
	},
	filter: func(m *egressOnlyInternetGatewayDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.EgressOnlyInternetGatewayFilter {
		return cloud.EgressOnlyInternetGatewayFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find:    cloud.Find[cloud.EgressOnlyInternetGateway, cloud.EgressOnlyInternetGatewayFilter],
	filters: filtersOf[cloud.EgressOnlyInternetGateway](),
	id:      func(g cloud.EgressOnlyInternetGateway) string { return g.ID },
	fill: func(m *egressOnlyInternetGatewayDataSourceModel, g cloud.EgressOnlyInternetGateway, _ *diag.Diagnostics) {
		m.VPCID, m.State = types.StringValue(g.VPCID), types.StringValue("attached")
	},
	tagsOf: func(g cloud.EgressOnlyInternetGateway) map[string]string { return g.Tags },
}
