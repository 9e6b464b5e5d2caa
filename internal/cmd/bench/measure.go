package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

const magicCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

// A startupRun is one start of the provider: milliseconds from process
// start to its handshake line, and its VmRSS in kB then (NaN if unknown).
type startupRun struct{ MS, RSSKB float64 }

type startup struct {
	Runs     []startupRun
	BinaryMB int
	Inits    []initLine
	EndMS    string
}

// An initLine is one package initializer from GODEBUG=inittrace=1.
type initLine struct {
	Text string
	MS   float64
}

func startOnce(bin string) (startupRun, error) {
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), magicCookie, "PLUGIN_PROTOCOL_VERSIONS=6")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return startupRun{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return startupRun{}, err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	ms := float64(time.Since(start).Microseconds()) / 1000
	if err != nil || strings.Count(line, "|") < 4 {
		return startupRun{}, fmt.Errorf("bench: no handshake from %s: %q %v", bin, line, err)
	}
	r := startupRun{MS: ms, RSSKB: nan()}
	if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
		for _, l := range strings.Split(string(status), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
				r.RSSKB, _ = strconv.ParseFloat(f[1], 64)
			}
		}
	}
	return r, nil
}

// parseInitTrace reads "init <pkg> @<start> ms, <dur> ms clock, ..." lines.
func parseInitTrace(text string) ([]initLine, string) {
	var inits []initLine
	end := ""
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) < 5 || f[0] != "init" {
			continue
		}
		ms, _ := strconv.ParseFloat(f[4], 64)
		inits = append(inits, initLine{Text: l, MS: ms})
		end = strings.TrimPrefix(f[2], "@")
	}
	return inits, end
}

// startup starts the installed provider 10 times, and once more with the
// Go runtime's trace of every package initializer. Skipped, it reads what
// an earlier run left (KEEP_RESULTS).
func (b *bench) startup() (startup, error) {
	var st startup
	runsFile := filepath.Join(b.Work, "startup.txt")
	traceFile := filepath.Join(b.Work, "inittrace.txt")
	if !b.SkipStartup {
		logf("provider start-up, 10 times")
		var lines strings.Builder
		for range 10 {
			r, err := startOnce(b.plugin)
			if err != nil {
				return st, err
			}
			fmt.Fprintf(&lines, "%.3f %s\n", r.MS, fmtNum(r.RSSKB, 0))
			time.Sleep(100 * time.Millisecond)
		}
		if err := os.WriteFile(runsFile, []byte(lines.String()), 0o644); err != nil {
			return st, err
		}
		cmd := exec.Command(b.plugin)
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", magicCookie)
		var trace strings.Builder
		cmd.Stderr = &trace
		if err := cmd.Start(); err != nil {
			return st, err
		}
		time.Sleep(2 * time.Second)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if err := os.WriteFile(traceFile, []byte(trace.String()), 0o644); err != nil {
			return st, err
		}
	}
	runs, _ := os.ReadFile(runsFile)
	for _, l := range strings.Split(string(runs), "\n") {
		f := strings.Fields(l)
		if len(f) != 2 {
			continue
		}
		ms, _ := strconv.ParseFloat(f[0], 64)
		rss, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			rss = nan()
		}
		st.Runs = append(st.Runs, startupRun{MS: ms, RSSKB: rss})
	}
	trace, _ := os.ReadFile(traceFile)
	st.Inits, st.EndMS = parseInitTrace(string(trace))
	if fi, err := os.Stat(b.plugin); err == nil {
		st.BinaryMB = int((fi.Size() + 1<<20 - 1) >> 20)
	}
	return st, nil
}

var benchNames = []string{"CreateSubnet", "CreateRoute", "CheckSubnet", "CheckRoute", "CheckSecurityGroup"}

var objectSizes = []int{0, 10000, 100000}

// A profile shows where a Go benchmark that misses its target spends the
// extra time at 100k objects.
type profile struct{ Diff, Top string }

