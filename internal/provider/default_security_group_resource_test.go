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

func tfDefaultGroup(arguments ...string) string {
	return tfResource("default_security_group", "main", append([]string{"vpc_id = simcloud_vpc.main.id"}, arguments...)...)
}

// defaultGroup is the default group of the VPC with the given block.
func (c *testCloud) defaultGroup(t *testing.T, cidr string) cloud.SecurityGroup {
	t.Helper()
	return described[cloud.SecurityGroup](t, c, c.vpcByCIDR(t, cidr).DefaultSecurityGroupID)
}

func (c *testCloud) expectDefaultGroupRules(t *testing.T, ingress, egress int) resource.TestCheckFunc {
	return expectRuleCounts("the default group", func() (int, int) {
		g := c.defaultGroup(t, "10.0.0.0/16")
		return len(rulesOf(g, false)), len(rulesOf(g, true))
	}, ingress, egress)
}

func TestAccDefaultSecurityGroup(t *testing.T) {
	c := newTestCloud(t)
	vpc := tfVPC("main", "10.0.0.0/16")
	address := "simcloud_default_security_group.main"
	selfIn := tfRuleBlock("ingress", "from_port = 0", "to_port = 0", `protocol = "-1"`, "self = true")
	unitTest(t,
		// Without rules, adoption removes AWS's default ones.
		withCheck(resource.TestStep{
			Config: c.config(vpc + tfDefaultGroup()),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue(address, "id", "simcloud_vpc.main", "default_security_group_id"),
				attrIs(address, "name", knownvalue.StringExact("default")),
				attrIs(address, "description", knownvalue.StringExact("default VPC security group")),
				attrIs(address, "name_prefix", knownvalue.StringExact("")),
				attrIs(address, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:security-group/sg-`)),
				attrIs(address, "ingress", knownvalue.SetSizeExact(0)),
				attrIs(address, "egress", knownvalue.SetSizeExact(0)),
			},
		}, c.expectDefaultGroupRules(t, 0, 0)),
		resource.TestStep{Config: c.config(vpc + tfDefaultGroup()), ConfigPlanChecks: expectEmptyPlan},
		withCheck(resource.TestStep{Config: c.config(vpc + tfDefaultGroup(selfIn, httpFromAnywhere, allOut, `tags = { Name = "default" }`))},
			c.expectDefaultGroupRules(t, 2, 1)),
		resource.TestStep{Config: c.config(vpc + tfDefaultGroup(selfIn, httpFromAnywhere, allOut, `tags = { Name = "default" }`)), ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		// A rule revoked out of band is planned back.
		driftStep(t, func() error {
			g := c.defaultGroup(t, "10.0.0.0/16")
			_, err := c.client.UpdateSecurityGroup(context.Background(), g.ID, cloud.SecurityGroupInput{ManageEgress: true, Tags: g.Tags})
			return err
		}, c.config(vpc+tfDefaultGroup(selfIn, httpFromAnywhere, allOut, `tags = { Name = "default" }`)), address, actionUpdate),
		// Destroying the resource leaves the group.
		withCheck(resource.TestStep{Config: c.config(vpc)}, func(*terraformState) error {
			_ = c.defaultGroup(t, "10.0.0.0/16")
			return nil
		}),
	)
}

func TestAccDefaultSecurityGroupRefusals(t *testing.T) {
	c := newTestCloud(t)
	base := tfVPC("main", "10.0.0.0/16") + tfSecurityGroup("web", "main", `name = "web"`)
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfDefaultGroup(httpFromAnywhere, httpFromAnywhere,
			tfRuleBlock("ingress", "from_port = 80", "to_port = 80", `protocol = "6"`, `cidr_blocks = ["0.0.0.0/0"]`))),
			"InvalidPermission.Duplicate"),
		planFails(c.config(base+tfDefaultGroup(tfRuleBlock("ingress", "from_port = 90", "to_port = 80", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`))),
			"InvalidParameterValue", "port range"),
		planFails(c.config(base+tfResource("default_security_group", "main", `vpc_id = "vpc-0123456789abcdef0"`)), "InvalidVpcID.NotFound"),
		// Only a default group is imported.
		importRefused(c.config(base+tfDefaultGroup()), "simcloud_default_security_group.main", idOf("simcloud_security_group.web"),
			"Cannot import a security group that is not a default one"),
	)
}

// TestAccDefaultSecurityGroupOfTheDefaultVPC adopts the default VPC's group
// when vpc_id is left out, as aws_default_security_group does.
func TestAccDefaultSecurityGroupOfTheDefaultVPC(t *testing.T) {
	c := newTestCloud(t)
	address := "simcloud_default_security_group.main"
	config := tfResource("default_security_group", "main", allOut) + tfData("vpc", "default", "default = true")
	unitTest(t,
		withCheck(resource.TestStep{Config: c.config(config), ConfigStateChecks: []statecheck.StateCheck{
			sameValue(address, "vpc_id", "data.simcloud_vpc.default", "id"),
		}}, func(s *terraformState) error {
			vpc, _ := c.defaultVPC(t)
			if got := s.RootModule().Resources[address].Primary.Attributes["id"]; got != vpc.DefaultSecurityGroupID {
				return fmt.Errorf("adopted %s, not the default VPC's group %s", got, vpc.DefaultSecurityGroupID)
			}
			return nil
		}),
		resource.TestStep{Config: c.config(config), ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		// Without a default VPC there is no group to adopt.
		resource.TestStep{Config: c.config("")},
		c.withoutDefaultVPC(t, planFails(c.config(tfResource("default_security_group", "main")), "VPCIdNotSpecified")),
	)
}
