package provider

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// unsetIn checks that each of keys is "" in an object, as the AWS provider
// reads back a route's unset destinations and targets; set are the checks
// of the keys that are set.
func unsetIn(keys []string, set map[string]knownvalue.Check) knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for _, k := range keys {
		checks[k] = knownvalue.StringExact("")
	}
	for k, check := range set {
		checks[k] = check
	}
	return knownvalue.ObjectExact(checks)
}

// TestAccRoute_awsArguments: simcloud_route has every destination and target
// argument of aws_route, "" when unset; a target the simulated cloud lacks
// fails at plan, naming the argument and saying why; a configuration that
// writes "" for the arguments it does not use is the same route.
func TestAccRoute_awsArguments(t *testing.T) {
	c := newTestCloud(t)
	route := func(args ...string) string {
		return c.config(publicPrivate("") + tfRoute("default", "public", args...))
	}
	toGateway := route(`destination_cidr_block = "0.0.0.0/0"`, "gateway_id = "+tfID("internet_gateway", "main"))
	var checks []statecheck.StateCheck
	for _, name := range slices.Concat(routeResourceDestinations, routeResourceTargets, []string{"instance_id", "instance_owner_id"}) {
		var want knownvalue.Check = knownvalue.StringExact("")
		switch name {
		case "destination_cidr_block":
			want = knownvalue.StringExact("0.0.0.0/0")
		case "gateway_id":
			want = matching("^igw-")
		}
		checks = append(checks, attrIs("simcloud_route.default", name, want))
	}
	var unused []string
	for _, name := range slices.Concat(routeResourceDestinations, routeResourceTargets) {
		if name != "destination_cidr_block" && name != "gateway_id" {
			unused = append(unused, name+` = ""`)
		}
	}
	refused := func(argument, value, reason string) resource.TestStep {
		return planFails(route(`destination_cidr_block = "0.0.0.0/0"`, argument+` = "`+value+`"`),
			"UnsupportedOperation", "routes with "+argument, reason, "How to fix:", "internet gateway")
	}
	unitTest(t,
		resource.TestStep{Config: toGateway, ConfigStateChecks: checks},
		resource.TestStep{Config: toGateway, PlanOnly: true},
		// The AWS provider takes "" for unset: the same route, no change.
		resource.TestStep{Config: route(append([]string{`destination_cidr_block = "0.0.0.0/0"`, "gateway_id = " + tfID("internet_gateway", "main")}, unused...)...),
			PlanOnly: true},
		refused("transit_gateway_id", "tgw-0123456789abcdef0", "no transit gateways"),
		refused("carrier_gateway_id", "cagw-0123456789abcdef0", "Wavelength Zones"),
		refused("local_gateway_id", "lgw-0123456789abcdef0", "Outposts"),
		refused("core_network_arn", "arn:aws:networkmanager::123456789012:core-network/core-network-0123456789abcdef0", "Cloud WAN"),
		refused("odb_network_arn", "arn:aws:odb:us-east-1:123456789012:odb-network/odbnet_0123456789", "Oracle Database@AWS"),
		refused("vpc_endpoint_id", "vpce-0123456789abcdef0", "Gateway Load Balancer endpoints"),
		// A plan that fails leaves the last configuration to destroy.
		resource.TestStep{Config: toGateway},
	)
}

// unsetRouteKeys are the keys of route objects that a table of one route
// to an internet gateway (cidr_block and gateway_id) leaves unset, for
// import steps: imported, they read "" where route blocks left them out.
func unsetRouteKeys(targetKeys []string) []string {
	var ignored []string
	for _, k := range slices.Concat(routeDestinationKeys, targetKeys) {
		if k != "cidr_block" && k != "gateway_id" {
			ignored = append(ignored, "route.0."+k)
		}
	}
	return ignored
}

