package cloud

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// SecurityGroupInput is the desired configuration of a security group.
type SecurityGroupInput struct {
	VPCID       string
	GroupName   string
	Description string
	// Ingress and Egress are the rules wanted in each direction, one
	// SecurityGroupRule per other end (CIDR block or group), as AWS counts
	// them; a direction is changed only when its Manage flag is set, so
	// that rules managed elsewhere are left alone. A rule whose
	// ReferencedGroupID is SelfReference refers to the group itself.
	Ingress, Egress             []SecurityGroupRule
	ManageIngress, ManageEgress bool
	Tags                        map[string]string
	// Default says that the group is its VPC's default group, whose name
	// only it has.
	Default bool
}

// SelfReference stands, in a rule of SecurityGroupInput, for the group the
// rule belongs to, whose ID a new group does not have yet.
const SelfReference = "self"

// ClaimSecurityGroupName is the claim a planned security group makes on its
// name in its VPC.
const ClaimSecurityGroupName ClaimKind = "security-group-name"

// The limits AWS sets on a group's rules
// (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups):
// 60 inbound and 60 outbound, "enforced separately for IPv4 rules and IPv6
// rules"; a rule that refers to a group counts as one of each.
const maxRulesPerDirection = 60

// maxGroupText is the longest group name or description AWS takes.
const maxGroupText = 255

// CheckNameArguments refuses an object (a security group, an IAM role, a
// log group) configured with both a name and a prefix to make one from, as
// the AWS provider does; set holds the arguments the configuration sets.
func CheckNameArguments(set map[string]string) error {
	name, hasName := set["name"]
	prefix, hasPrefix := set["name_prefix"]
	// A value not known yet may still be null: modules choose one of the
	// two with a condition (cond ? null : name), which Terraform validates
	// before it knows the condition.
	if !hasName || !hasPrefix || !IsKnown(name) || !IsKnown(prefix) {
		return nil
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: "Only one of name or name_prefix may be specified",
		Fix:     "Give the name with name, or let the provider make one from name_prefix, not both.",
		Field:   "name_prefix",
	}
}

// securityGroupRule checks a group's configuration: its name and
// description, its VPC, its name unique in the VPC (stored or planned), and
// its rules. selfID is the group's own ID when it exists, "" for a new one.
// Values unknown at plan switch off only the checks that need them.
func (c *Client) securityGroupRule(in SecurityGroupInput, selfID string) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		in := in
		if !in.Default {
			if err := validateGroupText(in.GroupName, in.Description); err != nil {
				return err
			}
			vpcID, err := c.groupVPCID(v, in.VPCID)
			if err != nil {
				return err
			}
			in.VPCID = vpcID
		}
		if !IsKnown(in.VPCID) {
			if err := checkRuleValues(in); err != nil {
				return err
			}
			return c.checkRulePrefixLists(v, in)
		}
		if _, err := c.findVPC(v, in.VPCID, "vpc_id"); err != nil {
			return err
		}
		if err := c.groupNameFree(v, in, selfID); err != nil {
			return err
		}
		if err := checkRuleValues(in); err != nil {
			return err
		}
		if err := c.inlineManagement(v, in, selfID); err != nil {
			return err
		}
		if err := c.checkRuleReferences(v, in, selfID); err != nil {
			return err
		}
		return c.checkRulePrefixLists(v, in)
	}
}

// groupVPCID is the VPC a group goes in: the one given or, for a group
// given none, the region's default VPC, as CreateSecurityGroup does
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html:
// VpcId is "required for a nondefault VPC"). Where the plan makes the
// default VPC, its ID is not known yet.
func (c *Client) groupVPCID(v View, vpcID string) (string, error) {
	if vpcID != "" {
		return vpcID, nil
	}
	vpc, ok, err := c.findDefaultVPC(v)
	switch {
	case err != nil:
		return "", err
	case ok:
		return vpc.ID, nil
	case len(v.Claimed(ClaimDefaultVPC, defaultVPCScope(c.scope))) > 0:
		return UnknownID(KindVPC), nil
	}
	return "", noDefaultVPC("No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.", "vpc_id")
}

