package cloud_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// AWS's pages the cases below are written from.
const (
	docSGRules        = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"
	docSGDefault      = "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"
	docNACLs          = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"
	docNACLRules      = "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html"
	docNACLDefault    = "https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html"
	docNACLCustom     = "https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html"
	docNACLEphemeral  = "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html"
	docRouteTables    = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html"
	docRoutePriority  = "https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html"
	docInternetGW     = "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html"
	docNATGateway     = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html"
	docEgressOnlyGW   = "https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html"
	docBlockPublicAcc = "https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html"
)

// pathNet is the network the cases start from: a VPC with an IPv6 block
// and an internet gateway, a public subnet (its table routes 0.0.0.0/0 and
// ::/0 to the gateway; it maps public addresses on launch), a private one on
// the main table (the local routes only), and a second VPC with a subnet.
type pathNet struct {
	c               *cloud.Client
	nat             natNetwork
	other           cloud.VPC
	otherSubnet     cloud.Subnet
	public, private cloud.Subnet
	groups          int
}

func newPathNet(t *testing.T) *pathNet {
	t.Helper()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	return &pathNet{c: c, nat: n, public: n.public, private: n.private, other: other,
		otherSubnet: mustCreateSubnet(t, c, subnetInput(other.ID, "10.1.1.0/24"))}
}

// end resolves a subnet (or internet) as a question's end does.
func (n *pathNet) end(t *testing.T, id string) cloud.Endpoint {
	t.Helper()
	return must(n.c.PathEnd(context.Background(), id, "source"))(t)
}

// server launches an instance in subnet s at host number host of its IPv4
// block (and of its IPv6 block when it has one), in groups, with an
// elastic IP associated when public (and no public address otherwise,
// whatever the subnet maps on launch), and resolves it as a question's end
// does, through the registry.
func (n *pathNet) server(t *testing.T, s cloud.Subnet, host int, public bool, groups ...string) cloud.Endpoint {
	t.Helper()
	ctx := context.Background()
	nth := func(block string) netip.Addr {
		a := netip.MustParsePrefix(block).Addr()
		for range host {
			a = a.Next()
		}
		return a
	}
	noPublicIP := false
	in := cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro", SubnetID: s.ID, PrivateIP: nth(s.CIDRBlock).String(),
		SecurityGroupIDs: groups, AssociatePublicIPAddress: &noPublicIP, SourceDestCheck: true}
	if s.IPv6CIDRBlock != "" {
		in.IPv6Addresses = []string{nth(s.IPv6CIDRBlock).String()}
	}
	inst := must(n.c.RunInstance(ctx, in))(t)
	if public {
		eip := mustAllocate(t, n.c)
		must(n.c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: inst.ID}))(t)
	}
	return n.end(t, inst.ID)
}

// group makes a security group in vpc with ingress rules and, when egress
// is not nil, exactly those outbound rules (else AWS's allow-all one).
func (n *pathNet) group(t *testing.T, vpcID string, ingress, egress []cloud.SecurityGroupRule) string {
	t.Helper()
	n.groups++
	g := must(n.c.CreateSecurityGroup(context.Background(), cloud.SecurityGroupInput{VPCID: vpcID, GroupName: fmt.Sprintf("group-%d", n.groups),
		Description: "test", Ingress: ingress, Egress: egress, ManageIngress: true, ManageEgress: egress != nil}))(t)
	return g.ID
}

// listGroup makes a group whose one inbound rule lets tcp 22 in from a
// customer-managed prefix list of blocks.
func (n *pathNet) listGroup(t *testing.T, blocks ...string) string {
	t.Helper()
	in := cloud.ManagedPrefixListInput{Name: fmt.Sprintf("list-%d", n.groups), AddressFamily: cloud.PrefixListIPv4, MaxEntries: 5}
	for _, b := range blocks {
		in.Entries = append(in.Entries, cloud.PrefixListEntry{CIDR: b})
	}
	l := must(n.c.CreateManagedPrefixList(context.Background(), in))(t)
	return n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListID: l.ID}}, nil)
}

// acl makes a network ACL with entries and associates the subnets with it.
func (n *pathNet) acl(t *testing.T, subnets []cloud.Subnet, entries ...cloud.NetworkACLEntrySpec) {
	t.Helper()
	var ids []string
	for _, s := range subnets {
		ids = append(ids, s.ID)
	}
	must(n.c.CreateNetworkACL(context.Background(), cloud.NetworkACLInput{VPCID: subnets[0].VPCID, Entries: entries,
		ManageIngress: true, ManageEgress: true, SubnetIDs: ids, ManageSubnets: true}))(t)
}

// natOut gives the private subnet a public NAT gateway in the public one
// for IPv4 and an egress-only gateway for IPv6, on the main table.
func (n *pathNet) natOut(t *testing.T, more ...cloud.RouteSpec) {
	t.Helper()
	ctx := context.Background()
	eip := mustAllocate(t, n.c)
	nat := must(n.c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}))(t)
	eigw := must(n.c.CreateEgressOnlyInternetGateway(ctx, n.nat.vpc.ID, nil))(t)
	routes := append([]cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: nat.ID}, {Destination: "::/0", Target: eigw.ID}}, more...)
	must(n.c.AdoptRouteTable(ctx, n.nat.vpc.MainRouteTableID, cloud.RouteTableInput{ManageRoutes: true, Routes: routes}))(t)
}

