package cloud_test

import (
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const unknownExclusion = "vpcbpa-exclude-0123456789abcdef0"

func blockPublicAccessRefusals() []refusal {
	describe := func(c *cloud.Client, id string) error {
		_, err := cloud.Describe[cloud.BlockPublicAccessExclusion](c, bg, id)
		return err
	}
	return []refusal{
		lookup("block public access exclusion", "InvalidVpcBlockPublicAccessExclusionId.NotFound", unknownExclusion, describe),
		lookup("block public access exclusion", "InvalidVpcBlockPublicAccessExclusionId.Malformed", "vpcbpa-1", describe),
		{name: "exclusion of an unknown subnet, at plan", code: "InvalidSubnetID.NotFound", field: "subnet_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				in := cloud.ExclusionInput{SubnetID: unknownSub, Mode: cloud.ExclusionAllowEgress}
				return []string{unknownSub}, c.CheckBlockPublicAccessExclusion(bg, p, p.NewHolder(), in)
			}},
		{name: "block public access mode unknown", code: "InvalidParameterValue", field: "internet_gateway_block_mode", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.SetBlockPublicAccessOptions(bg, "block-everything"))
			}},
		{name: "exclusion of neither a VPC nor a subnet", code: "InvalidParameterCombination", field: "subnet_id", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateBlockPublicAccessExclusion(bg, cloud.ExclusionInput{Mode: cloud.ExclusionAllowEgress}))
			}},
		{name: "exclusion mode unknown", code: "InvalidParameterValue", field: "internet_gateway_exclusion_mode", noObjects: ownValues,
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return nil, errOf(c.CreateBlockPublicAccessExclusion(bg, cloud.ExclusionInput{VPCID: n.vpc.ID, Mode: "allow-all"}))
			}},
		{name: "subnet deleted while excluded", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				e := must(c.CreateBlockPublicAccessExclusion(bg, cloud.ExclusionInput{SubnetID: n.subnet.ID, Mode: cloud.ExclusionAllowEgress}))(t)
				return []string{n.subnet.ID, e.ID}, c.DeleteSubnet(bg, n.subnet.ID)
			}},
	}
}

// TestBlockPublicAccessPaths: what each mode, with and without exclusions,
// makes of a public subnet (IPv4 through an internet gateway, IPv6 out
// through an egress-only gateway) and of a private subnet behind a NAT
// gateway in the public one; as the VPC user guide's "Block public access
// to VPCs and subnets" describes.
func TestBlockPublicAccessPaths(t *testing.T) {
	c := freshClient(t)
	net := threeTierNet(t, c)
	type reach struct{ out, in, natOut, v6Out bool }
	check := func(what string, want reach) {
		t.Helper()
		pub := must(c.Subnet(bg, net.public.ID))(t).InternetAccess
		priv := must(c.Subnet(bg, net.private.ID))(t).InternetAccess
		got := reach{out: pub.IPv4Outbound.Reachable, in: pub.IPv4Inbound.Reachable, natOut: priv.IPv4Outbound.Reachable, v6Out: pub.IPv6Outbound.Reachable}
		if got != want {
			t.Errorf("%s: reach %+v, want %+v (public out: %s; in: %s; private out: %s; public IPv6 out: %s)", what, got, want,
				pub.IPv4Outbound.Reason(), pub.IPv4Inbound.Reason(), priv.IPv4Outbound.Reason(), pub.IPv6Outbound.Reason())
		}
		for _, p := range []cloud.Path{pub.IPv4Outbound, pub.IPv4Inbound, priv.IPv4Outbound, pub.IPv6Outbound} {
			if !p.Reachable && strings.Contains(p.Break, "Block Public Access") && !strings.Contains(p.Fix, "simcloud_vpc_block_public_access_exclusion") {
				t.Errorf("%s: a path blocked by BPA whose fix names no exclusion: %s", what, p.Fix)
			}
		}
	}
	set := func(mode string) {
		t.Helper()
		must(c.SetBlockPublicAccessOptions(bg, mode))(t)
	}
	check("off", reach{true, true, true, true})
	set(cloud.BlockPublicAccessIngress)
	check("block-ingress", reach{out: false, in: false, natOut: true, v6Out: true})
	set(cloud.BlockPublicAccessBidirectional)
	check("block-bidirectional", reach{})
	// Egress for the public subnet, where the NAT gateway sits: out works,
	// for it and the private subnet behind it, and nothing comes in.
	e := must(c.CreateBlockPublicAccessExclusion(bg, cloud.ExclusionInput{SubnetID: net.public.ID, Mode: cloud.ExclusionAllowEgress}))(t)
	check("block-bidirectional, public subnet allow-egress", reach{out: true, natOut: true, v6Out: true})
	// allow-egress applies only in bidirectional mode.
	set(cloud.BlockPublicAccessIngress)
	check("block-ingress, public subnet allow-egress", reach{natOut: true, v6Out: true})
	must(c.UpdateBlockPublicAccessExclusion(bg, e.ID, cloud.ExclusionAllowBidirectional, nil))(t)
	check("block-ingress, public subnet allow-bidirectional", reach{true, true, true, true})
	noErr(t, c.DeleteObject(bg, e.ID))
	set(cloud.BlockPublicAccessBidirectional)
	must(c.CreateBlockPublicAccessExclusion(bg, cloud.ExclusionInput{VPCID: net.vpc.ID, Mode: cloud.ExclusionAllowBidirectional}))(t)
	check("block-bidirectional, VPC allow-bidirectional", reach{true, true, true, true})
	opts := must(c.BlockPublicAccessOptions(bg))(t)
	if opts.InternetGatewayBlockMode != cloud.BlockPublicAccessBidirectional || opts.AccountID != cloud.DefaultAccountID {
		t.Errorf("options %+v", opts)
	}
	set(cloud.BlockPublicAccessOff)
	if opts := must(c.BlockPublicAccessOptions(bg))(t); opts.InternetGatewayBlockMode != cloud.BlockPublicAccessOff {
		t.Errorf("after off: %+v", opts)
	}
}

