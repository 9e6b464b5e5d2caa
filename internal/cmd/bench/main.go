// Command bench benchmarks simcloud against its targets and writes
// BENCHMARKS.md (make bench).
//
//	make bench            # N = 100, 300 and 1000, 3 runs each (about an hour)
//	N=100 make bench      # a quick run: one size only
//
// What it measures:
//  1. terraform apply, plan (with refresh) and destroy of two networks with
//     the installed provider, and of the same dependency graph made of
//     terraform_data resources (what Terraform itself costs) and through a
//     provider plugin that serves simcloud's own schemas and does nothing
//     (internal/floorprovider: what any provider of the same objects costs,
//     the fair floor), alternating the three, RUNS runs each. The wide
//     network: 1 VPC, 1 internet gateway, 1 route table with 0.0.0.0/0 to
//     the gateway, N subnets each with a route table association. The
//     instances network: 1 VPC over 3 zones, N subnets each with a route
//     table and a network ACL association, a security group of 5 rules and
//     N instances.
//  2. CONC concurrent applies of the CONC_N wide network, each on its own
//     VPC, on one shared SQLite file, against one such apply alone; the same
//     for both floors.
//  3. Evidence: one apply and plan with the provider's debug log (the time of
//     every call into the cloud), the SDK log's cost, and perf profiles.
//  4. Provider start-up: process start to handshake line, and resident
//     memory then.
//  5. Go benchmarks of the engine on clouds of 0, 10,000 and 100,000
//     objects, with a CPU profile of each one that misses its target.
//
// Environment: N (one size), SIZES (default "100 300 1000"), RUNS (default
// 3), CONC (default 8), CONC_N (default 100), SLOW_RUN_SECONDS (default 360:
// a size whose first simcloud run takes longer is run once only), BENCH_DIR
// (work folder, default .cache/bench), OUT (default BENCHMARKS.md). Parts can
// be skipped: SKIP_DESTROY=1 (destroy is not timed), SKIP_TF=1 (all
// Terraform runs), SKIP_WIDE=1 or SKIP_INSTANCES=1 (one network),
// SKIP_CONC=1, SKIP_EVIDENCE=1 (the logged and profiled runs),
// SKIP_STARTUP=1, SKIP_GO=1. KEEP_RESULTS=1 keeps the results of an earlier
// run in BENCH_DIR and adds to them, so that a slow size can be measured on
// its own.
//
// Nothing is downloaded: the provider comes from Terraform's implied local
// mirror (make install), terraform_data is built into Terraform.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

const (
	version      = "0.1.0"
	floorVersion = "0.0.1"
)

type knobs struct {
	Sizes                   []int
	Runs, Conc, ConcN       int
	SlowRunSeconds          float64
	Out, Work, Root         string
	SkipDestroy, SkipTF     bool
	SkipWide, SkipInstances bool
	SkipConc, SkipEvidence  bool
	SkipStartup, SkipGo     bool
	KeepResults             bool
}

func envInt(getenv func(string) string, name string, def int) (int, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("bench: %s=%q is not a positive whole number", name, v)
	}
	return n, nil
}

func readKnobs(getenv func(string) string, root string) (knobs, error) {
	k := knobs{Root: root}
	sizes := getenv("N")
	if sizes == "" {
		sizes = getenv("SIZES")
	}
	if sizes == "" {
		sizes = "100 300 1000"
	}
	for _, f := range strings.Fields(sizes) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return k, fmt.Errorf("bench: size %q is not a positive whole number", f)
		}
		k.Sizes = append(k.Sizes, n)
	}
	var err error
	if k.Runs, err = envInt(getenv, "RUNS", 3); err != nil {
		return k, err
	}
	if k.Conc, err = envInt(getenv, "CONC", 8); err != nil {
		return k, err
	}
	if k.ConcN, err = envInt(getenv, "CONC_N", 100); err != nil {
		return k, err
	}
	slow, err := envInt(getenv, "SLOW_RUN_SECONDS", 360)
	if err != nil {
		return k, err
	}
	k.SlowRunSeconds = float64(slow)
	k.Out = getenv("OUT")
	if k.Out == "" {
		k.Out = filepath.Join(root, "BENCHMARKS.md")
	}
	k.Work = getenv("BENCH_DIR")
	if k.Work == "" {
		k.Work = filepath.Join(root, ".cache", "bench")
	}
	on := func(name string) bool { return getenv(name) == "1" }
	k.SkipDestroy, k.SkipTF, k.SkipConc = on("SKIP_DESTROY"), on("SKIP_TF"), on("SKIP_CONC")
	k.SkipWide, k.SkipInstances = on("SKIP_WIDE"), on("SKIP_INSTANCES")
	k.SkipEvidence, k.SkipStartup, k.SkipGo = on("SKIP_EVIDENCE"), on("SKIP_STARTUP"), on("SKIP_GO")
	k.KeepResults = on("KEEP_RESULTS")
	return k, nil
}

func logf(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	k, err := readKnobs(os.Getenv, root)
	if err != nil {
		return err
	}
	b, err := newBench(k)
	if err != nil {
		return err
	}
	return b.all()
}

// moduleRoot is the folder of go.mod above the working directory, so that
// go run ./internal/cmd/bench works from anywhere in the repository.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("bench: no go.mod above the working directory")
		}
		dir = parent
	}
}

func pluginDir(home, namespace, name, ver string) string {
	return filepath.Join(home, ".terraform.d", "plugins", "registry.terraform.io", namespace, name, ver,
		runtime.GOOS+"_"+runtime.GOARCH)
}
