package cloud_test

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func subnetInput(vpcID, cidr string) cloud.SubnetInput {
	return cloud.SubnetInput{VPCID: vpcID, CIDRBlock: cidr}
}

// publicSubnetInput is subnetInput for a subnet that gives its instances
// public addresses.
func publicSubnetInput(vpcID, cidr string) cloud.SubnetInput {
	in := subnetInput(vpcID, cidr)
	in.MapPublicIPOnLaunch = true
	return in
}

func mustCreateSubnet(t testing.TB, c *cloud.Client, in cloud.SubnetInput) cloud.Subnet {
	t.Helper()
	return must(c.CreateSubnet(context.Background(), in))(t)
}

// ipv6VPC creates a VPC with an IPv6 block and returns it with the first
// two /64s of that block.
func ipv6VPC(t testing.TB, c *cloud.Client) (cloud.VPC, string, string) {
	vpc := mustCreateVPC(t, c, ipv6VPCInput("10.0.0.0/16"))
	block := netip.MustParsePrefix(vpc.IPv6CIDRBlock)
	first := netip.PrefixFrom(block.Addr(), 64)
	a := first.Addr().As16()
	a[7] = 1
	second := netip.PrefixFrom(netip.AddrFrom16(a), 64)
	return vpc, first.String(), second.String()
}

func TestCreateSubnet(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	in := publicSubnetInput(vpc.ID, "10.0.1.0/24")
	in.Tags = map[string]string{"Name": "web"}
	s := mustCreateSubnet(t, c, in)

	if !strings.HasPrefix(s.ID, "subnet-") || len(s.ID) != len("subnet-")+17 {
		t.Errorf("ID %q", s.ID)
	}
	if s.AvailabilityZone != "us-east-1a" || s.AvailabilityZoneID() != "use1-az1" {
		t.Errorf("zone %s (%s), want the region's first", s.AvailabilityZone, s.AvailabilityZoneID())
	}
	if want := "arn:aws:ec2:us-east-1:123456789012:subnet/" + s.ID; s.ARN() != want {
		t.Errorf("ARN %s", s.ARN())
	}
	got, err := c.Subnet(ctx, s.ID)
	if err != nil || got.CIDRBlock != "10.0.1.0/24" || !got.MapPublicIPOnLaunch || got.Tags["Name"] != "web" {
		t.Fatalf("stored subnet %+v, %v", got, err)
	}
	if got.RouteTableID != vpc.MainRouteTableID || got.IsPublic {
		t.Errorf("a new subnet is served by %s (public %v), want the main table, private", got.RouteTableID, got.IsPublic)
	}
	wantCode(t, c.DeleteVPC(ctx, vpc.ID), "DependencyViolation")
}

