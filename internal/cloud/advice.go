package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// Advisory is advice on a network that AWS accepts without a word but that
// most likely does not do what its author meant. It is not a refusal: the
// cloud works as configured.
type Advisory struct {
	// Code names the kind of advice, one of the Advice* constants.
	Code string
	// Title says in a few words what is wrong, for a warning's summary.
	Title string
	// Subject is the ID of the object the advice is about.
	Subject string
	// Objects are the objects involved, Subject first.
	Objects []string
	// Message says what is wrong; Fix, in one sentence, what to do.
	Message, Fix string
	// Field is the argument of Subject at fault, in the AWS provider's
	// spelling, or "".
	Field string
}

// The kinds of advice.
const (
	// AdvicePublicIPWithoutInternetRoute: a subnet hands its instances
	// public IPv4 addresses, but its route table gives the internet no way
	// to reach them.
	AdvicePublicIPWithoutInternetRoute = "PublicIpWithoutInternetRoute"
	// AdviceInternetGatewayWithoutRoute: an attached internet gateway that
	// no route table of its VPC routes to carries no traffic.
	AdviceInternetGatewayWithoutRoute = "InternetGatewayWithoutRoute"
	// AdviceRouteTableWithoutSubnets: a route table that is not its VPC's
	// main table and has no subnet associated routes nothing.
	AdviceRouteTableWithoutSubnets = "RouteTableWithoutSubnets"
	// AdviceAdminPortOpenToInternet: an inbound rule of a security group
	// lets any address on the internet reach SSH or RDP.
	AdviceAdminPortOpenToInternet = "AdminPortOpenToInternet"
	// AdviceNetworkACLDropsReplies: a network ACL lets TCP connections in
	// (or out), but its rules of the other direction drop their replies.
	AdviceNetworkACLDropsReplies = "NetworkAclDropsReplies"
)

// Advice returns the advice on a VPC's subnets, internet gateway, route
// tables, security groups and network ACLs, as they are now.
func (c *Client) Advice(ctx context.Context, vpcID string) ([]Advisory, error) {
	var out []Advisory
	err := c.read(ctx, "Advice", map[string]string{"vpc_id": vpcID}, func(tx ReadTx) error {
		if _, err := c.findVPC(tx, vpcID, "vpc_id"); err != nil {
			return err
		}
		subnets, err := list[Subnet](tx, c.scope, SubnetFilter{VPCID: vpcID})
		if err != nil {
			return err
		}
		for _, s := range subnets {
			if err := c.deriveSubnet(tx, &s); err != nil {
				return err
			}
			out = append(out, SubnetAdvice(s)...)
		}
		igws, err := list[InternetGateway](tx, c.scope, InternetGatewayFilter{VPCID: vpcID})
		if err != nil {
			return err
		}
		tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{VPCID: vpcID, WithAssociations: true})
		if err != nil {
			return err
		}
		for _, igw := range igws {
			out = append(out, gatewayAdvice(igw, tables)...)
		}
		for _, t := range tables {
			out = append(out, tableAdvice(t)...)
		}
		groups, err := list[SecurityGroup](tx, c.scope, SecurityGroupFilter{VPCID: vpcID})
		if err != nil {
			return err
		}
		for _, g := range groups {
			out = append(out, SecurityGroupAdvice(g)...)
		}
		acls, err := list[NetworkACL](tx, c.scope, NetworkACLFilter{VPCID: vpcID})
		for _, acl := range acls {
			out = append(out, NetworkACLAdvice(acl)...)
		}
		return err
	})
	return out, err
}

// AdviceOn returns the advice about one object, named by its ID, of a kind
// whose registry entry advises; other objects get none.
func (c *Client) AdviceOn(ctx context.Context, id string) ([]Advisory, error) {
	var out []Advisory
	err := c.read(ctx, "Advice", map[string]string{"id": id}, func(tx ReadTx) error {
		k, ok := objectKindOf(id, func(k objectKind) bool { return k.advise != nil })
		if !ok {
			return nil
		}
		var err error
		out, err = k.advise(c, tx, id)
		return err
	})
	return out, err
}

