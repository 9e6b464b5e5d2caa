package provider

import "testing"

// Terraform's command lines that plan a destroy, and those that do not, as
// the provider reads them from its parent process.
func TestDestroyCommand(t *testing.T) {
	env := map[string]string{}
	getenv := func(name string) string { return env[name] }
	for _, c := range []struct {
		argv []string
		env  map[string]string
		want bool
	}{
		{[]string{"terraform", "destroy", "-auto-approve"}, nil, true},
		{[]string{"terraform", "-chdir=envs/dev", "destroy"}, nil, true},
		{[]string{"terraform", "apply", "-destroy", "-auto-approve"}, nil, true},
		{[]string{"terraform", "plan", "--destroy"}, nil, true},
		{[]string{"terraform", "plan", "-destroy=true"}, nil, true},
		{[]string{"terraform", "apply"}, map[string]string{"TF_CLI_ARGS_apply": "-destroy"}, true},
		{[]string{"terraform", "plan"}, map[string]string{"TF_CLI_ARGS": "-destroy"}, true},
		{[]string{"terraform", "apply", "-auto-approve"}, nil, false},
		{[]string{"terraform", "plan", "-out=destroy"}, nil, false},
		{[]string{"terraform", "plan"}, map[string]string{"TF_CLI_ARGS_apply": "-destroy"}, false},
		{[]string{"terraform", "apply", "destroy.tfplan"}, nil, false},
		{[]string{"terraform"}, nil, false},
		{[]string{"/usr/bin/go", "test", "./..."}, nil, false},
	} {
		env = c.env
		if got := destroyCommand(c.argv, getenv); got != c.want {
			t.Errorf("%q with %v: destroy %v, want %v", c.argv, c.env, got, c.want)
		}
	}
}
