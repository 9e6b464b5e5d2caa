package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The tests' configurations are built one call a resource, so that a test
// reads as the list of objects its network has, and the networks several
// tests stand on are written once, here.

// tfBlock renders a block with one argument a line; an argument may itself
// be a nested block.
func tfBlock(header string, arguments ...string) string {
	return "\n" + header + " {\n  " + strings.Join(arguments, "\n  ") + "\n}\n"
}

// tfResource renders resource "simcloud_<kind>" "<name>".
func tfResource(kind, name string, arguments ...string) string {
	return tfBlock(`resource "simcloud_`+kind+`" "`+name+`"`, arguments...)
}

// tfData renders data "simcloud_<kind>" "<name>".
func tfData(kind, name string, arguments ...string) string {
	return tfBlock(`data "simcloud_`+kind+`" "`+name+`"`, arguments...)
}

// tfID is the reference to the ID of resource simcloud_<kind>.<name>.
func tfID(kind, name string) string { return "simcloud_" + kind + "." + name + ".id" }

func tfVPC(name, cidr string, arguments ...string) string {
	return tfResource("vpc", name, append([]string{`cidr_block = "` + cidr + `"`}, arguments...)...)
}

// tfGateway is an internet gateway attached to simcloud_vpc.<vpc>.
func tfGateway(name, vpc string, arguments ...string) string {
	return tfResource("internet_gateway", name, append([]string{"vpc_id = " + tfID("vpc", vpc)}, arguments...)...)
}

func tfEgressGateway(name, vpc string, arguments ...string) string {
	return tfResource("egress_only_internet_gateway", name, append([]string{"vpc_id = " + tfID("vpc", vpc)}, arguments...)...)
}

func tfSubnet(name, vpc, cidr string, arguments ...string) string {
	return tfResource("subnet", name, append([]string{"vpc_id = " + tfID("vpc", vpc), `cidr_block = "` + cidr + `"`}, arguments...)...)
}

func tfRouteTable(name, vpc string, arguments ...string) string {
	return tfResource("route_table", name, append([]string{"vpc_id = " + tfID("vpc", vpc)}, arguments...)...)
}

// tfAssociation serves simcloud_subnet.<subnet> by simcloud_route_table.<table>.
func tfAssociation(name, subnet, table string) string {
	return tfResource("route_table_association", name, "subnet_id = "+tfID("subnet", subnet), "route_table_id = "+tfID("route_table", table))
}

// tfAttachment attaches the internet gateway whose ID the expression gateway
// gives to simcloud_vpc.<vpc>.
func tfAttachment(name, gateway, vpc string) string {
	return tfResource("internet_gateway_attachment", name, "internet_gateway_id = "+gateway, "vpc_id = "+tfID("vpc", vpc))
}

// tfRoute is a simcloud_route in simcloud_route_table.<table>.
func tfRoute(name, table string, arguments ...string) string {
	return tfResource("route", name, append([]string{"route_table_id = " + tfID("route_table", table)}, arguments...)...)
}

// tfInlineRoute is a route block of a route table.
func tfInlineRoute(arguments ...string) string {
	return "route {\n    " + strings.Join(arguments, "\n    ") + "\n  }"
}

// repeated is n pieces of configuration, the i-th (counting from 1) rendered
// by piece, for the tests that go over a limit.
func repeated(n int, piece func(i int) string) string {
	pieces := make([]string, n)
	for i := range pieces {
		pieces[i] = piece(i + 1)
	}
	return strings.Join(pieces, "\n")
}

const assignIPv6 = "assign_generated_ipv6_cidr_block = true"

// ipv6Subnet is a subnet's ipv6_cidr_block: the netnum-th /64 of
// simcloud_vpc.main's block.
func ipv6Subnet(netnum string) string {
	return "ipv6_cidr_block = cidrsubnet(simcloud_vpc.main.ipv6_cidr_block, 8, " + netnum + ")"
}

// The networks several tests stand on.

// vpcsAB is two VPCs, a (10.0.0.0/16) and b (10.1.0.0/16).
var vpcsAB = tfVPC("a", "10.0.0.0/16") + tfVPC("b", "10.1.0.0/16")

// otherVPC is a second VPC beside simcloud_vpc.main.
var otherVPC = tfVPC("other", "10.1.0.0/16")

