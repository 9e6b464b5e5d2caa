package cloud_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The model test: random small networks, each question answered by the
// cloud's evaluator and by the model below, written apart from it. The
// model does not walk rules in order with ranges left to decide: it turns
// each question into the set of packets it stands for (a packet for each
// stretch of ports between the rules' edges), decides each packet on its
// own (a network ACL by the lowest numbered rule that matches it, security
// groups by any rule that matches it), and lets a question through when
// every packet of it gets through.

// mACLRule and mSGRule are the model's rules: a protocol name, ports (ICMP
// types for icmp, -1 for all), and the other end's block (or group).
type mACLRule struct {
	egress   bool
	number   int
	protocol string
	from, to int
	allow    bool
	block    netip.Prefix
}

type mSGRule struct {
	egress   bool
	protocol string
	from, to int
	block    netip.Prefix // invalid when group is set
	group    int          // index of the referenced group, -1 for none
}

// mEnd is one end of a question in the model.
type mEnd struct {
	internet bool
	subnet   int
	addr     netip.Addr
	public   bool
	// groups are indexes into the network's groups; nil for an end
	// without an interface.
	groups []int
	iface  bool
}

type mNetwork struct {
	// routed says that subnet 0's table sends 0.0.0.0/0 to the internet
	// gateway; subnet 1 is on the main table, with the local route only.
	routed bool
	// acls are the rules of each subnet's ACL, default ones included.
	acls   [2][]mACLRule
	groups [][]mSGRule
	ends   []mEnd
}

var (
	modelBlocks = []string{"0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/24", "8.8.8.0/24", "203.0.113.0/24", "10.0.1.10/32"}
	modelRanges = [][2]int{{22, 22}, {80, 80}, {443, 443}, {53, 53}, {1024, 65535}, {0, 65535}, {20, 30}, {32768, 65535}, {1000, 2000}}
	modelTypes  = []int{-1, 8, 0, 3}
	modelProtos = []string{"tcp", "udp", "icmp", "-1"}
	modelPorts  = []int{22, 80, 443, 53, 25, 1500}
	internetIP  = netip.MustParseAddr("8.8.8.8")
)

func randomPorts(r *rand.Rand, protocol string) (int, int) {
	switch protocol {
	case "tcp", "udp":
		p := modelRanges[r.IntN(len(modelRanges))]
		return p[0], p[1]
	case "icmp":
		return modelTypes[r.IntN(len(modelTypes))], -1
	}
	return -1, -1
}

func randomNetwork(r *rand.Rand) mNetwork {
	n := mNetwork{routed: r.IntN(4) > 0}
	allowAll := func(egress bool) mACLRule {
		return mACLRule{egress: egress, number: 100, protocol: "-1", from: -1, to: -1, allow: true, block: netip.MustParsePrefix("0.0.0.0/0")}
	}
	for s := range 2 {
		if r.IntN(3) == 0 {
			n.acls[s] = []mACLRule{allowAll(false), allowAll(true)}
			continue
		}
		for _, egress := range []bool{false, true} {
			numbers := r.Perm(6)
			for i := range r.IntN(5) {
				p := modelProtos[r.IntN(len(modelProtos))]
				from, to := randomPorts(r, p)
				n.acls[s] = append(n.acls[s], mACLRule{egress: egress, number: 10 * (numbers[i] + 1), protocol: p, from: from, to: to,
					allow: r.IntN(3) > 0, block: netip.MustParsePrefix(modelBlocks[r.IntN(len(modelBlocks))])})
			}
		}
	}
	n.groups = make([][]mSGRule, 2)
	for g := range 2 {
		seen := map[string]bool{}
		add := func(rule mSGRule) {
			key := fmt.Sprint(rule)
			if !seen[key] {
				seen[key] = true
				n.groups[g] = append(n.groups[g], rule)
			}
		}
		for _, egress := range []bool{false, true} {
			if egress && r.IntN(2) == 0 {
				add(mSGRule{egress: true, protocol: "-1", from: -1, to: -1, block: netip.MustParsePrefix("0.0.0.0/0"), group: -1})
				continue
			}
			for range r.IntN(4) {
				p := modelProtos[r.IntN(len(modelProtos))]
				from, to := randomPorts(r, p)
				rule := mSGRule{egress: egress, protocol: p, from: from, to: to, group: -1}
				if r.IntN(3) == 0 {
					rule.group = r.IntN(2)
				} else {
					rule.block = netip.MustParsePrefix(modelBlocks[r.IntN(len(modelBlocks))])
				}
				add(rule)
			}
		}
	}
	someGroups := func() []int {
		switch r.IntN(3) {
		case 0:
			return []int{0}
		case 1:
			return []int{1}
		}
		return []int{0, 1}
	}
	n.ends = []mEnd{
		{internet: true, addr: internetIP},
		{subnet: 0, addr: netip.MustParseAddr("10.0.1.4"), public: r.IntN(2) == 0},
		{subnet: 1, addr: netip.MustParseAddr("10.0.2.4")},
		{subnet: 0, addr: netip.MustParseAddr("10.0.1.10"), public: r.IntN(2) == 0, groups: someGroups(), iface: true},
		{subnet: 1, addr: netip.MustParseAddr("10.0.2.11"), groups: someGroups(), iface: true},
		{subnet: 0, addr: netip.MustParseAddr("10.0.1.12"), public: r.IntN(2) == 0, groups: someGroups(), iface: true},
	}
	return n
}

