package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// providerData is what a configured provider hands to its resources and
// data sources. It is made anew by every Configure, that is for every
// terraform walk, so the plan's claims never outlive the plan.
type providerData struct {
	client      *cloud.Client
	plan        *cloud.Plan
	defaultTags map[string]string
	// ignoredTags are the provider's ignore_tags; client keeps them.
	ignoredTags cloud.TagKeys
	// regions holds the data of the other regions that resources name in
	// their region argument, made once each; the plan is one for all.
	regions *regionalData
	// destroying: this run plans a destroy (see destroyRun).
	destroying bool
}

type regionalData struct {
	mu   sync.Mutex
	data map[string]*providerData
}

// inRegion returns the provider's data for an object of the given region:
// the provider's own when the region is unset or the provider's, else a
// client acting in that region of the same account and cloud. region is
// nil for a kind that lives in no region. ok is false,
// with a diagnostic on the region argument, for a region that is no region.
func (d *providerData) inRegion(region *types.String, diags *diag.Diagnostics) (*providerData, bool) {
	if region == nil {
		// An object of no region (IAM's) is served by the provider's.
		return d, true
	}
	if region.IsUnknown() {
		// Known only after apply: the plan's checks run in the provider's
		// region, and the value stays as configured.
		return d, true
	}
	if region.IsNull() || region.ValueString() == "" {
		*region = types.StringValue(d.client.Scope().Region)
		return d, true
	}
	name := region.ValueString()
	if name == d.client.Scope().Region {
		return d, true
	}
	d.regions.mu.Lock()
	defer d.regions.mu.Unlock()
	if rd, ok := d.regions.data[name]; ok {
		return rd, true
	}
	c, err := d.client.InRegion(name)
	if err != nil {
		addValueError(diags, path.Root("region"), err)
		return nil, false
	}
	// The region's first use, as the provider's own region's is in
	// Configure: it gets its default VPC.
	if _, err := c.UseScope(context.Background()); err != nil {
		addCloudError(diags, "CreateDefaultVpc", err)
		return nil, false
	}
	rd := &providerData{client: c, plan: d.plan, defaultTags: d.defaultTags, ignoredTags: d.ignoredTags, regions: d.regions}
	d.regions.data[name] = rd
	return rd, true
}

// configuredData extracts the provider's data in a resource's or data
// source's Configure. It returns nil, without a diagnostic, before the
// provider is configured, when Terraform validates.
func configuredData(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the simcloud provider; please report it.", data))
		return nil
	}
	return pd
}

// planChange is what a plan does to an object already in state.
type planChange int

const (
	// unchanged: nothing the cloud's rules look at changes.
	unchanged planChange = iota
	// changedInPlace: the object is updated and keeps its ID.
	changedInPlace
	// replaced: the object is destroyed and planned again as new.
	replaced
)

// changeOf says what a plan does to an object in state: replaced when
// replacing, else unchanged when the cloud's inputs are the same.
func changeOf(replacing, sameInputs bool) planChange {
	switch {
	case replacing:
		return replaced
	case sameInputs:
		return unchanged
	}
	return changedInPlace
}

// checkPlanned runs a resource's plan-time check with the right holder.
// stateID is the object's ID from prior state, "" when Terraform plans it
// as new, and change what the plan does to it. An unchanged object is not
// checked: the rules held when it was made, every change to the cloud since
// was checked against it, and other planned objects find it in the cloud,
// so checking it again would only cost a read for each object of a large
// configuration on every plan. For a replacement, key names what is planned
// in its place: Terraform plans a replacement a second time as if it were
// new; that second planning finds the mark the first one left under key and
// skips the check, which already ran with the object's own stored self and
// claims out of the way. description says, for other resources' errors,
// which resource a new object is (see cloud.Plan.NewHolderNamed).
func (d *providerData) checkPlanned(key, description, stateID string, change planChange, check func(holder cloud.Holder, selfID string) error) error {
	if stateID != "" && change == unchanged {
		return nil
	}
	if stateID == "" {
		if d.plan.TakeReplaced(key) {
			return nil
		}
		return check(d.plan.NewHolderNamed(description), "")
	}
	if change == replaced {
		d.plan.MarkReplaced(key)
	}
	return check(cloud.ExistingHolder(stateID), stateID)
}
