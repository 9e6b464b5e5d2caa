package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// outputs are the values of `terraform output -json`, by name.
type outputs map[string]json.RawMessage

func (o outputs) decode(t *testing.T, name string, into any) {
	t.Helper()
	raw, ok := o[name]
	if !ok {
		t.Fatalf("no output %q; the outputs are %v", name, slices.Sorted(maps.Keys(o)))
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatalf("output %q: %v in %s", name, err, raw)
	}
}

func (o outputs) str(t *testing.T, name string) string {
	t.Helper()
	var s string
	o.decode(t, name, &s)
	return s
}

func (o outputs) boolean(t *testing.T, name string) bool {
	t.Helper()
	var b bool
	o.decode(t, name, &b)
	return b
}

// internetAccess mirrors the internet_access attribute of a subnet.
type internetAccess struct {
	IPv4Outbound       bool   `json:"ipv4_outbound"`
	IPv4OutboundReason string `json:"ipv4_outbound_reason"`
	IPv4Inbound        bool   `json:"ipv4_inbound"`
	IPv4InboundReason  string `json:"ipv4_inbound_reason"`
	IPv6Outbound       bool   `json:"ipv6_outbound"`
	IPv6OutboundReason string `json:"ipv6_outbound_reason"`
	IPv6Inbound        bool   `json:"ipv6_inbound"`
	IPv6InboundReason  string `json:"ipv6_inbound_reason"`
}

// expect compares the four answers with want (ipv4 out, ipv4 in, ipv6 out,
// ipv6 in) and each reason with the prefix or fragment given for it.
func (a internetAccess) expect(t *testing.T, what string, want [4]bool, reasons [4]string) {
	t.Helper()
	got := [4]bool{a.IPv4Outbound, a.IPv4Inbound, a.IPv6Outbound, a.IPv6Inbound}
	gotReasons := [4]string{a.IPv4OutboundReason, a.IPv4InboundReason, a.IPv6OutboundReason, a.IPv6InboundReason}
	if got != want {
		t.Errorf("%s: internet_access (ipv4 out, ipv4 in, ipv6 out, ipv6 in) = %v, want %v; reasons %q", what, got, want, gotReasons)
	}
	for i, fragment := range reasons {
		if !strings.Contains(gotReasons[i], fragment) {
			t.Errorf("%s: reason %d is %q, want it to contain %q", what, i, gotReasons[i], fragment)
		}
	}
}

// exampleEnv runs Terraform in the example folders against one binary.
type exampleEnv struct {
	tf        string
	cliConfig string
}

// newExampleEnv builds the provider once and writes a CLI configuration
// whose dev_overrides point Terraform at it, so that no example needs
// `terraform init` and nothing is fetched from a registry.
func newExampleEnv(t *testing.T) *exampleEnv {
	t.Helper()
	tf := terraformBinary(t)
	dir := t.TempDir()
	binary := buildProvider(t, dir)
	cliConfig := filepath.Join(dir, "terraformrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"simcloud/simcloud\" = %q\n  }\n  direct {}\n}\n", filepath.Dir(binary))
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	return &exampleEnv{tf: tf, cliConfig: cliConfig}
}

// copyExample copies the .tf files of examples/<name> into a fresh folder,
// leaving behind any state or .terraform a person's own run left there.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "examples", name)
	files, err := filepath.Glob(filepath.Join(src, "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .tf files in %s: %v", src, err)
	}
	dst := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// terraform runs one command in dir against the cloud at database, and
// returns its exit code and combined output. The SIMCLOUD_ variables of the
// caller's environment are dropped so that only the test decides which
// cloud, region and account the examples see.
func (e *exampleEnv) terraform(t *testing.T, dir, database string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), e.tf, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SIMCLOUD_") && !strings.HasPrefix(kv, "TF_CLI_CONFIG_FILE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "TF_CLI_CONFIG_FILE="+e.cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"SIMCLOUD_DATABASE="+database)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode(), string(out)
		}
		t.Fatalf("terraform %s: %v", args[0], err)
	}
	return 0, string(out)
}

