package provider

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The inline `ingress` and `egress` of simcloud_security_group are, as in
// the AWS provider, attributes holding sets of objects, as the inline
// `route` of a route table is (see inline_routes.go): written as blocks,
// `ingress = []` removes every rule, and leaving one out leaves that
// direction unmanaged. One object may name several other ends (CIDR blocks,
// prefix lists, groups, self); the cloud keeps one rule per other end, as
// AWS does.

var (
	stringList = types.ListType{ElemType: types.StringType}
	stringSet  = types.SetType{ElemType: types.StringType}
)

func sgRuleObjectType() types.ObjectType {
	return types.ObjectType{AttrTypes: map[string]attr.Type{
		"from_port": types.Int64Type, "to_port": types.Int64Type, "protocol": types.StringType,
		"cidr_blocks": stringList, "ipv6_cidr_blocks": stringList, "prefix_list_ids": stringList,
		"security_groups": stringSet, "self": types.BoolType, "description": types.StringType,
	}}
}

func inlineSecurityGroupRulesAttribute(direction string) schema.SetAttribute {
	noun := map[string]string{"ingress": "inbound", "egress": "outbound"}[direction]
	return schema.SetAttribute{
		ElementType: sgRuleObjectType(),
		Optional:    true,
		Computed:    true,
		MarkdownDescription: fmt.Sprintf("The group's %s rules, written as `%s { ... }` blocks as in the AWS provider, each with `from_port`, `to_port`, `protocol` "+
			"(`tcp`, `udp`, `icmp`, `icmpv6`, `-1` for all, or a number) and the other ends: `cidr_blocks`, `ipv6_cidr_blocks`, `prefix_list_ids` (IDs of "+
			"customer-managed prefix lists or of AWS's own, such as a Gateway endpoint's `prefix_list_id`), `security_groups` (IDs of groups "+
			"of the same VPC) and `self`; `description` is optional. Leave `%s` out to leave those rules unmanaged; write `%s = []` to remove them all.",
			noun, direction, direction, direction),
		Validators: []validator.Set{sgRulesValidator{
			plainDescription: "each rule names at least one CIDR block, prefix list, group or self", direction: direction}},
		PlanModifiers: append(slices.Clone(keepSetState), equivalentObjects{
			plainDescription: "keeps the prior rules when the configured ones write the same blocks another way",
			cidrKeys:         []string{"cidr_blocks", "ipv6_cidr_blocks"},
		}),
	}
}

// sgRulesValidator refuses, from the configuration alone, a rule with no
// other end.
type sgRulesValidator struct {
	plainDescription
	direction string
}

func (v sgRulesValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	for _, rule := range knownElements[types.Object](req.ConfigValue) {
		if hasNoPeer(rule.Attributes()) {
			resp.Diagnostics.AddAttributeError(req.Path, "A rule needs another end",
				fmt.Sprintf("Each %s rule lets traffic through from or to somewhere: give it cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, security_groups or self = true.", v.direction))
		}
	}
}

// hasNoPeer reports whether a rule's configuration names no other end, all
// of its ends being known.
func hasNoPeer(attrs map[string]attr.Value) bool {
	for _, k := range []string{"cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups"} {
		switch v := attrs[k].(type) {
		case types.List:
			if v.IsUnknown() || len(v.Elements()) > 0 {
				return false
			}
		case types.Set:
			if v.IsUnknown() || len(v.Elements()) > 0 {
				return false
			}
		}
	}
	self, _ := attrs["self"].(types.Bool)
	return !self.IsUnknown() && !self.ValueBool()
}