// inlineManagement refuses to manage inline a direction of an existing
// group's rules that rule resources manage.
func (c *Client) inlineManagement(v View, in SecurityGroupInput, selfID string) error {
	if selfID == "" {
		return nil
	}
	g, err := findStored[SecurityGroup](v, c.scope, selfID, "id")
	if err != nil {
		return err
	}
	for _, dir := range ruleDirections(in) {
		if err := mixedManagement(v, g, dir.field == "egress", ManagedInline); err != nil {
			return err
		}
	}
	return nil
}

// validateGroupText checks a group's name and description, values of the
// request alone: AWS's CreateSecurityGroup takes up to 255 characters of
// each, and refuses names starting sg- and the name default, which only a
// VPC's default group has.
func validateGroupText(name, description string) error {
	if IsKnown(name) {
		switch {
		case strings.HasPrefix(strings.ToLower(name), "sg-"):
			return invalidParameter("name",
				fmt.Sprintf("Value (%s) for parameter GroupName is invalid. Group names may not be in the format sg-*.", printable(name)),
				"Choose a name that does not start with sg-, which is how group IDs start.")
		case name == DefaultSecurityGroupName:
			return invalidParameter("name",
				"Invalid value 'default' for groupName. The name default is reserved for the VPC's default security group.",
				"Choose another name; to manage the VPC's default group, use simcloud_vpc's default_security_group_id.")
		case name == "" || len(name) > maxGroupText:
			return invalidParameter("name",
				fmt.Sprintf("Value (%s) for parameter GroupName is invalid. The name must be 1 to 255 characters long.", printable(name)),
				"Give the group a name of 1 to 255 characters.")
		}
	}
	if IsKnown(description) && (description == "" || len(description) > maxGroupText) {
		return invalidParameter("description",
			fmt.Sprintf("Value (%s) for parameter GroupDescription is invalid. The description must be 1 to 255 characters long.", printable(description)),
			"Give the group a description of 1 to 255 characters.")
	}
	return nil
}

// groupNameFree checks that no other group of the VPC, in the cloud or in
// the plan, has the group's name.
func (c *Client) groupNameFree(v View, in SecurityGroupInput, selfID string) error {
	if !IsKnown(in.GroupName) {
		return nil
	}
	taken, ok, err := first[SecurityGroup](v, c.scope, SecurityGroupFilter{VPCID: in.VPCID, GroupName: in.GroupName})
	if err != nil {
		return err
	}
	holder, obstacle := "", ""
	if ok && taken.ID != selfID {
		holder, obstacle = taken.ID, taken.ID
	} else {
		for _, cl := range v.Claimed(ClaimSecurityGroupName, in.VPCID) {
			if cl.Value == in.GroupName {
				holder = cl.Who()
				break
			}
		}
	}
	if holder == "" {
		return nil
	}
	return &Error{
		Code:     "InvalidGroup.Duplicate",
		Message:  fmt.Sprintf("The security group '%s' already exists for VPC '%s'", printable(in.GroupName), in.VPCID),
		Fix:      fmt.Sprintf("A group's name is unique in its VPC, and %s already has it. Choose another name, or use name_prefix.", holder),
		Field:    "name",
		Objects:  append(nonEmpty(selfID), in.VPCID, holder),
		Obstacle: obstacle,
	}
}

// checkRuleValues checks each rule's own values, then the rules of each
// direction together: no two the same, and no more than AWS allows.
func checkRuleValues(in SecurityGroupInput) error {
	for _, dir := range ruleDirections(in) {
		for i, r := range dir.rules {
			if _, err := NormalizeSecurityGroupRule(r, dir.field); err != nil {
				return err
			}
			for _, earlier := range dir.rules[:i] {
				if known(r) && known(earlier) && sameRule(mustNormalize(r), mustNormalize(earlier)) {
					return duplicateRule(r, dir.field)
				}
			}
		}
		if err := ruleLimit(dir.rules, dir.field, nil); err != nil {
			return err
		}
	}
	return nil
}

type ruleDirection struct {
	field string
	rules []SecurityGroupRule
}

// ruleDirections are the directions of the input that it manages.
func ruleDirections(in SecurityGroupInput) []ruleDirection {
	var dirs []ruleDirection
	if in.ManageIngress {
		dirs = append(dirs, ruleDirection{"ingress", in.Ingress})
	}
	if in.ManageEgress {
		dirs = append(dirs, ruleDirection{"egress", in.Egress})
	}
	return dirs
}

