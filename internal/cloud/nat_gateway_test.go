package cloud_test

import (
	"context"
	"net/netip"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func mustAllocate(t testing.TB, c *cloud.Client) cloud.ElasticIP {
	t.Helper()
	eip := must(c.AllocateAddress(context.Background(), nil))(t)
	return eip
}

func TestElasticIPs(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	seen := map[string]bool{}
	for range 100 {
		eip := mustAllocate(t, c)
		ip := netip.MustParseAddr(eip.PublicIP)
		documentation := false
		for _, pool := range []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"} {
			documentation = documentation || netip.MustParsePrefix(pool).Contains(ip)
		}
		if !documentation || seen[eip.PublicIP] || !strings.HasPrefix(eip.AllocationID, "eipalloc-") {
			t.Fatalf("address %+v: outside the documentation ranges, or handed out twice", eip)
		}
		seen[eip.PublicIP] = true
	}
	eip := mustAllocate(t, c)
	if want := "arn:aws:ec2:us-east-1:123456789012:elastic-ip/" + eip.AllocationID; eip.ARN() != want {
		t.Errorf("ARN %s", eip.ARN())
	}
	if err := c.ReleaseAddress(ctx, eip.AllocationID); err != nil {
		t.Fatal(err)
	}
	_, err := c.ElasticIP(ctx, eip.AllocationID)
	wantCode(t, err, "InvalidAllocationID.NotFound")
}

// natNetwork is a VPC with an internet gateway, a public subnet (routed to
// the gateway) and a private one (on the main table).
type natNetwork struct {
	vpc             cloud.VPC
	igw             cloud.InternetGateway
	public, private cloud.Subnet
	publicTable     cloud.RouteTable
}

func newNATNetwork(t testing.TB, c *cloud.Client) natNetwork {
	t.Helper()
	ctx := context.Background()
	vpc, v6a, v6b := ipv6VPC(t, c)
	igw := mustCreateIGW(t, c, vpc.ID)
	publicIn := cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", MapPublicIPOnLaunch: true, IPv6CIDRBlock: v6a}
	public := mustCreateSubnet(t, c, publicIn)
	private := mustCreateSubnet(t, c, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.2.0/24", IPv6CIDRBlock: v6b})
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true, Routes: []cloud.RouteSpec{
		{Destination: "0.0.0.0/0", Target: igw.ID}, {Destination: "::/0", Target: igw.ID}}}))(t)
	must(c.Associate(ctx, public.ID, table.ID))(t)
	return natNetwork{vpc: vpc, igw: igw, public: public, private: private, publicTable: table}
}

