package cloud_test

import (
	"context"
	"errors"
	"net/netip"
	"regexp"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var idShape = regexp.MustCompile(`^(vpc|rtb|rtbassoc|vpc-cidr-assoc)-[0-9a-f]{17}$`)

func TestCreateVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := vpcInput("10.0.0.0/16")
	in.Tags = map[string]string{"Name": "main"}
	vpc := mustCreateVPC(t, c, in)

	if !idShape.MatchString(vpc.ID) || !strings.HasPrefix(vpc.ID, "vpc-") {
		t.Errorf("VPC ID %q is not AWS-shaped", vpc.ID)
	}
	if want := "arn:aws:ec2:us-east-1:123456789012:vpc/" + vpc.ID; vpc.ARN() != want {
		t.Errorf("ARN = %s, want %s", vpc.ARN(), want)
	}
	got := must(c.VPC(ctx, vpc.ID))(t)
	if got.CIDRBlock != "10.0.0.0/16" || got.OwnerID != "123456789012" || !got.EnableDNSSupport || got.Tags["Name"] != "main" {
		t.Errorf("stored VPC = %+v", got)
	}
	if got.IPv6CIDRBlock != "" || got.IPv6AssociationID != "" {
		t.Errorf("VPC got an IPv6 block it did not ask for: %+v", got)
	}

	main, err := c.RouteTable(ctx, got.MainRouteTableID)
	if err != nil {
		t.Fatalf("main route table: %v", err)
	}
	if !main.Main || main.VPCID != vpc.ID || !idShape.MatchString(main.ID) {
		t.Errorf("main route table = %+v", main)
	}
	wantRoutes := []cloud.Route{{RouteTableID: main.ID, Destination: "10.0.0.0/16", Target: "local", Origin: "CreateRouteTable", State: "active"}}
	if !equalRoutes(main.Routes, wantRoutes) {
		t.Errorf("main table routes = %+v, want %+v", main.Routes, wantRoutes)
	}
}

func TestCreateVPCRefusesBadInput(t *testing.T) {
	c := freshClient(t)
	cases := []struct {
		name   string
		mutate func(*cloud.VPCInput)
		code   string
	}{
		{"too large", func(in *cloud.VPCInput) { in.CIDRBlock = "10.0.0.0/12" }, "InvalidVpc.Range"},
		{"malformed", func(in *cloud.VPCInput) { in.CIDRBlock = "10.0.0/16" }, "InvalidParameterValue"},
		{"host bits", func(in *cloud.VPCInput) { in.CIDRBlock = "10.0.3.0/16" }, "InvalidParameterValue"},
		{"tenancy", func(in *cloud.VPCInput) { in.InstanceTenancy = "shared" }, "InvalidParameterValue"},
		{"reserved tag", func(in *cloud.VPCInput) { in.Tags = map[string]string{"aws:x": "y"} }, "InvalidParameterValue"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := vpcInput("10.0.0.0/16")
			tc.mutate(&in)
			_, err := c.CreateVPC(context.Background(), in)
			wantCode(t, err, tc.code)
		})
	}
	vpcs, err := c.FindVPCs(context.Background(), cloud.VPCFilter{})
	if err != nil || len(vpcs) != 0 {
		t.Fatalf("refused creations left VPCs behind: %v %v", vpcs, err)
	}
}

func TestVPCIPv6Blocks(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	pool := netip.MustParsePrefix("2001:db8::/32")
	seen := map[string]bool{}
	for range 50 {
		vpc := mustCreateVPC(t, c, ipv6VPCInput("10.0.0.0/16"))
		block, err := netip.ParsePrefix(vpc.IPv6CIDRBlock)
		if err != nil || block.Bits() != 56 || !pool.Contains(block.Addr()) || block.Masked() != block {
			t.Fatalf("IPv6 block %q is not a /56 network inside %s", vpc.IPv6CIDRBlock, pool)
		}
		if seen[vpc.IPv6CIDRBlock] {
			t.Fatalf("IPv6 block %s handed out twice", vpc.IPv6CIDRBlock)
		}
		seen[vpc.IPv6CIDRBlock] = true
		if !idShape.MatchString(vpc.IPv6AssociationID) || !strings.HasPrefix(vpc.IPv6AssociationID, "vpc-cidr-assoc-") {
			t.Fatalf("association ID %q", vpc.IPv6AssociationID)
		}
		main := must(c.RouteTable(ctx, vpc.MainRouteTableID))(t)
		if !hasRoute(main, vpc.IPv6CIDRBlock, "local") {
			t.Fatalf("main table lacks the IPv6 local route: %+v", main.Routes)
		}
	}
}

