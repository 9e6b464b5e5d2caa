package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkACLRuleModel struct {
	objectID
	NetworkACLID types.String `tfsdk:"network_acl_id"`
	RuleNumber   types.Int64  `tfsdk:"rule_number"`
	Egress       types.Bool   `tfsdk:"egress"`
	RuleAction   types.String `tfsdk:"rule_action"`
	aclRuleMatch
}

// aclRuleMatch is the traffic a rule matches, under the same names in
// simcloud_network_acl_rule and in an element of aclEntryType.
type aclRuleMatch struct {
	Protocol      types.String `tfsdk:"protocol"`
	CIDRBlock     types.String `tfsdk:"cidr_block"`
	IPv6CIDRBlock types.String `tfsdk:"ipv6_cidr_block"`
	FromPort      types.Int64  `tfsdk:"from_port"`
	ToPort        types.Int64  `tfsdk:"to_port"`
	ICMPType      types.Int64  `tfsdk:"icmp_type"`
	ICMPCode      types.Int64  `tfsdk:"icmp_code"`
}

// aclEntryFields are the values of an element of aclEntryType.
type aclEntryFields struct {
	RuleNo types.Int64  `tfsdk:"rule_no"`
	Action types.String `tfsdk:"action"`
	aclRuleMatch
}

// entry is the rule as one element of simcloud_network_acl's ingress or
// egress, so that reading it from the plan and from the cloud is done once
// for both resources.
func (m *networkACLRuleModel) entry(diags *diag.Diagnostics) types.Object {
	obj, ds := types.ObjectValueFrom(context.Background(), aclEntryType.AttrTypes,
		aclEntryFields{RuleNo: m.RuleNumber, Action: m.RuleAction, aclRuleMatch: m.aclRuleMatch})
	diags.Append(ds...)
	return obj
}

func (m *networkACLRuleModel) spec(diags *diag.Diagnostics) cloud.NetworkACLEntrySpec {
	spec, _ := aclEntrySpec(m.entry(diags), m.Egress.ValueBool())
	return spec
}

func (m *networkACLRuleModel) key() cloud.NetworkACLEntryKey {
	return cloud.NetworkACLEntryKey{NetworkACLID: m.NetworkACLID.ValueString(), Egress: m.Egress.ValueBool(), RuleNumber: int(m.RuleNumber.ValueInt64())}
}

