package cloud

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// The network ACLs that users make (simcloud_network_acl), their rules and
// their associations with subnets (simcloud_network_acl_association). The
// default ACL of each VPC, and what every ACL is, are in network_acl.go.

// MaxNetworkACLEntries is AWS's default quota of rules per direction of a
// network ACL, the "*" rules not counted.
const MaxNetworkACLEntries = 20

// ClaimSubnetNetworkACL is the claim that a planned ACL (through its
// subnet_ids) or ACL association makes on a subnet, which has one ACL.
const ClaimSubnetNetworkACL ClaimKind = "subnet-network-acl"

// NetworkACLEntrySpec is a rule of an ACL as configured. Protocol may be a
// name (tcp, udp, icmp, ipv6-icmp, all) or a number; ports and ICMP values are
// nil when not given. Any string may be Unknown at plan, and so may the rule
// number (NumberUnknown): such a rule still counts towards the limit.
type NetworkACLEntrySpec struct {
	Egress        bool
	RuleNumber    int
	NumberUnknown bool
	Protocol      string
	RuleAction    string
	CIDRBlock     string
	IPv6CIDRBlock string
	FromPort      *int
	ToPort        *int
	ICMPType      *int
	ICMPCode      *int
}

// protocolNumbers are the protocol names AWS and the AWS provider accept.
// ("ipv6-icmp" is the AWS provider's name for ICMPv6; "icmpv6" is taken too).
var protocolNumbers = map[string]string{"all": AllProtocols, "tcp": "6", "udp": "17", "icmp": "1", "ipv6-icmp": "58", "icmpv6": "58"}

func direction(egress bool) string {
	if egress {
		return "egress"
	}
	return "ingress"
}

// NormalizeNetworkACLEntry checks one rule on its own, as CreateNetworkAclEntry
// does, and returns it as the cloud stores it: the protocol as its number,
// the action in lower case, ports only for TCP and UDP (AWS ignores them for
// other protocols) and an ICMP type and code, 0 unless given, only for ICMP.
// aclID names the ACL in refusals ("" for a new one).
func NormalizeNetworkACLEntry(aclID string, spec NetworkACLEntrySpec) (NetworkACLEntry, error) {
	return normalizeEntry(aclID, spec, func(string) string { return direction(spec.Egress) })
}

