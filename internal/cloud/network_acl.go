package cloud

import (
	"context"
	"fmt"
	"slices"
)

// NetworkACL is a stateless filter on the traffic in and out of the subnets
// associated with it. Every VPC has one default ACL, made and deleted with
// the VPC, and every subnet is associated with exactly one ACL.
type NetworkACL struct {
	ID      string
	OwnerID string
	Region  string
	VPCID   string
	// Default says that the ACL is its VPC's default ACL.
	Default bool
	// Entries are the ACL's rules, inbound and outbound, in the order AWS
	// evaluates them; Associations the subnets it serves. Both are filled
	// in by the store.
	Entries      []NetworkACLEntry
	Associations []NetworkACLAssociation
	Tags         map[string]string
}

// NetworkACLEntry is one rule of a network ACL. Exactly one of CIDRBlock and
// IPv6CIDRBlock is set.
type NetworkACLEntry struct {
	NetworkACLID string
	Egress       bool
	// RuleNumber orders the entries; DefaultRuleNumber is the "*" rule.
	RuleNumber    int
	Protocol      string
	RuleAction    string
	CIDRBlock     string
	IPv6CIDRBlock string
	// FromPort, ToPort, ICMPType and ICMPCode are nil when the protocol
	// takes none.
	FromPort, ToPort   *int
	ICMPType, ICMPCode *int
}

// NetworkACLAssociation ties a subnet to the network ACL that filters its
// traffic.
type NetworkACLAssociation struct {
	ID           string
	NetworkACLID string
	SubnetID     string
}

// NetworkACLFilter selects network ACLs; empty fields match all.
type NetworkACLFilter struct {
	ID    string
	VPCID string
	// Default, when set, selects default ACLs or the others.
	Default *bool
	Tags    map[string]string
}

// DefaultRuleNumber is the number of the "*" rules that deny whatever no
// numbered rule matched; users cannot number a rule so.
const DefaultRuleNumber = 32767

// Network ACL rule actions.
const (
	RuleActionAllow = "allow"
	RuleActionDeny  = "deny"
)

// defaultNetworkACLEntries are the rules AWS gives a VPC's default ACL
// (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html),
// the same in both directions: rule 100 allows all IPv4 traffic and the "*"
// rule denies it; with an IPv6 block, rule 101 allows all IPv6 traffic and
// a second "*" rule denies it.
func defaultNetworkACLEntries(aclID string, ipv6 bool) []NetworkACLEntry {
	var entries []NetworkACLEntry
	for _, egress := range []bool{false, true} {
		entries = append(entries,
			NetworkACLEntry{NetworkACLID: aclID, Egress: egress, RuleNumber: 100, Protocol: AllProtocols, RuleAction: RuleActionAllow, CIDRBlock: "0.0.0.0/0"},
			NetworkACLEntry{NetworkACLID: aclID, Egress: egress, RuleNumber: DefaultRuleNumber, Protocol: AllProtocols, RuleAction: RuleActionDeny, CIDRBlock: "0.0.0.0/0"})
		if ipv6 {
			entries = append(entries, defaultIPv6Entries(aclID, egress)...)
		}
	}
	return entries
}

func defaultIPv6Entries(aclID string, egress bool) []NetworkACLEntry {
	return []NetworkACLEntry{
		{NetworkACLID: aclID, Egress: egress, RuleNumber: 101, Protocol: AllProtocols, RuleAction: RuleActionAllow, IPv6CIDRBlock: "::/0"},
		{NetworkACLID: aclID, Egress: egress, RuleNumber: DefaultRuleNumber, Protocol: AllProtocols, RuleAction: RuleActionDeny, IPv6CIDRBlock: "::/0"},
	}
}

// sameEntry reports whether two entries are the same rule.
func sameEntry(a, b NetworkACLEntry) bool {
	same := func(x, y *int) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.NetworkACLID == b.NetworkACLID && a.Egress == b.Egress && a.RuleNumber == b.RuleNumber &&
		a.Protocol == b.Protocol && a.RuleAction == b.RuleAction && a.CIDRBlock == b.CIDRBlock &&
		a.IPv6CIDRBlock == b.IPv6CIDRBlock && same(a.FromPort, b.FromPort) && same(a.ToPort, b.ToPort) &&
		same(a.ICMPType, b.ICMPType) && same(a.ICMPCode, b.ICMPCode)
}

