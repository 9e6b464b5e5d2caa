package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The cloud stores an object's full set of tags, default tags included, as
// AWS does; Terraform state splits it into the configured `tags` and the
// merged `tags_all`, as the AWS provider does. Tags under the keys of the
// provider's ignore_tags belong to someone else: as in the AWS provider,
// Terraform never sees them in tags_all, nor in `tags` once refreshed, and
// the client keeps them on the object when it writes the others (see
// cloud.Client.KeepingTags). A resource that configures such a key has it
// written, and a diff on every plan: the AWS provider's documented
// perpetual difference, until the key leaves `tags` or ignore_changes
// covers it.

// plannedTagsAll returns the tags_all an object will have: the provider's
// default tags overridden by its own, without the ignored ones. It is
// unknown while any own tag is.
func (d *providerData) plannedTagsAll(ctx context.Context, tags types.Map, diags *diag.Diagnostics) types.Map {
	if tags.IsUnknown() {
		return types.MapUnknown(types.StringType)
	}
	own := map[string]types.String{}
	diags.Append(tags.ElementsAs(ctx, &own, false)...)
	all := make(map[string]types.String, len(own)+len(d.defaultTags))
	for k, v := range d.defaultTags {
		if !d.ignoredTags.Has(k) {
			all[k] = types.StringValue(v)
		}
	}
	for k, v := range own {
		if v.IsUnknown() {
			return types.MapUnknown(types.StringType)
		}
		if !d.ignoredTags.Has(k) {
			all[k] = v
		}
	}
	m, ds := types.MapValueFrom(ctx, types.StringType, all)
	diags.Append(ds...)
	return m
}

// tagsForCloud returns the tags to write for an object planned with tags:
// the default tags overridden by its own, ignored keys included, as the AWS
// provider writes them. The client adds the ignored tags the object
// already has.
func (d *providerData) tagsForCloud(ctx context.Context, tags types.Map, diags *diag.Diagnostics) map[string]string {
	all := make(map[string]string, len(d.defaultTags))
	for k, v := range d.defaultTags {
		all[k] = v
	}
	if tags.IsNull() || tags.IsUnknown() {
		return all
	}
	own := map[string]string{}
	diags.Append(tags.ElementsAs(ctx, &own, false)...)
	for k, v := range own {
		all[k] = v
	}
	return all
}

// stringMap is a known map of strings as Go has it, empty when null or
// unknown.
func stringMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	values := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return values
	}
	diags.Append(m.ElementsAs(ctx, &values, false)...)
	return values
}

// tagsFromCloud splits an object's stored tags into the values of `tags` and
// `tags_all` for state. A tag that equals a default tag counts as the
// object's own only if prior state already had it there, so neither an
// object that restates a default tag nor one that does not sees a diff.
// Ignored tags are left out of both, but for the ones the plan just
// applied configures (applied true, prior the plan): Terraform wants the
// planned `tags` back from apply, and leaves them out at the next refresh.
func (d *providerData) tagsFromCloud(ctx context.Context, stored map[string]string, prior types.Map, applied bool, diags *diag.Diagnostics) (tags, tagsAll types.Map) {
	priorOwn := map[string]string{}
	if !prior.IsNull() && !prior.IsUnknown() {
		diags.Append(prior.ElementsAs(ctx, &priorOwn, false)...)
	}
	own := map[string]string{}
	for k, v := range stored {
		_, wasOwn := priorOwn[k]
		keptAsApplied := applied && wasOwn
		if d.ignoredTags.Has(k) && !keptAsApplied {
			continue
		}
		if dv, isDefault := d.defaultTags[k]; isDefault && dv == v && !wasOwn {
			continue
		}
		own[k] = v
	}
	tagsAll = mapValue(ctx, d.ignoredTags.Without(stored), diags)
	if len(own) == 0 && prior.IsNull() {
		return types.MapNull(types.StringType), tagsAll
	}
	return mapValue(ctx, own, diags), tagsAll
}

// shownTags are the tags of an object a data source found, without the
// ignored ones but for those its configuration searched by, which
// Terraform wants back as configured.
func (d *providerData) shownTags(ctx context.Context, stored map[string]string, searched map[string]string, diags *diag.Diagnostics) types.Map {
	shown := make(map[string]string, len(stored))
	for k, v := range stored {
		if _, asked := searched[k]; asked || !d.ignoredTags.Has(k) {
			shown[k] = v
		}
	}
	return mapValue(ctx, shown, diags)
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
