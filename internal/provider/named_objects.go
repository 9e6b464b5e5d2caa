package provider

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// What the resources of objects that AWS names by a name of the user's
// choosing (IAM's, CloudWatch Logs') share: name and name_prefix, and
// policy documents compared by what they say rather than how.

// nameArguments are name and name_prefix, as the AWS provider has them:
// without either, the name is terraform- and a unique suffix; changing
// either replaces the object. check validates a name and checkPrefix a
// prefix.
func nameArguments(what string, check, checkPrefix func(string) error) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Optional: true, Computed: true,
			PlanModifiers: replaceOnChangeKeepState,
			Validators:    []validator.String{cloudCheck(check)},
			MarkdownDescription: "The " + what + "'s name. Without it (or `name_prefix`) the name is `terraform-` and a unique suffix. " +
				"Conflicts with `name_prefix`. Changing it replaces the " + what + ".",
		},
		"name_prefix": schema.StringAttribute{
			Optional: true, Computed: true,
			PlanModifiers:       replaceOnChangeKeepState,
			Validators:          []validator.String{cloudCheck(checkPrefix)},
			MarkdownDescription: "Makes a unique name that starts with this prefix. Conflicts with `name`. Changing it replaces the " + what + ".",
		},
	}
}

// iamPathArgument is the path of an IAM role or policy (what).
func iamPathArgument(what string) schema.StringAttribute {
	return defaultedReplacing("/", "The "+what+"'s path, `/` by default. Changing it replaces the "+what+".",
		cloudCheck(func(s string) error { return cloud.ValidateIAMPath(s, "path") }))
}

// namedKind is k, the description of a resource whose object the user
// names, with the name and name_prefix arguments (see nameArguments) and
// the check that at most one of them is set. Unless k says otherwise, the
// object is imported by its name, as the AWS provider does.
func namedKind[M, O any](k resourceKind[M, O], what string, checkName, checkPrefix func(string) error) resourceKind[M, O] {
	if k.importState == nil {
		k.importState = func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
			importAttributes(ctx, resp, checkName(req.ID), map[string]string{"id": req.ID})
		}
	}
	k.schema.Attributes = maps.Clone(k.schema.Attributes)
	maps.Copy(k.schema.Attributes, nameArguments(what, checkName, checkPrefix))
	k.configValidators = append(slices.Clone(k.configValidators), argumentsCheck(cloud.CheckNameArguments, "name", "name_prefix"))
	return k
}

// chosenNames is the part of a model whose object the user names: name
// and name_prefix, as nameArguments makes them.
type chosenNames struct {
	Name       types.String `tfsdk:"name"`
	NamePrefix types.String `tfsdk:"name_prefix"`
}

func (n *chosenNames) names() *chosenNames { return n }

// namedObject is the ID, tags and names of a regional object the user
// names, and globalNamedObject those of a global one (IAM's).
type namedObject struct {
	taggedObject
	chosenNames
}

type globalNamedObject struct {
	globalTaggedObject
	chosenNames
}

// namedModelOf lets generic code reach the chosenNames inside a model M.
type namedModelOf[M any] interface {
	modelOf[M]
	names() *chosenNames
}

// namedCalls are the cloud's calls on an object the user names, each of
// which takes the input I that input makes of a model for a name; held is
// as checkNamed takes it. namedObjectKind makes of them the resource's
// create, update and plan check.
type namedCalls[M, O, I any] struct {
	input  func(m *M, name string, tags map[string]string) I
	create func(c *cloud.Client, ctx context.Context, in I) (O, error)
	update func(c *cloud.Client, ctx context.Context, id string, in I) (O, error)
	check  func(c *cloud.Client, ctx context.Context, p *cloud.Plan, holder cloud.Holder, in I, selfARN string) error
	held   func(*M) (arn types.String, fixed []attr.Value)
}

