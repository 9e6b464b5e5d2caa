package main

import (
	"os"
	"runtime/debug"
)

// The provider process lives for one Terraform walk (a plan or an apply) and
// almost all it allocates is per-request garbage of the plugin framework
// (schema maps, value conversions), so the default collector (GOGC=100)
// spends about a third of the process's CPU collecting it. Measured on a
// refresh-plan of the 300-subnet network (1 VPC, IGW, route table, 300
// subnets and associations): provider CPU 3.2 s at GOGC=100 against 2.3 s at
// 400, peak RSS 105 MB against 230 MB. The memory limit caps what 400 may
// cost on a larger walk: near it the collector works as hard as it must.
const (
	collectorPercent = 400
	collectorLimit   = 256 << 20
)

// tuneCollector sets those defaults for the provider process; a GOGC or
// GOMEMLIMIT in the environment wins, so the choice can be undone.
func tuneCollector() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(collectorPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(collectorLimit)
	}
}
