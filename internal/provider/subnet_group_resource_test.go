package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// groupNet is a VPC with subnets in two zones, and one in a second VPC.
var groupNet = vpcsAB +
	tfSubnet("a1", "a", "10.0.1.0/24", `availability_zone = "us-east-1a"`) +
	tfSubnet("a2", "a", "10.0.2.0/24", `availability_zone = "us-east-1b"`) +
	tfSubnet("a3", "a", "10.0.3.0/24", `availability_zone = "us-east-1a"`) +
	tfSubnet("b1", "b", "10.1.1.0/24", `availability_zone = "us-east-1b"`)

// subnets is a subnet_ids argument of the subnets of groupNet named.
func subnets(names ...string) string {
	ids := ""
	for i, n := range names {
		if i > 0 {
			ids += ", "
		}
		ids += tfID("subnet", n)
	}
	return "subnet_ids = [" + ids + "]"
}

const dbGroupAddress = "simcloud_db_subnet_group.test"

func TestAccDBSubnetGroup_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	group := func(arguments ...string) string {
		return c.config(groupNet + tfResource("db_subnet_group", "test", arguments...))
	}
	unitTest(t,
		resource.TestStep{
			Config: group(`name = "data"`, subnets("a1", "a2"), `tags = { Name = "data" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(dbGroupAddress, "id", knownvalue.StringExact("data")),
				attrIs(dbGroupAddress, "arn", knownvalue.StringExact("arn:aws:rds:us-east-1:123456789012:subgrp:data")),
				attrIs(dbGroupAddress, "description", knownvalue.StringExact("Managed by Terraform")),
				attrIs(dbGroupAddress, "name_prefix", knownvalue.StringExact("")),
				attrIs(dbGroupAddress, "supported_network_types", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("IPV4")})),
				sameValue(dbGroupAddress, "vpc_id", "simcloud_vpc.a", "id"),
			},
		},
		resource.TestStep{Config: group(`name = "data"`, subnets("a1", "a2"), `tags = { Name = "data" }`), ConfigPlanChecks: expectEmptyPlan},
		importStep(dbGroupAddress),
		resource.TestStep{
			Config:           group(`name = "data"`, subnets("a1", "a2", "a3"), `description = "databases"`),
			ConfigPlanChecks: expectPlanAction(dbGroupAddress, actionUpdate),
			Check: func(*terraformState) error {
				g, err := c.client.SubnetGroup(context.Background(), cloud.KindDBSubnetGroup, "data")
				if err != nil || g.Description != "databases" || len(g.SubnetIDs) != 3 || len(g.Tags) != 0 {
					t.Errorf("in the cloud: %+v %v", g, err)
				}
				return nil
			},
		},
		actionStep(group(`name = "renamed"`, subnets("a1", "a2")), dbGroupAddress, actionReplace),
		driftStep(t, func() error {
			return c.client.DeleteSubnetGroup(context.Background(), cloud.KindDBSubnetGroup, "renamed")
		},
			group(`name = "renamed"`, subnets("a1", "a2")), dbGroupAddress, actionCreate),
		importFails(dbGroupAddress, "Bad_Name", "Invalid import ID", "InvalidParameterValue"),
		importFails(dbGroupAddress, "nothing", "Cannot import non-existent remote object"),
	)
}

func TestAccDBSubnetGroup_namePrefix(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(groupNet + tfResource("db_subnet_group", "test", `name_prefix = "app-"`, subnets("a1", "a2")))
	unitTest(t,
		planFails(c.config(groupNet+tfResource("db_subnet_group", "test", `name = "x"`, `name_prefix = "app-"`, subnets("a1", "a2"))),
			"InvalidParameterCombination", "name_prefix"),
		planFails(c.config(groupNet+tfResource("db_subnet_group", "test", `name_prefix = "App-"`, subnets("a1", "a2"))),
			"InvalidParameterValue", "name_prefix"),
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(dbGroupAddress, "name", matching(`^app-[0-9]{16}[0-9a-f]{10}$`)),
				attrIs(dbGroupAddress, "name_prefix", knownvalue.StringExact("app-")),
			},
		},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStep(dbGroupAddress),
	)
}

// TestAccSubnetGroups_planRules: each rule fails at plan once the subnets
// are known, naming the attribute.
func TestAccSubnetGroups_planRules(t *testing.T) {
	c := newTestCloud(t)
	with := func(groups ...string) string {
		body := groupNet
		for _, g := range groups {
			body += g
		}
		return c.config(body)
	}
	unitTest(t,
		resource.TestStep{Config: with()},
		planFails(with(tfResource("db_subnet_group", "test", `name = "data"`, subnets("a1", "a3"))),
			"DBSubnetGroupDoesNotCoverEnoughAZs", "us-east-1a", "subnet_ids"),
		planFails(with(tfResource("elasticache_subnet_group", "test", `name = "cache"`, subnets("a1", "b1"))),
			"InvalidSubnet", "Subnets must be in the same VPC", "subnet_ids"),
		planFails(with(tfResource("redshift_subnet_group", "test", `name = "default"`, subnets("a1"))),
			"InvalidParameterValue", "name"),
		planFails(with(tfResource("elasticache_subnet_group", "test", `name = "cache_1"`, subnets("a1"))),
			"InvalidParameterValue", "name"),
		planFails(with(tfResource("db_subnet_group", "test", `name = "Data"`, subnets("a1", "a2"))),
			"InvalidParameterValue", "name"),
		planFails(with(tfResource("redshift_subnet_group", "test", `name = "warehouse"`, `subnet_ids = ["subnet-0123456789abcdef0"]`)),
			"InvalidSubnet", "subnet-0123456789abcdef0"),
		planFails(with(tfResource("redshift_subnet_group", "test", `name = "warehouse"`, `subnet_ids = []`)), "subnet_ids"),
		planFails(with(tfResource("redshift_subnet_group", "test", `name = "warehouse"`, `subnet_ids = ["sub-1"]`)), "InvalidSubnetID.Malformed"),
		planFails(with(
			tfResource("elasticache_subnet_group", "one", `name = "cache"`, subnets("a1")),
			tfResource("elasticache_subnet_group", "two", `name = "cache"`, subnets("a2")),
		), "CacheSubnetGroupAlreadyExists", "cache"),
		// One name in two services is two groups.
		resource.TestStep{Config: with(
			tfResource("elasticache_subnet_group", "test", `name = "shared"`, subnets("a1")),
			tfResource("redshift_subnet_group", "test", `name = "shared"`, subnets("a1")),
			tfResource("db_subnet_group", "test", `name = "shared"`, subnets("a1", "a2")),
		)},
		planFails(with(
			tfResource("elasticache_subnet_group", "test", `name = "shared"`, subnets("a1")),
			tfResource("redshift_subnet_group", "test", `name = "shared"`, subnets("a1")),
			tfResource("db_subnet_group", "test", `name = "shared"`, subnets("a1", "a2")),
			tfResource("db_subnet_group", "again", `name = "shared"`, subnets("a1", "a2")),
		), "DBSubnetGroupAlreadyExists", "shared"),
	)
}

func TestAccElastiCacheAndRedshiftSubnetGroups_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	config := func(subnetNames ...string) string {
		return c.config(groupNet +
			tfResource("elasticache_subnet_group", "test", `name = "Cache"`, subnets(subnetNames...), `tags = { Tier = "cache" }`) +
			tfResource("redshift_subnet_group", "test", `name = "warehouse"`, subnets(subnetNames...), `description = "dw"`))
	}
	unitTest(t,
		resource.TestStep{
			Config: config("a1"),
			ConfigStateChecks: []statecheck.StateCheck{
				// ElastiCache keeps the name lowercased; the state keeps it as written.
				attrIs("simcloud_elasticache_subnet_group.test", "arn", knownvalue.StringExact("arn:aws:elasticache:us-east-1:123456789012:subnetgroup:cache")),
				attrIs("simcloud_elasticache_subnet_group.test", "id", knownvalue.StringExact("cache")),
				attrIs("simcloud_elasticache_subnet_group.test", "name", knownvalue.StringExact("Cache")),
				sameValue("simcloud_elasticache_subnet_group.test", "vpc_id", "simcloud_vpc.a", "id"),
				attrIs("simcloud_redshift_subnet_group.test", "arn", knownvalue.StringExact("arn:aws:redshift:us-east-1:123456789012:subnetgroup:warehouse")),
				attrIs("simcloud_redshift_subnet_group.test", "description", knownvalue.StringExact("dw")),
			},
		},
		importStep("simcloud_elasticache_subnet_group.test", "name"),
		importStep("simcloud_redshift_subnet_group.test"),
		actionStep(config("a1", "a2"), "simcloud_redshift_subnet_group.test", actionUpdate),
		resource.TestStep{Config: config("a1", "a2"), ConfigPlanChecks: expectEmptyPlan},
		driftStep(t, func() error {
			return c.client.DeleteSubnetGroup(context.Background(), cloud.KindClusterSubnetGroup, "warehouse")
		},
			config("a1", "a2"), "simcloud_redshift_subnet_group.test", actionCreate),
		// A subnet in a group cannot be deleted behind Terraform's back.
		resource.TestStep{
			Config: config("a1", "a2"),
			Check: func(s *terraformState) error {
				id := s.RootModule().Resources["simcloud_subnet.a2"].Primary.ID
				err := c.client.DeleteObject(context.Background(), id)
				if cloud.ErrorCode(err) != "DependencyViolation" {
					t.Errorf("deleting a subnet of two groups: %v", err)
				}
				return nil
			},
		},
	)
}
