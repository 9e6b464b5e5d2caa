package cloud_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// adviceCodes renders advisories as "code subject objects..." lines, sorted.
func adviceCodes(advice []cloud.Advisory) []string {
	var out []string
	for _, a := range advice {
		out = append(out, a.Code+" "+strings.Join(a.Objects, " "))
	}
	slices.Sort(out)
	return out
}

func wantAdvice(t *testing.T, got []cloud.Advisory, err error, want ...string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if g := adviceCodes(got); !slices.Equal(g, want) {
		t.Fatalf("advice:\n got %q\nwant %q", g, want)
	}
	for _, a := range got {
		if a.Subject != a.Objects[0] || a.Message == "" || !isSentence(a.Fix) {
			t.Errorf("advisory does not teach: %+v", a)
		}
	}
}

func TestAdviceQuietOnARoutedNetwork(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	igw := mustCreateIGW(t, c, vpc.ID)
	public := mustCreateSubnet(t, c, publicSubnetInput(vpc.ID, "10.0.1.0/24"))
	private := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.2.0/24"))
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}}))(t)
	must(c.Associate(ctx, public.ID, table.ID))(t)

	got, err := c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err)
	for _, id := range []string{public.ID, private.ID, igw.ID, table.ID, vpc.MainRouteTableID} {
		got, err := c.AdviceOn(ctx, id)
		wantAdvice(t, got, err)
	}
}

func TestAdviceOnSurprises(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	igw := mustCreateIGW(t, c, vpc.ID)
	subnet := mustCreateSubnet(t, c, publicSubnetInput(vpc.ID, "10.0.1.0/24"))
	spare := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)

	publicIP := cloud.AdvicePublicIPWithoutInternetRoute + " " + subnet.ID + " " + vpc.MainRouteTableID
	unusedIGW := cloud.AdviceInternetGatewayWithoutRoute + " " + igw.ID + " " + vpc.ID
	unusedTable := cloud.AdviceRouteTableWithoutSubnets + " " + spare.ID + " " + vpc.ID
	got, err := c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, publicIP, unusedIGW, unusedTable)
	got, err = c.AdviceOn(ctx, subnet.ID)
	wantAdvice(t, got, err, publicIP)
	if got[0].Field != "map_public_ip_on_launch" || !strings.Contains(got[0].Message, "no route for internet addresses") {
		t.Errorf("subnet advice: %+v", got[0])
	}
	got, err = c.AdviceOn(ctx, igw.ID)
	wantAdvice(t, got, err, unusedIGW)
	got, err = c.AdviceOn(ctx, spare.ID)
	wantAdvice(t, got, err, unusedTable)

	// A route to the gateway in the spare table quiets the gateway's advice
	// but not the subnet's, which the main table still serves.
	must(c.CreateRoute(ctx, spare.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID}))(t)
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, publicIP, unusedTable)

	// Associating the subnet with it quiets the rest.
	must(c.Associate(ctx, subnet.ID, spare.ID))(t)
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err)

	// A detached gateway leaves a blackhole: the subnet's addresses are
	// unreachable again, and a detached gateway is not advised on.
	if err := c.DetachInternetGateway(ctx, igw.ID, vpc.ID); err != nil {
		t.Fatal(err)
	}
	got, err = c.Advice(ctx, vpc.ID)
	wantAdvice(t, got, err, cloud.AdvicePublicIPWithoutInternetRoute+" "+subnet.ID+" "+spare.ID)
	if !strings.Contains(got[0].Message, "blackhole") {
		t.Errorf("the advice does not say why: %s", got[0].Message)
	}
	got, err = c.AdviceOn(ctx, igw.ID)
	wantAdvice(t, got, err)
}

