package cloud

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// The rule resources (simcloud_vpc_security_group_ingress_rule and _egress_rule,
// and the older simcloud_security_group_rule) each add rules of one
// direction to a group that exists on its own. AWS knows nothing of who
// manages a rule; the simulation records it, as it does for routes, so that a
// direction managed both by the group's inline blocks and by rule resources,
// which would undo each other on every apply, is refused.
const ManagedByRuleResource = "rule"

// Claims on security groups by the resources of a plan. ClaimSecurityGroupRule
// is one rule a rule resource adds (its value says which, see ruleClaim);
// ClaimInlineSecurityGroupRules says that the group's resource manages a
// direction (the value, "ingress" or "egress") inline.
const (
	ClaimSecurityGroupRule        ClaimKind = "security-group-rule"
	ClaimInlineSecurityGroupRules ClaimKind = "inline-security-group-rules"
)

// SecurityGroupRulesInput is what one rule resource asks of a group: rules
// of one direction, one per other end, with their tags.
type SecurityGroupRulesInput struct {
	GroupID string
	Egress  bool
	Rules   []SecurityGroupRule
	Tags    map[string]string
	// Own are the IDs of the rules the resource already has, which the
	// input replaces: they are no duplicates of its rules, nor count twice
	// towards the limit.
	Own []string
}

// TaggedSecurityGroupRule is a rule as DescribeSecurityGroupRules shows it.
type TaggedSecurityGroupRule struct {
	SecurityGroupRule
	Tags map[string]string
	ARN  string
}

func directionOf(egress bool) string {
	if egress {
		return "egress"
	}
	return "ingress"
}

// rules are the input's rules as its group holds them.
func (in SecurityGroupRulesInput) rules() []SecurityGroupRule {
	out := make([]SecurityGroupRule, len(in.Rules))
	for i, r := range in.Rules {
		r.GroupID, r.Egress, r.ManagedBy = in.GroupID, in.Egress, ManagedByRuleResource
		out[i] = r
	}
	return out
}

// ruleResourceRule checks what a rule resource adds to a group, with the
// checks the group's own rules meet: each rule's values, no rule twice (in
// the group, or planned by another rule resource), the group's limit, the
// groups referred to in its VPC, and no direction managed both ways.
func (c *Client) ruleResourceRule(in SecurityGroupRulesInput) Rule {
	return func(v View) error {
		field := directionOf(in.Egress)
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		rules := in.rules()
		own := SecurityGroupInput{VPCID: Unknown}
		if in.Egress {
			own.Egress, own.ManageEgress = rules, true
		} else {
			own.Ingress, own.ManageIngress = rules, true
		}
		if err := checkRuleValues(own); err != nil {
			return err
		}
		if !IsKnown(in.GroupID) {
			_, err := c.prefixListWeights(v, rules, prefixListField)
			return err
		}
		g, err := findStored[SecurityGroup](v, c.scope, in.GroupID, "security_group_id")
		if err != nil {
			return err
		}
		if err := mixedManagement(v, g, in.Egress, ManagedByRuleResource); err != nil {
			return err
		}
		var others []SecurityGroupRule
		for _, r := range g.Rules {
			if r.Egress == in.Egress && !slices.Contains(in.Own, r.ID) {
				others = append(others, r)
			}
		}
		var claimed []SecurityGroupRule
		for _, cl := range v.Claimed(ClaimSecurityGroupRule, g.ID) {
			if r, ok := ruleOfClaim(g.ID, cl.Value); ok && r.Egress == in.Egress {
				claimed = append(claimed, r)
				for _, mine := range rules {
					if known(mine) && known(r) && sameRule(mustNormalize(mine), r) {
						e := duplicateRule(mine, field)
						e.Objects = []string{g.ID, cl.Who()}
						return e
					}
				}
			}
		}
		for _, mine := range rules {
			for _, other := range others {
				if known(mine) && sameRule(mustNormalize(mine), other) {
					e := duplicateRule(mine, field)
					e.Objects, e.Obstacle = []string{g.ID, other.ID}, other.ID
					return e
				}
			}
		}
		all := slices.Concat(others, claimed, rules)
		lists, err := c.prefixListWeights(v, all, prefixListField)
		if err != nil {
			return err
		}
		if err := ruleLimit(all, field, lists); err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.Objects = append([]string{g.ID}, e.Objects...)
			}
			return err
		}
		own.VPCID = g.VPCID
		return c.checkRuleReferences(v, own, g.ID)
	}
}

