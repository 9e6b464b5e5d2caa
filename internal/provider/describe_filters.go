package provider

import (
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