// normalizeEntry is NormalizeNetworkACLEntry with refusals pointing at the
// argument fieldOf names for AWS's parameter: an ACL's inline rules are all
// in one argument, a rule resource has one argument a parameter.
func normalizeEntry(aclID string, spec NetworkACLEntrySpec, fieldOf func(param string) string) (NetworkACLEntry, error) {
	field := direction(spec.Egress)
	refuse := func(param, value, fix string) error {
		e := invalidValue(value, param, fieldOf(param), fix)
		e.Objects = nonEmpty(aclID)
		return e
	}
	e := NetworkACLEntry{NetworkACLID: aclID, Egress: spec.Egress, RuleNumber: spec.RuleNumber,
		CIDRBlock: spec.CIDRBlock, IPv6CIDRBlock: spec.IPv6CIDRBlock}
	if !spec.NumberUnknown && (spec.RuleNumber < 1 || spec.RuleNumber >= DefaultRuleNumber) {
		return e, refuse("ruleNumber", strconv.Itoa(spec.RuleNumber),
			fmt.Sprintf("Number the %s rule from 1 to 32766; 32767 is the \"*\" rule, which is always there.", field))
	}
	e.RuleAction = strings.ToLower(spec.RuleAction)
	if IsKnown(spec.RuleAction) && e.RuleAction != RuleActionAllow && e.RuleAction != RuleActionDeny {
		return e, refuse("ruleAction", spec.RuleAction, fmt.Sprintf("Set the action of %s rule %d to allow or deny.", field, spec.RuleNumber))
	}
	e.Protocol = strings.ToLower(spec.Protocol)
	if !IsKnown(spec.Protocol) {
		// The protocol decides which of ports and ICMP values apply.
		e.Protocol = Unknown
	} else if n, ok := protocolNumbers[e.Protocol]; ok {
		e.Protocol = n
	} else if n, err := strconv.Atoi(e.Protocol); err == nil && n >= -1 && n <= 255 && strconv.Itoa(n) == e.Protocol {
		e.Protocol = strconv.Itoa(n)
	} else {
		return e, refuse("protocol", spec.Protocol,
			fmt.Sprintf("Give %s rule %d a protocol number from 0 to 255, -1 for all, or tcp, udp, icmp, ipv6-icmp or all.", field, spec.RuleNumber))
	}
	switch {
	case spec.CIDRBlock != "" && spec.IPv6CIDRBlock != "", spec.CIDRBlock == "" && spec.IPv6CIDRBlock == "":
		return e, &Error{
			Code:    "InvalidParameterCombination",
			Message: "Exactly one of cidrBlock and ipv6CidrBlock must be specified.",
			Fix:     fmt.Sprintf("Give %s rule %d either cidr_block or ipv6_cidr_block.", field, spec.RuleNumber),
			Field:   fieldOf("cidrBlock"),
			Objects: nonEmpty(aclID),
		}
	case spec.CIDRBlock != "" && IsKnown(spec.CIDRBlock):
		p, err := ParseIPv4Network(spec.CIDRBlock, "cidrBlock", fieldOf("cidrBlock"))
		if err != nil {
			return e, withObjects(err, aclID)
		}
		e.CIDRBlock = p.String()
	case spec.IPv6CIDRBlock != "" && IsKnown(spec.IPv6CIDRBlock):
		p, err := ParseIPv6Network(spec.IPv6CIDRBlock, "ipv6CidrBlock", fieldOf("ipv6CidrBlock"))
		if err != nil {
			return e, withObjects(err, aclID)
		}
		e.IPv6CIDRBlock = p.String()
	}
	switch e.Protocol {
	case "6", "17":
		if spec.FromPort == nil || spec.ToPort == nil {
			return e, refuse("portRange", "", fmt.Sprintf("Give %s rule %d a from_port and a to_port: TCP and UDP rules need a port range.", field, spec.RuleNumber))
		}
		for _, p := range []int{*spec.FromPort, *spec.ToPort} {
			if p < 0 || p > 65535 {
				return e, refuse("portRange", strconv.Itoa(p), fmt.Sprintf("Give %s rule %d ports from 0 to 65535.", field, spec.RuleNumber))
			}
		}
		if *spec.FromPort > *spec.ToPort {
			return e, refuse("portRange", fmt.Sprintf("%d-%d", *spec.FromPort, *spec.ToPort),
				fmt.Sprintf("Give %s rule %d a from_port no greater than its to_port.", field, spec.RuleNumber))
		}
		e.FromPort, e.ToPort = ptr(*spec.FromPort), ptr(*spec.ToPort)
	case "1", "58":
		e.ICMPType, e.ICMPCode = ptr(0), ptr(0)
		for _, v := range []struct {
			value *int
			into  **int
		}{{spec.ICMPType, &e.ICMPType}, {spec.ICMPCode, &e.ICMPCode}} {
			if v.value == nil {
				continue
			}
			if *v.value < -1 || *v.value > 255 {
				return e, refuse("icmpTypeCode", strconv.Itoa(*v.value),
					fmt.Sprintf("Give %s rule %d an ICMP type and code from 0 to 255, or -1 for all.", field, spec.RuleNumber))
			}
			*v.into = ptr(*v.value)
		}
	}
	return e, nil
}

// withObjects names aclID in a refusal of a rule's own values, when known.
func withObjects(err error, aclID string) error {
	if ce, ok := err.(*Error); ok {
		ce.Objects = nonEmpty(aclID)
	}
	return err
}

// NetworkACLInput is the desired configuration of a network ACL.
type NetworkACLInput struct {
	VPCID string
	Tags  map[string]string
	// Entries are the ACL's rules besides the "*" ones, when ManageEntries
	// is set (in each direction separately); otherwise they are left as
	// they are.
	Entries                     []NetworkACLEntrySpec
	ManageIngress, ManageEgress bool
	// SubnetIDs are the subnets associated with the ACL, when ManageSubnets
	// is set. A subnet taken out goes back to its VPC's default ACL.
	SubnetIDs     []string
	ManageSubnets bool
}