// mixedManagement refuses to manage a direction of a group's rules one way
// (manager) while they are managed the other, in the cloud or in the plan.
func mixedManagement(v View, g SecurityGroup, egress bool, manager string) error {
	dir := directionOf(egress)
	other, otherClaim := ManagedInline, ClaimInlineSecurityGroupRules
	byOther := fmt.Sprintf("the %s blocks of its simcloud_security_group", dir)
	field := "security_group_id"
	if manager == ManagedInline {
		other, otherClaim, field = ManagedByRuleResource, ClaimSecurityGroupRule, dir
		byOther = fmt.Sprintf("simcloud_vpc_security_group_%s_rule or simcloud_security_group_rule resources", dir)
	}
	var objects []string
	for _, r := range g.Rules {
		if r.Egress == egress && r.ManagedBy == other {
			objects = append(objects, r.ID)
		}
	}
	for _, cl := range v.Claimed(otherClaim, g.ID) {
		claimedDir := cl.Value
		if r, ok := ruleOfClaim(g.ID, cl.Value); ok {
			claimedDir = directionOf(r.Egress)
		}
		if claimedDir == dir && !slices.Contains(objects, cl.Who()) {
			objects = append(objects, cl.Who())
		}
	}
	if len(objects) == 0 {
		return nil
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: fmt.Sprintf("The %s rules of security group %s are managed by %s: %s.", dir, g.ID, byOther, strings.Join(objects, ", ")),
		Fix: fmt.Sprintf("Manage a group's %s rules either with %s blocks in the group or with rule resources, not both: with both, each apply would undo the other's rules. "+
			"To move rules made by the blocks to rule resources, set %s = [] in the group first.", dir, dir, dir),
		Field:   field,
		Objects: append([]string{g.ID}, objects...),
	}
}

// ruleClaim is the value of a rule resource's claim on one rule, from which
// ruleOfClaim reads the rule back for the checks of other resources.
func ruleClaim(r SecurityGroupRule) string {
	n := mustNormalize(r)
	return strings.Join([]string{directionOf(n.Egress), n.IPProtocol, strconv.Itoa(n.FromPort), strconv.Itoa(n.ToPort),
		n.CIDRIPv4, n.CIDRIPv6, n.ReferencedGroupID, n.PrefixListID}, "\x1f")
}

func ruleOfClaim(groupID, value string) (SecurityGroupRule, bool) {
	f := strings.Split(value, "\x1f")
	if len(f) != 8 {
		return SecurityGroupRule{}, false
	}
	from, _ := strconv.Atoi(f[2])
	to, _ := strconv.Atoi(f[3])
	return SecurityGroupRule{GroupID: groupID, Egress: f[0] == "egress", IPProtocol: f[1], FromPort: from, ToPort: to,
		CIDRIPv4: f[4], CIDRIPv6: f[5], ReferencedGroupID: f[6], PrefixListID: f[7]}, true
}

// CheckSecurityGroupRules runs at plan time the rules that a rule resource
// will meet at apply, and claims its rules on the group.
func (c *Client) CheckSecurityGroupRules(ctx context.Context, p *Plan, holder Holder, in SecurityGroupRulesInput) error {
	var claims []Claim
	for _, r := range in.rules() {
		claims = append(claims, Claim{Kind: ClaimSecurityGroupRule, Scope: in.GroupID, Value: ruleClaim(r)})
	}
	return c.Check(ctx, p, holder, c.ruleResourceRule(in), claims...)
}