func tcpRule(port int, cidr string) cloud.SecurityGroupRule {
	return cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: port, ToPort: port, CIDRIPv4: cidr}
}

func aclRule(egress bool, number int, protocol, action, cidr string, from, to int) cloud.NetworkACLEntrySpec {
	e := cloud.NetworkACLEntrySpec{Egress: egress, RuleNumber: number, Protocol: protocol, RuleAction: action}
	if strings.Contains(cidr, ":") {
		e.IPv6CIDRBlock = cidr
	} else {
		e.CIDRBlock = cidr
	}
	if protocol == "tcp" || protocol == "udp" {
		e.FromPort, e.ToPort = intp(from), intp(to)
	}
	if protocol == "icmp" {
		e.ICMPType, e.ICMPCode = intp(from), intp(to)
	}
	return e
}

// webACL is AWS's custom ACL of a public web subnet, narrowed to what the
// cases need: SSH in from anywhere and its replies out, HTTPS out and its
// replies in, on the ephemeral ports replyPorts.
func webACL(replyFrom int) []cloud.NetworkACLEntrySpec {
	return []cloud.NetworkACLEntrySpec{
		aclRule(false, 100, "tcp", "allow", "0.0.0.0/0", 22, 22),
		aclRule(false, 140, "tcp", "allow", "0.0.0.0/0", replyFrom, 65535),
		aclRule(true, 100, "tcp", "allow", "0.0.0.0/0", 443, 443),
		aclRule(true, 140, "tcp", "allow", "0.0.0.0/0", replyFrom, 65535),
	}
}

type pathCase struct {
	name string
	// doc is the page of AWS's documentation the answer comes from.
	doc string
	// network changes the starting network and returns the question's ends.
	network   func(t *testing.T, n *pathNet) (from, to cloud.Endpoint)
	protocol  string
	port      int
	ipVersion string
	reachable bool
	// want is in the break when unreachable, in a hop's detail when
	// reachable (empty: not checked).
	want string
}

var internet = cloud.InternetEndpoint

