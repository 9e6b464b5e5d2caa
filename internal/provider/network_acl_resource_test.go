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

// aclNet is a VPC with two subnets, and a second VPC with one.
var aclNet = tfVPC("main", "10.0.0.0/16") + tfSubnet("a", "main", "10.0.1.0/24") + tfSubnet("b", "main", "10.0.2.0/24") +
	otherVPC + tfSubnet("other", "other", "10.1.1.0/24")

// aclRule renders one rule block of a direction.
func aclRule(dir string, number int, protocol, action, cidr string, from, to int) string {
	return fmt.Sprintf("%s {\n    rule_no = %d\n    protocol = %q\n    action = %q\n    cidr_block = %q\n    from_port = %d\n    to_port = %d\n  }",
		dir, number, protocol, action, cidr, from, to)
}

func tfNetworkACL(name string, arguments ...string) string {
	return tfResource("network_acl", name, append([]string{"vpc_id = simcloud_vpc.main.id"}, arguments...)...)
}

// subnetACL is the ID of the network ACL a subnet of the test's cloud is
// associated with.
func (c *testCloud) subnetACL(t *testing.T, cidr string) string {
	t.Helper()
	return c.subnetByCIDR(t, cidr).NetworkACLID
}

func (c *testCloud) expectSubnetACL(t *testing.T, cidr string, wantDefault bool) resource.TestCheckFunc {
	return func(*terraformState) error {
		acl, err := cloud.Describe[cloud.NetworkACL](c.client, context.Background(), c.subnetACL(t, cidr))
		if err != nil {
			return err
		}
		if acl.Default != wantDefault {
			return fmt.Errorf("subnet %s is on ACL %s (default %v), want default %v", cidr, acl.ID, acl.Default, wantDefault)
		}
		return nil
	}
}

