package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewRegionsDataSource is simcloud_regions. It has no region argument: the
// AWS provider 6 counts aws_regions as global.
func NewRegionsDataSource() datasource.DataSource {
	return &regionsDataSource{dataSourceBase{typeName: "_regions"}}
}

type regionsDataSource struct{ dataSourceBase }

type regionsModel struct {
	ID         types.String  `tfsdk:"id"`
	AllRegions types.Bool    `tfsdk:"all_regions"`
	Filters    []filterModel `tfsdk:"filter"`
	Names      types.Set     `tfsdk:"names"`
}

func (d *regionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the regions of the provider's partition, as the `aws_regions` data source does: from `us-east-1` the commercial regions, " +
			"from `cn-north-1` the two Chinese ones. The simulated account has opted in to every region.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The partition: `aws`, `aws-cn` or `aws-us-gov`."},
			"all_regions": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Whether to list the regions the account has not opted in to as well; as there are none, it changes nothing."},
			"names": schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The names of the matching regions."},
		},
		Blocks: map[string]schema.Block{"filter": filterBlock("DescribeRegions", cloud.CheckRegionFilterName)},
	}
}

func (d *regionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m regionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := d.data.client.DescribeRegions(namedFilters(m.Filters))
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeRegions", err)
		return
	}
	names := make([]string, 0, len(found))
	for _, r := range found {
		names = append(names, r.Name)
	}
	set, ds := types.SetValueFrom(ctx, types.StringType, names)
	resp.Diagnostics.Append(ds...)
	m.ID, m.Names = types.StringValue(cloud.PartitionOf(d.data.client.Scope().Region).ID), set
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