// entriesRule checks the rules an ACL (aclID, "" for a new one) is to hold:
// each rule, no number twice in a direction, and at most
// MaxNetworkACLEntries in each.
func entriesRule(aclID string, specs []NetworkACLEntrySpec) Rule {
	return func(View) error {
		numbers := make([]entryNumber, 0, len(specs))
		for _, spec := range specs {
			if _, err := NormalizeNetworkACLEntry(aclID, spec); err != nil {
				return err
			}
			numbers = append(numbers, entryNumber{egress: spec.Egress, number: spec.RuleNumber, unknown: spec.NumberUnknown})
		}
		return checkEntryNumbers(aclID, numbers, "")
	}
}

// entryNumber is what the limits of an ACL see of one of its rules: its
// direction and number (unknown until apply for some planned rules), and
// who holds it, for a refusal to name ("" for the rule being checked).
type entryNumber struct {
	egress  bool
	number  int
	unknown bool
	holder  string
}

// checkEntryNumbers refuses a number given twice in a direction of an ACL
// and more than MaxNetworkACLEntries rules in a direction. A repeated number
// is reported on its later rule, so that a rule checked last against those
// of the cloud and the plan is the one refused. field is the argument to
// point at, "" for the direction's own.
func checkEntryNumbers(aclID string, numbers []entryNumber, field string) error {
	at := func(egress bool) string {
		if field != "" {
			return field
		}
		return direction(egress)
	}
	seen := map[bool]map[int]string{false: {}, true: {}}
	count := map[bool]int{}
	for _, n := range numbers {
		count[n.egress]++
		if n.unknown {
			continue
		}
		if holder, ok := seen[n.egress][n.number]; ok {
			return &Error{
				Code:    "NetworkAclEntryAlreadyExists",
				Message: fmt.Sprintf("The network acl entry identified by %d already exists.", n.number),
				Fix:     fmt.Sprintf("Give each %s rule of %s its own rule number.", direction(n.egress), orNew(aclID)),
				Field:   at(n.egress),
				Objects: nonEmpty(aclID, holder),
			}
		}
		seen[n.egress][n.number] = n.holder
	}
	for _, egress := range []bool{false, true} {
		if count[egress] > MaxNetworkACLEntries {
			return &Error{
				Code:    "NetworkAclEntryLimitExceeded",
				Message: fmt.Sprintf("The maximum number of %s network ACL entries (%d) has been reached.", direction(egress), MaxNetworkACLEntries),
				Fix:     fmt.Sprintf("Keep %s to %d %s rules, or merge rules with wider CIDR blocks or port ranges.", orNew(aclID), MaxNetworkACLEntries, direction(egress)),
				Field:   at(egress),
				Objects: nonEmpty(aclID),
			}
		}
	}
	return nil
}

// aclSubnetRule checks that a subnet may be associated with an ACL in
// vpcID: both exist in one VPC, and no other resource of the plan claims
// the subnet's one ACL. Unknown IDs skip what needs them.
func (c *Client) aclSubnetRule(aclID, vpcID, subnetID, field string) Rule {
	return func(v View) error {
		if !IsKnown(subnetID) {
			return nil
		}
		subnet, err := c.findSubnet(v, subnetID, field)
		if err != nil {
			return err
		}
		if IsKnown(vpcID) && vpcID != "" && subnet.VPCID != vpcID {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Network ACL %s and subnet %s belong to different networks", orNew(aclID), subnetID),
				Fix:     fmt.Sprintf("Associate %s with a network ACL of its own VPC, %s.", subnetID, subnet.VPCID),
				Field:   field,
				Objects: nonEmpty(aclID, subnetID, vpcID, subnet.VPCID),
			}
		}
		if claims := v.Claimed(ClaimSubnetNetworkACL, subnetID); len(claims) > 0 {
			return &Error{
				Code:    "Resource.AlreadyAssociated",
				Message: fmt.Sprintf("subnet %s is already planned to be associated with network ACL %s", subnetID, orNew(claims[0].Value)),
				Fix: fmt.Sprintf("A subnet has one network ACL; %s is claimed by another resource of this configuration (%s). "+
					"List it in one simcloud_network_acl's subnet_ids or one simcloud_network_acl_association.", subnetID, claims[0].Who()),
				Field:   field,
				Objects: nonEmpty(subnetID, claims[0].Value),
			}
		}
		return nil
	}
}