func TestUpdateVPC(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	in := vpcInput("10.1.0.0/16")
	in.InstanceTenancy = cloud.TenancyDedicated
	in.Tags = map[string]string{"a": "1", "b": "2"}
	vpc := mustCreateVPC(t, c, in)
	extra := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID}))(t)

	in.InstanceTenancy = cloud.TenancyDefault
	in.EnableDNSHostnames = true
	in.EnableDNSSupport = false
	in.AssignGeneratedIPv6CIDRBlock = true
	in.Tags = map[string]string{"b": "3"}
	got, err := c.UpdateVPC(ctx, vpc.ID, in)
	if err != nil {
		t.Fatalf("UpdateVPC: %v", err)
	}
	stored := must(c.VPC(ctx, vpc.ID))(t)
	if stored.InstanceTenancy != "default" || !stored.EnableDNSHostnames || stored.EnableDNSSupport ||
		stored.IPv6CIDRBlock == "" || stored.IPv6CIDRBlock != got.IPv6CIDRBlock || len(stored.Tags) != 1 || stored.Tags["b"] != "3" {
		t.Fatalf("after update: %+v", stored)
	}
	for _, id := range []string{stored.MainRouteTableID, extra.ID} {
		table, err := c.RouteTable(ctx, id)
		if err != nil || !hasRoute(table, stored.IPv6CIDRBlock, "local") {
			t.Fatalf("table %s lacks the new IPv6 local route: %+v %v", id, table.Routes, err)
		}
	}

	in.AssignGeneratedIPv6CIDRBlock = false
	if _, err := c.UpdateVPC(ctx, vpc.ID, in); err != nil {
		t.Fatal(err)
	}
	released, _ := c.VPC(ctx, vpc.ID)
	if released.IPv6CIDRBlock != "" || released.IPv6AssociationID != "" {
		t.Fatalf("IPv6 block not released: %+v", released)
	}
	for _, id := range []string{stored.MainRouteTableID, extra.ID} {
		table, _ := c.RouteTable(ctx, id)
		if hasRoute(table, stored.IPv6CIDRBlock, "local") {
			t.Fatalf("table %s keeps the released block's local route", id)
		}
	}

	refusals := []struct {
		name   string
		mutate func(*cloud.VPCInput)
		code   string
	}{
		{"tenancy to dedicated", func(in *cloud.VPCInput) { in.InstanceTenancy = cloud.TenancyDedicated }, "InvalidParameterValue"},
		{"new primary block", func(in *cloud.VPCInput) { in.CIDRBlock = "10.2.0.0/16" }, "OperationNotPermitted"},
	}
	for _, r := range refusals {
		next := in
		r.mutate(&next)
		_, err := c.UpdateVPC(ctx, vpc.ID, next)
		wantCode(t, err, r.code)
	}
	_, err = c.UpdateVPC(ctx, "vpc-00000000000000000", in)
	wantCode(t, err, "InvalidVpcID.NotFound")
}

func TestDeleteVPC(t *testing.T) {
	ctx := context.Background()
	c, vpc := clientWithVPC(t)
	extra, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, Tags: map[string]string{"Name": "extra"}})
	if err != nil {
		t.Fatal(err)
	}

	err = c.DeleteVPC(ctx, vpc.ID)
	wantCode(t, err, "DependencyViolation")
	if !strings.Contains(asCloudError(t, err).Fix, extra.ID) {
		t.Errorf("DependencyViolation does not name %s: %+v", extra.ID, err)
	}
	wantCode(t, c.DeleteRouteTable(ctx, vpc.MainRouteTableID), "DependencyViolation")

	if err := c.DeleteRouteTable(ctx, extra.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteVPC(ctx, vpc.ID); err != nil {
		t.Fatalf("DeleteVPC: %v", err)
	}
	_, err = c.VPC(ctx, vpc.ID)
	wantCode(t, err, "InvalidVpcID.NotFound")
	_, err = c.RouteTable(ctx, vpc.MainRouteTableID)
	wantCode(t, err, "InvalidRouteTableID.NotFound")
	wantCode(t, c.DeleteVPC(ctx, vpc.ID), "InvalidVpcID.NotFound")
	wantCode(t, c.DeleteVPC(ctx, "vpc-x"), "InvalidVpcID.Malformed")
}

func TestCreateRouteTableNeedsVPC(t *testing.T) {
	c := freshClient(t)
	_, err := c.CreateRouteTable(context.Background(), cloud.RouteTableInput{VPCID: "vpc-0123456789abcdef0"})
	wantCode(t, err, "InvalidVpcID.NotFound")
}

