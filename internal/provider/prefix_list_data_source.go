package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewPrefixListDataSource is simcloud_prefix_list.
var NewPrefixListDataSource = newComputedDataSource("_prefix_list", readPrefixList, schema.Schema{
	MarkdownDescription: "Finds one of the region's AWS-managed prefix lists, as the `aws_prefix_list` data source does: `com.amazonaws.<region>.s3` and " +
		"`com.amazonaws.<region>.dynamodb`, the destinations of Gateway endpoints' routes. Their blocks are some of those AWS publishes " +
		"(us-east-1's stand in for regions the simulated cloud has none for).",
	Attributes: map[string]schema.Attribute{
		"id":             computedValue("The prefix list's ID."),
		"region":         lookupRegionArgument(),
		"prefix_list_id": schema.StringAttribute{Optional: true, MarkdownDescription: "The ID of the prefix list to find, `pl-...`."},
		"name":           schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The name of the prefix list to find, such as `com.amazonaws.us-east-1.s3`."},
		"cidr_blocks": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The prefix list's blocks."},
	},
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribePrefixLists", cloud.CheckPrefixListFilterName)},
})

type prefixListModel struct {
	ID           types.String  `tfsdk:"id"`
	Region       types.String  `tfsdk:"region"`
	PrefixListID types.String  `tfsdk:"prefix_list_id"`
	Name         types.String  `tfsdk:"name"`
	Filters      []filterModel `tfsdk:"filter"`
	CIDRBlocks   types.List    `tfsdk:"cidr_blocks"`
}

func readPrefixList(ctx context.Context, data *providerData, m *prefixListModel, diags *diag.Diagnostics) {
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	found, err := data.client.FindPrefixLists(cloud.PrefixListFilter{ID: m.PrefixListID.ValueString(), Name: m.Name.ValueString(), Filters: namedFilters(m.Filters)})
	if err != nil {
		addCloudError(diags, "DescribePrefixLists", err)
		return
	}
	pl, ok := exactlyOne(diags, "prefix list", found, func(p cloud.PrefixList) string { return p.ID })
	if !ok {
		return
	}
	m.ID, m.Name, m.CIDRBlocks = types.StringValue(pl.ID), types.StringValue(pl.Name), listOfStrings(ctx, pl.CIDRBlocks, diags)
}