// PutSecurityGroupRules authorizes the input's rules on its group, as
// AuthorizeSecurityGroupIngress (or Egress) does for a rule resource, in
// place of the rules in.Own, which AWS's ModifySecurityGroupRules changes in
// place: the i-th rule keeps the i-th ID of in.Own.
func (c *Client) PutSecurityGroupRules(ctx context.Context, in SecurityGroupRulesInput) ([]TaggedSecurityGroupRule, error) {
	op := "AuthorizeSecurityGroupIngress"
	switch {
	case len(in.Own) > 0:
		op = "ModifySecurityGroupRules"
	case in.Egress:
		op = "AuthorizeSecurityGroupEgress"
	}
	var out []TaggedSecurityGroupRule
	err := c.apply(ctx, op, map[string]string{"security_group_id": in.GroupID}, c.ruleResourceRule(in), func(tx Tx) error {
		for _, id := range in.Own {
			if err := tx.DeleteSecurityGroupRule(id); err != nil {
				return err
			}
		}
		for i, r := range in.rules() {
			n := mustNormalize(r)
			n.ID = newID(KindSecurityGroupRule)
			if i < len(in.Own) {
				n.ID = in.Own[i]
			}
			if err := tx.PutSecurityGroupRule(n); err != nil {
				return err
			}
			if err := tx.SetTags(n.ID, in.Tags); err != nil {
				return err
			}
			out = append(out, c.tagged(n, in.Tags))
		}
		return nil
	})
	return out, err
}

func (c *Client) tagged(r SecurityGroupRule, tags map[string]string) TaggedSecurityGroupRule {
	return TaggedSecurityGroupRule{SecurityGroupRule: r, Tags: tags, ARN: c.scope.ARN(KindSecurityGroupRule, r.ID)}
}

// SecurityGroupRule returns the rule with the given ID, as
// DescribeSecurityGroupRules does.
func (c *Client) SecurityGroupRule(ctx context.Context, id string) (TaggedSecurityGroupRule, error) {
	return readResult(ctx, c, "DescribeSecurityGroupRules", map[string]string{"security_group_rule_id": id}, func(tx ReadTx) (TaggedSecurityGroupRule, error) {
		r, err := c.findSecurityGroupRule(tx, id, "id")
		if err != nil {
			return TaggedSecurityGroupRule{}, err
		}
		tags, err := tx.Tags(id)
		return c.tagged(r, tags), err
	})
}

// MatchingSecurityGroupRules returns, for each wanted rule of a group, the
// group's rule that lets the same traffic through, in wanted's order; rules
// not found are left out. A group referred to as SelfReference is the group.
func (c *Client) MatchingSecurityGroupRules(ctx context.Context, groupID string, wanted []SecurityGroupRule) ([]SecurityGroupRule, error) {
	g, err := c.SecurityGroup(ctx, groupID)
	if err != nil {
		return nil, err
	}
	var out []SecurityGroupRule
	for _, w := range wanted {
		if w.ReferencedGroupID == SelfReference {
			w.ReferencedGroupID = groupID
		}
		w.GroupID = groupID
		n, err := NormalizeSecurityGroupRule(w, "")
		if err != nil {
			continue
		}
		if i := slices.IndexFunc(g.Rules, func(r SecurityGroupRule) bool { return sameRule(n, r) }); i >= 0 {
			out = append(out, g.Rules[i])
		}
	}
	return out, nil
}