// known reports whether every value of a rule is known.
func known(r SecurityGroupRule) bool {
	return IsKnown(r.IPProtocol) && IsKnown(r.CIDRIPv4) && IsKnown(r.CIDRIPv6) && IsKnown(r.ReferencedGroupID) && IsKnown(r.PrefixListID)
}

func mustNormalize(r SecurityGroupRule) SecurityGroupRule {
	n, _ := NormalizeSecurityGroupRule(r, "")
	return n
}

// duplicateRule is AWS's refusal of a rule given twice, worded as
// AuthorizeSecurityGroupIngress words it.
func duplicateRule(r SecurityGroupRule, field string) *Error {
	return &Error{
		Code:    "InvalidPermission.Duplicate",
		Message: fmt.Sprintf("the specified rule %q already exists", describeRule(r)),
		Fix:     "Each rule of a group lets different traffic through: remove the repeated one, or merge their descriptions.",
		Field:   field,
		Objects: nonEmpty(r.GroupID),
	}
}

// DescribeSecurityGroupRule words a rule as AWS's duplicate error does:
// "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW".
func DescribeSecurityGroupRule(r SecurityGroupRule) string { return describeRule(r) }

func describeRule(r SecurityGroupRule) string {
	n := mustNormalize(r)
	peer := n.CIDRIPv4 + n.CIDRIPv6 + n.PrefixListID + n.ReferencedGroupID
	proto := strings.ToUpper(n.IPProtocol)
	if n.IPProtocol == AllProtocols {
		proto = "ALL"
	}
	return fmt.Sprintf("peer: %s, %s, from port: %d, to port: %d, ALLOW", peer, proto, n.FromPort, n.ToPort)
}

// ruleLimit counts a direction's rules as AWS does: IPv4 and IPv6 apart,
// a rule that refers to a group in both, and one that names a prefix list
// as its list weighs, in the list's family. lists holds the weights of
// the lists the rules name; a list not in it (its ID not known yet, or not
// looked up) counts for nothing, the count being left to where it is.
func ruleLimit(rules []SecurityGroupRule, field string, lists map[string]prefixListWeight) error {
	v4, v6 := 0, 0
	// The lists counted in each family, which a refusal names.
	var lists4, lists6 []string
	for _, r := range rules {
		if r.PrefixListID != "" {
			l, ok := lists[r.PrefixListID]
			if !ok {
				continue
			}
			counts, named := &v4, &lists4
			if l.ipv6 {
				counts, named = &v6, &lists6
			}
			*counts += l.weight
			if !slices.Contains(*named, r.PrefixListID) {
				*named = append(*named, r.PrefixListID)
			}
			continue
		}
		if r.CIDRIPv6 == "" {
			v4++
		}
		if r.CIDRIPv4 == "" {
			v6++
		}
	}
	if max(v4, v6) <= maxRulesPerDirection {
		return nil
	}
	var counted []string
	if v4 > maxRulesPerDirection {
		counted = lists4
	}
	if v6 > maxRulesPerDirection {
		counted = append(counted, lists6...)
	}
	return &Error{
		Code:    "RulesPerSecurityGroupLimitExceeded",
		Message: "The maximum number of rules per security group has been reached.",
		Fix: fmt.Sprintf("A group has at most %d %s rules of each address family, counting each CIDR block and group of a rule as one "+
			"and a prefix list as its max_entries (AWS's own lists as their weight); "+
			"this one would have %d IPv4 and %d IPv6. Merge ranges into wider blocks, or split the rules over several groups.",
			maxRulesPerDirection, map[string]string{"ingress": "inbound", "egress": "outbound"}[field], v4, v6),
		Field:   field,
		Objects: counted,
	}
}

