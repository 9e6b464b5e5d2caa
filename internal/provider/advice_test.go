package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	testresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Warnings come from Read, so these tests apply a network with
// terraform-plugin-testing (which also shows that the warnings neither fail
// a step nor leave a diff behind) and then run the resource's Read on what
// was applied, as the next plan's refresh does: plugin-testing has no way to
// assert on the warnings Terraform prints.

// readDiagnostics runs a resource's Read for the object with the given ID on
// the test's cloud and returns its diagnostics.
func readDiagnostics(t *testing.T, c *testCloud, r resource.Resource, id string) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	configurable, ok := r.(resource.ResourceWithConfigure)
	if !ok {
		t.Fatalf("%T cannot be configured", r)
	}
	configurable.Configure(ctx,
		resource.ConfigureRequest{ProviderData: &providerData{client: c.client, plan: cloud.NewPlan()}}, &resource.ConfigureResponse{})
	var schema resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schema)
	state := tfsdk.State{Schema: schema.Schema, Raw: tftypes.NewValue(schema.Schema.Type().TerraformType(ctx), nil)}
	diags := state.SetAttribute(ctx, path.Root("id"), id)
	resp := resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, &resp)
	return append(diags, resp.Diagnostics...)
}

// expectWarnings checks, after a step, the warnings that reading each
// resource of want produces: want maps an address to the summaries
// expected, in order; an address with none must read without any.
func expectWarnings(t *testing.T, c *testCloud, want map[string][]string) testresource.TestCheckFunc {
	return func(s *terraformState) error {
		for address, summaries := range want {
			rs, ok := s.RootModule().Resources[address]
			if !ok {
				return fmt.Errorf("%s is not in state", address)
			}
			r, ok := resourceOfType(rs.Type)
			if !ok {
				return fmt.Errorf("the provider has no resource %s", rs.Type)
			}
			diags := readDiagnostics(t, c, r, rs.Primary.ID)
			if diags.HasError() {
				return fmt.Errorf("reading %s: %v", address, diags)
			}
			warnings := diags.Warnings()
			if len(warnings) != len(summaries) {
				return fmt.Errorf("reading %s gave %d warnings, want %d: %v", address, len(warnings), len(summaries), warnings)
			}
			for i, w := range warnings {
				if w.Summary() != rs.Primary.ID+": "+summaries[i] {
					return fmt.Errorf("%s warns %q, want %q", address, w.Summary(), rs.Primary.ID+": "+summaries[i])
				}
				for _, part := range []string{"Objects involved: " + rs.Primary.ID, "How to fix: ", "This is a warning ("} {
					if !strings.Contains(w.Detail(), part) {
						return fmt.Errorf("%s's warning lacks %q: %s", address, part, w.Detail())
					}
				}
			}
		}
		return nil
	}
}

// resourceOfType is a new resource of the provider's of the given type.
func resourceOfType(typeName string) (resource.Resource, bool) {
	ctx := context.Background()
	for _, newResource := range New("test")().Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "simcloud"}, &md)
		if md.TypeName == typeName {
			return r, true
		}
	}
	return nil, false
}

var adviceNetwork = tfVPC("test", "10.0.0.0/16") + tfGateway("test", "test") +
	tfSubnet("test", "test", "10.0.1.0/24", "map_public_ip_on_launch = true")

// adviceTable is adviceNetwork's route table, with routes.
func adviceTable(routes ...string) string { return tfRouteTable("test", "test", routes...) }

// adviceServed is adviceTable serving adviceNetwork's subnet.
func adviceServed(routes ...string) string {
	return adviceTable(routes...) + tfAssociation("test", "test", "test")
}

// adviceRoute routes 0.0.0.0/0 to adviceNetwork's gateway.
var adviceRoute = tfInlineRoute(`cidr_block = "0.0.0.0/0"`, "gateway_id = "+tfID("internet_gateway", "test"))

// adviceRouted completes adviceNetwork as a public subnet should be: a
// table that routes to the gateway, serving the subnet.
var adviceRouted = adviceServed(adviceRoute)

const (
	publicIPWarning = "public IPv4 addresses the internet cannot reach"
	igwWarning      = "internet gateway that no route uses"
	tableWarning    = "route table that no subnet uses"
)

var quiet = map[string][]string{
	"simcloud_subnet.test":           nil,
	"simcloud_internet_gateway.test": nil,
	"simcloud_route_table.test":      nil,
}

func TestAccSubnetWarnsWhenPublicAddressesAreUnreachable(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		testresource.TestStep{
			Config: c.config(adviceNetwork),
			Check: expectWarnings(t, c, map[string][]string{
				"simcloud_subnet.test":           {publicIPWarning},
				"simcloud_internet_gateway.test": {igwWarning},
			}),
		},
		// Routed in the same apply that creates the table: no warning.
		testresource.TestStep{Config: c.config(adviceNetwork + adviceRouted), Check: expectWarnings(t, c, quiet)},
	)
}

func TestAccSubnetWarningOnAttribute(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t, testresource.TestStep{
		Config: c.config(adviceNetwork),
		Check:  expectWarningOn(t, c, "simcloud_subnet.test", "map_public_ip_on_launch", "has no route for internet addresses"),
	})
}

