package cloud_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestSecondaryBlockRanges follows AWS's table of the ranges a secondary
// block may come from, given the primary block's.
func TestSecondaryBlockRanges(t *testing.T) {
	c := freshClient(t)
	for _, tc := range []struct {
		primary, secondary, code string
	}{
		{"10.0.0.0/16", "10.1.0.0/16", ""},
		{"10.0.0.0/16", "100.64.0.0/16", ""},
		{"10.0.0.0/16", "203.0.113.0/24", ""},
		{"10.0.0.0/16", "172.16.0.0/16", "InvalidVpc.Range"},
		{"10.0.0.0/16", "192.168.0.0/16", "InvalidVpc.Range"},
		{"10.0.0.0/16", "198.19.0.0/16", "InvalidVpc.Range"},
		{"172.16.0.0/16", "172.17.0.0/16", ""},
		{"172.16.0.0/16", "172.31.0.0/16", "InvalidVpc.Range"},
		{"172.16.0.0/16", "172.31.8.0/24", "InvalidVpc.Range"},
		{"192.168.0.0/20", "192.168.16.0/20", ""},
		{"192.168.0.0/20", "10.0.0.0/16", "InvalidVpc.Range"},
		{"198.19.0.0/20", "10.0.0.0/16", "InvalidVpc.Range"},
		{"198.19.0.0/20", "100.64.0.0/16", ""},
		{"100.64.0.0/16", "100.65.0.0/16", ""},
		{"100.64.0.0/16", "10.0.0.0/16", "InvalidVpc.Range"},
		{"10.0.0.0/16", "10.0.0.0/24", "CidrConflict"},
		{"10.0.0.0/24", "10.0.0.0/16", "CidrConflict"},
		{"10.0.0.0/16", "10.1.0.0/29", "InvalidVpc.Range"},
		{"10.0.0.0/16", "10.1.0.1/16", "InvalidParameterValue"},
	} {
		t.Run(tc.primary+"+"+tc.secondary, func(t *testing.T) {
			vpc := mustCreateVPC(t, c, vpcInput(tc.primary))
			p := cloud.NewPlan()
			err := c.CheckAssociateVPCCIDRBlock(context.Background(), p, p.NewHolder(), vpc.ID, tc.secondary, "")
			if tc.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
			} else {
				wantCode(t, err, tc.code)
			}
			if err := c.DeleteVPC(context.Background(), vpc.ID); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSecondaryBlocks: a secondary block gets a local route in every table
// of its VPC, old and new; subnets may take blocks from it; it cannot go
// while a subnet uses it, and takes its local routes with it.
func TestSecondaryBlocks(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	before := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	wantCode(t, func() error { _, err := c.CreateSubnet(ctx, subnetInput(vpc.ID, "10.1.1.0/24")); return err }(), "InvalidSubnet.Range")

	a := must(c.AssociateVPCCIDRBlock(ctx, vpc.ID, "10.1.0.0/16"))(t)
	after := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)
	for _, id := range []string{vpc.MainRouteTableID, before.ID, after.ID} {
		if !hasLocalRoute(t, c, id, "10.1.0.0/16") {
			t.Errorf("%s has no local route for the secondary block", id)
		}
	}
	s := mustCreateSubnet(t, c, subnetInput(vpc.ID, "10.1.1.0/24"))
	// Routes for addresses inside the secondary block are refused as for
	// the primary block's.
	igw := mustCreateIGW(t, c, vpc.ID)
	_, err := c.CreateRoute(ctx, after.ID, cloud.RouteSpec{Destination: "10.1.2.0/24", Target: igw.ID})
	wantCode(t, err, "InvalidParameterValue")

	wantCode(t, c.DisassociateVPCCIDRBlock(ctx, a.ID), "InvalidCidrBlock.InUse")
	if err := c.DeleteSubnet(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteObject(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{vpc.MainRouteTableID, before.ID, after.ID} {
		if hasLocalRoute(t, c, id, "10.1.0.0/16") {
			t.Errorf("%s keeps the local route of a block gone", id)
		}
	}
	// A block goes with its VPC.
	b := must(c.AssociateVPCCIDRBlock(ctx, vpc.ID, "10.2.0.0/16"))(t)
	for _, id := range []string{after.ID, before.ID} {
		noErr(t, c.DeleteRouteTable(ctx, id))
	}
	noErr(t, c.DetachInternetGateway(ctx, igw.ID, vpc.ID))
	noErr(t, c.DeleteInternetGateway(ctx, igw.ID))
	noErr(t, c.DeleteVPC(ctx, vpc.ID))
	if err := c.CheckObject(ctx, b.ID); !cloud.IsNotFound(err) {
		t.Errorf("the block of a deleted VPC: %v", err)
	}
}

// TestSecondaryBlockClaims: at plan, a subnet may take a block from a
// secondary block the same plan associates, and the quota counts the
// blocks the plan associates.
func TestSecondaryBlockClaims(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	p := cloud.NewPlan()
	for i, block := range []string{"10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16"} {
		if err := c.CheckAssociateVPCCIDRBlock(ctx, p, p.NewHolderNamed("association "+block), vpc.ID, block, ""); err != nil {
			t.Fatalf("association %d: %v", i, err)
		}
	}
	if err := c.CheckSubnet(ctx, p, p.NewHolder(), subnetInput(vpc.ID, "10.2.1.0/24"), ""); err != nil {
		t.Errorf("a subnet in a block the plan associates: %v", err)
	}
	err := c.CheckAssociateVPCCIDRBlock(ctx, p, p.NewHolder(), vpc.ID, "10.5.0.0/16", "")
	wantCode(t, err, "CidrLimitExceeded")
	err = c.CheckAssociateVPCCIDRBlock(ctx, cloud.NewPlan(), p.NewHolder(), vpc.ID, "10.5.0.0/16", "")
	if err != nil {
		t.Errorf("a block alone: %v", err)
	}
}

func hasLocalRoute(t *testing.T, c *cloud.Client, tableID, block string) bool {
	t.Helper()
	table := must(c.RouteTable(context.Background(), tableID))(t)
	return slices.ContainsFunc(table.Routes, func(r cloud.Route) bool { return r.Destination == block && r.Target == cloud.TargetLocal })
}

// TestIPv6BlockAssociations: a VPC given an IPv6 block by association gets
// a local route and the rules for IPv6 of its default group, subnets take
// /64s from it, and giving up the VPC's own block keeps those rules while
// an associated block remains.
func TestIPv6BlockAssociations(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc := mustCreateVPC(t, c, ipv6VPCInput("10.0.0.0/16"))
	a := must(c.AssociateVPCIPv6Block(ctx, vpc.ID))(t)
	if a.CIDRBlock == vpc.IPv6CIDRBlock || !hasLocalRoute(t, c, vpc.MainRouteTableID, a.CIDRBlock) {
		t.Fatalf("association %+v, VPC block %s", a, vpc.IPv6CIDRBlock)
	}
	sub := subnetInput(vpc.ID, "10.0.1.0/24")
	sub.IPv6CIDRBlock = strings.Replace(a.CIDRBlock, "/56", "/64", 1)
	s := mustCreateSubnet(t, c, sub)

	// The VPC's own block goes; the associated one keeps IPv6 alive.
	if _, err := c.UpdateVPC(ctx, vpc.ID, vpcInput("10.0.0.0/16")); err != nil {
		t.Fatal(err)
	}
	if !defaultGroupAllowsIPv6Out(t, c, vpc.DefaultSecurityGroupID) {
		t.Error("the default group lost ::/0 while an associated IPv6 block remains")
	}
	wantCode(t, c.DisassociateVPCCIDRBlock(ctx, a.ID), "InvalidCidrBlock.InUse")
	noErr(t, c.DeleteSubnet(ctx, s.ID))
	noErr(t, c.DisassociateVPCCIDRBlock(ctx, a.ID))
	if defaultGroupAllowsIPv6Out(t, c, vpc.DefaultSecurityGroupID) || hasLocalRoute(t, c, vpc.MainRouteTableID, a.CIDRBlock) {
		t.Error("a VPC without IPv6 blocks keeps ::/0 or the local route")
	}

	p := cloud.NewPlan()
	for range 5 {
		noErr(t, c.CheckAssociateVPCIPv6Block(ctx, p, p.NewHolder(), vpc.ID, ""))
	}
	wantCode(t, c.CheckAssociateVPCIPv6Block(ctx, p, p.NewHolder(), vpc.ID, ""), "CidrLimitExceeded")
}

func defaultGroupAllowsIPv6Out(t *testing.T, c *cloud.Client, groupID string) bool {
	t.Helper()
	g, err := cloud.Describe[cloud.SecurityGroup](c, context.Background(), groupID)
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(g.Rules, func(r cloud.SecurityGroupRule) bool { return r.Egress && r.CIDRIPv6 == "::/0" })
}
