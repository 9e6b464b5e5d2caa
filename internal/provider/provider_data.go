package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// providerData is what a configured provider hands to its resources and
// data sources. It is made anew by every Configure, that is for every
// terraform walk, so the plan's claims never outlive the plan.
type providerData struct {
	client      *cloud.Client
	plan        *cloud.Plan
	defaultTags map[string]string
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
