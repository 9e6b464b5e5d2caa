package cloud_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

var defaultScope = cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}

// openStore opens a fresh database for one test: a file, or a PostgreSQL
// database when SIMCLOUD_TEST_POSTGRES is set.
func openStore(t testing.TB) (cloud.Store, string) {
	t.Helper()
	path := storetest.Location(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st, path
}

func newClient(t testing.TB, st cloud.Store, scope cloud.Scope) *cloud.Client {
	t.Helper()
	c, err := cloud.NewClient(st, scope, nil)
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	return c
}

// freshClient is a client on its own new database in the default scope.
func freshClient(t testing.TB) *cloud.Client {
	st, _ := openStore(t)
	return newClient(t, st, defaultScope)
}

// clientWithVPC is a fresh client and a VPC of 10.0.0.0/16 made with it,
// where most tests start.
func clientWithVPC(t testing.TB) (*cloud.Client, cloud.VPC) {
	t.Helper()
	c := freshClient(t)
	return c, mustCreateVPC(t, c, vpcInput("10.0.0.0/16"))
}

func vpcInput(cidr string) cloud.VPCInput {
	return cloud.VPCInput{CIDRBlock: cidr, InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true}
}

// ipv6VPCInput is vpcInput for a VPC with an IPv6 block from Amazon's pool.
func ipv6VPCInput(cidr string) cloud.VPCInput {
	in := vpcInput(cidr)
	in.AssignGeneratedIPv6CIDRBlock = true
	return in
}

func mustCreateVPC(t testing.TB, c *cloud.Client, in cloud.VPCInput) cloud.VPC {
	t.Helper()
	return must(c.CreateVPC(context.Background(), in))(t)
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := cloud.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// reopen opens a second, independent handle on a database file, as another
// process would.
func reopen(t testing.TB, path string) cloud.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// racePools runs work perPool times at once on each of pools clients of
// the database at path, each with its own connection pool (as separate
// processes have; the first is st's), and returns the errors work gave.
func racePools(t testing.TB, st cloud.Store, path string, pools, perPool int, work func(c *cloud.Client) error) []error {
	var wg sync.WaitGroup
	errs := make(chan error, pools*perPool)
	for p := range pools {
		s := st
		if p > 0 {
			s = reopen(t, path)
		}
		c := newClient(t, s, defaultScope)
		for range perPool {
			wg.Go(func() {
				if err := work(c); err != nil {
					errs <- err
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	var failed []error
	for err := range errs {
		failed = append(failed, err)
	}
	return failed
}

// race runs, all at once, processes copies of the test binary as the helper
// test helperTest, each with the environment env(p) added, and goroutines
// calls of work in this process, and returns the outcomes they report: the
// lines of the helpers' output that keep passes, a helper's failure, and
// what the calls of work pass to report.
func race(t *testing.T, helperTest string, processes int, env func(p int) []string, keep func(line string) bool,
	goroutines int, work func(g int, report func(string)),
) []string {
	t.Helper()
	var mu sync.Mutex
	var outcomes []string
	report := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		outcomes = append(outcomes, line)
	}
	var wg sync.WaitGroup
	for p := range processes {
		cmd := exec.Command(os.Args[0], "-test.run=^"+helperTest+"$", "-test.count=1")
		cmd.Env = append(os.Environ(), env(p)...)
		var output bytes.Buffer
		cmd.Stdout, cmd.Stderr = &output, &output
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			err := cmd.Wait()
			scanner := bufio.NewScanner(&output)
			for scanner.Scan() {
				if line := scanner.Text(); keep(line) {
					report(line)
				}
			}
			if err != nil {
				report("error helper-process " + err.Error() + ": " + output.String())
			}
		})
	}
	for g := range goroutines {
		wg.Go(func() { work(g, report) })
	}
	wg.Wait()
	return outcomes
}
