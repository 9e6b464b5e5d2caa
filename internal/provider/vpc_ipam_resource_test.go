package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const (
	ipamAddress     = "simcloud_vpc_ipam.test"
	poolAddress     = "simcloud_vpc_ipam_pool.test"
	poolCIDRAddress = "simcloud_vpc_ipam_pool_cidr.test"
	previewAddress  = "simcloud_vpc_ipam_preview_next_cidr.test"
)

// ipamConfig is an IPAM operating in us-east-1, an IPv4 pool of its private
// scope (with more, the pool's own arguments) and a CIDR of the pool.
func ipamConfig(pool ...string) string {
	return tfResource("vpc_ipam", "test", `operating_regions {
    region_name = "us-east-1"
  }`, `tags = { Name = "ipam" }`) +
		tfResource("vpc_ipam_pool", "test", append([]string{`address_family = "ipv4"`, `ipam_scope_id = simcloud_vpc_ipam.test.private_default_scope_id`,
			`locale = "us-east-1"`}, pool...)...) +
		tfResource("vpc_ipam_pool_cidr", "test", "ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `cidr = "10.0.0.0/8"`)
}

// TestAccVPCIPAM: an IPAM, a pool and its CIDR; a preview; a VPC by netmask
// and one by the pool's default, the first with the preview's block; the
// pool's rules at plan; import; drift.
func TestAccVPCIPAM(t *testing.T) {
	c := newTestCloud(t)
	base := ipamConfig(`allocation_default_netmask_length = 20`, `allocation_min_netmask_length = 16`, `allocation_max_netmask_length = 24`)
	preview := tfResource("vpc_ipam_preview_next_cidr", "test", "ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `netmask_length = 16`,
		`depends_on = [simcloud_vpc_ipam_pool_cidr.test]`)
	vpcs := tfResource("vpc", "by_netmask", "ipv4_ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `ipv4_netmask_length = 16`,
		`depends_on = [simcloud_vpc_ipam_preview_next_cidr.test]`) +
		tfResource("vpc", "by_default", "ipv4_ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `depends_on = [simcloud_vpc.by_netmask]`)
	pool := func() cloud.IPAMPool { return onlyOne[cloud.IPAMPool](t, c, "IPAM pool", cloud.IPAMPoolFilter{}) }
	unitTest(t,
		createStep(c.config(base+preview), ipamAddress, `^ipam-[0-9a-f]{17}$`,
			attrIs(ipamAddress, "arn", matching(`^arn:aws:ec2::123456789012:ipam/ipam-[0-9a-f]{17}$`)),
			attrIs(ipamAddress, "private_default_scope_id", matching(`^ipam-scope-[0-9a-f]{17}$`)),
			attrIs(ipamAddress, "scope_count", knownvalue.Int64Exact(2)),
			attrIs(poolAddress, "ipam_scope_type", knownvalue.StringExact("private")),
			attrIs(poolAddress, "state", knownvalue.StringExact("create-complete")),
			attrIs(poolAddress, "pool_depth", knownvalue.Int64Exact(1)),
			attrIs(poolCIDRAddress, "id", matching(`^10\.0\.0\.0/8_ipam-pool-[0-9a-f]{17}$`)),
			attrIs(poolCIDRAddress, "ipam_pool_cidr_id", matching(`^ipam-pool-cidr-[0-9a-f]{17}$`)),
			attrIs(previewAddress, "cidr", knownvalue.StringExact("10.0.0.0/16")),
		),
		resource.TestStep{Config: c.config(base + preview + vpcs),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue("simcloud_vpc.by_netmask", "cidr_block", previewAddress, "cidr"),
				attrIs("simcloud_vpc.by_default", "cidr_block", knownvalue.StringExact("10.1.0.0/20")),
			}},
		resource.TestStep{Config: c.config(base + preview + vpcs), ConfigPlanChecks: expectEmptyPlan},
		importStep(ipamAddress, "cascade"),
		importStep(poolAddress, "cascade"),
		importStep(poolCIDRAddress),
		importStep("simcloud_vpc.by_netmask", "ipv4_netmask_length"),
		// The pool's settings change in place.
		actionStep(c.config(ipamConfig(`allocation_default_netmask_length = 20`, `allocation_min_netmask_length = 16`, `allocation_max_netmask_length = 24`,
			`description = "changed"`)+preview+vpcs), poolAddress, actionUpdate),
		driftStep(t, func() error {
			_, err := c.client.UpdateIPAMPool(context.Background(), pool().ID, cloud.IPAMPoolSettings{AllocationDefaultNetmaskLength: 20,
				AllocationMinNetmaskLength: 16, AllocationMaxNetmaskLength: 28}, nil)
			return err
		}, c.config(ipamConfig(`allocation_default_netmask_length = 20`, `allocation_min_netmask_length = 16`, `allocation_max_netmask_length = 24`,
			`description = "changed"`)+preview+vpcs), poolAddress, actionUpdate),
		planFails(c.config(base+preview+vpcs+tfResource("vpc", "too_small", "ipv4_ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `ipv4_netmask_length = 26`)),
			"ipv4_netmask_length", "InvalidParameterValue", "not within the pool's allowed range"),
		planFails(c.config(base+preview+vpcs+tfResource("vpc_ipam_pool_cidr", "overlap", "ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), `cidr = "10.1.0.0/16"`)),
			"cidr", "InvalidParameterValue", "overlaps"),
		planFails(c.config(base+preview+vpcs+tfResource("vpc_ipam_pool", "elsewhere", `address_family = "ipv4"`,
			`ipam_scope_id = simcloud_vpc_ipam.test.private_default_scope_id`, `locale = "eu-west-1"`)),
			"locale", "InvalidParameterValue", "not one of the operating regions"),
		planFails(c.config(tfResource("vpc", "nothing")), "MissingParameter", "Either cidrBlock or ipv4IpamPoolId"),
		// A secondary block from the pool: its next free /20.
		resource.TestStep{Config: c.config(base + preview + vpcs + tfResource("vpc_ipv4_cidr_block_association", "pooled",
			"vpc_id = "+tfID("vpc", "by_netmask"), "ipv4_ipam_pool_id = "+tfID("vpc_ipam_pool", "test"), "ipv4_netmask_length = 20",
			`depends_on = [simcloud_vpc_ipam_pool_cidr.test]`)),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_vpc_ipv4_cidr_block_association.pooled", "cidr_block", knownvalue.StringExact("10.1.16.0/20"))}},
	)
}

// TestAccVPCIPAMPoolDeletedBehindTerraform: a pool deleted outside
// Terraform is planned for creation again.
func TestAccVPCIPAMPoolDeletedBehindTerraform(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfResource("vpc_ipam", "test", `operating_regions {
    region_name = "us-east-1"
  }`) + tfResource("vpc_ipam_pool", "test", `address_family = "ipv6"`, `ipam_scope_id = simcloud_vpc_ipam.test.public_default_scope_id`,
		`locale = "us-east-1"`, `aws_service = "ec2"`, `publicly_advertisable = false`))
	unitTest(t,
		createStep(config, poolAddress, `^ipam-pool-[0-9a-f]{17}$`, attrIs(poolAddress, "ipam_scope_type", knownvalue.StringExact("public"))),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		c.deletedStep(t, func() string { return onlyOne[cloud.IPAMPool](t, c, "IPAM pool", cloud.IPAMPoolFilter{}).ID }, config, poolAddress),
	)
}