func TestNetworkPathAsAWSDocuments(t *testing.T) {
	ctx := context.Background()
	sshOnly := func(t *testing.T, n *pathNet, cidr string) (cloud.Endpoint, cloud.Endpoint) {
		return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(22, cidr)}, nil))
	}
	cases := []pathCase{
		// Security groups.
		{name: "a new group has no inbound rules: nothing gets in", doc: docSGRules, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, nil, nil))
			}, want: "allows no tcp 22 from 8.8.8.8 inbound"},
		{name: "an inbound rule for tcp 22 from anywhere lets SSH in", doc: docSGRules, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) { return sshOnly(t, n, "0.0.0.0/0") },
			want:    "allows tcp 22 from 0.0.0.0/0 inbound"},
		{name: "a rule for another source range lets nothing in from elsewhere", doc: docSGRules, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return sshOnly(t, n, "203.0.113.0/24")
			},
			want: "allows no tcp 22 from 8.8.8.8 inbound"},
		{name: "a rule for one port lets no other port in", doc: docSGRules, protocol: "tcp", port: 80,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) { return sshOnly(t, n, "0.0.0.0/0") },
			want:    "allows no tcp 80"},
		{name: "a port range covers the ports in it", doc: docSGRules, protocol: "tcp", port: 25, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				r := cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 20, ToPort: 30, CIDRIPv4: "0.0.0.0/0"}
				return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{r}, nil))
			}, want: "tcp 20-30"},
		{name: "a rule for all traffic covers every protocol and port", doc: docSGRules, protocol: "udp", port: 53, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				r := cloud.SecurityGroupRule{IPProtocol: "-1", FromPort: -1, ToPort: -1, CIDRIPv4: "0.0.0.0/0"}
				return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{r}, nil))
			}},
		{name: "a tcp rule does not let udp of the same port in", doc: docSGRules, protocol: "udp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) { return sshOnly(t, n, "0.0.0.0/0") },
			want:    "allows no udp 22"},
		{name: "groups are stateful: replies leave without any outbound rule", doc: docSGRules, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				g := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(22, "0.0.0.0/0")}, []cloud.SecurityGroupRule{})
				return internet, n.server(t, n.public, 10, true, g)
			}},
		{name: "without outbound rules no connection can be opened outbound", doc: docSGRules, protocol: "tcp", port: 443,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				g := n.group(t, n.nat.vpc.ID, nil, []cloud.SecurityGroupRule{})
				return n.server(t, n.public, 10, true, g), internet
			}, want: "allows no tcp 443 to 8.8.8.8 outbound"},
		{name: "a new group's outbound rule allows all traffic out", doc: docSGRules, protocol: "tcp", port: 443, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, nil, nil)), internet
			}, want: "allows all traffic to 0.0.0.0/0 outbound"},
		{name: "the rules of all an interface's groups add up", doc: docSGRules, protocol: "tcp", port: 443, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				ssh := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(22, "0.0.0.0/0")}, nil)
				web := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(443, "0.0.0.0/0")}, nil)
				return internet, n.server(t, n.public, 10, true, ssh, web)
			}},
		{name: "the default group lets its members reach each other", doc: docSGDefault, protocol: "tcp", port: 5432, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				def := must(n.c.DefaultSecurityGroup(context.Background(), n.nat.vpc.ID))(t).ID
				return n.server(t, n.public, 10, false, def), n.server(t, n.private, 11, false, def)
			}, want: "members of"},
		{name: "the default group lets nothing in from the internet", doc: docSGDefault, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				def := must(n.c.DefaultSecurityGroup(context.Background(), n.nat.vpc.ID))(t).ID
				return internet, n.server(t, n.public, 10, true, def)
			}, want: "allows no tcp 22 from 8.8.8.8"},
		{name: "a rule that references a group lets its members in", doc: docSGRules, protocol: "tcp", port: 5432, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				app := n.group(t, n.nat.vpc.ID, nil, nil)
				db := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 5432, ToPort: 5432, ReferencedGroupID: app}}, nil)
				return n.server(t, n.public, 10, false, app), n.server(t, n.private, 11, false, db)
			}, want: "from members of sg-"},
		{name: "a rule that references a group lets no one else in", doc: docSGRules, protocol: "tcp", port: 5432,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				app := n.group(t, n.nat.vpc.ID, nil, nil)
				web := n.group(t, n.nat.vpc.ID, nil, nil)
				db := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 5432, ToPort: 5432, ReferencedGroupID: app}}, nil)
				return n.server(t, n.public, 10, false, web), n.server(t, n.private, 11, false, db)
			}, want: "allows no tcp 5432 from 10.0.1.10 inbound"},
		{name: "a rule that names a prefix list lets its blocks in", doc: docSGRules, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.server(t, n.public, 10, true, n.listGroup(t, "203.0.113.0/24", "8.8.8.0/24"))
			}, want: "from the blocks of prefix list pl-"},
		{name: "a rule that names a prefix list lets no one else in", doc: docSGRules, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.server(t, n.public, 10, true, n.listGroup(t, "203.0.113.0/24"))
			}, want: "allows no tcp 22 from 8.8.8.8 inbound"},
		{name: "an IPv6 rule lets IPv6 traffic in", doc: docSGRules, protocol: "tcp", port: 22, ipVersion: cloud.IPv6, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				r := cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv6: "::/0"}
				return internet, n.server(t, n.public, 10, false, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{r}, nil))
			}, want: "from ::/0 inbound"},
		{name: "an IPv4 rule lets no IPv6 traffic in", doc: docSGRules, protocol: "tcp", port: 22, ipVersion: cloud.IPv6,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) { return sshOnly(t, n, "0.0.0.0/0") },
			want:    "allows no tcp 22 from 2001:4860:4860::8888 inbound"},
		{name: "an ICMP rule for every type lets ping in", doc: docSGRules, protocol: "icmp", reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				r := cloud.SecurityGroupRule{IPProtocol: "icmp", FromPort: -1, ToPort: -1, CIDRIPv4: "0.0.0.0/0"}
				return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{r}, nil))
			}},
		{name: "an ICMP rule for another type lets no ping in", doc: docSGRules, protocol: "icmp",
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				r := cloud.SecurityGroupRule{IPProtocol: "icmp", FromPort: 3, ToPort: -1, CIDRIPv4: "0.0.0.0/0"}
				return internet, n.server(t, n.public, 10, true, n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{r}, nil))
			}, want: "allows no icmp echo request"},

		// Network ACLs.
		{name: "the default ACL allows all traffic both ways", doc: docNACLDefault, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.end(t, n.public.ID)
			},
			want: "rule 100 allows all traffic from 0.0.0.0/0 inbound"},
		{name: "a new custom ACL denies everything until rules are added", doc: docNACLs, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public})
				return internet, n.end(t, n.public.ID)
			}, want: "rule * denies tcp 22 inbound"},
		{name: "ACLs are stateless: an inbound rule alone lets no reply out", doc: docNACLs, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 100, "tcp", "allow", "0.0.0.0/0", 22, 22))
				return internet, n.end(t, n.public.ID)
			}, want: "the reply to tcp 22: acl-"},
		{name: "an outbound rule for the ephemeral ports lets the replies out", doc: docNACLCustom, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, webACL(1024)...)
				return internet, n.end(t, n.public.ID)
			}, want: "the reply to tcp 22: rule 140 allows tcp 1024-65535 to 0.0.0.0/0 outbound"},
		{name: "the lowest numbered matching rule decides: a deny first", doc: docNACLRules, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 90, "tcp", "deny", "0.0.0.0/0", 22, 22),
					aclRule(false, 100, "-1", "allow", "0.0.0.0/0", 0, 0), aclRule(true, 100, "-1", "allow", "0.0.0.0/0", 0, 0))
				return internet, n.end(t, n.public.ID)
			}, want: "rule 90 denies tcp 22 inbound"},
		{name: "the lowest numbered matching rule decides: an allow first", doc: docNACLRules, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 100, "tcp", "allow", "0.0.0.0/0", 22, 22),
					aclRule(false, 110, "tcp", "deny", "0.0.0.0/0", 22, 22), aclRule(true, 100, "-1", "allow", "0.0.0.0/0", 0, 0))
				return internet, n.end(t, n.public.ID)
			}, want: "rule 100 allows tcp 22 from 0.0.0.0/0 inbound"},
		{name: "a deny for another source range does not match", doc: docNACLRules, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 90, "tcp", "deny", "203.0.113.0/24", 22, 22),
					aclRule(false, 100, "-1", "allow", "0.0.0.0/0", 0, 0), aclRule(true, 100, "-1", "allow", "0.0.0.0/0", 0, 0))
				return internet, n.end(t, n.public.ID)
			}},
		{name: "a connection out needs an inbound rule for its replies", doc: docNACLCustom, protocol: "tcp", port: 443,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(true, 100, "tcp", "allow", "0.0.0.0/0", 443, 443))
				return n.end(t, n.public.ID), internet
			}, want: "rule * denies tcp 1024-65535 inbound"},
		{name: "an inbound rule for the ephemeral ports lets replies to connections out in", doc: docNACLCustom, protocol: "tcp", port: 443, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, webACL(1024)...)
				return n.end(t, n.public.ID), internet
			}},
		{name: "replies may come back on any port of 1024-65535: a narrower range drops some", doc: docNACLEphemeral, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, webACL(32768)...)
				return internet, n.end(t, n.public.ID)
			}, want: "rule * denies tcp 1024-32767 outbound"},
		{name: "IPv4 rules do not apply to IPv6 traffic", doc: docNACLCustom, protocol: "tcp", port: 22, ipVersion: cloud.IPv6,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, webACL(1024)...)
				return internet, n.end(t, n.public.ID)
			}, want: "rule * denies tcp 22 inbound"},
		{name: "the default ACL of a VPC with IPv6 allows IPv6 traffic (rule 101)", doc: docNACLDefault, protocol: "tcp", port: 22, ipVersion: cloud.IPv6, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.end(t, n.public.ID)
			},
			want: "rule 101 allows all traffic from ::/0 inbound"},
		{name: "an ACL filters traffic into its subnet from another subnet of the VPC", doc: docNACLs, protocol: "tcp", port: 5432,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.private}, aclRule(true, 100, "-1", "allow", "0.0.0.0/0", 0, 0))
				return n.end(t, n.public.ID), n.end(t, n.private.ID)
			}, want: "rule * denies tcp 5432 inbound"},
		{name: "an ACL does not filter traffic within its subnet", doc: docNACLs, protocol: "tcp", port: 5432, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.private})
				def := must(n.c.DefaultSecurityGroup(context.Background(), n.nat.vpc.ID))(t).ID
				return n.server(t, n.private, 10, false, def), n.server(t, n.private, 11, false, def)
			}},
		{name: "ICMP echo needs its echo reply allowed back", doc: docNACLRules, protocol: "icmp",
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 100, "icmp", "allow", "0.0.0.0/0", 8, -1),
					aclRule(true, 100, "icmp", "allow", "0.0.0.0/0", 3, -1))
				return internet, n.end(t, n.public.ID)
			}, want: "the reply to icmp echo request: acl-"},
		{name: "ICMP rules for every type let echo and its reply through", doc: docNACLRules, protocol: "icmp", reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 100, "icmp", "allow", "0.0.0.0/0", -1, -1),
					aclRule(true, 100, "icmp", "allow", "0.0.0.0/0", -1, -1))
				return internet, n.end(t, n.public.ID)
			}},
		{name: "all traffic gets through only where no rule denies part of it", doc: docNACLRules, protocol: "-1",
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.acl(t, []cloud.Subnet{n.public}, aclRule(false, 90, "udp", "deny", "0.0.0.0/0", 53, 53),
					aclRule(false, 100, "-1", "allow", "0.0.0.0/0", 0, 0), aclRule(true, 100, "-1", "allow", "0.0.0.0/0", 0, 0))
				return internet, n.end(t, n.public.ID)
			}, want: "rule 90 denies udp 53 inbound"},

		// Routing.
		{name: "traffic within a VPC takes the local route", doc: docRouteTables, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return n.end(t, n.public.ID), n.end(t, n.private.ID)
			}, want: "-> local (active)"},
		{name: "the most specific route wins", doc: docRoutePriority, protocol: "tcp", port: 443, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.natOut(t)
				return n.end(t, n.private.ID), internet
			}, want: "0.0.0.0/0 -> nat-"},
		{name: "a more specific route wins over 0.0.0.0/0", doc: docRoutePriority, protocol: "tcp", port: 443,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				// 8.8.8.8 stands for the internet: its /24 goes to the
				// internet gateway, which the private subnet, without
				// public addresses, cannot use.
				n.natOut(t, cloud.RouteSpec{Destination: "8.8.8.0/24", Target: n.nat.igw.ID})
				return n.end(t, n.private.ID), internet
			}, want: "has no public IPv4 address, which igw-"},
		{name: "a subnet without a route for internet addresses reaches no internet", doc: docRouteTables, protocol: "tcp", port: 443,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return n.end(t, n.private.ID), internet
			},
			want: "has no route for internet addresses"},
		{name: "a route to a detached gateway is a blackhole", doc: docRouteTables, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				if err := n.c.DetachInternetGateway(context.Background(), n.nat.igw.ID, n.nat.vpc.ID); err != nil {
					t.Fatal(err)
				}
				return internet, n.end(t, n.public.ID)
			}, want: "is a blackhole"},
		{name: "an instance without a public IPv4 address cannot be reached through the internet gateway", doc: docInternetGW, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				g := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(22, "0.0.0.0/0")}, nil)
				return internet, n.server(t, n.public, 10, false, g)
			}, want: "has no public IPv4 address"},
		{name: "an instance with a public address (an elastic IP) is reached in any subnet routed to the gateway", doc: docInternetGW, protocol: "tcp", port: 22, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				in := cloud.SubnetInput{VPCID: n.public.VPCID, CIDRBlock: n.public.CIDRBlock, IPv6CIDRBlock: n.public.IPv6CIDRBlock}
				must(n.c.UpdateSubnet(context.Background(), n.public.ID, in))(t)
				return sshOnly(t, n, "0.0.0.0/0")
			}},
		{name: "a subnet without public addressing is not reached over IPv4, over IPv6 it is", doc: docInternetGW, protocol: "tcp", port: 22, ipVersion: cloud.IPv6, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				in := cloud.SubnetInput{VPCID: n.public.VPCID, CIDRBlock: n.public.CIDRBlock, IPv6CIDRBlock: n.public.IPv6CIDRBlock}
				must(n.c.UpdateSubnet(context.Background(), n.public.ID, in))(t)
				return internet, n.end(t, n.public.ID)
			}},
		{name: "a NAT gateway lets connections out", doc: docNATGateway, protocol: "tcp", port: 443, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.natOut(t)
				return n.end(t, n.private.ID), internet
			}, want: ""},
		{name: "a NAT gateway lets no connection in", doc: docNATGateway, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.natOut(t)
				return internet, n.end(t, n.private.ID)
			}, want: "lets no connection in"},
		{name: "an egress-only gateway lets IPv6 connections out", doc: docEgressOnlyGW, protocol: "tcp", port: 443, ipVersion: cloud.IPv6, reachable: true,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.natOut(t)
				return n.end(t, n.private.ID), internet
			}},
		{name: "an egress-only gateway lets no IPv6 connection in", doc: docEgressOnlyGW, protocol: "tcp", port: 22, ipVersion: cloud.IPv6,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				n.natOut(t)
				return internet, n.end(t, n.private.ID)
			}, want: "is egress-only"},
		{name: "another VPC is not reached without a connection between the two", doc: docRoutePriority, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return n.end(t, n.public.ID), n.end(t, n.otherSubnet.ID)
			}, want: "does not lead to " + "subnet-"},
		{name: "block public access in both directions stops internet traffic", doc: docBlockPublicAcc, protocol: "tcp", port: 22,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				must(n.c.SetBlockPublicAccessOptions(context.Background(), cloud.BlockPublicAccessBidirectional))(t)
				return internet, n.end(t, n.public.ID)
			}, want: "VPC Block Public Access"},
		{name: "an end without an IPv6 address has no IPv6 path", doc: docRouteTables, protocol: "tcp", port: 22, ipVersion: cloud.IPv6,
			network: func(t *testing.T, n *pathNet) (cloud.Endpoint, cloud.Endpoint) {
				return internet, n.end(t, n.otherSubnet.ID)
			}, want: "has no IPv6 address"},
	}
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := newPathNet(t)
			from, to := tc.network(t, n)
			ipVersion := tc.ipVersion
			if ipVersion == "" {
				ipVersion = cloud.IPv4
			}
			q := cloud.PathQuestion{Source: endID(from), Destination: endID(to), Protocol: tc.protocol, Port: tc.port, IPVersion: ipVersion}
			p, err := n.c.NetworkPathBetween(ctx, q)
			if err != nil {
				t.Fatalf("%s: %v", tc.doc, err)
			}
			t.Logf("%s\nbreak: %s\nfix: %s", hopDetails(p), p.Break, p.Fix)
			if p.Reachable != tc.reachable {
				t.Fatalf("reachable = %v, want %v as %s documents; break %q\nhops %s", p.Reachable, tc.reachable, tc.doc, p.Break, hopDetails(p))
			}
			if tc.want == "" {
				return
			}
			where := p.Break
			if tc.reachable {
				where = hopDetails(p)
			}
			if !strings.Contains(where, tc.want) {
				t.Errorf("want %q in %q", tc.want, where)
			}
			if !tc.reachable && p.Fix == "" {
				t.Errorf("break %q without a fix", p.Break)
			}
		})
	}
}

