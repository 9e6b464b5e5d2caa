package cloud_test

import (
	"context"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// instanceInput is a t3.micro in subnetID (the default VPC's when ""), with
// the VPC's default group.
func instanceInput(subnetID string) cloud.InstanceInput {
	return cloud.InstanceInput{AMI: "ami-0123456789abcdef0", InstanceType: "t3.micro", SubnetID: subnetID, SourceDestCheck: true}
}

func withPrivateIP(in cloud.InstanceInput, ip string) cloud.InstanceInput {
	in.PrivateIP = ip
	return in
}

// TestRunInstanceMakesItsPrimaryInterface: an instance launches with a
// primary interface at device index 0 that carries its address, groups and
// public address; terminating it takes the interface along, so that the
// subnet can go.
func TestRunInstanceMakesItsPrimaryInterface(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := ipv6VPCInput("10.0.0.0/16")
	in.EnableDNSHostnames = true
	vpc := mustCreateVPC(t, c, in)
	v6 := netip.PrefixFrom(netip.MustParsePrefix(vpc.IPv6CIDRBlock).Addr(), 64).String()
	subnet := mustCreateSubnet(t, c, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", IPv6CIDRBlock: v6, MapPublicIPOnLaunch: true})

	launch := instanceInput(subnet.ID)
	launch.IPv6AddressCount = 1
	launch.UserData = "#!/bin/sh"
	inst := must(c.RunInstance(ctx, launch))(t)
	if !strings.HasPrefix(inst.ID, "i-") || inst.State != cloud.InstanceStateRunning || inst.VPCID != vpc.ID || inst.AvailabilityZone != subnet.AvailabilityZone {
		t.Errorf("instance %+v", inst)
	}
	// The first four addresses are AWS's: the first free one is .4.
	if inst.PrivateIP != "10.0.1.4" || inst.PrivateDNS() != "ip-10-0-1-4.ec2.internal" {
		t.Errorf("private address %q, DNS %q", inst.PrivateIP, inst.PrivateDNS())
	}
	public := netip.MustParseAddr(inst.PublicIP)
	if !netip.MustParsePrefix("192.0.0.0/8").Contains(public) && !netip.MustParsePrefix("198.51.100.0/24").Contains(public) && !netip.MustParsePrefix("203.0.113.0/24").Contains(public) {
		t.Errorf("public address %s is of no simulated pool", public)
	}
	if !strings.HasSuffix(inst.PublicDNS(), ".compute-1.amazonaws.com") {
		t.Errorf("public DNS %q", inst.PublicDNS())
	}
	if !slices.Equal(inst.SecurityGroupIDs, []string{vpc.DefaultSecurityGroupID}) || len(inst.IPv6Addresses) != 1 || !inst.SourceDestCheck {
		t.Errorf("groups %v, IPv6 %v, source/dest check %v", inst.SecurityGroupIDs, inst.IPv6Addresses, inst.SourceDestCheck)
	}
	eni := must(c.NetworkInterface(ctx, inst.PrimaryNetworkInterfaceID))(t)
	if eni.InstanceID != inst.ID || eni.DeviceIndex != 0 || !strings.HasPrefix(eni.AttachmentID, "eni-attach-") || eni.SubnetID != subnet.ID ||
		eni.PrivateIP != inst.PrivateIP || eni.PublicIP != inst.PublicIP || !strings.HasPrefix(eni.MACAddress, "02:") {
		t.Errorf("primary interface %+v", eni)
	}
	if !strings.HasSuffix(eni.ARN(), ":network-interface/"+eni.ID) || !strings.HasSuffix(inst.ARN(), ":instance/"+inst.ID) {
		t.Errorf("ARNs %s, %s", eni.ARN(), inst.ARN())
	}
	// The next interface takes the next address.
	second := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID, SecondaryPrivateIPCount: 1}))(t)
	if !slices.Equal(second.PrivateIPs, []string{"10.0.1.5", "10.0.1.6"}) || second.InstanceID != "" || second.InterfaceType != "interface" {
		t.Errorf("second interface %+v", second)
	}

	wantCode(t, c.DeleteSubnet(ctx, subnet.ID), "DependencyViolation")
	noErr(t, c.TerminateInstance(ctx, inst.ID))
	if _, err := c.NetworkInterface(ctx, eni.ID); !cloud.IsNotFound(err) {
		t.Errorf("the primary interface outlived its instance: %v", err)
	}
	noErr(t, c.DeleteNetworkInterface(ctx, second.ID))
	noErr(t, c.DeleteSubnet(ctx, subnet.ID))
}

