package cloud

import (
	"context"
	"fmt"
	"net/netip"
)

// Directions and IP versions of a network path.
const (
	Outbound = "outbound"
	Inbound  = "inbound"
	IPv4     = "ipv4"
	IPv6     = "ipv6"
)

// internetProbes stand for "an address on the internet" when routes are
// matched: the longest prefix that covers them decides where internet
// traffic goes.
var internetProbes = map[string]netip.Addr{
	IPv4: netip.MustParseAddr("8.8.8.8"),
	IPv6: netip.MustParseAddr("2001:4860:4860::8888"),
}

// Hop is one step of a network path.
type Hop struct {
	// Kind is "subnet", "route_table", "route", the type name of a route
	// target's kind ("internet_gateway", ...) or "internet".
	Kind   string
	ID     string
	Detail string
}

// Path says whether traffic gets between a subnet and the internet, one way,
// over one IP version; and if not, where it stops and what would fix it.
type Path struct {
	Reachable bool
	Hops      []Hop
	// Break says where the path stops; Fix what would let it through.
	Break, Fix string
}

// Reason is a short sentence on the path: through which gateway it goes, or
// where it stops.
func (p Path) Reason() string {
	if !p.Reachable {
		return p.Break
	}
	for _, h := range p.Hops {
		if k, ok := objectKindOf(h.ID, routeTargetKind); ok && h.Kind == k.typeName {
			return "through " + h.ID
		}
	}
	return "reachable"
}

// InternetAccess is a subnet's reach to and from the internet.
type InternetAccess struct {
	IPv4Outbound, IPv4Inbound, IPv6Outbound, IPv6Inbound Path
}

// ValidatePathQuestion checks a network path's direction and IP version.
func ValidatePathQuestion(direction, ipVersion string) error {
	if direction != Outbound && direction != Inbound {
		return invalidValue(direction, "direction", "direction",
			"Use outbound (from the subnet to the internet) or inbound (from the internet to the subnet).")
	}
	return oneOf(ipVersion, "ipVersion", "ip_version", IPv4, IPv6)
}

// NetworkPath follows the path between a subnet and the internet.
func (c *Client) NetworkPath(ctx context.Context, subnetID, direction, ipVersion string) (Path, error) {
	if err := ValidatePathQuestion(direction, ipVersion); err != nil {
		return Path{}, err
	}
	var path Path
	err := c.read(ctx, "NetworkPath", map[string]string{"subnet_id": subnetID}, func(tx ReadTx) error {
		subnet, err := c.findSubnet(tx, subnetID, "subnet_id")
		if err != nil {
			return err
		}
		table, err := servingTable(tx, subnet)
		if err != nil {
			return err
		}
		path, err = c.followPath(tx, subnet, table, direction, ipVersion)
		return err
	})
	return path, err
}

// internetAccess answers the four questions of a subnet's reach; table is
// the table that serves it.
func (c *Client) internetAccess(tx ReadTx, s Subnet, table RouteTable) (InternetAccess, error) {
	var access InternetAccess
	for _, q := range []struct {
		dst                  *Path
		direction, ipVersion string
	}{
		{&access.IPv4Outbound, Outbound, IPv4}, {&access.IPv4Inbound, Inbound, IPv4},
		{&access.IPv6Outbound, Outbound, IPv6}, {&access.IPv6Inbound, Inbound, IPv6},
	} {
		p, err := c.followPath(tx, s, table, q.direction, q.ipVersion)
		if err != nil {
			return InternetAccess{}, err
		}
		*q.dst = p
	}
	return access, nil
}