// TestNetworkPathThroughAPrefixListRuleFollowsTheList: a rule that names a
// prefix list lets through what the list holds when the traffic flows, so
// an entry added to the list opens the path without touching the rule; a
// rule for one of AWS's lists lets nothing else through.
func TestNetworkPathThroughAPrefixListRuleFollowsTheList(t *testing.T) {
	ctx := context.Background()
	n := newPathNet(t)
	in := cloud.ManagedPrefixListInput{Name: "admins", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 5,
		Entries: []cloud.PrefixListEntry{{CIDR: "203.0.113.0/24"}}}
	l := must(n.c.CreateManagedPrefixList(ctx, in))(t)
	g := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListID: l.ID}}, nil)
	server := n.server(t, n.public, 10, true, g)
	ssh := cloud.PathQuestion{Source: cloud.Internet, Destination: server.ID, Protocol: "tcp", Port: 22, IPVersion: cloud.IPv4}
	if p := must(n.c.NetworkPathBetween(ctx, ssh))(t); p.Reachable {
		t.Fatalf("reachable from 8.8.8.8 through a list of 203.0.113.0/24: %s", hopDetails(p))
	}
	in.Entries = append(in.Entries, cloud.PrefixListEntry{CIDR: "8.8.0.0/16"})
	must(n.c.UpdateManagedPrefixList(ctx, l.ID, in))(t)
	if p := must(n.c.NetworkPathBetween(ctx, ssh))(t); !p.Reachable || !strings.Contains(hopDetails(p), l.ID) {
		t.Errorf("with 8.8.0.0/16 added to %s: reachable %v, break %q, hops %s", l.ID, p.Reachable, p.Break, hopDetails(p))
	}

	s3 := cloud.PrefixLists(cloud.DefaultRegion)[0]
	out := n.group(t, n.nat.vpc.ID, nil, []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 443, ToPort: 443, PrefixListID: s3.ID}})
	client := n.server(t, n.public, 11, true, out)
	toS3 := cloud.PathQuestion{Source: client.ID, Destination: cloud.Internet, Protocol: "tcp", Port: 443, IPVersion: cloud.IPv4}
	if p := must(n.c.NetworkPathBetween(ctx, toS3))(t); p.Reachable {
		t.Errorf("the internet (8.8.8.8) reached through an egress rule for %s (%v): %s", s3.Name, s3.CIDRBlocks, hopDetails(p))
	}
}

