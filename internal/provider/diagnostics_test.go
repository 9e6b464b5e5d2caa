package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestCloudErrorDiagnostic pins the shape every refusal is shown in: the
// code and AWS's message as summary, the message verbatim, the objects
// involved and the fix in the detail, on the attribute at fault.
func TestCloudErrorDiagnostic(t *testing.T) {
	var diags diag.Diagnostics
	addCloudError(&diags, "plan", &cloud.Error{
		Code: "RouteAlreadyExists", Message: "The route identified by 0.0.0.0/0 already exists.",
		Fix: "Remove one of the two.", Field: "destination_cidr_block",
		Objects: []string{"rtb-0123456789abcdef0", "the simcloud_route planned in this configuration for 0.0.0.0/0"},
	})
	if len(diags) != 1 {
		t.Fatalf("diagnostics: %v", diags)
	}
	d := diags[0]
	if got, want := d.Summary(), "RouteAlreadyExists: The route identified by 0.0.0.0/0 already exists."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	want := "The simulated cloud refused this as AWS would, with error code RouteAlreadyExists and AWS's message:\n" +
		"The route identified by 0.0.0.0/0 already exists.\n\n" +
		"Objects involved: rtb-0123456789abcdef0, the simcloud_route planned in this configuration for 0.0.0.0/0.\n\n" +
		"How to fix: Remove one of the two."
	if d.Detail() != want {
		t.Errorf("detail:\n%s\nwant:\n%s", d.Detail(), want)
	}
	if withPath, ok := d.(diag.DiagnosticWithPath); !ok || !withPath.Path().Equal(path.Root("destination_cidr_block")) {
		t.Errorf("not on destination_cidr_block: %v", d)
	}

	diags = nil
	addCloudError(&diags, "plan", &cloud.Error{Code: "InvalidVpc.Range", Message: "The CIDR '10.0.0.0/8' is invalid.", Fix: "Use a /16 to /28."})
	if want := "Objects involved: none in the cloud: the values given are refused before any object is looked up."; !strings.Contains(diags[0].Detail(), want) {
		t.Errorf("a refusal of values alone: %s", diags[0].Detail())
	}
}
