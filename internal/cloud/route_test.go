package cloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// network is a VPC with an IPv6 block, an attached internet gateway, an
// egress-only gateway, and a custom route table.
type network struct {
	vpc   cloud.VPC
	igw   cloud.InternetGateway
	eigw  cloud.EgressOnlyInternetGateway
	table cloud.RouteTable
}

func newNetwork(t testing.TB, c *cloud.Client) network {
	t.Helper()
	ctx := context.Background()
	vpc, _, _ := ipv6VPC(t, c)
	igw := mustCreateIGW(t, c, vpc.ID)
	eigw := must(c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil))(t)
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	return network{vpc: vpc, igw: igw, eigw: eigw, table: table}
}

func TestRouteRules(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	other := newNetwork(t, c)
	detached := mustCreateIGW(t, c, "")

	if _, err := c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}); err != nil {
		t.Fatal(err)
	}
	r, err := c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "::/0", Target: n.eigw.ID})
	if err != nil || r.State != "active" || r.Origin != "CreateRoute" {
		t.Fatalf("IPv6 route to the egress-only gateway: %+v %v", r, err)
	}
	cases := []struct {
		name  string
		table string
		spec  cloud.RouteSpec
		code  string
		field string
	}{
		{"duplicate destination", n.table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}, "RouteAlreadyExists", "destination_cidr_block"},
		{"IPv4 to an egress-only gateway", n.table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: n.eigw.ID}, "InvalidParameterCombination", "egress_only_gateway_id"},
		{"gateway of another VPC", n.table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: other.igw.ID}, "InvalidParameterValue", "gateway_id"},
		{"detached gateway", n.table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: detached.ID}, "InvalidParameterValue", "gateway_id"},
		{"egress-only gateway of another VPC", n.table.ID, cloud.RouteSpec{Destination: "2600::/16", Target: other.eigw.ID}, "InvalidParameterValue", "egress_only_gateway_id"},
		{"unknown gateway", n.table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: "igw-0123456789abcdef0"}, "InvalidGatewayID.NotFound", "gateway_id"},
		{"the local block", n.table.ID, cloud.RouteSpec{Destination: "10.0.0.0/16", Target: n.igw.ID}, "InvalidParameterValue", "destination_cidr_block"},
		{"inside the local block", n.table.ID, cloud.RouteSpec{Destination: "10.0.1.0/24", Target: n.igw.ID}, "InvalidParameterValue", "destination_cidr_block"},
		{"inside the local IPv6 block", n.table.ID, cloud.RouteSpec{Destination: n.vpc.IPv6CIDRBlock, Target: n.igw.ID}, "InvalidParameterValue", "destination_ipv6_cidr_block"},
		{"malformed destination", n.table.ID, cloud.RouteSpec{Destination: "0.0.0.0/33", Target: n.igw.ID}, "InvalidParameterValue", "destination_cidr_block"},
		{"unknown table", "rtb-0123456789abcdef0", cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}, "InvalidRouteTableID.NotFound", "route_table_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.CreateRoute(ctx, tc.table, tc.spec)
			wantCode(t, err, tc.code)
			if f := asCloudError(t, err).Field; f != tc.field {
				t.Errorf("field %q, want %q", f, tc.field)
			}
		})
	}
	_, err = c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "192.168.0.0/16", Target: other.igw.ID})
	if want := "route table " + n.table.ID + " and network gateway " + other.igw.ID + " belong to different networks"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks AWS's %q", err, want)
	}

	_, err = c.ReplaceRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "172.16.0.0/12", Target: n.igw.ID})
	wantCode(t, err, "InvalidParameterValue")
	// The plan refuses it too, with the same words (issue 19: only the
	// apply did).
	plan := cloud.NewPlan()
	err = c.CheckRoute(ctx, plan, plan.NewHolder(), n.table.ID, cloud.RouteSpec{Destination: "172.16.0.0/12", Target: n.igw.ID}, true)
	wantCode(t, err, "InvalidParameterValue")
	if want := "There is no route defined for '172.16.0.0/12' in the route table. Use CreateRoute instead."; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("plan-time refusal %v lacks AWS's %q", err, want)
	}
	if err := c.CheckRoute(ctx, plan, plan.NewHolder(), n.table.ID, cloud.RouteSpec{Destination: "::/0", Target: n.eigw.ID}, true); err != nil {
		t.Errorf("replacing the target of an existing route: %v", err)
	}
	wantCode(t, c.DeleteRoute(ctx, n.table.ID, "172.16.0.0/12"), "InvalidRoute.NotFound")
	wantCode(t, c.DeleteRoute(ctx, n.table.ID, "10.0.0.0/16"), "InvalidParameterValue")
	if err := c.DeleteRoute(ctx, n.table.ID, "0.0.0.0/0"); err != nil {
		t.Fatal(err)
	}
}