// Every argument replaces the rule, as with aws_network_acl_rule.
var networkACLRuleKind = resourceKind[networkACLRuleModel, cloud.NetworkACLEntry]{
	typeName: "_network_acl_rule",
	schema: schema.Schema{
		MarkdownDescription: "One rule of a network ACL, with the arguments and attributes of `aws_network_acl_rule`. Do not use it for an ACL whose " +
			"rules its `simcloud_network_acl` (or `simcloud_default_network_acl`) sets with `ingress` or `egress`: such a plan is refused.",
		Attributes: map[string]schema.Attribute{
			"id":              computedID("The rule's ID, `nacl-` followed by a checksum of the ACL, number, direction and protocol, as the AWS provider makes it."),
			"network_acl_id":  replacingReference(cloud.KindNetworkACL, "The ACL to add the rule to."),
			"rule_number":     replacingInt(true, "The rule's number, 1 to 32766, unique in its direction of the ACL; rules are evaluated from the lowest."),
			"egress":          optionalReplacingBool("Whether the rule is outbound (`true`) or inbound (`false`, the default)."),
			"protocol":        requiredReplacing("The protocol: a number, `-1` or `all`, or `tcp`, `udp`, `icmp`, `ipv6-icmp`. An import keeps the spelling of the import ID."),
			"rule_action":     requiredReplacing("`allow` or `deny`."),
			"cidr_block":      optionalReplacing("The IPv4 network the rule matches. Exactly one of `cidr_block` and `ipv6_cidr_block` is given."),
			"ipv6_cidr_block": optionalReplacing("The IPv6 network the rule matches."),
			"from_port":       replacingInt(false, "The first port of the range, for TCP and UDP."),
			"to_port":         replacingInt(false, "The last port of the range, for TCP and UDP."),
			"icmp_type":       replacingInt(false, "For ICMP, the type, -1 for all; 0 when left out."),
			"icmp_code":       replacingInt(false, "For ICMP, the code, -1 for all; 0 when left out."),
		},
	},
	createOp:    "CreateNetworkAclEntry",
	describeOp:  "DescribeNetworkAcls",
	deleteOp:    "DeleteNetworkAclEntry",
	errorFields: map[string]string{"network_acl_id": "network_acl_id", "rule_number": "rule_number", "rule_action": "rule_action", "protocol": "protocol", "from_port": "from_port", "icmp_type": "icmp_type", "cidr_block": "cidr_block", "ipv6_cidr_block": "ipv6_cidr_block"},
	create: func(d *providerData, ctx context.Context, a applyStep[networkACLRuleModel]) (cloud.NetworkACLEntry, error) {
		return d.client.CreateNetworkACLEntry(ctx, a.plan.NetworkACLID.ValueString(), a.plan.spec(a.diags))
	},
	read: func(c *cloud.Client, ctx context.Context, state *networkACLRuleModel) (cloud.NetworkACLEntry, error) {
		return c.NetworkACLEntry(ctx, state.key())
	},
	remove: func(c *cloud.Client, ctx context.Context, state *networkACLRuleModel) error {
		return c.DeleteNetworkACLEntry(ctx, state.key())
	},
	check: func(ctx context.Context, d *providerData, p planStep[networkACLRuleModel]) error {
		spec := p.plan.spec(p.diags)
		allProtocolsWithPorts([]cloud.NetworkACLEntrySpec{spec}, p.diags, func(cloud.NetworkACLEntrySpec) path.Path { return path.Root("from_port") })
		aclID := plannedID(p.plan.NetworkACLID, cloud.KindNetworkACL)
		stateID, change := "", unchanged
		if p.state != nil {
			stateID = p.state.ID.ValueString()
			same := p.plan.NetworkACLID.Equal(p.state.NetworkACLID) && p.plan.Egress.Equal(p.state.Egress) &&
				p.plan.entry(p.diags).Equal(p.state.entry(p.diags))
			if same {
				// Checked still, for the claim that the ACL's rules are
				// managed by rule resources.
				return d.client.CheckNetworkACLEntry(ctx, d.plan, cloud.ExistingHolder(stateID), aclID, spec, true, nil)
			}
			change = replaced
		}
		key := fmt.Sprintf("simcloud_network_acl_rule|%s|%t|%d", aclID, spec.Egress, spec.RuleNumber)
		description := fmt.Sprintf("the simcloud_network_acl_rule planned in this configuration as %s rule %d of %s", direction(spec.Egress), spec.RuleNumber, aclID)
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			var replaces *cloud.NetworkACLEntryKey
			if selfID != "" {
				k := p.state.key()
				replaces = &k
			}
			return d.client.CheckNetworkACLEntry(ctx, d.plan, holder, aclID, spec, false, replaces)
		})
	},
	fillReporting: func(m *networkACLRuleModel, e cloud.NetworkACLEntry, diags *diag.Diagnostics) {
		prior, ds := types.SetValue(aclEntryType, []attr.Value{m.entry(diags)})
		diags.Append(ds...)
		var f aclEntryFields
		if obj, ok := aclEntryValue(e, prior, diags).(types.Object); ok {
			diags.Append(obj.As(context.Background(), &f, basetypes.ObjectAsOptions{})...)
		}
		m.ID = types.StringValue(cloud.NetworkACLRuleID(e.NetworkACLID, e.RuleNumber, e.Egress, e.Protocol))
		m.NetworkACLID, m.Egress = types.StringValue(e.NetworkACLID), types.BoolValue(e.Egress)
		protocol := m.Protocol
		m.RuleNumber, m.RuleAction, m.aclRuleMatch = f.RuleNo, f.Action, f.aclRuleMatch
		if !protocol.IsNull() && !protocol.IsUnknown() && cloud.SameNetworkACLProtocol(protocol.ValueString(), e.Protocol) {
			// The spelling of the configuration, or of the import ID, stays.
			m.Protocol = protocol
		}
	},
	// NETWORK_ACL_ID:RULE_NUMBER:PROTOCOL:EGRESS, as the AWS provider imports
	// aws_network_acl_rule.
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		key, protocol, err := cloud.ParseNetworkACLRuleImportID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{
			"id": cloud.NetworkACLRuleID(key.NetworkACLID, key.RuleNumber, key.Egress, protocol), "network_acl_id": key.NetworkACLID, "protocol": protocol,
		})
		if err == nil {
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("rule_number"), int64(key.RuleNumber))...)
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("egress"), key.Egress)...)
		}
	},
}
