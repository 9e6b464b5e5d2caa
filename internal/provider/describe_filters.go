package provider

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// filterModel is one filter block, as the AWS provider's data sources take
// them: a name of the Describe call's filters, and the values it accepts.
type filterModel struct {
	Name   types.String `tfsdk:"name"`
	Values []string     `tfsdk:"values"`
}

// filterBlock is the AWS provider's filter block for a Describe operation;
// checkName refuses, when Terraform validates, a name the simulated cloud
// does not answer.
func filterBlock(describeOp string, checkName func(string) error) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		MarkdownDescription: "A filter of AWS's `" + describeOp + "` call, as in the AWS provider: an object is kept when one of its values for `name` " +
			"matches one of `values` (`*` and `?` are wildcards), and only when it passes every filter.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "The filter's name, such as `vpc-id` or `tag:Name`.",
				Validators: []validator.String{cloudCheck(checkName)}},
			"values": schema.SetAttribute{ElementType: types.StringType, Required: true,
				MarkdownDescription: "The values the filter accepts; one of them must match."},
		}},
	}
}

func namedFilters(blocks []filterModel) []cloud.NamedFilter {
	filters := make([]cloud.NamedFilter, 0, len(blocks))
	for _, b := range blocks {
		filters = append(filters, cloud.NamedFilter{Name: b.Name.ValueString(), Values: b.Values})
	}
	return filters
}

// describeFilters is how a data source applies the filters of its kind's
// Describe call: keep returns the objects that pass them all, checkName
// refuses, when Terraform validates, a name the call does not take.
type describeFilters[O any] struct {
	keep      func(found []O, filters []cloud.NamedFilter) ([]O, error)
	checkName func(string) error
}

// filtersOf are the Describe filters of the kind of O, as the cloud answers
// them.
func filtersOf[O cloud.Filterable[O]]() describeFilters[O] {
	return describeFilters[O]{keep: cloud.Filtered[O], checkName: cloud.CheckFilterName[O]}
}

// filtersOfArguments are the Describe filters that search arguments stand for,
// by filter name, as the AWS provider's data sources send them: an argument
// left unset filters nothing.
func filtersOfArguments(arguments map[string]attr.Value) []cloud.NamedFilter {
	var filters []cloud.NamedFilter
	for name, v := range arguments {
		if v.IsNull() || v.IsUnknown() {
			continue
		}
		switch v := v.(type) {
		case types.String:
			filters = append(filters, cloud.NamedFilter{Name: name, Values: []string{v.ValueString()}})
		case types.Bool:
			filters = append(filters, cloud.NamedFilter{Name: name, Values: []string{strconv.FormatBool(v.ValueBool())}})
		}
	}
	return filters
}
