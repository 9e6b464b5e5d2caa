package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDestroyAfterRefusedApply: after an apply the cloud refused part of,
// terraform destroy, with its refresh, removes what was made (issue 19).
// The normal plan destroy makes first proposes the refused objects again;
// their rules must not stop it, while a plain plan still fails on them.
func TestDestroyAfterRefusedApply(t *testing.T) {
	env := newExampleEnv(t)
	for name, config := range map[string]struct{ tf, code string }{
		"duplicate route": {`
resource "simcloud_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "simcloud_internet_gateway" "g" { vpc_id = simcloud_vpc.v.id }
resource "simcloud_route_table" "t" { vpc_id = simcloud_vpc.v.id }
resource "simcloud_route" "a" {
  route_table_id         = simcloud_route_table.t.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = simcloud_internet_gateway.g.id
}
resource "simcloud_route" "b" {
  route_table_id         = simcloud_route_table.t.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = simcloud_internet_gateway.g.id
}
`, "RouteAlreadyExists"},
		"subnet out of range": {`
resource "simcloud_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "simcloud_subnet" "ok" {
  vpc_id     = simcloud_vpc.v.id
  cidr_block = "10.0.1.0/24"
}
resource "simcloud_subnet" "bad" {
  vpc_id     = simcloud_vpc.v.id
  cidr_block = "10.1.0.0/24"
}
`, "InvalidSubnet.Range"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			database := filepath.Join(dir, "cloud.db")
			tf := "terraform {\n  required_providers {\n    simcloud = { source = \"simcloud/simcloud\" }\n  }\n}\n" + config.tf
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o600); err != nil {
				t.Fatal(err)
			}
			if code, out := env.terraform(t, dir, database, "apply", "-auto-approve", "-input=false", "-no-color"); code == 0 || !strings.Contains(out, config.code) {
				t.Fatalf("apply: want a %s refusal, got exit %d:\n%s", config.code, code, out)
			}
			if code, out := env.terraform(t, dir, database, "plan", "-input=false", "-no-color"); code == 0 || !strings.Contains(out, config.code) {
				t.Fatalf("plan after the refusal: want %s, got exit %d:\n%s", config.code, code, out)
			}
			env.destroy(t, dir, database)
			if code, out := env.terraform(t, dir, database, "state", "list"); code != 0 || strings.TrimSpace(out) != "" {
				t.Errorf("state after destroy (exit %d):\n%s", code, out)
			}
			expectEmptyCloud(t, database)
		})
	}
}