// checkRuleReferences checks that each group a rule refers to exists and is
// in the same VPC, or in a VPC of the region peered with it: AWS lets a
// rule name a group of a peer VPC across an active connection
// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html).
func (c *Client) checkRuleReferences(v View, in SecurityGroupInput, selfID string) error {
	for _, dir := range ruleDirections(in) {
		for _, r := range dir.rules {
			ref := r.ReferencedGroupID
			if ref == "" || ref == SelfReference || ref == selfID || !IsKnown(ref) {
				continue
			}
			other, err := findStored[SecurityGroup](v, c.scope, ref, dir.field)
			if err != nil {
				return err
			}
			if other.VPCID == in.VPCID {
				continue
			}
			peered, err := peeredInRegion(v, c.scope, in.VPCID, other.VPCID)
			if err != nil {
				return err
			}
			if !peered {
				return &Error{
					Code:    "InvalidParameter",
					Message: "You have specified two resources that belong to different networks.",
					Fix: fmt.Sprintf("A rule may refer only to groups of its own VPC or of a VPC peered with it: %s is in %s, the group in %s; "+
						"peer the two VPCs (an active simcloud_vpc_peering_connection) or name the other VPC's block instead.",
						other.ID, other.VPCID, in.VPCID),
					Field:   dir.field,
					Objects: append(nonEmpty(selfID), other.ID, other.VPCID, in.VPCID),
				}
			}
		}
	}
	return nil
}

// checkRulePrefixLists checks the prefix lists the rules of each managed
// direction name: each exists and is visible to the account, and the
// direction keeps within AWS's limit once each list counts its weight.
func (c *Client) checkRulePrefixLists(v View, in SecurityGroupInput) error {
	for _, dir := range ruleDirections(in) {
		lists, err := c.prefixListWeights(v, dir.rules, dir.field)
		if err != nil {
			return err
		}
		if len(lists) == 0 {
			continue
		}
		if err := ruleLimit(dir.rules, dir.field, lists); err != nil {
			return err
		}
	}
	return nil
}

// prefixListWeight is what a prefix list counts for among a group's rules
// of its family.
type prefixListWeight struct {
	ipv6   bool
	weight int
}

// awsManagedPrefixListWeight is the weight of the AWS-managed lists the
// simulation has, S3's and DynamoDB's (IPv4 both): AWS gives each a weight
// of 1 (https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html).
const awsManagedPrefixListWeight = 1

// prefixListWeights looks up the prefix lists that rules name, AWS's own of
// the region or the account's customer-managed ones, with what each counts
// for: a customer-managed list its max_entries, "the maximum number of
// entries for the prefix lists counts against the quota for the number of
// entries for the resource" (Amazon VPC quotas, prefix lists). A list found
// nowhere is AWS's InvalidPrefixListID.NotFound, the argument being field;
// IDs not known yet are left to apply.
func (c *Client) prefixListWeights(v View, rules []SecurityGroupRule, field string) (map[string]prefixListWeight, error) {
	lists := map[string]prefixListWeight{}
	for _, r := range rules {
		id := r.PrefixListID
		if _, seen := lists[id]; seen || id == "" || !IsKnown(id) {
			continue
		}
		if _, ok := awsPrefixList(c.scope.Region, id); ok {
			lists[id] = prefixListWeight{weight: awsManagedPrefixListWeight}
			continue
		}
		l, err := findStored[ManagedPrefixList](v, c.scope, id, field)
		if err != nil {
			return nil, err
		}
		lists[id] = prefixListWeight{ipv6: l.AddressFamily == PrefixListIPv6, weight: int(l.MaxEntries)}
	}
	return lists, nil
}