func TestRoutePlanClaims(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	plan := cloud.NewPlan()
	spec := cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}
	if err := c.CheckRoute(ctx, plan, plan.NewHolder(), n.table.ID, spec, false); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckRoute(ctx, plan, plan.NewHolder(), n.table.ID, spec, false), "RouteAlreadyExists")
	// A table managed by simcloud_route resources refuses inline routes, and
	// the other way round.
	err := c.CheckRouteTable(ctx, plan, cloud.ExistingHolder(n.table.ID), n.table.ID,
		cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true, Routes: []cloud.RouteSpec{{Destination: "::/0", Target: n.eigw.ID}}})
	wantCode(t, err, "InvalidParameterCombination")

	inlinePlan := cloud.NewPlan()
	if err := c.CheckRouteTable(ctx, inlinePlan, cloud.ExistingHolder(n.table.ID), n.table.ID, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckRoute(ctx, inlinePlan, inlinePlan.NewHolder(), n.table.ID, spec, false), "InvalidParameterCombination")

	// A gateway attached in the same plan is a valid target.
	loose := mustCreateIGW(t, c, "")
	other := mustCreateVPC(t, c, vpcInput("10.5.0.0/16"))
	otherTable, _ := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: other.ID})
	attachPlan := cloud.NewPlan()
	wantCode(t, c.CheckRoute(ctx, attachPlan, attachPlan.NewHolder(), otherTable.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: loose.ID}, false), "InvalidParameterValue")
	attachment := cloud.InternetGatewayAttachment{InternetGatewayID: loose.ID, VPCID: other.ID}
	if err := c.CheckInternetGatewayAttachment(ctx, attachPlan, attachPlan.NewHolder(), attachment, cloud.InternetGatewayAttachment{}); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckRoute(ctx, attachPlan, attachPlan.NewHolder(), otherTable.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: loose.ID}, false); err != nil {
		t.Fatalf("a route to a gateway attached in the same plan: %v", err)
	}
}

func TestInlineRoutes(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	routes := []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: n.igw.ID}, {Destination: "::/0", Target: n.eigw.ID}}
	table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true, Routes: routes, Tags: map[string]string{"Name": "public"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Routes) != 4 || table.Tags["Name"] != "public" {
		t.Fatalf("table %+v, want two local and two inline routes", table)
	}
	// Replacing the set: one changed, one gone, local routes kept.
	table, err = c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: n.igw.ID}}})
	if err != nil || len(table.Routes) != 3 || !hasRoute(table, "0.0.0.0/0", n.igw.ID) || hasRoute(table, "::/0", n.eigw.ID) {
		t.Fatalf("after update: %+v %v", table.Routes, err)
	}
	// Without ManageRoutes, routes stay as they are.
	if table, err = c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{}); err != nil || len(table.Routes) != 3 {
		t.Fatalf("unmanaged update: %+v %v", table.Routes, err)
	}
	_, err = c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "::/0", Target: n.eigw.ID})
	wantCode(t, err, "InvalidParameterCombination")

	dup := []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: n.igw.ID}, {Destination: "0.0.0.0/0", Target: n.igw.ID}}
	_, err = c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: dup})
	wantCode(t, err, "RouteAlreadyExists")

	// Adopting the main table wipes its routes, however they were made.
	if _, err := c.CreateRoute(ctx, n.vpc.MainRouteTableID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}); err != nil {
		t.Fatal(err)
	}
	main, err := c.AdoptRouteTable(ctx, n.vpc.MainRouteTableID, cloud.RouteTableInput{Routes: []cloud.RouteSpec{{Destination: "::/0", Target: n.eigw.ID}}, ManageRoutes: true})
	if err != nil || len(main.Routes) != 3 || hasRoute(main, "0.0.0.0/0", n.igw.ID) || !hasRoute(main, "::/0", n.eigw.ID) {
		t.Fatalf("adopted main table: %+v %v", main.Routes, err)
	}
	_, err = c.AdoptRouteTable(ctx, table.ID, cloud.RouteTableInput{})
	wantCode(t, err, "InvalidParameterValue")
}

func TestRouteIDsAndImport(t *testing.T) {
	// The AWS provider's ID for this route, as seen in a public issue.
	if got := cloud.RouteID("rtb-013c548a94e9f61bf", "0.0.0.0/0"); !strings.HasPrefix(got, "r-rtb-013c548a94e9f61bf") || got == "r-rtb-013c548a94e9f61bf" {
		t.Errorf("RouteID = %s", got)
	}
	if got := cloud.RouteID("rtb-1", "0.0.0.0/0"); got != "r-rtb-11080289494" {
		t.Errorf("RouteID = %s, want the AWS provider's r-rtb-11080289494", got)
	}
	table, dest, err := cloud.ParseRouteImportID("rtb-0123456789abcdef0_2001:db8::/32")
	if err != nil || table != "rtb-0123456789abcdef0" || dest != "2001:db8::/32" {
		t.Errorf("parse: %s %s %v", table, dest, err)
	}
	for _, bad := range []string{"", "rtb-0123456789abcdef0", "rtb-0123456789abcdef0_", "rtb-0123456789abcdef0_10.0.0.1/8", "vpc-0123456789abcdef0_0.0.0.0/0"} {
		if _, _, err := cloud.ParseRouteImportID(bad); err == nil || !strings.Contains(err.Error(), "ROUTE-TABLE-ID_DESTINATION") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// FuzzParseRouteImportID checks that an accepted route import string names
// a table and a canonical destination.
func FuzzParseRouteImportID(f *testing.F) {
	for _, seed := range []string{"rtb-0123456789abcdef0_0.0.0.0/0", "rtb-0123456789abcdef0_::/0", "rtb-1_1.2.3.4/32", "_", "rtb-a_b_c"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		table, dest, err := cloud.ParseRouteImportID(s)
		if err != nil {
			return
		}
		if cloud.ValidateID(cloud.KindRouteTable, table, "") != nil {
			t.Fatalf("accepted table %q from %q", table, s)
		}
		if _, err := cloud.ParseRouteDestination(dest, ""); err != nil {
			t.Fatalf("accepted destination %q from %q", dest, s)
		}
	})
}

// TestInlineTableWithoutRoutes gives a table an empty set of inline routes:
// it still refuses routes made by simcloud_route, at apply too.
func TestInlineTableWithoutRoutes(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID})
	wantCode(t, err, "InvalidParameterCombination")
	// Once its resource leaves the routes unmanaged, simcloud_route may.
	if _, err := c.UpdateRouteTable(ctx, table.ID, cloud.RouteTableInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}); err != nil {
		t.Fatalf("route on an unmanaged table: %v", err)
	}
}
