package cli

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Security groups and network ACLs, as ls and show present them: their
// rules with the names of the AWS provider's rule resources in JSON, and a
// line each in text.

type securityGroupView struct {
	ID          string `json:"id"`
	VPCID       string `json:"vpc_id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Default     bool   `json:"default"`
	directions[securityGroupRule]
	Tags map[string]string `json:"tags"`
}

// directions are a group's rules or an ACL's entries, inbound and
// outbound, as the AWS provider's ingress and egress blocks hold them.
type directions[R any] struct {
	Ingress []R `json:"ingress"`
	Egress  []R `json:"egress"`
}

func newDirections[R any]() directions[R] { return directions[R]{Ingress: []R{}, Egress: []R{}} }

func (d *directions[R]) add(egress bool, r R) {
	if egress {
		d.Egress = append(d.Egress, r)
	} else {
		d.Ingress = append(d.Ingress, r)
	}
}

// securityGroupRule is a rule with the names of
// aws_vpc_security_group_ingress_rule.
type securityGroupRule struct {
	ID                        string `json:"security_group_rule_id"`
	IPProtocol                string `json:"ip_protocol"`
	FromPort                  int    `json:"from_port"`
	ToPort                    int    `json:"to_port"`
	CIDRIPv4                  string `json:"cidr_ipv4,omitempty"`
	CIDRIPv6                  string `json:"cidr_ipv6,omitempty"`
	PrefixListID              string `json:"prefix_list_id,omitempty"`
	ReferencedSecurityGroupID string `json:"referenced_security_group_id,omitempty"`
	Description               string `json:"description,omitempty"`
}

type networkACLView struct {
	ID        string   `json:"id"`
	VPCID     string   `json:"vpc_id"`
	Default   bool     `json:"default"`
	SubnetIDs []string `json:"subnet_ids"`
	directions[networkACLEntry]
	Tags map[string]string `json:"tags"`
}

// networkACLEntry is an entry with the names of aws_network_acl's ingress
// and egress blocks; rule_no 32767 is the "*" rule.
type networkACLEntry struct {
	RuleNo        int    `json:"rule_no"`
	Action        string `json:"action"`
	Protocol      string `json:"protocol"`
	CIDRBlock     string `json:"cidr_block,omitempty"`
	IPv6CIDRBlock string `json:"ipv6_cidr_block,omitempty"`
	FromPort      *int   `json:"from_port,omitempty"`
	ToPort        *int   `json:"to_port,omitempty"`
	ICMPType      *int   `json:"icmp_type,omitempty"`
	ICMPCode      *int   `json:"icmp_code,omitempty"`
}

func securityGroupOf(g cloud.SecurityGroup) securityGroupView {
	view := securityGroupView{ID: g.ID, VPCID: g.VPCID, Name: g.GroupName, Description: g.Description, Default: g.Default,
		directions: newDirections[securityGroupRule](), Tags: nonNil(g.Tags)}
	for _, r := range g.Rules {
		rule := securityGroupRule{ID: r.ID, IPProtocol: r.IPProtocol, FromPort: r.FromPort, ToPort: r.ToPort,
			CIDRIPv4: r.CIDRIPv4, CIDRIPv6: r.CIDRIPv6, PrefixListID: r.PrefixListID, ReferencedSecurityGroupID: r.ReferencedGroupID, Description: r.Description}
		view.add(r.Egress, rule)
	}
	return view
}

func networkACLOf(a cloud.NetworkACL) networkACLView {
	view := networkACLView{ID: a.ID, VPCID: a.VPCID, Default: a.Default, SubnetIDs: []string{},
		directions: newDirections[networkACLEntry](), Tags: nonNil(a.Tags)}
	for _, assoc := range a.Associations {
		view.SubnetIDs = append(view.SubnetIDs, assoc.SubnetID)
	}
	sort.Strings(view.SubnetIDs)
	for _, e := range a.Entries {
		entry := networkACLEntry{RuleNo: e.RuleNumber, Action: e.RuleAction, Protocol: e.Protocol, CIDRBlock: e.CIDRBlock,
			IPv6CIDRBlock: e.IPv6CIDRBlock, FromPort: e.FromPort, ToPort: e.ToPort, ICMPType: e.ICMPType, ICMPCode: e.ICMPCode}
		view.add(e.Egress, entry)
	}
	return view
}

func securityGroupNode(g securityGroupView) node {
	isDefault := ""
	if g.Default {
		isDefault = "default"
	}
	n := node{text: label("security group "+g.ID, fmt.Sprintf("%q", g.Name), isDefault, quotedName(g.Tags))}
	for _, r := range g.Ingress {
		n.children = append(n.children, node{text: label("in: "+ruleTraffic(r.IPProtocol, &r.FromPort, &r.ToPort), "from "+rulePeer(r), r.ID)})
	}
	for _, r := range g.Egress {
		n.children = append(n.children, node{text: label("out: "+ruleTraffic(r.IPProtocol, &r.FromPort, &r.ToPort), "to "+rulePeer(r), r.ID)})
	}
	return n
}

func rulePeer(r securityGroupRule) string {
	return r.CIDRIPv4 + r.CIDRIPv6 + r.PrefixListID + r.ReferencedSecurityGroupID
}

func networkACLNode(a networkACLView) node {
	isDefault := ""
	if a.Default {
		isDefault = "default"
	}
	n := node{text: label("network ACL "+a.ID, isDefault, quotedName(a.Tags))}
	entries := func(direction, toward string, list []networkACLEntry) {
		for _, e := range list {
			number := strconv.Itoa(e.RuleNo)
			if e.RuleNo == cloud.DefaultRuleNumber {
				number = "*"
			}
			ports, icmp := ruleTraffic(e.Protocol, e.FromPort, e.ToPort), ""
			if e.ICMPType != nil {
				icmp = fmt.Sprintf("type %d code %d", *e.ICMPType, deref(e.ICMPCode))
			}
			n.children = append(n.children, node{text: label(direction+" "+number+" "+e.Action, ports, icmp, toward+" "+e.CIDRBlock+e.IPv6CIDRBlock)})
		}
	}
	entries("in:", "from", a.Ingress)
	entries("out:", "to", a.Egress)
	if len(a.SubnetIDs) > 0 {
		n.children = append(n.children, node{text: "associated with " + strings.Join(a.SubnetIDs, ", ")})
	}
	return n
}

// ruleTraffic words a rule's protocol and ports: "all traffic", "tcp
// 22", "udp 1024-65535".
func ruleTraffic(protocol string, from, to *int) string {
	switch {
	case protocol == cloud.AllProtocols:
		return "all traffic"
	case from == nil || to == nil || *from < 0:
		return protocol
	case *from == *to:
		return fmt.Sprintf("%s %d", protocol, *from)
	default:
		return fmt.Sprintf("%s %d-%d", protocol, *from, *to)
	}
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// defaultOrInVPC is show's relation of a group or ACL to its VPC.
func defaultOrInVPC(noun string) relation {
	return func(holder, _ cloud.Object, _ cloud.Reference) (string, string, bool) {
		isDefault := false
		switch v := holder.Value.(type) {
		case cloud.SecurityGroup:
			isDefault = v.Default
		case cloud.NetworkACL:
			isDefault = v.Default
		}
		if isDefault {
			return holder.ID, "the VPC's default " + noun, true
		}
		return holder.ID, "in the VPC", true
	}
}
