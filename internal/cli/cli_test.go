package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

var (
	update     = flag.Bool("update", false, "rewrite the golden files under testdata/")
	regenerate = flag.Bool("regenerate-cloud", false, "rebuild testdata/cloud.json, the golden tests' cloud, through the engine")
)

// result is what one run of the command did.
type result struct {
	stdout, stderr string
	code           int
}

// run runs the command in-process against the cloud at location, with an
// environment that points nowhere else: HOME is a fresh folder.
func run(t *testing.T, location, stdin string, args ...string) result {
	t.Helper()
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	var stdout, stderr bytes.Buffer
	all := args
	if location != "" {
		all = append([]string{"--database", location}, args...)
	}
	code := Run(all, IO{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] }})
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// mustRun runs the command and fails the test unless it succeeds.
func mustRun(t *testing.T, location, stdin string, args ...string) string {
	t.Helper()
	r := run(t, location, stdin, args...)
	if r.code != 0 {
		t.Fatalf("simcloud %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// goldenCloud returns a fresh cloud (SQLite, or PostgreSQL when the tests
// run against it) loaded from testdata/cloud.json through import, so that
// IDs are fixed and import is exercised.
func goldenCloud(t *testing.T) string {
	t.Helper()
	location := storetest.Location(t)
	data, err := os.ReadFile(filepath.Join("testdata", "cloud.json"))
	if err != nil {
		t.Fatal(err)
	}
	if r := run(t, location, string(data), "import"); r.code != 0 {
		t.Fatalf("import testdata/cloud.json: exit %d: %s", r.code, r.stderr)
	}
	return location
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestRegenerateCloud rebuilds testdata/cloud.json through the engine when
// asked: a lab with every kind of object and every state ls shows.
func TestRegenerateCloud(t *testing.T) {
	if !*regenerate {
		t.Skip("run with -regenerate-cloud to rebuild testdata/cloud.json")
	}
	location := filepath.Join(t.TempDir(), "cloud.db")
	st, err := store.Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = st.Close() }()
	buildLab(t, st)
	snap := mustRun(t, location, "", "export")
	if err := os.WriteFile(filepath.Join("testdata", "cloud.json"), []byte(snap), 0o644); err != nil {
		t.Fatal(err)
	}
}

// buildLab makes, in the default scope: a VPC with IPv6, an internet
// gateway, an egress-only gateway, public and private subnets in two zones,
// a public NAT gateway, a private table routing through it, a table with a
// blackhole route to a deleted NAT gateway; a detached gateway, an unused
// elastic IP; and a VPC in another account, which ls must not show.
func buildLab(t *testing.T, st cloud.Store) {
	t.Helper()
	ctx := context.Background()
	c := storetest.Client(t, st)
	vpc := must(c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true,
		AssignGeneratedIPv6CIDRBlock: true, Tags: map[string]string{"Name": "lab"}}))(t)
	igw := must(c.CreateInternetGateway(ctx, vpc.ID, map[string]string{"Name": "lab"}))(t)
	eigw := must(c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil))(t)
	var public, private []cloud.Subnet
	for i, zone := range []string{"us-east-1a", "us-east-1b"} {
		public = append(public, must(c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0." + string(rune('1'+i)) + ".0/24",
			AvailabilityZone: zone, MapPublicIPOnLaunch: true, Tags: map[string]string{"Name": "public-" + zone[len(zone)-1:]}}))(t))
		// The first private subnet has IPv6, out through the egress-only
		// gateway.
		ipv6 := ""
		if i == 0 {
			block := netip.MustParsePrefix(vpc.IPv6CIDRBlock)
			ipv6 = netip.PrefixFrom(block.Addr(), 64).String()
		}
		private = append(private, must(c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "10.0.1" + string(rune('1'+i)) + ".0/24",
			AvailabilityZone: zone, IPv6CIDRBlock: ipv6, Tags: map[string]string{"Name": "private-" + zone[len(zone)-1:]}}))(t))
	}
	publicTable := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true, Tags: map[string]string{"Name": "public"},
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}, {Destination: "::/0", Target: igw.ID}}}))(t)
	for _, s := range public {
		must(c.Associate(ctx, s.ID, publicTable.ID))(t)
	}
	eip := must(c.AllocateAddress(ctx, map[string]string{"Name": "nat"}))(t)
	nat := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: public[0].ID, AllocationID: eip.AllocationID,
		ConnectivityType: cloud.ConnectivityPublic, Tags: map[string]string{"Name": "nat-a"}}))(t)
	privateTable := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true, Tags: map[string]string{"Name": "private-a"},
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: nat.ID}, {Destination: "::/0", Target: eigw.ID}}}))(t)
	must(c.Associate(ctx, private[0].ID, privateTable.ID))(t)
	// A NAT gateway deleted under its table's route leaves a blackhole.
	doomed := must(c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: private[1].ID, ConnectivityType: cloud.ConnectivityPrivate}))(t)
	brokenTable := must(c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true, Tags: map[string]string{"Name": "private-b"},
		Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: doomed.ID}}}))(t)
	must(c.Associate(ctx, private[1].ID, brokenTable.ID))(t)
	if err := c.DeleteNATGateway(ctx, doomed.ID); err != nil {
		t.Fatal(err)
	}

	must(c.CreateInternetGateway(ctx, "", map[string]string{"Name": "spare"}))(t)
	must(c.AllocateAddress(ctx, nil))(t)

	other := must(cloud.NewClient(st, cloud.Scope{AccountID: "210987654321", Region: cloud.DefaultRegion}, nil))(t)
	must(other.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "172.16.0.0/16", InstanceTenancy: cloud.TenancyDefault, Tags: map[string]string{"Name": "other-account"}}))(t)
}