func TestNATGatewayRules(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	eip := mustAllocate(t, c)

	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}))(t)
	if nat.PublicIP != eip.PublicIP || nat.PrivateIP != "10.0.1.4" || !strings.HasPrefix(nat.NetworkInterfaceID, "eni-") || nat.VPCID != n.vpc.ID {
		t.Errorf("NAT gateway %+v", nat)
	}
	if got, _ := c.ElasticIP(ctx, eip.AllocationID); got.NATGatewayID != nat.ID || !strings.HasPrefix(got.AssociationID, "eipassoc-") {
		t.Errorf("address after association: %+v", got)
	}
	wantCode(t, c.ReleaseAddress(ctx, eip.AllocationID), "InvalidIPAddress.InUse")
	wantCode(t, c.DeleteSubnet(ctx, n.public.ID), "DependencyViolation")

	other := mustCreateVPC(t, c, vpcInput("10.5.0.0/16"))
	otherSubnet := mustCreateSubnet(t, c, subnetInput(other.ID, "10.5.1.0/24"))
	second := mustAllocate(t, c)
	cases := []struct {
		name string
		in   cloud.NATGatewayInput
		code string
	}{
		{"address in use", cloud.NATGatewayInput{SubnetID: n.private.ID, AllocationID: eip.AllocationID, ConnectivityType: "public"}, "Resource.AlreadyAssociated"},
		{"no internet gateway", cloud.NATGatewayInput{SubnetID: otherSubnet.ID, AllocationID: second.AllocationID, ConnectivityType: "public"}, "Gateway.NotAttached"},
		{"public without address", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "public"}, "MissingParameter"},
		{"private with address", cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: second.AllocationID, ConnectivityType: "private"}, "InvalidParameterCombination"},
		{"unknown address", cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: "eipalloc-0123456789abcdef0", ConnectivityType: "public"}, "InvalidAllocationID.NotFound"},
		{"unknown subnet", cloud.NATGatewayInput{SubnetID: "subnet-0123456789abcdef0", ConnectivityType: "private"}, "InvalidSubnetID.NotFound"},
		{"bad type", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "both"}, "InvalidParameterValue"},
		{"address outside subnet", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.2.9"}, "InvalidParameterValue"},
		{"reserved address", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.3"}, "InvalidParameterValue"},
		{"last address", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.255"}, "InvalidParameterValue"},
		{"address of another gateway", cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.4"}, "InvalidIPAddress.InUse"},
	}
	for _, tc := range cases {
		_, err := c.CreateNATGateway(ctx, tc.in)
		if cloud.ErrorCode(err) != tc.code {
			t.Errorf("%s: code %q, want %q (%v)", tc.name, cloud.ErrorCode(err), tc.code, err)
		}
	}
	private, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private"})
	if err != nil || private.PrivateIP != "10.0.1.5" || private.PublicIP != "" {
		t.Fatalf("private NAT gateway %+v %v", private, err)
	}
	chosen, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.200"})
	if err != nil || chosen.PrivateIP != "10.0.1.200" {
		t.Fatalf("private NAT gateway at a chosen address %+v %v", chosen, err)
	}
	// The chosen address is no longer the cloud's to give.
	if err := c.CheckNATGateway(ctx, cloud.NewPlan(), cloud.ExistingHolder(chosen.ID), cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.200"}, chosen.ID); err != nil {
		t.Errorf("a gateway planned again at its own address: %v", err)
	}
	wantCode(t, c.CheckNATGateway(ctx, cloud.NewPlan(), cloud.ExistingHolder("nat-x"), cloud.NATGatewayInput{SubnetID: n.public.ID, ConnectivityType: "private", PrivateIP: "10.0.1.200"}, ""), "InvalidIPAddress.InUse")
	if err := c.DeleteNATGateway(ctx, chosen.ID); err != nil {
		t.Fatal(err)
	}

	// Routes: a NAT gateway of another VPC belongs to different networks;
	// deleting the gateway leaves its routes blackholes.
	otherTable, _ := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: other.ID})
	_, err = c.CreateRoute(ctx, otherTable.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: nat.ID})
	wantCode(t, err, "InvalidParameterValue")
	if _, err := c.CreateRoute(ctx, n.vpc.MainRouteTableID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: nat.ID}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteNATGateway(ctx, nat.ID); err != nil {
		t.Fatal(err)
	}
	main, _ := c.RouteTable(ctx, n.vpc.MainRouteTableID)
	if !hasRoute(main, "0.0.0.0/0", nat.ID) || main.Routes[0].State != cloud.RouteStateBlackhole {
		t.Errorf("route to the deleted NAT gateway: %+v", main.Routes)
	}
	if err := c.ReleaseAddress(ctx, eip.AllocationID); err != nil {
		t.Fatalf("the address of a deleted NAT gateway is free again: %v", err)
	}
	plan := cloud.NewPlan()
	in := cloud.NATGatewayInput{SubnetID: n.private.ID, AllocationID: second.AllocationID, ConnectivityType: "public"}
	if err := c.CheckNATGateway(ctx, plan, plan.NewHolder(), in, ""); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckNATGateway(ctx, plan, plan.NewHolder(), in, ""), "Resource.AlreadyAssociated")
	// A gateway replaced by one that keeps its address is not in its own way.
	kept := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: n.public.ID, AllocationID: second.AllocationID, ConnectivityType: "public"}))(t)
	moved := cloud.NATGatewayInput{SubnetID: n.private.ID, AllocationID: second.AllocationID, ConnectivityType: "public"}
	fresh := cloud.NewPlan()
	if err := c.CheckNATGateway(ctx, fresh, cloud.ExistingHolder(kept.ID), moved, kept.ID); err != nil {
		t.Errorf("replacement keeping its address: %v", err)
	}
	wantCode(t, c.CheckNATGateway(ctx, cloud.NewPlan(), cloud.NewPlan().NewHolder(), moved, ""), "Resource.AlreadyAssociated")
}

