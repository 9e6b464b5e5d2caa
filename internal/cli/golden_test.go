package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestGoldenOutput runs ls, show and diagram on the lab cloud of
// testdata/cloud.json and compares their output with the golden files.
func TestGoldenOutput(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	cases := []struct {
		golden string
		args   []string
	}{
		{"ls.txt", []string{"ls"}},
		{"ls.json", []string{"ls", "-o", "json"}},
		{"show-vpc.txt", []string{"show", ids["vpc"]}},
		{"show-subnet.txt", []string{"show", ids["subnet public-a"]}},
		{"show-subnet.json", []string{"show", ids["subnet public-a"], "-o", "json"}},
		{"show-route-table.txt", []string{"show", ids["rtb private-b"]}},
		{"show-main-route-table.txt", []string{"show", ids["rtb main"]}},
		{"show-association.txt", []string{"show", ids["assoc private-a"]}},
		{"show-igw.txt", []string{"show", ids["igw"]}},
		{"show-igw-detached.txt", []string{"show", ids["igw spare"]}},
		{"show-eigw.txt", []string{"show", ids["eigw"]}},
		{"show-nat.txt", []string{"show", ids["nat"]}},
		{"show-eip.txt", []string{"show", ids["eip nat"]}},
		{"show-sg.txt", []string{"show", ids["sg default"]}},
		{"show-acl.txt", []string{"show", ids["acl default"]}},
		{"diagram.mmd", []string{"diagram"}},
		{"diagram-vpc.mmd", []string{"diagram", ids["vpc"]}},
		{"diagram.dot", []string{"diagram", "--format", "dot", ids["vpc"]}},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			checkGolden(t, tc.golden, mustRun(t, location, "", tc.args...))
		})
	}
}

// TestLsShowsWhatMatters checks, beyond the golden files, the facts ls must
// get right: public and private subnets, internet access, blackholes, and
// nothing of other accounts.
func TestLsShowsWhatMatters(t *testing.T) {
	location := goldenCloud(t)
	ids := labIDs(t, location)
	out := mustRun(t, location, "", "ls")
	for _, want := range []string{
		ids["subnet public-a"] + "  10.0.1.0/24  us-east-1a  public",
		ids["subnet private-a"] + "  10.0.11.0/24  2001:db8:9e05:d500::/64  us-east-1a  private",
		"IPv6 to internet: yes, through " + ids["eigw"],
		"IPv4 to internet: yes, through " + ids["nat"],
		"BLACKHOLE",
		"internet gateways attached to no VPC",
		"security group " + ids["sg default"] + `  "default"  default`,
		"in: all traffic  from " + ids["sg default"],
		"in: * deny  all traffic  from 0.0.0.0/0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ls output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "other-account") || strings.Contains(out, "172.16.") {
		t.Errorf("ls shows another account's VPC:\n%s", out)
	}
	other := mustRun(t, location, "", "ls", "--account-id", "210987654321")
	if !strings.Contains(other, "other-account") || strings.Contains(other, ids["vpc"]) {
		t.Errorf("ls --account-id 210987654321 shows the wrong account:\n%s", other)
	}
	var w world
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "ls", "-o", "json")), &w); err != nil {
		t.Fatal(err)
	}
	if len(w.VPCs) != 1 || len(w.VPCs[0].Subnets) != 4 || len(w.Detached) != 1 || len(w.ElasticIPs) != 2 {
		t.Errorf("ls -o json: %d VPCs, %d subnets, %d detached gateways, %d elastic IPs; want 1, 4, 1, 2",
			len(w.VPCs), len(w.VPCs[0].Subnets), len(w.Detached), len(w.ElasticIPs))
	}
}

// TestDiagramSVG renders through Graphviz when it is installed, and
// otherwise fails with a message that says what is missing.
func TestDiagramSVG(t *testing.T) {
	location := goldenCloud(t)
	r := run(t, location, "", "diagram", "--format", "svg")
	if lookPathOK("dot") {
		if r.code != 0 || !strings.Contains(r.stdout, "<svg") {
			t.Errorf("diagram --format svg with dot installed: exit %d, stderr %s", r.code, r.stderr)
		}
		return
	}
	if r.code != 1 || !strings.Contains(r.stderr, "needs Graphviz's dot") {
		t.Errorf("diagram --format svg without dot: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestEmptyCloud(t *testing.T) {
	location := filepath.Join(t.TempDir(), "cloud.db")
	if out := mustRun(t, location, "", "ls"); !strings.Contains(out, "the cloud is empty") {
		t.Errorf("ls of an empty cloud: %q", out)
	}
	if out := mustRun(t, location, "", "diagram"); !strings.HasPrefix(out, "flowchart TB\n") {
		t.Errorf("diagram of an empty cloud: %q", out)
	}
}

// TestLsShowsBlocksAndDHCPOptions: a VPC's secondary blocks and its DHCP
// options set are lines of its tree, and in -o json.
func TestLsShowsBlocksAndDHCPOptions(t *testing.T) {
	location := storetest.Location(t)
	st, err := store.Open(location)
	if err != nil {
		t.Fatal(err)
	}
	c := storetest.Client(t, st)
	ctx := context.Background()
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault})
	if err != nil {
		t.Fatal(err)
	}
	block, err := c.AssociateVPCCIDRBlock(ctx, vpc.ID, "10.1.0.0/16")
	if err != nil {
		t.Fatal(err)
	}
	_ = st.Close()
	out := mustRun(t, location, "", "ls")
	for _, want := range []string{"CIDR block 10.1.0.0/16  " + block.ID, "DHCP options " + vpc.DHCPOptionsID, "10.1.0.0/16 -> local"} {
		if !strings.Contains(out, want) {
			t.Errorf("ls output lacks %q:\n%s", want, out)
		}
	}
	var w world
	if err := json.Unmarshal([]byte(mustRun(t, location, "", "ls", "-o", "json")), &w); err != nil {
		t.Fatal(err)
	}
	if v := w.VPCs[0]; len(v.CIDRBlockAssociations) != 1 || v.CIDRBlockAssociations[0].AssociationID != block.ID || v.DHCPOptionsID != vpc.DHCPOptionsID {
		t.Errorf("ls -o json: %+v", v)
	}
}
