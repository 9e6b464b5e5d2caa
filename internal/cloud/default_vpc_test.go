package cloud_test

import (
	"context"
	"slices"
	"sync/atomic"
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

// TestCheckAdoptDefaultSubnet: without a default VPC a default subnet is
// refused at plan, as at apply (issue 19: only the apply refused it),
// unless a simcloud_default_vpc of the plan makes the VPC; so is an
// IPv6-only default subnet.
func TestCheckAdoptDefaultSubnet(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	p := cloud.NewPlan()
	wantCode(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), "us-east-1a", nil), "DefaultVpcDoesNotExist")
	noErr(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), cloud.Unknown, nil))
	noErr(t, c.CheckAdoptDefaultVPC(ctx, p, p.NewHolder(), cloud.VPCInput{}))
	noErr(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), "us-east-1a", nil))

	must(c.CreateDefaultVPC(ctx))(t)
	p = cloud.NewPlan()
	noErr(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), "us-east-1a", &cloud.SubnetInput{}))
	wantCode(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), "us-east-1a", &cloud.SubnetInput{IPv6Native: true}), "InvalidParameterValue")
	wantCode(t, c.CheckAdoptDefaultSubnet(ctx, p, p.NewHolder(), "us-east-1z", nil), "InvalidParameterValue")
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

// TestUseScopeRace races first uses of one scope from separate connection
// pools (as separate terraform runs have) on one database, SQLite or
// PostgreSQL: exactly one makes the default VPC, and none fails.
func TestUseScopeRace(t *testing.T) {
	ctx := context.Background()
	st, path := openStore(t)
	const pools, perPool = 4, 4
	var made atomic.Int32
	for _, err := range racePools(t, st, path, pools, perPool, func(c *cloud.Client) error {
		ok, err := c.UseScope(ctx)
		if ok {
			made.Add(1)
		}
		return err
	}) {
		t.Errorf("first use failed: %v", err)
	}
	c := newClient(t, st, defaultScope)
	if found := must(c.FindVPCs(ctx, cloud.VPCFilter{}))(t); len(found) != 1 || !found[0].IsDefault || made.Load() != 1 {
		t.Errorf("after %d racing first uses, %d reported making it, VPCs: %v", pools*perPool, made.Load(), found)
	}
	if subnets := must(c.FindSubnets(ctx, cloud.SubnetFilter{}))(t); len(subnets) != len(cloud.AvailabilityZones(cloud.DefaultRegion)) {
		t.Errorf("default subnets: %v", subnets)
	}
	// Another account of the same cloud has a first use of its own.
	other := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	if ok, err := other.UseScope(ctx); err != nil || !ok {
		t.Errorf("another account's first use made none: %v", err)
	}
}

// TestUseScopeOnce: a deleted default VPC does not come back with a later
// use of the scope; only CreateDefaultVpc makes another.
func TestUseScopeOnce(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	if ok, err := c.UseScope(ctx); err != nil || !ok {
		t.Fatalf("first use made no default VPC: %v", err)
	}
	yes := true
	vpcs := must(c.FindVPCs(ctx, cloud.VPCFilter{Default: &yes}))(t)
	if len(vpcs) != 1 {
		t.Fatalf("default VPCs %v", vpcs)
	}
	if err := c.DeleteDefaultVPC(ctx, vpcs[0].ID); err != nil {
		t.Fatal(err)
	}
	if ok, err := c.UseScope(ctx); err != nil || ok {
		t.Fatalf("a later use made a default VPC again (%v)", err)
	}
	if left := must(c.FindVPCs(ctx, cloud.VPCFilter{}))(t); len(left) != 0 {
		t.Errorf("VPCs after the default one was deleted: %v", left)
	}
	must(c.CreateDefaultVPC(ctx))(t)
	if ok, err := c.UseScope(ctx); err != nil || ok {
		t.Errorf("a use after CreateDefaultVpc made another (%v)", err)
	}
}

// TestDefaultSubnet: CreateDefaultSubnet is refused without a default VPC
// and where the zone has its default subnet, and makes the zone's /20 again
// once it was deleted; AdoptDefaultSubnet finds it or makes it and applies
// the configuration.
func TestDefaultSubnet(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	_, err := c.CreateDefaultSubnet(ctx, "us-east-1a")
	wantCode(t, err, "DefaultVpcDoesNotExist")
	vpc := must(c.CreateDefaultVPC(ctx))(t)
	_, err = c.CreateDefaultSubnet(ctx, "us-east-1b")
	wantCode(t, err, "DefaultSubnetAlreadyExistsInAvailabilityZone")
	_, err = c.CreateDefaultSubnet(ctx, "us-east-1z")
	wantCode(t, err, "InvalidParameterValue")

	in := cloud.SubnetInput{MapPublicIPOnLaunch: false, Tags: map[string]string{"Name": "b"}}
	adopted, existing, err := c.AdoptDefaultSubnet(ctx, "us-east-1b", &in)
	if err != nil || !existing || adopted.VPCID != vpc.ID || adopted.CIDRBlock != "172.31.16.0/20" || adopted.MapPublicIPOnLaunch || adopted.Tags["Name"] != "b" {
		t.Fatalf("adopted %+v existing=%v %v", adopted, existing, err)
	}
	if err := c.DeleteSubnet(ctx, adopted.ID); err != nil {
		t.Fatal(err)
	}
	made, existing, err := c.AdoptDefaultSubnet(ctx, "us-east-1b", &in)
	if err != nil || existing || made.ID == adopted.ID || made.CIDRBlock != "172.31.16.0/20" || made.MapPublicIPOnLaunch {
		t.Fatalf("made %+v existing=%v %v", made, existing, err)
	}
	if err := c.DeleteSubnet(ctx, made.ID); err != nil {
		t.Fatal(err)
	}
	// A subnet made in the zone's /20 meanwhile is in the way.
	squatter := mustCreateSubnet(t, c, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "172.31.20.0/24", AvailabilityZone: "us-east-1c"})
	_, err = c.CreateDefaultSubnet(ctx, "us-east-1b")
	wantCode(t, err, "InvalidSubnet.Conflict")
	if err := c.DeleteSubnet(ctx, squatter.ID); err != nil {
		t.Fatal(err)
	}
	again := must(c.CreateDefaultSubnet(ctx, "us-east-1b"))(t)
	if !again.MapPublicIPOnLaunch || again.CIDRBlock != "172.31.16.0/20" || !again.IsPublic {
		t.Errorf("CreateDefaultSubnet made %+v", again)
	}
}