// TestAccRouteTable_awsRouteKeys: a table's route objects have every key of
// aws_route_table's, and route blocks that leave keys out, and objects that
// write "" for them, plan no change once applied; a target the simulated
// cloud lacks fails at plan with its reason. The data source lists every
// key of the AWS provider's routes, "" when unset.
func TestAccRouteTable_awsRouteKeys(t *testing.T) {
	c := newTestCloud(t)
	blocks := publicPrivate(routeToGateway)
	keys := slices.Concat(routeDestinationKeys, routeTargetKeys)
	var written []string
	for _, k := range keys {
		switch k {
		case "cidr_block":
			written = append(written, `cidr_block = "0.0.0.0/0"`)
		case "gateway_id":
			written = append(written, "gateway_id = "+tfID("internet_gateway", "main"))
		default:
			written = append(written, k+` = ""`)
		}
	}
	attributeForm := publicPrivate("route = [{ " + strings.Join(written, ", ") + " }]")
	var unset, unsetInData []string
	for _, k := range keys {
		if k != "cidr_block" && k != "gateway_id" {
			unset = append(unset, k)
			unsetInData = append(unsetInData, k)
		}
	}
	lookup := tfData("route_table", "public", "route_table_id = "+tfID("route_table", "public"))
	gateway := map[string]knownvalue.Check{"cidr_block": knownvalue.StringExact("0.0.0.0/0"), "gateway_id": matching("^igw-")}
	inData := map[string]knownvalue.Check{"instance_id": knownvalue.StringExact(""), "state": knownvalue.StringExact("active"),
		"origin": knownvalue.StringExact("CreateRoute")}
	for k, v := range gateway {
		inData[k] = v
	}
	unitTest(t,
		resource.TestStep{Config: c.config(blocks)},
		resource.TestStep{Config: c.config(blocks), PlanOnly: true},
		// The AWS provider's attribute form, every key written.
		resource.TestStep{Config: c.config(attributeForm),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_route_table.public", "route", knownvalue.SetExact([]knownvalue.Check{unsetIn(unset, gateway)})),
			}},
		resource.TestStep{Config: c.config(attributeForm), PlanOnly: true},
		resource.TestStep{Config: c.config(attributeForm + lookup),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_route_table.public", "routes", knownvalue.ListPartial(map[int]knownvalue.Check{0: unsetIn(unsetInData, inData)})),
			}},
		// Imported, the routes read back as the AWS provider reads them.
		importStep("simcloud_route_table.public"),
		planFails(c.config(publicPrivate(tfInlineRoute(`cidr_block = "0.0.0.0/0"`, `odb_network_arn = "arn:aws:odb:us-east-1:123456789012:odb-network/odbnet_0123456789"`))),
			"UnsupportedOperation", "routes with odb_network_arn", "Oracle Database@AWS"),
		planFails(c.config(publicPrivate(tfInlineRoute(`cidr_block = "0.0.0.0/0"`, `transit_gateway_id = "tgw-0123456789abcdef0"`))),
			"UnsupportedOperation", "routes with transit_gateway_id", "no transit gateways"),
		resource.TestStep{Config: c.config(blocks)},
	)
}

// TestAccRoute_toInstanceInterface: a route to an instance's network
// interface reads the instance and its owner, as AWS reports them.
func TestAccRoute_toInstanceInterface(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(instanceNet + tfInstance("10.0.1.10") + tfRouteTable("appliance", "main") +
		tfRoute("appliance", "appliance", `destination_cidr_block = "192.168.0.0/16"`,
			"network_interface_id = simcloud_instance.web.primary_network_interface_id"))
	unitTest(t,
		resource.TestStep{Config: config, ConfigStateChecks: []statecheck.StateCheck{
			sameValue("simcloud_route.appliance", "instance_id", "simcloud_instance.web", "id"),
			attrIs("simcloud_route.appliance", "instance_owner_id", matching(`^[0-9]{12}$`)),
			attrIs("simcloud_route.appliance", "gateway_id", knownvalue.StringExact("")),
		}},
		resource.TestStep{Config: config, PlanOnly: true},
	)
}
