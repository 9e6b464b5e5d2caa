package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// amiIDsModel is simcloud_ami_ids.
type amiIDsModel struct {
	imageSearch
	ID            types.String `tfsdk:"id"`
	SortAscending types.Bool   `tfsdk:"sort_ascending"`
	IDs           types.List   `tfsdk:"ids"`
}

// NewAMIIDsDataSource is simcloud_ami_ids.
var NewAMIIDsDataSource = newComputedDataSource("_ami_ids", readAMIIDs, schema.Schema{
	MarkdownDescription: "Lists the IDs of the machine images that match, as the `aws_ami_ids` data source does, from the simulated cloud's built-in catalogue " +
		"(see `simcloud_ami`). None matching is an empty list.",
	Attributes: imageSearchAttributes(true, map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The region."},
		"sort_ascending": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "List the oldest image first (default `false`: newest first, by creation date)."},
		"ids": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The IDs of the matching images, by creation date."},
	}),
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribeImages", cloud.CheckImageFilterName)},
})

func readAMIIDs(ctx context.Context, data *providerData, m *amiIDsModel, diags *diag.Diagnostics) {
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	found, err := data.client.DescribeImages(m.query())
	if err != nil {
		addCloudError(diags, "DescribeImages", err)
		return
	}
	cloud.SortImagesByCreation(found, m.SortAscending.ValueBool())
	ids := make([]string, 0, len(found))
	for _, i := range found {
		ids = append(ids, i.ID)
	}
	m.ID, m.IDs = m.Region, listOfStrings(ctx, ids, diags)
}
