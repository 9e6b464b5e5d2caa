package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

// Serve runs the provider for Terraform until Terraform stops it. With debug,
// it runs for a debugger to attach to and prints how to reach it.
func Serve(ctx context.Context, version string, debug bool) error {
	if !debug {
		muteUnreadLogs(os.LookupEnv, os.Setenv)
	}
	return providerserver.Serve(ctx, New(version), providerserver.ServeOpts{
		Address: Address,
		Debug:   debug,
	})
}

// sdkLogLevels are the variables that set the plugin SDK's own log levels.
// Unset, each defaults to TRACE.
var sdkLogLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// muteUnreadLogs turns the plugin SDK's logging off when Terraform will throw
// the provider's log away. Terraform keeps a provider's log only when TF_LOG
// or TF_LOG_PROVIDER is set; otherwise the SDK still formats several JSON
// lines per call at TRACE and Terraform parses and discards each one, which
// cost about a third of a plan's time in the benchmarks (BENCHMARKS.md). A
// level the user set explicitly is left alone.
func muteUnreadLogs(lookup func(string) (string, bool), set func(string, string) error) {
	for _, kept := range []string{"TF_LOG", "TF_LOG_PROVIDER"} {
		if v, ok := lookup(kept); ok && v != "" {
			return
		}
	}
	for _, name := range sdkLogLevels {
		if _, ok := lookup(name); !ok {
			_ = set(name, "OFF")
		}
	}
}
