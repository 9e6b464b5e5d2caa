package cloud_test

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestChangeTags(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	c := newClient(t, st, defaultScope)
	in := vpcInput("10.0.0.0/16")
	in.Tags = map[string]string{"Name": "a", "old": "x"}
	vpc := mustCreateVPC(t, c, in)

	got := must(c.ChangeTags(ctx, vpc.ID, map[string]string{"Name": "b", "env": "lab"}, []string{"old"}))(t)
	want := map[string]string{"Name": "b", "env": "lab"}
	if !maps.Equal(got, want) {
		t.Errorf("ChangeTags returned %v, want %v", got, want)
	}
	read, err := c.VPC(ctx, vpc.ID)
	if err != nil || !maps.Equal(read.Tags, want) {
		t.Errorf("VPC tags after ChangeTags = %v (%v), want %v", read.Tags, err, want)
	}

	// The rules of CreateTags: unknown and malformed IDs, reserved keys,
	// another account's object.
	_, err = c.ChangeTags(ctx, "vpc-0123456789abcdef0", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.NotFound")
	_, err = c.ChangeTags(ctx, "vpc-XYZ", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.Malformed")
	_, err = c.ChangeTags(ctx, "bogus", map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidID")
	_, err = c.ChangeTags(ctx, vpc.ID, map[string]string{"aws:x": "b"}, nil)
	wantCode(t, err, "InvalidParameterValue")
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	_, err = other.ChangeTags(ctx, vpc.ID, map[string]string{"a": "b"}, nil)
	wantCode(t, err, "InvalidVpcID.NotFound")

	read, _ = c.VPC(ctx, vpc.ID)
	if !maps.Equal(read.Tags, want) {
		t.Errorf("refused changes altered the tags: %v", read.Tags)
	}
}

func TestKindOf(t *testing.T) {
	for id, want := range map[string]string{"vpc-1": "vpc", "eipalloc-1": "eipalloc", "nat-1": "nat", "rtbassoc-1": "", "x": "", "": ""} {
		k, ok := cloud.KindOf(id)
		if ok != (want != "") || (ok && !strings.EqualFold(k.Prefix, want)) {
			t.Errorf("KindOf(%q) = %q, %v; want %q", id, k.Prefix, ok, want)
		}
	}
}

func TestReplaceRouteTarget(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, ipv6VPCInput("10.0.0.0/16"))
	igw := must(c.CreateInternetGateway(ctx, vpc.ID, nil))(t)
	eigw := must(c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil))(t)
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "::/0", Target: eigw.ID}}}))(t)

	r, err := c.ReplaceRouteTarget(ctx, table.ID, cloud.RouteSpec{Destination: "::/0", Target: igw.ID})
	if err != nil {
		t.Fatal(err)
	}
	if r.Target != igw.ID || r.ManagedBy != cloud.ManagedInline || r.Origin != cloud.OriginCreateRoute {
		t.Errorf("replaced route = %+v; want target %s, still managed inline, origin kept", r, igw.ID)
	}

	_, err = c.ReplaceRouteTarget(ctx, table.ID, cloud.RouteSpec{Destination: "::/0", Target: "igw-0123456789abcdef0"})
	wantCode(t, err, "InvalidGatewayID.NotFound")
	_, err = c.ReplaceRouteTarget(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID})
	wantCode(t, err, "InvalidRoute.NotFound")
	_, err = c.ReplaceRouteTarget(ctx, table.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: igw.ID})
	wantCode(t, err, "InvalidParameterValue")
	_, err = c.ReplaceRouteTarget(ctx, table.ID, cloud.RouteSpec{Destination: "nonsense", Target: igw.ID})
	if err == nil {
		t.Error("a malformed destination was accepted")
	}
}

// TestInventory: one call returns every object of the scope, with derived
// routing facts, and nothing of other scopes.
func TestInventory(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	c := newClient(t, st, defaultScope)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	igw := must(c.CreateInternetGateway(ctx, vpc.ID, nil))(t)
	table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	subnet := must(c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24"}))(t)
	if _, err := c.Associate(ctx, subnet.ID, table.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil); err != nil {
		t.Fatal(err)
	}
	eip := must(c.AllocateAddress(ctx, nil))(t)
	if _, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnet.ID, AllocationID: eip.AllocationID, ConnectivityType: cloud.ConnectivityPublic}); err != nil {
		t.Fatal(err)
	}
	if err := c.DetachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	mustCreateVPC(t, other, vpcInput("10.1.0.0/16"))

	inv := must(c.Inventory(ctx))(t)
	if len(inv.VPCs) != 1 || len(inv.InternetGateways) != 1 || len(inv.EgressOnlyInternetGateways) != 1 ||
		len(inv.Subnets) != 1 || len(inv.RouteTables) != 2 || len(inv.ElasticIPs) != 1 || len(inv.NATGateways) != 1 {
		t.Fatalf("inventory counts: %d VPCs, %d gateways, %d egress-only, %d subnets, %d tables, %d EIPs, %d NATs",
			len(inv.VPCs), len(inv.InternetGateways), len(inv.EgressOnlyInternetGateways), len(inv.Subnets),
			len(inv.RouteTables), len(inv.ElasticIPs), len(inv.NATGateways))
	}
	if s := inv.Subnets[0]; s.RouteTableID != table.ID || s.IsPublic || s.InternetAccess.IPv4Outbound.Reachable {
		t.Errorf("subnet behind a detached gateway: table %s, public %v, outbound %v", s.RouteTableID, s.IsPublic, s.InternetAccess.IPv4Outbound.Reachable)
	}
	for _, rt := range inv.RouteTables {
		for _, r := range rt.Routes {
			if r.Target == igw.ID && r.State != cloud.RouteStateBlackhole {
				t.Errorf("route to the detached gateway is %q, want blackhole", r.State)
			}
		}
		if rt.ID == table.ID && len(rt.Associations) != 1 {
			t.Errorf("table %s has associations %v, want the subnet's", rt.ID, rt.Associations)
		}
	}
	if inv.ElasticIPs[0].NATGatewayID == "" {
		t.Error("the elastic IP does not name the NAT gateway that uses it")
	}
}
