package cloud

import (
	"context"
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"
	"strings"
)

// The rules of an ACL made one by one (simcloud_network_acl_rule), beside
// those an ACL resource sets inline (network_acl_rules.go).

// Claims on network ACLs. ClaimNetworkACLEntry reserves a rule number in a
// direction of an ACL (the scope), as "ingress:100"; ClaimInlineACLEntries
// and ClaimACLRuleResource say how the ACL's rules are managed. AWS knows
// nothing of the latter two: an ACL whose rules both its resource and
// simcloud_network_acl_rule resources manage would have each apply undo the
// other's rules, so such a plan is refused.
const (
	ClaimNetworkACLEntry  ClaimKind = "network-acl-entry"
	ClaimInlineACLEntries ClaimKind = "inline-acl-entries"
	ClaimACLRuleResource  ClaimKind = "acl-rule-resource"
)

// aclEntriesManagementRule refuses to manage an ACL's rules one way (inline,
// or by simcloud_network_acl_rule) while another resource of the plan
// manages them the other way.
func aclEntriesManagementRule(v View, aclID string, inline bool) error {
	other, field := ClaimACLRuleResource, "ingress"
	managers := "simcloud_network_acl_rule resources"
	if !inline {
		other, field = ClaimInlineACLEntries, "network_acl_id"
		managers = "the ingress and egress of its simcloud_network_acl (or simcloud_default_network_acl)"
	}
	claims := v.Claimed(other, aclID)
	if len(claims) == 0 {
		return nil
	}
	objects := []string{aclID}
	for _, cl := range claims {
		objects = append(objects, cl.Who())
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: fmt.Sprintf("The rules of network ACL %s are managed in this configuration by %s.", aclID, managers),
		Fix: "Manage an ACL's rules either with ingress and egress in simcloud_network_acl (or simcloud_default_network_acl) or with " +
			"simcloud_network_acl_rule resources, not both: with both, each apply would undo the other's rules.",
		Field:   field,
		Objects: objects,
	}
}

// ruleArguments are the arguments of simcloud_network_acl_rule that hold
// AWS's parameters of CreateNetworkAclEntry.
var ruleArguments = map[string]string{
	"ruleNumber": "rule_number", "ruleAction": "rule_action", "protocol": "protocol", "portRange": "from_port",
	"icmpTypeCode": "icmp_type", "cidrBlock": "cidr_block", "ipv6CidrBlock": "ipv6_cidr_block",
}

// entryClaim is the value of a ClaimNetworkACLEntry: the rule's direction
// and its number, "?" while unknown.
func entryClaim(spec NetworkACLEntrySpec) string {
	if spec.NumberUnknown {
		return direction(spec.Egress) + ":?"
	}
	return direction(spec.Egress) + ":" + strconv.Itoa(spec.RuleNumber)
}

// NetworkACLEntryKey names one rule of an ACL: AWS finds a rule by its ACL,
// direction and number.
type NetworkACLEntryKey struct {
	NetworkACLID string
	Egress       bool
	RuleNumber   int
}

// networkACLEntryRule checks a rule to be added to an ACL on its own, then
// among the ACL's rules and those other resources of the plan add: its
// number free in its direction and the direction within its limit. replaces,
// when set, is the rule it takes the place of, gone by then.
func (c *Client) networkACLEntryRule(aclID string, spec NetworkACLEntrySpec, replaces *NetworkACLEntryKey) Rule {
	return func(v View) error {
		known := aclID
		if !IsKnown(aclID) {
			known = ""
		}
		if _, err := normalizeEntry(known, spec, func(param string) string { return ruleArguments[param] }); err != nil {
			return err
		}
		if known == "" {
			return nil
		}
		acl, err := findStored[NetworkACL](v, c.scope, aclID, "network_acl_id")
		if err != nil {
			return err
		}
		var numbers []entryNumber
		for _, e := range acl.Entries {
			if e.RuleNumber == DefaultRuleNumber || (replaces != nil && *replaces == NetworkACLEntryKey{aclID, e.Egress, e.RuleNumber}) {
				continue
			}
			numbers = append(numbers, entryNumber{egress: e.Egress, number: e.RuleNumber})
		}
		stored := len(numbers)
		for _, cl := range v.Claimed(ClaimNetworkACLEntry, aclID) {
			dir, number, _ := strings.Cut(cl.Value, ":")
			n, err := strconv.Atoi(number)
			claimed := entryNumber{egress: dir == "egress", number: n, unknown: err != nil, holder: cl.Who()}
			// A rule created earlier in this apply is both stored and
			// claimed: it counts once. (Two rules with one number are
			// refused when the second is planned.)
			if !slices.ContainsFunc(numbers[:stored], func(e entryNumber) bool {
				return e.egress == claimed.egress && e.number == claimed.number && !claimed.unknown
			}) {
				numbers = append(numbers, claimed)
			}
		}
		numbers = append(numbers, entryNumber{egress: spec.Egress, number: spec.RuleNumber, unknown: spec.NumberUnknown})
		if err := checkEntryNumbers(aclID, numbers, "rule_number"); err != nil {
			return err
		}
		return aclEntriesManagementRule(v, aclID, false)
	}
}

// CheckNetworkACLEntry runs at plan time the rules that adding a rule to an
// ACL will meet at apply, and claims its number and the management of the
// ACL's rules by rule resources. A rule that exists already (existing set)
// is in the ACL, where the others see its number: it is checked, and
// claims, only how the ACL's rules are managed.
func (c *Client) CheckNetworkACLEntry(ctx context.Context, p *Plan, holder Holder, aclID string, spec NetworkACLEntrySpec, existing bool, replaces *NetworkACLEntryKey) error {
	managed := Claim{Kind: ClaimACLRuleResource, Scope: aclID}
	if existing {
		return c.Check(ctx, p, holder, func(v View) error { return aclEntriesManagementRule(v, aclID, false) }, managed)
	}
	return c.Check(ctx, p, holder, c.networkACLEntryRule(aclID, spec, replaces),
		Claim{Kind: ClaimNetworkACLEntry, Scope: aclID, Value: entryClaim(spec)}, managed)
}

