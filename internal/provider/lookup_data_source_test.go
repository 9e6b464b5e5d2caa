package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// lookupNet has, for each kind a singular lookup finds, several objects
// that only the filter block of the lookups below tells apart.
var lookupNet = tfVPC("a", "10.0.0.0/16", `tags = { Env = "prod" }`) + tfVPC("b", "10.1.0.0/16", `tags = { Env = "dev" }`) + tfVPC("c", "10.2.0.0/16") +
	tfGateway("a", "a") + tfResource("internet_gateway", "loose", `tags = { Name = "loose" }`) +
	tfEgressGateway("a", "a", `tags = { Name = "a" }`) + tfEgressGateway("b", "b", `tags = { Name = "b" }`) +
	tfSubnet("a1", "a", "10.0.1.0/24") + tfSubnet("a2", "a", "10.0.2.0/24", `tags = { Tier = "app" }`) +
	tfSecurityGroup("web", "a", `name = "web"`) + tfSecurityGroup("db", "a", `name = "db"`) +
	tfResource("eip", "nat", `domain = "vpc"`) + tfResource("eip", "spare", `domain = "vpc"`, `tags = { Name = "spare" }`) +
	tfResource("nat_gateway", "public", "subnet_id = "+tfID("subnet", "a1"), "allocation_id = "+tfID("eip", "nat"),
		"depends_on = [simcloud_internet_gateway.a]") +
	tfResource("nat_gateway", "private", "subnet_id = "+tfID("subnet", "a2"), `connectivity_type = "private"`) +
	tfRouteTable("public", "a") + tfAssociation("public", "a1", "public") +
	tfResource("vpc_peering_connection", "ab", "vpc_id = "+tfID("vpc", "a"), "peer_vpc_id = "+tfID("vpc", "b"), "auto_accept = true") +
	tfResource("vpc_peering_connection", "ac", "vpc_id = "+tfID("vpc", "a"), "peer_vpc_id = "+tfID("vpc", "c"), "auto_accept = true")

