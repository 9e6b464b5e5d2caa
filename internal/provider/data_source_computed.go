package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// computedDataSource is every data source: it works its state out of its
// configuration, the model M, by its read function. Lookups and listings
// get theirs from newLookupDataSource and newIDsDataSource; the others (the
// region, the caller's identity, a policy document, a network path) have a
// read of their own.
type computedDataSource[M any] struct {
	dataSourceBase
	schema schema.Schema
	// read completes the configured model into the state; data is the
	// provider's client and its scope.
	read func(ctx context.Context, data *providerData, m *M, diags *diag.Diagnostics)
	// validators check the configuration as a whole, at validate.
	validators []datasource.ConfigValidator
}

func (d *computedDataSource[M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

// newComputedDataSource is the factory the provider lists for a computed
// data source named typeName ("_region" makes simcloud_region), with the
// checks of its configuration as a whole (which arguments go together).
func newComputedDataSource[M any](typeName string, read func(context.Context, *providerData, *M, *diag.Diagnostics), s schema.Schema,
	validators ...datasource.ConfigValidator) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &computedDataSource[M]{dataSourceBase: dataSourceBase{typeName: typeName}, schema: s, read: read, validators: validators}
	}
}

var _ datasource.DataSourceWithConfigure = &computedDataSource[regionModel]{}

func (d *computedDataSource[M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema
}

func (d *computedDataSource[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d.read(ctx, d.data, &m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// scopeValue is an attribute of a data source that only tells of the
// provider's scope (who it acts as, in which partition): a computed string,
// what value makes of the provider's data.
type scopeValue struct {
	description string
	// deprecation, when set, is the attribute's deprecation message.
	deprecation string
	value       func(data *providerData) string
}

// scopeDataSource is a data source without arguments whose every attribute
// is a scopeValue: it needs no model, each value being set by its name.
type scopeDataSource struct {
	dataSourceBase
	description string
	values      map[string]scopeValue
}

// newScopeDataSource is the factory the provider lists for a scopeDataSource
// named typeName.
func newScopeDataSource(typeName, description string, values map[string]scopeValue) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &scopeDataSource{dataSourceBase: dataSourceBase{typeName: typeName}, description: description, values: values}
	}
}

func (d *scopeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := map[string]schema.Attribute{}
	for name, v := range d.values {
		attributes[name] = schema.StringAttribute{Computed: true, MarkdownDescription: v.description, DeprecationMessage: v.deprecation}
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.description, Attributes: attributes}
}

func (d *scopeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	resp.State.Raw = req.Config.Raw
	for name, v := range d.values {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v.value(d.data))...)
	}
}
