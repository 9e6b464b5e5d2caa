package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccRegionDataSource(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfData("region", "current") +
		tfData("region", "by_endpoint", `endpoint = "ec2.eu-west-1.amazonaws.com"`) +
		tfData("region", "china", `region = "cn-north-1"`) +
		tfData("region", "by_name", `name = "us-gov-west-1"`, `region = "us-gov-west-1"`))
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_region.current", "region", knownvalue.StringExact("us-east-1")),
				attrIs("data.simcloud_region.current", "name", knownvalue.StringExact("us-east-1")),
				attrIs("data.simcloud_region.current", "description", knownvalue.StringExact("US East (N. Virginia)")),
				attrIs("data.simcloud_region.current", "endpoint", knownvalue.StringExact("ec2.us-east-1.amazonaws.com")),
				attrIs("data.simcloud_region.by_endpoint", "region", knownvalue.StringExact("eu-west-1")),
				attrIs("data.simcloud_region.by_endpoint", "description", knownvalue.StringExact("Europe (Ireland)")),
				attrIs("data.simcloud_region.china", "endpoint", knownvalue.StringExact("ec2.cn-north-1.amazonaws.com.cn")),
				attrIs("data.simcloud_region.china", "description", knownvalue.StringExact("China (Beijing)")),
				attrIs("data.simcloud_region.by_name", "id", knownvalue.StringExact("us-gov-west-1")),
			},
		},
		planFails(c.config(tfData("region", "bad", `region = "eu-west-1"`, `endpoint = "ec2.eu-west-2.amazonaws.com"`)),
			"Arguments name different regions", "region names eu-west-1 and endpoint names eu-west-2"),
		planFails(c.config(tfData("region", "bad", `region = "moon-1"`)), `"moon-1" is not an AWS region`),
		planFails(c.config(tfData("region", "bad", `name = "eu-west-1"`, `id = "eu-west-3"`)), "name names eu-west-1 and id names eu-west-3"),
		planFails(c.config(tfData("region", "bad", `endpoint = "https://ec2.eu-west-1.amazonaws.com"`)), "Region not found for endpoint", "endpoint"),
		resource.TestStep{Config: config},
	)
}

// simcloud_region follows the provider's region, and simcloud_regions
// lists the regions of its partition only.
func TestAccRegionsDataSource(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfData("regions", "all") +
		tfData("regions", "opted_in", tfFilter("opt-in-status", quoted("opted-in")), "all_regions = true") +
		tfData("regions", "europe", tfFilter("region-name", quoted("eu-*")), tfFilter("endpoint", quoted("*west*"))))
	names := func(n ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(n))
		for i, name := range n {
			checks[i] = knownvalue.StringExact(name)
		}
		return knownvalue.SetExact(checks)
	}
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				// 38 regions, less 2 in China and 2 in GovCloud.
				attrIs("data.simcloud_regions.all", "names", knownvalue.SetSizeExact(34)),
				attrIs("data.simcloud_regions.all", "id", knownvalue.StringExact("aws")),
				attrIs("data.simcloud_regions.opted_in", "names", knownvalue.SetSizeExact(17)),
				attrIs("data.simcloud_regions.europe", "names", names("eu-west-1", "eu-west-2", "eu-west-3")),
			},
		},
		resource.TestStep{
			Config: c.configIn("cn-northwest-1", "", tfData("regions", "all")+tfData("region", "current")),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_regions.all", "names", names("cn-north-1", "cn-northwest-1")),
				attrIs("data.simcloud_regions.all", "id", knownvalue.StringExact("aws-cn")),
				attrIs("data.simcloud_region.current", "region", knownvalue.StringExact("cn-northwest-1")),
				attrIs("data.simcloud_region.current", "description", knownvalue.StringExact("China (Ningxia)")),
			},
		},
		planFails(c.config(tfData("regions", "bad", tfFilter("name", quoted("eu-west-1")))), "The filter 'name' is invalid", "region-name"),
		resource.TestStep{Config: config},
	)
}
