package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestHelp: every command, and the command itself, answers --help on
// stdout with exit status 0.
func TestHelp(t *testing.T) {
	out := mustRun(t, "", "", "--help")
	for _, c := range commands {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("simcloud --help does not list %s", c.name)
		}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			r := run(t, "", "", args...)
			if r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: simcloud "+c.name) || r.stderr != "" {
				t.Errorf("simcloud %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
			}
		}
	}
}

// TestUsageErrors: mistakes in how a command is called exit with status 2
// and say what is wrong on stderr, before touching any cloud.
func TestUsageErrors(t *testing.T) {
	location := filepath.Join(t.TempDir(), "cloud.db")
	cases := []struct {
		args []string
		want string
	}{
		{nil, "Usage: simcloud"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"ls", "extra"}, "ls takes no arguments"},
		{[]string{"ls", "-o", "yaml"}, `unknown output format "yaml"`},
		{[]string{"ls", "--nope"}, "flag provided but not defined: -nope"},
		{[]string{"show"}, "show takes one object ID"},
		{[]string{"show", "a", "b"}, "show takes one object ID"},
		{[]string{"diagram", "--format", "png"}, `unknown diagram format "png"`},
		{[]string{"diagram", "a", "b"}, "at most one VPC ID"},
		{[]string{"delete"}, "delete takes one object ID"},
		{[]string{"detach"}, "detach takes an internet gateway ID"},
		{[]string{"route"}, "route needs an action"},
		{[]string{"route", "add", "rtb-1", "0.0.0.0/0"}, `unknown route action "add"`},
		{[]string{"route", "delete", "rtb-1"}, "route delete takes a route table ID and a destination"},
		{[]string{"route", "replace", "rtb-1", "0.0.0.0/0"}, "route replace takes a route table ID, a destination block and a target ID"},
		{[]string{"revoke"}, "revoke takes one security group rule ID"},
		{[]string{"revoke", "sgr-1", "sgr-2"}, "revoke takes one security group rule ID, got 2 arguments"},
		{[]string{"associate", "subnet-1"}, "associate takes a subnet or network ACL association ID and a network ACL ID"},
		{[]string{"tag"}, "tag takes an object ID"},
		{[]string{"tag", "vpc-1"}, "at least one key=value"},
		{[]string{"tag", "vpc-1", "novalue"}, `tags are key=value, got "novalue"`},
		{[]string{"export", "file.json"}, "export takes no arguments"},
		{[]string{"import", "file.json"}, "import takes no arguments"},
		{[]string{"reset", "now"}, "reset takes no arguments"},
	}
	for _, tc := range cases {
		r := run(t, location, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("simcloud %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
}

// TestRefusals: the out-of-band changes obey the engine's rules, and bad IDs
// get AWS's errors, on stderr with exit status 1, changing nothing.
func TestRefusals(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	before := mustRun(t, location, "", "export")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"show", "bogus"}, "Error: InvalidID: The ID 'bogus' is not valid"},
		{[]string{"show", "vpc-XYZ"}, "Error: InvalidVpcID.Malformed"},
		{[]string{"show", "subnet-0123456789abcdef0"}, "Error: InvalidSubnetID.NotFound"},
		{[]string{"diagram", "subnet-0123456789abcdef0"}, "Error: InvalidVpcID.Malformed"},
		{[]string{"diagram", "vpc-0123456789abcdef0"}, "Error: InvalidVpcID.NotFound"},
		{[]string{"delete", "bogus"}, "Error: InvalidID"},
		{[]string{"delete", ids["vpc"]}, "Error: DependencyViolation: The vpc '" + ids["vpc"] + "' has dependencies and cannot be deleted."},
		{[]string{"delete", ids["subnet public-a"]}, "Error: DependencyViolation"},
		{[]string{"delete", ids["rtb main"]}, "Error: DependencyViolation"},
		{[]string{"delete", ids["rtb public"]}, "Error: DependencyViolation"},
		{[]string{"delete", ids["igw"]}, "Error: DependencyViolation"},
		{[]string{"delete", ids["eip nat"]}, "Error: InvalidIPAddress.InUse"},
		{[]string{"delete", "nat-0123456789abcdef0"}, "Error: NatGatewayNotFound"},
		{[]string{"detach", ids["igw spare"]}, "Error: Gateway.NotAttached"},
		{[]string{"detach", ids["igw"], "vpc-0123456789abcdef0"}, "Error: Gateway.NotAttached"},
		{[]string{"detach", "igw-nope"}, "Error: InvalidInternetGatewayID.Malformed"},
		{[]string{"route", "delete", ids["rtb public"], "10.0.0.0/16"}, "cannot remove local route"},
		{[]string{"route", "delete", ids["rtb public"], "192.168.0.0/16"}, "Error: InvalidRoute.NotFound"},
		{[]string{"route", "delete", ids["rtb public"], "not-a-block"}, "Error: "},
		{[]string{"route", "replace", ids["rtb public"], "0.0.0.0/0", ids["igw spare"]}, "belong to different networks"},
		{[]string{"route", "replace", ids["rtb public"], "0.0.0.0/0", "igw-0123456789abcdef0"}, "Error: InvalidGatewayID.NotFound"},
		{[]string{"revoke", "sgr-0123456789abcdef0"}, "Error: InvalidSecurityGroupRuleId.NotFound"},
		{[]string{"revoke", ids["sg default"]}, "Error: InvalidSecurityGroupRuleId.Malformed"},
		{[]string{"associate", ids["subnet public-a"], "acl-0123456789abcdef0"}, "Error: InvalidNetworkAclID.NotFound"},
		{[]string{"associate", "aclassoc-0123456789abcdef0", ids["acl default"]}, "Error: InvalidAssociationID.NotFound"},
		{[]string{"associate", ids["vpc"], ids["acl default"]}, "Error: InvalidSubnetID.Malformed"},
		{[]string{"tag", ids["vpc"], "aws:reserved=x"}, "Error: InvalidParameterValue"},
		{[]string{"tag", "vpc-0123456789abcdef0", "a=b"}, "Error: InvalidVpcID.NotFound"},
		{[]string{"show", ids["vpc"], "--account-id", "12"}, "Error: "},
		{[]string{"ls", "--region", "moon-1"}, "Error: "},
	}
	for _, tc := range cases {
		r := run(t, location, "", tc.args...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("simcloud %s: exit %d, stdout %q, stderr %q; want exit 1 and %q", strings.Join(tc.args, " "), r.code, r.stdout, r.stderr, tc.want)
		}
	}
	if r := run(t, location, "", "delete", ids["vpc"]); !strings.Contains(r.stderr, "How to fix: ") ||
		!strings.Contains(r.stderr, "Objects involved: "+ids["vpc"]) {
		t.Errorf("a refusal does not name its objects or say how to fix it: %q", r.stderr)
	}
	if after := mustRun(t, location, "", "export"); after != before {
		t.Error("refused commands changed the cloud")
	}
}