// followPath walks from a subnet, through the route its table uses for
// internet addresses, to a gateway and past it, and says where it stops.
// table is the table that serves the subnet.
func (c *Client) followPath(tx ReadTx, s Subnet, table RouteTable, direction, ipVersion string) (Path, error) {
	p := Path{Hops: []Hop{{Kind: "subnet", ID: s.ID, Detail: s.CIDRBlock}}}
	stop := func(why, fix string) (Path, error) {
		p.Break, p.Fix = why, fix
		return p, nil
	}
	if ipVersion == IPv6 && s.IPv6CIDRBlock == "" {
		return stop(fmt.Sprintf("%s has no IPv6 block", s.ID), "Give the subnet an ipv6_cidr_block from its VPC's IPv6 block.")
	}
	p.Hops = append(p.Hops, Hop{Kind: "route_table", ID: table.ID, Detail: servingDetail(table, s)})
	route, ok, err := c.longestMatch(tx, table.Routes, internetProbes[ipVersion])
	if err != nil {
		return Path{}, err
	}
	if !ok {
		return stop(fmt.Sprintf("%s has no route for internet addresses", table.ID),
			fmt.Sprintf("Add a route for %s to %s.", defaultDestination(ipVersion), suggestedTarget(direction, ipVersion)))
	}
	p.Hops = append(p.Hops, Hop{Kind: "route", ID: RouteID(table.ID, route.Destination), Detail: route.Destination + " -> " + route.Target + " (" + route.State + ")"})
	if route.State != RouteStateActive {
		broken, fix, err := c.blackhole(tx, table, route)
		if err != nil {
			return Path{}, err
		}
		return stop(broken, fix)
	}
	if k, ok := objectKindOf(route.Target, routeTargetKind); ok {
		p.Hops = append(p.Hops, Hop{Kind: k.typeName, ID: route.Target})
		if broken, fix, err := c.blockedByBPA(tx, s, k.route.bpa, direction); err != nil {
			return Path{}, err
		} else if broken != "" {
			return stop(broken, fix)
		}
		if broken, fix, err := k.route.beyond(c, tx, s, route.Target, direction, ipVersion, &p); err != nil || broken != "" {
			if err != nil {
				return Path{}, err
			}
			return stop(broken, fix)
		}
	}
	p.Hops = append(p.Hops, Hop{Kind: "internet"})
	p.Reachable = true
	return p, nil
}

// The route targets' beyond: what each kind of gateway lets through.

func pastInternetGateway(_ *Client, _ ReadTx, s Subnet, target, _, ipVersion string, _ *Path) (broken, fix string, err error) {
	if ipVersion == IPv4 && !s.MapPublicIPOnLaunch {
		return fmt.Sprintf("instances in %s get no public IPv4 address, which %s needs to translate", s.ID, target),
			"Set map_public_ip_on_launch = true, or, for outbound traffic only, route through a NAT gateway in a public subnet.", nil
	}
	return "", "", nil
}

func pastEgressOnlyGateway(_ *Client, _ ReadTx, _ Subnet, target, direction, _ string, _ *Path) (broken, fix string, err error) {
	if direction == Inbound {
		return fmt.Sprintf("%s is egress-only: it lets no connection in from the internet", target),
			"Route ::/0 to an internet gateway instead if the internet must reach the subnet over IPv6.", nil
	}
	return "", "", nil
}

func pastNATGateway(c *Client, tx ReadTx, _ Subnet, target, direction, ipVersion string, p *Path) (broken, fix string, err error) {
	if direction == Inbound {
		return fmt.Sprintf("%s is a NAT gateway: it lets no connection in from the internet", target),
			"Place what the internet must reach in a public subnet, with a route to an internet gateway and map_public_ip_on_launch.", nil
	}
	return c.natReachesInternet(tx, target, ipVersion, p)
}

// natReachesInternet follows a NAT gateway's own path to the internet: a
// public one, in a subnet whose table routes internet addresses to an
// attached internet gateway.
func (c *Client) natReachesInternet(tx ReadTx, natID, ipVersion string, p *Path) (broken, fix string, err error) {
	nats, err := list[NATGateway](tx, c.scope, NATGatewayFilter{ID: natID})
	if err != nil || len(nats) == 0 {
		return fmt.Sprintf("%s does not exist", natID), "Create the NAT gateway again, or route elsewhere.", err
	}
	nat := nats[0]
	if ipVersion == IPv6 {
		return fmt.Sprintf("%s translates IPv4 only in the simulated cloud", natID),
			"Route ::/0 to an egress-only internet gateway for outbound-only IPv6.", nil
	}
	if nat.ConnectivityType == ConnectivityPrivate {
		return fmt.Sprintf("%s is a private NAT gateway: it reaches other networks, not the internet", natID),
			"Use a public NAT gateway, with an elastic IP, in a public subnet.", nil
	}
	natSubnet, ok, err := get[Subnet](tx, c.scope, nat.SubnetID)
	if err != nil || !ok {
		return fmt.Sprintf("the subnet of %s is gone", natID), "Create the NAT gateway in an existing public subnet.", err
	}
	table, err := servingTable(tx, natSubnet)
	if err != nil {
		return "", "", err
	}
	p.Hops = append(p.Hops, Hop{Kind: "subnet", ID: natSubnet.ID, Detail: "where " + natID + " sits"}, Hop{Kind: "route_table", ID: table.ID})
	route, ok, err := c.longestMatch(tx, table.Routes, internetProbes[IPv4])
	if err != nil {
		return "", "", err
	}
	if !ok || route.State != RouteStateActive || targetKind(route.Target) != KindInternetGateway.Prefix {
		return fmt.Sprintf("%s sits in %s, whose route table %s sends no internet traffic to an attached internet gateway", natID, natSubnet.ID, table.ID),
			"Place the NAT gateway in a public subnet: one whose route table sends 0.0.0.0/0 to the VPC's internet gateway.", nil
	}
	p.Hops = append(p.Hops, Hop{Kind: "route", ID: RouteID(table.ID, route.Destination), Detail: route.Destination + " -> " + route.Target},
		Hop{Kind: "internet_gateway", ID: route.Target})
	// The NAT gateway's own traffic meets BPA as its subnet's, outbound
	// only.
	return c.blockedByBPA(tx, natSubnet, bpaExposure{blocked: true, outboundOnly: true}, Outbound)
}