func (in NetworkACLInput) rule(c *Client, aclID string) Rule {
	rules := []Rule{tagsRule(in.Tags), c.vpcExistsRule(in.VPCID), entriesRule(aclID, in.Entries)}
	if in.ManageSubnets {
		for _, s := range in.SubnetIDs {
			rules = append(rules, c.aclSubnetRule(aclID, in.VPCID, s, "subnet_ids"))
		}
	}
	if aclID != "" && in.managesEntries() {
		rules = append(rules, func(v View) error { return aclEntriesManagementRule(v, aclID, true) })
	}
	return allRules(rules...)
}

func (in NetworkACLInput) managesEntries() bool { return in.ManageIngress || in.ManageEgress }

// claims are what a planned ACL reserves: its subnets, and, when it manages
// its rules inline, the management of its rules.
func (in NetworkACLInput) claims(aclID string) []Claim {
	var claims []Claim
	if in.ManageSubnets {
		for _, s := range in.SubnetIDs {
			claims = append(claims, Claim{Kind: ClaimSubnetNetworkACL, Scope: s, Value: aclID})
		}
	}
	if aclID != "" && in.managesEntries() {
		claims = append(claims, Claim{Kind: ClaimInlineACLEntries, Scope: aclID})
	}
	return claims
}

// CheckNetworkACL runs at plan time the rules that creating (aclID "") or
// updating an ACL will meet at apply, and claims its subnets.
func (c *Client) CheckNetworkACL(ctx context.Context, p *Plan, holder Holder, aclID string, in NetworkACLInput) error {
	return c.Check(ctx, p, holder, in.rule(c, aclID), in.claims(aclID)...)
}