// endID names an end as a question does: internet, or the object's ID.
func endID(e cloud.Endpoint) string {
	if e.Kind == cloud.InternetEndpoint.Kind {
		return cloud.Internet
	}
	return e.ID
}

// hopDetails words a path's hops on one line each.
func hopDetails(p cloud.Path) string {
	var lines []string
	for _, h := range p.Hops {
		lines = append(lines, h.Kind+" "+h.ID+" "+h.Detail)
	}
	return strings.Join(lines, "\n")
}

func TestCheckPathArguments(t *testing.T) {
	for _, tc := range []struct {
		set         map[string]string
		code, field string
	}{
		{map[string]string{"subnet_id": "subnet-1", "direction": "inbound"}, "", ""},
		{map[string]string{"subnet_id": "subnet-1"}, "MissingParameter", "direction"},
		{map[string]string{"subnet_id": "subnet-1", "direction": "inbound", "port": "22"}, "InvalidParameterCombination", "port"},
		{map[string]string{"subnet_id": "subnet-1", "direction": "inbound", "source": "internet"}, "InvalidParameterCombination", "source"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "tcp", "port": "22"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "6", "port": "22"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "TCP", "port": "22"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "icmp"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "-1"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "tcp", "port": cloud.Unknown}, "", ""},
		{map[string]string{"source": cloud.Unknown, "destination": cloud.Unknown, "protocol": "tcp", "port": "22"}, "", ""},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "tcp"}, "MissingParameter", "port"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "udp"}, "MissingParameter", "port"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "icmp", "port": "22"}, "InvalidParameterCombination", "port"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "tcp", "port": "70000"}, "InvalidParameterValue", "port"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "gre"}, "InvalidParameterValue", "protocol"},
		{map[string]string{"source": "internet", "destination": "internet", "protocol": "-1"}, "InvalidParameterValue", "destination"},
		{map[string]string{"source": "vpc-1", "destination": "subnet-1", "protocol": "-1"}, "InvalidParameterValue", "source"},
		{map[string]string{"source": "internet", "destination": "my-server", "protocol": "-1"}, "InvalidParameterValue", "destination"},
		{map[string]string{"destination": "subnet-1", "protocol": "-1"}, "MissingParameter", "source"},
		{map[string]string{"source": "internet", "destination": "subnet-1"}, "MissingParameter", "protocol"},
		{map[string]string{"source": "internet", "destination": "subnet-1", "protocol": "-1", "direction": "inbound"}, "InvalidParameterCombination", "direction"},
	} {
		err := cloud.CheckPathArguments(tc.set)
		if cloud.ErrorCode(err) != tc.code || tc.code != "" && errorField(err) != tc.field {
			t.Errorf("%v: %v, want %s on %s", tc.set, err, tc.code, tc.field)
		}
	}
}

