package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccRoutingDataSources(t *testing.T) {
	c := newTestCloud(t)
	base := publicPrivate(routeToGateway)
	lookups := base + `
data "simcloud_subnet" "public" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
data "simcloud_subnet" "private" { id = simcloud_subnet.private.id }
data "simcloud_route_table" "of_public" { subnet_id = simcloud_subnet.public.id }
data "simcloud_route_table" "main" {
  vpc_id = simcloud_vpc.main.id
  main   = true
}
`
	same := sameValue
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		resource.TestStep{
			Config: c.config(lookups),
			ConfigStateChecks: []statecheck.StateCheck{
				// The data source reads is_public live, in the same run.
				attrIs("data.simcloud_subnet.public", "is_public", knownvalue.Bool(true)),
				attrIs("data.simcloud_subnet.private", "is_public", knownvalue.Bool(false)),
				attrIs("data.simcloud_subnet.public", "available_ip_address_count", knownvalue.Int64Exact(251)),
				same("data.simcloud_subnet.public", "id", "simcloud_subnet.public", "id"),
				same("data.simcloud_route_table.of_public", "id", "simcloud_route_table.public", "id"),
				same("data.simcloud_route_table.main", "id", "simcloud_vpc.main", "main_route_table_id"),
				attrIs("data.simcloud_route_table.of_public", "routes", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"cidr_block": knownvalue.StringExact("0.0.0.0/0"), "state": knownvalue.StringExact("active"), "origin": knownvalue.StringExact("CreateRoute"),
					}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"cidr_block": knownvalue.StringExact("10.0.0.0/16"), "gateway_id": knownvalue.StringExact("local"), "state": knownvalue.StringExact("active"),
					}),
				})),
				attrIs("data.simcloud_route_table.of_public", "associations", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_route_table.main", "associations", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"main": knownvalue.Bool(true), "subnet_id": knownvalue.StringExact("")}),
				})),
			},
		},
		resource.TestStep{
			Config:      c.config(base + `data "simcloud_subnet" "any" { vpc_id = simcloud_vpc.main.id }`),
			ExpectError: expectError("2 subnets match"),
		},
		resource.TestStep{
			Config:      c.config(base + `data "simcloud_route_table" "none" { tags = { Name = "nothing" } }`),
			ExpectError: expectError("No matching route table found"),
		},
		resource.TestStep{Config: c.config(base)},
	)
}
