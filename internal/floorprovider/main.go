// Command floorprovider is a Terraform provider that stores nothing and checks
// nothing. It serves simcloud's own provider, resource and data source
// schemas, so the benchmarks (internal/cmd/bench) run simcloud's
// configurations through it word for word: the difference between it and
// simcloud is what simcloud itself costs, and the difference between it and
// terraform_data is what any provider of the same objects costs Terraform (a
// process, gRPC, the framework).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/simcloud/terraform-provider-simcloud/internal/pluginlog"
)

func main() {
	// The same log levels as simcloud's, so that the two differ only in
	// what simcloud does per call.
	pluginlog.MuteUnread(os.LookupEnv, os.Setenv)
	err := providerserver.Serve(context.Background(), newSchemaFloor, providerserver.ServeOpts{Address: "registry.terraform.io/simcloud/floorschemas"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
