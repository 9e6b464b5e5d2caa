package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const ipv6AssocAddress = "simcloud_vpc_ipv6_cidr_block_association.test"

// tfBlockAssociation associates a further block of an IP version, "ipv4"
// or "ipv6", with simcloud_vpc.test.
func tfBlockAssociation(version, name string, arguments ...string) string {
	return tfResource("vpc_"+version+"_cidr_block_association", name, append([]string{"vpc_id = " + tfID("vpc", "test")}, arguments...)...)
}

// TestAccVPCIPv6CIDRBlockAssociation: a VPC without IPv6 gets a block by
// association, a subnet takes a /64 of it, and the VPC itself plans no
// change; import, drift and the arguments refused at plan.
func TestAccVPCIPv6CIDRBlockAssociation(t *testing.T) {
	c := newTestCloud(t)
	association := func(arguments ...string) string { return tfBlockAssociation("ipv6", "test", arguments...) }
	vpc := tfVPC("test", "10.0.0.0/16")
	withSubnet := c.config(vpc + association("assign_generated_ipv6_cidr_block = true") +
		tfResource("subnet", "test", "vpc_id = "+tfID("vpc", "test"), `cidr_block = "10.0.1.0/24"`,
			"ipv6_cidr_block = cidrsubnet(simcloud_vpc_ipv6_cidr_block_association.test.ipv6_cidr_block, 8, 1)"))
	alone := c.config(vpc + association("assign_generated_ipv6_cidr_block = true"))
	onlyBlock := func() cloud.VPCCIDRBlockAssociation {
		return onlyOne[cloud.VPCCIDRBlockAssociation](t, c, "IPv6 block", cloud.VPCCIDRBlockAssociationFilter{})
	}
	unitTest(t,
		createStep(withSubnet, ipv6AssocAddress, `^vpc-cidr-assoc-[0-9a-f]{17}$`,
			attrIs(ipv6AssocAddress, "ipv6_cidr_block", matching(`^2001:db8:[0-9a-f:]+/56$`)),
			attrIs(ipv6AssocAddress, "ipv6_pool", knownvalue.StringExact("Amazon")),
			attrIs(ipv6AssocAddress, "ipv6_cidr_block_network_border_group", knownvalue.StringExact("us-east-1")),
			attrIs(vpcAddress, "assign_generated_ipv6_cidr_block", knownvalue.Bool(false)),
		),
		resource.TestStep{Config: withSubnet, ConfigPlanChecks: expectEmptyPlan},
		importStep(ipv6AssocAddress),
		resource.TestStep{Config: alone},
		c.deletedStep(t, func() string { return onlyBlock().ID }, alone, ipv6AssocAddress),
		planFails(c.config(vpc+association("assign_generated_ipv6_cidr_block = true", `ipv6_ipam_pool_id = "ipam-pool-0123456789abcdef0"`)),
			"ipv6_ipam_pool_id", "UnsupportedOperation"),
		planFails(c.config(vpc+association(`ipv6_cidr_block = "2600:1f00::/56"`)), "ipv6_cidr_block", "UnsupportedOperation"),
		planFails(c.config(vpc+association()), "MissingParameter", "assign_generated_ipv6_cidr_block = true"),
		planFails(c.config(vpc+association("assign_generated_ipv6_cidr_block = true", `ipv6_cidr_block_network_border_group = "us-west-2"`)),
			"ipv6_cidr_block_network_border_group", "InvalidParameterValue"),
		resource.TestStep{Config: alone},
	)
}