// The kinds' objectKind.advise.

func (c *Client) subnetAdvice(tx ReadTx, id string) ([]Advisory, error) {
	s, err := c.findSubnet(tx, id, "id")
	return SubnetAdvice(s), err
}

func (c *Client) internetGatewayAdvice(tx ReadTx, id string) ([]Advisory, error) {
	igw, err := findStored[InternetGateway](tx, c.scope, id, "id")
	if err != nil || igw.VPCID == "" {
		return nil, err
	}
	tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{VPCID: igw.VPCID})
	return gatewayAdvice(igw, tables), err
}

func (c *Client) routeTableAdvice(tx ReadTx, id string) ([]Advisory, error) {
	tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{ID: id, WithAssociations: true})
	if err != nil || len(tables) == 0 {
		return nil, err
	}
	return tableAdvice(tables[0]), nil
}

func (c *Client) securityGroupAdvice(tx ReadTx, id string) ([]Advisory, error) {
	g, err := findStored[SecurityGroup](tx, c.scope, id, "id")
	return SecurityGroupAdvice(g), err
}

func (c *Client) networkACLAdvice(tx ReadTx, id string) ([]Advisory, error) {
	acl, err := findStored[NetworkACL](tx, c.scope, id, "id")
	return NetworkACLAdvice(acl), err
}

// SubnetAdvice warns about a subnet, as Client.Subnet returns it (with its
// routing derived), that gives its instances public addresses the internet
// cannot reach: AWS assigns them anyway, and people then wonder why nothing
// answers. It reads nothing, so a caller holding the subnet pays nothing.
func SubnetAdvice(s Subnet) []Advisory {
	in := s.InternetAccess.IPv4Inbound
	if !s.MapPublicIPOnLaunch || in.Reachable {
		return nil
	}
	return []Advisory{{
		Code:    AdvicePublicIPWithoutInternetRoute,
		Title:   "public IPv4 addresses the internet cannot reach",
		Subject: s.ID,
		Objects: []string{s.ID, s.RouteTableID},
		Message: fmt.Sprintf("%s gives its instances public IPv4 addresses (map_public_ip_on_launch = true), but the internet cannot reach them: %s.",
			s.ID, strings.TrimSuffix(in.Break, ".")),
		Fix: fmt.Sprintf("Route 0.0.0.0/0 in %s to an internet gateway attached to %s, or set map_public_ip_on_launch = false if the subnet is meant to be private.",
			s.RouteTableID, s.VPCID),
		Field: "map_public_ip_on_launch",
	}}
}

// gatewayAdvice warns about an attached internet gateway that no table of
// its VPC routes to: it costs nothing and carries nothing, which usually
// means a forgotten route.
func gatewayAdvice(igw InternetGateway, tables []RouteTable) []Advisory {
	if igw.VPCID == "" {
		return nil
	}
	for _, t := range tables {
		for _, r := range t.Routes {
			if r.Target == igw.ID {
				return nil
			}
		}
	}
	return []Advisory{{
		Code:    AdviceInternetGatewayWithoutRoute,
		Title:   "internet gateway that no route uses",
		Subject: igw.ID,
		Objects: []string{igw.ID, igw.VPCID},
		Message: fmt.Sprintf("%s is attached to %s, but no route table of %s has a route to it, so no traffic goes through it.", igw.ID, igw.VPCID, igw.VPCID),
		Fix: fmt.Sprintf("Add a route to %s (for example 0.0.0.0/0, with a simcloud_route or a route block) in the table of the subnets that should be public, "+
			"or remove the gateway if the VPC needs none.", igw.ID),
	}}
}

