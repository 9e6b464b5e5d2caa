package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// pathBetween renders a simcloud_network_path between two ends.
func pathBetween(name, source, destination string, arguments ...string) string {
	return tfData("network_path", name, append([]string{"source = " + source, "destination = " + destination}, arguments...)...)
}

// TestAccNetworkPath_betweenEnds asks the new form's questions of the three
// tier network, with the data subnet behind an ACL that lets the database
// port in from the application subnet but no reply out.
func TestAccNetworkPath_betweenEnds(t *testing.T) {
	c := newTestCloud(t)
	network := threeTier("public") + tfNetworkACL("data", "subnet_ids = ["+tfID("subnet", "data")+"]",
		aclRule("ingress", 100, "tcp", "allow", "10.0.2.0/24", 5432, 5432))
	paths := pathBetween("ssh_in", `"internet"`, tfID("subnet", "public"), `protocol = "tcp"`, "port = 22", `ip_version = "ipv4"`) +
		pathBetween("db", tfID("subnet", "app"), tfID("subnet", "data"), `protocol = "6"`, "port = 5432", `ip_version = "ipv4"`) +
		pathBetween("out_v6", tfID("subnet", "app"), `"internet"`, `protocol = "tcp"`, "port = 443", `ip_version = "ipv6"`) +
		pathBetween("ping_in", `"internet"`, tfID("subnet", "app"), `protocol = "icmp"`, `ip_version = "ipv4"`)
	hop := func(address string, i int, attribute string, check knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New("hops").AtSliceIndex(i).AtMapKey(attribute), check)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(network)},
		resource.TestStep{
			Config: c.config(network + paths),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_network_path.ssh_in", "reachable", knownvalue.Bool(true)),
				attrIs("data.simcloud_network_path.ssh_in", "breaks_at", knownvalue.StringExact("")),
				hop("data.simcloud_network_path.ssh_in", 0, "kind", knownvalue.StringExact("internet")),
				hop("data.simcloud_network_path.ssh_in", 4, "detail", knownvalue.StringExact("rule 100 allows all traffic from 0.0.0.0/0 inbound")),
				hop("data.simcloud_network_path.ssh_in", 5, "detail", matching(`^10\.0\.1\.4; no security group filters it`)),
				attrIs("data.simcloud_network_path.db", "reachable", knownvalue.Bool(false)),
				attrIs("data.simcloud_network_path.db", "breaks_at",
					matching(`^the reply to tcp 5432: acl-[0-9a-f]{17} rule \* denies tcp 1024-65535 outbound`)),
				attrIs("data.simcloud_network_path.db", "fix", matching(`^Add an outbound rule to acl-[0-9a-f]{17} that allows tcp 1024-65535 to 10\.0\.2\.4/32\.$`)),
				attrIs("data.simcloud_network_path.out_v6", "reachable", knownvalue.Bool(true)),
				attrIs("data.simcloud_network_path.ping_in", "reachable", knownvalue.Bool(false)),
				attrIs("data.simcloud_network_path.ping_in", "breaks_at", matching(`^nat-[0-9a-f]{17} is a NAT gateway: it lets no connection in`)),
			},
		},
		resource.TestStep{Config: c.config(network)},
	)
}

// TestAccNetworkPath_argumentsFailAtPlan refuses, at plan, arguments that
// make no one question, naming the argument.
func TestAccNetworkPath_argumentsFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	path := func(arguments ...string) string {
		return c.config(tfData("network_path", "q", append(arguments, `ip_version = "ipv4"`)...))
	}
	unitTest(t,
		planFails(path(`source = "internet"`, `destination = "subnet-0123456789abcdef0"`, `protocol = "tcp"`),
			"MissingParameter", "port", `with data.simcloud_network_path.q`),
		planFails(path(`source = "internet"`, `destination = "subnet-0123456789abcdef0"`, `protocol = "icmp"`, "port = 22"),
			"InvalidParameterCombination", "port applies to tcp and udp only"),
		planFails(path(`source = "internet"`, `destination = "subnet-0123456789abcdef0"`, `protocol = "udp"`, "port = 70000"),
			"InvalidParameterValue", "port"),
		planFails(path(`source = "internet"`, `destination = "subnet-0123456789abcdef0"`, `protocol = "gre"`),
			"InvalidParameterValue", "protocol"),
		planFails(path(`source = "vpc-0123456789abcdef0"`, `destination = "internet"`, `protocol = "-1"`),
			"InvalidParameterValue", "source", "Use internet, or the ID of"),
		planFails(path(`source = "internet"`, `destination = "internet"`, `protocol = "-1"`),
			"InvalidParameterValue", "destination", "One end of the path must be in a VPC"),
		planFails(path(`subnet_id = "subnet-0123456789abcdef0"`, `direction = "inbound"`, `source = "internet"`),
			"InvalidParameterCombination", "source cannot be combined with subnet_id"),
		planFails(path(`destination = "internet"`, `protocol = "-1"`),
			"MissingParameter", "source"),
		planFails(path(`source = "internet"`, `destination = "subnet-0123456789abcdef0"`, `protocol = "-1"`),
			"InvalidSubnetID.NotFound", "destination"),
	)
}
