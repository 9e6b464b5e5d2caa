package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewPartitionDataSource is simcloud_partition: the partition of the
// provider's region. It is global, as aws_partition is.
var NewPartitionDataSource = newComputedDataSource("_partition", readPartition, schema.Schema{
	MarkdownDescription: "Tells the partition of the provider's region, as the `aws_partition` data source does: `aws-cn` for the `cn-` regions, " +
		"`aws-us-gov` for the `us-gov-` regions, `aws` for the others.",
	Attributes: map[string]schema.Attribute{
		"partition": schema.StringAttribute{Computed: true, MarkdownDescription: "The partition, as ARNs name it: `aws`, `aws-cn` or `aws-us-gov`."},
		"id": schema.StringAttribute{Computed: true, DeprecationMessage: "id is deprecated. Use partition instead.",
			MarkdownDescription: "The partition, as `partition`; deprecated in the AWS provider 6."},
		"dns_suffix": schema.StringAttribute{Computed: true,
			MarkdownDescription: "The partition's domain: `amazonaws.com`, or `amazonaws.com.cn` in China."},
		"reverse_dns_prefix": schema.StringAttribute{Computed: true,
			MarkdownDescription: "The prefix of the partition's service names: `com.amazonaws`, or `cn.com.amazonaws` in China."},
	},
})

type partitionModel struct {
	ID               types.String `tfsdk:"id"`
	Partition        types.String `tfsdk:"partition"`
	DNSSuffix        types.String `tfsdk:"dns_suffix"`
	ReverseDNSPrefix types.String `tfsdk:"reverse_dns_prefix"`
}

func readPartition(_ context.Context, data *providerData, m *partitionModel, _ *diag.Diagnostics) {
	p := cloud.PartitionOf(data.client.Scope().Region)
	m.ID, m.Partition, m.DNSSuffix = types.StringValue(p.ID), types.StringValue(p.ID), types.StringValue(p.DNSSuffix)
	m.ReverseDNSPrefix = types.StringValue(p.ReverseDNSPrefix)
}
