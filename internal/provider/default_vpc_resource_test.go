package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const defaultVPCAddress = "simcloud_default_vpc.main"

func tfDefaultVPC(arguments ...string) string {
	return tfResource("default_vpc", "main", arguments...)
}

// defaultVPC is the default VPC of the test's cloud, and whether it has one.
func (c *testCloud) defaultVPC(t *testing.T) (cloud.VPC, bool) {
	t.Helper()
	yes := true
	vpcs, err := c.client.FindVPCs(context.Background(), cloud.VPCFilter{Default: &yes})
	if err != nil {
		t.Fatal(err)
	}
	if len(vpcs) == 0 {
		return cloud.VPC{}, false
	}
	return vpcs[0], true
}

// expectDefaultVPC checks whether the cloud still has its default VPC.
func (c *testCloud) expectDefaultVPC(t *testing.T, want bool) resource.TestCheckFunc {
	return func(*terraformState) error {
		if _, ok := c.defaultVPC(t); ok != want {
			return fmt.Errorf("the cloud has a default VPC: %v, want %v", ok, want)
		}
		return nil
	}
}

// deleteDefaultVPC uses the test's region, as the provider's Configure
// does, and deletes the default VPC its first use made: the region then
// has none, as after an out-of-band DeleteVpc.
func (c *testCloud) deleteDefaultVPC(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if _, err := c.client.UseScope(ctx); err != nil {
		t.Fatal(err)
	}
	if vpc, ok := c.defaultVPC(t); ok {
		if err := c.client.DeleteDefaultVPC(ctx, vpc.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// withoutDefaultVPC is step, run where the region's default VPC was
// deleted.
func (c *testCloud) withoutDefaultVPC(t *testing.T, step resource.TestStep) resource.TestStep {
	step.PreConfig = func() { c.deleteDefaultVPC(t) }
	return step
}

// TestAccDefaultVPCCreated makes the default VPC where the region has none,
// changes it in place, imports it, makes it again after it is deleted out
// of band, and with force_destroy deletes it on destroy.
func TestAccDefaultVPCCreated(t *testing.T) {
	c := newTestCloud(t)
	named := tfDefaultVPC(`tags = { Name = "default" }`)
	changed := tfDefaultVPC(`tags = { Name = "adopted" }`, "enable_dns_hostnames = false", "assign_generated_ipv6_cidr_block = true")
	unitTest(t,
		c.withoutDefaultVPC(t, createStep(c.config(named), defaultVPCAddress, `^vpc-[0-9a-f]{17}$`,
			attrIs(defaultVPCAddress, "existing_default_vpc", knownvalue.Bool(false)),
			attrIs(defaultVPCAddress, "cidr_block", knownvalue.StringExact("172.31.0.0/16")),
			attrIs(defaultVPCAddress, "instance_tenancy", knownvalue.StringExact("default")),
			attrIs(defaultVPCAddress, "enable_dns_support", knownvalue.Bool(true)),
			attrIs(defaultVPCAddress, "enable_dns_hostnames", knownvalue.Bool(true)),
			attrIs(defaultVPCAddress, "force_destroy", knownvalue.Bool(false)),
			attrIs(defaultVPCAddress, "main_route_table_id", matching(`^rtb-`)),
			attrIs(defaultVPCAddress, "default_security_group_id", matching(`^sg-`)),
			attrIs(defaultVPCAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:vpc/vpc-`)),
		)),
		resource.TestStep{Config: c.config(named), ConfigPlanChecks: expectEmptyPlan},
		withCheck(actionStep(c.config(changed), defaultVPCAddress, actionUpdate), func(*terraformState) error {
			vpc, _ := c.defaultVPC(t)
			if vpc.Tags["Name"] != "adopted" || vpc.EnableDNSHostnames || vpc.IPv6CIDRBlock == "" {
				return fmt.Errorf("default VPC in the cloud: %+v", vpc)
			}
			return nil
		}),
		resource.TestStep{Config: c.config(changed), ConfigPlanChecks: expectEmptyPlan},
		importStep(defaultVPCAddress, "existing_default_vpc"),
		// Deleted out of band, it is made again.
		driftStep(t, func() error {
			vpc, _ := c.defaultVPC(t)
			return c.client.DeleteDefaultVPC(context.Background(), vpc.ID)
		}, c.config(changed), defaultVPCAddress, actionCreate),
		resource.TestStep{Config: c.config(tfDefaultVPC(`tags = { Name = "adopted" }`, "force_destroy = true"))},
		// force_destroy deletes the VPC with its subnets and gateway.
		withCheck(resource.TestStep{Config: c.config("")}, c.expectDefaultVPC(t, false)),
	)
}

// TestAccDefaultVPCAdopted adopts the default VPC the region's first use
// made, and destroying the resource leaves it.
func TestAccDefaultVPCAdopted(t *testing.T) {
	c := newTestCloud(t)
	if _, err := c.client.UseScope(context.Background()); err != nil {
		t.Fatal(err)
	}
	existing, _ := c.defaultVPC(t)
	config := tfDefaultVPC(`tags = { Name = "default" }`) +
		tfResource("default_security_group", "main", "vpc_id = simcloud_default_vpc.main.id") +
		tfData("vpc", "default", "default = true") +
		tfData("vpcs", "default", tfFilter("is-default", quoted("true")))
	unitTest(t,
		createStep(c.config(config), defaultVPCAddress, "^"+existing.ID+"$",
			attrIs(defaultVPCAddress, "existing_default_vpc", knownvalue.Bool(true)),
			attrIs(defaultVPCAddress, "default_route_table_id", knownvalue.StringExact(existing.MainRouteTableID)),
			attrIs(defaultVPCAddress, "tags_all", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("default")})),
			sameValue(defaultVPCAddress, "default_security_group_id", "simcloud_default_security_group.main", "id"),
			attrIs("data.simcloud_vpc.default", "id", knownvalue.StringExact(existing.ID)),
			attrIs("data.simcloud_vpc.default", "default", knownvalue.Bool(true)),
			attrIs("data.simcloud_vpcs.default", "ids", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(existing.ID)})),
		),
		resource.TestStep{Config: c.config(config), ConfigPlanChecks: expectEmptyPlan},
		importStep(defaultVPCAddress),
		// Without force_destroy, destroying the resource forgets the VPC.
		withCheck(resource.TestStep{Config: c.config("")}, c.expectDefaultVPC(t, true)),
		// Forgotten, it is adopted again as it was.
		resource.TestStep{Config: c.config(config), ConfigStateChecks: []statecheck.StateCheck{
			attrIs(defaultVPCAddress, "id", knownvalue.StringExact(existing.ID)),
		}},
	)
}

// TestAccDefaultVPCRefusals refuses at plan two resources that would each
// make the region's default VPC, and the IPAM arguments.
func TestAccDefaultVPCRefusals(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		c.withoutDefaultVPC(t, planFails(c.config(tfDefaultVPC()+tfResource("default_vpc", "other")), "DefaultVpcAlreadyExists", "the simcloud_default_vpc planned")),
		planFails(c.config(tfDefaultVPC(`ipv6_ipam_pool_id = "ipam-pool-0123456789abcdef0"`)), "UnsupportedOperation", "ipv6_ipam_pool_id"),
		planFails(c.config(tfDefaultVPC(`ipv6_cidr_block_network_border_group = "us-west-2"`)), "InvalidParameterValue", "network border group"),
		// Only the default VPC is imported.
		resource.TestStep{Config: c.config(tfVPC("main", "10.0.0.0/16"))},
		importRefused(c.config(tfVPC("main", "10.0.0.0/16")+tfDefaultVPC()), defaultVPCAddress, idOf("simcloud_vpc.main"),
			"Cannot import a VPC that is not the default one"),
	)
}