// TestInstanceChangesInPlace: groups, source/destination check, type, user
// data and tags change on the running instance, its address stays.
func TestInstanceChangesInPlace(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	web := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	inst := must(c.RunInstance(ctx, withPrivateIP(instanceInput(subnet.ID), "10.0.1.20")))(t)
	if inst.PublicIP != "" {
		t.Errorf("an instance in a subnet without map_public_ip_on_launch got %s", inst.PublicIP)
	}
	change := withPrivateIP(instanceInput(subnet.ID), "10.0.1.20")
	change.SecurityGroupIDs, change.SourceDestCheck, change.InstanceType = []string{web.ID}, false, "m6i.large"
	change.Tags = map[string]string{"Name": "web"}
	changed := must(c.UpdateInstance(ctx, inst.ID, change))(t)
	if !slices.Equal(changed.SecurityGroupIDs, []string{web.ID}) || changed.SourceDestCheck || changed.InstanceType != "m6i.large" ||
		changed.PrivateIP != "10.0.1.20" || changed.Tags["Name"] != "web" {
		t.Errorf("changed instance %+v", changed)
	}
	// The group in use stays; the default group, no longer used, may go.
	wantCode(t, c.DeleteSecurityGroup(ctx, web.ID), "DependencyViolation")
}

// TestInstanceLaunchesInTheDefaultVPC: without a subnet, an instance goes to
// the default VPC's subnet of the zone asked for (the first by default),
// public as default subnets are; security group names work there.
func TestInstanceLaunchesInTheDefaultVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	must(c.UseScope(ctx))(t)
	in := instanceInput("")
	in.SecurityGroupNames = []string{"default"}
	inst := must(c.RunInstance(ctx, in))(t)
	if inst.AvailabilityZone != "us-east-1a" || inst.PublicIP == "" || !strings.HasPrefix(inst.PrivateIP, "172.31.") || len(inst.SecurityGroupIDs) != 1 {
		t.Errorf("instance in the default VPC %+v", inst)
	}
	in.AvailabilityZone = "us-east-1c"
	in.SecurityGroupNames = nil
	if other := must(c.RunInstance(ctx, in))(t); other.AvailabilityZone != "us-east-1c" {
		t.Errorf("instance asked for us-east-1c landed in %s", other.AvailabilityZone)
	}
}

// TestAddressAssociation: an elastic IP maps to an instance's primary
// address, moves only with allow_reassociation, and an address's second
// elastic IP displaces the first; the instance's public address is the
// elastic IP's while associated.
func TestAddressAssociation(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	a := must(c.RunInstance(ctx, instanceInput(subnet.ID)))(t)
	b := must(c.RunInstance(ctx, instanceInput(subnet.ID)))(t)
	eip := must(c.AllocateAddress(ctx, nil))(t)
	assoc := must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: a.ID}))(t)
	if assoc.NetworkInterfaceID != a.PrimaryNetworkInterfaceID || assoc.PrivateIPAddress != a.PrivateIP || assoc.InstanceID != a.ID || assoc.PublicIP != eip.PublicIP {
		t.Errorf("association %+v", assoc)
	}
	if got := must(c.Instance(ctx, a.ID))(t); got.PublicIP != eip.PublicIP {
		t.Errorf("instance's public address %q, want the elastic IP's %s", got.PublicIP, eip.PublicIP)
	}
	described := must(c.ElasticIP(ctx, eip.AllocationID))(t)
	if described.AssociationID != assoc.ID || described.InstanceID != a.ID || described.NetworkInterfaceID != a.PrimaryNetworkInterfaceID {
		t.Errorf("elastic IP %+v", described)
	}
	// Planned twice in one plan: refused at plan.
	p := cloud.NewPlan()
	noErr(t, c.CheckAddressAssociation(ctx, p, p.NewHolder(), cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: a.ID}, assoc.ID))
	wantCode(t, c.CheckAddressAssociation(ctx, p, p.NewHolder(), cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: b.ID, AllowReassociation: true}, ""),
		"Resource.AlreadyAssociated")

	wantCode(t, errOf(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: b.ID})), "Resource.AlreadyAssociated")
	moved := must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: b.ID, AllowReassociation: true}))(t)
	if moved.InstanceID != b.ID {
		t.Errorf("moved association %+v", moved)
	}
	if _, err := c.AddressAssociation(ctx, assoc.ID); !cloud.IsNotFound(err) {
		t.Errorf("the first association outlived the move: %v", err)
	}
	second := must(c.AllocateAddress(ctx, nil))(t)
	must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: second.AllocationID, NetworkInterfaceID: b.PrimaryNetworkInterfaceID}))(t)
	if got := must(c.ElasticIP(ctx, eip.AllocationID))(t); got.AssociationID != "" {
		t.Errorf("the displaced elastic IP is still associated: %+v", got)
	}
	// Terminating the instance disassociates its address, which can then
	// be released.
	noErr(t, c.TerminateInstance(ctx, b.ID))
	noErr(t, c.ReleaseAddress(ctx, second.AllocationID))
}

