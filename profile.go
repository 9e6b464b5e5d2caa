package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// envProfile names the environment variable that makes each provider process
// profile itself. Terraform starts the provider, often several times in one
// run, so a flag cannot reach it and each process writes its own files:
// PREFIX.PID.cpu (CPU, the whole life of the process) and PREFIX.PID.allocs
// (every allocation sampled since start), for go tool pprof.
const envProfile = "SIMCLOUD_PROFILE"

// startProfile starts the CPU profile when envProfile is set and returns what
// writes the allocation profile and stops the CPU one; unset, it costs one
// lookup and returns a no-op.
func startProfile() (stop func()) {
	prefix := os.Getenv(envProfile)
	if prefix == "" {
		return func() {}
	}
	base := fmt.Sprintf("%s.%d", prefix, os.Getpid())
	cpu, err := os.Create(base + ".cpu")
	if err != nil {
		fmt.Fprintln(os.Stderr, "simcloud: "+envProfile+":", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		fmt.Fprintln(os.Stderr, "simcloud: "+envProfile+":", err)
		_ = cpu.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = cpu.Close()
		allocs, err := os.Create(base + ".allocs")
		if err != nil {
			fmt.Fprintln(os.Stderr, "simcloud: "+envProfile+":", err)
			return
		}
		defer func() { _ = allocs.Close() }()
		if err := pprof.Lookup("allocs").WriteTo(allocs, 0); err != nil {
			fmt.Fprintln(os.Stderr, "simcloud: "+envProfile+":", err)
		}
	}
}