// apply applies the configuration in dir, checks that a second plan finds
// nothing to change, and returns the outputs.
func (e *exampleEnv) apply(t *testing.T, dir, database string) outputs {
	t.Helper()
	if code, out := e.terraform(t, dir, database, "apply", "-auto-approve", "-input=false", "-no-color"); code != 0 {
		t.Fatalf("apply in %s failed (exit %d):\n%s", dir, code, out)
	}
	// Exit code 2 means changes: an example that does not converge in one
	// apply would teach people to apply twice.
	if code, out := e.terraform(t, dir, database, "plan", "-detailed-exitcode", "-input=false", "-no-color"); code != 0 {
		t.Fatalf("the plan after apply in %s is not empty (exit %d):\n%s", dir, code, out)
	}
	code, out := e.terraform(t, dir, database, "output", "-json", "-no-color")
	if code != 0 {
		t.Fatalf("output in %s failed (exit %d):\n%s", dir, code, out)
	}
	var o outputs
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("output -json: %v\n%s", err, out)
	}
	values := outputs{}
	for name, raw := range o {
		var wrapped struct {
			Value json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(raw, &wrapped); err != nil {
			t.Fatal(err)
		}
		values[name] = wrapped.Value
	}
	return values
}

func (e *exampleEnv) destroy(t *testing.T, dir, database string) {
	t.Helper()
	if code, out := e.terraform(t, dir, database, "destroy", "-auto-approve", "-input=false", "-no-color"); code != 0 {
		t.Fatalf("destroy in %s failed (exit %d):\n%s", dir, code, out)
	}
}

// expectEmptyCloud checks that destroy left nothing behind in the
// default account and region, which is where every example works.
func expectEmptyCloud(t *testing.T, database string) {
	t.Helper()
	c, closeCloud := defaultClient(t, database)
	defer closeCloud()
	ctx := context.Background()
	count := func(n int, err error) int {
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// The region's default VPC, which the provider's first use made, is
	// AWS's: it stays.
	left := map[string]int{
		"VPCs":                          count(ownLen[cloud.VPC](t, c)(c.FindVPCs(ctx, cloud.VPCFilter{}))),
		"subnets":                       count(ownLen[cloud.Subnet](t, c)(c.FindSubnets(ctx, cloud.SubnetFilter{}))),
		"internet gateways":             count(ownLen[cloud.InternetGateway](t, c)(c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{}))),
		"egress-only internet gateways": count(ownLen[cloud.EgressOnlyInternetGateway](t, c)(cloud.Find[cloud.EgressOnlyInternetGateway](c, ctx, cloud.EgressOnlyInternetGatewayFilter{}))),
		"route tables":                  count(ownLen[cloud.RouteTable](t, c)(c.FindRouteTables(ctx, cloud.RouteTableFilter{}))),
		"NAT gateways":                  count(ownLen[cloud.NATGateway](t, c)(c.FindNATGateways(ctx, cloud.NATGatewayFilter{}))),
		"elastic IPs":                   count(ownLen[cloud.ElasticIP](t, c)(c.FindElasticIPs(ctx, cloud.ElasticIPFilter{}))),
	}
	for kind, n := range left {
		if n != 0 {
			t.Errorf("after destroy the cloud still holds %d %s", n, kind)
		}
	}
}

// ownLen counts, of what a lookup found, the objects other than those AWS
// made with the default VPC (storetest.Own).
func ownLen[T cloud.Row](t *testing.T, c *cloud.Client) func(items []T, err error) (int, error) {
	return func(items []T, err error) (int, error) {
		if err != nil {
			return 0, err
		}
		return len(storetest.Own(t, c, items)), nil
	}
}

// documentationRanges are where the simulated cloud takes public IPv4
// addresses from.
var documentationRanges = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
}