// Protocol names AWS shows for the protocols it names, by number.
var protocolNames = map[string]string{"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}

// NormalizeSecurityGroupRule checks one rule's own values and returns it as
// AWS keeps it: the protocol by name where AWS names it ("6" is "tcp",
// "all" is "-1"), ports -1 for protocols without ports, and its block in
// canonical form ("2001:DB8::/32" is "2001:db8::/32"). field names the
// argument that holds the rule. Unknown values are left as they are.
func NormalizeSecurityGroupRule(r SecurityGroupRule, field string) (SecurityGroupRule, error) {
	r, err := normalizeProtocol(r, field)
	if err != nil {
		return r, err
	}
	if r.CIDRIPv4 != "" && IsKnown(r.CIDRIPv4) {
		p, err := ParseIPv4Network(r.CIDRIPv4, "cidrIp", field)
		if err != nil {
			return r, err
		}
		r.CIDRIPv4 = p.String()
	}
	if r.CIDRIPv6 != "" && IsKnown(r.CIDRIPv6) {
		p, err := ParseIPv6Network(r.CIDRIPv6, "cidrIpv6", field)
		if err != nil {
			return r, err
		}
		r.CIDRIPv6 = p.String()
	}
	if r.PrefixListID != "" && IsKnown(r.PrefixListID) {
		if err := ValidateID(KindPrefixList, r.PrefixListID, field); err != nil {
			return r, err
		}
	}
	if len(r.Description) > maxGroupText {
		return r, &Error{Code: "InvalidParameterValue", Message: "Invalid rule description: it must be at most 255 characters long.",
			Fix: "Shorten the rule's description.", Field: field}
	}
	return r, nil
}

// normalizeProtocol checks a rule's protocol and ports, which decide each
// other, and names the protocol as AWS does; an unknown protocol leaves
// both to apply.
func normalizeProtocol(r SecurityGroupRule, field string) (SecurityGroupRule, error) {
	if !IsKnown(r.IPProtocol) {
		return r, nil
	}
	proto := strings.ToLower(r.IPProtocol)
	if name, ok := protocolNames[proto]; ok {
		proto = name
	}
	if proto == "all" {
		proto = AllProtocols
	}
	r.IPProtocol = proto
	invalid := func(message, fix string) (SecurityGroupRule, error) {
		return r, &Error{Code: "InvalidParameterValue", Message: message, Fix: fix, Field: field}
	}
	switch proto {
	case "tcp", "udp":
		if r.FromPort < 0 || r.ToPort > 65535 || r.FromPort > r.ToPort {
			return invalid(fmt.Sprintf("Invalid %s port range: from port %d, to port %d.", strings.ToUpper(proto), r.FromPort, r.ToPort),
				"Give ports from 0 to 65535, from_port no greater than to_port.")
		}
	case "icmp", "icmpv6":
		// For ICMP, from_port is the type and to_port the code; -1 is any.
		if r.FromPort < -1 || r.FromPort > 255 {
			return invalid(fmt.Sprintf("ICMP type (%d) out of range", r.FromPort), "An ICMP type is from 0 to 255, or -1 for every type.")
		}
		if r.ToPort < -1 || r.ToPort > 255 || (r.FromPort == -1 && r.ToPort != -1) {
			return invalid(fmt.Sprintf("ICMP code (%d) out of range", r.ToPort),
				"An ICMP code is from 0 to 255, or -1 for every code; every type (-1) takes every code (-1).")
		}
	case AllProtocols:
		if (r.FromPort != 0 && r.FromPort != -1) || (r.ToPort != 0 && r.ToPort != -1) {
			return invalid(fmt.Sprintf("from_port (%d) and to_port (%d) must both be 0 to use the 'ALL' \"-1\" protocol!", r.FromPort, r.ToPort),
				"A rule for every protocol covers every port: set from_port and to_port to 0.")
		}
		r.FromPort, r.ToPort = -1, -1
	default:
		n, err := strconv.Atoi(proto)
		if err != nil || n < 0 || n > 255 {
			return invalid(fmt.Sprintf("Invalid value '%s' for IP protocol. Unknown protocol.", printable(r.IPProtocol)),
				"Use tcp, udp, icmp, icmpv6, -1 for every protocol, or a protocol number from 0 to 255.")
		}
		// Other protocols have no ports: every port is let through.
		r.FromPort, r.ToPort = -1, -1
	}
	return r, nil
}

// CheckSecurityGroup runs at plan time the rules that creating or changing
// a security group will meet at apply, and claims its name in its VPC.
func (c *Client) CheckSecurityGroup(ctx context.Context, p *Plan, holder Holder, in SecurityGroupInput, selfID string) error {
	// A group given no VPC claims its name in the default VPC, as one
	// given that VPC's ID does.
	if in.VPCID == "" && !in.Default {
		err := c.read(ctx, "Check", map[string]string{"holder": string(holder)}, func(tx ReadTx) error {
			vpc, ok, err := c.findDefaultVPC(tx)
			if ok {
				in.VPCID = vpc.ID
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	var claims []Claim
	if IsKnown(in.GroupName) {
		claims = append(claims, Claim{Kind: ClaimSecurityGroupName, Scope: in.VPCID, Value: in.GroupName})
	}
	if selfID != "" {
		for _, dir := range ruleDirections(in) {
			claims = append(claims, Claim{Kind: ClaimInlineSecurityGroupRules, Scope: selfID, Value: dir.field})
		}
	}
	return c.Check(ctx, p, holder, c.securityGroupRule(in, selfID), claims...)
}

// CreateSecurityGroup creates a group in a VPC. As AWS does, a new group has
// one rule, outbound to 0.0.0.0/0; then each direction the input manages
// gets exactly the input's rules, so the AWS provider's removal of that
// default rule is ManageEgress with no egress rules.
func (c *Client) CreateSecurityGroup(ctx context.Context, in SecurityGroupInput) (SecurityGroup, error) {
	g := SecurityGroup{
		ID: newID(KindSecurityGroup), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: in.VPCID,
		GroupName: in.GroupName, Description: in.Description, Tags: in.Tags,
	}
	ids := map[string]string{"security_group_id": g.ID, "vpc_id": in.VPCID}
	// The rules are checked as at plan, the group's references to itself
	// still SelfReference: the group is not stored until they pass.
	rule := c.securityGroupRule(in, "")
	in = withSelf(in, g.ID)
	err := c.apply(ctx, "CreateSecurityGroup", ids, rule, func(tx Tx) error {
		// The rule has found the default VPC of a group given none.
		vpcID, err := c.groupVPCID(applyView{tx}, g.VPCID)
		if err != nil {
			return err
		}
		g.VPCID = vpcID
		if err := tx.Insert(g); err != nil {
			return err
		}
		if err := tx.SetTags(g.ID, g.Tags); err != nil {
			return err
		}
		egress := SecurityGroupRule{ID: newID(KindSecurityGroupRule), GroupID: g.ID, Egress: true,
			IPProtocol: AllProtocols, FromPort: -1, ToPort: -1, CIDRIPv4: "0.0.0.0/0", ManagedBy: ManagedInline}
		if err := tx.PutSecurityGroupRule(egress); err != nil {
			return err
		}
		return replaceRules(tx, g.ID, []SecurityGroupRule{egress}, in)
	})
	if err != nil {
		return SecurityGroup{}, err
	}
	return Describe[SecurityGroup](c, ctx, g.ID)
}

// UpdateSecurityGroup makes the rules of the directions the input manages
// exactly the input's, revoking and authorizing only what differs, and
// replaces the group's tags. Its VPC, name and description never change.
func (c *Client) UpdateSecurityGroup(ctx context.Context, id string, in SecurityGroupInput) (SecurityGroup, error) {
	in = withSelf(in, id)
	err := c.write(ctx, "UpdateSecurityGroupRules", map[string]string{"security_group_id": id}, func(tx Tx) error {
		g, err := findStored[SecurityGroup](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		in.VPCID, in.GroupName, in.Description, in.Default = g.VPCID, g.GroupName, g.Description, g.Default
		if err := c.securityGroupRule(in, id)(applyView{tx}); err != nil {
			return explainObstacle(err, false)
		}
		if err := tx.SetTags(id, in.Tags); err != nil {
			return err
		}
		return replaceRules(tx, id, g.Rules, in)
	})
	if err != nil {
		return SecurityGroup{}, err
	}
	return Describe[SecurityGroup](c, ctx, id)
}

// withSelf puts the group's ID in place of SelfReference and the group's ID
// into each rule.
func withSelf(in SecurityGroupInput, id string) SecurityGroupInput {
	fix := func(rules []SecurityGroupRule, egress bool) []SecurityGroupRule {
		out := make([]SecurityGroupRule, len(rules))
		for i, r := range rules {
			if r.ReferencedGroupID == SelfReference {
				r.ReferencedGroupID = id
			}
			r.GroupID, r.Egress = id, egress
			out[i] = r
		}
		return out
	}
	in.Ingress, in.Egress = fix(in.Ingress, false), fix(in.Egress, true)
	return in
}

// replaceRules revokes the current rules of each managed direction that
// the input does not have and authorizes those it adds; a rule whose
// description alone changes is updated in place, as
// UpdateSecurityGroupRuleDescriptions does.
func replaceRules(tx Tx, groupID string, current []SecurityGroupRule, in SecurityGroupInput) error {
	for _, dir := range ruleDirections(in) {
		egress := dir.field == "egress"
		var have []SecurityGroupRule
		for _, r := range current {
			if r.Egress == egress {
				have = append(have, r)
			}
		}
		for _, r := range have {
			if !slices.ContainsFunc(dir.rules, func(w SecurityGroupRule) bool { return sameRule(mustNormalize(w), r) && w.Description == r.Description }) {
				if err := tx.DeleteSecurityGroupRule(r.ID); err != nil {
					return err
				}
			}
		}
		for _, w := range dir.rules {
			n := mustNormalize(w)
			if slices.ContainsFunc(have, func(r SecurityGroupRule) bool { return sameRule(n, r) && n.Description == r.Description }) {
				continue
			}
			n.ID, n.GroupID, n.Egress, n.ManagedBy = newID(KindSecurityGroupRule), groupID, egress, ManagedInline
			if err := tx.PutSecurityGroupRule(n); err != nil {
				return err
			}
		}
	}
	return nil
}

// SecurityGroup returns the group with the given ID.
func (c *Client) SecurityGroup(ctx context.Context, id string) (SecurityGroup, error) {
	return Describe[SecurityGroup](c, ctx, id)
}

// FindSecurityGroups returns the groups that match filter.
func (c *Client) FindSecurityGroups(ctx context.Context, filter SecurityGroupFilter) ([]SecurityGroup, error) {
	return Find[SecurityGroup](c, ctx, filter)
}

// DeleteSecurityGroup deletes a group, refusing a VPC's default group and a
// group that a rule of another group refers to (AWS's DependencyViolation).
func (c *Client) DeleteSecurityGroup(ctx context.Context, id string) error {
	return removeStored(refuseDefaultGroup, refuseReferencedGroup, refuseGroupInUse)(c, ctx, id)
}

// RevokeAndDeleteSecurityGroup first revokes every rule of the group, as
// the AWS provider's revoke_rules_on_delete does, so that groups whose rules
// refer to each other can be deleted one after the other. As there, the
// revoke is a call of its own: it stands even when the deletion is refused
// because another group's rule still refers to this one.
func (c *Client) RevokeAndDeleteSecurityGroup(ctx context.Context, id string) error {
	err := c.write(ctx, "RevokeSecurityGroupRules", map[string]string{"security_group_id": id}, func(tx Tx) error {
		g, err := findStored[SecurityGroup](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		if err := refuseDefaultGroup(tx, g); err != nil {
			return err
		}
		for _, r := range g.Rules {
			if err := tx.DeleteSecurityGroupRule(r.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.DeleteSecurityGroup(ctx, id)
}

// refuseReferencedGroup refuses to delete a group that a rule of another
// group refers to. Rules refer only to groups of their own VPC, so its
// groups are all that can.
func refuseReferencedGroup(tx ReadTx, g SecurityGroup) error {
	others, err := list[SecurityGroup](tx, Scope{AccountID: g.OwnerID, Region: g.Region}, SecurityGroupFilter{VPCID: g.VPCID})
	if err != nil {
		return err
	}
	var dependents, what []string
	for _, o := range others {
		if o.ID == g.ID {
			continue
		}
		for _, r := range o.Rules {
			if r.ReferencedGroupID == g.ID {
				dependents = append(dependents, o.ID)
				what = append(what, fmt.Sprintf("the rule of %s %q", o.ID, describeRule(r)))
				break
			}
		}
	}
	if len(dependents) == 0 {
		return nil
	}
	e := dependencyViolation(KindSecurityGroup, g.ID, dependents, what)
	e.Message = fmt.Sprintf("resource %s has a dependent object", g.ID)
	return e
}

// RevokeSecurityGroupRule revokes one rule of any group by its ID, as
// RevokeSecurityGroupIngress or RevokeSecurityGroupEgress do given
// SecurityGroupRuleIds, and returns the rule it revoked.
func (c *Client) RevokeSecurityGroupRule(ctx context.Context, id string) (SecurityGroupRule, error) {
	var r SecurityGroupRule
	err := c.write(ctx, "RevokeSecurityGroupRules", map[string]string{"security_group_rule_id": id}, func(tx Tx) error {
		var err error
		if r, err = c.findSecurityGroupRule(tx, id, "id"); err != nil {
			return err
		}
		return tx.DeleteSecurityGroupRule(id)
	})
	return r, err
}

// findSecurityGroupRule looks a rule up by ID.
func (c *Client) findSecurityGroupRule(tx ReadTx, id, field string) (SecurityGroupRule, error) {
	return findOwned[SecurityGroupRule, SecurityGroup](tx, c.scope, KindSecurityGroupRule, id, field, tx.SecurityGroupRuleByID,
		func(r SecurityGroupRule) string { return r.GroupID })
}
