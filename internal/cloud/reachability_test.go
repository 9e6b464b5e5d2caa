package cloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// reach answers the four questions for a subnet as "out4 in4 out6 in6",
// each 1 or 0.
func reach(t *testing.T, c *cloud.Client, subnetID string) string {
	t.Helper()
	s := must(c.Subnet(context.Background(), subnetID))(t)
	bit := func(p cloud.Path) string {
		if p.Reachable {
			return "1"
		}
		return "0"
	}
	a := s.InternetAccess
	return bit(a.IPv4Outbound) + bit(a.IPv4Inbound) + bit(a.IPv6Outbound) + bit(a.IPv6Inbound)
}

func TestReachability(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	eip := mustAllocate(t, c)

	if got := reach(t, c, n.public.ID); got != "1111" {
		t.Errorf("public subnet: %s, want 1111", got)
	}
	if got := reach(t, c, n.private.ID); got != "0000" {
		t.Errorf("private subnet on the main table: %s, want 0000", got)
	}

	// A public NAT gateway in the public subnet gives the private one IPv4
	// out, never in; an egress-only gateway gives it IPv6 out, never in.
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}))(t)
	eigw := must(c.CreateEgressOnlyInternetGateway(ctx, n.vpc.ID, nil))(t)
	if _, err := c.AdoptRouteTable(ctx, n.vpc.MainRouteTableID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "0.0.0.0/0", Target: nat.ID}, {Destination: "::/0", Target: eigw.ID}}}); err != nil {
		t.Fatal(err)
	}
	if got := reach(t, c, n.private.ID); got != "1010" {
		t.Errorf("private subnet behind NAT and egress-only: %s, want 1010", got)
	}
	path, err := c.NetworkPath(ctx, n.private.ID, cloud.Inbound, cloud.IPv4)
	if err != nil || path.Reachable || !strings.Contains(path.Break, "lets no connection in") {
		t.Errorf("inbound through NAT: %+v %v", path, err)
	}
	path, _ = c.NetworkPath(ctx, n.private.ID, cloud.Outbound, cloud.IPv4)
	if kinds := hopKinds(path); kinds != "subnet route_table route nat_gateway subnet route_table route internet_gateway internet" {
		t.Errorf("hops %s", kinds)
	}

	// The public subnet without public addressing: no IPv4 either way,
	// IPv6 unaffected.
	in := cloud.SubnetInput{VPCID: n.vpc.ID, CIDRBlock: n.public.CIDRBlock, IPv6CIDRBlock: n.public.IPv6CIDRBlock}
	if _, err := c.UpdateSubnet(ctx, n.public.ID, in); err != nil {
		t.Fatal(err)
	}
	if got := reach(t, c, n.public.ID); got != "0011" {
		t.Errorf("public subnet without public IPv4 addressing: %s, want 0011", got)
	}
	// The NAT gateway still reaches out: it has its elastic IP.
	if got := reach(t, c, n.private.ID); got != "1010" {
		t.Errorf("private subnet after the change: %s, want 1010", got)
	}

	// Detach the internet gateway: nothing in; the NAT gateway's way out is
	// gone too; the egress-only gateway still lets IPv6 out.
	if err := c.DetachInternetGateway(ctx, n.igw.ID, n.vpc.ID); err != nil {
		t.Fatal(err)
	}
	if got := reach(t, c, n.public.ID); got != "0000" {
		t.Errorf("public subnet, gateway detached: %s, want 0000", got)
	}
	if got := reach(t, c, n.private.ID); got != "0010" {
		t.Errorf("private subnet, gateway detached: %s, want 0010", got)
	}
	path, _ = c.NetworkPath(ctx, n.public.ID, cloud.Outbound, cloud.IPv4)
	if !strings.Contains(path.Break, "blackhole") || path.Fix == "" {
		t.Errorf("detached gateway: %+v", path)
	}
}

