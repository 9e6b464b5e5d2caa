package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/report.md from the renderer")

func fixedReport(t *testing.T) report {
	t.Helper()
	rs, err := parseResults(`simcloud 300 apply 14.9
simcloud 300 apply 15.1
simcloud 300 apply 14.0
simcloud 300 plan 3.6
simcloud 300 destroy 9
floor 300 apply 11.658
floor 300 plan 1.199
floor 300 destroy 8
plugin 300 apply 10.412
plugin 300 plan 2.022
plugin 300 destroy 8.5
inst-simcloud 1000 apply 200
inst-simcloud 1000 plan 20
inst-floor 1000 apply 150
inst-floor 1000 plan 10
inst-plugin 1000 apply 160
inst-plugin 1000 plan 19
conc-alone 100 apply 3.158
conc-all 100 apply 26.207
conc-alone-floor 100 apply 1.665
conc-all-floor 100 apply 11.457
conc-alone-plugin 100 apply 2.103
conc-all-plugin 100 apply 15.061
plan-sdk-log-off 300 plan 3
plan-sdk-log-trace 300 plan 4.5
go-CheckSubnet 0 ns 144000
go-CheckSubnet 0 allocs 301
go-CheckSubnet 100000 ns 145000
go-CheckSubnet 100000 allocs 305
go-CheckRoute 0 ns 100000
go-CheckRoute 100000 ns 200000
go-CreateSubnet 0 ns 250000
go-CreateSubnet 0 allocs 450
go-CreateSubnet 100000 ns 270000
go-CreateRoute 0 ns 234000
go-CreateRoute 0 allocs 1415
go-CreateRoute 100000 ns 250000
go-CheckSecurityGroup 0 ns 50000
go-CheckSecurityGroup 100000 ns 51000
`)
	if err != nil {
		t.Fatal(err)
	}
	return report{
		Generated: time.Date(2026, 11, 27, 1, 22, 0, 0, time.UTC),
		Machine:   machine{Cores: 2, CPU: "AMD EPYC", Memory: "23.5 GiB", Go: "go1.26.8", TFVers: "v1.11.4"},
		Notes:     []string{"Load average when this run began: 1.50 3.36 3.42 (other work on the machine distorts the times)."},
		Results:   rs, Conc: 8, ConcN: 100, NLog: 300,
		Startup: startup{
			Runs:     []startupRun{{30.4, 19516}, {27.699, 19068}, {26.017, 18768}},
			BinaryMB: 39,
			Inits: []initLine{
				{"init internal/bytealg @0.004 ms, 0.008 ms clock, 0 bytes, 0 allocs", 0.008},
				{"init github.com/jackc/pgx/v5/pgtype @2.1 ms, 1.9 ms clock, 250000 bytes, 3000 allocs", 1.9},
			},
			EndMS: "9.8",
		},
		Calls: map[string][]call{"apply": {{"CreateSubnet(simcloud_subnet)", 1}, {"CreateSubnet(simcloud_subnet)", 3}}},
		Perf:  map[string][2]string{"plan": {"    60.00%  terraform\n    40.00%  terraform-provi\n", "    30.00%  0.00%  [.] main.main\n    25.00%  0.00%  [.] github.com/simcloud/terraform-provider-simcloud/internal/cloud.(*Client).observe\n"}},
		Profiles: map[string]profile{"CheckRoute": {
			Diff: "Showing nodes\n      flat  flat%   sum%        cum   cum%\n   50ms 50% 50% 50ms 50% store.scan\n",
			Top:  "      flat  flat%   sum%        cum   cum%\n   10ms 10% 10% 90ms 90% cloud.CheckRoute\n",
		}},
		QueryPlans: "SELECT 1\n    QUERY PLAN\n",
	}
}

// The report of given measurements, line for line: its sections, the
// medians and ratios, the verdicts against the targets.
func TestRenderGolden(t *testing.T) {
	got := render(fixedReport(t))
	golden := filepath.Join("testdata", "report.md")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("render differs from %s (go test -run TestRenderGolden -update to accept):\n%s", golden, got)
	}
}