// namedObjectKind is namedKind's k, created, updated and checked by calls;
// its fill need not set name_prefix, which is made of the filled name.
func namedObjectKind[M any, P namedModelOf[M], O, I any](k resourceKind[M, O], calls namedCalls[M, O, I],
	what string, checkName, checkPrefix func(string) error) resourceKind[M, O] {
	names, _ := cloud.Naming(k.kind)
	typeName := "simcloud_" + names.TypeName
	k.create = func(d *providerData, ctx context.Context, a applyStep[M]) (O, error) {
		n := P(a.plan).names()
		return calls.create(d.client, ctx, calls.input(a.plan, chosenName(n.Name, n.NamePrefix), a.tags))
	}
	k.update = func(d *providerData, ctx context.Context, a applyStep[M]) (O, error) {
		return calls.update(d.client, ctx, P(a.plan).identity().ValueString(), calls.input(a.plan, P(a.plan).names().Name.ValueString(), a.tags))
	}
	k.check = func(ctx context.Context, d *providerData, p planStep[M]) error {
		name := planned(P(p.plan).names().Name)
		in := calls.input(p.plan, name, p.tags)
		return checkNamed(d, p, typeName, name, calls.held, func(holder cloud.Holder, selfARN string) error {
			return calls.check(d.client, ctx, d.plan, holder, in, selfARN)
		})
	}
	fill := k.fill
	k.fill = func(m *M, o O) {
		fill(m, o)
		n := P(m).names()
		n.NamePrefix = namePrefixOf(n.NamePrefix, n.Name.ValueString())
	}
	return namedKind(k, what, checkName, checkPrefix)
}

// chosenName is the name an object is created with: the planned one, or
// one made from the prefix.
func chosenName(name, prefix types.String) string {
	if name.IsUnknown() || name.IsNull() {
		return uniqueGroupName(prefix.ValueString())
	}
	return name.ValueString()
}

// namePrefixOf is the name_prefix recorded in state: the configured one,
// else, as the AWS provider does on import, what precedes a unique suffix
// of the name ("" when it has none).
func namePrefixOf(prefix types.String, name string) types.String {
	if !prefix.IsNull() && !prefix.IsUnknown() {
		return prefix
	}
	if n := len(name) - uniqueSuffixLength; n >= 0 && uniqueSuffix.MatchString(name[n:]) {
		return types.StringValue(name[:n])
	}
	return types.StringValue("")
}

// uniqueSuffix is what uniqueGroupName adds to a prefix: the time to the
// hundredth of a second and ten hexadecimal digits.
var uniqueSuffix = regexp.MustCompile(`^[0-9]{16}[0-9a-f]{10}$`)

const uniqueSuffixLength = 26

// policyArgument is a required JSON policy document, validated at plan and
// kept as written while the cloud holds an equivalent one.
func policyArgument(field, description string, replaces bool) schema.StringAttribute {
	modifiers := []planmodifier.String{equivalentPolicy{"keeps the prior document when the configured one is equivalent"}}
	if replaces {
		modifiers = append(modifiers, stringplanmodifier.RequiresReplace())
	}
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: description + " Documents that IAM reads alike (other spacing, key order, a list of one value written as the value) make no change.",
		Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePolicy(s, field) })},
		PlanModifiers:       modifiers,
	}
}

// equivalentPolicy plans the prior document when the configured one says
// the same, so that another way of writing it is no change.
type equivalentPolicy struct{ plainDescription }

func (equivalentPolicy) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsUnknown() || req.PlanValue.IsNull() {
		return
	}
	if cloud.PoliciesEquivalent(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// policyFromCloud is the document to record: the model's own while the
// cloud's is equivalent, so that a refresh shows no change.
func policyFromCloud(model types.String, stored string) types.String {
	if !model.IsNull() && !model.IsUnknown() && cloud.PoliciesEquivalent(model.ValueString(), stored) {
		return model
	}
	return types.StringValue(stored)
}

// optionalString is a string the cloud keeps as "" when unset: null in
// state unless the model had a value.
func optionalString(model types.String, stored string) types.String {
	if stored == "" && (model.IsNull() || model.IsUnknown()) {
		return types.StringNull()
	}
	return types.StringValue(stored)
}

// checkNamed is the plan check of an object whose name is unique in its
// account (or region): check runs the cloud's rule on the object planned
// with name, held as checkPlanned holds it. held gives what a model says
// of the object: its ARN, and the values of the arguments that replace it
// when they change.
func checkNamed[M any](d *providerData, p planStep[M], typeName, name string,
	held func(*M) (arn types.String, fixed []attr.Value), check func(holder cloud.Holder, selfARN string) error) error {
	stateARN, replacing := "", false
	if p.state != nil {
		arn, was := held(p.state)
		_, now := held(p.plan)
		stateARN, replacing = arn.ValueString(), !slices.EqualFunc(now, was, attr.Value.Equal)
	}
	key := strings.Join([]string{typeName, d.client.Scope().AccountID, d.client.Scope().Region, name}, "|")
	return d.checkPlanned(key, "the "+typeName+" planned with name "+name, stateARN, changeOf(replacing, false), check)
}