func TestAccNetworkACL(t *testing.T) {
	c := newTestCloud(t)
	web := tfNetworkACL("web",
		"subnet_ids = [simcloud_subnet.a.id]",
		// An import reads protocols as numbers, as the AWS provider's does;
		// the rules written with names below keep their spelling.
		aclRule("ingress", 100, "6", "allow", "0.0.0.0/0", 443, 443),
		aclRule("ingress", 110, "6", "allow", "0.0.0.0/0", 1024, 65535),
		aclRule("egress", 100, "-1", "allow", "0.0.0.0/0", 0, 0),
		`tags = { Name = "web" }`)
	changed := tfNetworkACL("web",
		"subnet_ids = [simcloud_subnet.b.id]",
		aclRule("ingress", 100, "6", "allow", "0.0.0.0/0", 80, 80),
		aclRule("ingress", 90, "tcp", "deny", "10.9.0.0/16", 22, 22),
		aclRule("egress", 100, "-1", "allow", "0.0.0.0/0", 0, 0))
	address := "simcloud_network_acl.web"
	unitTest(t,
		withCheck(createStep(c.config(aclNet+web), address, `^acl-[0-9a-f]{17}$`,
			attrIs(address, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:network-acl/acl-`)),
			attrIs(address, "ingress", knownvalue.SetSizeExact(2)),
			attrIs(address, "egress", knownvalue.SetSizeExact(1)),
			attrIs(address, "subnet_ids", knownvalue.SetSizeExact(1)),
		), resource.ComposeTestCheckFunc(c.expectSubnetACL(t, "10.0.1.0/24", false), c.expectSubnetACL(t, "10.0.2.0/24", true))),
		resource.TestStep{Config: c.config(aclNet + web), ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		// Rules change in place, and a subnet taken out goes back to the default.
		resource.TestStep{
			Config:           c.config(aclNet + changed),
			ConfigPlanChecks: expectPlanAction(address, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(address, "ingress", knownvalue.SetSizeExact(2)),
			},
			Check: resource.ComposeTestCheckFunc(c.expectSubnetACL(t, "10.0.1.0/24", true), c.expectSubnetACL(t, "10.0.2.0/24", false)),
		},
		resource.TestStep{Config: c.config(aclNet + changed), ConfigPlanChecks: expectEmptyPlan},
		// A rule removed out of band shows as a plan.
		driftStep(t, func() error {
			acl := c.onlyCustomACL(t)
			_, err := c.client.UpdateNetworkACL(context.Background(), acl.ID, cloud.NetworkACLInput{ManageIngress: true,
				SubnetIDs: nil, Tags: acl.Tags})
			return err
		}, c.config(aclNet+changed), address, actionUpdate),
		// ingress = [] removes every inbound rule.
		resource.TestStep{
			Config: c.config(aclNet + tfNetworkACL("web", "subnet_ids = [simcloud_subnet.b.id]", "ingress = []",
				aclRule("egress", 100, "-1", "allow", "0.0.0.0/0", 0, 0))),
			Check: func(*terraformState) error {
				acl := c.onlyCustomACL(t)
				for _, e := range acl.Entries {
					if !e.Egress && e.RuleNumber != cloud.DefaultRuleNumber {
						return fmt.Errorf("ingress rule %d left after ingress = []", e.RuleNumber)
					}
				}
				return nil
			},
		},
		// Moved to another VPC, the ACL is replaced; its planning as new does
		// not count its own claims against it.
		resource.TestStep{
			Config:           c.config(aclNet + tfResource("network_acl", "web", "vpc_id = simcloud_vpc.other.id", "subnet_ids = [simcloud_subnet.other.id]")),
			ConfigPlanChecks: expectPlanAction(address, actionReplace),
			Check:            resource.ComposeTestCheckFunc(c.expectSubnetACL(t, "10.0.2.0/24", true), c.expectSubnetACL(t, "10.1.1.0/24", false)),
		},
		// Destroying the ACL returns its subnets to the default ACL.
		resource.TestStep{
			Config: c.config(aclNet),
			Check:  c.expectSubnetACL(t, "10.0.2.0/24", true),
		},
	)
}

// onlyCustomACL is the one network ACL of the test's cloud that is not a
// VPC's default.
func (c *testCloud) onlyCustomACL(t *testing.T) cloud.NetworkACL {
	t.Helper()
	found, err := cloud.Find[cloud.NetworkACL](c.client, context.Background(), cloud.NetworkACLFilter{Default: new(bool)})
	return wantOne(t, "custom network ACL", found, err)
}

func TestAccNetworkACLPlanRefusals(t *testing.T) {
	c := newTestCloud(t)
	rules := func(dir string, n int) string {
		return repeated(n, func(i int) string { return aclRule(dir, i*10, "tcp", "allow", "0.0.0.0/0", 80, 80) })
	}
	unitTest(t,
		resource.TestStep{Config: c.config(aclNet)},
		planFails(c.config(aclNet+tfNetworkACL("x", aclRule("ingress", 32767, "tcp", "allow", "0.0.0.0/0", 80, 80))),
			"InvalidParameterValue", "ruleNumber", "from 1 to 32766"),
		planFails(c.config(aclNet+tfNetworkACL("x", aclRule("ingress", 100, "tcp", "allow", "0.0.0.0/0", 80, 80),
			aclRule("ingress", 100, "udp", "allow", "0.0.0.0/0", 53, 53))),
			"NetworkAclEntryAlreadyExists", "The network acl entry identified by 100 already exists"),
		planFails(c.config(aclNet+tfNetworkACL("x", rules("egress", 21))),
			"NetworkAclEntryLimitExceeded", "egress"),
		planFails(c.config(aclNet+tfNetworkACL("x", aclRule("ingress", 100, "tcp", "allow", "0.0.0.0/0", 90, 80))),
			"InvalidParameterValue", "portRange", "from_port no greater than its to_port"),
		planFails(c.config(aclNet+tfNetworkACL("x", aclRule("ingress", 100, "smtp", "allow", "0.0.0.0/0", 25, 25))),
			"InvalidParameterValue", "protocol"),
		planFails(c.config(aclNet+tfNetworkACL("x", "subnet_ids = [simcloud_subnet.other.id]")),
			"InvalidParameterValue", "belong to different networks", "subnet_ids"),
		planFails(c.config(aclNet+tfNetworkACL("x", aclRule("egress", 100, "-1", "allow", "0.0.0.0/0", 0, 80))),
			"Ports on a rule for all protocols", "must both be 0"),
		// A VPC's default ACL is not imported, as the AWS provider refuses it.
		importRefused(c.config(aclNet+tfNetworkACL("x")), "simcloud_network_acl.x",
			func(*terraformState) (string, error) { return c.vpcByCIDR(t, "10.0.0.0/16").DefaultNetworkACLID, nil },
			"Cannot import a default network ACL", "goes only with its VPC"),
		// Two resources of one plan that claim one subnet's ACL.
		planFails(c.config(aclNet+tfNetworkACL("x", "subnet_ids = [simcloud_subnet.a.id]")+tfNetworkACL("y", "subnet_ids = [simcloud_subnet.a.id]")),
			"Resource.AlreadyAssociated", "claimed by another resource of this configuration"),
	)
}

func TestAccNetworkACLAssociation(t *testing.T) {
	c := newTestCloud(t)
	acl := tfNetworkACL("web")
	assoc := tfResource("network_acl_association", "a", "network_acl_id = simcloud_network_acl.web.id", "subnet_id = simcloud_subnet.a.id")
	address := "simcloud_network_acl_association.a"
	unitTest(t,
		// The association replaces the subnet's association with the default ACL.
		withCheck(createStep(c.config(aclNet+acl+assoc), address, `^aclassoc-[0-9a-f]{17}$`), c.expectSubnetACL(t, "10.0.1.0/24", false)),
		resource.TestStep{Config: c.config(aclNet + acl + assoc), ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		// The association replaced out of band (simcloud associate), putting
		// the subnet back on the default ACL: the association is made again.
		withCheck(driftStep(t, func() error {
			web, err := cloud.Describe[cloud.NetworkACL](c.client, context.Background(), c.subnetACL(t, "10.0.1.0/24"))
			if err != nil {
				return err
			}
			_, err = c.client.ReplaceNetworkACLAssociation(context.Background(), web.Associations[0].ID, c.vpcByCIDR(t, "10.0.0.0/16").DefaultNetworkACLID)
			return err
		}, c.config(aclNet+acl+assoc), address, actionCreate), c.expectSubnetACL(t, "10.0.1.0/24", false)),
		planFails(c.config(aclNet+acl+tfResource("network_acl_association", "a", "network_acl_id = simcloud_network_acl.web.id",
			"subnet_id = simcloud_subnet.other.id")), "InvalidParameterValue", "belong to different networks", "subnet_id"),
		// Destroying the association returns the subnet to the default ACL.
		resource.TestStep{Config: c.config(aclNet + acl), Check: c.expectSubnetACL(t, "10.0.1.0/24", true)},
	)
}

func TestAccNetworkACLsDataSource(t *testing.T) {
	c := newTestCloud(t)
	acl := tfNetworkACL("web", `tags = { Tier = "web" }`)
	afterACL := "depends_on = [simcloud_network_acl.web]"
	lists := tfData("network_acls", "main", "vpc_id = "+tfID("vpc", "main"), afterACL) +
		tfData("network_acls", "web", `tags = { Tier = "web" }`, afterACL) +
		tfData("network_acls", "none", "vpc_id = "+tfID("vpc", "other"), `tags = { Tier = "web" }`)
	unitTest(t,
		resource.TestStep{Config: c.config(aclNet + acl)},
		resource.TestStep{
			Config: c.config(aclNet + acl + lists),
			ConfigStateChecks: []statecheck.StateCheck{
				// The VPC's default ACL and the web ACL.
				attrIs("data.simcloud_network_acls.main", "ids", knownvalue.ListSizeExact(2)),
				attrIs("data.simcloud_network_acls.web", "ids", knownvalue.ListSizeExact(1)),
				attrIs("data.simcloud_network_acls.none", "ids", knownvalue.ListSizeExact(0)),
				attrIs("data.simcloud_network_acls.web", "id", knownvalue.StringExact("us-east-1")),
			},
			Check: func(s *terraformState) error {
				got := s.RootModule().Resources["data.simcloud_network_acls.web"].Primary.Attributes["ids.0"]
				if want := c.onlyCustomACL(t).ID; got != want {
					return fmt.Errorf("the tagged list holds %q, want %s", got, want)
				}
				return nil
			},
		},
	)
}

// A rule with a value known only after apply is checked at apply, and keeps
// the spelling of its other values.
func TestAccNetworkACLUnknownRuleValue(t *testing.T) {
	c := newTestCloud(t)
	rule := `ingress {
    rule_no    = 100
    protocol   = "6"
    action     = "allow"
    cidr_block = simcloud_vpc.main.cidr_block
    from_port  = 22
    to_port    = 22
  }`
	unitTest(t,
		resource.TestStep{Config: c.config(aclNet + tfNetworkACL("web", rule))},
		resource.TestStep{Config: c.config(aclNet + tfNetworkACL("web", rule)), ConfigPlanChecks: expectEmptyPlan},
	)
}

// A VPC that gains an IPv6 block gives its ACLs the "*" rules for ::/0, as
// AWS does, and takes them back with the block; neither shows in a plan.
func TestAccNetworkACLIPv6DenyRules(t *testing.T) {
	c := newTestCloud(t)
	acl := tfNetworkACL("web", aclRule("ingress", 100, "6", "allow", "0.0.0.0/0", 443, 443))
	v4 := c.config(tfVPC("main", "10.0.0.0/16") + acl)
	v6 := c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + acl)
	ipv6Stars := func(want int) resource.TestCheckFunc {
		return func(*terraformState) error {
			got := 0
			for _, e := range c.onlyCustomACL(t).Entries {
				if e.RuleNumber == cloud.DefaultRuleNumber && e.IPv6CIDRBlock == "::/0" && e.RuleAction == cloud.RuleActionDeny {
					got++
				}
			}
			if got != want {
				return fmt.Errorf("the ACL has %d IPv6 \"*\" rules, want %d", got, want)
			}
			return nil
		}
	}
	unitTest(t,
		withCheck(resource.TestStep{Config: v4}, ipv6Stars(0)),
		withCheck(resource.TestStep{Config: v6}, ipv6Stars(2)),
		resource.TestStep{Config: v6, ConfigPlanChecks: expectEmptyPlan},
		withCheck(resource.TestStep{Config: v4}, ipv6Stars(0)),
		resource.TestStep{Config: v4, ConfigPlanChecks: expectEmptyPlan},
	)
}
