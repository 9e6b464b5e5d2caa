package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type eipDataSourceModel struct {
	searchCriteria
	eipAttributes
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
	},
	filter: func(m *eipDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.ElasticIPFilter {
		return cloud.ElasticIPFilter{AllocationID: m.ID.ValueString(), PublicIP: m.PublicIP.ValueString(), Tags: tags}
	},
	find:    (*cloud.Client).FindElasticIPs,
	filters: filtersOf[cloud.ElasticIP](),
	id:      func(e cloud.ElasticIP) string { return e.AllocationID },
	fill: func(m *eipDataSourceModel, eip cloud.ElasticIP, _ *diag.Diagnostics) {
		m.read(eip)
	},
	tagsOf: func(eip cloud.ElasticIP) map[string]string { return eip.Tags },
}
