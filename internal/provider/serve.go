package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/simcloud/terraform-provider-simcloud/internal/pluginlog"
)

// Serve runs the provider for Terraform until Terraform stops it. With debug,
// it runs for a debugger to attach to and prints how to reach it, its log
// untouched, since then the user reads it.
func Serve(ctx context.Context, version string, debug bool) error {
	if !debug {
		pluginlog.MuteUnread(os.LookupEnv, os.Setenv)
	}
	return providerserver.Serve(ctx, New(version), providerserver.ServeOpts{
		Address: Address,
		Debug:   debug,
	})
}
