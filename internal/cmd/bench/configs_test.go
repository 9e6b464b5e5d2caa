package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every configuration the benchmarks run is valid and plans at N=2 against
// the providers built from this tree (through dev_overrides, so nothing is
// installed or downloaded). Runs only where terraform is on PATH.
func TestConfigsPlan(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	if testing.Short() {
		t.Skip("builds two provider binaries")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bins := map[string]string{}
	for _, b := range []struct{ source, pkg, ldflags string }{
		{"simcloud/simcloud", ".", ""},
		{"simcloud/floorschemas", "./internal/floorprovider", ""},
	} {
		dir := filepath.Join(tmp, "bin", strings.ReplaceAll(b.source, "/", "-"))
		name := "terraform-provider-" + strings.TrimPrefix(b.source, "simcloud/")
		build := exec.Command("go", "build", "-ldflags", b.ldflags, "-o", filepath.Join(dir, name), b.pkg)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b.pkg, err, out)
		}
		bins[b.source] = dir
	}
	rc := filepath.Join(tmp, "terraform.rc")
	overrides := ""
	for source, dir := range bins {
		overrides += "    \"" + source + "\" = \"" + dir + "\"\n"
	}
	if err := os.WriteFile(rc, []byte("provider_installation {\n  dev_overrides {\n"+overrides+"  }\n  direct {}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, g := range append(append([]graph(nil), wideNetwork...), instancesNetwork...) {
		t.Run(g.Kind, func(t *testing.T) {
			dir := filepath.Join(tmp, g.Kind)
			if err := writeConfig(dir, g); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"validate", "-no-color"},
				{"plan", "-input=false", "-no-color", "-var", "n=2"},
			} {
				cmd := exec.Command(tf, args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1",
					"SIMCLOUD_DATABASE="+filepath.Join(tmp, g.Kind+".db"), "TF_LOG=", "TF_LOG_PATH=")
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("terraform %s: %v\n%s", args[0], err, out)
				}
				if args[0] == "plan" && !strings.Contains(string(out), "Plan: ") {
					t.Errorf("terraform plan planned nothing:\n%s", out)
				}
			}
		})
	}
}

// Each network's plugin floor runs simcloud's configuration word for word,
// so the two cannot drift apart.
func TestPluginFloorsRunSimcloudConfig(t *testing.T) {
	for _, net := range [][]graph{wideNetwork, instancesNetwork} {
		sim, floor := net[0].Config, net[2].Config
		if strings.Replace(sim, `source = "simcloud/simcloud"`, `source = "simcloud/floorschemas"`, 1) != floor {
			t.Errorf("%s network: the floor with simcloud's schemas runs another configuration than simcloud", networkName(net))
		}
	}
	for _, want := range []string{"simcloud_network_acl_association", "simcloud_instance", "t3.micro", "ami-0123456789abcdef0", "length(local.ports)"} {
		if !strings.Contains(instancesNetwork[0].Config, want) {
			t.Errorf("the instances network lacks %s", want)
		}
	}
}
