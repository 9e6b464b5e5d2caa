package provider

import (
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// simcloud_vpc_security_group_ingress_rule and _egress_rule are one rule of
// a group each, as the AWS provider's newer rule resources are; they differ
// only in direction, so both are made here.

type vpcSecurityGroupRuleModel struct {
	taggedObject
	ARN                       types.String `tfsdk:"arn"`
	SecurityGroupRuleID       types.String `tfsdk:"security_group_rule_id"`
	SecurityGroupID           types.String `tfsdk:"security_group_id"`
	CIDRIPv4                  types.String `tfsdk:"cidr_ipv4"`
	CIDRIPv6                  types.String `tfsdk:"cidr_ipv6"`
	PrefixListID              types.String `tfsdk:"prefix_list_id"`
	ReferencedSecurityGroupID types.String `tfsdk:"referenced_security_group_id"`
	IPProtocol                types.String `tfsdk:"ip_protocol"`
	FromPort                  types.Int64  `tfsdk:"from_port"`
	ToPort                    types.Int64  `tfsdk:"to_port"`
	Description               types.String `tfsdk:"description"`
}

// rule is the rule the model asks for, as the cloud's checks take it: ports
// left out are -1, and a protocol or port known only after apply makes the
// protocol unknown, so that they are checked together at apply.
func (m *vpcSecurityGroupRuleModel) rule() cloud.SecurityGroupRule {
	port := func(v types.Int64) int {
		if v.IsNull() {
			return -1
		}
		return int(v.ValueInt64())
	}
	r := cloud.SecurityGroupRule{
		IPProtocol: planned(m.IPProtocol), FromPort: port(m.FromPort), ToPort: port(m.ToPort),
		CIDRIPv4: planned(m.CIDRIPv4), CIDRIPv6: planned(m.CIDRIPv6),
		ReferencedGroupID: plannedID(m.ReferencedSecurityGroupID, cloud.KindSecurityGroup), PrefixListID: plannedID(m.PrefixListID, cloud.KindPrefixList),
		Description: m.Description.ValueString(),
	}
	if m.ReferencedSecurityGroupID.IsNull() {
		r.ReferencedGroupID = ""
	}
	if m.PrefixListID.IsNull() {
		r.PrefixListID = ""
	}
	if m.FromPort.IsUnknown() || m.ToPort.IsUnknown() {
		r.IPProtocol = cloud.Unknown
	}
	return r
}

// source is the argument that names the rule's other end: changing which
// one does replaces the rule, as in the AWS provider.
func (m *vpcSecurityGroupRuleModel) source() string {
	for name, v := range map[string]types.String{"cidr_ipv4": m.CIDRIPv4, "cidr_ipv6": m.CIDRIPv6, "prefix_list_id": m.PrefixListID,
		"referenced_security_group_id": m.ReferencedSecurityGroupID} {
		if !v.IsNull() {
			return name
		}
	}
	return ""
}

func (m *vpcSecurityGroupRuleModel) input(egress bool, tags map[string]string, own ...string) cloud.SecurityGroupRulesInput {
	return cloud.SecurityGroupRulesInput{GroupID: plannedID(m.SecurityGroupID, cloud.KindSecurityGroup), Egress: egress,
		Rules: []cloud.SecurityGroupRule{m.rule()}, Tags: tags, Own: own}
}

// fill reads a rule from the cloud, keeping the configuration's spelling of
// the protocol and ports where they mean the same ("6" for tcp, no ports for
// every protocol).
func (m *vpcSecurityGroupRuleModel) fill(r cloud.TaggedSecurityGroupRule) {
	m.ID, m.SecurityGroupRuleID, m.ARN = types.StringValue(r.ID), types.StringValue(r.ID), types.StringValue(r.ARN)
	m.SecurityGroupID = types.StringValue(r.GroupID)
	want := m.rule()
	want.GroupID, want.Egress = r.GroupID, r.Egress
	if !m.IPProtocol.IsNull() && cloud.SameTraffic(want, r.SecurityGroupRule) {
		m.Description = nullIfEmpty(r.Description, m.Description)
		return
	}
	m.IPProtocol = types.StringValue(r.IPProtocol)
	m.FromPort, m.ToPort = portValue(r.FromPort, m.FromPort), portValue(r.ToPort, m.ToPort)
	m.CIDRIPv4, m.CIDRIPv6 = nullIfEmpty(cidrSpelling(m.CIDRIPv4, r.CIDRIPv4), m.CIDRIPv4), nullIfEmpty(cidrSpelling(m.CIDRIPv6, r.CIDRIPv6), m.CIDRIPv6)
	m.ReferencedSecurityGroupID = nullIfEmpty(r.ReferencedGroupID, m.ReferencedSecurityGroupID)
	m.PrefixListID = nullIfEmpty(r.PrefixListID, m.PrefixListID)
	m.Description = nullIfEmpty(r.Description, m.Description)
}

// nullIfEmpty is a string read from the cloud: null when empty, unless the
// prior value was an empty string.
func nullIfEmpty(s string, prior types.String) types.String {
	if s == "" && (prior.IsNull() || prior.IsUnknown()) {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// portValue is a port read from the cloud: -1 (no port) stays null when
// the prior value was, as the AWS provider reads it.
func portValue(port int, prior types.Int64) types.Int64 {
	if port == -1 && (prior.IsNull() || prior.IsUnknown()) {
		return types.Int64Null()
	}
	return types.Int64Value(int64(port))
}

// sourceChangeReplaces replaces the rule when the argument naming its other
// end changes, as ModifySecurityGroupRules cannot change the kind of it.
var sourceChangeReplaces = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !req.State.Raw.IsNull() && req.StateValue.IsNull() != req.PlanValue.IsNull()
	}, "Changing which argument names the other end replaces the rule.", "Changing which argument names the other end replaces the rule.")

// protocolChangeReplaces replaces a rule whose protocol changes, but not
// when the configuration names the state's protocol otherwise ("6" and
// "tcp", "all" and "-1"), as after an import, which reads AWS's name: the
// plan then changes the spelling in place.
var protocolChangeReplaces = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		a, errA := cloud.NormalizeSecurityGroupRule(cloud.SecurityGroupRule{IPProtocol: req.PlanValue.ValueString()}, "")
		b, errB := cloud.NormalizeSecurityGroupRule(cloud.SecurityGroupRule{IPProtocol: req.StateValue.ValueString()}, "")
		resp.RequiresReplace = errA != nil || errB != nil || a.IPProtocol != b.IPProtocol
	}, "Changing the protocol replaces the rules.", "Changing the protocol replaces the rules.")