// tableAdvice warns about a table, with its associations, that serves no
// subnet: its routes decide nothing, however carefully they were written.
func tableAdvice(t RouteTable) []Advisory {
	if t.Main {
		return nil
	}
	for _, a := range t.Associations {
		if a.SubnetID != "" {
			return nil
		}
	}
	return []Advisory{{
		Code:    AdviceRouteTableWithoutSubnets,
		Title:   "route table that no subnet uses",
		Subject: t.ID,
		Objects: []string{t.ID, t.VPCID},
		Message: fmt.Sprintf("%s is not the main route table of %s and no subnet is associated with it, so its routes apply to no traffic.", t.ID, t.VPCID),
		Fix:     "Associate the subnets it is meant for with it (simcloud_route_table_association), make it the VPC's main table, or remove it.",
	}}
}

// adminPorts are the ports of remote administration, which scanners try on
// every address of the internet.
var adminPorts = []struct {
	port int
	name string
}{{22, "SSH"}, {3389, "RDP"}}

// SecurityGroupAdvice warns about each inbound rule of a group that lets
// the whole internet reach SSH or RDP, a port range or every protocol
// included. AWS accepts such a rule, as it is sometimes meant; it is also
// one of the commonest ways instances get broken into.
func SecurityGroupAdvice(g SecurityGroup) []Advisory {
	var out []Advisory
	for _, r := range g.Rules {
		everyone := r.CIDRIPv4 + r.CIDRIPv6
		if r.Egress || !wholeInternet(everyone) {
			continue
		}
		var names, services []string
		for _, p := range adminPorts {
			if ruleLetsInTCP(r, p.port) {
				names = append(names, p.name)
				services = append(services, fmt.Sprintf("%s (TCP port %d)", p.name, p.port))
			}
		}
		if len(names) == 0 {
			continue
		}
		out = append(out, Advisory{
			Code:    AdviceAdminPortOpenToInternet,
			Title:   strings.Join(names, " and ") + " open to the whole internet",
			Subject: g.ID,
			Objects: []string{g.ID, r.ID},
			Message: fmt.Sprintf("Inbound rule %s of %s (%s) lets %s in from %s, that is from every address on the internet. "+
				"Administrative ports open to the world are found by scanners within minutes and then face endless password guessing "+
				"and exploits of the login service.", r.ID, g.ID, describeRule(r), strings.Join(services, " and "), everyone),
			Fix: fmt.Sprintf("Restrict the rule's source to the addresses you administer from (a CIDR block such as 203.0.113.7/32 or your office's range, "+
				"or a bastion's security group) instead of %s, or reach the instances through a bastion or a VPN.", everyone),
			Field: "ingress",
		})
	}
	return out
}

// wholeInternet reports whether a CIDR block holds every address of its
// family, as 0.0.0.0/0 and ::/0 do.
func wholeInternet(cidr string) bool {
	p, err := netip.ParsePrefix(cidr)
	return err == nil && p.Bits() == 0
}

// ruleLetsInTCP reports whether a rule lets TCP traffic to port through.
func ruleLetsInTCP(r SecurityGroupRule, port int) bool {
	switch strings.ToLower(r.IPProtocol) {
	case AllProtocols:
		return true
	case "tcp", "6":
		return r.FromPort <= port && port <= r.ToPort
	}
	return false
}

// ephemeralPorts are the ports clients send from and get their replies on:
// Linux uses 32768-60999, Windows 49152-65535, NAT gateways and load
// balancers 1024-65535, so AWS's advice for network ACLs is the widest.
var ephemeralPorts = portRange{1024, 65535}

// NetworkACLAdvice warns about an ACL that lets TCP connections in (or
// out) but whose rules of the other direction drop their replies. An ACL is
// stateless: the replies go back to the ephemeral port the other end sent
// from, which the other direction must allow too; AWS accepts an ACL
// without such a rule, and the connections it lets in then hang.
func NetworkACLAdvice(acl NetworkACL) []Advisory {
	var out []Advisory
	for _, egress := range []bool{false, true} {
		if a, ok := repliesDropped(acl, egress); ok {
			out = append(out, a)
		}
	}
	return out
}

