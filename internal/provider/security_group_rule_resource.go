package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// simcloud_security_group_rule is the AWS provider's older rule resource:
// one resource may stand for several rules of the cloud, one per CIDR
// block, and everything but its description replaces it.

type securityGroupRuleModel struct {
	objectID
	Type                  types.String `tfsdk:"type"`
	SecurityGroupID       types.String `tfsdk:"security_group_id"`
	FromPort              types.Int64  `tfsdk:"from_port"`
	ToPort                types.Int64  `tfsdk:"to_port"`
	Protocol              types.String `tfsdk:"protocol"`
	CIDRBlocks            types.List   `tfsdk:"cidr_blocks"`
	IPv6CIDRBlocks        types.List   `tfsdk:"ipv6_cidr_blocks"`
	PrefixListIDs         types.List   `tfsdk:"prefix_list_ids"`
	SourceSecurityGroupID types.String `tfsdk:"source_security_group_id"`
	Self                  types.Bool   `tfsdk:"self"`
	Description           types.String `tfsdk:"description"`
	SecurityGroupRuleID   types.String `tfsdk:"security_group_rule_id"`
}

// matchedRules are the rules of the cloud that a simcloud_security_group_rule
// stands for.
type matchedRules struct {
	egress bool
	rules  []cloud.SecurityGroupRule
}

func (m *securityGroupRuleModel) egress() bool { return m.Type.ValueString() == "egress" }

// input is the rules the model asks for, one per other end, as the cloud's
// checks take them.
func (m *securityGroupRuleModel) input(own ...string) cloud.SecurityGroupRulesInput {
	groupID := plannedID(m.SecurityGroupID, cloud.KindSecurityGroup)
	base := cloud.SecurityGroupRule{IPProtocol: planned(m.Protocol), FromPort: int(m.FromPort.ValueInt64()), ToPort: int(m.ToPort.ValueInt64()),
		Description: m.Description.ValueString()}
	if m.FromPort.IsUnknown() || m.ToPort.IsUnknown() {
		base.IPProtocol = cloud.Unknown
	}
	var rules []cloud.SecurityGroupRule
	add := func(set func(r *cloud.SecurityGroupRule)) {
		r := base
		set(&r)
		rules = append(rules, r)
	}
	for _, s := range stringElements(m.CIDRBlocks) {
		add(func(r *cloud.SecurityGroupRule) { r.CIDRIPv4 = planned(s) })
	}
	for _, s := range stringElements(m.IPv6CIDRBlocks) {
		add(func(r *cloud.SecurityGroupRule) { r.CIDRIPv6 = planned(s) })
	}
	for _, s := range stringElements(m.PrefixListIDs) {
		add(func(r *cloud.SecurityGroupRule) { r.PrefixListID = plannedID(s, cloud.KindPrefixList) })
	}
	if v := m.SourceSecurityGroupID; !v.IsNull() && v.ValueString() != "" {
		add(func(r *cloud.SecurityGroupRule) { r.ReferencedGroupID = plannedID(v, cloud.KindSecurityGroup) })
	}
	if m.Self.ValueBool() {
		add(func(r *cloud.SecurityGroupRule) { r.ReferencedGroupID = groupID })
	}
	return cloud.SecurityGroupRulesInput{GroupID: groupID, Egress: m.egress(), Rules: rules, Own: own}
}

// matched reads the rules of the cloud that the model stands for.
func (m *securityGroupRuleModel) matched(ctx context.Context, c *cloud.Client) (matchedRules, error) {
	in := m.input()
	found, err := c.MatchingSecurityGroupRules(ctx, in.GroupID, withDirection(in.Rules, in.Egress))
	if err == nil && len(found) == 0 {
		err = errGone
	}
	return matchedRules{egress: in.Egress, rules: found}, err
}

func withDirection(rules []cloud.SecurityGroupRule, egress bool) []cloud.SecurityGroupRule {
	out := make([]cloud.SecurityGroupRule, len(rules))
	for i, r := range rules {
		r.Egress = egress
		out[i] = r
	}
	return out
}

func ruleIDs(rules []cloud.SecurityGroupRule) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