func cidrArgument(description string, parse func(s, awsName, field string) (netip.Prefix, error), awsName, field string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description, PlanModifiers: []planmodifier.String{keepEquivalentCIDR, sourceChangeReplaces},
		Validators: []validator.String{cloudCheck(func(s string) error { _, err := parse(s, awsName, field); return err })}}
}

func vpcSecurityGroupRuleKind(egress bool) resourceKind[vpcSecurityGroupRuleModel, cloud.TaggedSecurityGroupRule] {
	direction, noun, peer, op := "ingress", "inbound", "from", "AuthorizeSecurityGroupIngress"
	if egress {
		direction, noun, peer, op = "egress", "outbound", "to", "AuthorizeSecurityGroupEgress"
	}
	typeName := "simcloud_vpc_security_group_" + direction + "_rule"
	port := func(which string) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true,
			MarkdownDescription: fmt.Sprintf("The %s port of the range (for ICMP, the %s). Left out for `ip_protocol = \"-1\"` and protocols without ports.",
				which, map[string]string{"start": "type", "end": "code"}[which])}
	}
	return resourceKind[vpcSecurityGroupRuleModel, cloud.TaggedSecurityGroupRule]{
		typeName: strings.TrimPrefix(typeName, "simcloud"),
		kind:     cloud.KindSecurityGroupRule,
		schema: schema.Schema{
			MarkdownDescription: fmt.Sprintf("One %s rule of a security group, with the arguments and attributes of `aws_vpc_security_group_%s_rule`: "+
				"traffic %s one CIDR block, prefix list or group.", noun, direction, peer),
			Attributes: map[string]schema.Attribute{
				"id":                     computedID("The rule's ID, `sgr-` followed by 17 hexadecimal digits."),
				"security_group_rule_id": computedID("The rule's ID, as `id`."),
				"arn":                    computedID("The rule's ARN."),
				"security_group_id":      replacingReference(cloud.KindSecurityGroup, "The group the rule belongs to. Changing it replaces the rule."),
				"cidr_ipv4": cidrArgument(fmt.Sprintf("The IPv4 block traffic comes %s. Exactly one of `cidr_ipv4`, `cidr_ipv6`, `prefix_list_id` and `referenced_security_group_id` is required.", peer),
					cloud.ParseIPv4Network, "cidrIpv4", "cidr_ipv4"),
				"cidr_ipv6": cidrArgument(fmt.Sprintf("The IPv6 block traffic comes %s.", peer), cloud.ParseIPv6Network, "cidrIpv6", "cidr_ipv6"),
				"prefix_list_id": schema.StringAttribute{Optional: true, PlanModifiers: []planmodifier.String{sourceChangeReplaces},
					Validators: []validator.String{idCheck(cloud.KindPrefixList)},
					MarkdownDescription: fmt.Sprintf("A prefix list whose blocks traffic comes %s: a customer-managed list (`simcloud_ec2_managed_prefix_list`) or one of AWS's "+
						"(a Gateway `simcloud_vpc_endpoint`'s `prefix_list_id`, or the `simcloud_prefix_list` data source).", peer)},
				"referenced_security_group_id": schema.StringAttribute{Optional: true, PlanModifiers: []planmodifier.String{sourceChangeReplaces},
					Validators:          []validator.String{idCheck(cloud.KindSecurityGroup)},
					MarkdownDescription: "A group of the same VPC (or the rule's own group): traffic " + peer + " what is placed in it."},
				"ip_protocol": requiredArgument("`tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for every protocol (and port)."),
				"from_port":   port("start"),
				"to_port":     port("end"),
				"description": optionalArgument("A description of the rule, at most 255 characters."),
				"tags":        tagsAttribute(),
				"tags_all":    tagsAllAttribute(),
			},
		},
		createOp: op, describeOp: "DescribeSecurityGroupRules", updateOp: "ModifySecurityGroupRules", deleteOp: "RevokeSecurityGroup" + strings.ToUpper(direction[:1]) + direction[1:],
		errorFields: map[string]string{"security_group_id": "security_group_id", direction: "ip_protocol", "tags_all": "tags_all", "id": "id",
			"cidr_ipv4": "cidr_ipv4", "cidr_ipv6": "cidr_ipv6", "prefix_list_id": "prefix_list_id", "referenced_security_group_id": "referenced_security_group_id"},
		configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckSecurityGroupRuleArguments,
			"cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id")},
		create: func(d *providerData, ctx context.Context, a applyStep[vpcSecurityGroupRuleModel]) (cloud.TaggedSecurityGroupRule, error) {
			return putOneRule(ctx, d, a.plan.input(egress, a.tags))
		},
		get: (*cloud.Client).SecurityGroupRule,
		update: func(d *providerData, ctx context.Context, a applyStep[vpcSecurityGroupRuleModel]) (cloud.TaggedSecurityGroupRule, error) {
			return putOneRule(ctx, d, a.plan.input(egress, a.tags, a.plan.ID.ValueString()))
		},
		remove: func(c *cloud.Client, ctx context.Context, state *vpcSecurityGroupRuleModel) error {
			return c.RevokeSecurityGroupRules(ctx, state.SecurityGroupID.ValueString(), []string{state.ID.ValueString()})
		},
		check: func(ctx context.Context, d *providerData, p planStep[vpcSecurityGroupRuleModel]) error {
			in := p.plan.input(egress, p.tags)
			stateID, change := "", unchanged
			if state := p.state; state != nil {
				stateID = state.ID.ValueString()
				in.Own = []string{stateID}
				replacing := !p.plan.SecurityGroupID.Equal(state.SecurityGroupID) || p.plan.source() != state.source()
				change = changeOf(replacing, cloud.SameTraffic(state.rule(), in.Rules[0]) &&
					p.plan.Description.Equal(state.Description) && p.plan.TagsAll.Equal(state.TagsAll))
			}
			r := in.Rules[0]
			key := strings.Join([]string{typeName, in.GroupID, r.IPProtocol, r.CIDRIPv4, r.CIDRIPv6, r.PrefixListID, r.ReferencedGroupID,
				fmt.Sprint(r.FromPort, r.ToPort)}, "|")
			description := fmt.Sprintf("the %s planned in this configuration for %s %s", typeName, in.GroupID, peerOf(r))
			return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, _ string) error {
				return d.client.CheckSecurityGroupRules(ctx, d.plan, holder, in)
			})
		},
		fill:   (*vpcSecurityGroupRuleModel).fill,
		tagsOf: func(r cloud.TaggedSecurityGroupRule) map[string]string { return r.Tags },
	}
}

// peerOf names a planned rule's other end and protocol for people.
func peerOf(r cloud.SecurityGroupRule) string {
	return fmt.Sprintf("(%s%s%s%s, %s)", r.CIDRIPv4, r.CIDRIPv6, r.PrefixListID, r.ReferencedGroupID, r.IPProtocol)
}

func putOneRule(ctx context.Context, d *providerData, in cloud.SecurityGroupRulesInput) (cloud.TaggedSecurityGroupRule, error) {
	rules, err := d.client.PutSecurityGroupRules(ctx, in)
	if err != nil {
		return cloud.TaggedSecurityGroupRule{}, err
	}
	return rules[0], nil
}

var vpcSecurityGroupIngressRuleKind = vpcSecurityGroupRuleKind(false)
