package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

var twoVPCs = tfVPC("prod", "10.0.0.0/16", assignIPv6, `tags = { Env = "prod", Team = "net" }`) +
	tfVPC("dev", "10.1.0.0/16", `tags = { Env = "dev", Team = "net" }`)

func TestAccVPCDataSource_lookups(t *testing.T) {
	c := newTestCloud(t)
	same := func(dataAddress, attribute string) statecheck.StateCheck {
		return sameValue(dataAddress, attribute, "simcloud_vpc.prod", attribute)
	}
	unitTest(t,
		resource.TestStep{Config: c.config(twoVPCs)},
		resource.TestStep{
			Config: c.config(twoVPCs + `
data "simcloud_vpc" "by_id" { id = simcloud_vpc.prod.id }
data "simcloud_vpc" "by_cidr" { cidr_block = "10.0.0.0/16" }
data "simcloud_vpc" "by_tags" { tags = { Env = "prod" } }
data "simcloud_vpc" "by_all" {
  id         = simcloud_vpc.prod.id
  cidr_block = simcloud_vpc.prod.cidr_block
  tags       = { Team = "net" }
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				same("data.simcloud_vpc.by_id", "id"),
				same("data.simcloud_vpc.by_id", "arn"),
				same("data.simcloud_vpc.by_id", "main_route_table_id"),
				same("data.simcloud_vpc.by_id", "ipv6_cidr_block"),
				sameValue("data.simcloud_vpc.by_id", "tags", "simcloud_vpc.prod", "tags_all"),
				same("data.simcloud_vpc.by_cidr", "id"),
				same("data.simcloud_vpc.by_tags", "id"),
				same("data.simcloud_vpc.by_all", "id"),
				attrIs("data.simcloud_vpc.by_tags", "tags", knownvalue.MapSizeExact(2)),
				attrIs("data.simcloud_vpc.by_id", "state", knownvalue.StringExact("available")),
			},
		},
	)
}

func TestAccVPCDataSource_errors(t *testing.T) {
	c := newTestCloud(t)
	lookup := func(args string) string {
		return c.config(twoVPCs + "\ndata \"simcloud_vpc\" \"test\" {\n" + args + "\n}\n")
	}
	unitTest(t,
		resource.TestStep{Config: c.config(twoVPCs)},
		resource.TestStep{
			Config:      lookup(`tags = { Team = "net" }`),
			ExpectError: expectError("Multiple VPCs matched", "2 VPCs match", "vpc-", "vpc-", "reduce matches to a single VPC"),
		},
		resource.TestStep{
			Config:      lookup(`cidr_block = "10.9.0.0/16"`),
			ExpectError: expectError("No matching VPC found"),
		},
		resource.TestStep{
			Config:      lookup(`id = "vpc-0123456789abcdef0"`),
			ExpectError: expectError("No matching VPC found"),
		},
		resource.TestStep{
			Config:      lookup(`id = "subnet-0123456789abcdef0"`),
			ExpectError: expectError("InvalidVpcID.Malformed", `id = "subnet-`),
		},
		resource.TestStep{
			Config:      lookup(`cidr_block = "10.0.0.0/99"`),
			ExpectError: expectError("InvalidParameterValue", "cidr_block"),
		},
		resource.TestStep{Config: c.config(twoVPCs)},
	)
}