func TestNetworkPathBetweenResolvesEnds(t *testing.T) {
	ctx := context.Background()
	n := newPathNet(t)
	p, err := n.c.NetworkPathBetween(ctx, cloud.PathQuestion{Source: cloud.Internet, Destination: n.public.ID, Protocol: "6", Port: 22, IPVersion: cloud.IPv4})
	if err != nil || !p.Reachable {
		t.Fatalf("internet to the public subnet: %+v %v", p, err)
	}
	if got := hopKinds(p); got != "internet route_table route internet_gateway network_acl subnet network_acl" {
		t.Errorf("hops %s", got)
	}
	if !strings.Contains(hopDetails(p), "198.51.100.1") && !strings.Contains(hopDetails(p), "10.0.1.4") {
		t.Errorf("the subnet's host address is missing: %s", hopDetails(p))
	}
	e := n.end(t, n.public.ID)
	if e.PrivateIPv4.String() != "10.0.1.4" || e.PublicIPv4.String() != "198.51.100.1" || e.InterfaceID != "" || len(e.IPv6) != 1 {
		t.Errorf("the public subnet as an end: %+v", e)
	}
	_, err = n.c.NetworkPathBetween(ctx, cloud.PathQuestion{Source: "subnet-0123456789abcdef0", Destination: cloud.Internet, Protocol: "-1", IPVersion: cloud.IPv4})
	wantCode(t, err, "InvalidSubnetID.NotFound")
	if errorField(err) != "source" {
		t.Errorf("an unknown source is refused on %q", errorField(err))
	}
}

