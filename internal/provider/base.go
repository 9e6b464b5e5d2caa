package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// resourceBase and dataSourceBase are what every resource and data source
// does alike, said once: its type name, and the provider's data that
// Configure hands it. Each type embeds one, naming itself in its
// constructor.
type resourceBase struct {
	// typeName follows the provider's name: "_vpc" makes simcloud_vpc.
	typeName string
	data     *providerData
}

func (b *resourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.typeName
}

func (b *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

type dataSourceBase struct {
	typeName string
	data     *providerData
}

func (b *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.typeName
}

func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = configuredData(req.ProviderData, &resp.Diagnostics)
}
