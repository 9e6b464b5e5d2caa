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

// cloudCheck validates a string attribute at plan time with a check of the
// cloud's own, so that plan and apply refuse exactly the same values.
func cloudCheck(check func(string) error) validator.String {
	return stringCheck{check: check}
}

type stringCheck struct{ check func(string) error }

func (v stringCheck) Description(context.Context) string {
	return "must be accepted by the simulated cloud"
}

func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		summary, detail := errorText(err)
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}

// argumentsCheck validates which of a resource's top-level string arguments
// are set, with a check of the cloud's own (such as "exactly one target"):
// check gets each of names that the configuration sets, with its value or
// cloud.Unknown. An argument set to a value known only after apply is still
// set, so such checks never wait for apply (the framework's stock
// validators skip every unknown value).
func argumentsCheck(check func(set map[string]string) error, names ...string) resource.ConfigValidator {
	return argumentsValidator{check: check, names: names}
}

type argumentsValidator struct {
	check func(map[string]string) error
	names []string
}

func (v argumentsValidator) Description(context.Context) string {
	return "the arguments " + strings.Join(v.names, ", ") + " are combined as the simulated cloud accepts"
}

func (v argumentsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v argumentsValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	set := map[string]string{}
	for _, name := range v.names {
		var value types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &value)...)
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
func tagsCheck() validator.Map {
	return tagsValidator{}
}

type tagsValidator struct{}

func (tagsValidator) Description(context.Context) string {
	return "at most 50 tags; keys of 1 to 128 characters not starting with aws:, values of at most 256"
}

func (v tagsValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

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
		summary, detail := errorText(err)
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
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
	return idsValidator{kind: kind}
}

type idsValidator struct{ kind cloud.Kind }

func (v idsValidator) Description(context.Context) string {
	return "each element is an ID of the form " + v.kind.Prefix + "-..."
}

func (v idsValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v idsValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, element := range req.ConfigValue.Elements() {
		s, ok := element.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if err := cloud.ValidateID(v.kind, s.ValueString(), ""); err != nil {
			summary, detail := errorText(err)
			resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
		}
	}
}

// configuredArguments are the configured values of the named arguments as
// the cloud's checks take them: "" when left out, cloud.Unknown when known
// only after apply.
func configuredArguments(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, names ...string) map[string]string {
	set := map[string]string{}
	for _, name := range names {
		var v attr.Value
		diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
		set[name] = configuredText(v)
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