// errorField is the argument a refusal points at.
func errorField(err error) string {
	var e *cloud.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// TestNetworkPathThroughPeering follows routes through a VPC peering
// connection: AWS's peering guide
// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html)
// says a connection carries traffic only once active, only between its two
// VPCs (no transitive peering), and that each side's route table needs a
// route to the other's block.
func TestNetworkPathThroughPeering(t *testing.T) {
	ctx := context.Background()
	n := newPathNet(t)
	third := mustCreateVPC(t, n.c, vpcInput("10.2.0.0/16"))
	thirdSubnet := mustCreateSubnet(t, n.c, subnetInput(third.ID, "10.2.1.0/24"))
	pcx := must(n.c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: n.nat.vpc.ID, PeerVPCID: n.other.ID}))(t).ID
	must(n.c.UpdateRouteTable(ctx, n.nat.publicTable.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "0.0.0.0/0", Target: n.nat.igw.ID}, {Destination: "10.1.0.0/16", Target: pcx}, {Destination: "10.2.0.0/16", Target: pcx}}}))(t)
	ask := func(to cloud.Subnet) cloud.Path {
		t.Helper()
		return must(n.c.NetworkPathBetween(ctx, cloud.PathQuestion{Source: n.public.ID, Destination: to.ID, Protocol: "tcp", Port: 5432, IPVersion: cloud.IPv4}))(t)
	}
	// A request not yet accepted carries nothing: its routes are blackholes.
	if p := ask(n.otherSubnet); p.Reachable || !strings.Contains(p.Break, "is a blackhole: "+pcx+" is not active") {
		t.Errorf("through a pending connection: %q", p.Break)
	}
	must(n.c.ChangePeering(ctx, pcx, cloud.PeeringChange{Accept: true}))(t)
	// Through the connection into the peer VPC; the peer's table has no
	// route back, so the reply stops there.
	p := ask(n.otherSubnet)
	if !strings.Contains(hopDetails(p), "vpc_peering_connection "+pcx) || !strings.Contains(hopDetails(p), "vpc "+n.other.ID+" across "+pcx) ||
		!strings.Contains(p.Break, "has no route for 10.0.1.4") {
		t.Errorf("to the peer VPC without a route back: break %q\n%s", p.Break, hopDetails(p))
	}
	must(n.c.UpdateRouteTable(ctx, n.other.MainRouteTableID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "10.0.0.0/16", Target: pcx}}}))(t)
	if p := ask(n.otherSubnet); !p.Reachable {
		t.Errorf("to the peer VPC with routes both ways: %q\n%s", p.Break, hopDetails(p))
	}
	// Beyond the peer VPC: no transitive routing.
	if p := ask(thirdSubnet); p.Reachable || !strings.HasPrefix(p.Break, "no transitive routing: "+pcx+" joins "+n.nat.vpc.ID+" to "+n.other.ID) {
		t.Errorf("to a VPC beyond the peer: %q", p.Break)
	}
}