func TestFindVPCs(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	a := vpcInput("10.0.0.0/16")
	a.Tags = map[string]string{"env": "prod", "team": "net"}
	b := vpcInput("10.0.0.0/16")
	b.Tags = map[string]string{"env": "dev"}
	va, vb := mustCreateVPC(t, c, a), mustCreateVPC(t, c, b)
	mustCreateVPC(t, c, vpcInput("10.9.0.0/16"))

	cases := []struct {
		name   string
		filter cloud.VPCFilter
		want   []string
	}{
		{"by id", cloud.VPCFilter{ID: va.ID}, []string{va.ID}},
		{"by cidr", cloud.VPCFilter{CIDRBlock: "10.0.0.0/16"}, sortedIDs(va.ID, vb.ID)},
		{"by tag", cloud.VPCFilter{Tags: map[string]string{"env": "dev"}}, []string{vb.ID}},
		{"by two tags", cloud.VPCFilter{Tags: map[string]string{"env": "prod", "team": "net"}}, []string{va.ID}},
		{"tag and cidr miss", cloud.VPCFilter{CIDRBlock: "10.9.0.0/16", Tags: map[string]string{"env": "prod"}}, nil},
		{"unknown id", cloud.VPCFilter{ID: "vpc-00000000000000000"}, nil},
	}
	for _, tc := range cases {
		vpcs := must(c.FindVPCs(ctx, tc.filter))(t)
		if got := vpcIDs(vpcs); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestScopesAreIsolated(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	home := newClient(t, st, defaultScope)
	otherAccount := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion})
	otherRegion := newClient(t, st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: "eu-west-1"})
	vpc := mustCreateVPC(t, home, vpcInput("10.0.0.0/16"))

	for name, c := range map[string]*cloud.Client{"other account": otherAccount, "other region": otherRegion} {
		_, err := c.VPC(ctx, vpc.ID)
		wantCode(t, err, "InvalidVpcID.NotFound")
		wantCode(t, c.DeleteVPC(ctx, vpc.ID), "InvalidVpcID.NotFound")
		if vpcs, _ := c.FindVPCs(ctx, cloud.VPCFilter{}); len(vpcs) != 0 {
			t.Errorf("%s sees %v", name, vpcIDs(vpcs))
		}
	}
	eu := mustCreateVPC(t, otherRegion, vpcInput("10.0.0.0/16"))
	if want := "arn:aws:ec2:eu-west-1:123456789012:vpc/" + eu.ID; eu.ARN() != want {
		t.Errorf("ARN %s, want %s", eu.ARN(), want)
	}
}

// failingStore fails the last step of creating a VPC, to show that a failure
// anywhere in an operation leaves nothing of it behind.
type failingStore struct{ cloud.Store }

type failingTx struct{ cloud.Tx }

var errInjected = errors.New("injected failure")

func (s failingStore) Write(ctx context.Context, fn func(cloud.Tx) error) error {
	return s.Store.Write(ctx, func(tx cloud.Tx) error { return fn(failingTx{tx}) })
}

func (f failingTx) Insert(row cloud.Row) error {
	if _, ok := row.(cloud.Association); ok {
		return errInjected
	}
	return f.Tx.Insert(row)
}

func TestCreateVPCIsAtomic(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	broken := newClient(t, failingStore{st}, defaultScope)
	if _, err := broken.CreateVPC(ctx, vpcInput("10.0.0.0/16")); !errors.Is(err, errInjected) {
		t.Fatalf("CreateVPC error = %v, want the injected failure", err)
	}
	c := newClient(t, st, defaultScope)
	if vpcs, err := c.FindVPCs(ctx, cloud.VPCFilter{}); err != nil || len(vpcs) != 0 {
		t.Fatalf("a failed CreateVPC left %v behind (%v)", vpcIDs(vpcs), err)
	}
}

// TestConcurrentWritersOnOneFile races clients with separate connection pools
// (as separate processes have) on one database file: none may fail for want
// of a lock, and every VPC must be there afterwards.
func TestConcurrentWritersOnOneFile(t *testing.T) {
	ctx := context.Background()
	st, path := openStore(t)
	const pools, perPool = 4, 25
	ids := make(chan string, pools*perPool)
	for _, err := range racePools(t, st, path, pools, perPool, func(c *cloud.Client) error {
		vpc, err := c.CreateVPC(ctx, ipv6VPCInput("10.0.0.0/16"))
		if err != nil {
			return err
		}
		ids <- vpc.ID
		_, err = c.UpdateVPC(ctx, vpc.ID, vpcInput("10.0.0.0/16"))
		return err
	}) {
		t.Errorf("concurrent write failed: %v", err)
	}
	close(ids)
	vpcs, err := newClient(t, st, defaultScope).FindVPCs(ctx, cloud.VPCFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(vpcs) != pools*perPool || len(ids) != pools*perPool {
		t.Fatalf("%d VPCs stored, %d created, want %d", len(vpcs), len(ids), pools*perPool)
	}
}

func equalRoutes(a, b []cloud.Route) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasRoute(t cloud.RouteTable, destination, target string) bool {
	for _, r := range t.Routes {
		if r.Destination == destination && r.Target == target {
			return true
		}
	}
	return false
}

func vpcIDs(vpcs []cloud.VPC) []string {
	var ids []string
	for _, v := range vpcs {
		ids = append(ids, v.ID)
	}
	return ids
}

func sortedIDs(ids ...string) []string {
	if ids[0] > ids[1] {
		ids[0], ids[1] = ids[1], ids[0]
	}
	return ids
}