// parseGoBench reads `go test -bench -benchmem` lines into results: ns/op
// and allocs/op per benchmark and cloud size.
func parseGoBench(text string) results {
	var rs results
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) < 8 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name, sub, ok := strings.Cut(strings.TrimPrefix(f[0], "Benchmark"), "/objects=")
		if !ok {
			continue
		}
		if i := strings.LastIndex(sub, "-"); i >= 0 {
			sub = sub[:i]
		}
		size, err := strconv.Atoi(sub)
		if err != nil {
			continue
		}
		if ns, err := strconv.ParseFloat(f[2], 64); err == nil {
			rs = append(rs, result{Kind: "go-" + name, N: size, Phase: "ns", Value: ns})
		}
		if allocs, err := strconv.ParseFloat(f[6], 64); err == nil {
			rs = append(rs, result{Kind: "go-" + name, N: size, Phase: "allocs", Value: allocs})
		}
	}
	return rs
}

func (b *bench) goBenchmarks() (map[string]profile, error) {
	logf("go benchmarks (builds clouds of 10,000 and 100,000 objects first)")
	testBin := filepath.Join(b.Work, "cloud.test")
	if err := command(b.Root, nil, "", "go", "test", "-c", "-o", testBin, "./internal/cloud/"); err != nil {
		return nil, err
	}
	cloudDir := filepath.Join(b.Root, "internal", "cloud")
	cmd := exec.Command(testBin, "-test.run", "^$", "-test.bench", "Benchmark("+strings.Join(benchNames, "|")+")$",
		"-test.benchmem", "-test.count", "3")
	cmd.Dir = cloudDir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	os.Stderr.Write(out) //nolint:errcheck // progress only
	if err != nil {
		return nil, fmt.Errorf("bench: go benchmarks: %w", err)
	}
	if err := os.WriteFile(filepath.Join(b.Work, "gobench.txt"), out, 0o644); err != nil {
		return nil, err
	}
	measured := parseGoBench(string(out))
	for _, name := range benchNames {
		for _, size := range objectSizes {
			for _, unit := range []string{"ns", "allocs"} {
				if err := b.record("go-"+name, size, unit, measured.get("go-"+name, size, unit)); err != nil {
					return nil, err
				}
			}
		}
	}
	prof := map[string]profile{}
	for _, name := range benchNames {
		if goBenchMet(b.rs, name) {
			continue
		}
		for _, size := range []int{0, 100000} {
			p := exec.Command(testBin, "-test.run", "^$", "-test.bench", fmt.Sprintf("Benchmark%s$/^objects=%d$", name, size),
				"-test.benchtime", "3s", "-test.cpuprofile", filepath.Join(b.Work, fmt.Sprintf("%s-%d.prof", name, size)))
			p.Dir = cloudDir
			if err := p.Run(); err != nil {
				return nil, fmt.Errorf("bench: profile of %s: %w", name, err)
			}
		}
		prof[name] = b.readProfile(name)
	}
	return prof, nil
}

// readProfile reads, with pprof, the profiles of name on the empty and the
// 100k cloud that this run or an earlier one left in the work folder.
func (b *bench) readProfile(name string) profile {
	testBin := filepath.Join(b.Work, "cloud.test")
	big := filepath.Join(b.Work, name+"-100000.prof")
	top, _ := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount=30", testBin, big).Output()
	diff, _ := exec.Command("go", "tool", "pprof", "-top", "-nodecount=25", "-diff_base",
		filepath.Join(b.Work, name+"-0.prof"), testBin, big).Output()
	return profile{Diff: string(diff), Top: string(top)}
}

// keptProfiles are the profiles that an earlier run left for the
// benchmarks whose target the kept results miss (KEEP_RESULTS=1 with
// SKIP_GO=1), so that the report shows them again.
func (b *bench) keptProfiles() map[string]profile {
	prof := map[string]profile{}
	for _, name := range benchNames {
		if !b.rs.has("go-"+name) || goBenchMet(b.rs, name) {
			continue
		}
		if _, err := os.Stat(filepath.Join(b.Work, name+"-100000.prof")); err == nil {
			prof[name] = b.readProfile(name)
		}
	}
	return prof
}

func goBenchMet(rs results, name string) bool {
	return meetsRounded(ratio(rs.get("go-"+name, 100000, "ns"), rs.get("go-"+name, 0, "ns")), 1.2)
}

type machine struct {
	Cores                   int
	CPU, Memory, Go, TFVers string
}

func thisMachine() machine {
	m := machine{Cores: runtime.NumCPU(), Go: runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				m.Memory = fmt.Sprintf("%.1f GiB", kb/1048576)
			}
		}
	}
	if out, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		m.Go = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("terraform", "version").Output(); err == nil {
		if f := strings.Fields(string(out)); len(f) >= 2 {
			m.TFVers = f[1]
		}
	}
	return m
}