// TestExamples applies each complete configuration under examples/ against
// a fresh cloud, as a reader would: the apply succeeds, a second plan is
// empty, the outputs say what the example and its guide promise, and
// destroy leaves the cloud empty.
func TestExamples(t *testing.T) {
	env := newExampleEnv(t)

	single := map[string]func(t *testing.T, o outputs){
		"quickstart": func(t *testing.T, o outputs) {
			if !o.boolean(t, "public_subnet_is_public") || o.boolean(t, "private_subnet_is_public") {
				t.Errorf("public subnet is_public = %v, private = %v; want true, false",
					o.boolean(t, "public_subnet_is_public"), o.boolean(t, "private_subnet_is_public"))
			}
			vpcID := o.str(t, "vpc_id")
			if want := "arn:aws:ec2:us-east-1:123456789012:vpc/" + vpcID; o.str(t, "vpc_arn") != want {
				t.Errorf("vpc_arn = %q, want %q", o.str(t, "vpc_arn"), want)
			}
			if v6 := o.str(t, "ipv6_cidr_block"); !strings.HasPrefix(v6, "2001:db8:") || !strings.HasSuffix(v6, "/56") {
				t.Errorf("ipv6_cidr_block = %q, want a /56 of 2001:db8::/32", v6)
			}
			var tags map[string]string
			o.decode(t, "tags_all", &tags)
			if tags["Project"] != "simcloud-quickstart" || tags["Name"] != "quickstart" || len(tags) != 2 {
				t.Errorf("tags_all = %v, want the default tag Project and the VPC's Name", tags)
			}
			if !strings.HasPrefix(o.str(t, "main_route_table_id"), "rtb-") {
				t.Errorf("main_route_table_id = %q", o.str(t, "main_route_table_id"))
			}
		},
		"public-private": func(t *testing.T, o outputs) {
			var public, private []bool
			o.decode(t, "public_subnets_are_public", &public)
			o.decode(t, "private_subnets_are_public", &private)
			if fmt.Sprint(public) != "[true true]" || fmt.Sprint(private) != "[false false]" {
				t.Errorf("is_public: public subnets %v, private %v; want [true true], [false false]", public, private)
			}
			if r := o.str(t, "public_ipv4_outbound_reason"); !strings.HasPrefix(r, "through igw-") {
				t.Errorf("public_ipv4_outbound_reason = %q, want through the internet gateway", r)
			}
			if r := o.str(t, "private_ipv4_outbound_reason"); !strings.HasSuffix(r, "has no route for internet addresses") {
				t.Errorf("private_ipv4_outbound_reason = %q, want no route", r)
			}
			if !o.boolean(t, "private_subnets_use_main_table") {
				t.Error("the private subnets are not served by the VPC's main table")
			}
		},
		"three-tier": func(t *testing.T, o outputs) {
			var public, app map[string]internetAccess
			var data internetAccess
			o.decode(t, "public_internet_access", &public)
			o.decode(t, "app_internet_access", &app)
			o.decode(t, "data_internet_access", &data)
			if len(public) != 2 || len(app) != 2 {
				t.Fatalf("want two zones per tier, got public %d, app %d", len(public), len(app))
			}
			for zone, a := range public {
				a.expect(t, "public "+zone, [4]bool{true, true, true, true}, [4]string{"through igw-", "through igw-", "through igw-", "through igw-"})
			}
			for zone, a := range app {
				a.expect(t, "app "+zone, [4]bool{true, false, true, false},
					[4]string{"through nat-", "is a NAT gateway: it lets no connection in", "through eigw-", "is egress-only"})
			}
			data.expect(t, "data", [4]bool{}, [4]string{"has no route for internet addresses", "has no route", "has no route", "has no route"})
			if app["us-east-1a"].IPv4OutboundReason == app["us-east-1b"].IPv4OutboundReason {
				t.Errorf("both app zones leave through one NAT gateway: %q", app["us-east-1a"].IPv4OutboundReason)
			}

			var hops []string
			o.decode(t, "app_outbound_ipv4_hops", &hops)
			kinds := make([]string, len(hops))
			for i, h := range hops {
				kinds[i], _, _ = strings.Cut(h, " ")
			}
			want := "subnet route_table route nat_gateway subnet route_table route internet_gateway internet"
			if strings.Join(kinds, " ") != want {
				t.Errorf("app_outbound_ipv4_hops = %q, want the kinds %s", hops, want)
			}

			var ips map[string]string
			o.decode(t, "nat_public_ips", &ips)
			if len(ips) != 2 || ips["us-east-1a"] == ips["us-east-1b"] {
				t.Errorf("nat_public_ips = %v, want two different addresses", ips)
			}
			for zone, ip := range ips {
				addr, err := netip.ParseAddr(ip)
				if err != nil || !slices.ContainsFunc(documentationRanges, func(p netip.Prefix) bool { return p.Contains(addr) }) {
					t.Errorf("NAT gateway of %s has public IP %q, outside the documentation ranges", zone, ip)
				}
			}
		},
		"ipv6-egress-only": func(t *testing.T, o outputs) {
			var public, egress internetAccess
			o.decode(t, "public_internet_access", &public)
			o.decode(t, "egress_only_internet_access", &egress)
			public.expect(t, "public", [4]bool{true, true, true, true}, [4]string{"through igw-", "through igw-", "through igw-", "through igw-"})
			egress.expect(t, "egress-only", [4]bool{false, false, true, false},
				[4]string{"has no route for internet addresses", "has no route", "through eigw-", "is egress-only: it lets no connection in"})
			if o.boolean(t, "egress_only_inbound_ipv6_reachable") {
				t.Error("the network path into the egress-only subnet over IPv6 is reachable")
			}
			if b := o.str(t, "egress_only_inbound_ipv6_breaks_at"); !strings.HasPrefix(b, "eigw-") || !strings.Contains(b, "egress-only") {
				t.Errorf("egress_only_inbound_ipv6_breaks_at = %q, want the egress-only gateway", b)
			}
			block, err := netip.ParsePrefix(o.str(t, "vpc_ipv6_cidr_block"))
			if err != nil || block.Bits() != 56 || !netip.MustParsePrefix("2001:db8::/32").Contains(block.Addr()) {
				t.Errorf("vpc_ipv6_cidr_block = %q, want a /56 of 2001:db8::/32", o.str(t, "vpc_ipv6_cidr_block"))
			}
		},
		"web-app-tier": func(t *testing.T, o outputs) {
			var sources []string
			o.decode(t, "app_ingress_sources", &sources)
			if fmt.Sprint(sources) != "["+o.str(t, "web_security_group_id")+"]" {
				t.Errorf("the app tier accepts connections from %v, want only the web group %s", sources, o.str(t, "web_security_group_id"))
			}
			var aclSubnets, public []string
			o.decode(t, "public_network_acl_subnets", &aclSubnets)
			o.decode(t, "public_subnet_ids", &public)
			if len(public) != 2 || !slices.Equal(aclSubnets, public) {
				t.Errorf("the public ACL holds %v, want the public subnets %v", aclSubnets, public)
			}
		},
	}
	for name, check := range single {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			database := storetest.Location(t)
			dir := copyExample(t, name)
			check(t, env.apply(t, dir, database))
			env.destroy(t, dir, database)
			expectEmptyCloud(t, database)
		})
	}

	// Two configurations, two states, one cloud: app reads what network made.
	t.Run("shared-vpc", func(t *testing.T) {
		t.Parallel()
		database := storetest.Location(t)
		network := copyExample(t, "shared-vpc/network")
		app := copyExample(t, "shared-vpc/app")

		n := env.apply(t, network, database)
		a := env.apply(t, app, database)
		if a.str(t, "vpc_id") != n.str(t, "vpc_id") || a.str(t, "internet_gateway_id") != n.str(t, "internet_gateway_id") {
			t.Errorf("app found VPC %s and gateway %s; network made %s and %s",
				a.str(t, "vpc_id"), a.str(t, "internet_gateway_id"), n.str(t, "vpc_id"), n.str(t, "internet_gateway_id"))
		}
		if !a.boolean(t, "app_subnet_is_public") || a.boolean(t, "data_subnet_is_public") {
			t.Errorf("app subnet is_public = %v, data = %v; want true, false", a.boolean(t, "app_subnet_is_public"), a.boolean(t, "data_subnet_is_public"))
		}
		if want := "through " + n.str(t, "internet_gateway_id"); a.str(t, "app_ipv4_outbound_reason") != want {
			t.Errorf("app_ipv4_outbound_reason = %q, want %q", a.str(t, "app_ipv4_outbound_reason"), want)
		}
		// The network's plan must not see the app's subnets and association
		// on its route table as drift to undo.
		if code, out := env.terraform(t, network, database, "plan", "-detailed-exitcode", "-input=false", "-no-color"); code != 0 {
			t.Fatalf("network's plan after app's apply is not empty (exit %d):\n%s", code, out)
		}

		env.destroy(t, app, database)
		env.destroy(t, network, database)
		expectEmptyCloud(t, database)
	})
}
