package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// tfLegacyRule is a simcloud_security_group_rule of simcloud_security_group.<group>.
func tfLegacyRule(name, group, direction string, arguments ...string) string {
	return tfResource("security_group_rule", name, append([]string{`type = "` + direction + `"`,
		"security_group_id = " + tfID("security_group", group)}, arguments...)...)
}

var httpsFromTwo = []string{"from_port = 443", "to_port = 443", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]`}

// importIDOf is the AWS provider's import ID of a rule resource in state:
// GROUP_TYPE_PROTOCOL_FROM_TO_SOURCES.
func importIDOf(address, sources string) resource.ImportStateIdFunc {
	return func(s *terraformState) (string, error) {
		a := s.RootModule().Resources[address].Primary.Attributes
		return a["security_group_id"] + "_" + a["type"] + "_" + a["protocol"] + "_" + a["from_port"] + "_" + a["to_port"] + "_" + sources, nil
	}
}

func TestAccSecurityGroupRule_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	config := func(https ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfSecurityGroup("web", "main", `name = "web"`) + tfSecurityGroup("lb", "main", `name = "lb"`) +
			tfLegacyRule("https", "web", "ingress", https...) +
			tfLegacyRule("self", "web", "ingress", "from_port = 0", "to_port = 0", `protocol = "-1"`, "self = true") +
			tfLegacyRule("lb", "web", "egress", "from_port = 8080", "to_port = 8080", `protocol = "6"`,
				"source_security_group_id = "+tfID("security_group", "lb")))
	}
	https := "simcloud_security_group_rule.https"
	unitTest(t,
		withCheck(createStep(config(httpsFromTwo...), https, `^sgrule-\d+$`,
			// Two rules in the cloud: no one rule ID.
			attrIs(https, "security_group_rule_id", knownvalue.StringExact("")),
			attrIs("simcloud_security_group_rule.self", "security_group_rule_id", matching(`^sgr-[0-9a-f]{17}$`)),
		), func(*terraformState) error {
			for _, g := range []cloud.SecurityGroup{c.group(t, "web")} {
				if len(rulesOf(g, false)) != 3 || len(rulesOf(g, true)) != 1 {
					t.Errorf("rules in the cloud: %+v", g.Rules)
				}
			}
			return nil
		}),
		resource.TestStep{Config: config(httpsFromTwo...), ConfigPlanChecks: expectEmptyPlan},
		// The description changes in place; anything else replaces.
		actionStep(config(append(httpsFromTwo, `description = "https"`)...), https, actionUpdate),
		resource.TestStep{Config: config("from_port = 443", "to_port = 443", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8"]`, `description = "https"`),
			ConfigPlanChecks:  expectPlanAction(https, actionReplace),
			ConfigStateChecks: []statecheck.StateCheck{attrIs(https, "security_group_rule_id", matching(`^sgr-`))}},
		importStepBy(https, importIDOf(https, "10.0.0.0/8")),
		importStepBy("simcloud_security_group_rule.self", importIDOf("simcloud_security_group_rule.self", "self")),
		importStepBy("simcloud_security_group_rule.lb", func(s *terraformState) (string, error) {
			a := s.RootModule().Resources["simcloud_security_group_rule.lb"].Primary.Attributes
			return a["security_group_id"] + "_egress_tcp_8080_8080_" + a["source_security_group_id"], nil
		}, "protocol"),
		importFails(https, "sg-0123456789abcdef0_sideways_tcp_1_2_10.0.0.0/8", "InvalidParameterValue", "ingress or egress"),
		// A rule revoked out of band is planned for creation again.
		driftStep(t, func() error { return c.revokeFirstOutbound(c.group(t, "web")) }, config("from_port = 443", "to_port = 443", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8"]`, `description = "https"`),
			"simcloud_security_group_rule.lb", actionCreate),
	)
}