func TestElasticIPPoolFillsUp(t *testing.T) {
	c := freshClient(t)
	for i := range 762 {
		if _, err := c.AllocateAddress(context.Background(), nil); err != nil {
			t.Fatalf("allocation %d of the 762 addresses failed: %v", i+1, err)
		}
	}
	_, err := c.AllocateAddress(context.Background(), nil)
	wantCode(t, err, "AddressLimitExceeded")
}

// The secondary-address arguments are refused at plan only when their value
// decides it: a list known only after apply may be empty then.
func TestNATGatewaySecondaryArgumentsWaitForUnknownValues(t *testing.T) {
	for _, tc := range []struct {
		connectivity string
		set          map[string]string
		code         string
	}{
		{cloud.ConnectivityPrivate, map[string]string{"secondary_allocation_ids": cloud.Unknown}, ""},
		{cloud.ConnectivityPrivate, map[string]string{"secondary_allocation_ids": `["eipalloc-0123456789abcdef0"]`}, "InvalidParameterCombination"},
		{cloud.ConnectivityPublic, map[string]string{"secondary_private_ip_address_count": cloud.Unknown}, ""},
		{cloud.ConnectivityPublic, map[string]string{"secondary_private_ip_address_count": "0"}, "InvalidParameterCombination"},
		{cloud.ConnectivityPrivate, map[string]string{"secondary_private_ip_addresses": cloud.Unknown}, ""},
		{cloud.ConnectivityPrivate, map[string]string{"secondary_private_ip_address_count": "0"}, ""},
		{cloud.ConnectivityPrivate, map[string]string{"secondary_private_ip_address_count": "2"}, "UnsupportedOperation"},
	} {
		err := cloud.CheckNATGatewaySecondaryArguments(tc.connectivity, tc.set)
		if got := cloud.ErrorCode(err); got != tc.code {
			t.Errorf("%s gateway with %v: got %q (%v), want %q", tc.connectivity, tc.set, got, err, tc.code)
		}
	}
}

// A gateway given no private address takes the subnet's next free one, so
// a subnet with none left refuses it at plan, counting the addresses that
// other resources of the same plan take; before, only the apply refused.
func TestNATGatewayNeedsAFreeAddressAtPlan(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNATNetwork(t, c)
	// A /28 has 11 addresses AWS does not keep; an interface takes 10.
	small := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.9.0/28"))
	must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: small.ID, SecondaryPrivateIPCount: 9}))(t)
	private := natInput(small.ID, "", cloud.ConnectivityPrivate)
	plan := cloud.NewPlan()
	if err := c.CheckNATGateway(ctx, plan, plan.NewHolder(), private, ""); err != nil {
		t.Fatalf("the subnet's last address: %v", err)
	}
	wantCode(t, c.CheckNATGateway(ctx, plan, plan.NewHolder(), private, ""), "InsufficientFreeAddressesInSubnet")
	nat := must(c.CreateNATGateway(ctx, private))(t)
	wantCode(t, c.CheckNATGateway(ctx, cloud.NewPlan(), cloud.NewPlan().NewHolder(), private, ""), "InsufficientFreeAddressesInSubnet")
	// The full subnet does not stop a change of the gateway's own tags.
	if err := c.CheckNATGateway(ctx, cloud.NewPlan(), cloud.ExistingHolder(nat.ID), private, nat.ID); err != nil {
		t.Errorf("the gateway itself in its full subnet: %v", err)
	}
}
