package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// perfShare is the first percentage on the line of a perf report that
// matches, NaN when there is none.
func perfShare(text string, match func(string) bool) float64 {
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || !match(l) {
			continue
		}
		if v, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64); err == nil {
			return v
		}
	}
	return math.NaN()
}

// renderAnalysis writes the measured causes of the targets missed, and what
// would meet them. Each paragraph is written only when its target is
// missed in these results, and its numbers come from them.
func renderAnalysis(w func(string, ...any), r report) {
	rs := r.Results
	headed := false
	head := func() {
		if !headed {
			w("## Causes of the targets missed, and what would meet them")
			w("")
			headed = true
		}
	}
	if rs.has("go-CheckSubnet") {
		for _, b := range benchNames {
			if goBenchMet(rs, b) {
				continue
			}
			head()
			w("**%s grows with the cloud (%s at 100k objects).**", b,
				times(ratio(rs.get("go-"+b, 100000, "ns"), rs.get("go-"+b, 0, "ns"))))
			if scanned := tablesScanned(r.QueryPlans); len(scanned) > 0 {
				w("A lookup reads rows in proportion to the cloud or the account: the query plans above scan %s,", strings.Join(scanned, ", "))
				w("and the pprof diff above names the functions that take the extra time. What would meet it: an index")
				w("that serves that lookup (a migration in internal/store/migrations), so that it reads only the rows it returns.")
			} else if strings.Contains(r.Profiles[b].Diff, "Btree") {
				w("No lookup scans: every query plan above seeks an index. The extra time is SQLite's own work on")
				w("trees of 100k rows, in the functions the pprof diff above names: `sqlite3BtreeIndexMoveto` (a seek")
				w("descends more levels), `vdbeRecordCompareString` (each level compares text IDs) and `balance_nonroot`")
				w("(pages split as rows go in). What would meet it: fewer seeks and inserts per call (reads that")
				w("share one lookup, tags written with the object), or integer keys that compare faster than text IDs.")
			} else {
				w("No lookup scans: every query plan above seeks an index. The pprof diff above names the functions")
				w("that take the extra time; what would meet it is less of their work per call.")
			}
			w("")
		}
	}
	floorMissed(w, r, head)
	if rs.has("go-CheckSubnet") {
		createMissed(w, r, head)
	}
	if ms := r.startupMS(); len(r.Startup.Runs) > 0 && !meets(ms, 30) {
		head()
		sum := 0.0
		for _, i := range r.Startup.Inits {
			sum += i.MS
		}
		w("**Start-up %s ms.** The inittrace above: %d package initializers take %.1f ms and", secs(ms), len(r.Startup.Inits), sum)
		w("the last ends %s ms after exec; the rest, to the handshake, is go-plugin's server set-up,", r.Startup.EndMS)
		w("which under Terraform (PLUGIN_CLIENT_CERT set) generates a P-521 ECDSA key and self-signed certificate")
		w("for AutoMTLS. The binary is %d MB: the PostgreSQL driver (pgx), modernc.org/sqlite's", r.Startup.BinaryMB)
		w("transpiled C and the plugin framework. What would meet 30 ms: fewer and cheaper initializers (the")
		w("slowest are listed above, nearly all in dependencies) and a cheaper key in go-plugin (P-256).")
		w("")
	}
	if rs.has("conc-all") {
		concMissed(w, r, head)
	}
}

