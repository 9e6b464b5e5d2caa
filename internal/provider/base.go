package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// dataSourceBase is what every data source does alike, said once: its type
// name, and the provider's data that Configure hands it. Each data source
// embeds it, naming itself in its constructor. (Every resource is a
// describedResource, which does the same for resources.)
type dataSourceBase struct {
	// typeName follows the provider's name: "_vpc" makes simcloud_vpc.
	typeName string
	data     *providerData
}

func (b *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.typeName
}

func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = configuredData(req.ProviderData, &resp.Diagnostics)
}
