package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// tfGroupRule is a simcloud_vpc_security_group_<direction>_rule of
// simcloud_security_group.<group>.
func tfGroupRule(direction, name, group string, arguments ...string) string {
	return tfResource("vpc_security_group_"+direction+"_rule", name,
		append([]string{"security_group_id = " + tfID("security_group", group)}, arguments...)...)
}

var (
	// ruleTestGroups are two VPCs, main and other, with a group web in
	// main and a group elsewhere in other.
	ruleTestGroups = tfVPC("main", "10.0.0.0/16") + tfVPC("other", "10.1.0.0/16") +
		tfSecurityGroup("web", "main", `name = "web"`) + tfSecurityGroup("elsewhere", "other", `name = "web"`)
	sshRule   = []string{`ip_protocol = "tcp"`, "from_port = 22", "to_port = 22", `cidr_ipv4 = "10.0.0.0/8"`}
	allV6Rule = []string{`ip_protocol = "-1"`, `cidr_ipv6 = "::/0"`}
)

func TestAccVPCSecurityGroupRules_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	config := func(ingress ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfSecurityGroup("web", "main", `name = "web"`) +
			tfGroupRule("ingress", "ssh", "web", ingress...) +
			tfGroupRule("egress", "all", "web", allV6Rule...) +
			tfGroupRule("ingress", "peer", "web", `ip_protocol = "6"`, "from_port = 443", "to_port = 443",
				"referenced_security_group_id = "+tfID("security_group", "web")))
	}
	ssh := "simcloud_vpc_security_group_ingress_rule.ssh"
	unitTest(t,
		withCheck(createStep(config(append(sshRule, `tags = { Name = "ssh" }`)...), ssh, `^sgr-[0-9a-f]{17}$`,
			sameValue(ssh, "id", ssh, "security_group_rule_id"),
			attrIs(ssh, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:security-group-rule/sgr-`)),
			attrIs(ssh, "tags_all", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("ssh")})),
			attrIs("simcloud_vpc_security_group_egress_rule.all", "from_port", knownvalue.Null()),
			attrIs("simcloud_vpc_security_group_ingress_rule.peer", "ip_protocol", knownvalue.StringExact("6")),
		), func(*terraformState) error {
			g := c.onlyGroup(t)
			if len(rulesOf(g, false)) != 2 || len(rulesOf(g, true)) != 1 {
				t.Errorf("rules in the cloud: %+v", g.Rules)
			}
			return nil
		}),
		// The group's own resource, which leaves its rules unconfigured,
		// and the rules themselves plan nothing more.
		resource.TestStep{Config: config(append(sshRule, `tags = { Name = "ssh" }`)...), ConfigPlanChecks: expectEmptyPlan},
		// Ports, description and tags change in place, the rule keeps its ID.
		resource.TestStep{
			Config:           config(`ip_protocol = "tcp"`, "from_port = 2222", "to_port = 2222", `cidr_ipv4 = "10.0.0.0/8"`, `description = "ssh"`),
			ConfigPlanChecks: expectPlanAction(ssh, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(ssh, "from_port", knownvalue.Int64Exact(2222)),
				attrIs(ssh, "tags_all", knownvalue.MapSizeExact(0)),
			},
		},
		// Another kind of other end replaces it.
		actionStep(config(`ip_protocol = "tcp"`, "from_port = 2222", "to_port = 2222", `cidr_ipv6 = "2001:db8::/32"`, `description = "ssh"`), ssh, actionReplace),
		importStep(ssh),
		// Imported, the protocol reads as AWS names it.
		importStep("simcloud_vpc_security_group_ingress_rule.peer", "ip_protocol"),
		importFails(ssh, "sg-0123456789abcdef0", "InvalidSecurityGroupRuleId.Malformed"),
		// A rule revoked out of band is planned for creation again.
		driftStep(t, func() error { return c.revokeFirstOutbound(c.onlyGroup(t)) }, config(`ip_protocol = "tcp"`, "from_port = 2222", "to_port = 2222", `cidr_ipv6 = "2001:db8::/32"`, `description = "ssh"`),
			"simcloud_vpc_security_group_egress_rule.all", actionCreate),
	)
}

func TestAccVPCSecurityGroupRules_refusedAtPlan(t *testing.T) {
	c := newTestCloud(t)
	base := ruleTestGroups + tfSecurityGroup("inline", "main", `name = "inline"`, httpFromAnywhere) +
		tfGroupRule("ingress", "ssh", "web", sshRule...)
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		// The same rule as one in the group, or as another of the plan.
		planFails(c.config(base+tfGroupRule("ingress", "again", "web", `ip_protocol = "6"`, "from_port = 22", "to_port = 22", `cidr_ipv4 = "10.0.0.0/8"`)),
			"InvalidPermission.Duplicate", "peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW"),
		planFails(c.config(base+tfGroupRule("egress", "a", "web", allV6Rule...)+tfGroupRule("egress", "b", "web", allV6Rule...)),
			"InvalidPermission.Duplicate", "planned in this configuration"),
		// More rules than a group may have, together.
		planFails(c.config(base+`resource "simcloud_vpc_security_group_ingress_rule" "many" {
  count             = 60
  security_group_id = simcloud_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 1000 + count.index
  to_port           = 1000 + count.index
  cidr_ipv4         = "10.0.0.0/8"
}
`), "RulesPerSecurityGroupLimitExceeded"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "tcp"`, "from_port = 8080", "to_port = 8080",
			"referenced_security_group_id = "+tfID("security_group", "elsewhere"))), "InvalidParameter", "different networks"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "tcp"`, "from_port = 90", "to_port = 80", `cidr_ipv4 = "0.0.0.0/0"`)),
			"InvalidParameterValue", "port range"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "icmp"`, "from_port = 8", "to_port = 300", `cidr_ipv4 = "0.0.0.0/0"`)),
			"InvalidParameterValue", "ICMP code"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "bogus"`, `cidr_ipv4 = "0.0.0.0/0"`)),
			"InvalidParameterValue", "Unknown protocol"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "-1"`, `cidr_ipv4 = "0.0.0.0/0"`, `cidr_ipv6 = "::/0"`)),
			"InvalidParameterCombination", "exactly one"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "-1"`)), "MissingParameter"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "-1"`, `prefix_list_id = "pl-0123456789abcdef0"`)),
			"InvalidPrefixListID.NotFound", "prefix_list_id"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "-1"`, `prefix_list_id = "rtb-0123456789abcdef0"`)),
			"prefix_list_id", "Malformed"),
		planFails(c.config(base+tfGroupRule("ingress", "x", "web", `ip_protocol = "-1"`, `cidr_ipv4 = "10.0.0.1/8"`)), "cidr"),
		// A direction the group manages inline: the rule names the group's
		// inline rule.
		planFails(c.config(base+tfGroupRule("ingress", "x", "inline", sshRule...)),
			"InvalidParameterCombination", "managed by the ingress blocks of its simcloud_security_group"),
	)
}

// TestAccVPCSecurityGroupRules_mixedWithInline: a group that, once its
// rules are managed by rule resources, is given inline rules in the same
// direction fails at plan, naming the rule; a new group with inline rules
// and a rule resource of the same direction fails at apply.
func TestAccVPCSecurityGroupRules_mixedWithInline(t *testing.T) {
	c := newTestCloud(t)
	base := tfVPC("main", "10.0.0.0/16") + tfGroupRule("ingress", "ssh", "web", sshRule...)
	unitTest(t,
		resource.TestStep{Config: c.config(base + tfSecurityGroup("web", "main", `name = "web"`))},
		planFails(c.config(base+tfSecurityGroup("web", "main", `name = "web"`, httpFromAnywhere)),
			"InvalidParameterCombination", "simcloud_vpc_security_group_ingress_rule", "sgr-"),
		// Outbound rules inline are no conflict.
		actionStep(c.config(base+tfSecurityGroup("web", "main", `name = "web"`, allOut)), "simcloud_security_group.web", actionUpdate),
		// A group and a rule resource made in the same apply: the group's
		// ID is unknown at plan, so the rule refuses at apply.
		resource.TestStep{
			Config: c.config(base + tfSecurityGroup("web", "main", `name = "web"`, allOut) +
				tfSecurityGroup("fresh", "main", `name = "fresh"`, httpFromAnywhere) + tfGroupRule("ingress", "late", "fresh", sshRule...)),
			ExpectError: expectError("InvalidParameterCombination", "managed by the ingress blocks"),
		},
	)
}

// revokeFirstOutbound revokes the group's first outbound rule behind
// Terraform's back.
func (c *testCloud) revokeFirstOutbound(g cloud.SecurityGroup) error {
	return c.client.RevokeSecurityGroupRules(context.Background(), g.ID, []string{rulesOf(g, true)[0].ID})
}
