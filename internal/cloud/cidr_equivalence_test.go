package cloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Issue 19: the cloud keeps and compares every block in canonical form, so
// that a block written another way is the same block to every rule.

func TestCanonicalCIDR(t *testing.T) {
	cases := []struct{ in, want string }{
		{"::0/0", "::/0"},
		{"0:0::0/0", "::/0"},
		{"2001:DB8::/32", "2001:db8::/32"},
		{"2001:0db8:0000:0000::/64", "2001:db8::/64"},
		{"10.0.0.0/8", "10.0.0.0/8"},
		// Go's parser, like AWS, takes no leading zeros in an IPv4 block:
		// there is one spelling of each, and anything else stays as
		// written for the rules to refuse.
		{"010.0.0.0/8", "010.0.0.0/8"},
		{"10.0.0.0/08", "10.0.0.0/08"},
		// Host bits set: refused by the rules, in the user's words.
		{"10.0.0.1/24", "10.0.0.1/24"},
		{"2001:db8::1/64", "2001:db8::1/64"},
		{"::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104"},
		{cloud.Unknown, cloud.Unknown},
		{"", ""},
	}
	for _, tc := range cases {
		if got := cloud.CanonicalCIDR(tc.in); got != tc.want {
			t.Errorf("CanonicalCIDR(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !cloud.SameCIDR("::0/0", "::/0") || cloud.SameCIDR("::/0", "::/1") || cloud.SameCIDR("10.0.0.1/24", "10.0.0.0/24") {
		t.Error("SameCIDR compares networks")
	}
}

// TestNonCanonicalIPv4StillRefused: no IPv4 block AWS refuses is taken
// because it has a canonical form.
func TestNonCanonicalIPv4StillRefused(t *testing.T) {
	for _, s := range []string{"010.0.0.0/8", "10.0.0.0/08", "10.0.0.1/24"} {
		wantCode(t, func() error { _, err := cloud.ParseIPv4Network(s, "cidrIp", "cidr_ipv4"); return err }(), "InvalidParameterValue")
		wantCode(t, func() error { _, err := cloud.ParseRouteDestination(s, "destination_cidr_block"); return err }(), "InvalidParameterValue")
	}
	c, vpc := clientWithVPC(t)
	ctx := context.Background()
	_, err := c.CreateSubnet(ctx, subnetInput(vpc.ID, "10.0.0.1/24"))
	wantCode(t, err, "InvalidParameterValue")
	if err == nil || !strings.Contains(err.Error(), "10.0.0.1/24") {
		t.Errorf("the refusal names the block as written: %v", err)
	}
}

func TestRouteDestinationsCompareCanonical(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	r := must(c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "::0/0", Target: n.eigw.ID}))(t)
	if r.Destination != "::/0" {
		t.Errorf("stored destination %q, want ::/0", r.Destination)
	}
	_, err := c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "::/0", Target: n.igw.ID})
	wantCode(t, err, "RouteAlreadyExists")
	if got := must(c.Route(ctx, n.table.ID, "0::0/0"))(t); got.Destination != "::/0" {
		t.Errorf("found by another spelling: %+v", got)
	}
	// Inline routes of one table: the same destination twice.
	_, err = c.UpdateRouteTable(ctx, n.table.ID, cloud.RouteTableInput{VPCID: n.vpc.ID, ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "2001:DB8:FFFF::/48", Target: n.igw.ID}, {Destination: "2001:db8:ffff::/48", Target: n.eigw.ID}}})
	if cloud.ErrorCode(err) != "RouteAlreadyExists" && cloud.ErrorCode(err) != "InvalidParameterCombination" {
		t.Errorf("two inline routes to one network: %v", err)
	}
	if err := c.DeleteRoute(ctx, n.table.ID, "0:0::/0"); err != nil {
		t.Fatalf("delete by another spelling: %v", err)
	}
}

func TestSecurityGroupRuleDuplicatesCompareCanonical(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	g := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	v6 := func(cidr string) cloud.SecurityGroupRulesInput {
		return cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 443, ToPort: 443, CIDRIPv6: cidr}}}
	}
	added := must(c.PutSecurityGroupRules(ctx, v6("2001:DB8::/32")))(t)
	if added[0].CIDRIPv6 != "2001:db8::/32" {
		t.Errorf("stored block %q, want 2001:db8::/32", added[0].CIDRIPv6)
	}
	_, err := c.PutSecurityGroupRules(ctx, v6("2001:db8::/32"))
	wantCode(t, err, "InvalidPermission.Duplicate")
	_, err = c.PutSecurityGroupRules(ctx, v6("2001:0DB8:0::/32"))
	wantCode(t, err, "InvalidPermission.Duplicate")
	// The plan's claims compare canonical forms too.
	p := cloud.NewPlan()
	if err := c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{tcpFrom("192.168.0.0/16", 22)}}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckSecurityGroupRules(ctx, p, p.NewHolder(), v6("2001:DB8::/32")), "InvalidPermission.Duplicate")
	// IPv4: Go's parser takes one spelling, and refuses the others as AWS does.
	_, err = c.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: g.ID, Rules: []cloud.SecurityGroupRule{tcpFrom("010.0.0.0/8", 22)}})
	wantCode(t, err, "InvalidParameterValue")
}

func TestPrefixListEntriesCompareCanonical(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := cloud.ManagedPrefixListInput{Name: "v6", AddressFamily: cloud.PrefixListIPv6, MaxEntries: 3,
		Entries: []cloud.PrefixListEntry{{CIDR: "2001:DB8::/32"}, {CIDR: "2001:db8::/32"}}}
	_, err := c.CreateManagedPrefixList(ctx, in)
	wantCode(t, err, "InvalidParameterValue")
	in.Entries = in.Entries[:1]
	l := must(c.CreateManagedPrefixList(ctx, in))(t)
	if l.Entries[0].CIDR != "2001:db8::/32" {
		t.Errorf("stored entry %q", l.Entries[0].CIDR)
	}
	// The same entries written another way are no new version.
	in.Entries = []cloud.PrefixListEntry{{CIDR: "2001:0db8::/32"}}
	if l = must(c.UpdateManagedPrefixList(ctx, l.ID, in))(t); l.Version != 1 {
		t.Errorf("a respelt entry made version %d", l.Version)
	}
}

func TestSubnetBlocksCompareCanonical(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, first, _ := ipv6VPC(t, c)
	upper := strings.ToUpper(first)
	in := subnetInput(vpc.ID, "10.0.1.0/24")
	in.IPv6CIDRBlock = upper
	s := must(c.CreateSubnet(ctx, in))(t)
	if s.IPv6CIDRBlock != first {
		t.Errorf("stored IPv6 block %q, want %q", s.IPv6CIDRBlock, first)
	}
	// Updating with another spelling is no change of block.
	in.IPv6CIDRBlock = first
	if u := must(c.UpdateSubnet(ctx, s.ID, in))(t); u.IPv6CIDRBlockAssociationID != s.IPv6CIDRBlockAssociationID {
		t.Errorf("a respelt block was associated again: %+v", u)
	}
	// A subnet of the plan claims its block canonically.
	p := cloud.NewPlan()
	other := subnetInput(vpc.ID, "10.0.2.0/24")
	other.IPv6CIDRBlock = upper
	wantCode(t, c.CheckSubnet(ctx, p, p.NewHolder(), other, ""), "InvalidSubnet.Conflict")
}