// routeToGateway routes 0.0.0.0/0 to simcloud_internet_gateway.main.
var routeToGateway = tfInlineRoute(`cidr_block = "0.0.0.0/0"`, "gateway_id = "+tfID("internet_gateway", "main"))

// publicPrivate is the classic network: a VPC with an internet gateway, a
// public subnet whose table routes 0.0.0.0/0 to the gateway, and a private
// subnet left on the main table. publicRoutes is the public table's route
// argument.
func publicPrivate(publicRoutes string) string {
	return tfVPC("main", "10.0.0.0/16") + tfGateway("main", "main") +
		tfSubnet("public", "main", "10.0.1.0/24", "map_public_ip_on_launch = true") +
		tfSubnet("private", "main", "10.0.2.0/24", `availability_zone_id = "use1-az2"`) +
		tfRouteTable("public", "main", publicRoutes) + tfAssociation("public", "public", "public")
}

// dualStackGateways is a VPC with IPv6, an internet gateway and an
// egress-only gateway, all named main.
var dualStackGateways = tfVPC("main", "10.0.0.0/16", assignIPv6) + tfGateway("main", "main") + tfEgressGateway("main", "main")

// dualStack adds to dualStackGateways a private subnet served by a table
// whose routes simcloud_route resources manage; privateTable is that
// table's extra arguments.
func dualStack(privateTable ...string) string {
	return dualStackGateways + tfRouteTable("private", "main", privateTable...) +
		tfSubnet("private", "main", "10.0.2.0/24", ipv6Subnet("2")) + tfAssociation("private", "private", "private")
}

// threeTier is the classic network: public subnets routed to the internet
// gateway, application subnets behind a NAT gateway (IPv4) and an
// egress-only gateway (IPv6), and a data subnet with local routes only.
// natSubnet says where the NAT gateway sits.
func threeTier(natSubnet string) string {
	return dualStackGateways +
		tfSubnet("public", "main", "10.0.1.0/24", ipv6Subnet("1"), "map_public_ip_on_launch = true") +
		tfSubnet("app", "main", "10.0.2.0/24", ipv6Subnet("2")) +
		tfSubnet("data", "main", "10.0.3.0/24") +
		tfResource("eip", "nat", `domain = "vpc"`) +
		tfResource("nat_gateway", "main", "subnet_id = "+tfID("subnet", natSubnet), "allocation_id = "+tfID("eip", "nat"),
			"depends_on = [simcloud_internet_gateway.main]") +
		tfRouteTable("public", "main", routeToGateway,
			tfInlineRoute(`ipv6_cidr_block = "::/0"`, "gateway_id = "+tfID("internet_gateway", "main"))) +
		tfRouteTable("app", "main",
			tfInlineRoute(`cidr_block = "0.0.0.0/0"`, "nat_gateway_id = "+tfID("nat_gateway", "main")),
			tfInlineRoute(`ipv6_cidr_block = "::/0"`, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))) +
		tfRouteTable("data", "main") +
		tfAssociation("public", "public", "public") + tfAssociation("app", "app", "app") + tfAssociation("data", "data", "data")
}

// Steps and checks many tests take.

// planFails is a plan of config that must fail with a diagnostic holding
// each of parts in order.
func planFails(config string, parts ...string) resource.TestStep {
	return resource.TestStep{Config: config, PlanOnly: true, ExpectError: expectError(parts...)}
}

// createStep applies config and checks that the resource at address has an
// ID that idPattern matches, then the rest of checks.
func createStep(config, address, idPattern string, checks ...statecheck.StateCheck) resource.TestStep {
	return resource.TestStep{Config: config, ConfigStateChecks: append([]statecheck.StateCheck{attrIs(address, "id", matching(idPattern))}, checks...)}
}

// renameStep applies config, which changes the Name tag of the resource at
// address to name, and expects an update in place that reaches the cloud:
// tagsInCloud reads the object's tags there.
func renameStep(t *testing.T, config, address, name string, tagsInCloud func() map[string]string) resource.TestStep {
	return withCheck(actionStep(config, address, actionUpdate), func(*terraformState) error {
		if tags := tagsInCloud(); tags["Name"] != name {
			t.Errorf("tags in the cloud: %v, want Name %q", tags, name)
		}
		return nil
	})
}

