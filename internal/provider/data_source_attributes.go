package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The arguments and attributes that lookups, listings and the other data
// sources share.

// lookupRegionArgument is the AWS provider 6 argument of a regional data source:
// where to look.
func lookupRegionArgument() schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true,
		MarkdownDescription: "The region to look in, as the AWS provider's `region` argument: the provider's region when left out.",
		Validators:          []validator.String{cloudCheck(cloud.ValidateRegion)}}
}

// foundAttribute and foundBool are attributes that a lookup reads from what
// it found.
func foundAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

func foundBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: description}
}

// searchArgument is an argument a lookup searches by, which once found
// reads the found object's value.
func searchArgument(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: description}
}

// lookupCriterion is an optional ID of an object of kind that a lookup
// searches by; once found, it is the found object's.
func lookupCriterion(kind cloud.Kind, description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: description, Validators: []validator.String{idCheck(kind)}}
}

// searchTagsAttribute is a lookup's tags: those to match, and once found,
// all of the found object's tags.
func searchTagsAttribute(description string) schema.MapAttribute {
	return schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: description}
}

// inVPCArguments are the arguments of a listing that takes a VPC.
func inVPCArguments(noun string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"vpc_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only the " + noun + " of this VPC, its default or main one included.",
			Validators: []validator.String{idCheck(cloud.KindVPC)}},
	}
}

// optionalStringSet is an argument that takes a set of strings.
func optionalStringSet(description string) schema.SetAttribute {
	return schema.SetAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: description}
}
