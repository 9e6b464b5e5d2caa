package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

var gatewaysForLookup = vpcsAB + tfGateway("a", "a", `tags = { Name = "a", Team = "net" }`) +
	tfResource("internet_gateway", "loose", `tags = { Name = "loose", Team = "net" }`) +
	tfEgressGateway("b", "b", `tags = { Name = "b" }`)

func TestAccGatewayDataSources(t *testing.T) {
	c := newTestCloud(t)
	sameID := func(dataAddress, resourceAddress string) statecheck.StateCheck {
		return sameValue(dataAddress, "id", resourceAddress, "id")
	}
	unitTest(t,
		resource.TestStep{Config: c.config(gatewaysForLookup)},
		resource.TestStep{
			Config: c.config(gatewaysForLookup + `
data "simcloud_internet_gateway" "by_id" { id = simcloud_internet_gateway.a.id }
data "simcloud_internet_gateway" "by_aws_name" { internet_gateway_id = simcloud_internet_gateway.a.id }
data "simcloud_internet_gateway" "by_vpc" { vpc_id = simcloud_vpc.a.id }
data "simcloud_internet_gateway" "by_tags" { tags = { Name = "loose" } }
data "simcloud_egress_only_internet_gateway" "by_vpc" { vpc_id = simcloud_vpc.b.id }
data "simcloud_egress_only_internet_gateway" "by_tags" { tags = { Name = "b" } }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID("data.simcloud_internet_gateway.by_id", "simcloud_internet_gateway.a"),
				sameID("data.simcloud_internet_gateway.by_aws_name", "simcloud_internet_gateway.a"),
				sameID("data.simcloud_internet_gateway.by_vpc", "simcloud_internet_gateway.a"),
				sameID("data.simcloud_internet_gateway.by_tags", "simcloud_internet_gateway.loose"),
				sameID("data.simcloud_egress_only_internet_gateway.by_vpc", "simcloud_egress_only_internet_gateway.b"),
				sameID("data.simcloud_egress_only_internet_gateway.by_tags", "simcloud_egress_only_internet_gateway.b"),
				sameValue("data.simcloud_internet_gateway.by_id", "arn", "simcloud_internet_gateway.a", "arn"),
				portSame("data.simcloud_internet_gateway.by_id", tfjsonpath.New("attachments").AtSliceIndex(0).AtMapKey("vpc_id"), "simcloud_vpc.a", tfjsonpath.New("id")),
				attrIs("data.simcloud_internet_gateway.by_tags", "attachments", knownvalue.ListSizeExact(0)),
				attrIs("data.simcloud_internet_gateway.by_tags", "vpc_id", knownvalue.StringExact("")),
			},
		},
		resource.TestStep{
			Config:      c.config(gatewaysForLookup + `data "simcloud_internet_gateway" "test" { tags = { Team = "net" } }`),
			ExpectError: expectError("2 internet gateways match", "igw-", "igw-"),
		},
		resource.TestStep{
			Config:      c.config(gatewaysForLookup + `data "simcloud_egress_only_internet_gateway" "test" { vpc_id = simcloud_vpc.a.id }`),
			ExpectError: expectError("No matching egress-only internet gateway found"),
		},
		resource.TestStep{Config: c.config(gatewaysForLookup)},
	)
}
