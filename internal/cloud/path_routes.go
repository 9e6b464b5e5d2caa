package cloud

import (
	"fmt"
	"net/netip"
)

// The routes of a path between two ends: to and from the internet through
// a gateway, and between private addresses through the local route or a
// connection that joins two VPCs.

// servingTableOf returns an end's subnet and the route table that serves it.
func (w *pathWalk) servingTableOf(e Endpoint) (Subnet, RouteTable, error) {
	s, err := w.c.findSubnet(w.tx, e.SubnetID, "subnet_id")
	if err != nil {
		return Subnet{}, RouteTable{}, err
	}
	table, err := servingTable(w.tx, s)
	return s, table, err
}

// routeToInternet follows the route an end's table uses for internet
// addresses, past the gateway, in direction: for inbound traffic the
// table must send the replies back the way the request came. An end
// reached over IPv4 through a gateway that translates addresses needs a
// public IPv4 address of its own.
func (w *pathWalk) routeToInternet(e Endpoint, direction string) error {
	s, table, err := w.servingTableOf(e)
	if err != nil {
		return err
	}
	w.hop("route_table", table.ID, servingDetail(table, s))
	route, ok, err := w.c.longestMatch(w.tx, table.Routes, internetProbes[w.ipVersion])
	if err != nil {
		return err
	}
	if !ok {
		return w.stop(fmt.Sprintf("%s has no route for internet addresses", table.ID),
			fmt.Sprintf("Add a route for %s to %s.", defaultDestination(w.ipVersion), suggestedTarget(direction, w.ipVersion)))
	}
	if err := w.activeRoute(table, route); err != nil {
		return err
	}
	k, ok := objectKindOf(route.Target, routeTargetKind)
	if !ok {
		return w.stop(fmt.Sprintf("the route for internet addresses in %s goes to %s, which does not lead to the internet", table.ID, route.Target),
			fmt.Sprintf("Add a route for %s to %s.", defaultDestination(w.ipVersion), suggestedTarget(direction, w.ipVersion)))
	}
	w.hop(k.typeName, route.Target, "")
	if k.route.needsPublicIPv4 && w.ipVersion == IPv4 && !e.PublicIPv4.IsValid() {
		return w.stop(fmt.Sprintf("%s has no public IPv4 address, which %s needs to translate", e.ID, route.Target),
			"Give it a public IPv4 address: map_public_ip_on_launch = true on its subnet, or an elastic IP (simcloud_eip with instance); "+
				"for outbound traffic only, route through a NAT gateway in a public subnet instead.")
	}
	if err := w.stopIf(w.c.blockedByBPA(w.tx, s, k.route.bpa, direction)); err != nil {
		return err
	}
	// The gateway sees the end's subnet as public where the end has a
	// public address of its own.
	s.MapPublicIPOnLaunch = e.PublicIPv4.IsValid()
	return w.stopIf(k.route.beyond(w.c, w.tx, s, route.Target, direction, w.ipVersion, &w.p))
}

// activeRoute names the route a path takes and stops at a blackhole.
func (w *pathWalk) activeRoute(table RouteTable, route Route) error {
	w.hop("route", RouteID(table.ID, route.Destination), route.Destination+" -> "+route.Target+" ("+route.State+")")
	if route.State != RouteStateActive {
		return w.stopIf(w.c.blackhole(w.tx, table, route))
	}
	return nil
}

// routeBetween follows the route from one end's table to the private
// address addr of the other end: the local route within a VPC, else a
// connection that joins the two VPCs, which carries traffic only between
// those two (VPC peering is not transitive).
func (w *pathWalk) routeBetween(from, to Endpoint, addr netip.Addr) error {
	s, table, err := w.servingTableOf(from)
	if err != nil {
		return err
	}
	w.hop("route_table", table.ID, servingDetail(table, s))
	route, ok, err := w.c.longestMatch(w.tx, table.Routes, addr)
	if err != nil {
		return err
	}
	joinFix := fmt.Sprintf("Join %s and %s with a VPC peering connection, and route %s's blocks to it from %s.", from.VPCID, to.VPCID, to.VPCID, table.ID)
	if !ok {
		return w.stop(fmt.Sprintf("%s has no route for %s (%s in %s)", table.ID, addr, to.ID, to.VPCID), joinFix)
	}
	if err := w.activeRoute(table, route); err != nil {
		return err
	}
	if route.Target == TargetLocal {
		if to.VPCID == from.VPCID {
			return nil
		}
		return w.stop(fmt.Sprintf("%s matches the local route of %s: %s is in %s, whose blocks overlap %s's", addr, table.ID, to.ID, to.VPCID, from.VPCID),
			"Give the VPCs blocks that do not overlap; VPCs with overlapping blocks cannot route to each other.")
	}
	k, ok := objectKindOf(route.Target, routeTargetKind)
	if !ok || k.route.peer == nil {
		return w.stop(fmt.Sprintf("the route for %s in %s goes to %s, which does not lead to %s in %s", addr, table.ID, route.Target, to.ID, to.VPCID), joinFix)
	}
	w.hop(k.typeName, route.Target, "")
	toVPC, active, ok, err := k.route.peer(w.tx, w.c.scope, route.Target, from.VPCID)
	switch {
	case err != nil:
		return err
	case !ok:
		return w.stop(fmt.Sprintf("%s does not join %s to another VPC", route.Target, from.VPCID), joinFix)
	case !active:
		return w.stop(fmt.Sprintf("%s is not active: it carries no traffic until it is accepted", route.Target),
			"Accept the peering connection (auto_accept, or simcloud_vpc_peering_connection_accepter).")
	case toVPC != to.VPCID:
		return w.stop(fmt.Sprintf("no transitive routing: %s joins %s to %s, and %s is in %s, beyond %s", route.Target, from.VPCID, toVPC, addr, to.VPCID, toVPC),
			fmt.Sprintf("Peer %s with %s directly, and route %s's blocks to that connection.", from.VPCID, to.VPCID, to.VPCID))
	}
	w.hop("vpc", toVPC, "across "+route.Target)
	return nil
}