// TestInstanceEndpoint: an instance and an interface resolve into the ends
// of a network path that reachability reads.
func TestInstanceEndpoint(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, v6a, _ := ipv6VPC(t, c)
	subnet := mustCreateSubnet(t, c, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1.0/24", IPv6CIDRBlock: v6a})
	web := must(c.CreateSecurityGroup(ctx, groupInput(vpc.ID, "web")))(t)
	in := withPrivateIP(instanceInput(subnet.ID), "10.0.1.30")
	in.SecurityGroupIDs, in.IPv6AddressCount = []string{web.ID}, 1
	inst := must(c.RunInstance(ctx, in))(t)
	ep := must(c.PathEnd(ctx, inst.ID, "source"))(t)
	if ep.ID != inst.ID || ep.Kind != "instance" || ep.VPCID != vpc.ID || ep.SubnetID != subnet.ID || ep.InterfaceID != inst.PrimaryNetworkInterfaceID ||
		!slices.Equal(ep.SecurityGroupIDs, []string{web.ID}) || ep.PrivateIPv4 != netip.MustParseAddr("10.0.1.30") || len(ep.IPv6) != 1 || ep.PublicIPv4.IsValid() {
		t.Errorf("instance endpoint %+v", ep)
	}
	if !netip.MustParsePrefix(v6a).Contains(ep.IPv6[0]) {
		t.Errorf("IPv6 address %s outside %s", ep.IPv6[0], v6a)
	}
	eip := must(c.AllocateAddress(ctx, nil))(t)
	must(c.AssociateAddress(ctx, cloud.AddressAssociationInput{AllocationID: eip.AllocationID, InstanceID: inst.ID}))(t)
	ep = must(c.PathEnd(ctx, inst.PrimaryNetworkInterfaceID, "source"))(t)
	if ep.Kind != "network_interface" || ep.ID != inst.PrimaryNetworkInterfaceID || ep.PublicIPv4 != netip.MustParseAddr(eip.PublicIP) {
		t.Errorf("interface endpoint %+v, want public %s", ep, eip.PublicIP)
	}
	wantCode(t, errOf(c.PathEnd(ctx, vpc.MainRouteTableID, "source")), "InvalidParameterValue")
}

// TestRouteToNetworkInterface: a route may send traffic to an interface of
// the table's VPC, not another's; the path stops at the interface.
func TestRouteToNetworkInterface(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	subnet := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.0.1.0/24"))
	other := mustCreateVPC(t, c, vpcInput("10.1.0.0/16"))
	otherSubnet := mustCreateSubnet(t, c, subnetInput(other.ID, "10.1.1.0/24"))
	appliance := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: subnet.ID}))(t)
	elsewhere := must(c.CreateNetworkInterface(ctx, cloud.NetworkInterfaceInput{SubnetID: otherSubnet.ID}))(t)
	table := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	wantCode(t, errOf(c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: elsewhere.ID})), "InvalidParameterValue")
	route := must(c.CreateRoute(ctx, table.ID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: appliance.ID}))(t)
	if route.State != cloud.RouteStateActive {
		t.Errorf("route to an interface is %s", route.State)
	}
	must(c.Associate(ctx, subnet.ID, table.ID))(t)
	path := must(c.NetworkPath(ctx, subnet.ID, cloud.Outbound, cloud.IPv4))(t)
	if path.Reachable || !strings.Contains(path.Break, appliance.ID) {
		t.Errorf("path through an appliance %+v", path)
	}
}
