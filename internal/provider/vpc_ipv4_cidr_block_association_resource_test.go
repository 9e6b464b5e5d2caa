package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const cidrAssocAddress = "simcloud_vpc_ipv4_cidr_block_association.test"

// tfSecondaryBlock associates cidr with simcloud_vpc.test.
func tfSecondaryBlock(name, cidr string) string {
	return tfBlockAssociation("ipv4", name, `cidr_block = "`+cidr+`"`)
}

// TestAccVPCIPv4CIDRBlockAssociation: a subnet planned with the secondary
// block it takes (as terraform-aws-modules/vpc plans them) is accepted; the
// VPC's tables get a local route; import, drift and the rules at plan.
func TestAccVPCIPv4CIDRBlockAssociation(t *testing.T) {
	c := newTestCloud(t)
	vpc := tfVPC("test", "10.0.0.0/16") + tfRouteTable("test", "test")
	withSubnet := c.config(vpc + tfSecondaryBlock("test", "10.1.0.0/16") +
		tfResource("subnet", "test", "vpc_id = simcloud_vpc_ipv4_cidr_block_association.test.vpc_id", `cidr_block = "10.1.1.0/24"`))
	alone := c.config(vpc + tfSecondaryBlock("test", "10.1.0.0/16"))
	localRoutes := func(block string) int {
		tables, err := c.client.FindRouteTables(context.Background(), cloud.RouteTableFilter{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, table := range tables {
			if slices.ContainsFunc(table.Routes, func(r cloud.Route) bool { return r.Destination == block && r.Target == cloud.TargetLocal }) {
				n++
			}
		}
		return n
	}
	onlyBlock := func() cloud.VPCCIDRBlockAssociation {
		return onlyOne[cloud.VPCCIDRBlockAssociation](t, c, "secondary block", cloud.VPCCIDRBlockAssociationFilter{})
	}
	unitTest(t,
		withCheck(createStep(withSubnet, cidrAssocAddress, `^vpc-cidr-assoc-[0-9a-f]{17}$`,
			attrIs(cidrAssocAddress, "cidr_block", knownvalue.StringExact("10.1.0.0/16"))),
			func(*terraformState) error {
				if n := localRoutes("10.1.0.0/16"); n != 2 {
					t.Errorf("%d route tables have a local route for the secondary block, want 2", n)
				}
				return nil
			}),
		importStep(cidrAssocAddress),
		resource.TestStep{Config: withSubnet, ConfigPlanChecks: expectEmptyPlan},
		withCheck(resource.TestStep{Config: alone}, func(*terraformState) error {
			if n := localRoutes("10.1.0.0/16"); n != 2 {
				t.Errorf("%d route tables have a local route for the secondary block, want 2", n)
			}
			return nil
		}),
		c.deletedStep(t, func() string { return onlyBlock().ID }, alone, cidrAssocAddress),
		planFails(c.config(vpc+tfSecondaryBlock("test", "10.1.0.0/16")+tfSecondaryBlock("other", "192.168.0.0/16")),
			"cidr_block", "InvalidVpc.Range", "The CIDR '192.168.0.0/16' is restricted"),
		planFails(c.config(vpc+tfSecondaryBlock("test", "10.1.0.0/16")+tfSecondaryBlock("other", "10.1.128.0/17")),
			"cidr_block", "CidrConflict", "10.1.0.0/16"),
		planFails(c.config(vpc+tfSecondaryBlock("test", "10.1.0.0/16")+
			tfBlockAssociation("ipv4", "more", "count = 4", `cidr_block = "10.${count.index + 2}.0.0/16"`)),
			"cidr_block", "CidrLimitExceeded"),
		planFails(c.config(vpc+tfSecondaryBlock("test", "10.1.0.0/16")+
			tfBlockAssociation("ipv4", "ipam", `ipv4_ipam_pool_id = "ipam-pool-0123456789abcdef0"`, "ipv4_netmask_length = 20")),
			"InvalidIpamPoolId.NotFound"),
		planFails(c.config(vpc+tfSecondaryBlock("test", "10.1.0.0/16")+tfBlockAssociation("ipv4", "bare")),
			"cidr_block", "MissingParameter"),
		planFails(c.config(vpc+tfSecondaryBlock("test", "11.0.0.0/8")), "cidr_block", "InvalidVpc.Range"),
		importFails(cidrAssocAddress, "vpc-0123456789abcdef0", "Invalid import ID: InvalidVpcCidrBlockAssociationID.Malformed"),
		// The block goes, and with it its local routes.
		withCheck(resource.TestStep{Config: c.config(vpc)}, func(*terraformState) error {
			if n := localRoutes("10.1.0.0/16"); n != 0 {
				t.Errorf("%d route tables keep a local route for the block gone", n)
			}
			return nil
		}),
	)
}