// Inbound rules open to the whole internet on SSH or RDP, a range or every
// protocol included, are advised on, one advisory a rule; others are not.
func TestAdviceOnAdministrativePortsOpenToTheInternet(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	rule := func(protocol string, from, to int, cidr string) cloud.SecurityGroupRule {
		r := cloud.SecurityGroupRule{IPProtocol: protocol, FromPort: from, ToPort: to, CIDRIPv4: cidr}
		if strings.Contains(cidr, ":") {
			r.CIDRIPv4, r.CIDRIPv6 = "", cidr
		}
		return r
	}
	cases := []struct {
		name   string
		rule   cloud.SecurityGroupRule
		egress bool
		title  string
	}{
		{"ssh from anywhere", rule("tcp", 22, 22, "0.0.0.0/0"), false, "SSH open to the whole internet"},
		{"rdp from anywhere on IPv6", rule("6", 3389, 3389, "::/0"), false, "RDP open to the whole internet"},
		{"a range that holds 22", rule("tcp", 20, 23, "0.0.0.0/0"), false, "SSH open to the whole internet"},
		{"every TCP port", rule("tcp", 0, 65535, "0.0.0.0/0"), false, "SSH and RDP open to the whole internet"},
		{"every protocol", rule("-1", 0, 0, "0.0.0.0/0"), false, "SSH and RDP open to the whole internet"},
		{"ssh from an office", rule("tcp", 22, 22, "203.0.113.0/24"), false, ""},
		{"ssh from half the internet", rule("tcp", 22, 22, "0.0.0.0/1"), false, ""},
		{"udp 22", rule("udp", 22, 22, "0.0.0.0/0"), false, ""},
		{"http from anywhere", rule("tcp", 80, 80, "0.0.0.0/0"), false, ""},
		{"a range beside 22", rule("tcp", 23, 3388, "0.0.0.0/0"), false, ""},
		{"ssh out to anywhere", rule("tcp", 22, 22, "0.0.0.0/0"), true, ""},
		{"every protocol from the default group", cloud.SecurityGroupRule{IPProtocol: "-1", ReferencedGroupID: vpc.DefaultSecurityGroupID}, false, ""},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := groupInput(vpc.ID, fmt.Sprintf("g%d", i))
			if tc.egress {
				in.Egress = []cloud.SecurityGroupRule{tc.rule}
			} else {
				in.Ingress = []cloud.SecurityGroupRule{tc.rule}
			}
			g := must(c.CreateSecurityGroup(ctx, in))(t)
			got, err := c.AdviceOn(ctx, g.ID)
			if tc.title == "" {
				wantAdvice(t, got, err)
				return
			}
			wantAdvice(t, got, err, cloud.AdviceAdminPortOpenToInternet+" "+g.ID+" "+g.Rules[0].ID)
			a := got[0]
			everyone := tc.rule.CIDRIPv4 + tc.rule.CIDRIPv6
			if a.Title != tc.title || a.Field != "ingress" || !strings.Contains(a.Message, everyone) ||
				!strings.Contains(a.Message, "every address on the internet") || !strings.Contains(a.Fix, "Restrict the rule's source") {
				t.Errorf("advisory %+v", a)
			}
		})
	}
	// A VPC's default group lets in only its own members.
	got, err := c.AdviceOn(ctx, vpc.DefaultSecurityGroupID)
	wantAdvice(t, got, err)
}

