package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

type bench struct {
	knobs
	plugin     string // the installed simcloud provider
	resultFile string
	notes      string
	rs         results
}

func newBench(k knobs) (*bench, error) {
	if _, err := exec.LookPath("terraform"); err != nil {
		return nil, errors.New("bench: terraform is not on PATH")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, err
	}
	b := &bench{knobs: k,
		plugin: filepath.Join(pluginDir(home, "simcloud", "simcloud", version), "terraform-provider-simcloud_v"+version)}
	if _, err := os.Stat(b.plugin); err != nil {
		return nil, fmt.Errorf("bench: %s is missing; run make install first", b.plugin)
	}
	if !k.KeepResults {
		if err := os.RemoveAll(k.Work); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(k.Work, 0o755); err != nil {
		return nil, err
	}
	b.resultFile = filepath.Join(k.Work, "results.txt")
	b.notes = filepath.Join(k.Work, "notes.txt")
	if !k.KeepResults {
		for _, f := range []string{b.resultFile, b.notes} {
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				return nil, err
			}
		}
	}
	if b.rs, err = readResults(b.resultFile); err != nil {
		return nil, err
	}
	// A CLI config of our own, empty: no ~/.terraformrc can redirect or warn.
	rc := filepath.Join(k.Work, "terraform.rc")
	if err := os.WriteFile(rc, nil, 0o644); err != nil {
		return nil, err
	}
	for name, v := range map[string]string{"TF_CLI_CONFIG_FILE": rc, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1"} {
		if err := os.Setenv(name, v); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER", "SIMCLOUD_DATABASE"} {
		if err := os.Unsetenv(name); err != nil {
			return nil, err
		}
	}
	if b.rendersOnly() {
		return b, nil
	}
	return b, b.note("Load average when this run began: %s (other work on the machine distorts the times).", loadAverage())
}