// Rows that the golden file holds, said again as facts, so that a wrong
// golden file accepted with -update does not go unnoticed.
func TestRenderFacts(t *testing.T) {
	got := render(fixedReport(t))
	for _, want := range []string{
		"| apply, wide network N=300: simcloud / do-nothing plugin with simcloud's schemas | 1.43x (14.900s / 10.412s; 1.28x terraform_data) | 1.2x | **not met** |",
		"| plan, instances network N=1000: simcloud / do-nothing plugin with simcloud's schemas | 1.05x (20.000s / 19.000s; 2.00x terraform_data) | 1.2x | met |",
		"| CreateSubnet on an empty cloud | 250 µs, 450 allocs | 300 µs, 500 allocs | met |",
		"| CreateRoute on an empty cloud | 234 µs, 1415 allocs | 300 µs, 500 allocs | **not met** |",
		"**CreateRoute on an empty cloud: 234 µs and 1415 allocations (targets 300 µs, 500).**",
		"- wide network, plan, N=300: simcloud 3.60s, the plugin 2.02s: 1.58s (78%) of simcloud's own work; terraform_data 1.20s.",
		"| CheckSubnet at 100k objects / empty cloud | 1.01x (145 µs / 144 µs) | 1.2x | met |",
		"| CheckRoute at 100k objects / empty cloud | 2.00x (200 µs / 100 µs) | 1.2x | **not met** |",
		"| provider start-up, process start to handshake (median of 3) | 27.699 ms | 30 ms | met |",
		"| 8 concurrent applies of N=100 on one SQLite file: simcloud / do-nothing plugin with simcloud's schemas | 1.74x (26.207s / 15.061s) | 1.15x | **not met** |",
		"| plan, N=1000 | 10.000s | 19.000s | 20.000s | 1.90x | 1.05x |",
		"| 300 | destroy | 9.000s | 8.000s | 8.500s | 1.12x | 1.06x |",
		"### CheckRoute: where the extra time goes at 100k objects",
		"| apply | CreateSubnet(simcloud_subnet) | 2 | 4 | 2.00 | 1.00 | 3.00 |",
		"(1.50x)",
		"runs per size | 3 (medians below)",
		"process takes 40% of all CPU",
		"**CheckRoute grows with the cloud (2.00x at 100k objects).**",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(got, "### CheckSubnet: where") || strings.Contains(got, "**CheckSubnet grows") {
		t.Error("a profile or a cause is shown for a target that is met")
	}
	if strings.Contains(got, "**CreateSubnet on an empty cloud") || strings.Contains(got, "instances network, plan, N=1000") {
		t.Error("a cause is given for a create or a plan that meets its target")
	}
	if strings.Contains(got, "**Start-up") {
		t.Error("a cause is given for the start-up target, which is met")
	}
}

// A SCAN of a co-routine (a bounded subquery) reads no table whole; a SCAN
// of a table does.
func TestTablesScanned(t *testing.T) {
	plans := `SELECT ...
    QUERY PLAN
    ` + "`" + `--MERGE (UNION ALL)
       |--LEFT
       |  ` + "`" + `--SEARCH s USING INDEX subnets_vpc_cidr_first (vpc_id=? AND cidr_first>?)
       ` + "`" + `--RIGHT
          |--CO-ROUTINE s
          |  ` + "`" + `--SEARCH subnets USING INDEX subnets_vpc_cidr_first (vpc_id=? AND cidr_first<?)
          |--SCAN s
SELECT id FROM routes WHERE destination = ?
    QUERY PLAN
    ` + "`" + `--SCAN routes
`
	if got := tablesScanned(plans); !slices.Equal(got, []string{"routes"}) {
		t.Errorf("tablesScanned = %v, want [routes]", got)
	}
	if got := tablesScanned(strings.ReplaceAll(plans, "--SCAN routes", "--SEARCH routes USING INDEX routes_destination (destination=?)")); len(got) != 0 {
		t.Errorf("tablesScanned of plans that only seek = %v", got)
	}
}

// The cause given for an engine call that grows with the cloud follows the
// evidence: a table scanned, else SQLite's B-tree work where the profile
// shows it.
func TestRenderGrowthCause(t *testing.T) {
	r := fixedReport(t)
	r.QueryPlans = "SELECT id FROM routes\n    QUERY PLAN\n    `--SCAN routes\n"
	if got := render(r); !strings.Contains(got, "the query plans above scan routes") {
		t.Error("a scanned table is not named as the cause")
	}
	r.QueryPlans = "SELECT id FROM routes WHERE id = ?\n    QUERY PLAN\n    `--SEARCH routes USING INDEX routes_id (id=?)\n"
	p := r.Profiles["CheckRoute"]
	p.Diff = "Showing nodes\n      flat  flat%   sum%        cum   cum%\n   50ms 50% 50% 60ms 60% modernc.org/sqlite/lib._sqlite3BtreeIndexMoveto\n"
	r.Profiles["CheckRoute"] = p
	got := render(r)
	if !strings.Contains(got, "No lookup scans") || !strings.Contains(got, "`sqlite3BtreeIndexMoveto` (a seek") {
		t.Error("seeks alone, with B-tree work in the profile, are not given as the cause")
	}
}
