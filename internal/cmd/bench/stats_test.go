package main

import (
	"math"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{10.5, 10.5}, 10.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median of nothing = %v, want NaN", got)
	}
	in := []float64{3, 1, 2}
	median(in)
	if in[0] != 3 {
		t.Errorf("median sorted its argument: %v", in)
	}
}

func TestRatio(t *testing.T) {
	if got := ratio(3, 2); got != 1.5 {
		t.Errorf("ratio(3, 2) = %v", got)
	}
	for _, c := range [][2]float64{{1, 0}, {math.NaN(), 1}, {1, math.NaN()}} {
		if got := ratio(c[0], c[1]); !math.IsNaN(got) {
			t.Errorf("ratio(%v, %v) = %v, want NaN", c[0], c[1], got)
		}
	}
	if got := times(ratio(14.912, 11.658)); got != "1.28x" {
		t.Errorf("times = %q", got)
	}
	if got := times(math.NaN()); got != "nanx" {
		t.Errorf("a missing ratio prints %q, want nanx as the shell harness did", got)
	}
}

func TestMeets(t *testing.T) {
	if !meetsRounded(1.104, 1.10) {
		t.Error("1.104 prints as 1.10x and must meet 1.10x")
	}
	if meetsRounded(1.106, 1.10) {
		t.Error("1.106 prints as 1.11x and must miss 1.10x")
	}
	if meets(math.NaN(), 30) || meetsRounded(math.NaN(), 1.2) {
		t.Error("a missing measurement met a target")
	}
	if verdict(false) != "**not met**" || verdict(true) != "met" {
		t.Error("verdict words changed")
	}
}

// The rule for slow sizes: only the first simcloud run decides, and only
// when more than one run was asked for.
func TestRunsFor(t *testing.T) {
	for _, c := range []struct {
		runs       int
		first      float64
		slow, want float64
	}{
		{3, 100, 360, 3},
		{3, 360, 360, 3},
		{3, 361, 360, 1},
		{1, 900, 360, 1},
		{5, 0.5, 0.1, 1},
	} {
		if got := runsFor(c.runs, c.first, c.slow); float64(got) != c.want {
			t.Errorf("runsFor(%d, %v, %v) = %d, want %v", c.runs, c.first, c.slow, got, c.want)
		}
	}
}

func TestResultsRoundTrip(t *testing.T) {
	path := t.TempDir() + "/results.txt"
	var rs results
	for _, r := range []result{{"simcloud", 100, "apply", 1.5}, {"simcloud", 100, "apply", 2.5}, {"floor", 300, "plan", 0.25}, {"go-CheckSubnet", 0, "ns", 144123}} {
		if err := appendResult(&rs, path, r); err != nil {
			t.Fatal(err)
		}
	}
	back, err := readResults(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 4 || back.get("simcloud", 100, "apply") != 2 || back.get("go-CheckSubnet", 0, "ns") != 144123 {
		t.Errorf("read back %v", back)
	}
	if got := back.sizes("simcloud", "floor"); len(got) != 2 || got[0] != 100 || got[1] != 300 {
		t.Errorf("sizes = %v", got)
	}
	if back.mostRuns("simcloud") != 2 || !back.has("floor") || back.has("plugin") {
		t.Errorf("mostRuns/has wrong on %v", back)
	}
	// The shell harness's lines read the same.
	old, err := parseResults("conc-all 100 apply 26.207\nplugin 300 destroy 9.5\n")
	if err != nil || old.get("conc-all", 100, "apply") != 26.207 {
		t.Errorf("old results: %v %v", old, err)
	}
	if _, err := parseResults("simcloud 100 apply\n"); err == nil {
		t.Error("a line of three fields was read")
	}
}

func TestReadKnobs(t *testing.T) {
	env := map[string]string{"N": "5", "SIZES": "100 300", "RUNS": "1", "SKIP_GO": "1", "KEEP_RESULTS": "1"}
	k, err := readKnobs(func(n string) string { return env[n] }, "/repo")
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Sizes) != 1 || k.Sizes[0] != 5 || k.Runs != 1 || k.Conc != 8 || k.ConcN != 100 || k.SlowRunSeconds != 360 ||
		!k.SkipGo || k.SkipTF || !k.KeepResults || k.Out != "/repo/BENCHMARKS.md" || k.Work != "/repo/.cache/bench" {
		t.Errorf("knobs %+v", k)
	}
	env = map[string]string{"RUNS": "three"}
	if _, err := readKnobs(func(n string) string { return env[n] }, "/repo"); err == nil {
		t.Error("RUNS=three was taken")
	}
}

func TestParseGoBench(t *testing.T) {
	rs := parseGoBench(`goos: linux
BenchmarkCheckSubnet/objects=0-2         	    8000	    144123 ns/op	   20480 B/op	     301 allocs/op
BenchmarkCheckSubnet/objects=0-2         	    8000	    146000 ns/op	   20480 B/op	     301 allocs/op
BenchmarkCheckSubnet/objects=100000-2    	    8000	    145000 ns/op	   20480 B/op	     305 allocs/op
PASS
`)
	if got := rs.get("go-CheckSubnet", 0, "ns"); got != 145061.5 {
		t.Errorf("ns at 0 = %v", got)
	}
	if got := rs.get("go-CheckSubnet", 100000, "allocs"); got != 305 {
		t.Errorf("allocs at 100k = %v", got)
	}
}

func TestCallLog(t *testing.T) {
	c, ok := parseCallLine(`2026-11-27T00:20:01.000Z [DEBUG] provider.terraform-provider-simcloud_v0.1.0: simcloud call: duration_ms=1.25 tf_resource_type=simcloud_subnet operation=CreateSubnet @module=simcloud`)
	if !ok || c.Op != "CreateSubnet(simcloud_subnet)" || c.MS != 1.25 {
		t.Errorf("parsed %+v %v", c, ok)
	}
	if _, ok := parseCallLine("simcloud call: operation=X"); ok {
		t.Error("a line with no duration was taken")
	}
	var calls []call
	for i := range 10 {
		calls = append(calls, call{Op: "A", MS: float64(i + 1)}, call{Op: "B", MS: 100})
	}
	st := callStats(calls)
	if len(st) != 2 || st[0].Op != "B" || st[1].Calls != 10 || st[1].Total != 55 || st[1].First != 1.5 || st[1].Last != 9.5 {
		t.Errorf("callStats = %+v", st)
	}
	if back := parseCalls(formatCalls(calls)); len(back) != 20 || back[19] != calls[19] {
		t.Errorf("calls round trip: %v", back)
	}
}

func TestRunOrder(t *testing.T) {
	kinds := func(gs []graph) string {
		s := ""
		for _, g := range gs {
			s += g.Kind + " "
		}
		return s
	}
	for run, want := range map[int]string{1: "simcloud floor plugin ", 2: "floor plugin simcloud ", 3: "plugin simcloud floor ", 4: "simcloud floor plugin "} {
		if got := kinds(runOrder(wideNetwork, run)); got != want {
			t.Errorf("run %d: %s, want %s", run, got, want)
		}
	}
}