// repliesDropped finds the first rule of a direction (egress: the
// connections instances open) that lets TCP connections through to a
// service, and checks the rules of the other direction for the replies.
// A rule for the ephemeral ports alone is itself for replies, not for a
// service, and so is an outbound rule for every port, which is how most
// ACLs let replies out; a rule that earlier rules shadow lets nothing
// through.
func repliesDropped(acl NetworkACL, egress bool) (Advisory, bool) {
	var connections, replies []NetworkACLEntry
	for _, e := range acl.Entries {
		if e.Egress == egress {
			connections = append(connections, e)
		} else {
			replies = append(replies, e)
		}
	}
	for _, e := range connections {
		ports, tcp := tcpPorts(e)
		forReplies := ports.to == ephemeralPorts.to && (ports.from >= ephemeralPorts.from || egress)
		if !tcp || e.RuleAction != RuleActionAllow || forReplies {
			continue
		}
		peer := e.CIDRBlock + e.IPv6CIDRBlock
		if allowed, _, _ := firstMatch(connections, peer, ports); len(allowed) == 0 {
			continue
		}
		_, blocked, denier := firstMatch(replies, peer, ephemeralPorts)
		if len(blocked) == 0 {
			continue
		}
		return dropsReplies(acl.ID, e, peer, blocked, freeRuleNumber(replies, denier)), true
	}
	return Advisory{}, false
}

// freeRuleNumber is a rule number for a rule that must come before rule
// before: the closest free number below it, or, before the "*" rule, the
// first hundred after the numbered rules, as rules are usually numbered.
func freeRuleNumber(entries []NetworkACLEntry, before int) int {
	used := map[int]bool{}
	last := 0
	for _, e := range entries {
		used[e.RuleNumber] = true
		if e.RuleNumber != DefaultRuleNumber {
			last = max(last, e.RuleNumber)
		}
	}
	if before == DefaultRuleNumber && last < DefaultRuleNumber-100 {
		return (last/100 + 1) * 100
	}
	n := before - 1
	for n > 1 && used[n] {
		n--
	}
	return n
}

func dropsReplies(aclID string, e NetworkACLEntry, peer string, blocked []portRange, number int) Advisory {
	way, here, back, from, to, field := "in", "inbound", "outbound", "from", "to", "egress"
	if e.Egress {
		way, here, back, from, to, field = "out", "outbound", "inbound", "to", "from", "ingress"
	}
	cidrField := "cidr_block"
	if e.IPv6CIDRBlock != "" {
		cidrField = "ipv6_cidr_block"
	}
	return Advisory{
		Code:    AdviceNetworkACLDropsReplies,
		Title:   fmt.Sprintf("network ACL drops the replies to %sbound connections", way),
		Subject: aclID,
		Objects: []string{aclID},
		Message: fmt.Sprintf("%s lets TCP connections %s %s %s (%s rule %d), but its %s rules deny TCP %s %s on ports %s. "+
			"A network ACL is stateless: each reply goes back to the ephemeral port (1024-65535) that the other end sent from, "+
			"so these replies are dropped and the connections hang.",
			aclID, way, from, peer, here, e.RuleNumber, back, to, peer, portList(blocked)),
		Fix: fmt.Sprintf("Add an %s rule that allows TCP %s %s on ports 1024-65535, numbered before any rule that denies them: "+
			"%s { rule_no = %d, protocol = \"tcp\", action = \"allow\", %s = \"%s\", from_port = 1024, to_port = 65535 }.",
			back, to, peer, field, number, cidrField, peer),
		Field: field,
	}
}

// portRange is the ports from..to, both included.
type portRange struct{ from, to int }

