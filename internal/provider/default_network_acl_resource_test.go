package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// tfDefaultACL adopts the default ACL of simcloud_vpc.main.
func tfDefaultACL(arguments ...string) string {
	return tfResource("default_network_acl", "main", append([]string{"default_network_acl_id = simcloud_vpc.main.default_network_acl_id"}, arguments...)...)
}

// defaultACL is the default network ACL of the VPC with the given block.
func (c *testCloud) defaultACL(t *testing.T, cidr string) cloud.NetworkACL {
	t.Helper()
	return described[cloud.NetworkACL](t, c, c.vpcByCIDR(t, cidr).DefaultNetworkACLID)
}

// expectDefaultACLRules checks the rules, the "*" ones left out, of the
// default ACL of simcloud_vpc.main.
func (c *testCloud) expectDefaultACLRules(t *testing.T, ingress, egress int) resource.TestCheckFunc {
	return expectRuleCounts("the default ACL", func() (int, int) {
		acl := c.defaultACL(t, "10.0.0.0/16")
		return len(aclEntries(acl, false)), len(aclEntries(acl, true))
	}, ingress, egress)
}

func TestAccDefaultNetworkACL(t *testing.T) {
	c := newTestCloud(t)
	// Adoption removes AWS's rules 100 (allow all); egress left out has none.
	adopted := aclNet + tfDefaultACL(aclRule("ingress", 100, "6", "allow", "10.0.0.0/16", 443, 443), `tags = { Name = "default" }`)
	address := "simcloud_default_network_acl.main"
	// Subnet a goes to a custom ACL, b is listed.
	split := aclNet + tfNetworkACL("web", "subnet_ids = [simcloud_subnet.a.id]") + tfDefaultACL("subnet_ids = [simcloud_subnet.b.id]")
	unitTest(t,
		withCheck(resource.TestStep{
			Config: c.config(adopted),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue(address, "id", "simcloud_vpc.main", "default_network_acl_id"),
				sameValue(address, "vpc_id", "simcloud_vpc.main", "id"),
				attrIs(address, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:network-acl/acl-`)),
				attrIs(address, "ingress", knownvalue.SetSizeExact(1)),
				attrIs(address, "egress", knownvalue.SetSizeExact(0)),
			},
		}, c.expectDefaultACLRules(t, 1, 0)),
		resource.TestStep{Config: c.config(adopted), ConfigPlanChecks: expectEmptyPlan, ConfigStateChecks: []statecheck.StateCheck{
			// Left out, subnet_ids reads the subnets that fall back to the ACL.
			attrIs(address, "subnet_ids", knownvalue.SetSizeExact(2)),
		}},
		importStep(address),
		// A rule added out of band is planned away.
		driftStep(t, func() error {
			acl := c.defaultACL(t, "10.0.0.0/16")
			_, err := c.client.CreateNetworkACLEntry(context.Background(), acl.ID, cloud.NetworkACLEntrySpec{
				Egress: true, RuleNumber: 100, Protocol: "-1", RuleAction: "allow", CIDRBlock: "0.0.0.0/0"})
			return err
		}, c.config(adopted), address, actionUpdate),
		withCheck(resource.TestStep{Config: c.config(split)}, resource.ComposeTestCheckFunc(
			c.expectSubnetACL(t, "10.0.1.0/24", false), c.expectSubnetACL(t, "10.0.2.0/24", true), c.expectDefaultACLRules(t, 0, 0))),
		resource.TestStep{Config: c.config(split), ConfigPlanChecks: expectEmptyPlan},
		// Without the custom ACL, subnet a falls back to the default ACL,
		// which cannot let it go: as with the AWS provider, every plan shows
		// it until it is listed or taken by another ACL.
		withCheck(resource.TestStep{Config: c.config(aclNet + tfDefaultACL("subnet_ids = [simcloud_subnet.b.id]")), ExpectNonEmptyPlan: true},
			c.expectSubnetACL(t, "10.0.1.0/24", true)),
		resource.TestStep{Config: c.config(aclNet + tfDefaultACL("subnet_ids = [simcloud_subnet.a.id, simcloud_subnet.b.id]"))},
		resource.TestStep{Config: c.config(aclNet + tfDefaultACL("subnet_ids = [simcloud_subnet.a.id, simcloud_subnet.b.id]")), ConfigPlanChecks: expectEmptyPlan},
		// Destroying the resource leaves the ACL, with its rules.
		withCheck(resource.TestStep{Config: c.config(aclNet)}, func(*terraformState) error {
			_ = c.defaultACL(t, "10.0.0.0/16")
			return nil
		}),
	)
}

func TestAccDefaultNetworkACLPlanRefusals(t *testing.T) {
	c := newTestCloud(t)
	base := aclNet + tfNetworkACL("web")
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfResource("default_network_acl", "main", "default_network_acl_id = simcloud_network_acl.web.id")),
			"InvalidParameterValue", "is not the default network ACL"),
		planFails(c.config(base+tfDefaultACL(aclRule("egress", 100, "tcp", "allow", "0.0.0.0/0", 80, 80), aclRule("egress", 100, "udp", "allow", "0.0.0.0/0", 53, 53))),
			"NetworkAclEntryAlreadyExists", "identified by 100 already exists"),
		planFails(c.config(base+tfDefaultACL("subnet_ids = [simcloud_subnet.other.id]")), "InvalidParameterValue", "belong to different networks"),
		// The default ACL manages its rules inline: no rule resource beside it.
		planFails(c.config(base+tfDefaultACL()+tfResource("network_acl_rule", "x", "network_acl_id = simcloud_vpc.main.default_network_acl_id",
			"rule_number = 200", `protocol = "-1"`, `rule_action = "allow"`, `cidr_block = "0.0.0.0/0"`)),
			"InvalidParameterCombination", "simcloud_network_acl_rule"),
		// Only a default ACL is imported.
		importRefused(c.config(base+tfDefaultACL()), "simcloud_default_network_acl.main", idOf("simcloud_network_acl.web"),
			"Cannot import a network ACL that is not a default one"),
	)
}
