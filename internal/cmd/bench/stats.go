package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

// median of the values; NaN when there are none.
func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ratio a/b; NaN when either is missing or b is zero.
func ratio(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return math.NaN()
	}
	return a / b
}

// meets reports whether a measured value is within its limit; a missing
// value meets nothing.
func meets(v, limit float64) bool { return !math.IsNaN(v) && v <= limit }

// meetsRounded compares a ratio as the report prints it, to two decimals, so
// that a row never reads "1.10x ... not met" against a limit of 1.10x.
func meetsRounded(r, limit float64) bool {
	if math.IsNaN(r) {
		return false
	}
	return meets(math.Round(r*100)/100, limit)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// runsFor is the rule for slow sizes: a size whose first simcloud run (apply,
// plan and destroy together) takes longer than slow seconds is run once,
// not runs times.
func runsFor(runs int, firstTotal, slow float64) int {
	if runs > 1 && firstTotal > slow {
		return 1
	}
	return runs
}

func secs(v float64) string  { return fmtNum(v, 3) }
func times(r float64) string { return fmtNum(r, 2) + "x" }

func fmtNum(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "nan"
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// A result is one measurement: what was measured (a graph kind, or a Go
// benchmark), at which size, which phase or unit, and the value.
type result struct {
	Kind  string
	N     int
	Phase string
	Value float64
}

// results are kept as lines "<kind> <n> <phase> <value>" in a text file, so
// that KEEP_RESULTS=1 adds to those of an earlier run.
type results []result

func (rs results) values(kind string, n int, phase string) []float64 {
	var v []float64
	for _, r := range rs {
		if r.Kind == kind && r.N == n && r.Phase == phase {
			v = append(v, r.Value)
		}
	}
	return v
}

func (rs results) get(kind string, n int, phase string) float64 {
	return median(rs.values(kind, n, phase))
}

func (rs results) has(kind string) bool {
	for _, r := range rs {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

// sizes are the sizes measured for any of the kinds, in order.
func (rs results) sizes(kinds ...string) []int {
	seen := map[int]bool{}
	var out []int
	for _, r := range rs {
		for _, k := range kinds {
			if r.Kind == k && !seen[r.N] {
				seen[r.N] = true
				out = append(out, r.N)
			}
		}
	}
	sort.Ints(out)
	return out
}

// mostRuns is the largest number of applies of kind at any one size.
func (rs results) mostRuns(kind string) int {
	c := map[int]int{}
	m := 0
	for _, r := range rs {
		if r.Kind == kind && r.Phase == "apply" {
			c[r.N]++
			m = max(m, c[r.N])
		}
	}
	return m
}

func (r result) line() string {
	return fmt.Sprintf("%s %d %s %s", r.Kind, r.N, r.Phase, strconv.FormatFloat(r.Value, 'f', -1, 64))
}

func parseResults(text string) (results, error) {
	var rs results
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("bench: a results line has %d fields: %q", len(f), sc.Text())
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("bench: results line %q: %w", sc.Text(), err)
		}
		v, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return nil, fmt.Errorf("bench: results line %q: %w", sc.Text(), err)
		}
		rs = append(rs, result{Kind: f[0], N: n, Phase: f[2], Value: v})
	}
	return rs, sc.Err()
}

func readResults(path string) (results, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseResults(string(b))
}

// appendResult records one measurement in memory and in the file at once,
// so that a run cut short keeps what it measured.
func appendResult(rs *results, path string, r result) error {
	*rs = append(*rs, r)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, r.line())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func nan() float64 { return math.NaN() }
