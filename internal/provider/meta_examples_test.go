package provider

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// TestAccListingExamples applies the examples of the zone, region, caller,
// partition and listing data sources, each on a cloud of its own, and
// checks what they output.
func TestAccListingExamples(t *testing.T) {
	output := statecheck.ExpectKnownOutputValue
	list := func(values ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(values))
		for i, v := range values {
			checks[i] = knownvalue.StringExact(v)
		}
		return knownvalue.ListExact(checks)
	}
	count := func(n int64) knownvalue.Check { return knownvalue.Int64Exact(n) }
	for name, checks := range map[string][]statecheck.StateCheck{
		"simcloud_availability_zones": {
			output("zones", list("us-east-1b", "us-east-1c", "us-east-1d")),
			output("west_zone_names", list("us-west-2a", "us-west-2b")),
		},
		"simcloud_region": {
			output("region", knownvalue.StringExact("us-east-1")),
			output("description", knownvalue.StringExact("Europe (Ireland)")),
		},
		"simcloud_regions": {output("region_count", count(34)), output("opt_in_regions", knownvalue.SetSizeExact(17))},
		"simcloud_caller_identity": {
			output("account_id", knownvalue.StringExact("123456789012")),
			output("caller_arn", knownvalue.StringExact("arn:aws:iam::123456789012:user/simcloud")),
			output("caller_user", matching(`^AIDA`)),
		},
		"simcloud_partition": {
			output("vpc_arn_prefix", knownvalue.StringExact("arn:aws:ec2:us-east-1:123456789012:vpc/")),
			output("dns_suffix", knownvalue.StringExact("amazonaws.com")),
		},
		"simcloud_vpcs":                    {output("prod_vpc_ids", knownvalue.ListSizeExact(1)), output("ten_vpc_count", count(2))},
		"simcloud_subnets":                 {output("private_a_subnet_ids", knownvalue.ListSizeExact(1))},
		"simcloud_route_tables":            {output("route_table_count", count(2)), output("main_route_table_id", matching(`^rtb-`))},
		"simcloud_network_acls":            {output("public_acl_ids", knownvalue.ListSizeExact(1))},
		"simcloud_vpc_peering_connections": {output("hub_peering_count", count(2))},
	} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile("../../examples/data-sources/" + name + "/data-source.tf")
			if err != nil {
				t.Fatal(err)
			}
			c := newTestCloud(t)
			unitTest(t, resource.TestStep{Config: c.config(string(b)), ConfigStateChecks: checks})
		})
	}
}

// TestAccPortDataSources applies, renamed, an AWS configuration that reads
// what terraform-aws-modules/vpc reads (zones, region, caller, partition)
// and lists back what it made.
func TestAccPortDataSources(t *testing.T) {
	c := newTestCloud(t)
	output := statecheck.ExpectKnownOutputValue
	yes := knownvalue.Bool(true)
	unitTest(t, resource.TestStep{
		Config: c.config(portConfig(t, "testdata/port_data_sources/aws.tf")),
		ConfigStateChecks: []statecheck.StateCheck{
			output("azs", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("us-east-1a"), knownvalue.StringExact("us-east-1b"), knownvalue.StringExact("us-east-1c"),
			})),
			output("vpc_arn_matches", yes),
			output("listed_vpc", yes),
			output("listed_subnets", yes),
			output("listed_route_table", yes),
			output("listed_default_acl", yes),
		},
	})
}
