package cloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestPeeringOptionsNeedAnAcceptedConnection: options given to a request
// that does not accept itself are refused at plan and at apply by one rule;
// the connection that accepts itself is made with them.
func TestPeeringOptionsNeedAnAcceptedConnection(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	peerVPC := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	on := true
	in := cloud.VPCPeeringInput{VPCID: vpc.ID, PeerVPCID: peerVPC.ID, RequesterAllowDNS: &on}
	plan := cloud.NewPlan()
	err := c.CheckVPCPeering(ctx, plan, plan.NewHolder(), in)
	wantCode(t, err, "OperationNotPermitted")
	if e := asCloudError(t, err); !strings.Contains(e.Message, "will not be active") || e.Field != "requester" {
		t.Errorf("refusal %q, field %q", e.Message, e.Field)
	}
	_, err = c.CreateVPCPeering(ctx, in)
	wantCode(t, err, "OperationNotPermitted")
	in.AutoAccept = true
	noErr(t, c.CheckVPCPeering(ctx, cloud.NewPlan(), plan.NewHolder(), in))
	if p := must(c.CreateVPCPeering(ctx, in))(t); !p.RequesterAllowDNS {
		t.Errorf("options of an accepted connection: %+v", p)
	}
}

// TestPeeringAcrossAccounts: a request to another account's VPC waits for
// that account, which alone accepts it; routes through it are blackholes
// until then; each side sees the other through routing's peer hook; each
// side sets its own options; the requester's VPC going takes the
// connection with it, and its routes become blackholes.
func TestPeeringAcrossAccounts(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	requester := newClient(t, st, defaultScope)
	accepter := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	stranger := newClient(t, st, cloud.Scope{AccountID: "111111111111", Region: cloud.DefaultRegion})
	vpc := mustCreateVPC(t, requester, vpcInput("10.0.0.0/16"))
	peerVPC := mustCreateVPC(t, accepter, vpcInput("10.1.0.0/16"))

	p := must(requester.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: vpc.ID, PeerVPCID: peerVPC.ID, PeerOwnerID: "210987654321"}))(t)
	if p.Status != cloud.PeeringPendingAcceptance || !strings.HasPrefix(p.ID, "pcx-") || len(p.ID) != len("pcx-")+17 {
		t.Fatalf("new cross-account connection: %+v", p)
	}
	// The accepter sees it; an account of neither side does not.
	if _, err := accepter.VPCPeering(ctx, p.ID); err != nil {
		t.Errorf("the accepter does not see %s: %v", p.ID, err)
	}
	if _, err := stranger.VPCPeering(ctx, p.ID); cloud.ErrorCode(err) != "InvalidVpcPeeringConnectionID.NotFound" {
		t.Errorf("another account reads %s: %v, want not found", p.ID, err)
	}
	if listed := must(stranger.VPCPeerings(ctx, cloud.VPCPeeringConnectionFilter{}))(t); len(listed) != 0 {
		t.Errorf("another account lists %v", listed)
	}

	// A route through the pending connection is taken, as a blackhole.
	table := must(requester.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	route := must(requester.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "10.1.0.0/16", Target: p.ID}))(t)
	if route.State != cloud.RouteStateBlackhole {
		t.Errorf("route through a pending connection: %s, want blackhole", route.State)
	}
	if to, active, ok, err := requester.RoutePeer(ctx, p.ID, vpc.ID); err != nil || !ok || active || to != peerVPC.ID {
		t.Errorf("peer of a pending connection: %s %t %t %v", to, active, ok, err)
	}
	// Only the accepter accepts.
	if _, err := requester.ChangePeering(ctx, p.ID, cloud.PeeringChange{Accept: true}); cloud.ErrorCode(err) != "OperationNotPermitted" {
		t.Errorf("the requester accepts its own cross-account request: %v", err)
	}
	// The accepter's VPC cannot go while the request waits for it.
	if err := accepter.DeleteVPC(ctx, peerVPC.ID); cloud.ErrorCode(err) != "DependencyViolation" {
		t.Errorf("deleting a VPC with a request pending for it: %v, want DependencyViolation", err)
	}
	on := true
	accepted := must(accepter.ChangePeering(ctx, p.ID, cloud.PeeringChange{Accept: true, AccepterAllowDNS: &on}))(t)
	if accepted.Status != cloud.PeeringActive || !accepted.AccepterAllowDNS || accepted.RequesterAllowDNS {
		t.Errorf("accepted: %+v", accepted)
	}
	if route := must(requester.Route(ctx, table.ID, "10.1.0.0/16"))(t); route.State != cloud.RouteStateActive {
		t.Errorf("route through an active connection: %s", route.State)
	}
	for _, side := range []struct {
		c        *cloud.Client
		from, to string
	}{{requester, vpc.ID, peerVPC.ID}, {accepter, peerVPC.ID, vpc.ID}} {
		if to, active, ok, err := side.c.RoutePeer(ctx, p.ID, side.from); err != nil || !ok || !active || to != side.to {
			t.Errorf("peer from %s: %s %t %t %v, want %s", side.from, to, active, ok, err, side.to)
		}
	}
	if _, _, ok, _ := requester.RoutePeer(ctx, p.ID, "vpc-0123456789abcdef0"); ok {
		t.Errorf("the connection joins a VPC that is neither side")
	}
	// Across accounts each side sets its own options.
	if _, err := requester.ChangePeering(ctx, p.ID, cloud.PeeringChange{AccepterAllowDNS: new(bool)}); cloud.ErrorCode(err) != "OperationNotPermitted" {
		t.Errorf("the requester sets the accepter's options: %v", err)
	}
	// A second connection of the pair, either way round, is refused.
	if _, err := accepter.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: peerVPC.ID, PeerVPCID: vpc.ID, PeerOwnerID: cloud.DefaultAccountID}); cloud.ErrorCode(err) != "VpcPeeringConnectionAlreadyExists" {
		t.Errorf("second connection of the pair: %v", err)
	}
	// A secondary block overlapping the peer's is refused.
	if _, err := accepter.AssociateVPCCIDRBlock(ctx, peerVPC.ID, "10.0.128.0/20"); cloud.ErrorCode(err) != "CidrConflict" {
		t.Errorf("secondary block overlapping the peer: %v", err)
	}
	// The requester's VPC goes with the connection (after what stops a VPC
	// from going: its route table); the accepter's routes through it are
	// blackholes.
	peerTable := must(accepter.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: peerVPC.ID}))(t)
	must(accepter.CreateRoute(ctx, peerTable.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: p.ID}))(t)
	noErr(t, requester.DeleteRouteTable(ctx, table.ID))
	noErr(t, requester.DeleteVPC(ctx, vpc.ID))
	if _, err := accepter.VPCPeering(ctx, p.ID); !cloud.IsNotFound(err) {
		t.Errorf("the connection after its requester VPC's deletion: %v", err)
	}
	if route := must(accepter.Route(ctx, peerTable.ID, "10.0.0.0/16"))(t); route.State != cloud.RouteStateBlackhole {
		t.Errorf("route through a deleted connection: %s, want blackhole", route.State)
	}
}