// sgRules reads the rules of a set as the cloud takes them, one per other
// end; a group referring to itself is cloud.SelfReference. Values known only
// after apply become cloud.Unknown, and a rule whose list of ends is itself
// unknown is left out, so that the rest are still checked at plan.
func sgRules(set types.Set) []cloud.SecurityGroupRule {
	var rules []cloud.SecurityGroupRule
	for _, element := range set.Elements() {
		obj, ok := element.(types.Object)
		if !ok || obj.IsUnknown() {
			continue
		}
		a := obj.Attributes()
		base := cloud.SecurityGroupRule{
			IPProtocol: planned(stringAttr(a["protocol"])), FromPort: int(int64Attr(a["from_port"])), ToPort: int(int64Attr(a["to_port"])),
			Description: stringAttr(a["description"]).ValueString(),
		}
		if isUnknown(a["from_port"]) || isUnknown(a["to_port"]) {
			// An unknown port would read as 0; the protocol and ports are
			// checked together, at apply, while the rule still counts
			// towards the limit at plan.
			base.IPProtocol = cloud.Unknown
		}
		for _, end := range []struct {
			key  string
			set  func(r *cloud.SecurityGroupRule, v string)
			kind *cloud.Kind
		}{
			{"cidr_blocks", func(r *cloud.SecurityGroupRule, v string) { r.CIDRIPv4 = v }, nil},
			{"ipv6_cidr_blocks", func(r *cloud.SecurityGroupRule, v string) { r.CIDRIPv6 = v }, nil},
			{"prefix_list_ids", func(r *cloud.SecurityGroupRule, v string) { r.PrefixListID = v }, &cloud.KindPrefixList},
			{"security_groups", func(r *cloud.SecurityGroupRule, v string) { r.ReferencedGroupID = v }, &cloud.KindSecurityGroup},
		} {
			for _, s := range stringElements(a[end.key]) {
				r := base
				value := planned(s)
				if end.kind != nil {
					value = plannedID(s, *end.kind)
				}
				end.set(&r, value)
				rules = append(rules, r)
			}
		}
		if self, ok := a["self"].(types.Bool); ok && self.ValueBool() {
			r := base
			r.ReferencedGroupID = cloud.SelfReference
			rules = append(rules, r)
		}
	}
	return rules
}

func isUnknown(v attr.Value) bool { return v != nil && v.IsUnknown() }

func stringAttr(v attr.Value) types.String {
	s, _ := v.(types.String)
	return s
}

func int64Attr(v attr.Value) int64 {
	n, _ := v.(types.Int64)
	return n.ValueInt64()
}

// stringElements are the strings of a list or set attribute; none while it
// is unknown or null.
func stringElements(v attr.Value) []types.String {
	var elements []attr.Value
	switch c := v.(type) {
	case types.List:
		elements = c.Elements()
	case types.Set:
		elements = c.Elements()
	}
	out := make([]types.String, 0, len(elements))
	for _, e := range elements {
		if s, ok := e.(types.String); ok {
			out = append(out, s)
		}
	}
	return out
}

