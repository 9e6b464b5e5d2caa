// Command terraform-provider-simcloud serves the simcloud Terraform provider.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/simcloud/terraform-provider-simcloud/internal/provider"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	debug := flag.Bool("debug", false, "run the provider for a debugger to attach to")
	flag.Parse()

	if err := provider.Serve(context.Background(), version, *debug); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
