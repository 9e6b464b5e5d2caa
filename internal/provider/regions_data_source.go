package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewRegionsDataSource is simcloud_regions. It has no region argument: the
// AWS provider 6 counts aws_regions as global.
var NewRegionsDataSource = newComputedDataSource("_regions", readRegions, schema.Schema{
	MarkdownDescription: "Lists the regions of the provider's partition, as the `aws_regions` data source does: from `us-east-1` the commercial regions, " +
		"from `cn-north-1` the two Chinese ones. The simulated account has opted in to every region.",
	Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The partition: `aws`, `aws-cn` or `aws-us-gov`."},
		"all_regions": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "Whether to list the regions the account has not opted in to as well; as there are none, it changes nothing."},
		"names": schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The names of the matching regions."},
	},
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribeRegions", cloud.CheckRegionFilterName)},
})

type regionsModel struct {
	ID         types.String  `tfsdk:"id"`
	AllRegions types.Bool    `tfsdk:"all_regions"`
	Filters    []filterModel `tfsdk:"filter"`
	Names      types.Set     `tfsdk:"names"`
}

func readRegions(ctx context.Context, data *providerData, m *regionsModel, diags *diag.Diagnostics) {
	found, err := data.client.DescribeRegions(namedFilters(m.Filters))
	if err != nil {
		addCloudError(diags, "DescribeRegions", err)
		return
	}
	names := make([]string, 0, len(found))
	for _, r := range found {
		names = append(names, r.Name)
	}
	m.ID, m.Names = types.StringValue(cloud.PartitionOf(data.client.Scope().Region).ID), setOfStrings(names, diags)
}