func TestReachabilityEdgeCases(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	noV6 := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.3.0/24"))
	path, err := c.NetworkPath(ctx, noV6.ID, cloud.Outbound, cloud.IPv6)
	if err != nil || path.Reachable || !strings.Contains(path.Break, "no IPv6 block") {
		t.Errorf("IPv6 without a block: %+v %v", path, err)
	}
	// A NAT gateway in the private subnet has no way out itself.
	eip := mustAllocate(t, c)
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.private.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}))(t)
	table, _ := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true, Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: nat.ID}}})
	if _, err := c.Associate(ctx, noV6.ID, table.ID); err != nil {
		t.Fatal(err)
	}
	path, _ = c.NetworkPath(ctx, noV6.ID, cloud.Outbound, cloud.IPv4)
	if path.Reachable || !strings.Contains(path.Break, "sends no internet traffic to an attached internet gateway") {
		t.Errorf("NAT gateway in a private subnet: %+v", path)
	}
	// A private NAT gateway reaches no internet.
	private, _ := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private"})
	if _, err := c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: private.ID}}}); err != nil {
		t.Fatal(err)
	}
	path, _ = c.NetworkPath(ctx, noV6.ID, cloud.Outbound, cloud.IPv4)
	if path.Reachable || !strings.Contains(path.Break, "private NAT gateway") {
		t.Errorf("private NAT gateway: %+v", path)
	}
	// Longest prefix wins: a more specific route to the NAT gateway of a
	// public subnet does not count for the internet at large.
	if _, err := c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "0.0.0.0/0", Target: n.igw.ID}, {Destination: "8.0.0.0/8", Target: private.ID}}}); err != nil {
		t.Fatal(err)
	}
	path, _ = c.NetworkPath(ctx, noV6.ID, cloud.Outbound, cloud.IPv4)
	if path.Reachable || !strings.Contains(path.Hops[2].Detail, "8.0.0.0/8") {
		t.Errorf("longest prefix: %+v", path)
	}
	_, err = c.NetworkPath(ctx, noV6.ID, "sideways", cloud.IPv4)
	wantCode(t, err, "InvalidParameterValue")
}

func hopKinds(p cloud.Path) string {
	var kinds []string
	for _, h := range p.Hops {
		kinds = append(kinds, h.Kind)
	}
	return strings.Join(kinds, " ")
}

// TestReachabilityThroughPrefixLists: a route to a customer-managed list
// matches the list's blocks by their length; a CIDR route as specific as a
// list's block wins, as AWS documents prefix list routing.
func TestReachabilityThroughPrefixLists(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	eip := mustAllocate(t, c)
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}))(t)
	everything := must(c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: "all", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 2,
		Entries: []cloud.PrefixListEntry{{CIDR: "0.0.0.0/0"}}}))(t)
	google := must(c.CreateManagedPrefixList(ctx, cloud.ManagedPrefixListInput{Name: "eight", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 2,
		Entries: []cloud.PrefixListEntry{{CIDR: "8.0.0.0/8"}}}))(t)
	firstGateway := func(routes ...cloud.RouteSpec) string {
		t.Helper()
		if _, err := c.AdoptRouteTable(ctx, n.vpc.MainRouteTableID, cloud.RouteTableInput{ManageRoutes: true, Routes: routes}); err != nil {
			t.Fatal(err)
		}
		p := must(c.NetworkPath(ctx, n.private.ID, cloud.Outbound, cloud.IPv4))(t)
		kinds := strings.Fields(hopKinds(p))
		if len(kinds) < 4 {
			return hopKinds(p)
		}
		return kinds[3]
	}
	if got := firstGateway(cloud.RouteSpec{Destination: everything.ID, Target: n.igw.ID}); got != "internet_gateway" {
		t.Errorf("through a list of 0.0.0.0/0: %s, want internet_gateway", got)
	}
	if got := firstGateway(cloud.RouteSpec{Destination: everything.ID, Target: n.igw.ID}, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: nat.ID}); got != "nat_gateway" {
		t.Errorf("a list's 0.0.0.0/0 against the CIDR route 0.0.0.0/0: %s, want nat_gateway (the CIDR route)", got)
	}
	if got := firstGateway(cloud.RouteSpec{Destination: google.ID, Target: n.igw.ID}, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: nat.ID}); got != "internet_gateway" {
		t.Errorf("a list's 8.0.0.0/8 against the CIDR route 0.0.0.0/0: %s, want internet_gateway (the list)", got)
	}
}