// TestChanges: each out-of-band change does what it says, as ls sees it.
func TestChanges(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	steps := []struct {
		args     []string
		lsHas    string
		lsHasNot string
		showID   string
		showHas  string
	}{
		{args: []string{"tag", ids["vpc"], "env=drill", "Name=renamed"}, lsHas: `"renamed"`},
		{args: []string{"tag", ids["vpc"], "-remove", "env"}, showID: ids["vpc"], showHas: `"renamed"`},
		{args: []string{"route", "replace", ids["rtb private-b"], "0.0.0.0/0", ids["nat"]}, lsHasNot: "BLACKHOLE"},
		{args: []string{"route", "delete", ids["rtb private-a"], "::/0"}, lsHasNot: "::/0 -> " + ids["eigw"]},
		{args: []string{"detach", ids["igw"]}, lsHas: "0.0.0.0/0 -> " + ids["igw"] + "  BLACKHOLE"},
		{args: []string{"delete", ids["assoc private-a"]}, showID: ids["subnet private-a"], showHas: "serves it as the VPC's main route table"},
		{args: []string{"delete", ids["eip spare"]}, lsHasNot: ids["eip spare"]},
		{args: []string{"delete", ids["igw spare"]}, lsHasNot: ids["igw spare"]},
		{args: []string{"delete", ids["eigw"]}, lsHasNot: "egress-only internet gateway " + ids["eigw"]},
	}
	for _, s := range steps {
		mustRun(t, location, "", s.args...)
		ls := mustRun(t, location, "", "ls")
		if s.lsHas != "" && !strings.Contains(ls, s.lsHas) {
			t.Errorf("after simcloud %s, ls lacks %q:\n%s", strings.Join(s.args, " "), s.lsHas, ls)
		}
		if s.lsHasNot != "" && strings.Contains(ls, s.lsHasNot) {
			t.Errorf("after simcloud %s, ls still has %q:\n%s", strings.Join(s.args, " "), s.lsHasNot, ls)
		}
		if s.showID != "" {
			if out := mustRun(t, location, "", "show", s.showID); !strings.Contains(out, s.showHas) {
				t.Errorf("after simcloud %s, show %s lacks %q:\n%s", strings.Join(s.args, " "), s.showID, s.showHas, out)
			}
		}
	}
	if out := mustRun(t, location, "", "show", ids["vpc"], "-o", "json"); strings.Contains(out, "drill") {
		t.Errorf("tag -remove env left the tag:\n%s", out)
	}
}

