package cloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestAssociations(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	other := newNetwork(t, c)
	subnet := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.1.0/24"))

	a, err := c.Associate(ctx, subnet.ID, n.table.ID)
	if err != nil || !strings.HasPrefix(a.ID, "rtbassoc-") {
		t.Fatalf("associate: %+v %v", a, err)
	}
	if got, _ := c.Subnet(ctx, subnet.ID); got.RouteTableID != n.table.ID {
		t.Errorf("served by %s, want %s", got.RouteTableID, n.table.ID)
	}
	_, err = c.Associate(ctx, subnet.ID, n.vpc.MainRouteTableID)
	wantCode(t, err, "Resource.AlreadyAssociated")
	_, err = c.Associate(ctx, subnet.ID, other.table.ID)
	wantCode(t, err, "InvalidParameterValue")
	wantCode(t, c.DeleteRouteTable(ctx, n.table.ID), "DependencyViolation")
	wantCode(t, c.DeleteSubnet(ctx, subnet.ID), "DependencyViolation")
	if found, err := c.SubnetAssociation(ctx, subnet.ID, n.table.ID); err != nil || found.ID != a.ID {
		t.Errorf("lookup for import: %+v %v", found, err)
	}
	_, err = c.SubnetAssociation(ctx, subnet.ID, other.table.ID)
	wantCode(t, err, "InvalidAssociationID.NotFound")

	main := must(c.MainAssociation(ctx, n.vpc.ID))(t)
	wantCode(t, c.Disassociate(ctx, main.ID), "InvalidParameterValue")
	if err := c.Disassociate(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.Disassociate(ctx, a.ID), "InvalidAssociationID.NotFound")
	if got, _ := c.Subnet(ctx, subnet.ID); got.RouteTableID != n.vpc.MainRouteTableID {
		t.Errorf("after disassociating, served by %s, want the main table", got.RouteTableID)
	}
	if err := c.DeleteSubnet(ctx, subnet.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteRouteTable(ctx, n.table.ID); err != nil {
		t.Fatal(err)
	}
}

func TestAssociationPlanClaims(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	subnet := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.1.0/24"))
	plan := cloud.NewPlan()
	if err := c.CheckAssociation(ctx, plan, plan.NewHolder(), subnet.ID, n.table.ID, ""); err != nil {
		t.Fatal(err)
	}
	err := c.CheckAssociation(ctx, plan, plan.NewHolder(), subnet.ID, n.vpc.MainRouteTableID, "")
	wantCode(t, err, "Resource.AlreadyAssociated")
	if !strings.Contains(asCloudError(t, err).Fix, "planned by another resource") {
		t.Errorf("fix: %+v", err)
	}
}

func TestMainRouteTable(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	other := newNetwork(t, c)
	original := n.vpc.MainRouteTableID

	a, previous, err := c.ReplaceMainRouteTable(ctx, n.vpc.ID, n.table.ID)
	if err != nil || previous != original || !a.Main {
		t.Fatalf("replace main: %+v %s %v", a, previous, err)
	}
	vpc, _ := c.VPC(ctx, n.vpc.ID)
	if vpc.MainRouteTableID != n.table.ID {
		t.Errorf("main table %s, want %s", vpc.MainRouteTableID, n.table.ID)
	}
	wantCode(t, c.DeleteRouteTable(ctx, n.table.ID), "DependencyViolation")
	_, _, err = c.ReplaceMainRouteTable(ctx, n.vpc.ID, other.table.ID)
	wantCode(t, err, "InvalidParameterValue")
	if _, _, err := c.ReplaceMainRouteTable(ctx, n.vpc.ID, original); err != nil {
		t.Fatal(err)
	}
	plan := cloud.NewPlan()
	if err := c.CheckMainRouteTableAssociation(ctx, plan, plan.NewHolder(), n.vpc.ID, n.table.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, c.CheckMainRouteTableAssociation(ctx, plan, plan.NewHolder(), n.vpc.ID, original), "Resource.AlreadyAssociated")
}

// TestIsPublic walks every way a table can come to serve a subnet, and every
// way a route to an internet gateway can stop working.
func TestIsPublic(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	n := newNetwork(t, c)
	subnet := mustCreateSubnet(t, c, subnetInput(n.vpc.ID, "10.0.1.0/24"))
	public := func(want bool, why string) {
		t.Helper()
		got := must(c.Subnet(ctx, subnet.ID))(t)
		if got.IsPublic != want {
			t.Errorf("%s: is_public = %v, want %v (served by %s)", why, got.IsPublic, want, got.RouteTableID)
		}
	}
	public(false, "main table with local routes only")

	if _, err := c.CreateRoute(ctx, n.vpc.MainRouteTableID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: n.igw.ID}); err != nil {
		t.Fatal(err)
	}
	public(true, "main table routes to the gateway")

	a := must(c.Associate(ctx, subnet.ID, n.table.ID))(t)
	public(false, "explicit table without an internet route")

	if _, err := c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "::/0", Target: n.eigw.ID}); err != nil {
		t.Fatal(err)
	}
	public(false, "an egress-only route does not make a subnet public")

	if _, err := c.CreateRoute(ctx, n.table.ID, cloud.RouteSpec{Destination: "8.8.8.0/24", Target: n.igw.ID}); err != nil {
		t.Fatal(err)
	}
	public(true, "explicit table routes part of the internet to the gateway")

	if err := c.DetachInternetGateway(ctx, n.igw.ID, n.vpc.ID); err != nil {
		t.Fatal(err)
	}
	public(false, "gateway detached")
	table, _ := c.RouteTable(ctx, n.table.ID)
	for _, r := range table.Routes {
		if r.Target == n.igw.ID && r.State != cloud.RouteStateBlackhole {
			t.Errorf("route %s to a detached gateway is %s, want blackhole", r.Destination, r.State)
		}
	}
	if err := c.AttachInternetGateway(ctx, n.igw.ID, n.vpc.ID); err != nil {
		t.Fatal(err)
	}
	public(true, "gateway attached again")

	if err := c.DetachAndDeleteInternetGateway(ctx, n.igw.ID); err != nil {
		t.Fatal(err)
	}
	public(false, "gateway deleted")

	igw := mustCreateIGW(t, c, n.vpc.ID)
	if err := c.Disassociate(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReplaceRoute(ctx, n.vpc.MainRouteTableID, cloud.RouteSpec{Destination: "0.0.0.0/0", Target: igw.ID}); err != nil {
		t.Fatal(err)
	}
	public(true, "back on the main table, its route pointed at the new gateway")

	if _, _, err := c.ReplaceMainRouteTable(ctx, n.vpc.ID, n.table.ID); err != nil {
		t.Fatal(err)
	}
	public(false, "another table made main")
}

// FuzzParseAssociationImportID checks that an accepted association import
// string names a subnet and a route table.
func FuzzParseAssociationImportID(f *testing.F) {
	for _, seed := range []string{"subnet-0123456789abcdef0/rtb-0123456789abcdef0", "subnet-a/rtb-b", "/", "subnet-0123456789abcdef0/rtb-0123456789abcdef0/x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		subnet, table, err := cloud.ParseAssociationImportID(s)
		if err != nil {
			return
		}
		if subnet+"/"+table != s || cloud.ValidateID(cloud.KindSubnet, subnet, "") != nil || cloud.ValidateID(cloud.KindRouteTable, table, "") != nil {
			t.Fatalf("accepted %q as %q, %q", s, subnet, table)
		}
	})
}