// CreateNetworkACL creates a network ACL in a VPC with its "*" rules, the
// given rules and subnets.
func (c *Client) CreateNetworkACL(ctx context.Context, in NetworkACLInput) (NetworkACL, error) {
	var acl NetworkACL
	err := c.apply(ctx, "CreateNetworkAcl", map[string]string{"vpc_id": in.VPCID}, in.rule(c, ""), func(tx Tx) error {
		vpc, err := c.findVPC(tx, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		acl = NetworkACL{ID: newID(KindNetworkACL), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID}
		if err := tx.Insert(acl); err != nil {
			return err
		}
		ipv6, err := hasIPv6(tx, c.scope, vpc)
		if err != nil {
			return err
		}
		// A new ACL denies everything: it has only the "*" rules.
		for _, e := range defaultNetworkACLEntries(acl.ID, ipv6) {
			if e.RuleNumber == DefaultRuleNumber {
				if err := tx.PutNetworkACLEntry(e); err != nil {
					return err
				}
			}
		}
		if err := tx.SetTags(acl.ID, in.Tags); err != nil {
			return err
		}
		acl, err = c.setNetworkACL(tx, acl, in)
		return err
	})
	return acl, err
}

// UpdateNetworkACL gives an ACL its desired tags and, where managed, exactly
// the given rules and subnets.
func (c *Client) UpdateNetworkACL(ctx context.Context, id string, in NetworkACLInput) (NetworkACL, error) {
	return c.updateNetworkACL(ctx, "ReplaceNetworkAclEntry", id, in, false)
}

// AdoptDefaultNetworkACL takes a VPC's default ACL under management, as
// simcloud_default_network_acl does: its rules become exactly the input's,
// besides the "*" ones, and the input's subnets are associated with it.
// Refused for an ACL that is not a default one.
func (c *Client) AdoptDefaultNetworkACL(ctx context.Context, id string, in NetworkACLInput) (NetworkACL, error) {
	in.ManageIngress, in.ManageEgress = true, true
	return c.updateNetworkACL(ctx, "ReplaceNetworkAclEntry", id, in, true)
}

func (c *Client) updateNetworkACL(ctx context.Context, op, id string, in NetworkACLInput, wantDefault bool) (NetworkACL, error) {
	var acl NetworkACL
	err := c.write(ctx, op, map[string]string{"network_acl_id": id}, func(tx Tx) error {
		var err error
		if acl, err = findStored[NetworkACL](tx, c.scope, id, "id"); err != nil {
			return err
		}
		in.VPCID = acl.VPCID
		rule := in.rule(c, id)
		if wantDefault {
			rule = c.defaultNetworkACLRule(id, in)
		}
		if err := rule(applyView{tx}); err != nil {
			return err
		}
		if err := tx.SetTags(id, in.Tags); err != nil {
			return err
		}
		acl, err = c.setNetworkACL(tx, acl, in)
		return err
	})
	return acl, err
}

// setNetworkACL makes the managed rules and subnets of acl those of in, and
// returns the ACL as it then is.
func (c *Client) setNetworkACL(tx Tx, acl NetworkACL, in NetworkACLInput) (NetworkACL, error) {
	manage := map[bool]bool{false: in.ManageIngress, true: in.ManageEgress}
	for _, e := range acl.Entries {
		if e.RuleNumber != DefaultRuleNumber && manage[e.Egress] {
			if err := tx.DeleteNetworkACLEntry(e); err != nil {
				return NetworkACL{}, err
			}
		}
	}
	for _, spec := range in.Entries {
		if !manage[spec.Egress] {
			continue
		}
		e, err := NormalizeNetworkACLEntry(acl.ID, spec)
		if err != nil {
			return NetworkACL{}, err
		}
		if err := tx.PutNetworkACLEntry(e); err != nil {
			return NetworkACL{}, err
		}
	}
	if in.ManageSubnets {
		want := map[string]bool{}
		for _, s := range in.SubnetIDs {
			want[s] = true
			if err := c.replaceNetworkACLAssociation(tx, acl.ID, s, "subnet_ids"); err != nil {
				return NetworkACL{}, err
			}
		}
		for _, a := range acl.Associations {
			if !want[a.SubnetID] {
				if err := c.toDefaultNetworkACL(tx, acl.VPCID, a.SubnetID); err != nil {
					return NetworkACL{}, err
				}
			}
		}
	}
	return findStored[NetworkACL](tx, c.scope, acl.ID, "id")
}

// replaceNetworkACLAssociation associates a subnet with an ACL in place of
// its current association, as ReplaceNetworkAclAssociation does; a subnet
// already associated with the ACL keeps its association.
func (c *Client) replaceNetworkACLAssociation(tx Tx, aclID, subnetID, field string) error {
	subnet, err := c.findSubnet(tx, subnetID, field)
	if err != nil {
		return err
	}
	if subnet.NetworkACLID == aclID {
		return nil
	}
	if err := tx.DeleteNetworkACLAssociation(subnetID); err != nil {
		return err
	}
	return associateNetworkACL(tx, aclID, subnetID)
}

// toDefaultNetworkACL returns a subnet to its VPC's default ACL.
func (c *Client) toDefaultNetworkACL(tx Tx, vpcID, subnetID string) error {
	defaultID, err := defaultNetworkACLID(tx, c.scope, vpcID)
	if err != nil {
		return err
	}
	return c.replaceNetworkACLAssociation(tx, defaultID, subnetID, "subnet_id")
}

// DeleteNetworkACL deletes an ACL as the AWS provider's destroy does: its
// subnets first go back to their VPC's default ACL. The default ACL itself
// is refused.
func (c *Client) DeleteNetworkACL(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteNetworkAcl", map[string]string{"network_acl_id": id}, func(tx Tx) error {
		acl, err := findStored[NetworkACL](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		if acl.Default {
			return refuseDefaultOrUsedACL(tx, acl)
		}
		for _, a := range acl.Associations {
			if err := c.toDefaultNetworkACL(tx, acl.VPCID, a.SubnetID); err != nil {
				return err
			}
		}
		return tx.Delete(KindNetworkACL, id)
	})
}

// CheckNetworkACLAssociation runs at plan time the rules that associating a
// subnet with an ACL will meet at apply, and claims the subnet's ACL.
func (c *Client) CheckNetworkACLAssociation(ctx context.Context, p *Plan, holder Holder, aclID, subnetID string) error {
	return c.Check(ctx, p, holder, c.aclAssociationRule(aclID, subnetID),
		Claim{Kind: ClaimSubnetNetworkACL, Scope: subnetID, Value: aclID})
}

func (c *Client) aclAssociationRule(aclID, subnetID string) Rule {
	return func(v View) error {
		vpcID := Unknown
		if IsKnown(aclID) {
			acl, err := findStored[NetworkACL](v, c.scope, aclID, "network_acl_id")
			if err != nil {
				return err
			}
			vpcID = acl.VPCID
		}
		return c.aclSubnetRule(aclID, vpcID, subnetID, "subnet_id")(v)
	}
}

