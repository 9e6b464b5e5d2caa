// Package e2e runs the provider binary as Terraform runs it, as a process of
// its own, for what only a real process can show.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
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
	"github.com/simcloud/terraform-provider-simcloud/internal/e2e/tfconfig"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// network is a VPC with an internet gateway and a table routing to it, and
// var.subnets subnets associated with that table.
var network = tfconfig.Config([]string{"subnets"},
	tfconfig.Resource("simcloud_vpc", "main", `cidr_block = "10.0.0.0/16"`),
	tfconfig.Resource("simcloud_internet_gateway", "main", tfconfig.VPCID),
	tfconfig.Resource("simcloud_route_table", "public", tfconfig.VPCID,
		tfconfig.Block("route", nil, `cidr_block = "0.0.0.0/0"`, "gateway_id = simcloud_internet_gateway.main.id")),
	tfconfig.Resource("simcloud_subnet", "s", "count = var.subnets", tfconfig.VPCID,
		"cidr_block = cidrsubnet(simcloud_vpc.main.cidr_block, 8, count.index)"),
	tfconfig.Resource("simcloud_route_table_association", "s", "count = var.subnets",
		"subnet_id = simcloud_subnet.s[count.index].id", "route_table_id = simcloud_route_table.public.id"),
)

// TestCrashSafety kills the provider process (SIGKILL) in the middle of
// applies, at random points: the database stays intact and every invariant
// of the cloud holds. A kill that lands after the cloud committed a create
// and before Terraform stored its ID leaves an orphan, as on AWS; the one
// documented step back is simcloud orphans. So after each kill exactly one
// of two outcomes is allowed:
//
//	(a) simcloud orphans lists nothing, and the next apply converges;
//	(b) it lists orphans, --delete removes them all, and then the next
//	    apply converges.
//
// Either way the plan after that apply is empty and the cloud holds exactly
// what the configuration says. orphans runs after every kill, not only when
// an apply fails: an orphaned VPC or route table breaks no apply, only the
// cloud's shape.
func TestCrashSafety(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("crash safety is SQLite's file surviving a killed writer; PostgreSQL is a server of its own")
	}
	tf := terraformBinary(t)
	dir := t.TempDir()
	binary := buildProvider(t, dir)
	// As make install does: the command is the provider binary under the
	// name simcloud.
	simcloud := filepath.Join(dir, "simcloud")
	if err := os.Symlink(binary, simcloud); err != nil {
		t.Fatal(err)
	}
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
	orphans := &orphanFinder{simcloud: simcloud, database: database, state: filepath.Join(work, "terraform.tfstate"),
		show: func() ([]byte, error) { return run(context.Background(), "show", "-json", "-no-color").Output() }}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	const rounds = 10
	killed := 0
	var clean, recovered int
	kinds := map[string]int{}
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
		caught := false
	hunt:
		for {
			if killProvider(binary) {
				killed++
				caught = true
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
		found := orphans.list(t, round)
		outcome := "a (no orphans)"
		if len(found) == 0 {
			clean++
		} else {
			recovered++
			for _, o := range found {
				kinds[o.Type]++
			}
			outcome = "b (orphans: " + describeOrphans(found) + ")"
			if out, code := orphans.delete(t, round); code != 0 {
				t.Fatalf("round %d (killed after %v): simcloud orphans --delete: exit %d\n%s\nkilled apply:\n%s", round, delay, code, out, output)
			}
			if left := orphans.list(t, round); len(left) > 0 {
				t.Fatalf("round %d: orphans left after --delete: %s", round, describeOrphans(left))
			}
		}
		t.Logf("round %d: killed %v after %v; outcome %s", round, caught, delay, outcome)
		// The next apply converges, and a plan after it is empty.
		if out, err := run(context.Background(), "apply", "-auto-approve", "-input=false", "-no-color", vars).CombinedOutput(); err != nil {
			t.Fatalf("round %d (killed after %v, outcome %s): the apply after the kill failed: %v\n%s\nkilled apply:\n%s", round, delay, outcome, err, out, output)
		}
		plan := run(context.Background(), "plan", "-detailed-exitcode", "-input=false", "-no-color", vars)
		if out, err := plan.CombinedOutput(); err != nil {
			t.Fatalf("round %d (outcome %s): the plan after converging is not empty: %v\n%s", round, outcome, err, out)
		}
		expectCloud(t, database, subnets)
	}
	t.Logf("killed the provider in %d of %d applies", killed, rounds)
	t.Logf("outcomes: a (no orphans) %d, b (orphans deleted) %d; orphans by type: %v", clean, recovered, kinds)
	if killed == 0 {
		t.Fatal("the provider was never caught running: the test proved nothing")
	}
}

