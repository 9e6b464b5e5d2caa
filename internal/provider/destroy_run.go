package provider

import (
	"fmt"
	"os"
	"strings"
)

// destroyRun reports whether the Terraform command that started this
// provider process plans a destroy: terraform destroy, or terraform plan or
// apply with -destroy. Such a run first makes a normal plan of the whole
// configuration to refresh the state (hashicorp/terraform#32208), and throws
// its changes away: the rules of the creates and updates that plan proposes
// must not stop the destroy. The protocol does not say which walk a
// PlanResourceChange belongs to, so the provider reads its parent's command
// line; when it cannot (another OS, a provider reattached in a test), it
// answers false and every rule runs, as before.
func destroyRun(getenv func(string) string) bool {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", os.Getppid()))
	if err != nil {
		return false
	}
	return destroyCommand(strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00"), getenv)
}

// destroyCommand is destroyRun for a Terraform command line, argv[0]
// included, and the TF_CLI_ARGS variables Terraform adds to it.
func destroyCommand(argv []string, getenv func(string) string) bool {
	if len(argv) < 2 {
		return false
	}
	sub, i := "", 1
	for ; i < len(argv); i++ {
		if !strings.HasPrefix(argv[i], "-") {
			sub = argv[i]
			break
		}
	}
	switch sub {
	case "destroy":
		return true
	case "plan", "apply":
		args := append([]string{}, argv[i+1:]...)
		args = append(args, strings.Fields(getenv("TF_CLI_ARGS"))...)
		args = append(args, strings.Fields(getenv("TF_CLI_ARGS_"+sub))...)
		for _, a := range args {
			switch strings.TrimLeft(a, "-") {
			case "destroy", "destroy=true":
				return strings.HasPrefix(a, "-")
			}
		}
	}
	return false
}