// mPacket is one packet of a question: a protocol and a port (ICMP type).
type mPacket struct {
	protocol string
	port     int
}

// edges are the ports (ICMP types) where some rule's range starts or ends,
// with their neighbours: between two of them every rule decides alike.
func (n mNetwork) edges(lo, hi int) []int {
	points := []int{lo, hi}
	add := func(from, to int) {
		for _, p := range []int{from - 1, from, to, to + 1} {
			if p >= lo && p <= hi {
				points = append(points, p)
			}
		}
	}
	for _, rules := range n.acls {
		for _, r := range rules {
			add(r.from, r.to)
		}
	}
	for _, g := range n.groups {
		for _, r := range g {
			add(r.from, r.to)
		}
	}
	slices.Sort(points)
	return slices.Compact(points)
}

// packets are what a question's request (or its reply) stands for.
func (n mNetwork) packets(protocol string, port int, reply bool) []mPacket {
	var out []mPacket
	switch protocol {
	case "tcp", "udp":
		if !reply {
			return []mPacket{{protocol, port}}
		}
		for _, p := range n.edges(1024, 65535) {
			out = append(out, mPacket{protocol, p})
		}
	case "icmp":
		if reply {
			return []mPacket{{"icmp", 0}}
		}
		return []mPacket{{"icmp", 8}}
	default:
		for _, proto := range []string{"tcp", "udp"} {
			for _, p := range n.edges(0, 65535) {
				out = append(out, mPacket{proto, p})
			}
		}
		for _, t := range n.edges(0, 255) {
			out = append(out, mPacket{"icmp", t})
		}
		out = append(out, mPacket{"other", 0})
	}
	return out
}

func protocolMatches(ruleProtocol string, from, to int, p mPacket) bool {
	switch ruleProtocol {
	case "-1":
		return true
	case "icmp":
		// An ICMP rule's second number is the code, which every rule
		// here leaves at all codes.
		return p.protocol == "icmp" && (from == -1 || from == p.port)
	}
	return ruleProtocol == p.protocol && (from == -1 || (from <= p.port && p.port <= to))
}

// aclAllows decides one packet by the lowest numbered rule that matches
// it; none (the "*" rule) denies.
func (n mNetwork) aclAllows(subnet int, egress bool, p mPacket, peer netip.Addr) bool {
	best := -1
	allow := false
	for _, r := range n.acls[subnet] {
		if r.egress == egress && r.block.Contains(peer) && protocolMatches(r.protocol, r.from, r.to, p) && (best < 0 || r.number < best) {
			best, allow = r.number, r.allow
		}
	}
	return allow
}

// sgAllows says whether any rule of the end's groups lets one packet
// through to or from the other end.
func (n mNetwork) sgAllows(e mEnd, egress bool, p mPacket, other mEnd) bool {
	for _, g := range e.groups {
		for _, r := range n.groups[g] {
			if r.egress != egress || !protocolMatches(r.protocol, r.from, r.to, p) {
				continue
			}
			if r.group >= 0 && slices.Contains(other.groups, r.group) || r.group < 0 && r.block.Contains(other.addr) {
				return true
			}
		}
	}
	return false
}

func every(packets []mPacket, pass func(mPacket) bool) bool {
	return !slices.ContainsFunc(packets, func(p mPacket) bool { return !pass(p) })
}

// reachable is the model's answer.
func (n mNetwork) reachable(from, to mEnd, protocol string, port int) bool {
	request, reply := n.packets(protocol, port, false), n.packets(protocol, port, true)
	// Routes: subnet 1 has no way to the internet; subnet 0 one when
	// routed, for an end with a public address.
	for _, pair := range [][2]mEnd{{from, to}, {to, from}} {
		if pair[0].internet && (pair[1].subnet != 0 || !n.routed || !pair[1].public) {
			return false
		}
	}
	filtered := !from.internet && !to.internet && from.subnet == to.subnet
	if from.iface && !every(request, func(p mPacket) bool { return n.sgAllows(from, true, p, to) }) {
		return false
	}
	if to.iface && !every(request, func(p mPacket) bool { return n.sgAllows(to, false, p, from) }) {
		return false
	}
	if filtered {
		return true
	}
	if !from.internet && !(every(request, func(p mPacket) bool { return n.aclAllows(from.subnet, true, p, to.addr) }) &&
		every(reply, func(p mPacket) bool { return n.aclAllows(from.subnet, false, p, to.addr) })) {
		return false
	}
	return to.internet || every(request, func(p mPacket) bool { return n.aclAllows(to.subnet, false, p, from.addr) }) &&
		every(reply, func(p mPacket) bool { return n.aclAllows(to.subnet, true, p, from.addr) })
}

