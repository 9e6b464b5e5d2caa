package provider

import (
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// addCloudError turns an error from the cloud into a diagnostic. A refusal
// shows AWS's code and words with the fix, on the attribute at fault where
// there is one; anything else is reported as a failure of the operation.
func addCloudError(diags *diag.Diagnostics, operation string, err error) {
	var ce *cloud.Error
	if !errors.As(err, &ce) {
		diags.AddError("simcloud "+operation+" failed", err.Error())
		return
	}
	summary, detail := cloudErrorText(ce)
	if ce.Field != "" {
		diags.AddAttributeError(path.Root(ce.Field), summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// addCloudErrorOn is addCloudError for the route table resources, whose
// routes are not attributes of their own: fields maps a field to the
// attribute that holds it, and an error on any other field concerns a route
// and is shown on `route`.
func addCloudErrorOn(diags *diag.Diagnostics, operation string, err error, fields map[string]string) {
	var ce *cloud.Error
	if errors.As(err, &ce) && ce.Field != "" {
		mapped := *ce
		mapped.Field = fields[ce.Field]
		if mapped.Field == "" {
			mapped.Field = "route"
		}
		err = &mapped
	}
	addCloudError(diags, operation, err)
}

// cloudErrorText renders a refusal the same way everywhere: the summary is
// AWS's code and message, as a search engine or AWS's documentation knows
// them; the detail repeats them verbatim, then names the objects involved and
// says how to fix it.
func cloudErrorText(ce *cloud.Error) (summary, detail string) {
	objects := "none in the cloud: the values given are refused before any object is looked up."
	if len(ce.Objects) > 0 {
		objects = strings.Join(ce.Objects, ", ") + "."
	}
	return ce.Code + ": " + ce.Message,
		"The simulated cloud refused this as AWS would, with error code " + ce.Code + " and AWS's message:\n" +
			ce.Message + "\n\n" +
			"Objects involved: " + objects + "\n\n" +
			"How to fix: " + ce.Fix
}