// TestRevokeAndAssociate: revoke takes one rule out of a group, associate
// moves a subnet, named either way, to another network ACL, and show warns
// of what the engine advises on, until it is fixed.
func TestRevokeAndAssociate(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	var group cloud.SecurityGroup
	var acl cloud.NetworkACL
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		ssh := cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv4: "0.0.0.0/0"}
		var err error
		if group, err = c.CreateSecurityGroup(ctx, cloud.SecurityGroupInput{VPCID: ids["vpc"], GroupName: "admin", Description: "admin",
			ManageIngress: true, Ingress: []cloud.SecurityGroupRule{ssh}}); err != nil {
			t.Fatal(err)
		}
		https := cloud.NetworkACLEntrySpec{RuleNumber: 100, Protocol: "tcp", RuleAction: "allow", CIDRBlock: "0.0.0.0/0", FromPort: ptr(443), ToPort: ptr(443)}
		if acl, err = c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: ids["vpc"], ManageIngress: true, Entries: []cloud.NetworkACLEntrySpec{https},
			ManageSubnets: true, SubnetIDs: []string{ids["subnet private-a"]}}); err != nil {
			t.Fatal(err)
		}
	})
	var ssh string
	for _, r := range group.Rules {
		if !r.Egress {
			ssh = r.ID
		}
	}
	if out := mustRun(t, location, "", "show", group.ID); !strings.Contains(out, "warning: SSH open to the whole internet (AdminPortOpenToInternet)\n  Inbound rule "+ssh) ||
		!strings.Contains(out, "How to fix: Restrict the rule's source") {
		t.Errorf("show of a group with SSH open to the internet does not warn:\n%s", out)
	}
	var shownACL shown
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "show", acl.ID, "-o", "json")), &shownACL); err != nil {
		t.Fatal(err)
	}
	if len(shownACL.Advice) != 1 || shownACL.Advice[0].Code != cloud.AdviceNetworkACLDropsReplies || shownACL.Advice[0].Field != "egress" {
		t.Errorf("show -o json of an ACL that drops replies: advice %+v", shownACL.Advice)
	}

	out := mustRun(t, location, "", "revoke", ssh)
	if want := "Revoked inbound rule " + ssh + " of " + group.ID + " (peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW).\n"; out != want {
		t.Errorf("revoke said %q, want %q", out, want)
	}
	if out := mustRun(t, location, "", "show", group.ID); strings.Contains(out, ssh) || strings.Contains(out, "warning") {
		t.Errorf("after the revoke, show still has the rule or its warning:\n%s", out)
	}
	if r := run(t, location, "", "revoke", ssh); r.code != 1 || !strings.Contains(r.stderr, "InvalidSecurityGroupRuleId.NotFound") {
		t.Errorf("revoking the rule again: exit %d, %s", r.code, r.stderr)
	}

	// By the association's ID, as AWS's ReplaceNetworkAclAssociation, then
	// back by the subnet's.
	association := acl.Associations[0].ID
	out = mustRun(t, location, "", "associate", association, ids["acl default"])
	if !strings.HasPrefix(out, "Associated "+ids["subnet private-a"]+" with "+ids["acl default"]+" (aclassoc-") || strings.Contains(out, association) {
		t.Errorf("associate by association ID said %q", out)
	}
	if out := mustRun(t, location, "", "show", acl.ID); strings.Contains(out, ids["subnet private-a"]) {
		t.Errorf("after the association was replaced, the ACL still has the subnet:\n%s", out)
	}
	mustRun(t, location, "", "associate", ids["subnet private-a"], acl.ID)
	if out := mustRun(t, location, "", "show", acl.ID); !strings.Contains(out, "subnet "+ids["subnet private-a"]+": associated with the ACL") {
		t.Errorf("associate by subnet ID did not move the subnet back:\n%s", out)
	}
}

