// Package e2e runs the provider binary as Terraform runs it, as a process of
// its own, for what only a real process can show.
package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

const network = `
terraform {
  required_providers {
    simcloud = { source = "simcloud/simcloud" }
  }
}

variable "database" { type = string }
variable "subnets" { type = number }

provider "simcloud" {
  database = var.database
}

resource "simcloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_subnet" "s" {
  count      = var.subnets
  vpc_id     = simcloud_vpc.main.id
  cidr_block = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)
}

resource "simcloud_route_table_association" "s" {
  count          = var.subnets
  subnet_id      = simcloud_subnet.s[count.index].id
  route_table_id = simcloud_route_table.public.id
}
`

// TestCrashSafety kills the provider process (SIGKILL) in the middle of
// applies, at random points: the database stays intact, every invariant of
// the cloud holds, and the next apply converges to exactly what the
// configuration says, with nothing half-made left over.
func TestCrashSafety(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("crash safety is SQLite's file surviving a killed writer; PostgreSQL is a server of its own")
	}
	tf := terraformBinary(t)
	dir := t.TempDir()
	binary := buildProvider(t, dir)
	database := filepath.Join(dir, "cloud.db")
	// Made up front, so that every kill lands on a cloud with its tables:
	// a kill during the very first migration leaves an empty file, which
	// the next run migrates as if new.
	prepared, err := store.Open(database)
	if err != nil {
		t.Fatal(err)
	}
	_ = prepared.Close()
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(network), 0o600); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(dir, "terraformrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"simcloud/simcloud\" = %q\n  }\n  direct {}\n}\n", filepath.Dir(binary))
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(ctx context.Context, args ...string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, tf, args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
			"TF_VAR_database="+database)
		return cmd
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	const rounds = 10
	killed := 0
	for round := range rounds {
		subnets := []int{24, 6}[round%2]
		vars := "-var=subnets=" + strconv.Itoa(subnets)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		apply := run(ctx, "apply", "-auto-approve", "-input=false", "-no-color", vars)
		output := &strings.Builder{}
		apply.Stdout, apply.Stderr = output, output
		if err := apply.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { _ = apply.Wait(); close(done) }()
		// Terraform starts a provider process for each walk, and on a busy
		// machine it may not have one running at the chosen moment: from
		// then on, the first provider seen running is killed.
		delay := time.Duration(100+rng.IntN(700)) * time.Millisecond
		time.Sleep(delay)
	hunt:
		for {
			if killProvider(binary) {
				killed++
				break
			}
			select {
			case <-done:
				break hunt
			case <-time.After(5 * time.Millisecond):
			}
		}
		<-done
		cancel()

		if problem, err := storetest.IntegrityCheck(database); err != nil || problem != "" {
			t.Fatalf("round %d: integrity check after the kill: %q %v", round, problem, err)
		}
		if broken, err := storetest.Invariants(database); err != nil || len(broken) > 0 {
			t.Fatalf("round %d: invariants after the kill: %v %v", round, broken, err)
		}
		// The next apply converges, and a plan after it is empty.
		if out, err := run(context.Background(), "apply", "-auto-approve", "-input=false", "-no-color", vars).CombinedOutput(); err != nil {
			t.Fatalf("round %d (killed after %v): the apply after the kill failed: %v\n%s\nkilled apply:\n%s", round, delay, err, out, output)
		}
		plan := run(context.Background(), "plan", "-detailed-exitcode", "-input=false", "-no-color", vars)
		if out, err := plan.CombinedOutput(); err != nil {
			t.Fatalf("round %d: the plan after converging is not empty: %v\n%s", round, err, out)
		}
		expectCloud(t, database, subnets)
	}
	t.Logf("killed the provider in %d of %d applies", killed, rounds)
	if killed == 0 {
		t.Fatal("the provider was never caught running: the test proved nothing")
	}
}

// expectCloud checks that the cloud holds exactly the network of the
// configuration: anything more was made by an apply that did not record it.
func expectCloud(t *testing.T, database string, subnets int) {
	t.Helper()
	c, closeCloud := defaultClient(t, database)
	defer closeCloud()
	ctx := context.Background()
	vpcs, _ := c.FindVPCs(ctx, cloud.VPCFilter{})
	found, _ := c.FindSubnets(ctx, cloud.SubnetFilter{})
	igws, _ := c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{})
	tables, _ := c.FindRouteTables(ctx, cloud.RouteTableFilter{})
	if len(vpcs) != 1 || len(found) != subnets || len(igws) != 1 || len(tables) != 2 {
		t.Fatalf("the cloud holds %d VPCs, %d subnets, %d gateways, %d tables; want 1, %d, 1, 2", len(vpcs), len(found), len(igws), len(tables), subnets)
	}
	for _, s := range found {
		if !s.IsPublic {
			t.Errorf("subnet %s lost its association", s.ID)
		}
	}
}

// killProvider sends SIGKILL to every running process of binary, and
// reports whether there was one.
func killProvider(binary string) bool {
	entries, _ := os.ReadDir("/proc")
	killed := false
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err == nil && exe == binary {
			if syscall.Kill(pid, syscall.SIGKILL) == nil {
				killed = true
			}
		}
	}
	return killed
}

func terraformBinary(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("TF_ACC_TERRAFORM_PATH"); path != "" {
		return path
	}
	path, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal("no terraform binary: set TF_ACC_TERRAFORM_PATH or put terraform on PATH (make test does)")
	}
	return path
}

// buildProvider builds the provider binary into dir.
func buildProvider(t *testing.T, dir string) string {
	t.Helper()
	binary := filepath.Join(dir, "bin", "terraform-provider-simcloud")
	cmd := exec.Command("go", "build", "-o", binary, ".")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}
	abs, err := filepath.Abs(binary)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// defaultClient opens the cloud at database, in the default account and
// region where the tests' configurations work; closeCloud closes it, so
// that no connection stays open while Terraform runs next.
func defaultClient(t *testing.T, database string) (c *cloud.Client, closeCloud func()) {
	t.Helper()
	st, err := store.Open(database)
	if err != nil {
		t.Fatal(err)
	}
	c, err = cloud.NewClient(st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}, nil)
	if err != nil {
		_ = st.Close()
		t.Fatal(err)
	}
	return c, func() { _ = st.Close() }
}
