package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// searchTags is the part of a lookup's model that every lookup has: the
// tags to match, and once found, all of the object's tags.
type searchTags struct {
	Tags types.Map `tfsdk:"tags"`
}

func (s *searchTags) searched() *searchTags { return s }

// lookupModelOf lets generic code reach the searchTags inside a model M.
type lookupModelOf[M any] interface {
	*M
	searched() *searchTags
}

// lookupKind describes a data source that finds exactly one object of a
// kind by the criteria of its configuration; lookupDataSource does the rest.
type lookupKind[M, O, F any] struct {
	// typeName follows the provider's name: "_eip" makes simcloud_eip.
	typeName string
	// noun names one object in messages: "elastic IP address".
	noun       string
	describeOp string
	schema     schema.Schema
	// filter makes the engine's criteria of the configured model and tags.
	filter func(m *M, tags map[string]string, diags *diag.Diagnostics) F
	find   func(c *cloud.Client, ctx context.Context, filter F) ([]O, error)
	id     func(O) string
	// fill copies the found object's attributes other than its tags into
	// the model; tagsOf gives its tags.
	fill   func(m *M, o O, diags *diag.Diagnostics)
	tagsOf func(O) map[string]string
}

type lookupDataSource[M any, P lookupModelOf[M], O, F any] struct {
	dataSourceBase
	lookupKind[M, O, F]
}

// newLookupDataSource is the factory the provider lists for a lookup.
func newLookupDataSource[M any, P lookupModelOf[M], O, F any](k lookupKind[M, O, F]) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &lookupDataSource[M, P, O, F]{dataSourceBase: dataSourceBase{typeName: k.typeName}, lookupKind: k}
	}
}

var _ datasource.DataSourceWithConfigure = &lookupDataSource[eipDataSourceModel, *eipDataSourceModel, cloud.ElasticIP, cloud.ElasticIPFilter]{}

func (d *lookupDataSource[M, P, O, F]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema
}

func (d *lookupDataSource[M, P, O, F]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var tags map[string]string
	if s := P(&m).searched(); !s.Tags.IsNull() {
		resp.Diagnostics.Append(s.Tags.ElementsAs(ctx, &tags, false)...)
	}
	filter := d.filter(&m, tags, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := d.find(d.data.client, ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, d.describeOp, err)
		return
	}
	o, ok := exactlyOne(&resp.Diagnostics, d.noun, found, d.id)
	if !ok {
		return
	}
	d.fill(&m, o, &resp.Diagnostics)
	P(&m).searched().Tags = mapValue(ctx, d.tagsOf(o), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// foundAttribute and foundBool are attributes that a lookup reads from what
// it found.
func foundAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

func foundBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: description}
}

// eitherID is the ID a lookup searches for when it can be given under two
// names, as `id` and under the name the AWS provider's data source uses
// (alias); both given, they must agree.
func eitherID(id, alias types.String, aliasName, noun string, diags *diag.Diagnostics) string {
	if a := alias.ValueString(); a != "" && id.ValueString() == "" {
		return a
	} else if a != "" && a != id.ValueString() {
		diags.AddError("Conflicting "+noun+" IDs", "id and "+aliasName+" name different "+noun+"s; give one of them.")
	}
	return id.ValueString()
}