func TestAccSecurityGroupRule_refusedAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := ruleTestGroups + tfSecurityGroup("inline", "main", `name = "inline"`, allOut) +
		tfLegacyRule("https", "web", "ingress", httpsFromTwo...)
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfLegacyRule("again", "web", "ingress", "from_port = 443", "to_port = 443", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8"]`)),
			"InvalidPermission.Duplicate", "peer: 10.0.0.0/8"),
		// One vpc_security_group_ingress_rule and one security_group_rule
		// of this plan asking for the same rule.
		planFails(c.config(base+tfLegacyRule("a", "web", "ingress", "from_port = 22", "to_port = 22", `protocol = "tcp"`, `cidr_blocks = ["172.16.0.0/12"]`)+
			tfGroupRule("ingress", "b", "web", `ip_protocol = "tcp"`, "from_port = 22", "to_port = 22", `cidr_ipv4 = "172.16.0.0/12"`)),
			"InvalidPermission.Duplicate", "planned in this configuration"),
		planFails(c.config(base+tfLegacyRule("x", "web", "ingress", "from_port = 1", "to_port = 1", `protocol = "tcp"`,
			"source_security_group_id = "+tfID("security_group", "elsewhere"))), "InvalidParameter", "different networks"),
		planFails(c.config(base+tfLegacyRule("x", "web", "ingress", "from_port = 1", "to_port = 1", `protocol = "tcp"`)), "MissingParameter"),
		planFails(c.config(base+tfLegacyRule("x", "web", "sideways", "from_port = 1", "to_port = 1", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8"]`)),
			"InvalidParameterValue", "ingress"),
		planFails(c.config(base+tfLegacyRule("x", "web", "ingress", "from_port = 1", "to_port = 1", `protocol = "tcp"`, `cidr_blocks = ["10.0.0.0/8"]`, "self = true")),
			"InvalidParameterCombination", "self"),
		planFails(c.config(base+tfLegacyRule("x", "web", "ingress", "from_port = 1", "to_port = 1", `protocol = "tcp"`, `prefix_list_ids = ["pl-0123456789abcdef0"]`)),
			"InvalidPrefixListID.NotFound", "prefix_list_ids"),
		planFails(c.config(base+tfLegacyRule("x", "web", "ingress", "from_port = 0", "to_port = 70000", `protocol = "udp"`, `cidr_blocks = ["10.0.0.0/8"]`)),
			"InvalidParameterValue", "port range"),
		planFails(c.config(base+tfLegacyRule("x", "inline", "egress", "from_port = 53", "to_port = 53", `protocol = "udp"`, `cidr_blocks = ["10.0.0.0/8"]`)),
			"InvalidParameterCombination", "egress blocks"),
	)
}

// group is the test cloud's group with the given name.
func (c *testCloud) group(t *testing.T, name string) cloud.SecurityGroup {
	t.Helper()
	groups, err := c.client.FindSecurityGroups(context.Background(), cloud.SecurityGroupFilter{GroupName: name})
	return wantOne(t, "security group "+name, groups, err)
}

// TestAccSecurityGroupRule_importedSpelling: imported, a rule's protocol
// reads as AWS names it (tcp) where the configuration says 6; the next plan
// changes the spelling in place instead of replacing the rule.
func TestAccSecurityGroupRule_importedSpelling(t *testing.T) {
	c := newTestCloud(t)
	ctx := context.Background()
	vpc, err := c.client.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := c.client.CreateSecurityGroup(ctx, cloud.SecurityGroupInput{VPCID: vpc.ID, GroupName: "web", Description: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.client.PutSecurityGroupRules(ctx, cloud.SecurityGroupRulesInput{GroupID: g.ID,
		Rules: []cloud.SecurityGroupRule{{IPProtocol: "tcp", FromPort: 22, ToPort: 22, CIDRIPv4: "10.0.0.0/8"}}}); err != nil {
		t.Fatal(err)
	}
	address := "simcloud_security_group_rule.ssh"
	config := c.config(tfResource("security_group_rule", "ssh", `type = "ingress"`, `security_group_id = "`+g.ID+`"`,
		"from_port = 22", "to_port = 22", `protocol = "6"`, `cidr_blocks = ["10.0.0.0/8"]`) +
		tfBlock("import", "to = "+address, `id = "`+g.ID+`_ingress_tcp_22_22_10.0.0.0/8"`))
	unitTest(t,
		resource.TestStep{Config: config, ConfigPlanChecks: expectPlanAction(address, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{attrIs(address, "protocol", knownvalue.StringExact("6"))}},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
	)
}