// sgRulesFromCloud makes a direction's attribute from the group's rules.
// When prior (the plan or the state) describes exactly the rules the cloud
// has, however it groups them and whatever protocol names it uses, prior is
// kept, so that the configuration's grouping never shows as a change; else
// rules that differ only in their other end are grouped into one object, as
// AWS's DescribeSecurityGroups groups them.
func sgRulesFromCloud(g cloud.SecurityGroup, egress bool, prior types.Set, diags *diag.Diagnostics) types.Set {
	var rules []cloud.SecurityGroupRule
	for _, r := range g.Rules {
		if r.Egress == egress {
			rules = append(rules, r)
		}
	}
	if !prior.IsNull() && !prior.IsUnknown() && sameRuleSet(sgRules(prior), rules, g.ID) {
		return prior
	}
	type key struct {
		proto       string
		from, to    int
		description string
	}
	type ends struct {
		v4, v6, lists, groups []string
		self                  bool
	}
	grouped := map[key]*ends{}
	var order []key
	for _, r := range rules {
		k := key{r.IPProtocol, r.FromPort, r.ToPort, r.Description}
		if grouped[k] == nil {
			grouped[k] = &ends{}
			order = append(order, k)
		}
		e := grouped[k]
		switch {
		case r.CIDRIPv4 != "":
			e.v4 = append(e.v4, r.CIDRIPv4)
		case r.CIDRIPv6 != "":
			e.v6 = append(e.v6, r.CIDRIPv6)
		case r.PrefixListID != "":
			e.lists = append(e.lists, r.PrefixListID)
		case r.ReferencedGroupID == g.ID:
			e.self = true
		default:
			e.groups = append(e.groups, r.ReferencedGroupID)
		}
	}
	objectType := sgRuleObjectType()
	elements := make([]attr.Value, 0, len(order))
	for _, k := range order {
		e := grouped[k]
		from, to := k.from, k.to
		if k.proto == cloud.AllProtocols {
			// The AWS provider writes a rule for every protocol with ports 0.
			from, to = 0, 0
		}
		obj, ds := types.ObjectValue(objectType.AttrTypes, map[string]attr.Value{
			"from_port": types.Int64Value(int64(from)), "to_port": types.Int64Value(int64(to)), "protocol": types.StringValue(k.proto),
			"cidr_blocks": stringsValue(stringList, e.v4, diags), "ipv6_cidr_blocks": stringsValue(stringList, e.v6, diags),
			"prefix_list_ids": stringsValue(stringList, e.lists, diags), "security_groups": stringsValue(stringSet, e.groups, diags),
			"self": nullIfZero(types.BoolValue(e.self), !e.self), "description": nullIfZero(types.StringValue(k.description), k.description == ""),
		})
		diags.Append(ds...)
		elements = append(elements, obj)
	}
	set, ds := types.SetValue(objectType, elements)
	diags.Append(ds...)
	return set
}

// nullIfZero is null in place of an empty value: what a block that leaves
// the argument out holds, so that an imported group's rules match the blocks
// that configure them.
func nullIfZero[V attr.Value](v V, zero bool) attr.Value {
	if !zero {
		return v
	}
	switch any(v).(type) {
	case types.Bool:
		return types.BoolNull()
	default:
		return types.StringNull()
	}
}

// stringsValue is a list or set attribute of a rule, null when empty as
// nullIfZero's values are.
func stringsValue(t attr.Type, values []string, diags *diag.Diagnostics) attr.Value {
	if len(values) == 0 {
		if _, isSet := t.(types.SetType); isSet {
			return types.SetNull(types.StringType)
		}
		return types.ListNull(types.StringType)
	}
	elements := make([]attr.Value, len(values))
	for i, v := range values {
		elements[i] = types.StringValue(v)
	}
	if _, isSet := t.(types.SetType); isSet {
		s, ds := types.SetValue(types.StringType, elements)
		diags.Append(ds...)
		return s
	}
	l, ds := types.ListValue(types.StringType, elements)
	diags.Append(ds...)
	return l
}

// sameRuleSet reports whether wanted, read from the configuration, are
// exactly the stored rules of group groupID.
func sameRuleSet(wanted, stored []cloud.SecurityGroupRule, groupID string) bool {
	canon := func(r cloud.SecurityGroupRule) string {
		if r.ReferencedGroupID == cloud.SelfReference {
			r.ReferencedGroupID = groupID
		}
		n, err := cloud.NormalizeSecurityGroupRule(r, "")
		if err != nil {
			return "invalid"
		}
		n.ID, n.GroupID, n.Egress, n.ManagedBy = "", "", false, ""
		return fmt.Sprintf("%+v", n)
	}
	a, b := make([]string, len(wanted)), make([]string, len(stored))
	for i, r := range wanted {
		a[i] = canon(r)
	}
	for i, r := range stored {
		b[i] = canon(r)
	}
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

// configuredRules reads whether the configuration sets `ingress` and
// `egress`: a direction is managed only when it does.
func configuredRules(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (ingress, egress types.Set) {
	return configuredValue[types.Set](ctx, config, "ingress", diags), configuredValue[types.Set](ctx, config, "egress", diags)
}
