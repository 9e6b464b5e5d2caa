package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The values that lookups, listings and the other data sources read from
// their configuration or write to their state.

// configuredTags are the tags a search's configuration asks for, none when
// it sets none.
func configuredTags(ctx context.Context, tags types.Map, diags *diag.Diagnostics) map[string]string {
	var configured map[string]string
	if !tags.IsNull() {
		diags.Append(tags.ElementsAs(ctx, &configured, false)...)
	}
	return configured
}

func listOfStrings(ctx context.Context, values []string, diags *diag.Diagnostics) types.List {
	list, ds := types.ListValueFrom(ctx, types.StringType, values)
	diags.Append(ds...)
	return list
}

// objectList is the value of a list of objects of type t: one for each
// item, of the attribute values that values gives it.
func objectList[T any](t types.ObjectType, items []T, values func(T) map[string]attr.Value, diags *diag.Diagnostics) types.List {
	objects := make([]attr.Value, 0, len(items))
	for _, item := range items {
		object, ds := types.ObjectValue(t.AttrTypes, values(item))
		diags.Append(ds...)
		objects = append(objects, object)
	}
	list, ds := types.ListValue(t, objects)
	diags.Append(ds...)
	return list
}