// orphanFinder runs the simcloud command's orphans against the working
// folder's state, as a user recovering from an interrupted apply would.
type orphanFinder struct {
	simcloud, database, state string
	// show runs terraform show -json in the working folder.
	show func() ([]byte, error)
}

type foundOrphan struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// delete runs simcloud orphans --delete on the state, and returns its
// combined output and exit status.
func (f *orphanFinder) delete(t *testing.T, round int) (string, int) {
	t.Helper()
	stdin, state := f.input(t, round)
	cmd := exec.Command(f.simcloud, "--database", f.database, "orphans", "--delete", state)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); ok {
		return string(out), exit.ExitCode()
	} else if err != nil {
		return err.Error(), -1
	}
	return string(out), 0
}

// list returns the orphans that the state file leaves, and checks that
// terraform show -json, piped in, gives the same list. A kill before the
// first apply wrote anything leaves no state file; terraform show -json
// then stands for the empty state.
func (f *orphanFinder) list(t *testing.T, round int) []foundOrphan {
	t.Helper()
	shown, err := f.show()
	if err != nil {
		t.Fatalf("round %d: terraform show -json: %v", round, err)
	}
	fromShow := f.decode(t, round, string(shown), "-")
	if _, err := os.Stat(f.state); errors.Is(err, os.ErrNotExist) {
		return fromShow
	}
	fromFile := f.decode(t, round, "", f.state)
	if describeOrphans(fromFile) != describeOrphans(fromShow) {
		t.Fatalf("round %d: simcloud orphans lists %s from the state file but %s from terraform show -json",
			round, describeOrphans(fromFile), describeOrphans(fromShow))
	}
	return fromFile
}

// input is the state argument for simcloud orphans, and its standard
// input: the state file, or terraform show -json on - where there is none.
func (f *orphanFinder) input(t *testing.T, round int) (stdin, state string) {
	t.Helper()
	if _, err := os.Stat(f.state); !errors.Is(err, os.ErrNotExist) {
		return "", f.state
	}
	shown, err := f.show()
	if err != nil {
		t.Fatalf("round %d: terraform show -json: %v", round, err)
	}
	return string(shown), "-"
}

func (f *orphanFinder) decode(t *testing.T, round int, stdin, state string) []foundOrphan {
	t.Helper()
	cmd := exec.Command(f.simcloud, "--database", f.database, "orphans", "-o", "json", state)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("round %d: simcloud orphans %s: %v\n%s", round, state, err, stderr.String())
	}
	var report struct {
		Orphans []foundOrphan `json:"orphans"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("round %d: simcloud orphans -o json %s: %v\n%s", round, state, err, out)
	}
	return report.Orphans
}

func describeOrphans(found []foundOrphan) string {
	parts := make([]string, len(found))
	for i, o := range found {
		parts[i] = o.Type + " " + o.ID
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// expectCloud checks that the cloud holds exactly the network of the
// configuration: anything more was made by an apply that did not record it.
func expectCloud(t *testing.T, database string, subnets int) {
	t.Helper()
	c, closeCloud := defaultClient(t, database)
	defer closeCloud()
	ctx := context.Background()
	inv, err := c.Inventory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// What the configuration made: not the region's default VPC.
	inv.VPCs, inv.Subnets = storetest.Own(t, c, inv.VPCs), storetest.Own(t, c, inv.Subnets)
	inv.InternetGateways, inv.RouteTables = storetest.Own(t, c, inv.InternetGateways), storetest.Own(t, c, inv.RouteTables)
	if len(inv.VPCs) != 1 || len(inv.Subnets) != subnets || len(inv.InternetGateways) != 1 || len(inv.RouteTables) != 2 {
		t.Fatalf("the cloud holds %d VPCs, %d subnets, %d gateways, %d tables; want 1, %d, 1, 2",
			len(inv.VPCs), len(inv.Subnets), len(inv.InternetGateways), len(inv.RouteTables), subnets)
	}
	if n := len(inv.EgressOnlyInternetGateways) + len(inv.NATGateways) + len(inv.ElasticIPs); n != 0 {
		t.Fatalf("the cloud holds %d egress-only gateways, NAT gateways or elastic IPs; the configuration makes none", n)
	}
	if inv.InternetGateways[0].VPCID != inv.VPCs[0].ID {
		t.Fatalf("gateway %s is attached to %q, not to %s", inv.InternetGateways[0].ID, inv.InternetGateways[0].VPCID, inv.VPCs[0].ID)
	}
	for _, s := range inv.Subnets {
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