// fill keeps the model's arguments, but for the CIDR blocks and prefix
// lists whose rules are gone from the cloud, so that Terraform plans to put
// them back.
func (m *securityGroupRuleModel) fill(found matchedRules, diags *diag.Diagnostics) {
	var v4, v6, lists []string
	for _, r := range found.rules {
		switch {
		case r.CIDRIPv4 != "":
			v4 = append(v4, r.CIDRIPv4)
		case r.CIDRIPv6 != "":
			v6 = append(v6, r.CIDRIPv6)
		case r.PrefixListID != "":
			lists = append(lists, r.PrefixListID)
		}
	}
	if m.PrefixListIDs.IsUnknown() {
		m.PrefixListIDs = types.ListNull(types.StringType)
	}
	keep := func(prior types.List, found []string) types.List {
		if len(found) == len(stringElements(prior)) {
			return prior
		}
		list, _ := stringsValue(stringList, found, diags).(types.List)
		return list
	}
	m.CIDRBlocks, m.IPv6CIDRBlocks, m.PrefixListIDs = keep(m.CIDRBlocks, v4), keep(m.IPv6CIDRBlocks, v6), keep(m.PrefixListIDs, lists)
	m.SecurityGroupID = types.StringValue(found.rules[0].GroupID)
	m.Type = types.StringValue(map[bool]string{false: "ingress", true: "egress"}[found.egress])
	m.ID = types.StringValue(cloud.SecurityGroupRuleResourceID(found.rules[0].GroupID, found.egress, found.rules))
	m.SecurityGroupRuleID = types.StringValue("")
	if len(found.rules) == 1 {
		m.SecurityGroupRuleID = types.StringValue(found.rules[0].ID)
	}
	m.Description = nullIfEmpty(found.rules[0].Description, m.Description)
	if m.SourceSecurityGroupID.IsUnknown() {
		m.SourceSecurityGroupID = types.StringNull()
	}
}

// legacyRuleArguments refuses, from the configuration alone, other ends the
// AWS provider refuses together.
type legacyRuleArguments struct{ plainDescription }

func (legacyRuleArguments) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if err := configuredRuleArguments(ctx, req.Config, &resp.Diagnostics).checkArguments(false); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}

// configuredRuleArguments reads the rule's other ends from its
// configuration, where one left out is null (the plan has the computed
// ones unknown).
func configuredRuleArguments(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) *securityGroupRuleModel {
	var m securityGroupRuleModel
	for name, v := range map[string]any{"cidr_blocks": &m.CIDRBlocks, "ipv6_cidr_blocks": &m.IPv6CIDRBlocks, "prefix_list_ids": &m.PrefixListIDs,
		"source_security_group_id": &m.SourceSecurityGroupID, "self": &m.Self} {
		diags.Append(config.GetAttribute(ctx, path.Root(name), v)...)
	}
	return &m
}

// checkArguments checks which other ends the rule sets. An argument not
// known yet counts as set at plan, where a value known only after apply
// is still given; at validate it may yet be null (lookup(each.value, ...,
// null) in a for_each, as terraform-aws-modules/vpc writes), so it counts
// as neither set nor missing, and the plan decides.
func (m *securityGroupRuleModel) checkArguments(atPlan bool) error {
	set, unknown := map[string]bool{}, false
	for name, l := range map[string]types.List{"cidr_blocks": m.CIDRBlocks, "ipv6_cidr_blocks": m.IPv6CIDRBlocks, "prefix_list_ids": m.PrefixListIDs} {
		set[name], unknown = len(l.Elements()) > 0 || atPlan && l.IsUnknown(), unknown || l.IsUnknown()
	}
	set["source_security_group_id"] = !m.SourceSecurityGroupID.IsNull() && (atPlan || !m.SourceSecurityGroupID.IsUnknown())
	set["self"] = m.Self.ValueBool() || atPlan && m.Self.IsUnknown()
	unknown = unknown || m.SourceSecurityGroupID.IsUnknown() || m.Self.IsUnknown()
	err := cloud.CheckSecurityGroupRuleResourceArguments(set)
	if cloud.ErrorCode(err) == "MissingParameter" && unknown && !atPlan {
		return nil
	}
	return err
}