func TestAccInternetGatewayWarnsWithoutRoute(t *testing.T) {
	c := newTestCloud(t)
	// The table serves the subnet but has only its local route: the gateway
	// and the subnet are advised on, the table is not.
	unrouted := adviceServed()
	unitTest(t,
		testresource.TestStep{
			Config: c.config(adviceNetwork + unrouted),
			Check: expectWarnings(t, c, map[string][]string{
				"simcloud_internet_gateway.test": {igwWarning},
				"simcloud_subnet.test":           {publicIPWarning},
				"simcloud_route_table.test":      nil,
			}),
		},
		testresource.TestStep{Config: c.config(adviceNetwork + adviceRouted), Check: expectWarnings(t, c, quiet)},
	)
}

func TestAccRouteTableWarnsWithoutSubnets(t *testing.T) {
	c := newTestCloud(t)
	spare := adviceTable(adviceRoute)
	unitTest(t,
		testresource.TestStep{
			Config: c.config(adviceNetwork + spare),
			Check: expectWarnings(t, c, map[string][]string{
				"simcloud_route_table.test":      {tableWarning},
				"simcloud_internet_gateway.test": nil,
				"simcloud_subnet.test":           {publicIPWarning},
			}),
		},
		testresource.TestStep{Config: c.config(adviceNetwork + adviceRouted), Check: expectWarnings(t, c, quiet)},
	)
}

func TestAccSecurityGroupWarnsOfSSHOpenToTheInternet(t *testing.T) {
	c := newTestCloud(t)
	group := func(rules ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfSecurityGroup("admin", "main", append([]string{`name = "admin"`}, rules...)...))
	}
	sshFromAnywhere := tfRuleBlock("ingress", "from_port = 22", "to_port = 22", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`)
	everythingFromAnywhere := tfRuleBlock("ingress", "from_port = 0", "to_port = 0", `protocol = "-1"`, `ipv6_cidr_blocks = ["::/0"]`)
	address := "simcloud_security_group.admin"
	unitTest(t,
		// AWS accepts the rule, and so does the plan: a warning, no error.
		testresource.TestStep{Config: group(sshFromAnywhere, httpFromAnywhere), Check: testresource.ComposeTestCheckFunc(
			expectWarnings(t, c, map[string][]string{address: {"SSH open to the whole internet"}}),
			expectWarningOn(t, c, address, "ingress", "lets SSH (TCP port 22) in from 0.0.0.0/0", "Restrict the rule's source"),
		)},
		testresource.TestStep{Config: group(sshFromAnywhere, httpFromAnywhere), ConfigPlanChecks: expectEmptyPlan},
		testresource.TestStep{Config: group(everythingFromAnywhere), Check: testresource.ComposeTestCheckFunc(
			expectWarnings(t, c, map[string][]string{address: {"SSH and RDP open to the whole internet"}}),
			expectWarningOn(t, c, address, "ingress", "SSH (TCP port 22) and RDP (TCP port 3389) in from ::/0"),
		)},
		// Restricted to an office's address: quiet.
		testresource.TestStep{Config: group(sshFromOffice, httpFromAnywhere),
			Check: expectWarnings(t, c, map[string][]string{address: nil})},
	)
}

func TestAccNetworkACLWarnsWhenRepliesAreDropped(t *testing.T) {
	c := newTestCloud(t)
	https := aclRule("ingress", 100, "tcp", "allow", "0.0.0.0/0", 443, 443)
	address := "simcloud_network_acl.web"
	web := func(rules ...string) string { return c.config(aclNet + tfNetworkACL("web", rules...)) }
	unitTest(t,
		testresource.TestStep{Config: web(https), Check: testresource.ComposeTestCheckFunc(
			expectWarnings(t, c, map[string][]string{address: {"network ACL drops the replies to inbound connections"}}),
			expectWarningOn(t, c, address, "egress", "outbound rules deny TCP to 0.0.0.0/0 on ports 1024-65535",
				"Add an outbound rule that allows TCP to 0.0.0.0/0 on ports 1024-65535"),
		)},
		testresource.TestStep{Config: web(https), ConfigPlanChecks: expectEmptyPlan},
		// The outbound rule for the replies quiets it.
		testresource.TestStep{Config: web(https, aclRule("egress", 100, "tcp", "allow", "0.0.0.0/0", 1024, 65535)),
			Check: expectWarnings(t, c, map[string][]string{address: nil})},
	)
}

// expectWarningOn checks that reading address gives warnings, each on
// attribute and saying each of parts.
func expectWarningOn(t *testing.T, c *testCloud, address, attribute string, parts ...string) testresource.TestCheckFunc {
	return func(s *terraformState) error {
		rs := s.RootModule().Resources[address]
		r, _ := resourceOfType(rs.Type)
		warnings := readDiagnostics(t, c, r, rs.Primary.ID).Warnings()
		if len(warnings) == 0 {
			return fmt.Errorf("reading %s gave no warning", address)
		}
		for _, d := range warnings {
			withPath, ok := d.(diag.DiagnosticWithPath)
			if !ok || !withPath.Path().Equal(path.Root(attribute)) {
				return fmt.Errorf("the warning is not on %s: %v", attribute, d)
			}
			for _, part := range parts {
				if !strings.Contains(d.Detail(), part) {
					return fmt.Errorf("the warning does not say %q: %s", part, d.Detail())
				}
			}
		}
		return nil
	}
}
