package cloud

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// The filters of a path: network ACLs, stateless, which see the request
// and its reply each on its own, and security groups, stateful, which see
// only the request.

// traffic is the packets of one leg of a path. For all traffic (protocol
// AllProtocols), it gets through a filter only where each of its classes
// does: TCP and UDP on every port, ICMP of every type and code, and any
// other protocol.
type traffic struct {
	protocol string
	// ports are the destination ports for TCP and UDP, the types for ICMP;
	// code is the ICMP code, -1 for every code.
	ports   portRange
	code    int
	isReply bool
	// name is the protocol as the question named it.
	name string
}

// ICMP echo request and reply types, for IPv4 and for ICMPv6.
var echoTypes = map[string][2]int{IPv4: {8, 0}, IPv6: {128, 129}}

// otherProtocol stands for every protocol that is neither TCP, UDP nor
// ICMP, when all traffic is asked about: an unassigned number that no rule
// names but one for all protocols.
const otherProtocol = "253"

var everyPort, everyICMPType = portRange{0, 65535}, portRange{0, 255}

func icmpNumber(ipVersion string) (number, name string) {
	if ipVersion == IPv6 {
		return "58", "icmpv6"
	}
	return "1", "icmp"
}

func newTraffic(protocol string, port int, ipVersion string) traffic {
	switch protocol {
	case "icmp":
		number, name := icmpNumber(ipVersion)
		echo := echoTypes[ipVersion][0]
		return traffic{protocol: number, name: name, ports: portRange{echo, echo}, code: 0}
	case AllProtocols:
		return traffic{protocol: AllProtocols, name: "all traffic", ports: everyPort, code: -1}
	}
	return traffic{protocol: protocolNumber(protocol), name: protocol, ports: portRange{port, port}, code: -1}
}

// classes splits all traffic into the classes a rule can be about; other
// traffic is one class.
func (t traffic) classes(ipVersion string) []traffic {
	if t.protocol != AllProtocols {
		return []traffic{t}
	}
	icmp, icmpName := icmpNumber(ipVersion)
	return []traffic{
		{protocol: "6", name: "tcp", ports: everyPort, code: -1, isReply: t.isReply},
		{protocol: "17", name: "udp", ports: everyPort, code: -1, isReply: t.isReply},
		{protocol: icmp, name: icmpName, ports: everyICMPType, code: -1, isReply: t.isReply},
		{protocol: otherProtocol, name: "other protocols", ports: everyPort, code: -1, isReply: t.isReply},
	}
}

// reply is the traffic that answers t: back to the ephemeral ports, or an
// echo reply.
func (t traffic) reply() traffic {
	r := t
	r.isReply = true
	if t.hasPorts() {
		r.ports = ephemeralPorts
	}
	for _, types := range echoTypes {
		if t.isICMP() && t.ports.from == types[0] {
			r.ports = portRange{types[1], types[1]}
		}
	}
	return r
}

func (t traffic) hasPorts() bool { return t.protocol == "6" || t.protocol == "17" }
func (t traffic) isICMP() bool   { return t.protocol == "1" || t.protocol == "58" }

func (t traffic) String() string {
	return t.describe([]portRange{t.ports})
}

// describe names the traffic on some of its ports (or ICMP types).
func (t traffic) describe(ports []portRange) string {
	switch {
	case t.hasPorts():
		return t.name + " " + portList(ports)
	case t.isICMP() && t.code != -1:
		if t.isReply {
			return t.name + " echo reply"
		}
		return t.name + " echo request"
	case t.isICMP():
		return t.name + " of types " + portList(ports)
	}
	return t.name
}

func rangeText(r portRange) string {
	if r.from == r.to {
		return strconv.Itoa(r.from)
	}
	return fmt.Sprintf("%d-%d", r.from, r.to)
}

// peerBlock is the block a fix should open to an address: every internet
// address for the internet's stand-in, else the address alone.
func (w *pathWalk) peerBlock(addr netip.Addr) string {
	if addr == internetProbes[w.ipVersion] {
		return defaultDestination(w.ipVersion) + " (the internet)"
	}
	return netip.PrefixFrom(addr, addr.BitLen()).String()
}

func inbound(egress bool) string {
	if egress {
		return "outbound"
	}
	return "inbound"
}

func fromOrTo(egress bool) string {
	if egress {
		return "to"
	}
	return "from"
}