// A network ACL that lets TCP connections through one way but denies their
// replies, which go to ephemeral ports, the other way is advised on; the
// rules are read as the ACL reads them, first match first.
func TestAdviceOnNetworkACLsThatDropReplies(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	entry := func(egress bool, number int, protocol, action, cidr string, ports ...int) cloud.NetworkACLEntrySpec {
		e := cloud.NetworkACLEntrySpec{Egress: egress, RuleNumber: number, Protocol: protocol, RuleAction: action, CIDRBlock: cidr}
		if strings.Contains(cidr, ":") {
			e.CIDRBlock, e.IPv6CIDRBlock = "", cidr
		}
		if len(ports) == 2 {
			e.FromPort, e.ToPort = intp(ports[0]), intp(ports[1])
		}
		return e
	}
	in := func(number int, protocol, action, cidr string, ports ...int) cloud.NetworkACLEntrySpec {
		return entry(false, number, protocol, action, cidr, ports...)
	}
	out := func(number int, protocol, action, cidr string, ports ...int) cloud.NetworkACLEntrySpec {
		return entry(true, number, protocol, action, cidr, ports...)
	}
	const (
		inbound  = "network ACL drops the replies to inbound connections"
		outbound = "network ACL drops the replies to outbound connections"
	)
	web := in(100, "tcp", "allow", "0.0.0.0/0", 443, 443)
	replies := out(100, "tcp", "allow", "0.0.0.0/0", 1024, 65535)
	cases := []struct {
		name    string
		entries []cloud.NetworkACLEntrySpec
		// want are the titles expected, each with parts of its message and
		// fix.
		want [][]string
	}{
		{"no rules", nil, nil},
		{"https in, nothing out", []cloud.NetworkACLEntrySpec{web},
			[][]string{{inbound, "outbound rules deny TCP to 0.0.0.0/0 on ports 1024-65535", "egress { rule_no = 100,"}}},
		{"https in, replies out", []cloud.NetworkACLEntrySpec{web, replies}, nil},
		{"replies out on Linux's ports only", []cloud.NetworkACLEntrySpec{web, out(100, "tcp", "allow", "0.0.0.0/0", 32768, 65535)},
			[][]string{{inbound, "on ports 1024-32767", "egress { rule_no = 200,"}}},
		{"a deny for part of the peers first", []cloud.NetworkACLEntrySpec{web, out(49, "6", "deny", "10.0.0.0/8", 5000, 5001),
			out(48, "tcp", "allow", "10.0.0.0/8", 5001, 65535), replies},
			[][]string{{inbound, "on ports 5000. A", "egress { rule_no = 47,"}}},
		{"a deny for part of the peers after an allow for them", []cloud.NetworkACLEntrySpec{web, out(48, "tcp", "allow", "10.0.0.0/8", 1024, 65535),
			out(49, "6", "deny", "10.1.0.0/16", 5000, 5001), replies}, nil},
		{"replies allowed to part of the peers only", []cloud.NetworkACLEntrySpec{web, out(100, "tcp", "allow", "10.0.0.0/8", 1024, 65535)},
			[][]string{{inbound, "on ports 1024-65535"}}},
		{"replies allowed to the peers' block", []cloud.NetworkACLEntrySpec{in(100, "tcp", "allow", "203.0.113.0/24", 22, 22),
			out(100, "-1", "allow", "203.0.0.0/16")}, nil},
		{"the service shadowed by a deny", []cloud.NetworkACLEntrySpec{in(10, "-1", "deny", "0.0.0.0/0"), web}, nil},
		{"ssh in, everything out", []cloud.NetworkACLEntrySpec{in(100, "tcp", "allow", "0.0.0.0/0", 22, 22), out(100, "-1", "allow", "0.0.0.0/0")}, nil},
		{"everything in, https out", []cloud.NetworkACLEntrySpec{in(100, "-1", "allow", "0.0.0.0/0"), out(100, "tcp", "allow", "0.0.0.0/0", 443, 443)},
			[][]string{{inbound, "on ports 1024-65535"}}},
		{"everything both ways", []cloud.NetworkACLEntrySpec{in(100, "-1", "allow", "0.0.0.0/0"), out(100, "-1", "allow", "0.0.0.0/0")}, nil},
		{"udp only", []cloud.NetworkACLEntrySpec{in(100, "udp", "allow", "0.0.0.0/0", 53, 53)}, nil},
		{"a client subnet", []cloud.NetworkACLEntrySpec{out(100, "tcp", "allow", "0.0.0.0/0", 443, 443),
			in(100, "tcp", "allow", "0.0.0.0/0", 1024, 65535)}, nil},
		{"https out, nothing in", []cloud.NetworkACLEntrySpec{out(100, "tcp", "allow", "0.0.0.0/0", 443, 443)},
			[][]string{{outbound, "inbound rules deny TCP from 0.0.0.0/0 on ports 1024-65535"}}},
		{"both ways wrong", []cloud.NetworkACLEntrySpec{web, out(110, "tcp", "allow", "0.0.0.0/0", 443, 443)},
			[][]string{{inbound, "on ports 1024-65535"}, {outbound, "on ports 1024-65535"}}},
		{"ssh in on IPv6", []cloud.NetworkACLEntrySpec{in(100, "tcp", "allow", "::/0", 22, 22)},
			[][]string{{inbound, "ipv6_cidr_block = \"::/0\""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			acl := must(c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: vpc.ID, Entries: tc.entries, ManageIngress: true, ManageEgress: true}))(t)
			got, err := c.AdviceOn(ctx, acl.ID)
			var want []string
			for range tc.want {
				want = append(want, cloud.AdviceNetworkACLDropsReplies+" "+acl.ID)
			}
			wantAdvice(t, got, err, want...)
			for i, w := range tc.want {
				a := got[i]
				if a.Title != w[0] || !strings.Contains(a.Fix, "1024-65535") {
					t.Errorf("advisory %d: %+v, want %q", i, a, w[0])
				}
				for _, part := range w[1:] {
					if !strings.Contains(a.Message+" "+a.Fix, part) {
						t.Errorf("advisory %d does not say %q: %s %s", i, part, a.Message, a.Fix)
					}
				}
			}
		})
	}
	// The default ACL allows everything both ways.
	got, err := c.AdviceOn(ctx, vpc.DefaultNetworkACLID)
	wantAdvice(t, got, err)
}
