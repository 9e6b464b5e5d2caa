// Command terraform-provider-simcloud serves the simcloud Terraform provider
// and, called as simcloud or with a subcommand, is the simcloud command.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/simcloud/terraform-provider-simcloud/internal/cli"
	"github.com/simcloud/terraform-provider-simcloud/internal/provider"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if cli.Wanted(os.Args, os.Getenv) {
		os.Exit(cli.Main())
	}

	debug := flag.Bool("debug", false, "run the provider for a debugger to attach to")
	flag.Parse()

	tuneCollector()
	stopProfile := startProfile()
	err := provider.Serve(context.Background(), version, *debug)
	stopProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