// acl checks traffic t through the network ACL of a subnet, leaving it
// (egress) or entering it, to or from peer. Rules go in rule-number order
// and the first that matches a packet decides; where t spans ports (a
// reply's ephemeral ports, all traffic) every packet must be allowed, so a
// deny that matches any of what is still undecided stops it.
func (w *pathWalk) acl(subnetID string, egress bool, t traffic, peer netip.Addr) (broken, fix string, err error) {
	s, err := w.c.findSubnet(w.tx, subnetID, "subnet_id")
	if err != nil {
		return "", "", err
	}
	acl, ok, err := get[NetworkACL](w.tx, w.c.scope, s.NetworkACLID)
	if err != nil || !ok {
		return fmt.Sprintf("%s has no network ACL", subnetID), "Associate the subnet with a network ACL.", err
	}
	leg := ""
	if t.isReply {
		leg = fmt.Sprintf("the reply to %s: ", w.request)
	}
	var allowedBy []NetworkACLEntry
	for _, class := range t.classes(w.ipVersion) {
		allowed, denied, deniedPorts := aclDecision(acl.Entries, egress, class, peer)
		if denied != nil {
			broken = fmt.Sprintf("%s%s rule %s denies %s %s", leg, acl.ID, ruleNumberText(denied.RuleNumber), class.describe(deniedPorts), inbound(egress))
			if t.isReply && t.hasPorts() {
				broken += fmt.Sprintf(" (network ACLs are stateless: the reply goes back to ephemeral ports %s)", rangeText(ephemeralPorts))
			}
			fix = fmt.Sprintf("Add an %s rule to %s that allows %s %s %s", inbound(egress), acl.ID, t, fromOrTo(egress), w.peerBlock(peer))
			if denied.RuleNumber != DefaultRuleNumber {
				fix += fmt.Sprintf(", numbered below %d, or remove rule %d", denied.RuleNumber, denied.RuleNumber)
			}
			return broken, fix + ".", nil
		}
		for _, e := range allowed {
			if !slices.ContainsFunc(allowedBy, func(x NetworkACLEntry) bool { return x.RuleNumber == e.RuleNumber }) {
				allowedBy = append(allowedBy, e)
			}
		}
	}
	var rules []string
	for _, e := range allowedBy {
		rules = append(rules, fmt.Sprintf("rule %s allows %s %s %s %s", ruleNumberText(e.RuleNumber), describeEntry(e), fromOrTo(egress), entryBlock(e), inbound(egress)))
	}
	w.hop("network_acl", acl.ID, leg+strings.Join(rules, "; "))
	return "", "", nil
}

// aclDecision returns the allow rules that let one class of traffic
// through an ACL's rules of one direction, or the rule that denies some of
// it and the ports (or ICMP types) it denies.
func aclDecision(entries []NetworkACLEntry, egress bool, t traffic, peer netip.Addr) (allowedBy []NetworkACLEntry, denied *NetworkACLEntry, deniedPorts []portRange) {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b NetworkACLEntry) int { return a.RuleNumber - b.RuleNumber })
	left := []portRange{t.ports}
	for _, e := range entries {
		if e.Egress != egress || !entryCovers(e, peer) || (e.Protocol != AllProtocols && protocolNumber(e.Protocol) != t.protocol) {
			continue
		}
		ports, everyCode := entryRange(e, t)
		if !everyCode && t.code != -1 && *e.ICMPCode != t.code {
			continue
		}
		if e.RuleAction == RuleActionDeny {
			if overlapsAny(left, ports) {
				return nil, &e, intersectPorts(left, ports)
			}
			continue
		}
		// An allow for one ICMP code settles nothing for every code.
		if !everyCode && t.code == -1 {
			continue
		}
		if after := subtractPorts(left, ports); !slices.Equal(after, left) {
			allowedBy, left = append(allowedBy, e), after
		}
		if len(left) == 0 {
			return allowedBy, nil, nil
		}
	}
	// Every ACL ends in its "*" rule; one without it denies all the same.
	return nil, &NetworkACLEntry{RuleNumber: DefaultRuleNumber, RuleAction: RuleActionDeny, Protocol: AllProtocols}, left
}

