package provider

import (
	"context"
	"errors"

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
	known := map[string]string{}
	for k, v := range tags {
		if v.IsUnknown() {
			continue
		}
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
