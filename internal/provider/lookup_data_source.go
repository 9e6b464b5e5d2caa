package provider

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// lookupKind describes a data source that finds exactly one object of a
// kind by the criteria of its configuration; newLookupDataSource does the rest.
type lookupKind[M, O, F any] struct {
	// kind is the kind of object looked up. The registry of kinds gives
	// the data source's type name, the noun its messages use ("elastic IP
	// address") and the AWS operation that reads the kind.
	kind cloud.Kind
	// description and attributes make the lookup's schema, with the id,
	// region and tags that every lookup has.
	description string
	attributes  map[string]schema.Attribute
	// filter makes the engine's criteria of the configured model and tags.
	filter func(m *M, tags map[string]string, diags *diag.Diagnostics) F
	// searchedTags, for a lookup that also searches by tags under another
	// name, gives all the tags searched by from those of `tags`: the found
	// object's tags show them even where the provider ignores their keys.
	searchedTags func(m *M, tags map[string]string) map[string]string
	find         func(c *cloud.Client, ctx context.Context, filter F) ([]O, error)
	// id and tagsOf give the found object's ID and tags; fill copies its
	// other attributes into the model.
	id     func(O) string
	fill   func(m *M, o O, diags *diag.Diagnostics)
	tagsOf func(O) map[string]string
	// filters answers the filter blocks every lookup takes, as the AWS
	// provider's do, with the filters of the kind's Describe call
	// (filtersOf); they narrow what find returns.
	filters describeFilters[O]
	// argumentFilters, for a lookup whose search arguments the AWS
	// provider sends as filters of the Describe call (aws_subnet's state
	// and default_for_az), gives those filters (see filtersOfArguments).
	argumentFilters func(m *M) []cloud.NamedFilter
}

// searchCriteria is the part of a lookup's model that every lookup has:
// the ID and tags to match, and once found, the object's ID and all of its
// tags.
type searchCriteria struct {
	ID   types.String `tfsdk:"id"`
	Tags types.Map    `tfsdk:"tags"`
	// Filters are the filter blocks, each a filter of the kind's Describe
	// call that the object found must pass.
	Filters []filterModel `tfsdk:"filter"`
	// Region is the AWS provider 6 argument: where to look, the
	// provider's region unless set.
	Region types.String `tfsdk:"region"`
}

func (s *searchCriteria) searched() *searchCriteria { return s }

// lookupModelOf lets generic code reach the searchCriteria inside a model M.
type lookupModelOf[M any] interface {
	*M
	searched() *searchCriteria
}

// newLookupDataSource is the factory the provider lists for a lookup.
func newLookupDataSource[M any, P lookupModelOf[M], O, F any](k lookupKind[M, O, F]) func() datasource.DataSource {
	names, _ := cloud.Naming(k.kind)
	noun := names.Label
	attributes := maps.Clone(k.attributes)
	attributes["id"] = lookupCriterion(k.kind, "The ID of the "+noun+" to find.")
	attributes["region"] = lookupRegionArgument()
	attributes["tags"] = searchTagsAttribute("Tags the " + noun + " to find must have. Once found, all of its tags but those the provider's `ignore_tags` names.")
	return newComputedDataSource("_"+names.TypeName, func(ctx context.Context, data *providerData, m *M, diags *diag.Diagnostics) {
		searched := P(m).searched()
		searchedTags := configuredTags(ctx, searched.Tags, diags)
		filter := k.filter(m, searchedTags, diags)
		if diags.HasError() {
			return
		}
		data, ok := data.inRegion(&searched.Region, diags)
		if !ok {
			return
		}
		found, err := k.find(data.client, ctx, filter)
		if err == nil {
			filters := namedFilters(searched.Filters)
			if k.argumentFilters != nil {
				filters = append(filters, k.argumentFilters(m)...)
			}
			found, err = k.filters.keep(found, filters)
		}
		if err != nil {
			addCloudError(diags, names.DescribeOp, err)
			return
		}
		o, ok := exactlyOne(diags, noun, found, k.id)
		if !ok {
			return
		}
		if k.searchedTags != nil {
			searchedTags = k.searchedTags(m, searchedTags)
		}
		searched.ID, searched.Tags = types.StringValue(k.id(o)), data.shownTags(ctx, k.tagsOf(o), searchedTags, diags)
		k.fill(m, o, diags)
	}, k.schema(names.DescribeOp, attributes))
}

func (k lookupKind[M, O, F]) schema(describeOp string, attributes map[string]schema.Attribute) schema.Schema {
	return schema.Schema{MarkdownDescription: k.description, Attributes: attributes,
		Blocks: map[string]schema.Block{"filter": filterBlock(describeOp, k.filters.checkName)}}
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

// exactlyOne returns the single object a data source's criteria matched, or
// explains why there is not exactly one, in the AWS provider's words ("no
// matching ... found", "multiple ...s matched; use additional constraints to
// reduce matches to a single ...") with the objects that matched.
func exactlyOne[T any](diags *diag.Diagnostics, noun string, found []T, id func(T) string) (T, bool) {
	var zero T
	switch len(found) {
	case 1:
		return found[0], true
	case 0:
		diags.AddError("No matching "+noun+" found",
			fmt.Sprintf("No %s in this account and region matches every given criterion (arguments, tags and filter blocks alike). "+
				"Check them, or create the %s first.", noun, noun))
		return zero, false
	default:
		ids := make([]string, 0, len(found))
		for _, f := range found {
			ids = append(ids, id(f))
		}
		plural := noun + "s"
		if strings.HasSuffix(noun, "s") {
			plural = noun + "es"
		}
		diags.AddError("Multiple "+plural+" matched",
			fmt.Sprintf("%d %s match the criteria: %s. Use additional constraints, such as a filter block, a tag or the id, to reduce matches to a single %s.",
				len(found), plural, strings.Join(ids, ", "), noun))
		return zero, false
	}
}