// CreateNetworkACLEntry adds a rule to an ACL, as CreateNetworkAclEntry does.
func (c *Client) CreateNetworkACLEntry(ctx context.Context, aclID string, spec NetworkACLEntrySpec) (NetworkACLEntry, error) {
	var e NetworkACLEntry
	ids := map[string]string{"network_acl_id": aclID}
	err := c.apply(ctx, "CreateNetworkAclEntry", ids, c.networkACLEntryRule(aclID, spec, nil), func(tx Tx) error {
		var err error
		if e, err = NormalizeNetworkACLEntry(aclID, spec); err != nil {
			return err
		}
		return tx.PutNetworkACLEntry(e)
	})
	return e, err
}

// NetworkACLEntry returns the rule of an ACL with the given direction and
// number.
func (c *Client) NetworkACLEntry(ctx context.Context, key NetworkACLEntryKey) (NetworkACLEntry, error) {
	return readResult(ctx, c, "DescribeNetworkAcls", map[string]string{"network_acl_id": key.NetworkACLID}, func(tx ReadTx) (NetworkACLEntry, error) {
		return c.findNetworkACLEntry(tx, key)
	})
}

func (c *Client) findNetworkACLEntry(tx ReadTx, key NetworkACLEntryKey) (NetworkACLEntry, error) {
	acl, err := findStored[NetworkACL](tx, c.scope, key.NetworkACLID, "network_acl_id")
	if err != nil {
		return NetworkACLEntry{}, err
	}
	for _, e := range acl.Entries {
		if e.Egress == key.Egress && e.RuleNumber == key.RuleNumber && key.RuleNumber != DefaultRuleNumber {
			return e, nil
		}
	}
	return NetworkACLEntry{}, &Error{
		Code:    "InvalidNetworkAclEntry.NotFound",
		Message: fmt.Sprintf("The network ACL entry identified by %d (%s) in %s does not exist.", key.RuleNumber, direction(key.Egress), key.NetworkACLID),
		Fix:     "Check the rule number and direction, or create the rule first.",
		Field:   "rule_number",
		Objects: []string{key.NetworkACLID},
	}
}

// DeleteNetworkACLEntry removes a rule from an ACL, as DeleteNetworkAclEntry
// does.
func (c *Client) DeleteNetworkACLEntry(ctx context.Context, key NetworkACLEntryKey) error {
	return c.write(ctx, "DeleteNetworkAclEntry", map[string]string{"network_acl_id": key.NetworkACLID}, func(tx Tx) error {
		e, err := c.findNetworkACLEntry(tx, key)
		if err != nil {
			return err
		}
		return tx.DeleteNetworkACLEntry(e)
	})
}

// NetworkACLRuleID is the ID the AWS provider gives aws_network_acl_rule:
// "nacl-" and a checksum of the ACL, number, direction and protocol, here
// the protocol's number whatever its spelling, so that an import finds the
// ID the rule was created with.
func NetworkACLRuleID(aclID string, number int, egress bool, protocol string) string {
	sum := crc32.ChecksumIEEE([]byte(fmt.Sprintf("%s-%d-%t-%s-", aclID, number, egress, protocolNumber(protocol))))
	return fmt.Sprintf("nacl-%d", int32(sum)&0x7fffffff)
}

// ParseNetworkACLRuleImportID reads the AWS provider's import ID of
// aws_network_acl_rule, NETWORK_ACL_ID:RULE_NUMBER:PROTOCOL:EGRESS, such as
// acl-7aaabd18:100:tcp:false. The protocol is returned as written: the AWS
// provider ignores the difference between a name and its number, which a
// replacing argument here cannot, so the import keeps the spelling the
// configuration most likely has.
func ParseNetworkACLRuleImportID(id string) (key NetworkACLEntryKey, protocol string, err error) {
	parts := strings.Split(id, ":")
	refuse := func(why string) error {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("Invalid import ID %q: %s.", printable(id), why),
			Fix:     "Import a network ACL rule as NETWORK_ACL_ID:RULE_NUMBER:PROTOCOL:EGRESS, such as acl-0123456789abcdef0:100:tcp:false.",
		}
	}
	if len(parts) != 4 {
		return key, "", refuse("want four parts separated by colons")
	}
	if err := ValidateID(KindNetworkACL, parts[0], ""); err != nil {
		return key, "", err
	}
	number, err := strconv.Atoi(parts[1])
	if err != nil {
		return key, "", refuse("the rule number is not a number")
	}
	egress, err := strconv.ParseBool(parts[3])
	if err != nil {
		return key, "", refuse("egress is neither true nor false")
	}
	return NetworkACLEntryKey{NetworkACLID: parts[0], Egress: egress, RuleNumber: number}, parts[2], nil
}

// protocolNumber is a protocol's number, for a name that has one; other
// values are returned as they are.
func protocolNumber(protocol string) string {
	if n, ok := protocolNumbers[strings.ToLower(protocol)]; ok {
		return n
	}
	return protocol
}

// SameNetworkACLProtocol reports whether two spellings of a rule's protocol
// name the same one, such as "tcp" and "6".
func SameNetworkACLProtocol(a, b string) bool { return protocolNumber(a) == protocolNumber(b) }