// must passes on the value of a step that must succeed, and fails the test
// if it does not: must(c.Step(...))(t).
func must[V any](v V, err error) func(t testing.TB) V {
	return func(t testing.TB) V {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// withClient opens the cloud at location in the default scope.
func withClient(t *testing.T, location string, f func(*cloud.Client, *world)) {
	t.Helper()
	st, err := store.Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = st.Close() }()
	c := storetest.Client(t, st)
	w, err := load(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	f(c, w)
}

// labIDs are IDs from testdata/cloud.json.
func labIDs(t *testing.T, location string) map[string]string {
	t.Helper()
	var w *world
	withClient(t, location, func(_ *cloud.Client, loaded *world) { w = loaded })
	ids := map[string]string{}
	for _, v := range w.VPCs {
		ids["vpc"] = v.ID
		ids["igw"] = v.InternetGateway.ID
		ids["eigw"] = v.EgressOnly[0].ID
		for _, s := range v.Subnets {
			ids["subnet "+s.Tags["Name"]] = s.ID
		}
		for _, rt := range v.RouteTables {
			if rt.Main {
				ids["rtb main"] = rt.ID
			} else {
				ids["rtb "+rt.Tags["Name"]] = rt.ID
			}
			for _, a := range rt.Subnets {
				if a.SubnetID != "" {
					ids["assoc "+rt.Tags["Name"]] = a.ID
				}
			}
		}
		ids["nat"] = v.NATGateways[0].ID
	}
	for _, g := range w.inv.SecurityGroups {
		if g.VPCID == ids["vpc"] {
			ids["sg default"] = g.ID
		}
	}
	for _, a := range w.inv.NetworkACLs {
		if a.VPCID == ids["vpc"] {
			ids["acl default"] = a.ID
		}
	}
	ids["igw spare"] = w.Detached[0].ID
	for _, e := range w.ElasticIPs {
		if e.NATGatewayID != "" {
			ids["eip nat"] = e.AllocationID
		} else {
			ids["eip spare"] = e.AllocationID
		}
	}
	return ids
}

func lookPathOK(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// TestWritesUseTheScope: a command that only reads leaves a new region
// unused, without a default VPC; the first command that writes uses it,
// and its default VPC appears.
func TestWritesUseTheScope(t *testing.T) {
	location := storetest.Location(t)
	var w world
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "ls", "-o", "json")), &w); err != nil || len(w.VPCs) != 0 {
		t.Fatalf("a new cloud lists %+v (%v)", w.VPCs, err)
	}
	// The change fails (no such VPC), after the region's first use.
	run(t, location, "", "tag", "vpc-0123456789abcdef0", "Name=x")
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "ls", "-o", "json")), &w); err != nil || len(w.VPCs) != 1 || !w.VPCs[0].Default {
		t.Fatalf("after a write the cloud lists %+v (%v), want its default VPC", w.VPCs, err)
	}
}
