// Package pluginlog sets the plugin SDK's log levels for a provider process
// before it serves. It is its own package so that the benchmarks' do-nothing
// provider (internal/floorprovider) behaves like simcloud without importing it.
package pluginlog

// sdkLogLevels are the variables that set the plugin SDK's own log levels.
// Unset, each defaults to TRACE.
var sdkLogLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// MuteUnread turns the plugin SDK's logging off when Terraform will throw
// the provider's log away. Terraform keeps a provider's log only when TF_LOG
// or TF_LOG_PROVIDER is set; otherwise the SDK still formats several JSON
// lines per call at TRACE and Terraform parses and discards each one, which
// cost about a third of a plan's time in the benchmarks (BENCHMARKS.md). A
// level the user set explicitly is left alone.
func MuteUnread(lookup func(string) (string, bool), set func(string, string) error) {
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
