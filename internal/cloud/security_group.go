package cloud

import (
	"context"
	"fmt"
)

// SecurityGroup is a stateful filter on the traffic of what is placed in
// it. Every VPC has one default group, made and deleted with the VPC.
type SecurityGroup struct {
	ID          string
	OwnerID     string
	Region      string
	VPCID       string
	GroupName   string
	Description string
	// Default says that the group is its VPC's default group.
	Default bool
	// Rules are the group's inbound and outbound rules, filled in by the
	// store.
	Rules []SecurityGroupRule
	Tags  map[string]string
}

// SecurityGroupRule is one rule of a security group, as DescribeSecurityGroupRules
// shows it: exactly one of CIDRIPv4, CIDRIPv6, PrefixListID and
// ReferencedGroupID names the other end.
type SecurityGroupRule struct {
	ID      string
	GroupID string
	Egress  bool
	// IPProtocol is a protocol name or number, "-1" for all; FromPort and
	// ToPort are -1 when the protocol has no ports.
	IPProtocol        string
	FromPort, ToPort  int
	CIDRIPv4          string
	CIDRIPv6          string
	ReferencedGroupID string
	// PrefixListID names a prefix list, customer-managed or AWS's: the
	// other end is every block of its entries when traffic flows.
	PrefixListID string
	Description  string
	// ManagedBy says which kind of Terraform resource manages the rule:
	// ManagedInline (the group's ingress and egress), ManagedByRuleResource,
	// or "" for rules AWS made or that predate the distinction.
	ManagedBy string
}

// SecurityGroupFilter selects security groups; empty fields match all.
type SecurityGroupFilter struct {
	ID        string
	VPCID     string
	GroupName string
	// Default, when set, selects default groups or the others.
	Default *bool
	Tags    map[string]string
}

// AllProtocols is AWS's protocol number for every protocol.
const AllProtocols = "-1"

// The default group's name and description, as AWS gives them.
const (
	DefaultSecurityGroupName        = "default"
	DefaultSecurityGroupDescription = "default VPC security group"
)

// defaultSecurityGroupRules are the rules AWS gives a VPC's default group
// (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html):
// inbound, everything from the group itself; outbound, everything to
// 0.0.0.0/0, and to ::/0 "only if your VPC has an associated IPv6 CIDR
// block".
func defaultSecurityGroupRules(groupID string, ipv6 bool) []SecurityGroupRule {
	all := func(egress bool) SecurityGroupRule {
		return SecurityGroupRule{
			ID: newID(KindSecurityGroupRule), GroupID: groupID, Egress: egress,
			IPProtocol: AllProtocols, FromPort: -1, ToPort: -1,
		}
	}
	in, out := all(false), all(true)
	in.ReferencedGroupID, out.CIDRIPv4 = groupID, "0.0.0.0/0"
	rules := []SecurityGroupRule{in, out}
	if ipv6 {
		rules = append(rules, defaultIPv6EgressRule(groupID))
	}
	return rules
}

func defaultIPv6EgressRule(groupID string) SecurityGroupRule {
	return SecurityGroupRule{
		ID: newID(KindSecurityGroupRule), GroupID: groupID, Egress: true,
		IPProtocol: AllProtocols, FromPort: -1, ToPort: -1, CIDRIPv6: "::/0",
	}
}

// sameRule reports whether two rules let the same traffic through, whatever
// their IDs and descriptions.
func sameRule(a, b SecurityGroupRule) bool {
	a.ID, b.ID, a.Description, b.Description, a.ManagedBy, b.ManagedBy = "", "", "", "", "", ""
	return a == b
}

// createDefaultSecurityGroup makes a new VPC's default group with its rules.
func createDefaultSecurityGroup(tx Tx, vpc VPC) (SecurityGroup, error) {
	g := SecurityGroup{
		ID: newID(KindSecurityGroup), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID,
		GroupName: DefaultSecurityGroupName, Description: DefaultSecurityGroupDescription, Default: true,
	}
	g.Rules = defaultSecurityGroupRules(g.ID, vpc.IPv6CIDRBlock != "")
	return made(g, insertWithParts(tx, g, g.Rules, tx.PutSecurityGroupRule))
}

// refuseDefaultGroup refuses to delete a VPC's default group, which goes
// only with its VPC, with AWS's code for DeleteSecurityGroup on a default
// group (Client.CannotDelete, per the default security group page of the
// VPC user guide).
func refuseDefaultGroup(_ ReadTx, g SecurityGroup) error {
	if !g.Default {
		return nil
	}
	return &Error{
		Code:    "CannotDelete",
		Message: fmt.Sprintf("the specified group: %q name: %q cannot be deleted by a user", g.ID, g.GroupName),
		Fix:     fmt.Sprintf("A VPC's default group cannot be deleted on its own; it goes when %s is deleted.", g.VPCID),
		Objects: []string{g.ID, g.VPCID},
	}
}

// setDefaultIPv6Egress adds or removes the default group's outbound ::/0
// rule as the VPC gains or loses its IPv6 block. AWS's page on default
// groups says only that the rule exists "only if your VPC has an associated
// IPv6 CIDR block"; we follow the network ACL page's documented behaviour
// for a block associated later (add the rule, unless the outbound rules
// were changed from the defaults) and, on release, remove the rule only
// when it is still the default one.
func setDefaultIPv6Egress(tx Tx, scope Scope, vpcID string, ipv6 bool) error {
	g, ok, err := first[SecurityGroup](tx, scope, SecurityGroupFilter{VPCID: vpcID, Default: ptr(true)})
	if err != nil || !ok {
		return err
	}
	var egress []SecurityGroupRule
	for _, r := range g.Rules {
		if r.Egress {
			egress = append(egress, r)
		}
	}
	v4 := SecurityGroupRule{GroupID: g.ID, Egress: true, IPProtocol: AllProtocols, FromPort: -1, ToPort: -1, CIDRIPv4: "0.0.0.0/0"}
	v6 := defaultIPv6EgressRule(g.ID)
	if ipv6 {
		if len(egress) == 1 && sameRule(egress[0], v4) {
			return tx.PutSecurityGroupRule(v6)
		}
		return nil
	}
	for _, r := range egress {
		if sameRule(r, v6) {
			return tx.DeleteSecurityGroupRule(r.ID)
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// DefaultSecurityGroup returns a VPC's default group, which
// simcloud_default_security_group adopts; vpcID "" is the region's default
// VPC.
func (c *Client) DefaultSecurityGroup(ctx context.Context, vpcID string) (SecurityGroup, error) {
	return readResult(ctx, c, "DescribeSecurityGroups", map[string]string{"vpc_id": vpcID}, func(tx ReadTx) (SecurityGroup, error) {
		// No VPC given names the region's default VPC, as for a new group.
		vpcID, err := c.groupVPCID(planView{ReadTx: tx}, vpcID)
		if err != nil {
			return SecurityGroup{}, err
		}
		vpc, err := c.findVPC(tx, vpcID, "vpc_id")
		if err != nil {
			return SecurityGroup{}, err
		}
		return findStored[SecurityGroup](tx, c.scope, vpc.DefaultSecurityGroupID, "vpc_id")
	})
}