// importStep imports address and verifies it against state, but for the
// attributes ignored.
func importStep(address string, ignored ...string) resource.TestStep {
	return resource.TestStep{ResourceName: address, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ignored}
}

// importStepBy is importStep for a resource whose import ID is not its ID.
func importStepBy(address string, id resource.ImportStateIdFunc, ignored ...string) resource.TestStep {
	step := importStep(address, ignored...)
	step.ImportStateIdFunc = id
	return step
}

// importFails imports address by id, which must fail with a diagnostic
// holding each of parts in order.
func importFails(address, id string, parts ...string) resource.TestStep {
	return resource.TestStep{ResourceName: address, ImportState: true, ImportStateId: id, ExpectError: expectError(parts...)}
}

// importRefused imports address in config by the ID that id gives, which
// must fail with a diagnostic holding each of parts in order.
func importRefused(config, address string, id resource.ImportStateIdFunc, parts ...string) resource.TestStep {
	step := importFails(address, "", parts...)
	step.Config, step.ImportStateIdFunc = config, id
	return step
}

// idOf is the ID in state of the resource at address, for importing a
// resource by another's ID.
func idOf(address string) resource.ImportStateIdFunc {
	return func(s *terraformState) (string, error) { return s.RootModule().Resources[address].Primary.ID, nil }
}

// expectPlanAction expects the plan to take action on the resource at address.
func expectPlanAction(address string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, action)}}
}

// attrIs checks an attribute in state.
func attrIs(address, attribute string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New(attribute), check)
}

// sameValue checks that two attributes in state hold the same value.
func sameValue(addressA, attributeA, addressB, attributeB string) statecheck.StateCheck {
	return statecheck.CompareValuePairs(addressA, tfjsonpath.New(attributeA), addressB, tfjsonpath.New(attributeB), compare.ValuesSame())
}

// The actions a plan takes on a resource, for expectPlanAction.
const (
	actionCreate  = plancheck.ResourceActionCreate
	actionUpdate  = plancheck.ResourceActionUpdate
	actionReplace = plancheck.ResourceActionDestroyBeforeCreate
)

// expectEmptyPlan expects a plan that changes nothing.
var expectEmptyPlan = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// matching checks a string attribute against a regular expression.
func matching(pattern string) knownvalue.Check {
	return knownvalue.StringRegexp(regexp.MustCompile(pattern))
}

// actionStep applies config, whose plan must take action on the resource at
// address.
func actionStep(config, address string, action plancheck.ResourceActionType) resource.TestStep {
	return resource.TestStep{Config: config, ConfigPlanChecks: expectPlanAction(address, action)}
}

// driftStep changes the cloud behind Terraform's back, then plans config
// again and expects the plan to take action on the resource at address.
func driftStep(t *testing.T, change func() error, config, address string, action plancheck.ResourceActionType) resource.TestStep {
	step := actionStep(config, address, action)
	step.PreConfig = func() {
		if err := change(); err != nil {
			t.Fatal(err)
		}
	}
	return step
}

// withPlanCheck is step whose plan is checked, before it is applied, by
// checks too.
func withPlanCheck(step resource.TestStep, checks ...plancheck.PlanCheck) resource.TestStep {
	step.ConfigPlanChecks.PreApply = append(step.ConfigPlanChecks.PreApply, checks...)
	return step
}

// withCheck is step checked, after it is applied, by check.
func withCheck(step resource.TestStep, check resource.TestCheckFunc) resource.TestStep {
	step.Check = check
	return step
}

// detachOnlyGateway detaches the one internet gateway of the test's cloud
// from its VPC.
func (c *testCloud) detachOnlyGateway(t *testing.T) error {
	t.Helper()
	g := c.onlyGateway(t)
	return c.client.DetachInternetGateway(context.Background(), g.ID, g.VPCID)
}

// wantOne is the one object a lookup of the test's cloud found; it fails
// the test when the lookup failed or found none or more.
func wantOne[T any](t *testing.T, what string, found []T, err error) T {
	t.Helper()
	if err != nil || len(found) != 1 {
		t.Fatalf("want exactly one %s, found %d (%v)", what, len(found), err)
	}
	return found[0]
}
