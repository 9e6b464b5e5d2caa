package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func zoneNames(names ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(names))
	for i, n := range names {
		checks[i] = knownvalue.StringExact(n)
	}
	return knownvalue.ListExact(checks)
}

func TestAccAvailabilityZonesDataSource(t *testing.T) {
	c := newTestCloud(t)
	zones := func(name string, arguments ...string) string {
		return tfData("availability_zones", name, arguments...)
	}
	config := c.config(zones("all") +
		zones("west", `region = "eu-west-2"`) +
		zones("excluded", `exclude_names = ["us-east-1a"]`, `exclude_zone_ids = ["use1-az6", "euw2-az2"]`) +
		zones("filtered", tfFilter("zone-name", quoted("*b"), quoted("*c")), tfFilter("zone-id", quoted("use1-az2"))) +
		zones("impaired", `state = "impaired"`) +
		zones("available", `state = "available"`, `all_availability_zones = true`))
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_availability_zones.all", "names",
					zoneNames("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f")),
				attrIs("data.simcloud_availability_zones.all", "zone_ids",
					zoneNames("use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6")),
				attrIs("data.simcloud_availability_zones.all", "group_names", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("us-east-1-zg-1")})),
				attrIs("data.simcloud_availability_zones.all", "id", knownvalue.StringExact("us-east-1")),
				attrIs("data.simcloud_availability_zones.west", "names",
					zoneNames("eu-west-2a", "eu-west-2b", "eu-west-2c", "eu-west-2d", "eu-west-2e", "eu-west-2f")),
				attrIs("data.simcloud_availability_zones.west", "zone_ids",
					zoneNames("euw2-az1", "euw2-az2", "euw2-az3", "euw2-az4", "euw2-az5", "euw2-az6")),
				attrIs("data.simcloud_availability_zones.west", "id", knownvalue.StringExact("eu-west-2")),
				attrIs("data.simcloud_availability_zones.excluded", "names", zoneNames("us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e")),
				attrIs("data.simcloud_availability_zones.excluded", "zone_ids", zoneNames("use1-az2", "use1-az3", "use1-az4", "use1-az5")),
				attrIs("data.simcloud_availability_zones.filtered", "names", zoneNames("us-east-1b")),
				attrIs("data.simcloud_availability_zones.impaired", "names", zoneNames()),
				attrIs("data.simcloud_availability_zones.impaired", "group_names", knownvalue.SetExact(nil)),
				attrIs("data.simcloud_availability_zones.available", "names", knownvalue.ListSizeExact(6)),
			},
		},
		planFails(c.config(zones("bad", tfFilter("zone", quoted("us-east-1a")))),
			"The filter 'zone' is invalid", "filter of DescribeAvailabilityZones", "zone-name"),
		planFails(c.config(zones("bad", `state = "on-fire"`)), "Value (on-fire) for parameter state is invalid", `state = "on-fire"`, "available"),
		resource.TestStep{Config: config},
	)
}

// The zones of a subnet made from the data source are the region's.
func TestAccAvailabilityZonesFeedSubnets(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(`data "simcloud_availability_zones" "west" {
  region = "us-west-2"
}` + tfVPC("main", "10.0.0.0/16", `region = "us-west-2"`) +
		tfSubnet("second", "main", "10.0.1.0/24", `region = "us-west-2"`, "availability_zone = data.simcloud_availability_zones.west.names[1]"))
	unitTest(t, resource.TestStep{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_subnet.second", "availability_zone", knownvalue.StringExact("us-west-2b")),
			attrIs("simcloud_subnet.second", "availability_zone_id", knownvalue.StringExact("usw2-az2")),
		},
	})
}