// RevokeSecurityGroupRules revokes rules of a group by their IDs; rules
// already gone are no error.
func (c *Client) RevokeSecurityGroupRules(ctx context.Context, groupID string, ids []string) error {
	return c.write(ctx, "RevokeSecurityGroupRules", map[string]string{"security_group_id": groupID}, func(tx Tx) error {
		g, err := findStored[SecurityGroup](tx, c.scope, groupID, "security_group_id")
		if err != nil {
			return err
		}
		for _, r := range g.Rules {
			if slices.Contains(ids, r.ID) {
				if err := tx.DeleteSecurityGroupRule(r.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// SecurityGroupRuleImport is what the AWS provider's import ID of an
// aws_security_group_rule names: the group, the direction, the protocol and
// ports, and the other ends.
type SecurityGroupRuleImport struct {
	GroupID          string
	Egress           bool
	Protocol         string
	FromPort, ToPort int
	CIDRIPv4         []string
	CIDRIPv6         []string
	PrefixListIDs    []string
	// SourceGroupID is another group, Self the group itself.
	SourceGroupID string
	Self          bool
}

// ParseSecurityGroupRuleImportID reads the AWS provider's import ID of an
// aws_security_group_rule: GROUP_TYPE_PROTOCOL_FROM_TO_SOURCE[_SOURCE...],
// each source a CIDR block, a prefix list's ID, self or a group ID, such as
// sg-0123456789abcdef0_ingress_tcp_22_22_10.0.0.0/8.
func ParseSecurityGroupRuleImportID(id string) (SecurityGroupRuleImport, error) {
	invalid := func(why string) (SecurityGroupRuleImport, error) {
		return SecurityGroupRuleImport{}, &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("Invalid security group rule import ID %q: %s.", printable(id), why),
			Fix: "Write GROUP-ID_TYPE_PROTOCOL_FROM-PORT_TO-PORT_SOURCE, sources separated by underscores, such as " +
				"sg-0123456789abcdef0_ingress_tcp_22_22_10.0.0.0/8, sg-0123456789abcdef0_ingress_all_0_0_self, " +
				"sg-0123456789abcdef0_egress_tcp_443_443_pl-0123456789abcdef0 or sg-0123456789abcdef0_egress_udp_53_53_sg-0fedcba9876543210.",
			Field: "id",
		}
	}
	parts := strings.Split(id, "_")
	if len(parts) < 6 {
		return invalid("expected at least six parts separated by underscores")
	}
	in := SecurityGroupRuleImport{GroupID: parts[0], Protocol: parts[2]}
	if ValidateID(KindSecurityGroup, in.GroupID, "") != nil {
		return invalid("it does not start with a security group ID")
	}
	switch parts[1] {
	case "ingress":
	case "egress":
		in.Egress = true
	default:
		return invalid("the type must be ingress or egress")
	}
	var err1, err2 error
	in.FromPort, err1 = strconv.Atoi(parts[3])
	in.ToPort, err2 = strconv.Atoi(parts[4])
	if err1 != nil || err2 != nil {
		return invalid("the ports must be numbers")
	}
	if strings.EqualFold(in.Protocol, "all") || in.Protocol == AllProtocols {
		// The AWS provider's examples give every protocol ports 0 to
		// 65536; its state has them 0 and 0.
		in.FromPort, in.ToPort = 0, 0
	} else if _, err := NormalizeSecurityGroupRule(SecurityGroupRule{IPProtocol: in.Protocol, FromPort: in.FromPort, ToPort: in.ToPort}, "id"); err != nil {
		return invalid("the protocol and ports are no rule's")
	}
	for _, source := range parts[5:] {
		switch {
		case source == "self":
			in.Self = true
		case IDPrefix(source) == KindSecurityGroup.Prefix && in.SourceGroupID == "" && ValidateID(KindSecurityGroup, source, "") == nil:
			in.SourceGroupID = source
		case IsPrefixListID(source):
			in.PrefixListIDs = append(in.PrefixListIDs, source)
		default:
			p, err := netip.ParsePrefix(source)
			if err != nil || p.Masked() != p {
				return invalid(fmt.Sprintf("%q is no CIDR block, prefix list ID, self or group ID", printable(source)))
			}
			if p.Addr().Is4() {
				in.CIDRIPv4 = append(in.CIDRIPv4, p.String())
			} else {
				in.CIDRIPv6 = append(in.CIDRIPv6, p.String())
			}
		}
	}
	if (in.Self || in.SourceGroupID != "") && len(in.CIDRIPv4)+len(in.CIDRIPv6) > 0 || in.Self && in.SourceGroupID != "" {
		return invalid("a rule has CIDR blocks, self or a source group, one of them")
	}
	return in, nil
}

// SameTraffic reports whether two rules, as given or as stored, let the same
// traffic through: "6" is "tcp", and ports do not count where the protocol
// has none.
func SameTraffic(a, b SecurityGroupRule) bool {
	na, errA := NormalizeSecurityGroupRule(a, "")
	nb, errB := NormalizeSecurityGroupRule(b, "")
	return errA == nil && errB == nil && sameRule(na, nb)
}

// prefixListField is the field of a rule resource's refusals that concern
// the prefix list it names.
const prefixListField = "prefix_list_id"

// ruleSourceArguments are the arguments of simcloud_vpc_security_group_ingress_rule
// (and _egress_rule) that name a rule's other end, with AWS's names for them.
var ruleSourceArguments = []string{"cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"}

// CheckSecurityGroupRuleArguments refuses a rule resource that names no
// other end, or more than one, as the AWS provider does; set holds the
// arguments the configuration sets.
func CheckSecurityGroupRuleArguments(set map[string]string) error {
	var given []string
	for _, name := range ruleSourceArguments {
		if _, ok := set[name]; ok {
			given = append(given, name)
		}
	}
	ours := "cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id"
	switch {
	case len(given) == 0:
		return &Error{Code: "MissingParameter", Message: "The request must contain exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId",
			Fix: "Give the rule its other end: " + ours + "."}
	case len(given) > 1:
		return &Error{Code: "InvalidParameterCombination", Message: "The request must contain exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId",
			Fix:   fmt.Sprintf("A rule has one other end, and this one sets %s: keep one, and make one rule resource for each other end.", strings.Join(given, " and ")),
			Field: given[1]}
	}
	return nil
}

// SecurityGroupRuleResourceID is the ID the AWS provider gives an
// aws_security_group_rule, which stands for several rules of AWS: "sgrule-"
// and a hash of the group, the direction and the rules.
func SecurityGroupRuleResourceID(groupID string, egress bool, rules []SecurityGroupRule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s-%s-", groupID, directionOf(egress))
	for _, r := range rules {
		n := mustNormalize(r)
		fmt.Fprintf(&b, "%s-%d-%d-%s%s%s%s-", n.IPProtocol, n.FromPort, n.ToPort, n.CIDRIPv4, n.CIDRIPv6, n.PrefixListID, n.ReferencedGroupID)
	}
	return fmt.Sprintf("sgrule-%d", crc32String(b.String()))
}

// CheckSecurityGroupRuleResourceArguments refuses an aws_security_group_rule
// whose other ends the AWS provider refuses together, or that names none;
// set holds the arguments the configuration sets (a list when not empty,
// self when true). Prefix lists go with any other end, as there.
func CheckSecurityGroupRuleResourceArguments(set map[string]bool) error {
	cidrs := set["cidr_blocks"] || set["ipv6_cidr_blocks"]
	if !cidrs && !set["prefix_list_ids"] && !set["self"] && !set["source_security_group_id"] {
		return &Error{Code: "MissingParameter", Message: "The request must contain at least one of cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self or source_security_group_id",
			Fix: "Give the rule its other end: cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, source_security_group_id or self = true."}
	}
	for _, pair := range [][2]string{{"cidr_blocks", "source_security_group_id"}, {"ipv6_cidr_blocks", "source_security_group_id"},
		{"cidr_blocks", "self"}, {"ipv6_cidr_blocks", "self"}, {"self", "source_security_group_id"}} {
		if set[pair[0]] && set[pair[1]] {
			return &Error{Code: "InvalidParameterCombination", Message: fmt.Sprintf("%s conflicts with %s", pair[1], pair[0]),
				Fix: "A rule's other ends are CIDR blocks, or one group, or the group itself: make one rule resource for each.", Field: pair[1]}
		}
	}
	return nil
}

// ValidateSecurityGroupRuleType checks the type of an aws_security_group_rule.
func ValidateSecurityGroupRuleType(s string) error {
	if s == "ingress" || s == "egress" {
		return nil
	}
	return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Invalid value '%s' for type.", printable(s)),
		Fix: `A rule is "ingress" (inbound) or "egress" (outbound).`, Field: "type"}
}