func ptr[T any](v T) *T { return &v }

// TestExportImportRoundTrip: a cloud exported from SQLite, imported into
// the store under test (PostgreSQL when SIMCLOUD_TEST_POSTGRES is set) and
// exported again gives byte-identical JSON; importing into a cloud that is
// not empty is refused.
func TestExportImportRoundTrip(t *testing.T) {
	sqlite := filepath.Join(t.TempDir(), "cloud.db")
	data, err := os.ReadFile(filepath.Join("testdata", "cloud.json"))
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, sqlite, string(data), "import")
	first := mustRun(t, sqlite, "", "export")
	if first != string(data) {
		t.Error("export after import differs from the imported file")
	}

	other := storetest.Location(t)
	mustRun(t, other, first, "import")
	second := mustRun(t, other, "", "export")
	if second != first {
		t.Errorf("the round trip through %s changed the export", map[bool]string{true: "PostgreSQL", false: "SQLite"}[storetest.Postgres()])
	}
	if mustRun(t, other, "", "ls") != mustRun(t, sqlite, "", "ls") {
		t.Error("ls differs between the original and the imported cloud")
	}

	r := run(t, other, first, "import")
	if r.code != 1 || !strings.Contains(r.stderr, "not empty") {
		t.Errorf("import into a full cloud: exit %d, stderr %q", r.code, r.stderr)
	}
	for input, want := range map[string]string{
		"":                           "reading the export",
		"{not json":                  "reading the export",
		`{"format":"x","version":1}`: "not a simcloud export",
		`{"format":"simcloud-cloud","version":1}{}`: "more than one JSON document",
	} {
		r := run(t, filepath.Join(t.TempDir(), "cloud.db"), input, "import")
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("import of %q: exit %d, stderr %q; want %q", input, r.code, r.stderr, want)
		}
	}
	var snap map[string]any
	if err := json.Unmarshal([]byte(first), &snap); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
}

// TestReset: reset asks, does nothing unless told yes, and empties every
// account and region.
func TestReset(t *testing.T) {
	location := goldenCloud(t)
	full := mustRun(t, location, "", "export")
	for _, answer := range []string{"", "n\n", "no\n", "maybe\n"} {
		r := run(t, location, answer, "reset")
		if r.code != 0 || !strings.Contains(r.stderr, "[y/N]") || !strings.Contains(r.stderr, "Nothing deleted") {
			t.Errorf("reset answered %q: exit %d, stderr %q", answer, r.code, r.stderr)
		}
	}
	if mustRun(t, location, "", "export") != full {
		t.Fatal("reset without a yes changed the cloud")
	}
	mustRun(t, location, "y\n", "reset")
	assertEmpty(t, location)

	mustRun(t, location, full, "import")
	r := run(t, location, "", "reset", "--yes")
	if r.code != 0 || strings.Contains(r.stderr, "[y/N]") {
		t.Errorf("reset --yes: exit %d, stderr %q", r.code, r.stderr)
	}
	assertEmpty(t, location)
}

