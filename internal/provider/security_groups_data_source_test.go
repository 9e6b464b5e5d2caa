package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccSecurityGroupsDataSource(t *testing.T) {
	c := newTestCloud(t)
	groups := tfVPC("main", "10.0.0.0/16") + tfVPC("other", "10.1.0.0/16") +
		tfSecurityGroup("web", "main", `name = "web-a"`, `tags = { tier = "web" }`) +
		tfSecurityGroup("web2", "other", `name = "web-b"`, `tags = { tier = "web" }`) +
		tfSecurityGroup("db", "main", `name = "db"`, `tags = { tier = "db" }`)
	lookup := func(arguments ...string) string {
		return c.config(groups + tfData("security_groups", "found", arguments...))
	}
	found := "data.simcloud_security_groups.found"
	unitTest(t,
		resource.TestStep{Config: c.config(groups)},
		// A filter the cloud cannot answer fails when Terraform validates.
		planFails(lookup(tfBlock("filter", `name = "ip-permission.protocol"`, `values = ["tcp"]`)), "InvalidParameterValue", "filter"),
		resource.TestStep{
			Config: lookup(`tags = { tier = "web" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(found, "ids", knownvalue.ListSizeExact(2)),
				attrIs(found, "arns", knownvalue.ListSizeExact(2)),
				attrIs(found, "vpc_ids", knownvalue.ListSizeExact(2)),
			},
		},
		// Filters, with wildcards, and tags together.
		resource.TestStep{
			Config: lookup(`tags = { tier = "web" }`, tfBlock("filter", `name = "vpc-id"`, "values = ["+tfID("vpc", "main")+"]"),
				tfBlock("filter", `name = "group-name"`, `values = ["web-*"]`)),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(found, "ids", knownvalue.ListExact([]knownvalue.Check{matching(`^sg-`)})),
				portSame(found, tfjsonpath.New("ids").AtSliceIndex(0), "simcloud_security_group.web", tfjsonpath.New("id")),
				portSame(found, tfjsonpath.New("vpc_ids").AtSliceIndex(0), "simcloud_vpc.main", tfjsonpath.New("id")),
			},
		},
		// The VPCs' default groups are found too (the region's default
		// VPC's as well); nothing matching is no error.
		resource.TestStep{
			Config:            lookup(tfBlock("filter", `name = "group-name"`, `values = ["default"]`)),
			ConfigStateChecks: []statecheck.StateCheck{attrIs(found, "ids", knownvalue.ListSizeExact(3))},
		},
		resource.TestStep{
			Config:            lookup(tfBlock("filter", `name = "tag:tier"`, `values = ["cache"]`)),
			ConfigStateChecks: []statecheck.StateCheck{attrIs(found, "ids", knownvalue.ListSizeExact(0))},
		},
	)
}

// TestAccSecurityGroupsDataSourceExample applies the data source's example,
// which makes its own group.
func TestAccSecurityGroupsDataSourceExample(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t, resource.TestStep{
		Config: c.config(portExample(t, "../../examples/data-sources/simcloud_security_groups/data-source.tf")),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("web_group_ids", knownvalue.ListExact([]knownvalue.Check{matching(`^sg-[0-9a-f]{17}$`)})),
		},
	})
}
