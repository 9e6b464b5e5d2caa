package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// idsKind describes a data source that lists the IDs of every object of a
// kind that matches its filter blocks and tags, none included (an empty
// list, not an error, as in the AWS provider); newIDsDataSource does the rest.
type idsKind[M any, T cloud.Filterable[T], F cloud.Filter] struct {
	// kind gives, through the registry of kinds, the type name (plural),
	// the noun of the descriptions and the Describe operation.
	kind cloud.Kind
	// attributes are the listing's own arguments besides filter, tags and
	// region.
	attributes map[string]schema.Attribute
	// filter makes the engine's criteria of the listing's own arguments
	// and tags; the filter blocks are applied to what find returns.
	filter func(m *M, tags map[string]string) F
	find   func(c *cloud.Client, ctx context.Context, filter F) ([]T, error)
	id     func(T) string
	// narrow, when set, keeps those of the found objects that the
	// listing's own arguments select beyond the engine's criteria (as
	// aws_instances' instance_state_names).
	narrow func(m *M, found []T) []T
	// also fills, for a listing that returns more than IDs (as
	// aws_security_groups its ARNs and VPCs), the model's other lists.
	also func(ctx context.Context, m *M, found []T, diags *diag.Diagnostics)
}

// idsSearch is the part of the model of every data source that lists IDs:
// the criteria every such AWS data source takes, and what it returns.
type idsSearch struct {
	ID      types.String  `tfsdk:"id"`
	Region  types.String  `tfsdk:"region"`
	Tags    types.Map     `tfsdk:"tags"`
	Filters []filterModel `tfsdk:"filter"`
	IDs     types.List    `tfsdk:"ids"`
}

func (s *idsSearch) listed() *idsSearch { return s }

// idsModelOf lets generic code reach the idsSearch inside a model M.
type idsModelOf[M any] interface {
	*M
	listed() *idsSearch
}

// idsInVPC is the model of a listing that, as aws_route_tables and
// aws_network_acls do, also takes a VPC.
type idsInVPC struct {
	idsSearch
	VPCID types.String `tfsdk:"vpc_id"`
}

// newIDsDataSource is the factory the provider lists for a listing.
func newIDsDataSource[M any, P idsModelOf[M], T cloud.Filterable[T], F cloud.Filter](k idsKind[M, T, F]) func() datasource.DataSource {
	names, _ := cloud.Naming(k.kind)
	attributes := maps.Clone(k.attributes)
	if attributes == nil {
		attributes = map[string]schema.Attribute{}
	}
	attributes["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The region, as the AWS provider sets it."}
	attributes["region"] = lookupRegionArgument()
	attributes["tags"] = schema.MapAttribute{ElementType: types.StringType, Optional: true,
		MarkdownDescription: "Only the " + names.Label + "s that carry each of these tags with its value."}
	attributes["ids"] = schema.ListAttribute{ElementType: types.StringType, Computed: true,
		MarkdownDescription: "The IDs of the matching " + names.Label + "s, in order; empty when none match."}
	return newComputedDataSource("_"+names.TypeName+"s", func(ctx context.Context, data *providerData, m *M, diags *diag.Diagnostics) {
		s := P(m).listed()
		tags := configuredTags(ctx, s.Tags, diags)
		data, ok := data.inRegion(&s.Region, diags)
		if !ok {
			return
		}
		found, err := k.find(data.client, ctx, k.filter(m, tags))
		if err == nil {
			found, err = cloud.Filtered(found, namedFilters(s.Filters))
		}
		if err == nil && k.narrow != nil {
			found = k.narrow(m, found)
		}
		if err != nil {
			addCloudError(diags, names.DescribeOp, err)
			return
		}
		ids := make([]string, 0, len(found))
		for _, o := range found {
			ids = append(ids, k.id(o))
		}
		s.ID, s.IDs = s.Region, listOfStrings(ctx, ids, diags)
		if k.also != nil {
			k.also(ctx, m, found, diags)
		}
	}, schema.Schema{
		MarkdownDescription: "Lists the IDs of the " + names.Label + "s of the account and region that match every `filter` block and `tags`, " +
			"as the `aws_" + names.TypeName + "s` data source does. None matching is an empty list, not an error.",
		Attributes: attributes,
		Blocks:     map[string]schema.Block{"filter": filterBlock(names.DescribeOp, cloud.CheckFilterName[T])},
	})
}