// entryRange is what an ACL rule covers of traffic like t: ports for TCP
// and UDP (all of them for a rule with none), types for ICMP; and whether
// it covers every ICMP code.
func entryRange(e NetworkACLEntry, t traffic) (portRange, bool) {
	switch {
	case e.Protocol == AllProtocols:
		return everyPort, true
	case t.isICMP():
		anyValue := func(v *int) bool { return v == nil || *v == -1 }
		types := everyICMPType
		if !anyValue(e.ICMPType) {
			types = portRange{*e.ICMPType, *e.ICMPType}
		}
		return types, anyValue(e.ICMPCode)
	case e.FromPort != nil && e.ToPort != nil && t.hasPorts():
		return portRange{*e.FromPort, *e.ToPort}, true
	}
	return everyPort, true
}

// entryCovers says that an ACL rule's block holds addr.
func entryCovers(e NetworkACLEntry, addr netip.Addr) bool {
	p, err := netip.ParsePrefix(entryBlock(e))
	return err == nil && p.Contains(addr)
}

func overlapsAny(ranges []portRange, r portRange) bool {
	return slices.ContainsFunc(ranges, func(x portRange) bool { return x.from <= r.to && r.from <= x.to })
}

func ruleNumberText(n int) string {
	if n == DefaultRuleNumber {
		return "*"
	}
	return strconv.Itoa(n)
}

func entryBlock(e NetworkACLEntry) string { return e.CIDRBlock + e.IPv6CIDRBlock }

// describeEntry names the traffic of an ACL rule: "tcp 22", "all traffic".
func describeEntry(e NetworkACLEntry) string {
	name := protocolNames[protocolNumber(e.Protocol)]
	switch {
	case e.Protocol == AllProtocols:
		return "all traffic"
	case name == "":
		return "protocol " + e.Protocol
	case e.FromPort != nil && e.ToPort != nil && (name == "tcp" || name == "udp"):
		return name + " " + rangeText(portRange{*e.FromPort, *e.ToPort})
	}
	return name
}

// groups checks the request through an end's security groups: its
// outbound rules (egress) to the other end, or its inbound rules from it.
// Groups are stateful: the reply needs no rule. A rule lets the request
// through by the other end's address (a CIDR or IPv6 CIDR rule, or one
// that names a prefix list holding it now) or by one of the other end's
// groups (a rule that references it); the rules of all the end's groups
// add up. An end without an interface (a subnet) has no
// groups, and nothing to check.
func (w *pathWalk) groups(e Endpoint, egress bool, other Endpoint, otherAddr netip.Addr) (broken, fix string, err error) {
	if e.InterfaceID == "" {
		return "", "", nil
	}
	var rules []SecurityGroupRule
	for _, id := range e.SecurityGroupIDs {
		g, ok, err := get[SecurityGroup](w.tx, w.c.scope, id)
		if err != nil {
			return "", "", err
		}
		if ok {
			rules = append(rules, g.Rules...)
		}
	}
	lists, err := w.c.prefixListsBlocks(w.tx, rules)
	if err != nil {
		return "", "", err
	}
	var used []SecurityGroupRule
	for _, class := range w.request.classes(w.ipVersion) {
		matched, ok := sgCovers(rules, egress, class, otherAddr, other.SecurityGroupIDs, lists)
		if !ok {
			groups := strings.Join(e.SecurityGroupIDs, ", ")
			if groups == "" {
				groups = e.ID + " (in no security group)"
			}
			rule := "simcloud_vpc_security_group_ingress_rule"
			if egress {
				rule = "simcloud_vpc_security_group_egress_rule"
			}
			fix := fmt.Sprintf("Add an %s rule (%s) to a group of %s that allows %s %s %s", inbound(egress), rule, e.ID, w.request, fromOrTo(egress), w.peerBlock(otherAddr))
			// Only an end with an interface is in groups a rule can name.
			if len(other.SecurityGroupIDs) > 0 {
				fix += fmt.Sprintf(", or %s a group of %s (%s)", fromOrTo(egress), other.ID, strings.Join(other.SecurityGroupIDs, ", "))
			}
			return fmt.Sprintf("%s allows no %s %s %s %s", groups, w.request, fromOrTo(egress), otherAddr, inbound(egress)), fix + ".", nil
		}
		for _, r := range matched {
			if !slices.ContainsFunc(used, func(x SecurityGroupRule) bool { return x.ID == r.ID }) {
				used = append(used, r)
			}
		}
	}
	for _, r := range used {
		w.hop("security_group", r.GroupID, fmt.Sprintf("rule %s allows %s %s %s %s", r.ID, describeSGRule(r), fromOrTo(egress), sgRuleOther(r), inbound(egress)))
	}
	return "", "", nil
}

