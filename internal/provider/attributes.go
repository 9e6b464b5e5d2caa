package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The plan modifiers that attributes share. keepState plans the value in
// state where the plan knows none, so that an attribute the cloud sets once
// shows as known; replaceOnChange replaces the object when the value changes.
// Where a list has both, they run in its order: keepState first lets a value
// left to the cloud stay without replacing the object.
var (
	keepState                     = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replaceOnChange               = []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keepStateReplaceOnChange      = []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	replaceOnChangeKeepState      = []planmodifier.String{stringplanmodifier.RequiresReplace(), stringplanmodifier.UseStateForUnknown()}
	replaceInt64OnChange          = []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	replaceBoolOnChange           = []planmodifier.Bool{boolplanmodifier.RequiresReplace()}
	replaceListOnChange           = []planmodifier.List{listplanmodifier.RequiresReplace()}
	keepBoolState                 = []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}
	keepBoolStateReplaceOnChange  = []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()}
	keepSetState                  = []planmodifier.Set{setplanmodifier.UseStateForUnknown()}
	keepInt64State                = []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	keepInt64StateReplaceOnChange = []planmodifier.Int64{int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace()}
)

// computedID is a computed string that never changes once the object
// exists, so plans show it as known rather than "(known after apply)".
func computedID(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: description,
		PlanModifiers:       keepState,
	}
}

// optionalBool is an optional flag with a default, changed in place.
func optionalBool(defaultValue bool, description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(defaultValue),
		MarkdownDescription: description,
	}
}

// optionalReplacingBool is optionalBool for a flag, false unless set, fixed
// when the object is made: changing it replaces the object.
func optionalReplacingBool(description string) schema.BoolAttribute {
	flag := optionalBool(false, description)
	flag.PlanModifiers = replaceBoolOnChange
	return flag
}

// providerFlag is the value to record of an optionalBool that only the
// provider acts on, which the cloud does not keep: the model's, false when
// it has none (as after an import).
func providerFlag(v types.Bool) types.Bool {
	if v.IsNull() {
		return types.BoolValue(false)
	}
	return v
}

func tagsAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		ElementType: types.StringType,
		Optional:    true,
		MarkdownDescription: "Tags for the object. At most 50 including the provider's `default_tags`; keys of 1 to 128 characters that do not start with `aws:`, " +
			"values of at most 256.",
		Validators: []validator.Map{tagsCheck()},
	}
}

func tagsAllAttribute() schema.MapAttribute {
	return schema.MapAttribute{
		ElementType:         types.StringType,
		Computed:            true,
		MarkdownDescription: "All of the object's tags: the provider's `default_tags` merged with `tags`, which win.",
	}
}

// The string arguments below differ only in whether they are required and
// whether changing them replaces the object; validators check the value at
// plan.

func requiredArgument(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Required: true, MarkdownDescription: description, Validators: validators}
}

func optionalArgument(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description, Validators: validators}
}

func requiredReplacing(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Required: true, MarkdownDescription: description, Validators: validators, PlanModifiers: replaceOnChange}
}

// optionalReplacing is an optional argument fixed when the object is made:
// changing it replaces the object.
func optionalReplacing(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description, Validators: validators, PlanModifiers: replaceOnChange}
}

// replacingReference is a required argument that holds the ID of an object
// of kind, checked for the kind's form at plan; changing it replaces the
// object.
func replacingReference(kind cloud.Kind, description string) schema.StringAttribute {
	return requiredReplacing(description, idCheck(kind))
}

// computedValue is an attribute the cloud sets and may change: a plan
// shows it as known after apply.
func computedValue(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

// defaultedReplacing is an optional argument with a default, fixed when
// the object is made: changing it replaces the object.
func defaultedReplacing(defaultValue, description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(defaultValue),
		MarkdownDescription: description, Validators: validators, PlanModifiers: replaceOnChange}
}

// optionalComputed is an optional argument that the cloud fills in when it
// is left out, kept from state once known; it changes in place.
func optionalComputed(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: description, Validators: validators, PlanModifiers: keepState}
}

// optionalComputedReplacing is optionalComputed for an argument fixed when
// the object is made: changing it replaces the object.
func optionalComputedReplacing(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: description, Validators: validators,
		PlanModifiers: keepStateReplaceOnChange}
}

// gatewayVPCArgument is the vpc_id of a gateway that attachmentType, a
// resource of its own, may attach instead.
func gatewayVPCArgument(attachmentType string) schema.StringAttribute {
	return optionalComputed("The VPC to attach the gateway to. Changing it detaches the gateway from the old VPC and attaches it to the new one, in place. "+
		"Left out, the gateway is created detached, and this shows the VPC a `"+attachmentType+"` attached it to.", idCheck(cloud.KindVPC))
}

// regionArgument is the AWS provider 6 region argument of every regional
// resource. Left out, it is the provider's region (set at plan, so known);
// an object keeps the region it was made in when the provider's changes.
func regionArgument() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: "The region the object lives in, as the AWS provider's `region` argument: the provider's region when left out. " +
			"Objects of different regions do not see each other. Changing it replaces the object.",
		Validators:    []validator.String{cloudCheck(cloud.ValidateRegion)},
		PlanModifiers: keepStateReplaceOnChange,
	}
}

// optionalFromCloud is the value of an optional argument that the cloud
// holds as s, "" when none was given: null, unless the model already says
// "" (a configuration that writes ""), so that neither form plans a change.
func optionalFromCloud(current types.String, s string) types.String {
	if s == "" && (current.IsNull() || current.IsUnknown() || current.ValueString() != "") {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// timeoutsBlock is the AWS provider's timeouts block of a resource. The
// simulated cloud answers at once, so the durations are checked and kept,
// not waited for.
func timeoutsBlock() schema.SingleNestedBlock {
	duration := func(operation string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true,
			MarkdownDescription: "How long " + operation + " may take, such as `5m`, as in the AWS provider; the simulated cloud answers at once.",
			Validators:          []validator.String{cloudCheck(validDuration)}}
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: "The AWS provider's timeouts, accepted so that configurations that set them port unchanged.",
		Attributes: map[string]schema.Attribute{
			"create": duration("creating"), "read": duration("reading"), "update": duration("updating"), "delete": duration("deleting"),
		},
	}
}

// validDuration accepts what the AWS provider's timeouts take: a Go
// duration such as 5m or 1h30m.
func validDuration(s string) error {
	if _, err := time.ParseDuration(s); err != nil {
		return fmt.Errorf("%q is no duration: write a number and a unit, such as 5m or 1h30m", s)
	}
	return nil
}

// optionalInt64 is an optional number changed in place.
func optionalInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, MarkdownDescription: description}
}

// replacingInt is a number whose change replaces the object, required or
// optional.
func replacingInt(required bool, description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Required: required, Optional: !required, MarkdownDescription: description,
		PlanModifiers: replaceInt64OnChange,
	}
}

// optionalInt64FromCloud is the value of an optional number the cloud
// holds as n, 0 when none was given: null, unless the model says 0.
func optionalInt64FromCloud(current types.Int64, n int64) types.Int64 {
	if n == 0 && (current.IsNull() || current.IsUnknown()) {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}
