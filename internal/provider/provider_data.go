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

// checkPlanned runs a resource's plan-time check with the right holder.
// stateID is the object's ID from prior state, "" when Terraform plans it
// as new. replacing says the object in state is replaced; key names what is
// planned in its place. Terraform plans a replacement a second time as if it
// were new; that second planning finds the mark the first one left under key
// and skips the check, which already ran with the object's own stored self
// and claims out of the way. description says, for other resources' errors,
// which resource a new object is (see cloud.Plan.NewHolderNamed).
func (d *providerData) checkPlanned(key, description, stateID string, replacing bool, check func(holder cloud.Holder, selfID string) error) error {
	if stateID == "" {
		if d.plan.TakeReplaced(key) {
			return nil
		}
		return check(d.plan.NewHolderNamed(description), "")
	}
	if replacing {
		d.plan.MarkReplaced(key)
	}
	return check(cloud.ExistingHolder(stateID), stateID)
}