// build makes the model's network in the cloud and returns its ends.
func (n mNetwork) build(t *testing.T, pn *pathNet) []cloud.Endpoint {
	t.Helper()
	ctx := context.Background()
	c := pn.c
	if !n.routed {
		must(c.UpdateRouteTable(ctx, pn.nat.publicTable.ID, cloud.RouteTableInput{ManageRoutes: true}))(t)
	}
	subnets := []cloud.Subnet{pn.public, pn.private}
	for s, rules := range n.acls {
		var specs []cloud.NetworkACLEntrySpec
		for _, r := range rules {
			action := "deny"
			if r.allow {
				action = "allow"
			}
			specs = append(specs, aclRule(r.egress, r.number, r.protocol, action, r.block.String(), r.from, r.to))
		}
		pn.acl(t, subnets[s:s+1], specs...)
	}
	groupIDs := []string{pn.group(t, pn.nat.vpc.ID, nil, nil), pn.group(t, pn.nat.vpc.ID, nil, nil)}
	for g, rules := range n.groups {
		in := cloud.SecurityGroupInput{ManageIngress: true, ManageEgress: true, Ingress: []cloud.SecurityGroupRule{}, Egress: []cloud.SecurityGroupRule{}}
		for _, r := range rules {
			rule := cloud.SecurityGroupRule{IPProtocol: r.protocol, FromPort: r.from, ToPort: r.to}
			if r.group >= 0 {
				rule.ReferencedGroupID = groupIDs[r.group]
			} else {
				rule.CIDRIPv4 = r.block.String()
			}
			if r.egress {
				in.Egress = append(in.Egress, rule)
			} else {
				in.Ingress = append(in.Ingress, rule)
			}
		}
		must(c.UpdateSecurityGroup(ctx, groupIDs[g], in))(t)
	}
	ends := make([]cloud.Endpoint, len(n.ends))
	for i, e := range n.ends {
		switch {
		case e.internet:
			ends[i] = cloud.InternetEndpoint
		case !e.iface:
			if e.public {
				in := cloud.SubnetInput{VPCID: pn.public.VPCID, CIDRBlock: pn.public.CIDRBlock, IPv6CIDRBlock: pn.public.IPv6CIDRBlock, MapPublicIPOnLaunch: true}
				must(c.UpdateSubnet(ctx, pn.public.ID, in))(t)
			} else if e.subnet == 0 {
				in := cloud.SubnetInput{VPCID: pn.public.VPCID, CIDRBlock: pn.public.CIDRBlock, IPv6CIDRBlock: pn.public.IPv6CIDRBlock}
				must(c.UpdateSubnet(ctx, pn.public.ID, in))(t)
			}
			ends[i] = pn.end(t, subnets[e.subnet].ID)
		default:
			var groups []string
			for _, g := range e.groups {
				groups = append(groups, groupIDs[g])
			}
			host := int(e.addr.As4()[3])
			ends[i] = pn.server(t, subnets[e.subnet], host, e.public, groups...)
		}
	}
	return ends
}

func TestNetworkPathModel(t *testing.T) {
	ctx := context.Background()
	const networks, questions = 25, 40
	asked, reached := 0, 0
	// One subtest per network, so that each network's database is closed
	// when its questions are answered rather than held to the end.
	for seed := range uint64(networks) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			model := randomNetwork(r)
			pn := newPathNet(t)
			ends := model.build(t, pn)
			for range questions {
				from, to := r.IntN(len(ends)), r.IntN(len(ends))
				if from == 0 && to == 0 {
					continue
				}
				protocol := modelProtos[r.IntN(len(modelProtos))]
				port := 0
				if protocol == "tcp" || protocol == "udp" {
					port = modelPorts[r.IntN(len(modelPorts))]
				}
				q := cloud.PathQuestion{Source: endID(ends[from]), Destination: endID(ends[to]), Protocol: protocol, Port: port, IPVersion: cloud.IPv4}
				p, err := pn.c.NetworkPathBetween(ctx, q)
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				asked++
				if p.Reachable {
					reached++
				}
				if want := model.reachable(model.ends[from], model.ends[to], protocol, port); p.Reachable != want {
					t.Errorf("seed %d: %s %d from end %d to end %d: reachable %v, the model says %v\nbreak: %s\nhops:\n%s",
						seed, protocol, port, from, to, p.Reachable, want, p.Break, hopDetails(p))
				}
			}
		})
	}
	// Questions that all fail (or all pass) would test little.
	t.Logf("%d of %d questions reachable", reached, asked)
	if reached < asked/10 || reached > asked*9/10 {
		t.Errorf("%d of %d questions reachable: the random networks are too closed or too open to test much", reached, asked)
	}
}
