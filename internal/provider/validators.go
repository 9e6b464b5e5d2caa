package provider

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// plainDescription is what a validator or plan modifier says of itself,
// the same as text and as Markdown; the types below embed it.
type plainDescription string

func (d plainDescription) Description(context.Context) string { return string(d) }

func (d plainDescription) MarkdownDescription(context.Context) string { return string(d) }

// cloudCheck validates a string attribute at plan time with a check of the
// cloud's own, so that plan and apply refuse exactly the same values.
func cloudCheck(check func(string) error) validator.String {
	return stringCheck{plainDescription: "must be accepted by the simulated cloud", check: check}
}

type stringCheck struct {
	plainDescription
	check func(string) error
}

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		addValueError(&resp.Diagnostics, req.Path, err)
	}
}

// argumentsCheck validates which of a resource's top-level string arguments
// are set, with a check of the cloud's own (such as "exactly one target"):
// check gets each of names that the configuration sets, with its value or
// cloud.Unknown. An argument set to a value known only after apply is still
// set, so such checks never wait for apply (the framework's stock
// validators skip every unknown value).
func argumentsCheck(check func(set map[string]string) error, names ...string) resource.ConfigValidator {
	return argumentsValidator{
		plainDescription: plainDescription("the arguments " + strings.Join(names, ", ") + " are combined as the simulated cloud accepts"),
		check:            check, names: names,
	}
}

type argumentsValidator struct {
	plainDescription
	check func(map[string]string) error
	names []string
}

func (v argumentsValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	set := map[string]string{}
	for _, name := range v.names {
		value := configuredValue[types.String](ctx, req.Config, name, &resp.Diagnostics)
		if !value.IsNull() {
			set[name] = planned(value)
		}
	}
	if err := v.check(set); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}

// idCheck validates an attribute holding the ID of an object of kind.
func idCheck(kind cloud.Kind) validator.String {
	return cloudCheck(func(id string) error { return cloud.ValidateID(kind, id, "") })
}

// tagsCheck validates a tags map against AWS's limits.
// tagKeyPatternCheck validates one of the keys or key prefixes of the
// provider's ignore_tags; field names the argument.
func tagKeyPatternCheck(field string) validator.String {
	return stringCheck{plainDescription: "a tag key or key prefix, not empty",
		check: func(s string) error { return cloud.ValidateTagKeyPattern(s, field) }}
}

func tagsCheck() validator.Map {
	return tagsValidator{"at most 50 tags; keys of 1 to 128 characters not starting with aws:, values of at most 256"}
}

type tagsValidator struct{ plainDescription }

func (tagsValidator) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	tags := map[string]types.String{}
	resp.Diagnostics.Append(req.ConfigValue.ElementsAs(ctx, &tags, false)...)
	// A tag whose value is known only after apply still counts, with its
	// key, towards the limits; only its value's length waits for apply.
	known := map[string]string{}
	for k, v := range tags {
		known[k] = v.ValueString()
	}
	if err := cloud.ValidateTags(known, ""); err != nil {
		addValueError(&resp.Diagnostics, req.Path, err)
	}
}

// addValueError reports err, the cloud's refusal of a value, on the
// attribute at p.
func addValueError(diags *diag.Diagnostics, p path.Path, err error) {
	summary, detail := errorText(err)
	diags.AddAttributeError(p, summary, detail)
}

// addImportIDError reports err, the cloud's refusal of an import ID; how
// says what the resource is imported by, or is "".
func addImportIDError(diags *diag.Diagnostics, how string, err error) {
	summary, detail := errorText(err)
	diags.AddError("Invalid import ID: "+summary, how+detail)
}

func errorText(err error) (summary, detail string) {
	var ce *cloud.Error
	if errors.As(err, &ce) {
		return cloudErrorText(ce)
	}
	return "Invalid value", err.Error()
}

// idsCheck validates a set of IDs of objects of kind, each known one on
// its own.
func idsCheck(kind cloud.Kind) validator.Set {
	return idsValidator{plainDescription: plainDescription("each element is an ID of the form " + kind.Prefix + "-..."), kind: kind}
}

type idsValidator struct {
	plainDescription
	kind cloud.Kind
}

func (v idsValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	for _, s := range knownElements[types.String](req.ConfigValue) {
		if s.IsNull() {
			continue
		}
		if err := cloud.ValidateID(v.kind, s.ValueString(), ""); err != nil {
			addValueError(&resp.Diagnostics, req.Path, err)
		}
	}
}

// knownElements are the elements of a configured set that are of type T
// and known: a set validator checks them now, and the rest after apply.
func knownElements[T attr.Value](set types.Set) []T {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	var known []T
	for _, element := range set.Elements() {
		if t, ok := element.(T); ok && !t.IsUnknown() {
			known = append(known, t)
		}
	}
	return known
}

// configuredValue is the value the configuration gives the top-level
// argument name.
func configuredValue[T attr.Value](ctx context.Context, config tfsdk.Config, name string, diags *diag.Diagnostics) T {
	var v T
	diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
	return v
}

// configuredArguments are the configured values of the named arguments as
// the cloud's checks take them: "" when left out, cloud.Unknown when known
// only after apply.
func configuredArguments(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, names ...string) map[string]string {
	set := map[string]string{}
	for _, name := range names {
		set[name] = configuredText(configuredValue[attr.Value](ctx, config, name, diags))
	}
	return set
}

// whenKnown is a check for argumentsCheck that waits for the plan while
// any argument is unknown: at validate a module's variables are unknown, and
// so are its conditionals that leave one argument or another null (as
// terraform-aws-modules/vpc's do). The resource's plan check, which sees
// them known, runs the check again on givenArguments.
func whenKnown(check func(set map[string]string) error) func(set map[string]string) error {
	return func(set map[string]string) error {
		for _, value := range set {
			if !cloud.IsKnown(value) {
				return nil
			}
		}
		return check(set)
	}
}

// givenArguments are the arguments of names that config gives a value,
// cloud.Unknown for one known only after apply, as argumentsCheck's checks
// take them.
func givenArguments(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, names ...string) map[string]string {
	set := configuredArguments(ctx, config, diags, names...)
	for name, value := range set {
		if value == "" {
			delete(set, name)
		}
	}
	return set
}

func configuredText(v attr.Value) string {
	switch {
	case v == nil || v.IsNull():
		return ""
	case v.IsUnknown():
		return cloud.Unknown
	}
	switch typed := v.(type) {
	case types.String:
		return typed.ValueString()
	case types.Bool:
		return strconv.FormatBool(typed.ValueBool())
	case types.Int64:
		return strconv.FormatInt(typed.ValueInt64(), 10)
	}
	return v.String()
}

// argumentChoice refuses, with the cloud's CheckArgumentChoice, a
// configuration that sets more than one of names (or, when required, none),
// whatever their types: an argument set to a value known only after apply
// counts as set.
func argumentChoice(required bool, names ...string) resource.ConfigValidator {
	return argumentChoiceValidator{
		plainDescription: plainDescription("at most one of " + strings.Join(names, ", ")),
		required:         required, names: names,
	}
}

type argumentChoiceValidator struct {
	plainDescription
	required bool
	names    []string
}

func (v argumentChoiceValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if err := cloud.CheckArgumentChoice(givenArguments(ctx, req.Config, &resp.Diagnostics, v.names...), v.required, v.names...); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}