// rendersOnly reports whether this run measures nothing and only writes the
// report of the results kept from earlier runs: its load is no note of theirs.
func (b *bench) rendersOnly() bool {
	return b.KeepResults && b.SkipTF && b.SkipConc && b.SkipEvidence && b.SkipStartup && b.SkipGo
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func (b *bench) note(format string, a ...any) error {
	f, err := os.OpenFile(b.notes, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, format+"\n", a...)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (b *bench) record(kind string, n int, phase string, v float64) error {
	return appendResult(&b.rs, b.resultFile, result{Kind: kind, N: n, Phase: phase, Value: v})
}

func (b *bench) all() error {
	if !b.SkipTF {
		if err := b.terraformRuns(); err != nil {
			return err
		}
	}
	st, err := b.startup()
	if err != nil {
		return err
	}
	prof := map[string]profile{}
	if !b.SkipGo {
		if prof, err = b.goBenchmarks(); err != nil {
			return err
		}
	} else if b.KeepResults {
		prof = b.keptProfiles()
	}
	if !b.rendersOnly() {
		if err := b.note("Load average when this run ended: %s.", loadAverage()); err != nil {
			return err
		}
	}
	r, err := b.gather(st, prof)
	if err != nil {
		return err
	}
	fmt.Fprint(os.Stderr, summary(r))
	md := render(r)
	if err := os.WriteFile(b.Out, []byte(md), 0o644); err != nil {
		return err
	}
	logf("wrote %s", b.Out)
	fmt.Print(md)
	return nil
}

func (b *bench) buildFloors() error {
	home, err := os.UserHomeDir()
	if err != nil {
		return err
	}
	dir := pluginDir(home, "simcloud", "floorschemas", floorVersion)
	logf("building the floor provider plugin into %s", dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out := filepath.Join(dir, "terraform-provider-floorschemas_v"+floorVersion)
	return command(b.Root, nil, "", "go", "build", "-trimpath", "-o", out, "./internal/floorprovider")
}

// command runs a program in dir with extra environment, its output to logPath
// (or the benchmark's stderr), and fails with the log's tail.
func command(dir string, env []string, logPath string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if logPath == "" {
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		return cmd.Run()
	}
	f, err := os.Create(logPath)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = f, f
	err = cmd.Run()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("bench: %s %s failed in %s (%w); the end of %s:\n%s",
			name, strings.Join(args, " "), dir, err, logPath, tail(logPath, 30))
	}
	return nil
}

func tail(path string, lines int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	l := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(l[max(0, len(l)-lines):], "\n")
}

func tfInit(dir string) error {
	// A lock file from an earlier run holds the checksum of an earlier build.
	for _, p := range []string{".terraform", ".terraform.lock.hcl"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			return err
		}
	}
	return command(dir, nil, filepath.Join(dir, "init.log"), "terraform", "init", "-input=false", "-no-color")
}

// phase runs one terraform command and returns the seconds it took. A plan
// runs with -detailed-exitcode: a plan right after an apply that finds
// changes (exit 2) means the provider does not converge, and fails the
// benchmark.
func phase(dir string, env []string, logPath string, args ...string) (float64, error) {
	args = append(args, "-input=false", "-no-color")
	t0 := time.Now()
	err := command(dir, env, logPath, "terraform", args...)
	return time.Since(t0).Seconds(), err
}

func removeGlob(pattern string) error {
	m, err := filepath.Glob(pattern)
	if err != nil {
		return err
	}
	for _, p := range m {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

// oneRun applies, plans and destroys one graph at size n, records the times
// and returns their sum.
func (b *bench) oneRun(g graph, n, run int) (float64, error) {
	dir := filepath.Join(b.Work, g.Kind)
	logs := filepath.Join(b.Work, "logs", fmt.Sprintf("%s-%d-%d", g.Kind, n, run))
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return 0, err
	}
	if err := removeGlob(filepath.Join(dir, "terraform.tfstate*")); err != nil {
		return 0, err
	}
	var env []string
	db := ""
	if g.Simcloud {
		db = filepath.Join(b.Work, "db", fmt.Sprintf("%s-%d-%d.db", g.Kind, n, run))
		if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
			return 0, err
		}
		if err := removeGlob(db + "*"); err != nil {
			return 0, err
		}
		env = []string{"SIMCLOUD_DATABASE=" + db}
	}
	nv := fmt.Sprintf("n=%d", n)
	a, err := phase(dir, env, filepath.Join(logs, "apply.log"), "apply", "-auto-approve", "-var", nv)
	if err != nil {
		return 0, err
	}
	p, err := phase(dir, env, filepath.Join(logs, "plan.log"), "plan", "-detailed-exitcode", "-refresh=true", "-var", nv)
	if err != nil {
		return 0, err
	}
	d := 0.0
	if b.SkipDestroy {
		// Not timed: the state and the database are thrown away instead.
		err = removeGlob(filepath.Join(dir, "terraform.tfstate*"))
	} else {
		d, err = phase(dir, env, filepath.Join(logs, "destroy.log"), "destroy", "-auto-approve", "-var", nv)
	}
	if err != nil {
		return 0, err
	}
	if err := b.record(g.Kind, n, "apply", a); err != nil {
		return 0, err
	}
	if err := b.record(g.Kind, n, "plan", p); err != nil {
		return 0, err
	}
	ds := "nan"
	if !b.SkipDestroy {
		ds = secs(d)
		if err := b.record(g.Kind, n, "destroy", d); err != nil {
			return 0, err
		}
	}
	logf("%s N=%d run %d: apply %ss plan %ss destroy %ss", g.Kind, n, run, secs(a), secs(p), ds)
	if db != "" {
		if err := removeGlob(db + "*"); err != nil {
			return 0, err
		}
	}
	return a + p + d, nil
}

// runOrder alternates the graphs from one run to the next, so that none is
// always first (or last) after a pause.
func runOrder(gs []graph, run int) []graph {
	s := (run - 1) % len(gs)
	return append(slices.Clone(gs[s:]), gs[:s]...)
}

func (b *bench) network(gs []graph) error {
	for _, g := range gs {
		if err := writeConfig(filepath.Join(b.Work, g.Kind), g); err != nil {
			return err
		}
		if err := tfInit(filepath.Join(b.Work, g.Kind)); err != nil {
			return err
		}
	}
	for _, n := range b.Sizes {
		runs := b.Runs
		if b.SkipDestroy {
			if err := b.note("N=%d (%s network): destroy was not timed (SKIP_DESTROY=1, for time).", n, gs[0].Kind); err != nil {
				return err
			}
		}
		for run := 1; run <= runs; run++ {
			for _, g := range runOrder(gs, run) {
				total, err := b.oneRun(g, n, run)
				if err != nil {
					return err
				}
				if g.Simcloud && run == 1 && runsFor(runs, total, b.SlowRunSeconds) < runs {
					runs = 1
					logf("N=%d is slow (%ss a run): one run only", n, secs(total))
					if err := b.note("N=%d: one %s run took %ss (over %.0fs), so N=%d was run once, not %d times.",
						n, g.Kind, secs(total), b.SlowRunSeconds, n, b.Runs); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func (b *bench) terraformRuns() error {
	if err := b.buildFloors(); err != nil {
		return err
	}
	if !b.SkipWide {
		logf("wide network: sizes %v, %d runs", b.Sizes, b.Runs)
		if err := b.network(wideNetwork); err != nil {
			return err
		}
	}
	if !b.SkipInstances {
		logf("instances network: sizes %v, %d runs", b.Sizes, b.Runs)
		if err := b.network(instancesNetwork); err != nil {
			return err
		}
	}
	if !b.SkipConc {
		if err := b.concurrency(); err != nil {
			return err
		}
	}
	if !b.SkipEvidence {
		return b.evidence()
	}
	return nil
}

// concurrency runs CONC applies of the CONC_N wide network, each in its own
// working folder with its own VPC block, on one shared SQLite file, against
// one such apply alone. The floors run the same way, so that what Terraform
// itself loses to running many at once on these cores is measured, not
// assumed.
func (b *bench) concurrency() error {
	logf("concurrency: %d applies of N=%d on one SQLite file, and of both floors", b.Conc, b.ConcN)
	for _, g := range wideNetwork {
		for i := range b.Conc {
			dir := filepath.Join(b.Work, "conc-"+g.Kind, strconv.Itoa(i))
			if err := writeConfig(dir, g); err != nil {
				return err
			}
			if err := tfInit(dir); err != nil {
				return err
			}
		}
	}
	nv := fmt.Sprintf("n=%d", b.ConcN)
	for run := 1; run <= b.Runs; run++ {
		for _, g := range wideNetwork {
			db := filepath.Join(b.Work, "db", fmt.Sprintf("shared-%d.db", run))
			env := []string{"SIMCLOUD_DATABASE=" + db}
			logs := filepath.Join(b.Work, "logs", fmt.Sprintf("conc-%s-%d", g.Kind, run))
			clean := func() error {
				if err := removeGlob(db + "*"); err != nil {
					return err
				}
				return removeGlob(filepath.Join(b.Work, "conc-"+g.Kind, "*", "terraform.tfstate*"))
			}
			if err := os.MkdirAll(logs, 0o755); err != nil {
				return err
			}
			if err := clean(); err != nil {
				return err
			}
			alone, err := phase(filepath.Join(b.Work, "conc-"+g.Kind, "0"), env, filepath.Join(logs, "alone.log"),
				"apply", "-auto-approve", "-var", nv, "-var", "cidr=10.0.0.0/16")
			if err != nil {
				return err
			}
			if err := b.record("conc-alone"+concSuffix(g.Kind), b.ConcN, "apply", alone); err != nil {
				return err
			}
			if err := clean(); err != nil {
				return err
			}
			t0 := time.Now()
			errs := make(chan error, b.Conc)
			for i := range b.Conc {
				go func() {
					_, err := phase(filepath.Join(b.Work, "conc-"+g.Kind, strconv.Itoa(i)), env,
						filepath.Join(logs, fmt.Sprintf("%d.log", i)),
						"apply", "-auto-approve", "-var", nv, "-var", fmt.Sprintf("cidr=10.%d.0.0/16", i))
					errs <- err
				}()
			}
			var failed error
			for range b.Conc {
				failed = errors.Join(failed, <-errs)
			}
			all := time.Since(t0).Seconds()
			if failed != nil {
				return fmt.Errorf("bench: a concurrent apply failed; logs in %s: %w", logs, failed)
			}
			if err := b.record("conc-all"+concSuffix(g.Kind), b.ConcN, "apply", all); err != nil {
				return err
			}
			// How many ran at once, for a report written later from these
			// results (KEEP_RESULTS) with another CONC.
			if err := b.record("conc-count"+concSuffix(g.Kind), b.ConcN, "applies", float64(b.Conc)); err != nil {
				return err
			}
			logf("concurrency run %d (%s): alone %ss, %d at once %ss", run, g.Kind, secs(alone), b.Conc, secs(all))
			if err := clean(); err != nil {
				return err
			}
		}
	}
	return nil
}

// nLog is the size of the logged and profiled runs: the largest measured,
// at most 300.
func nLog(sizes []int) int {
	n := slices.Max(sizes)
	return min(n, 300)
}

// evidence: one more apply and plan of the wide network with the provider's
// debug log, which times every call into the cloud; what the SDK's log costs
// when nobody reads it; and a perf profile of the provider process, if this
// machine lets us.
func (b *bench) evidence() error {
	n := nLog(b.Sizes)
	if err := os.WriteFile(filepath.Join(b.Work, "n_log"), []byte(strconv.Itoa(n)+"\n"), 0o644); err != nil {
		return err
	}
	logf("call timings: one logged apply and plan of N=%d", n)
	dir := filepath.Join(b.Work, "simcloud")
	logs := filepath.Join(b.Work, "logs", "logged")
	db := filepath.Join(b.Work, "db", "logged.db")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return err
	}
	if err := errors.Join(removeGlob(db+"*"), removeGlob(filepath.Join(dir, "terraform.tfstate*"))); err != nil {
		return err
	}
	env := []string{"SIMCLOUD_DATABASE=" + db}
	nv := fmt.Sprintf("n=%d", n)
	debug := func(phaseName string) []string {
		return append(slices.Clone(env), "TF_LOG_PROVIDER=DEBUG", "TF_LOG_PATH="+filepath.Join(logs, phaseName+".tflog"))
	}
	if _, err := phase(dir, debug("apply"), filepath.Join(logs, "apply.log"), "apply", "-auto-approve", "-var", nv); err != nil {
		return err
	}
	if _, err := phase(dir, debug("plan"), filepath.Join(logs, "plan.log"), "plan", "-detailed-exitcode", "-var", nv); err != nil {
		return err
	}
	// The provider turns the SDK's log off unless TF_LOG or TF_LOG_PROVIDER
	// is set (internal/pluginlog); TRACE set by hand brings back the old
	// default.
	trace := append(slices.Clone(env), "TF_LOG_SDK=TRACE", "TF_LOG_SDK_PROTO=TRACE", "TF_LOG_SDK_FRAMEWORK=TRACE")
	for run := 1; run <= 3; run++ {
		t, err := phase(dir, env, filepath.Join(logs, fmt.Sprintf("plan-quiet-%d.log", run)), "plan", "-detailed-exitcode", "-var", nv)
		if err != nil {
			return err
		}
		if err := b.record("plan-sdk-log-off", n, "plan", t); err != nil {
			return err
		}
		t, err = phase(dir, trace, filepath.Join(logs, fmt.Sprintf("plan-trace-%d.log", run)), "plan", "-detailed-exitcode", "-var", nv)
		if err != nil {
			return err
		}
		if err := b.record("plan-sdk-log-trace", n, "plan", t); err != nil {
			return err
		}
	}
	if _, err := phase(dir, env, filepath.Join(logs, "destroy.log"), "destroy", "-auto-approve", "-var", nv); err != nil {
		return err
	}
	for _, p := range []string{"apply", "plan"} {
		calls, err := readCallLog(filepath.Join(logs, p+".tflog"))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(b.Work, "calls-"+p+".txt"), []byte(formatCalls(calls)), 0o644); err != nil {
			return err
		}
	}
	if err := removeGlob(db + "*"); err != nil {
		return err
	}
	return b.perf(n, dir)
}

// A call is one call into the cloud, from the provider's debug log.
type call struct {
	Op string // operation(resource type)
	MS float64
}

// parseCallLine reads a "simcloud call" line; its fields come in any order.
func parseCallLine(line string) (call, bool) {
	if !strings.Contains(line, "simcloud call") {
		return call{}, false
	}
	var op, rt, d string
	for _, f := range strings.Fields(line) {
		switch {
		case strings.HasPrefix(f, "operation="):
			op = strings.TrimPrefix(f, "operation=")
		case strings.HasPrefix(f, "duration_ms="):
			d = strings.TrimPrefix(f, "duration_ms=")
		case strings.HasPrefix(f, "tf_resource_type="):
			rt = strings.TrimPrefix(f, "tf_resource_type=")
		}
	}
	ms, err := strconv.ParseFloat(d, 64)
	if op == "" || err != nil {
		return call{}, false
	}
	return call{Op: op + "(" + rt + ")", MS: ms}, true
}

func readCallLog(path string) ([]call, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	var calls []call
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if c, ok := parseCallLine(sc.Text()); ok {
			calls = append(calls, c)
		}
	}
	return calls, sc.Err()
}

func formatCalls(calls []call) string {
	var s strings.Builder
	for _, c := range calls {
		fmt.Fprintf(&s, "%s %s\n", c.Op, strconv.FormatFloat(c.MS, 'f', -1, 64))
	}
	return s.String()
}

func parseCalls(text string) []call {
	var calls []call
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) != 2 {
			continue
		}
		if ms, err := strconv.ParseFloat(f[1], 64); err == nil {
			calls = append(calls, call{Op: f[0], MS: ms})
		}
	}
	return calls
}

// perfAllowed reports whether perf is here and this machine lets us record.
func perfAllowed(work string) bool {
	if _, err := exec.LookPath("perf"); err != nil {
		return false
	}
	return exec.Command("perf", "record", "-q", "-o", filepath.Join(work, "perf-probe.data"), "--", "true").Run() == nil
}

func (b *bench) perf(n int, dir string) error {
	if !perfAllowed(b.Work) {
		return nil
	}
	logf("perf profile of the provider: apply and plan of N=%d", n)
	db := filepath.Join(b.Work, "db", "perf.db")
	if err := errors.Join(removeGlob(db+"*"), removeGlob(filepath.Join(dir, "terraform.tfstate*"))); err != nil {
		return err
	}
	env := []string{"SIMCLOUD_DATABASE=" + db}
	nv := fmt.Sprintf("n=%d", n)
	logs := filepath.Join(b.Work, "logs", "logged")
	for _, p := range []string{"apply", "plan"} {
		args := []string{"apply", "-auto-approve"}
		if p == "plan" {
			args = []string{"plan", "-detailed-exitcode"}
		}
		data := filepath.Join(b.Work, "perf-"+p+".data")
		perfArgs := append([]string{"record", "-q", "-F", "499", "-g", "-o", data, "--", "terraform"}, args...)
		perfArgs = append(perfArgs, "-input=false", "-no-color", "-var", nv)
		if err := command(dir, env, filepath.Join(logs, "perf-"+p+".log"), "perf", perfArgs...); err != nil {
			return err
		}
		reports := []struct {
			file  string
			args  []string
			limit int
		}{
			{"comms", []string{"--sort", "comm", "-g", "none"}, 5},
			{"provider", []string{"--comms", "terraform-provi", "--children", "--sort", "sym", "-g", "none"}, 40},
		}
		for _, r := range reports {
			out, _ := exec.Command("perf", append([]string{"report", "-i", data, "--stdio"}, r.args...)...).Output()
			var keep []string
			for _, l := range strings.Split(string(out), "\n") {
				if l != "" && !strings.HasPrefix(l, "#") && len(keep) < r.limit {
					keep = append(keep, l)
				}
			}
			text := strings.Join(keep, "\n") + "\n"
			if err := os.WriteFile(filepath.Join(b.Work, "perf-"+p+"-"+r.file+".txt"), []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	if _, err := phase(dir, env, filepath.Join(logs, "perf-destroy.log"), "destroy", "-auto-approve", "-var", nv); err != nil {
		return err
	}
	return removeGlob(db + "*")
}