// longestMatch returns the route whose destination covers addr most
// specifically, as a router chooses. A route to a customer-managed prefix
// list matches each of the list's blocks; where it and a CIDR route match
// as specifically, the CIDR route wins, as AWS documents prefix list
// routing. Routes to AWS-managed lists (Gateway endpoints) carry only
// their service's traffic and match no internet address here.
func (c *Client) longestMatch(tx ReadTx, routes []Route, addr netip.Addr) (Route, bool, error) {
	var best Route
	bestBits, bestIsList := -1, false
	for _, r := range routes {
		blocks, isList := []string{r.Destination}, IsPrefixListID(r.Destination)
		if isList {
			l, ok, err := get[ManagedPrefixList](tx, c.scope, r.Destination)
			if err != nil {
				return Route{}, false, err
			}
			blocks = nil
			for _, e := range l.Entries {
				if ok {
					blocks = append(blocks, e.CIDR)
				}
			}
		}
		for _, b := range blocks {
			p, err := netip.ParsePrefix(b)
			if err != nil || !p.Contains(addr) {
				continue
			}
			if p.Bits() > bestBits || p.Bits() == bestBits && bestIsList && !isList {
				best, bestBits, bestIsList = r, p.Bits(), isList
			}
		}
	}
	return best, bestBits >= 0, nil
}

func servingDetail(table RouteTable, s Subnet) string {
	if table.Main {
		return "the main table of " + s.VPCID + ", serving " + s.ID + " for want of an association"
	}
	return "associated with " + s.ID
}

func defaultDestination(ipVersion string) string {
	if ipVersion == IPv6 {
		return "::/0"
	}
	return "0.0.0.0/0"
}

func suggestedTarget(direction, ipVersion string) string {
	switch {
	case direction == Inbound:
		return "an internet gateway attached to the VPC"
	case ipVersion == IPv6:
		return "an internet gateway, or an egress-only internet gateway for outbound only"
	default:
		return "an internet gateway, or a NAT gateway in a public subnet for outbound only"
	}
}

// blackhole says why a route of table carries nothing and what would let
// it: a connection that joins two VPCs and waits for its accepter says so,
// any other target is gone or no longer serves the table's VPC.
func (c *Client) blackhole(tx ReadTx, table RouteTable, route Route) (broken, fix string, err error) {
	if k, ok := objectKindOf(route.Target, routeTargetKind); ok && k.route.peer != nil {
		_, active, ok, err := k.route.peer(tx, c.scope, route.Target, table.VPCID)
		if err != nil {
			return "", "", err
		}
		if ok && !active {
			return fmt.Sprintf("the route for %s in %s is a blackhole: %s is not active, and carries no traffic until it is accepted", route.Destination, table.ID, route.Target),
				"Accept the peering connection (auto_accept, or simcloud_vpc_peering_connection_accepter).", nil
		}
	}
	return fmt.Sprintf("the route for %s in %s is a blackhole: %s is gone or not attached to the VPC", route.Destination, table.ID, route.Target),
		"Point the route at a target that exists and serves the VPC, or attach the gateway again.", nil
}