func (b *bench) gather(st startup, prof map[string]profile) (report, error) {
	r := report{Generated: time.Now().UTC(), Machine: thisMachine(), Results: b.rs, Conc: b.Conc,
		ConcN: b.ConcN, Startup: st, Profiles: prof, Calls: map[string][]call{}, Perf: map[string][2]string{}}
	notes, err := os.ReadFile(b.notes)
	if err != nil {
		return r, err
	}
	for _, l := range strings.Split(strings.TrimSpace(string(notes)), "\n") {
		if l != "" {
			r.Notes = append(r.Notes, l)
		}
	}
	for _, x := range b.rs {
		switch x.Kind {
		case "conc-all":
			r.ConcN = x.N
		case "conc-count":
			r.Conc = int(x.Value)
		}
	}
	if nl, err := os.ReadFile(filepath.Join(b.Work, "n_log")); err == nil {
		r.NLog, _ = strconv.Atoi(strings.TrimSpace(string(nl)))
	}
	for _, p := range []string{"apply", "plan"} {
		if c, err := os.ReadFile(filepath.Join(b.Work, "calls-"+p+".txt")); err == nil {
			r.Calls[p] = parseCalls(string(c))
		}
		comms, _ := os.ReadFile(filepath.Join(b.Work, "perf-"+p+"-comms.txt"))
		provider, _ := os.ReadFile(filepath.Join(b.Work, "perf-"+p+"-provider.txt"))
		if len(provider) > 0 {
			r.Perf[p] = [2]string{string(comms), string(provider)}
		}
	}
	if b.rs.has("go-CheckSubnet") {
		r.QueryPlans = b.queryPlans()
	}
	return r, nil
}

var lookups = []string{
	"SELECT s.id FROM subnets s WHERE s.owner_id = ? AND s.region = ? AND s.vpc_id = ? ORDER BY s.id",
	"SELECT s.id FROM subnets s WHERE s.vpc_id = ? AND s.cidr_first BETWEEN ? AND ? AND s.owner_id = ? AND s.region = ? UNION ALL SELECT s.id FROM (SELECT * FROM subnets WHERE vpc_id = ? AND cidr_first < ? ORDER BY cidr_first DESC LIMIT 1) s WHERE s.owner_id = ? AND s.region = ? ORDER BY 1",
	"SELECT v.id, COALESCE((SELECT a.route_table_id FROM route_table_associations a WHERE a.vpc_id = v.id AND a.main), '') FROM vpcs v WHERE v.id = ? AND v.owner_id = ? AND v.region = ?",
	"SELECT route_table_id FROM route_table_associations WHERE vpc_id = ? AND main",
	"SELECT route_table_id FROM route_table_associations WHERE vpc_id = ? AND main = 1",
	"SELECT sg.id FROM security_groups sg WHERE sg.owner_id = ? AND sg.region = ? AND sg.vpc_id = ? AND sg.group_name = ? ORDER BY 1",
	"SELECT id FROM security_group_rules WHERE security_group_id = ? ORDER BY egress, cidr_ipv4 IS NULL, cidr_ipv6 IS NULL, cidr_ipv4, cidr_ipv6, referenced_group_id, id",
	"SELECT security_group_id FROM security_group_rules WHERE id = ?",
}

// queryPlans asks sqlite3, if it is here, how SQLite runs the lookups the
// rules make, on a schema simcloud itself creates (the migrations are
// templates for both dialects).
func (b *bench) queryPlans() string {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return ""
	}
	db := filepath.Join(b.Work, "queryplan.db")
	_ = removeGlob(db + "*")
	if exec.Command(b.plugin, "ls", "--database", db).Run() != nil {
		return ""
	}
	var s strings.Builder
	for _, q := range lookups {
		out, err := exec.Command("sqlite3", db, "EXPLAIN QUERY PLAN "+q).Output()
		if err != nil {
			return ""
		}
		s.WriteString(q + "\n")
		for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
			s.WriteString("    " + l + "\n")
		}
	}
	return s.String()
}

func sortedInits(in []initLine) []initLine {
	s := append([]initLine(nil), in...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].MS > s[j].MS })
	return s
}