type bpaNet struct {
	vpc             cloud.VPC
	public, private cloud.Subnet
}

// threeTierNet is a dual-stack public subnet (IPv4 in and out through an
// internet gateway, IPv6 out through an egress-only one) holding a NAT
// gateway, and a private subnet whose IPv4 goes out through it.
func threeTierNet(t *testing.T, c *cloud.Client) bpaNet {
	t.Helper()
	vpc, v6a, _ := ipv6VPC(t, c)
	igw := mustCreateIGW(t, c, vpc.ID)
	eigw := must(c.CreateEgressOnlyInternetGateway(bg, vpc.ID, nil))(t)
	in := subnetInput(vpc.ID, "10.0.1.0/24")
	in.IPv6CIDRBlock, in.MapPublicIPOnLaunch = v6a, true
	public := mustCreateSubnet(t, c, in)
	table := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	must(c.CreateRoute(bg, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID}))(t)
	must(c.CreateRoute(bg, table.ID, cloud.RouteSpec{Destination: "::/0", Target: eigw.ID}))(t)
	must(c.Associate(bg, public.ID, table.ID))(t)
	eip := must(c.AllocateAddress(bg, nil))(t)
	nat := must(c.CreateNATGateway(bg, cloud.NATGatewayInput{SubnetID: public.ID, AllocationID: eip.AllocationID, ConnectivityType: cloud.ConnectivityPublic}))(t)
	private := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.2.0/24"))
	privateTable := must(c.CreateRouteTable(bg, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	must(c.CreateRoute(bg, privateTable.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: nat.ID}))(t)
	must(c.Associate(bg, private.ID, privateTable.ID))(t)
	return bpaNet{vpc: vpc, public: public, private: private}
}

// TestExclusionIDsAreObjectIDs: an exclusion's ID, whose prefix has a dash
// of its own, is recognised as an object's ID, so that front ends (the
// search for orphans) find it in states.
func TestExclusionIDsAreObjectIDs(t *testing.T) {
	for id, want := range map[string]bool{unknownExclusion: true, "vpcbpa-0123456789abcdef0": false, "vpc-0123456789abcdef0": true, "data": false} {
		if got := cloud.IsObjectID(id); got != want {
			t.Errorf("IsObjectID(%q) = %t, want %t", id, got, want)
		}
	}
}