// AssociateNetworkACL associates a subnet with an ACL, replacing the
// subnet's association, and returns the new association.
func (c *Client) AssociateNetworkACL(ctx context.Context, aclID, subnetID string) (NetworkACLAssociation, error) {
	return c.replaceSubnetACL(ctx, aclID, map[string]string{"network_acl_id": aclID, "subnet_id": subnetID},
		func(ReadTx) (string, error) { return subnetID, nil })
}

// ReplaceNetworkACLAssociation associates with an ACL the subnet named by
// its ID or by the ID of its current association (which AWS's
// ReplaceNetworkAclAssociation takes), and returns the new association.
func (c *Client) ReplaceNetworkACLAssociation(ctx context.Context, subnetOrAssociationID, aclID string) (NetworkACLAssociation, error) {
	byAssociation := IDPrefix(subnetOrAssociationID) == KindNetworkACLAssociation.Prefix
	named := map[bool]string{false: "subnet_id", true: "association_id"}[byAssociation]
	return c.replaceSubnetACL(ctx, aclID, map[string]string{"network_acl_id": aclID, named: subnetOrAssociationID},
		func(tx ReadTx) (string, error) {
			if !byAssociation {
				return subnetOrAssociationID, nil
			}
			a, err := c.findNetworkACLAssociation(tx, subnetOrAssociationID, named)
			return a.SubnetID, err
		})
}

// replaceSubnetACL associates the subnet that subnet finds, in the same
// transaction, with an ACL.
func (c *Client) replaceSubnetACL(ctx context.Context, aclID string, ids map[string]string, subnet func(ReadTx) (string, error)) (NetworkACLAssociation, error) {
	var a NetworkACLAssociation
	var subnetID string
	rule := func(v View) (err error) {
		if subnetID, err = subnet(v); err != nil {
			return err
		}
		return c.aclAssociationRule(aclID, subnetID)(v)
	}
	err := c.apply(ctx, "ReplaceNetworkAclAssociation", ids, rule, func(tx Tx) error {
		if err := c.replaceNetworkACLAssociation(tx, aclID, subnetID, "subnet_id"); err != nil {
			return err
		}
		var err error
		a, _, err = tx.SubnetNetworkACLAssociation(subnetID)
		return err
	})
	return a, err
}

// NetworkACLAssociation returns the ACL association with the given ID.
func (c *Client) NetworkACLAssociation(ctx context.Context, id string) (NetworkACLAssociation, error) {
	return readResult(ctx, c, "DescribeNetworkAcls", map[string]string{"association_id": id}, func(tx ReadTx) (NetworkACLAssociation, error) {
		return c.findNetworkACLAssociation(tx, id, "id")
	})
}

func (c *Client) findNetworkACLAssociation(tx ReadTx, id, field string) (NetworkACLAssociation, error) {
	return findOwned[NetworkACLAssociation, NetworkACL](tx, c.scope, KindNetworkACLAssociation, id, field, tx.NetworkACLAssociationByID,
		func(a NetworkACLAssociation) string { return a.NetworkACLID })
}

// DisassociateNetworkACL undoes an association as the AWS provider's
// destroy of aws_network_acl_association does: the subnet goes back to its
// VPC's default ACL. An association already replaced is left alone.
func (c *Client) DisassociateNetworkACL(ctx context.Context, id string) error {
	return c.write(ctx, "ReplaceNetworkAclAssociation", map[string]string{"association_id": id}, func(tx Tx) error {
		a, err := c.findNetworkACLAssociation(tx, id, "id")
		if err != nil {
			if IsNotFound(err) {
				return nil
			}
			return err
		}
		acl, err := findStored[NetworkACL](tx, c.scope, a.NetworkACLID, "network_acl_id")
		if err != nil || acl.Default {
			return err
		}
		err = c.toDefaultNetworkACL(tx, acl.VPCID, a.SubnetID)
		return err
	})
}

// SameNetworkACLEntry reports whether two entries, as NormalizeNetworkACLEntry
// returns them, are the same rule of the same ACL.
func SameNetworkACLEntry(a, b NetworkACLEntry) bool { return sameEntry(a, b) }