func replacingList(description string, validators ...validator.List) schema.ListAttribute {
	return schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: description, Validators: validators,
		PlanModifiers: append([]planmodifier.List{keepEquivalentCIDRList}, replaceListOnChange...)}
}

var securityGroupRuleKind = resourceKind[securityGroupRuleModel, matchedRules]{
	typeName: "_security_group_rule",
	kind:     cloud.KindSecurityGroup,
	schema: schema.Schema{
		MarkdownDescription: "Rules of a security group, with the arguments and attributes of `aws_security_group_rule`: traffic of one protocol and port range " +
			"from (or to) CIDR blocks, prefix lists, another group or the group itself. Each CIDR block and prefix list is one rule of the cloud.",
		Attributes: map[string]schema.Attribute{
			"id":                computedID("`sgrule-` and a hash of the group, direction and rules, as the AWS provider makes it."),
			"type":              requiredReplacing("`ingress` (inbound) or `egress` (outbound). Changing it replaces the rules.", cloudCheck(cloud.ValidateSecurityGroupRuleType)),
			"security_group_id": replacingReference(cloud.KindSecurityGroup, "The group the rules belong to. Changing it replaces the rules."),
			"from_port": schema.Int64Attribute{Required: true, PlanModifiers: replaceInt64OnChange,
				MarkdownDescription: "The start of the port range (for ICMP, the type; `-1` for any). `0` with `protocol = \"-1\"`."},
			"to_port": schema.Int64Attribute{Required: true, PlanModifiers: replaceInt64OnChange,
				MarkdownDescription: "The end of the port range (for ICMP, the code; `-1` for any). `0` with `protocol = \"-1\"`."},
			"protocol": schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{protocolChangeReplaces},
				MarkdownDescription: "`tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` (or `all`) for every protocol. Changing it replaces the rules."},
			"cidr_blocks":      replacingList("IPv4 blocks, one rule each. Conflicts with `source_security_group_id` and `self`."),
			"ipv6_cidr_blocks": replacingList("IPv6 blocks, one rule each. Conflicts with `source_security_group_id` and `self`."),
			"prefix_list_ids": replacingList("Prefix list IDs (`pl-`), one rule each: customer-managed lists (`simcloud_ec2_managed_prefix_list`) or AWS's own "+
				"(a Gateway `simcloud_vpc_endpoint`'s `prefix_list_id`, or the `simcloud_prefix_list` data source). They go with any other end. "+
				"Changing them replaces the rules.", cloudListCheck(func(id string) error { return cloud.ValidateID(cloud.KindPrefixList, id, "") })),
			"source_security_group_id": schema.StringAttribute{Optional: true, Computed: true,
				PlanModifiers:       replaceOnChangeKeepState,
				Validators:          []validator.String{idCheck(cloud.KindSecurityGroup)},
				MarkdownDescription: "Another group of the same VPC, traffic from (or to) what is placed in it. Conflicts with `cidr_blocks`, `ipv6_cidr_blocks` and `self`."},
			"self":                   optionalReplacingBool("The group itself is the other end. Default `false`. Changing it replaces the rules."),
			"description":            optionalArgument("A description of the rules, changed in place."),
			"security_group_rule_id": computedID("The ID (`sgr-`) of the cloud's rule, when the resource stands for exactly one; else empty."),
		},
	},
	createOp: "AuthorizeSecurityGroupIngress", describeOp: "DescribeSecurityGroupRules", updateOp: "UpdateSecurityGroupRuleDescriptions", deleteOp: "RevokeSecurityGroupRules",
	errorFields: map[string]string{"security_group_id": "security_group_id", "ingress": "protocol", "egress": "protocol", "id": "id",
		"prefix_list_id": "prefix_list_ids"},
	create: func(d *providerData, ctx context.Context, a applyStep[securityGroupRuleModel]) (matchedRules, error) {
		in := a.plan.input()
		rules, err := d.client.PutSecurityGroupRules(ctx, in)
		found := matchedRules{egress: in.Egress}
		for _, r := range rules {
			found.rules = append(found.rules, r.SecurityGroupRule)
		}
		return found, err
	},
	read: func(c *cloud.Client, ctx context.Context, state *securityGroupRuleModel) (matchedRules, error) {
		return state.matched(ctx, c)
	},
	update: func(d *providerData, ctx context.Context, a applyStep[securityGroupRuleModel]) (matchedRules, error) {
		// Only the description changes: the rules keep their IDs.
		found, err := a.plan.matched(ctx, d.client)
		if err != nil {
			return found, err
		}
		in := a.plan.input(ruleIDs(found.rules)...)
		in.Rules = withDirection(found.rules, in.Egress)
		for i := range in.Rules {
			in.Rules[i].Description = a.plan.Description.ValueString()
		}
		rules, err := d.client.PutSecurityGroupRules(ctx, in)
		found.rules = nil
		for _, r := range rules {
			found.rules = append(found.rules, r.SecurityGroupRule)
		}
		return found, err
	},
	remove: func(c *cloud.Client, ctx context.Context, state *securityGroupRuleModel) error {
		found, err := state.matched(ctx, c)
		if errors.Is(err, errGone) {
			// Revoked already: nothing is left to revoke.
			return nil
		}
		if err != nil {
			return err
		}
		return c.RevokeSecurityGroupRules(ctx, state.SecurityGroupID.ValueString(), ruleIDs(found.rules))
	},
	check: func(ctx context.Context, d *providerData, p planStep[securityGroupRuleModel]) error {
		if err := configuredRuleArguments(ctx, p.config, p.diags).checkArguments(true); err != nil {
			return err
		}
		in := p.plan.input()
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			if found, err := state.matched(ctx, d.client); err == nil {
				in.Own = ruleIDs(found.rules)
			}
			change = changeOf(false, p.plan.Description.Equal(state.Description))
			if !sameInputs(state.input(), in) {
				change = replaced
			}
		}
		key := strings.Join([]string{"simcloud_security_group_rule", in.GroupID, p.plan.Type.ValueString(), fmt.Sprint(in.Rules)}, "|")
		description := fmt.Sprintf("the simcloud_security_group_rule planned in this configuration for %s (%s)", in.GroupID, p.plan.Type.ValueString())
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, _ string) error {
			return d.client.CheckSecurityGroupRules(ctx, d.plan, holder, in)
		})
	},
	fillReporting:    (*securityGroupRuleModel).fill,
	configValidators: []resource.ConfigValidator{legacyRuleArguments{"the rule names its other ends as the simulated cloud accepts"}},
	// Imported by the AWS provider's form, GROUP_TYPE_PROTOCOL_FROM_TO_SOURCES.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		in, err := cloud.ParseSecurityGroupRuleImportID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"security_group_id": in.GroupID, "protocol": in.Protocol,
			"type": map[bool]string{false: "ingress", true: "egress"}[in.Egress], "id": req.ID})
		if err != nil {
			return
		}
		set := func(name string, v attr.Value) {
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
		}
		set("from_port", types.Int64Value(int64(in.FromPort)))
		set("to_port", types.Int64Value(int64(in.ToPort)))
		set("self", types.BoolValue(in.Self))
		set("cidr_blocks", stringsValue(stringList, in.CIDRIPv4, &resp.Diagnostics))
		set("ipv6_cidr_blocks", stringsValue(stringList, in.CIDRIPv6, &resp.Diagnostics))
		set("prefix_list_ids", stringsValue(stringList, in.PrefixListIDs, &resp.Diagnostics))
		set("source_security_group_id", nullIfEmpty(in.SourceGroupID, types.StringNull()))
	},
}

// sameInputs reports whether two inputs ask for the same rules, whatever
// their descriptions and spelling.
func sameInputs(a, b cloud.SecurityGroupRulesInput) bool {
	if a.GroupID != b.GroupID || a.Egress != b.Egress || len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Rules {
		if !cloud.SameTraffic(a.Rules[i], b.Rules[i]) {
			return false
		}
	}
	return true
}