// tcpPorts returns the TCP ports an entry matches; tcp is false when it
// matches no TCP traffic.
func tcpPorts(e NetworkACLEntry) (ports portRange, tcp bool) {
	switch e.Protocol {
	case AllProtocols:
		return portRange{0, 65535}, true
	case "6":
		if e.FromPort != nil && e.ToPort != nil {
			return portRange{*e.FromPort, *e.ToPort}, true
		}
	}
	return portRange{}, false
}

// firstMatch evaluates entries of one direction, in rule-number order, on
// TCP traffic between the addresses of peer and the given ports, as the
// ACL does: the first entry that matches a packet decides. It returns the
// ports that every address of peer is allowed on, those that some address
// is denied on (the "*" rule, or nothing, denies what is left), and the
// number of the first rule that denies some. An entry for part of peer
// decides only for that part: its allow settles nothing for peer as a
// whole, but it does for a later deny within that part.
func firstMatch(entries []NetworkACLEntry, peer string, want portRange) (allowed, blocked []portRange, denier int) {
	denier = DefaultRuleNumber
	block, err := netip.ParsePrefix(peer)
	if err != nil {
		return nil, nil, denier
	}
	undecided := []portRange{want}
	type partAllowed struct {
		part  netip.Prefix
		ports portRange
	}
	var parts []partAllowed
	for _, e := range entries {
		ports, tcp := tcpPorts(e)
		p, err := netip.ParsePrefix(e.CIDRBlock + e.IPv6CIDRBlock)
		if !tcp || err != nil || !p.Overlaps(block) {
			continue
		}
		matched := intersectPorts(undecided, ports)
		whole := p.Bits() <= block.Bits()
		switch {
		case e.RuleAction == RuleActionAllow && whole:
			allowed = append(allowed, matched...)
		case e.RuleAction == RuleActionAllow:
			parts = append(parts, partAllowed{p, ports})
		default:
			// The addresses the deny matches are p's, or peer's when p
			// holds them all; an earlier allow for all of them comes first.
			region := p
			if whole {
				region = block
			}
			for _, a := range parts {
				if a.part.Bits() <= region.Bits() && a.part.Overlaps(region) {
					matched = subtractPorts(matched, a.ports)
				}
			}
			if len(matched) > 0 && len(blocked) == 0 {
				denier = e.RuleNumber
			}
			blocked = append(blocked, matched...)
		}
		if whole {
			undecided = subtractPorts(undecided, ports)
		}
	}
	return mergePorts(allowed), mergePorts(append(blocked, undecided...)), denier
}

func intersectPorts(set []portRange, r portRange) []portRange {
	var out []portRange
	for _, s := range set {
		if from, to := max(s.from, r.from), min(s.to, r.to); from <= to {
			out = append(out, portRange{from, to})
		}
	}
	return out
}

func subtractPorts(set []portRange, r portRange) []portRange {
	var out []portRange
	for _, s := range set {
		if s.from < r.from {
			out = append(out, portRange{s.from, min(s.to, r.from-1)})
		}
		if s.to > r.to {
			out = append(out, portRange{max(s.from, r.to+1), s.to})
		}
	}
	return out
}

// mergePorts sorts ranges and joins those that touch.
func mergePorts(set []portRange) []portRange {
	slices.SortFunc(set, func(a, b portRange) int { return a.from - b.from })
	var out []portRange
	for _, r := range set {
		if n := len(out); n > 0 && r.from <= out[n-1].to+1 {
			out[n-1].to = max(out[n-1].to, r.to)
			continue
		}
		out = append(out, r)
	}
	return out
}

// portList words ranges as "22, 1024-3305".
func portList(set []portRange) string {
	words := make([]string, len(set))
	for i, r := range set {
		words[i] = strconv.Itoa(r.from)
		if r.to != r.from {
			words[i] += "-" + strconv.Itoa(r.to)
		}
	}
	return strings.Join(words, ", ")
}