// TestPeeringRoutes: a route through a connection must be in a table of
// one of its VPCs; a path to the internet stops at the connection, as
// peering is not transitive.
func TestPeeringRoutes(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	peer := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	third := mustCreateVPC(t, c, vpcInput("10.2.0.0/16"))
	p := must(c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: vpc.ID, PeerVPCID: peer.ID, AutoAccept: true}))(t)
	if p.Status != cloud.PeeringActive {
		t.Fatalf("auto_accept in one account and region: %s", p.Status)
	}
	thirdTable := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: third.ID}))(t)
	if _, err := c.CreateRoute(ctx, thirdTable.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: p.ID}); cloud.ErrorCode(err) != "InvalidParameterValue" ||
		!strings.Contains(err.Error(), "belong to different networks") {
		t.Errorf("route through another pair's connection: %v", err)
	}
	if _, err := c.CreateRoute(ctx, thirdTable.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: "pcx-0123456789abcdef0"}); cloud.ErrorCode(err) != "InvalidVpcPeeringConnectionID.NotFound" {
		t.Errorf("route through an unknown connection: %v", err)
	}
	// AWS takes any destination through a connection (traffic reaches only
	// the peer's blocks), the internet's included; a path there stops.
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	must(c.CreateRoute(ctx, vpc.MainRouteTableID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: p.ID}))(t)
	path := must(c.NetworkPath(ctx, subnet.ID, cloud.Outbound, cloud.IPv4))(t)
	if path.Reachable || !strings.Contains(path.Break, "no transitive routing") || path.Fix == "" {
		t.Errorf("path to the internet through a peering: %+v", path)
	}
	// Deleting the connection leaves its routes, as blackholes.
	noErr(t, c.DeleteObject(ctx, p.ID))
	if route := must(c.Route(ctx, vpc.MainRouteTableID, "0.0.0.0/0"))(t); route.State != cloud.RouteStateBlackhole {
		t.Errorf("route through a deleted connection: %s", route.State)
	}
}