// Every singular lookup takes the filter blocks of its Describe call, AND-ed
// with its other arguments, and wants exactly one match.
func TestAccLookupFilters(t *testing.T) {
	c := newTestCloud(t)
	lookups := lookupNet +
		tfData("vpc", "f", tfFilter("tag:Env", `"prod"`)) +
		tfData("vpc", "args", `state = "available"`, "default = false", tfFilter("cidr", `"10.1.*"`)) +
		tfData("subnet", "f", tfFilter("cidr-block", `"10.0.2.0/24"`)) +
		tfData("subnet", "args", "vpc_id = "+tfID("vpc", "a"), "default_for_az = false", `state = "available"`, tfFilter("map-public-ip-on-launch", `"false"`),
			tfFilter("tag-key", `"Tier"`)) +
		tfData("security_group", "f", tfFilter("vpc-id", tfID("vpc", "a")), tfFilter("group-name", `"web"`)) +
		tfData("internet_gateway", "f", tfFilter("attachment.vpc-id", tfID("vpc", "a"))) +
		tfData("egress_only_internet_gateway", "f", tfFilter("tag:Name", `"b"`)) +
		tfData("nat_gateway", "f", `state = "available"`, tfFilter("subnet-id", tfID("subnet", "a2"))) +
		tfData("nat_gateway", "public", tfFilter("nat-gateway-id", tfID("nat_gateway", "public"))) +
		tfData("eip", "f", tfFilter("tag:Name", `"spare"`)) +
		tfData("eip", "associated", tfFilter("association-id", `"*"`)) +
		tfData("route_table", "f", tfFilter("association.subnet-id", tfID("subnet", "a1"))) +
		tfData("vpc_peering_connection", "f", tfFilter("accepter-vpc-info.vpc-id", tfID("vpc", "c")))
	found := func(kind, name, object string) statecheck.StateCheck {
		return sameValue("data.simcloud_"+kind+"."+name, "id", "simcloud_"+kind+"."+object, "id")
	}
	// Each of these finds nothing or several objects.
	wrongCount := func(data string, parts ...string) resource.TestStep {
		return planFails(c.config(lookupNet+data), parts...)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(lookupNet)},
		resource.TestStep{
			Config: c.config(lookups),
			ConfigStateChecks: []statecheck.StateCheck{
				found("vpc", "f", "a"), found("vpc", "args", "b"),
				attrIs("data.simcloud_vpc.f", "dhcp_options_id", matching(`^(default|dopt-[0-9a-f]{17})$`)),
				found("subnet", "f", "a2"), found("subnet", "args", "a2"),
				attrIs("data.simcloud_subnet.f", "default_for_az", knownvalue.Bool(false)),
				found("security_group", "f", "web"),
				found("internet_gateway", "f", "a"),
				found("egress_only_internet_gateway", "f", "b"),
				attrIs("data.simcloud_egress_only_internet_gateway.f", "state", knownvalue.StringExact("attached")),
				found("nat_gateway", "f", "private"), found("nat_gateway", "public", "public"),
				attrIs("data.simcloud_nat_gateway.f", "association_id", knownvalue.StringExact("")),
				attrIs("data.simcloud_nat_gateway.public", "association_id", matching(`^eipassoc-`)),
				attrIs("data.simcloud_nat_gateway.public", "secondary_allocation_ids", knownvalue.ListSizeExact(0)),
				attrIs("data.simcloud_nat_gateway.public", "secondary_private_ip_addresses", knownvalue.ListSizeExact(0)),
				attrIs("data.simcloud_nat_gateway.public", "secondary_private_ip_address_count", knownvalue.Int64Exact(0)),
				found("eip", "f", "spare"), found("eip", "associated", "nat"),
				found("route_table", "f", "public"),
				found("vpc_peering_connection", "f", "ac"),
			},
		},
		// Filters AND-ed with the arguments.
		wrongCount(tfData("vpc", "x", `cidr_block = "10.1.0.0/16"`, tfFilter("tag:Env", `"prod"`)), "No matching VPC found"),
		wrongCount(tfData("subnet", "x", tfFilter("vpc-id", tfID("vpc", "a"))),
			"Multiple subnets matched", "2 subnets match", "reduce matches to a single subnet"),
		wrongCount(tfData("security_group", "x", tfFilter("group-name", `"web", "db"`)), "Multiple security groups matched"),
		wrongCount(tfData("internet_gateway", "x", tfFilter("attachment.vpc-id", tfID("vpc", "b"))), "No matching internet gateway found"),
		wrongCount(tfData("egress_only_internet_gateway", "x", tfFilter("tag-key", `"Name"`)), "Multiple egress-only internet gateways matched"),
		wrongCount(tfData("nat_gateway", "x", "subnet_id = "+tfID("subnet", "a1"), tfFilter("subnet-id", tfID("subnet", "a2"))), "No matching NAT gateway found"),
		wrongCount(tfData("nat_gateway", "x", `state = "deleted"`), "No matching NAT gateway found"),
		wrongCount(tfData("eip", "x", tfFilter("domain", `"vpc"`)), "Multiple elastic IP addresses matched"),
		wrongCount(tfData("route_table", "x", tfFilter("vpc-id", tfID("vpc", "a"))), "Multiple route tables matched"),
		wrongCount(tfData("vpc_peering_connection", "x", tfFilter("status-code", `"pending-acceptance"`)), "No matching VPC peering connection found"),
		resource.TestStep{Config: c.config(lookupNet)},
	)
}

// A filter name the Describe call does not take is refused when Terraform
// validates, naming the filter and the call.
func TestAccLookupFilters_unknownName(t *testing.T) {
	c := newTestCloud(t)
	var steps []resource.TestStep
	for kind, op := range map[string]string{
		"vpc": "DescribeVpcs", "subnet": "DescribeSubnets", "security_group": "DescribeSecurityGroups",
		"internet_gateway": "DescribeInternetGateways", "egress_only_internet_gateway": "DescribeEgressOnlyInternetGateways",
		"nat_gateway": "DescribeNatGateways", "eip": "DescribeAddresses", "route_table": "DescribeRouteTables",
		"vpc_peering_connection": "DescribeVpcPeeringConnections",
	} {
		steps = append(steps, planFails(c.config(tfData(kind, "x", tfFilter("colour", `"blue"`))), "InvalidParameterValue", "colour", op))
	}
	unitTest(t, steps...)
}
