package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The cloud keeps every network block in canonical form ("::0/0" is kept
// as "::/0"), as AWS reports it. Like the AWS provider, which suppresses
// the difference between equivalent blocks, the provider records the
// user's spelling while the cloud holds the same network: a block written
// another way plans no change, and an apply or refresh shows none.

// equivalentCIDR plans the prior block when the configured one is the same
// network written another way. It comes before RequiresReplace, which then
// sees no change.
type equivalentCIDR struct{ plainDescription }

var keepEquivalentCIDR = equivalentCIDR{"keeps the prior block when the configured one is the same network written another way"}

func (equivalentCIDR) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsUnknown() || req.PlanValue.IsNull() {
		return
	}
	if cloud.SameCIDR(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// cidrFromCloud is the block to record: the model's own (the plan's, or
// the state's) while the cloud's is the same network, else the cloud's.
func cidrFromCloud(model types.String, stored string) types.String {
	return types.StringValue(cidrSpelling(model, stored))
}

// cidrSpelling is a stored block as the model writes it, if it holds the
// same network.
func cidrSpelling(model types.String, stored string) string {
	if !model.IsNull() && !model.IsUnknown() && stored != "" && cloud.SameCIDR(model.ValueString(), stored) {
		return model.ValueString()
	}
	return stored
}

// equivalentObjects plans the prior set of objects when the configured one
// differs from it only in how the blocks of its cidrKeys are written. A
// set's elements are matched by value, so one element's spelling must not
// turn a kept route into a removed one and an added one.
type equivalentObjects struct {
	plainDescription
	cidrKeys []string
}

func (m equivalentObjects) PlanModifySet(_ context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() || req.PlanValue.Equal(req.StateValue) {
		return
	}
	plan, planKnown := m.canonicalElements(req.PlanValue)
	state, stateKnown := m.canonicalElements(req.StateValue)
	if planKnown && stateKnown && slices.Equal(plan, state) {
		resp.PlanValue = req.StateValue
	}
}

// canonicalElements are the set's elements with their blocks in canonical
// form, as sorted text; known is false while any part is unknown.
func (m equivalentObjects) canonicalElements(set types.Set) (elements []string, known bool) {
	for _, element := range set.Elements() {
		obj, ok := element.(types.Object)
		if !ok || obj.IsUnknown() {
			return nil, false
		}
		values := map[string]attr.Value{}
		for k, v := range obj.Attributes() {
			if v.IsUnknown() {
				return nil, false
			}
			if slices.Contains(m.cidrKeys, k) {
				v = canonicalBlocks(v)
			}
			values[k] = v
		}
		canonical, diags := types.ObjectValue(obj.AttributeTypes(context.Background()), values)
		if diags.HasError() {
			return nil, false
		}
		elements = append(elements, canonical.String())
	}
	slices.Sort(elements)
	return elements, true
}

// canonicalBlocks is a block, or a list of blocks, in canonical form.
func canonicalBlocks(v attr.Value) attr.Value {
	switch v := v.(type) {
	case types.String:
		if !v.IsNull() && !v.IsUnknown() {
			return types.StringValue(cloud.CanonicalCIDR(v.ValueString()))
		}
	case types.List:
		if v.IsNull() || v.IsUnknown() {
			return v
		}
		elements := make([]attr.Value, len(v.Elements()))
		for i, e := range v.Elements() {
			elements[i] = canonicalBlocks(e)
		}
		if l, diags := types.ListValue(v.ElementType(context.Background()), elements); !diags.HasError() {
			return l
		}
	}
	return v
}

// equivalentCIDRList plans the prior list of blocks when the configured
// one holds the same networks, in the same order, written another way.
type equivalentCIDRList struct{ plainDescription }

var keepEquivalentCIDRList = equivalentCIDRList{"keeps the prior blocks when the configured ones are the same networks written another way"}

func (equivalentCIDRList) PlanModifyList(_ context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if canonicalBlocks(req.PlanValue).Equal(canonicalBlocks(req.StateValue)) {
		resp.PlanValue = req.StateValue
	}
}

// priorSpellings maps each block of cidrKeys in a prior set of objects
// (the plan's, or the state's), in canonical form, to how it is written
// there.
func priorSpellings(prior types.Set, cidrKeys []string) map[string]string {
	spellings := map[string]string{}
	if prior.IsNull() || prior.IsUnknown() {
		return spellings
	}
	for _, element := range prior.Elements() {
		obj, ok := element.(types.Object)
		if !ok || obj.IsNull() || obj.IsUnknown() {
			continue
		}
		for _, k := range cidrKeys {
			if s, ok := obj.Attributes()[k].(types.String); ok && !s.IsNull() && !s.IsUnknown() {
				spellings[cloud.CanonicalCIDR(s.ValueString())] = s.ValueString()
			}
		}
	}
	return spellings
}

// spelledAs is a stored block as the prior value writes it, if it does.
func spelledAs(spellings map[string]string, stored string) string {
	if s, ok := spellings[stored]; ok {
		return s
	}
	return stored
}

// cidrAttribute makes a an argument holding a network block: written
// another way, the same network neither changes nor replaces the object.
func cidrAttribute(a schema.StringAttribute) schema.StringAttribute {
	a.PlanModifiers = append([]planmodifier.String{keepEquivalentCIDR}, a.PlanModifiers...)
	return a
}

// unchangedPlan is the prior state when the plan changes nothing but what
// the framework marked unknown for a change that attribute plan modifiers
// then found none (a block, or a policy, written another way): the
// framework marks every computed attribute that the configuration leaves
// out unknown as soon as the configuration differs from the state, before
// any modifier runs. Only such attributes, at the top level, are taken
// from the state; any other unknown value means a real change.
func unchangedPlan(config, plan, state tftypes.Value) (tftypes.Value, bool) {
	if state.IsNull() || plan.IsNull() || plan.Equal(state) {
		return plan, false
	}
	onlyComputed := true
	filled, err := tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		prior, ok := priorOfComputed(config, state, p)
		if !ok {
			onlyComputed = false
			return v, nil
		}
		return prior, nil
	})
	if err != nil || !onlyComputed || !filled.Equal(state) {
		return plan, false
	}
	return state, true
}

// priorOfComputed is the state's value at p, a top-level attribute that
// the configuration leaves out.
func priorOfComputed(config, state tftypes.Value, p *tftypes.AttributePath) (tftypes.Value, bool) {
	if len(p.Steps()) != 1 {
		return tftypes.Value{}, false
	}
	configured, _, err := tftypes.WalkAttributePath(config, p)
	if c, ok := configured.(tftypes.Value); err != nil || !ok || !c.IsNull() {
		return tftypes.Value{}, false
	}
	prior, _, err := tftypes.WalkAttributePath(state, p)
	s, ok := prior.(tftypes.Value)
	return s, err == nil && ok
}