// sameEntries reports whether two lists hold the same rules, in any order.
func sameEntries(have, want []NetworkACLEntry) bool {
	if len(have) != len(want) {
		return false
	}
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || sameEntry(h, w)
		}
		if !found {
			return false
		}
	}
	return true
}

// createDefaultNetworkACL makes a new VPC's default ACL with its rules.
func createDefaultNetworkACL(tx Tx, vpc VPC) (NetworkACL, error) {
	acl := NetworkACL{ID: newID(KindNetworkACL), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID, Default: true}
	acl.Entries = defaultNetworkACLEntries(acl.ID, vpc.IPv6CIDRBlock != "")
	return made(acl, insertWithParts(tx, acl, acl.Entries, tx.PutNetworkACLEntry))
}

// CreateVPCDefaults gives a VPC that has none its default security group
// and network ACL, with AWS's default rules, and associates each of its
// subnets that has no network ACL with the default one. CreateVPC does the
// first for a new VPC; the store's migration does both for the VPCs and
// subnets made before there were any, inside its own transaction.
func CreateVPCDefaults(tx Tx, vpc VPC) error {
	if vpc.DefaultSecurityGroupID == "" {
		if _, err := createDefaultSecurityGroup(tx, vpc); err != nil {
			return err
		}
	}
	aclID := vpc.DefaultNetworkACLID
	if aclID == "" {
		acl, err := createDefaultNetworkACL(tx, vpc)
		if err != nil {
			return err
		}
		aclID = acl.ID
	}
	subnets, err := list[Subnet](tx, Scope{AccountID: vpc.OwnerID, Region: vpc.Region}, SubnetFilter{VPCID: vpc.ID, BlocksOnly: true})
	if err != nil {
		return err
	}
	for _, s := range subnets {
		if s.NetworkACLID == "" {
			if err := associateNetworkACL(tx, aclID, s.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// associateNetworkACL associates a subnet that has no network ACL with one.
func associateNetworkACL(tx Tx, aclID, subnetID string) error {
	return tx.PutNetworkACLAssociation(NetworkACLAssociation{ID: newID(KindNetworkACLAssociation), NetworkACLID: aclID, SubnetID: subnetID})
}

// defaultNetworkACLID returns the ID of a VPC's default network ACL.
// It reads the VPC, whose row names its default ACL, rather than the ACL,
// whose row brings its rules and its associations with every subnet of the
// VPC: a new subnet asks this, and a VPC of N subnets would make N subnets
// cost N squared.
func defaultNetworkACLID(tx ReadTx, scope Scope, vpcID string) (string, error) {
	vpc, ok, err := get[VPC](tx, scope, vpcID)
	if err != nil {
		return "", err
	}
	if !ok || vpc.DefaultNetworkACLID == "" {
		return "", fmt.Errorf("VPC %s has no default network ACL", vpcID)
	}
	return vpc.DefaultNetworkACLID, nil
}

// refuseDefaultOrUsedACL refuses to delete a VPC's default ACL, which goes
// only with its VPC (AWS answers DeleteNetworkAcl on one with
// InvalidParameterValue, "cannot delete default network ACL acl-..."), or
// an ACL that subnets are associated with.
func refuseDefaultOrUsedACL(_ ReadTx, acl NetworkACL) error {
	if acl.Default {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("cannot delete default network ACL %s", acl.ID),
			Fix:     fmt.Sprintf("A VPC's default network ACL cannot be deleted on its own; it goes when %s is deleted.", acl.VPCID),
			Objects: []string{acl.ID, acl.VPCID},
		}
	}
	if len(acl.Associations) > 0 {
		return dependencyViolation(KindNetworkACL, acl.ID, []string{acl.Associations[0].SubnetID}, nil)
	}
	return nil
}

// setDefaultIPv6Entries adds or removes the default ACL's IPv6 rules as the
// VPC gains or loses its IPv6 block. AWS adds them when a block is
// associated, but not in a direction whose rules were changed from the
// defaults (the default network ACL page of the VPC user guide); on release
// we remove them only where they are still the defaults.
func setDefaultIPv6Entries(tx Tx, scope Scope, vpcID string, ipv6 bool) error {
	acl, ok, err := first[NetworkACL](tx, scope, NetworkACLFilter{VPCID: vpcID, Default: ptr(true)})
	if err != nil || !ok {
		return err
	}
	for _, egress := range []bool{false, true} {
		var have []NetworkACLEntry
		for _, e := range acl.Entries {
			if e.Egress == egress {
				have = append(have, e)
			}
		}
		v4 := defaultNetworkACLEntries(acl.ID, false)
		var v4Only []NetworkACLEntry
		for _, e := range v4 {
			if e.Egress == egress {
				v4Only = append(v4Only, e)
			}
		}
		v6 := defaultIPv6Entries(acl.ID, egress)
		switch {
		case ipv6 && sameEntries(have, v4Only):
			for _, e := range v6 {
				if err := tx.PutNetworkACLEntry(e); err != nil {
					return err
				}
			}
		case !ipv6 && sameEntries(have, append(v4Only, v6...)):
			for _, e := range v6 {
				if err := tx.DeleteNetworkACLEntry(e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// notDefaultACL refuses to adopt, as a VPC's default ACL, an ACL that is
// not one; the AWS provider answers so ("use the aws_network_acl resource
// instead").
func notDefaultACL(acl NetworkACL) *Error {
	return notVPCDefault(acl.ID, acl.VPCID, "default network ACL", "default_network_acl_id",
		"Give simcloud_default_network_acl the VPC's default_network_acl_id; manage other ACLs with simcloud_network_acl.")
}

// CheckDefaultNetworkACL runs at plan time the rules that adopting or
// updating a VPC's default ACL (see AdoptDefaultNetworkACL) will meet at
// apply, and claims its subnets and the management of its rules.
func (c *Client) CheckDefaultNetworkACL(ctx context.Context, p *Plan, holder Holder, aclID string, in NetworkACLInput) error {
	in.ManageIngress, in.ManageEgress = true, true
	return c.Check(ctx, p, holder, c.defaultNetworkACLRule(aclID, in), in.claims(aclID)...)
}

// defaultNetworkACLRule checks that the ACL aclID, a VPC's default one, may
// be adopted with in, at plan and in the adoption's transaction.
func (c *Client) defaultNetworkACLRule(aclID string, in NetworkACLInput) Rule {
	return func(v View) error {
		if !IsKnown(aclID) {
			// The ACL of a VPC the same apply creates: its rules can still
			// be checked on their own.
			in.VPCID = Unknown
			return in.rule(c, "")(v)
		}
		acl, err := findStored[NetworkACL](v, c.scope, aclID, "default_network_acl_id")
		if err != nil {
			return err
		}
		if !acl.Default {
			return notDefaultACL(acl)
		}
		in.VPCID = acl.VPCID
		return in.rule(c, aclID)(v)
	}
}

// setIPv6DenyEntries gives every ACL of a VPC the "*" rules for IPv6 as the
// VPC gains an IPv6 block, as AWS does, and takes them away as it loses it.
// It runs after setDefaultIPv6Entries, so that only the default ACL's rule
// 101 depends on whether its rules are still AWS's.
func setIPv6DenyEntries(tx Tx, scope Scope, vpcID string, ipv6 bool) error {
	acls, err := list[NetworkACL](tx, scope, NetworkACLFilter{VPCID: vpcID})
	if err != nil {
		return err
	}
	for _, acl := range acls {
		for _, egress := range []bool{false, true} {
			star := defaultIPv6Entries(acl.ID, egress)[1]
			has := slices.ContainsFunc(acl.Entries, func(e NetworkACLEntry) bool { return sameEntry(e, star) })
			switch {
			case ipv6 && !has:
				err = tx.PutNetworkACLEntry(star)
			case !ipv6 && has:
				err = tx.DeleteNetworkACLEntry(star)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
