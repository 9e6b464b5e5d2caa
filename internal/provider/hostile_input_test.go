package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccHostileInput plans hostile values for arguments of every kind:
// each gets a diagnostic naming the argument, and the provider survives to
// plan the next.
func TestAccHostileInput(t *testing.T) {
	c := newTestCloud(t)
	manyTags := repeated(3000, func(i int) string { return fmt.Sprintf("  k%d = \"v\"", i) })
	cases := []struct{ body, want string }{
		{`resource "simcloud_vpc" "x" { cidr_block = "` + strings.Repeat("9", 100000) + `" }`, "cidr_block"},
		{`resource "simcloud_vpc" "x" { cidr_block = "10.0.0.0/16\u0000" }`, "cidr_block"},
		{`resource "simcloud_vpc" "x" { cidr_block = "::/0" }`, "cidr_block"},
		{`resource "simcloud_vpc" "x" { cidr_block = "0.0.0.0/0" }`, "InvalidVpc.Range"},
		{"resource \"simcloud_vpc\" \"x\" {\n  cidr_block = \"10.0.0.0/16\"\n  tags = {\n" + manyTags + "\n  }\n}", "TagLimitExceeded"},
		{tfVPC("x", "10.0.0.0/16", `tags = { "bell\u0007" = "v" }`), "control characters"},
		{tfResource("subnet", "x", `vpc_id = "ｖｐｃ-0123456789abcdef0"`, `cidr_block = "10.0.0.0/24"`), "InvalidVpcID.Malformed"},
		{tfResource("subnet", "x", `vpc_id = "vpc-0123456789abcdef0"`, `cidr_block = "2001:db8::/64"`), "cidr_block"},
		{tfResource("route", "x", `route_table_id = "igw-0123456789abcdef0"`, `destination_cidr_block = "0.0.0.0/0"`, `gateway_id = "igw-0123456789abcdef0"`),
			"InvalidRouteTableID.Malformed"},
		{tfResource("route", "x", `route_table_id = "rtb-0123456789abcdef0"`, `destination_ipv6_cidr_block = "0.0.0.0/0"`, `gateway_id = "igw-0123456789abcdef0"`),
			"destination_ipv6_cidr_block"},
		{tfResource("internet_gateway_attachment", "x", `internet_gateway_id = "igw-'; DROP TABLE vpcs; --"`, `vpc_id = "vpc-0123456789abcdef0"`),
			"InvalidInternetGatewayID.Malformed"},
		{`data "simcloud_subnet" "x" { id = "subnet-` + strings.Repeat("f", 5000) + `" }`, "InvalidSubnetID.Malformed"},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, planFails(c.config(tc.body), tc.want))
	}
	steps = append(steps, resource.TestStep{Config: c.config(oneVPC)})
	unitTest(t, steps...)
}
