package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/e2e/tfconfig"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// driftConfig is a small network whose every object the drift tests change
// behind Terraform's back.
var driftConfig = tfconfig.Config(nil,
	tfconfig.Resource("simcloud_vpc", "main", `cidr_block = "10.0.0.0/16"`, "assign_generated_ipv6_cidr_block = true", `tags = { Name = "drill" }`),
	tfconfig.Resource("simcloud_internet_gateway", "main", tfconfig.VPCID),
	tfconfig.Resource("simcloud_egress_only_internet_gateway", "main", tfconfig.VPCID),
	tfconfig.Resource("simcloud_subnet", "public", tfconfig.VPCID, `cidr_block = "10.0.1.0/24"`),
	tfconfig.Resource("simcloud_subnet", "spare", tfconfig.VPCID, `cidr_block = "10.0.2.0/24"`),
	tfconfig.Resource("simcloud_route_table", "public", tfconfig.VPCID,
		tfconfig.Block("route", nil, `cidr_block = "0.0.0.0/0"`, "gateway_id = simcloud_internet_gateway.main.id"),
		tfconfig.Block("route", nil, `ipv6_cidr_block = "::/0"`, "egress_only_gateway_id = simcloud_egress_only_internet_gateway.main.id")),
	tfconfig.Resource("simcloud_route_table_association", "public",
		"subnet_id = simcloud_subnet.public.id", "route_table_id = simcloud_route_table.public.id"),
	tfconfig.Resource("simcloud_security_group", "web", tfconfig.VPCID, `name = "web"`,
		tfconfig.Block("ingress", nil, "from_port = 443", "to_port = 443", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`)),
	tfconfig.Resource("simcloud_network_acl", "web", tfconfig.VPCID),
	tfconfig.Resource("simcloud_network_acl_association", "web",
		"network_acl_id = simcloud_network_acl.web.id", "subnet_id = simcloud_subnet.public.id"),
	tfconfig.Block("output", []string{"ids"}, `value = join(" ", [simcloud_vpc.main.id, simcloud_internet_gateway.main.id, simcloud_egress_only_internet_gateway.main.id,
  simcloud_subnet.spare.id, simcloud_route_table.public.id, simcloud_route_table_association.public.id,
  simcloud_security_group.web.id, simcloud_vpc.main.default_network_acl_id, simcloud_network_acl_association.web.id])`),
)

// TestDrift applies a configuration with the real terraform and the built
// binary, then makes each out-of-band change with the simcloud command (the
// same binary, called as simcloud): terraform plan must then show the
// drift, and apply must repair it.
func TestDrift(t *testing.T) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform binary: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (make test does)")
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-simcloud"), ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}
	// As make install does: the command is a link to the provider binary.
	simcloud := filepath.Join(bin, "simcloud")
	if err := os.Symlink("terraform-provider-simcloud", simcloud); err != nil {
		t.Fatal(err)
	}
	database := storetest.Location(t)
	work := filepath.Join(dir, "work")
	cliConfig := filepath.Join(dir, "terraformrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"simcloud/simcloud\" = %q\n  }\n  direct {}\n}\n", bin)
	for path, content := range map[string]string{filepath.Join(work, "main.tf"): driftConfig, cliConfig: overrides} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	terraform := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(tf, args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
			"TF_VAR_database="+database)
		out, err := cmd.CombinedOutput()
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	apply := func() {
		t.Helper()
		if out, code := terraform("apply", "-auto-approve", "-input=false", "-no-color"); code != 0 {
			t.Fatalf("terraform apply: exit %d\n%s", code, out)
		}
		if out, code := terraform("plan", "-detailed-exitcode", "-input=false", "-no-color"); code != 0 {
			t.Fatalf("terraform plan right after apply: exit %d, want 0 (no changes)\n%s", code, out)
		}
	}
	apply()
	out, code := terraform("output", "-raw", "ids")
	if code != 0 {
		t.Fatalf("terraform output: %s", out)
	}
	ids := strings.Fields(out)
	if len(ids) != 9 {
		t.Fatalf("terraform output ids = %q", out)
	}
	vpc, igw, eigw, spare, table, assoc := ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]
	group, defaultACL, aclAssoc := ids[6], ids[7], ids[8]
	var shownGroup struct {
		Object securityGroupView `json:"object"`
	}
	if out, err := exec.Command(simcloud, "--database", database, "show", group, "-o", "json").Output(); err != nil || json.Unmarshal(out, &shownGroup) != nil ||
		len(shownGroup.Object.Ingress) != 1 {
		t.Fatalf("show %s: %v\n%s", group, err, out)
	}
	https := shownGroup.Object.Ingress[0].ID

	steps := []struct {
		name string
		args []string
		// plan must match every one of these.
		plan []string
	}{
		{"delete subnet", []string{"delete", spare}, []string{`simcloud_subnet\.spare will be created`}},
		{"delete association", []string{"delete", assoc}, []string{`simcloud_route_table_association\.public will be created`}},
		{"tag", []string{"tag", vpc, "Name=renamed", "owner=console"}, []string{`simcloud_vpc\.main will be updated in-place`, `"Name"\s+= "renamed" -> "drill"`, `- "owner"\s+= "console"`}},
		{"route delete", []string{"route", "delete", table, "0.0.0.0/0"}, []string{`simcloud_route_table\.public will be updated in-place`, `\+ cidr_block\s+= "0\.0\.0\.0/0"`}},
		{"route replace", []string{"route", "replace", table, "::/0", igw}, []string{`simcloud_route_table\.public will be updated in-place`, `gateway_id\s+= "` + igw + `"`}},
		{"detach", []string{"detach", igw}, []string{`simcloud_internet_gateway\.main will be updated in-place`, `\+ vpc_id\s+= "` + vpc + `"`}},
		{"revoke", []string{"revoke", https}, []string{`simcloud_security_group\.web will be updated in-place`, `\+ from_port\s+= 443`}},
		{"associate", []string{"associate", aclAssoc, defaultACL}, []string{`simcloud_network_acl_association\.web will be created`}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			cmd := exec.Command(simcloud, append([]string{"--database", database}, s.args...)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("simcloud %s: %v\n%s", strings.Join(s.args, " "), err, out)
			}
			out, code := terraform("plan", "-detailed-exitcode", "-input=false", "-no-color")
			if code != 2 {
				t.Fatalf("terraform plan after simcloud %s: exit %d, want 2 (changes)\n%s", strings.Join(s.args, " "), code, out)
			}
			for _, want := range s.plan {
				if !regexp.MustCompile(want).MatchString(out) {
					t.Errorf("terraform plan after simcloud %s does not match %s:\n%s", strings.Join(s.args, " "), want, out)
				}
			}
			apply()
		})
	}
	// The egress-only gateway's route was replaced, not the gateway: it is
	// still there for the restored route.
	if out, err := exec.Command(simcloud, "--database", database, "show", eigw).CombinedOutput(); err != nil || !strings.Contains(string(out), "route ::/0 (active)") {
		t.Errorf("after the drift was repaired, show %s: %v\n%s", eigw, err, out)
	}
}
