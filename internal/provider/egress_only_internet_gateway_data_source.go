package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type egressOnlyInternetGatewayDataSourceModel struct {
	VPCID types.String `tfsdk:"vpc_id"`
	searchCriteria
}

var egressOnlyInternetGatewayLookup = lookupKind[egressOnlyInternetGatewayDataSourceModel, cloud.EgressOnlyInternetGateway, cloud.EgressOnlyInternetGatewayFilter]{
	kind:        cloud.KindEgressOnlyInternetGateway,
	description: "Looks up one egress-only internet gateway by ID, by its VPC, by tags, or by any combination of them. Exactly one gateway must match.",
	attributes: map[string]schema.Attribute{
		"vpc_id": lookupCriterion(cloud.KindVPC, "The VPC of the gateway to find."),
	},
	filter: func(m *egressOnlyInternetGatewayDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.EgressOnlyInternetGatewayFilter {
		return cloud.EgressOnlyInternetGatewayFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), Tags: tags}
	},
	find: cloud.Find[cloud.EgressOnlyInternetGateway, cloud.EgressOnlyInternetGatewayFilter],
	id:   func(g cloud.EgressOnlyInternetGateway) string { return g.ID },
	fill: func(m *egressOnlyInternetGatewayDataSourceModel, g cloud.EgressOnlyInternetGateway, _ *diag.Diagnostics) {
		m.VPCID = types.StringValue(g.VPCID)
	},
	tagsOf: func(g cloud.EgressOnlyInternetGateway) map[string]string { return g.Tags },
}
