package cloud_test

import (
	"context"
	"slices"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestCreateDefaultVPC checks the shape AWS gives a default VPC: its block,
// DNS, a public /20 in each zone, an attached gateway and the main table's
// route to it.
func TestCreateDefaultVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := must(c.CreateDefaultVPC(ctx))(t)
	if !vpc.IsDefault || vpc.CIDRBlock != cloud.DefaultVPCCIDRBlock || !vpc.EnableDNSSupport || !vpc.EnableDNSHostnames {
		t.Errorf("default VPC = %+v", vpc)
	}
	subnets := must(c.FindSubnets(ctx, cloud.SubnetFilter{VPCID: vpc.ID}))(t)
	zones := cloud.AvailabilityZones("us-east-1")
	if len(subnets) != len(zones) {
		t.Fatalf("%d default subnets, want one in each of %v", len(subnets), zones)
	}
	var blocks []string
	for _, s := range subnets {
		if !s.MapPublicIPOnLaunch || !s.IsPublic || s.NetworkACLID != vpc.DefaultNetworkACLID {
			t.Errorf("default subnet %+v", s)
		}
		blocks = append(blocks, s.CIDRBlock)
	}
	slices.Sort(blocks)
	if blocks[0] != "172.31.0.0/20" || blocks[1] != "172.31.16.0/20" || blocks[5] != "172.31.80.0/20" {
		t.Errorf("default subnet blocks %v", blocks)
	}
	igws := must(c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{VPCID: vpc.ID}))(t)
	if len(igws) != 1 {
		t.Fatalf("default VPC has gateways %v", igws)
	}
	main := must(c.RouteTable(ctx, vpc.MainRouteTableID))(t)
	if !slices.ContainsFunc(main.Routes, func(r cloud.Route) bool {
		return r.Destination == "0.0.0.0/0" && r.Target == igws[0].ID && r.State == cloud.RouteStateActive
	}) {
		t.Errorf("main table routes %+v lack 0.0.0.0/0 to %s", main.Routes, igws[0].ID)
	}
	yes := true
	if found := must(c.FindVPCs(ctx, cloud.VPCFilter{Default: &yes}))(t); len(found) != 1 || found[0].ID != vpc.ID {
		t.Errorf("default VPCs found: %v", found)
	}

	_, err := c.CreateDefaultVPC(ctx)
	wantCode(t, err, "DefaultVpcAlreadyExists")
}

// TestAdoptDefaultVPC adopts the default VPC where there is one, makes it
// where there is none, and changes what the configuration says in place.
func TestAdoptDefaultVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	other := mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
	in := cloud.VPCInput{EnableDNSSupport: true, Tags: map[string]string{"Name": "default"}}
	made, existing, err := c.AdoptDefaultVPC(ctx, in)
	if err != nil || existing || made.ID == other.ID || !made.IsDefault {
		t.Fatalf("adopting where there is none: %+v existing=%v %v", made, existing, err)
	}
	// DNS hostnames off, as the configuration says; the block is the VPC's own.
	if made.EnableDNSHostnames || made.CIDRBlock != cloud.DefaultVPCCIDRBlock || made.Tags["Name"] != "default" {
		t.Errorf("adopted VPC %+v", made)
	}
	in.AssignGeneratedIPv6CIDRBlock = true
	again, existing, err := c.AdoptDefaultVPC(ctx, in)
	if err != nil || !existing || again.ID != made.ID || again.IPv6CIDRBlock == "" {
		t.Fatalf("adopting again: %+v existing=%v %v", again, existing, err)
	}
}

// TestCheckAdoptDefaultVPC refuses at plan two resources that would each
// make the region's default VPC, and lets two adopt one that exists.
func TestCheckAdoptDefaultVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	p := cloud.NewPlan()
	if err := c.CheckAdoptDefaultVPC(ctx, p, p.NewHolderNamed("the first"), cloud.VPCInput{}); err != nil {
		t.Fatal(err)
	}
	err := c.CheckAdoptDefaultVPC(ctx, p, p.NewHolder(), cloud.VPCInput{})
	wantCode(t, err, "DefaultVpcAlreadyExists")

	must(c.CreateDefaultVPC(ctx))(t)
	p = cloud.NewPlan()
	for range 2 {
		if err := c.CheckAdoptDefaultVPC(ctx, p, p.NewHolder(), cloud.VPCInput{}); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, c.CheckAdoptDefaultVPC(ctx, p, p.NewHolder(), cloud.VPCInput{Tags: map[string]string{"aws:x": "y"}}), "InvalidParameterValue")
}

// TestDeleteDefaultVPC deletes the default subnets and gateway with the
// VPC, and is stopped by anything else in it.
func TestDeleteDefaultVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := must(c.CreateDefaultVPC(ctx))(t)
	extra := mustCreateSubnet(t, c, subnetInput(vpc.ID, "172.31.200.0/24"))
	wantCode(t, c.DeleteDefaultVPC(ctx, vpc.ID), "DependencyViolation")
	if err := c.DeleteSubnet(ctx, extra.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteDefaultVPC(ctx, vpc.ID); err != nil {
		t.Fatal(err)
	}
	if left := must(c.FindSubnets(ctx, cloud.SubnetFilter{}))(t); len(left) != 0 {
		t.Errorf("subnets left: %v", left)
	}
	if left := must(c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{}))(t); len(left) != 0 {
		t.Errorf("gateways left: %v", left)
	}
	// The region can have a default VPC again.
	must(c.CreateDefaultVPC(ctx))(t)
}