// TestNetworkPathBetweenPeeredInstances: a database in a peer VPC lets in
// the members of the application's group, which its rule names across the
// connection, as AWS allows within a region once the connection is active
// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html);
// the traffic needs routes both ways, and no one outside the group gets in.
func TestNetworkPathBetweenPeeredInstances(t *testing.T) {
	ctx := context.Background()
	n := newPathNet(t)
	app := n.group(t, n.nat.vpc.ID, nil, nil)
	other := n.group(t, n.nat.vpc.ID, nil, nil)
	fromApp := []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 5432, ToPort: 5432, ReferencedGroupID: app}}
	dbInput := cloud.SecurityGroupInput{VPCID: n.other.ID, GroupName: "db", Description: "test", Ingress: fromApp, ManageIngress: true}
	// Before the VPCs are peered the rule cannot name the group.
	_, err := n.c.CreateSecurityGroup(ctx, dbInput)
	wantCode(t, err, "InvalidParameter")
	var refused *cloud.Error
	if !errors.As(err, &refused) || !strings.Contains(refused.Fix, app+" is in "+n.nat.vpc.ID) {
		t.Errorf("a rule naming a group of an unpeered VPC: %v", err)
	}
	pcx := must(n.c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: n.nat.vpc.ID, PeerVPCID: n.other.ID, AutoAccept: true}))(t).ID
	db := must(n.c.CreateSecurityGroup(ctx, dbInput))(t).ID

	appServer := n.server(t, n.public, 10, false, app)
	otherServer := n.server(t, n.public, 11, false, other)
	dbServer := n.server(t, n.otherSubnet, 20, false, db)
	ask := func(from cloud.Endpoint) cloud.Path {
		t.Helper()
		return must(n.c.NetworkPathBetween(ctx, cloud.PathQuestion{Source: from.ID, Destination: dbServer.ID, Protocol: "tcp", Port: 5432, IPVersion: cloud.IPv4}))(t)
	}
	must(n.c.UpdateRouteTable(ctx, n.nat.publicTable.ID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "0.0.0.0/0", Target: n.nat.igw.ID}, {Destination: "10.1.0.0/16", Target: pcx}}}))(t)
	// A route there and none back: the reply stops in the peer VPC.
	if p := ask(appServer); p.Reachable || p.Break != n.other.MainRouteTableID+" has no route for 10.0.1.10 ("+appServer.ID+" in "+n.nat.vpc.ID+")" {
		t.Errorf("without a route back: break %q\n%s", p.Break, hopDetails(p))
	}
	must(n.c.UpdateRouteTable(ctx, n.other.MainRouteTableID, cloud.RouteTableInput{ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "10.0.0.0/16", Target: pcx}}}))(t)
	p := ask(appServer)
	if !p.Reachable || !strings.Contains(hopDetails(p), "security_group "+db+" rule sgr-") ||
		!strings.Contains(hopDetails(p), "allows tcp 5432 from members of "+app+" inbound") ||
		!strings.Contains(hopDetails(p), "instance "+dbServer.ID+" 10.1.1.20") {
		t.Errorf("app to db across %s: break %q\n%s", pcx, p.Break, hopDetails(p))
	}
	// The fix offers the other end's own groups, which a rule may name.
	if p := ask(otherServer); p.Reachable || p.Break != db+" allows no tcp 5432 from 10.0.1.11 inbound" ||
		!strings.HasSuffix(p.Fix, "that allows tcp 5432 from 10.0.1.11/32, or from a group of "+otherServer.ID+" ("+other+").") {
		t.Errorf("a server outside the app group: break %q, fix %q", p.Break, p.Fix)
	}
}

// TestNetworkPathToAnInterfaceThroughAnElasticIP: an elastic IP associated
// with a network interface is the public address the internet gateway
// translates to; disassociated, the interface cannot be reached over IPv4.
func TestNetworkPathToAnInterfaceThroughAnElasticIP(t *testing.T) {
	ctx := context.Background()
	n := newPathNet(t)
	ssh := n.group(t, n.nat.vpc.ID, []cloud.SecurityGroupRule{tcpRule(22, "0.0.0.0/0")}, nil)
	// The public subnet maps addresses on launch; an interface made on
	// its own gets none.
	eni := must(n.c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: n.public.ID, SecurityGroupIDs: []string{ssh}, SourceDestCheck: true}))(t)
	eip := mustAllocate(t, n.c)
	assoc := must(n.c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, NetworkInterfaceID: eni.ID}))(t)
	q := cloud.PathQuestion{Source: cloud.Internet, Destination: eni.ID, Protocol: "tcp", Port: 22, IPVersion: cloud.IPv4}
	p := must(n.c.NetworkPathBetween(ctx, q))(t)
	if !p.Reachable || !strings.Contains(hopDetails(p), "network_interface "+eni.ID+" "+eni.PrivateIP) ||
		!strings.Contains(hopDetails(p), "security_group "+ssh+" rule sgr-") {
		t.Errorf("to an interface with an elastic IP: break %q\n%s", p.Break, hopDetails(p))
	}
	noErr(t, n.c.DisassociateAddress(ctx, assoc.ID))
	p = must(n.c.NetworkPathBetween(ctx, q))(t)
	if want := eni.ID + " has no public IPv4 address, which " + n.nat.igw.ID + " needs to translate"; p.Reachable || p.Break != want {
		t.Errorf("to an interface without its elastic IP: break %q, want %q", p.Break, want)
	}
}