func floorMissed(w func(string, ...any), r report, head func()) {
	rs := r.Results
	var lines []string
	for _, net := range [][]graph{wideNetwork, instancesNetwork} {
		for _, n := range []int{300, 1000} {
			for _, p := range []string{"apply", "plan"} {
				s, f, g := rs.get(net[0].Kind, n, p), rs.get(net[1].Kind, n, p), rs.get(net[2].Kind, n, p)
				if math.IsNaN(s) || math.IsNaN(g) || meetsRounded(ratio(s, g), floorLimit) {
					continue
				}
				lines = append(lines, fmt.Sprintf("- %s network, %s, N=%d: simcloud %.2fs, the plugin %.2fs: %.2fs (%.0f%%) of simcloud's own work; terraform_data %.2fs.",
					networkName(net), p, n, s, g, s-g, 100*(s-g)/g, f))
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	head()
	w("**Apply or plan above %sx the do-nothing plugin with simcloud's schemas.** That plugin gets the", fmtNum(floorLimit, 1))
	w("same configuration, the same objects on the wire and the same plugin framework, and stores and checks")
	w("nothing, so all that is above it is simcloud's own work:")
	w("")
	for _, l := range lines {
		w("%s", l)
	}
	w("")
	if pr, ok := r.Perf["plan"]; ok {
		pshare := perfShare(pr[0], func(l string) bool { return strings.Contains(l, "terraform-provi") })
		cshare := perfShare(pr[1], func(l string) bool { return strings.HasSuffix(l, "internal/cloud.(*Client).observe") })
		if !math.IsNaN(pshare) && !math.IsNaN(cshare) {
			w("From the perf profile of the plan of N=%d above: the provider process takes %s%% of all CPU", r.NLog, fmtNum(pshare, -1))
			w("samples, and the cloud itself (every engine call: its rules, the SQL and SQLite, timed by")
			w("`cloud.(*Client).observe`) %s%%; the rest of simcloud's share is reading and writing each", fmtNum(cshare, -1))
			w("resource's model and the garbage both make.")
			w("")
		}
	}
	w("What would meet it: the calls into the cloud that the debug log above times, made cheaper where")
	w("they read more than they return (a pprof profile of the provider, SIMCLOUD_PROFILE=prefix, names")
	w("them), and at apply one check instead of two (the plan's check cannot be trusted at apply: another")
	w("run may have changed the cloud in between).")
	w("")
}

// createMissed explains a create over its time or allocations.
func createMissed(w func(string, ...any), r report, head func()) {
	rs := r.Results
	for _, b := range benchNames {
		if !isCreate(b) || createMet(rs, b) {
			continue
		}
		head()
		w("**%s on an empty cloud: %s µs and %s allocations (targets %s µs, %s).** Each read of a row", b,
			fmtNum(rs.get("go-"+b, 0, "ns")/1000, 0), fmtNum(rs.get("go-"+b, 0, "allocs"), -1),
			fmtNum(createMaxNS/1000, 0), fmtNum(createMaxAllocs, -1))
		w("through database/sql and modernc.org/sqlite allocates: the driver makes a value slice per row and a")
		w("string per text column (`sqlite.(*rows).Next`, `(*conn).columnText`), and database/sql a statement,")
		w("a context and a result per query. A create reads its rule's objects whole (a route table with all")
		w("its routes, twice for a route: the rule, then the route's state), so most of its allocations are")
		w("rows it does not need. What would meet it: reads that return only the columns and rows a rule")
		w("asks about (the route to one destination, not the table), or a store that keeps the cloud's")
		w("objects in memory between transactions and reads SQLite only on a change by another process.")
		w("")
	}
}

func concMissed(w func(string, ...any), r report, head func()) {
	rs := r.Results
	if concMet(rs, r.ConcN) {
		return
	}
	head()
	alone, all := rs.get("conc-alone", r.ConcN, "apply"), rs.get("conc-all", r.ConcN, "apply")
	pa, pall := rs.get("conc-alone-plugin", r.ConcN, "apply"), rs.get("conc-all-plugin", r.ConcN, "apply")
	w("**Concurrent applies: %ss against the plugin's %ss (%s).** One simcloud apply alone takes %ss", secs(all), secs(pall), times(ratio(all, pall)), secs(alone))
	w("(%s with %d at once); the plugin's, %ss (%s). What simcloud adds to the plugin", times(ratio(all, alone)), r.Conc, secs(pa), times(ratio(pall, pa)))
	w("floor when runs overlap is waiting: each provider process writes through one connection, and")
	w("writers take the file's lock in turn with BEGIN IMMEDIATE for as long as one rule and one write take.")
	w("What would meet the target: shorter write transactions (rules that read less inside them), or")
	w("PostgreSQL, whose writers wait only for the cloud's advisory lock.")
	w("")
}

// tablesScanned are the tables that a query plan of EXPLAIN QUERY PLAN's
// output reads whole: a SCAN of a table, not of a co-routine (a subquery
// that SQLite runs as its own, bounded, query).
func tablesScanned(plans string) []string {
	coroutines := map[string]bool{}
	for _, l := range strings.Split(plans, "\n") {
		if _, after, ok := strings.Cut(l, "CO-ROUTINE "); ok && len(strings.Fields(after)) > 0 {
			coroutines[strings.Fields(after)[0]] = true
		}
	}
	var scanned []string
	for _, l := range strings.Split(plans, "\n") {
		_, after, ok := strings.Cut(l, "--SCAN ")
		if !ok || len(strings.Fields(after)) == 0 {
			continue
		}
		if name := strings.Fields(after)[0]; !coroutines[name] && !slices.Contains(scanned, name) {
			scanned = append(scanned, name)
		}
	}
	return scanned
}
