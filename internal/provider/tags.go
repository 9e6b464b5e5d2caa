package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The cloud stores an object's full set of tags, default tags included, as
// AWS does; Terraform state splits it into the configured `tags` and the
// merged `tags_all`, as the AWS provider does.

// plannedTagsAll returns the tags_all an object will have: the provider's
// default tags overridden by its own. It is unknown while any own tag is.
func (d *providerData) plannedTagsAll(ctx context.Context, tags types.Map, diags *diag.Diagnostics) types.Map {
	if tags.IsUnknown() {
		return types.MapUnknown(types.StringType)
	}
	own := map[string]types.String{}
	diags.Append(tags.ElementsAs(ctx, &own, false)...)
	all := make(map[string]types.String, len(own)+len(d.defaultTags))
	for k, v := range d.defaultTags {
		all[k] = types.StringValue(v)
	}
	for k, v := range own {
		if v.IsUnknown() {
			return types.MapUnknown(types.StringType)
		}
		all[k] = v
	}
	m, ds := types.MapValueFrom(ctx, types.StringType, all)
	diags.Append(ds...)
	return m
}

// tagsForCloud returns the full set of tags to store for an object planned
// with tags_all.
func tagsForCloud(ctx context.Context, tagsAll types.Map, diags *diag.Diagnostics) map[string]string {
	tags := map[string]string{}
	if tagsAll.IsNull() || tagsAll.IsUnknown() {
		return tags
	}
	diags.Append(tagsAll.ElementsAs(ctx, &tags, false)...)
	return tags
}

// tagsFromCloud splits an object's stored tags into the values of `tags` and
// `tags_all` for state. A tag that equals a default tag counts as the
// object's own only if prior state already had it there, so neither an
// object that restates a default tag nor one that does not sees a diff.
func (d *providerData) tagsFromCloud(ctx context.Context, stored map[string]string, prior types.Map, diags *diag.Diagnostics) (tags, tagsAll types.Map) {
	priorOwn := map[string]string{}
	if !prior.IsNull() && !prior.IsUnknown() {
		diags.Append(prior.ElementsAs(ctx, &priorOwn, false)...)
	}
	own := map[string]string{}
	for k, v := range stored {
		if dv, isDefault := d.defaultTags[k]; isDefault && dv == v {
			if _, wasOwn := priorOwn[k]; !wasOwn {
				continue
			}
		}
		own[k] = v
	}
	tagsAll = mapValue(ctx, stored, diags)
	if len(own) == 0 && prior.IsNull() {
		return types.MapNull(types.StringType), tagsAll
	}
	return mapValue(ctx, own, diags), tagsAll
}

func mapValue(ctx context.Context, m map[string]string, diags *diag.Diagnostics) types.Map {
	if m == nil {
		m = map[string]string{}
	}
	v, ds := types.MapValueFrom(ctx, types.StringType, m)
	diags.Append(ds...)
	return v
}

// tagsToCheck is the full set of tags an object is planned with, default
// tags included, as the cloud's rules check it at plan. tags_all is unknown
// while any own tag's value is, but the keys are known: a tag whose value is
// known only after apply still counts towards the limit on their number,
// with an empty value. Own tags that are unknown as a whole are left out.
func (d *providerData) tagsToCheck(ctx context.Context, tags types.Map, diags *diag.Diagnostics) map[string]string {
	all := map[string]string{}
	for k, v := range d.defaultTags {
		all[k] = v
	}
	if tags.IsUnknown() {
		return all
	}
	own := map[string]types.String{}
	diags.Append(tags.ElementsAs(ctx, &own, false)...)
	for k, v := range own {
		all[k] = v.ValueString()
	}
	return all
}

// checkTags validates at plan time the full set of tags an object will
// have, as the cloud will count them at apply.
func (d *providerData) checkTags(ctx context.Context, tags types.Map, diags *diag.Diagnostics) {
	if err := cloud.ValidateTags(d.tagsToCheck(ctx, tags, diags), "tags_all"); err != nil {
		addCloudError(diags, "plan", err)
	}
}