func assertEmpty(t *testing.T, location string) {
	t.Helper()
	var snap struct {
		Tables map[string][]any `json:"tables"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "export")), &snap); err != nil {
		t.Fatal(err)
	}
	for name, rows := range snap.Tables {
		if len(rows) > 0 {
			t.Errorf("after reset, %s has %d rows", name, len(rows))
		}
	}
}

// TestConfigurationFromEnvironment: with no flags the command finds the
// cloud and region where the provider would, from the same variables.
func TestConfigurationFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	location := filepath.Join(dir, "env.db")
	data, err := os.ReadFile(filepath.Join("testdata", "cloud.json"))
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, location, string(data), "import")
	ids := labIDs(t, location)
	env := map[string]string{"SIMCLOUD_DATABASE": location, "HOME": dir}
	runEnv := func(args ...string) result {
		var stdout, stderr strings.Builder
		code := Run(args, IO{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
		return result{stdout.String(), stderr.String(), code}
	}
	if r := runEnv("ls"); r.code != 0 || !strings.Contains(r.stdout, ids["vpc"]) {
		t.Errorf("ls with SIMCLOUD_DATABASE: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	env["SIMCLOUD_REGION"] = "eu-west-1"
	if r := runEnv("ls"); r.code != 0 || !strings.Contains(r.stdout, "region eu-west-1") || strings.Contains(r.stdout, ids["vpc"]) {
		t.Errorf("ls with SIMCLOUD_REGION=eu-west-1: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	if r := runEnv("--region", "us-east-1", "ls"); r.code != 0 || !strings.Contains(r.stdout, ids["vpc"]) {
		t.Errorf("--region before the command does not win over SIMCLOUD_REGION: %s%s", r.stdout, r.stderr)
	}
	delete(env, "SIMCLOUD_DATABASE")
	env["XDG_DATA_HOME"] = dir
	if r := runEnv("ls"); r.code != 0 {
		t.Errorf("ls with the XDG default: exit %d, %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "simcloud", "cloud.db")); err != nil {
		t.Errorf("the XDG default location was not used: %v", err)
	}
}

func TestWanted(t *testing.T) {
	none := func(string) string { return "" }
	cookie := func(k string) string {
		if k == "TF_PLUGIN_MAGIC_COOKIE" {
			return "x"
		}
		return ""
	}
	cases := []struct {
		args   []string
		getenv func(string) string
		want   bool
	}{
		{[]string{"/usr/bin/simcloud"}, none, true},
		{[]string{"/go/bin/simcloud", "ls"}, none, true},
		{[]string{"./terraform-provider-simcloud", "ls"}, none, true},
		{[]string{"./terraform-provider-simcloud", "--help"}, none, true},
		{[]string{"./terraform-provider-simcloud"}, none, false},
		{[]string{"./terraform-provider-simcloud", "-debug"}, none, false},
		{[]string{"./terraform-provider-simcloud", "bogus"}, none, false},
		{[]string{"/plugins/terraform-provider-simcloud_v0.1.0"}, cookie, false},
		{[]string{"/x/simcloud", "ls"}, cookie, true},
		{[]string{"./terraform-provider-simcloud", "ls"}, cookie, false},
	}
	for _, tc := range cases {
		if got := Wanted(tc.args, tc.getenv); got != tc.want {
			t.Errorf("Wanted(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestVPNGatewayInLs: an attached virtual private gateway is listed under its
// VPC and drawn in its picture, and show finds it, through the registry,
// with the VPC it serves.
func TestVPNGatewayInLs(t *testing.T) {
	location := storetest.Location(t)
	var vgwID string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault})
		if err != nil {
			t.Fatal(err)
		}
		g, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: vpc.ID, Tags: map[string]string{"Name": "office"}})
		if err != nil {
			t.Fatal(err)
		}
		vgwID = g.ID
	})
	if ls := mustRun(t, location, "", "ls"); !strings.Contains(ls, "virtual private gateway "+vgwID+`  "office"`) {
		t.Errorf("ls lacks the virtual private gateway:\n%s", ls)
	}
	if diagram := mustRun(t, location, "", "diagram"); !strings.Contains(diagram, "virtual private gateway") {
		t.Errorf("diagram lacks the virtual private gateway:\n%s", diagram)
	}
	if show := mustRun(t, location, "", "show", vgwID); !strings.Contains(show, "vpc-") {
		t.Errorf("show lacks the gateway's VPC:\n%s", show)
	}
	// Attached, it cannot be deleted, as AWS refuses.
	if r := run(t, location, "", "delete", vgwID); r.code != 1 || !strings.Contains(r.stderr, "IncorrectState") {
		t.Errorf("delete of an attached gateway: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestPrefixListInLs: a customer-managed prefix list, in no VPC, is listed
// with its entries, shown and deleted by its ID.
func TestPrefixListInLs(t *testing.T) {
	location := storetest.Location(t)
	var id string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		l, err := c.CreateManagedPrefixList(context.Background(), cloud.ManagedPrefixListInput{Name: "offices", AddressFamily: cloud.PrefixListIPv4, MaxEntries: 3,
			Entries: []cloud.PrefixListEntry{{CIDR: "10.20.0.0/16", Description: "Paris"}}})
		if err != nil {
			t.Fatal(err)
		}
		id = l.ID
	})
	if ls := mustRun(t, location, "", "ls"); !strings.Contains(ls, "prefix list "+id+`  "offices"  IPv4  version 1, 1 of 3 entries`) || !strings.Contains(ls, "10.20.0.0/16") {
		t.Errorf("ls lacks the prefix list:\n%s", ls)
	}
	if show := mustRun(t, location, "", "show", id); !strings.Contains(show, "10.20.0.0/16") {
		t.Errorf("show lacks the list's entries:\n%s", show)
	}
	mustRun(t, location, "", "delete", id)
	if ls := mustRun(t, location, "", "ls"); strings.Contains(ls, id) {
		t.Errorf("the deleted list is still listed:\n%s", ls)
	}
}

// TestKeyPairInLs: an imported key pair, in no VPC, is listed with its
// name, type and fingerprint, shown and deleted by its ID.
func TestKeyPairInLs(t *testing.T) {
	location := storetest.Location(t)
	var id string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		k, err := c.ImportKeyPair(context.Background(), cloud.KeyPairInput{Name: "deployer",
			PublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"})
		if err != nil {
			t.Fatal(err)
		}
		id = k.ID
	})
	if ls := mustRun(t, location, "", "ls"); !strings.Contains(ls, "key pair "+id+`  "deployer"  ed25519  OPROdUHnE0hEiMKoEOxA50mwgawQqqPpd333Tam7wgQ=`) {
		t.Errorf("ls lacks the key pair:\n%s", ls)
	}
	if show := mustRun(t, location, "", "show", id); !strings.Contains(show, "deployer") {
		t.Errorf("show lacks the key pair's name:\n%s", show)
	}
	mustRun(t, location, "", "delete", id)
	if ls := mustRun(t, location, "", "ls"); strings.Contains(ls, id) {
		t.Errorf("the deleted key pair is still listed:\n%s", ls)
	}
}

// TestPeeringInLs: a peering connection is listed under both of its VPCs,
// shown and deleted by its ID.
func TestPeeringInLs(t *testing.T) {
	location := storetest.Location(t)
	var id, a, b string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		first, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault})
		if err != nil {
			t.Fatal(err)
		}
		second, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.1.0.0/16", InstanceTenancy: cloud.TenancyDefault})
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.CreateVPCPeering(ctx, cloud.VPCPeeringInput{VPCID: first.ID, PeerVPCID: second.ID, AutoAccept: true})
		if err != nil {
			t.Fatal(err)
		}
		id, a, b = p.ID, first.ID, second.ID
	})
	ls := mustRun(t, location, "", "ls")
	for _, want := range []string{"peering connection " + id + "  with " + b + " of " + cloud.DefaultAccountID, "peering connection " + id + "  with " + a} {
		if !strings.Contains(ls, want) {
			t.Errorf("ls lacks %q:\n%s", want, ls)
		}
	}
	if show := mustRun(t, location, "", "show", id); !strings.Contains(show, b) {
		t.Errorf("show lacks the peer VPC:\n%s", show)
	}
	mustRun(t, location, "", "delete", id)
	if ls := mustRun(t, location, "", "ls"); strings.Contains(ls, id) {
		t.Errorf("the deleted connection is still listed:\n%s", ls)
	}
}