// sgCovers says whether the rules of one direction let all of one class of
// traffic through to or from the other end (at otherAddr, in otherGroups),
// and with which rules; lists holds the blocks of the prefix lists the
// rules name.
func sgCovers(rules []SecurityGroupRule, egress bool, t traffic, otherAddr netip.Addr, otherGroups []string, lists map[string][]string) ([]SecurityGroupRule, bool) {
	left := []portRange{t.ports}
	var used []SecurityGroupRule
	for _, r := range rules {
		if r.Egress != egress || !sgRuleReaches(r, otherAddr, otherGroups, lists) {
			continue
		}
		var covered portRange
		switch {
		case r.IPProtocol == AllProtocols:
			covered = everyPort
		case protocolNumber(r.IPProtocol) != t.protocol:
			continue
		case t.hasPorts():
			covered = portRange{r.FromPort, r.ToPort}
		case t.isICMP():
			// An ICMP rule's from port is the type, its to port the code.
			if r.ToPort != -1 && (t.code == -1 || r.ToPort != t.code) {
				continue
			}
			covered = everyICMPType
			if r.FromPort != -1 {
				covered = portRange{r.FromPort, r.FromPort}
			}
		default:
			covered = everyPort
		}
		if after := subtractPorts(left, covered); !slices.Equal(after, left) {
			used, left = append(used, r), after
		}
		if len(left) == 0 {
			return used, true
		}
	}
	return nil, false
}

// sgRuleReaches says that a security group rule names the other end: by a
// block that holds its address (its own, or one of the blocks in lists of
// the prefix list it names), or by one of its groups.
func sgRuleReaches(r SecurityGroupRule, otherAddr netip.Addr, otherGroups []string, lists map[string][]string) bool {
	if r.ReferencedGroupID != "" {
		return slices.Contains(otherGroups, r.ReferencedGroupID)
	}
	blocks := []string{r.CIDRIPv4}
	switch {
	case r.PrefixListID != "":
		blocks = lists[r.PrefixListID]
	case otherAddr.Is6():
		blocks = []string{r.CIDRIPv6}
	}
	return slices.ContainsFunc(blocks, func(block string) bool {
		p, err := netip.ParsePrefix(block)
		return err == nil && p.Contains(otherAddr)
	})
}

// prefixListsBlocks are, by ID, the blocks of the prefix lists that rules
// name, as the lists hold them now.
func (c *Client) prefixListsBlocks(tx ReadTx, rules []SecurityGroupRule) (map[string][]string, error) {
	lists := map[string][]string{}
	for _, r := range rules {
		if _, seen := lists[r.PrefixListID]; seen || r.PrefixListID == "" {
			continue
		}
		blocks, err := c.prefixListBlocks(tx, r.PrefixListID)
		if err != nil {
			return nil, err
		}
		lists[r.PrefixListID] = blocks
	}
	return lists, nil
}

// prefixListBlocks are the blocks of a prefix list now: those of one of
// AWS's lists of the region, or the entries of a customer-managed list
// (none once it is gone).
func (c *Client) prefixListBlocks(tx ReadTx, id string) ([]string, error) {
	if p, ok := awsPrefixList(c.scope.Region, id); ok {
		return p.CIDRBlocks, nil
	}
	l, ok, err := get[ManagedPrefixList](tx, c.scope, id)
	if err != nil || !ok {
		return nil, err
	}
	blocks := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		blocks[i] = e.CIDR
	}
	return blocks, nil
}

func describeSGRule(r SecurityGroupRule) string {
	switch r.IPProtocol {
	case AllProtocols:
		return "all traffic"
	case "tcp", "udp":
		return r.IPProtocol + " " + rangeText(portRange{r.FromPort, r.ToPort})
	}
	return r.IPProtocol
}

func sgRuleOther(r SecurityGroupRule) string {
	if r.ReferencedGroupID != "" {
		return "members of " + r.ReferencedGroupID
	}
	if r.PrefixListID != "" {
		return "the blocks of prefix list " + r.PrefixListID
	}
	return r.CIDRIPv4 + r.CIDRIPv6
}
