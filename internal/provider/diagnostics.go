package provider

import (
	"context"
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

// addAdvice turns the cloud's advice on an object into warnings: things AWS
// accepts silently but that most likely do not do what was meant.
func addAdvice(diags *diag.Diagnostics, advice []cloud.Advisory) {
	for _, a := range advice {
		summary := a.Subject + ": " + a.Title
		detail := a.Message + "\n\n" +
			"Objects involved: " + strings.Join(a.Objects, ", ") + ".\n\n" +
			"How to fix: " + a.Fix + "\n\n" +
			"This is a warning (" + a.Code + "): AWS accepts this network as it is, and so does the simulated cloud."
		if a.Field != "" {
			diags.AddAttributeWarning(path.Root(a.Field), summary, detail)
			continue
		}
		diags.AddWarning(summary, detail)
	}
}

// adviseOn is a resourceKind's advise for a kind whose advice the engine
// derives from the object alone, as read: no second read of the cloud.
func adviseOn[O any](advice func(O) []cloud.Advisory) func(context.Context, *providerData, O, *diag.Diagnostics) {
	return func(_ context.Context, _ *providerData, o O, diags *diag.Diagnostics) {
		addAdvice(diags, advice(o))
	}
}

// advise adds the cloud's advice on the object with the given ID to a
// resource's Read. Read is where advice is reliable: it runs at the start of
// every plan, against the cloud as the last apply left it, whole. At plan
// time the routes and associations that the same plan creates are not in
// the cloud yet, and in Create they may be created after this resource
// (they depend on it), so advice there would warn about a network that the
// same apply is about to complete. Advice is a courtesy: a failure to give
// it never fails the read.
func (d *providerData) advise(ctx context.Context, id string, diags *diag.Diagnostics) {
	advice, err := d.client.AdviceOn(ctx, id)
	if err == nil {
		addAdvice(diags, advice)
	}
}