func TestSubnetRules(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, v6a, v6b := ipv6VPC(t, c)
	plain := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	withV6 := subnetInput(vpc.ID, "10.0.2.0/24")
	withV6.IPv6CIDRBlock = v6a
	mustCreateSubnet(t, c, withV6)

	cases := []struct {
		name  string
		in    cloud.SubnetInput
		code  string
		field string
	}{
		{"outside the VPC", subnetInput(vpc.ID, "10.9.0.0/24"), "InvalidSubnet.Range", "cidr_block"},
		{"too small", subnetInput(vpc.ID, "10.0.3.0/29"), "InvalidSubnet.Range", "cidr_block"},
		{"larger than the VPC", subnetInput(vpc.ID, "10.0.0.0/15"), "InvalidSubnet.Range", "cidr_block"},
		{"the same block", subnetInput(vpc.ID, "10.0.1.0/24"), "InvalidSubnet.Conflict", "cidr_block"},
		{"overlapping", subnetInput(vpc.ID, "10.0.0.0/22"), "InvalidSubnet.Conflict", "cidr_block"},
		{"inside another", subnetInput(vpc.ID, "10.0.1.128/25"), "InvalidSubnet.Conflict", "cidr_block"},
		{"host bits", subnetInput(vpc.ID, "10.0.4.1/24"), "InvalidParameterValue", "cidr_block"},
		{"IPv6 in the IPv4 field", subnetInput(vpc.ID, "2001:db8::/64"), "InvalidParameterValue", "cidr_block"},
		{"unknown VPC", subnetInput("vpc-0123456789abcdef0", "10.0.5.0/24"), "InvalidVpcID.NotFound", "vpc_id"},
		{"bad zone", cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", AvailabilityZone: "eu-west-1a"}, "InvalidParameterValue", "availability_zone"},
		{"IPv6 taken", cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", IPv6CIDRBlock: v6a}, "InvalidSubnet.Conflict", "ipv6_cidr_block"},
		{"IPv6 not a /64", cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", IPv6CIDRBlock: strings.Replace(v6b, "/64", "/80", 1)}, "InvalidSubnet.Range", "ipv6_cidr_block"},
		{"IPv6 outside the VPC", cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", IPv6CIDRBlock: "2001:db9::/64"}, "InvalidSubnet.Range", "ipv6_cidr_block"},
		{"IPv6 without a VPC block", cloud.SubnetInput{VPCID: plain.ID, CIDRBlock: "10.1.5.0/24", IPv6CIDRBlock: v6b}, "InvalidParameterValue", "ipv6_cidr_block"},
		{"assign IPv6 without a block", cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", AssignIPv6AddressOnCreation: true}, "InvalidParameterValue", "assign_ipv6_address_on_creation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.CreateSubnet(ctx, tc.in)
			wantCode(t, err, tc.code)
			if f := asCloudError(t, err).Field; f != tc.field {
				t.Errorf("field %q, want %q", f, tc.field)
			}
		})
	}
	ok := cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.5.0/24", AvailabilityZone: "us-east-1f", IPv6CIDRBlock: v6b, AssignIPv6AddressOnCreation: true}
	if s := mustCreateSubnet(t, c, ok); s.AvailabilityZoneID() != "use1-az6" || s.IPv6CIDRBlockAssociationID == "" {
		t.Errorf("subnet %+v", s)
	}
	// A VPC cannot give up an IPv6 block its subnets use.
	_, err := c.UpdateVPC(ctx, vpc.ID, vpcInput("10.0.0.0/16"))
	wantCode(t, err, "DependencyViolation")
}

func TestSubnetPlanClaims(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	existing := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	plan := cloud.NewPlan()

	if err := c.CheckSubnet(ctx, plan, plan.NewHolder(), subnetInput(vpc.ID, "10.0.9.0/24"), ""); err != nil {
		t.Fatal(err)
	}
	err := c.CheckSubnet(ctx, plan, plan.NewHolder(), subnetInput(vpc.ID, "10.0.9.0/25"), "")
	wantCode(t, err, "InvalidSubnet.Conflict")
	if !strings.Contains(asCloudError(t, err).Fix, "planned in this configuration") {
		t.Errorf("the conflict does not say it is with a planned subnet: %+v", err)
	}
	// An existing subnet planned again is not counted against itself.
	if err := c.CheckSubnet(ctx, plan, cloud.ExistingHolder(existing.ID), subnetInput(vpc.ID, "10.0.1.0/24"), existing.ID); err != nil {
		t.Fatalf("existing subnet re-planned: %v", err)
	}
	wantCode(t, c.CheckSubnet(ctx, plan, plan.NewHolder(), subnetInput(vpc.ID, "10.0.1.0/26"), ""), "InvalidSubnet.Conflict")
}

func TestUpdateSubnet(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, v6a, v6b := ipv6VPC(t, c)
	s := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	in := subnetInput(vpc.ID, "10.0.1.0/24")
	in.IPv6CIDRBlock = v6a
	in.MapPublicIPOnLaunch = true
	got, err := c.UpdateSubnet(ctx, s.ID, in)
	if err != nil || got.IPv6CIDRBlock != v6a || got.IPv6CIDRBlockAssociationID == "" || !got.MapPublicIPOnLaunch {
		t.Fatalf("update: %+v %v", got, err)
	}
	in.IPv6CIDRBlock = v6b
	got2, err := c.UpdateSubnet(ctx, s.ID, in)
	if err != nil || got2.IPv6CIDRBlock != v6b || got2.IPv6CIDRBlockAssociationID == got.IPv6CIDRBlockAssociationID {
		t.Fatalf("new IPv6 block: %+v %v", got2, err)
	}
	in.CIDRBlock = "10.0.2.0/24"
	_, err = c.UpdateSubnet(ctx, s.ID, in)
	wantCode(t, err, "OperationNotPermitted")
}

func TestAvailabilityZoneIDs(t *testing.T) {
	cases := map[string]string{"us-east-1a": "use1-az1", "eu-west-2c": "euw2-az3", "ap-southeast-1b": "apse1-az2",
		"us-gov-west-1a": "usgw1-az1", "ca-central-1f": "cac1-az6", "ap-northeast-3a": "apne3-az1"}
	for zone, want := range cases {
		if got := cloud.AvailabilityZoneID(zone); got != want {
			t.Errorf("AvailabilityZoneID(%s) = %s, want %s", zone, got, want)
		}
		region := zone[:len(zone)-1]
		if back, err := cloud.AvailabilityZoneByID(region, want); err != nil || back != zone {
			t.Errorf("AvailabilityZoneByID(%s, %s) = %s, %v", region, want, back, err)
		}
	}
	_, err := cloud.AvailabilityZoneByID("us-east-1", "use1-az9")
	wantCode(t, err, "InvalidParameterValue")
}

// TestSubnetsRace plans and creates many overlapping subnets at once: the
// cloud must never hold two that overlap.
func TestSubnetsRace(t *testing.T) {
	ctx := context.Background()
	st, path := openStore(t)
	vpc := mustCreateVPC(t, newClient(t, st, defaultScope), vpcInput("10.0.0.0/16"))
	clients := []*cloud.Client{newClient(t, st, defaultScope), newClient(t, reopen(t, path), defaultScope)}
	errs := make(chan error, 64)
	done := make(chan struct{})
	for i := range 32 {
		go func() {
			defer func() { done <- struct{}{} }()
			// Blocks of /24 and /23 that overlap pairwise.
			cidr := fmt.Sprintf("10.0.%d.0/%d", (i/2)*2, 23+i%2)
			if _, err := clients[i%2].CreateSubnet(ctx, subnetInput(vpc.ID, cidr)); err != nil && cloud.ErrorCode(err) != "InvalidSubnet.Conflict" {
				errs <- err
			}
		}()
	}
	for range 32 {
		<-done
	}
	close(errs)
	for err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	subnets, _ := clients[0].FindSubnets(ctx, cloud.SubnetFilter{VPCID: vpc.ID})
	for i, a := range subnets {
		for _, b := range subnets[i+1:] {
			if netip.MustParsePrefix(a.CIDRBlock).Overlaps(netip.MustParsePrefix(b.CIDRBlock)) {
				t.Errorf("%s and %s overlap", a.CIDRBlock, b.CIDRBlock)
			}
		}
	}
	if len(subnets) != 16 {
		t.Errorf("%d subnets, want one per pair: 16", len(subnets))
	}
}
