package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// tfACLRule is a simcloud_network_acl_rule of simcloud_network_acl.web.
func tfACLRule(name string, number int, arguments ...string) string {
	return tfResource("network_acl_rule", name, append([]string{"network_acl_id = simcloud_network_acl.web.id", fmt.Sprintf("rule_number = %d", number)},
		arguments...)...)
}

// tcpAllow is the rest of a rule letting TCP port 80 in from anywhere.
var tcpAllow = []string{`protocol = "tcp"`, `rule_action = "allow"`, `cidr_block = "0.0.0.0/0"`, "from_port = 80", "to_port = 80"}

// aclEntries is the ACL's rules of a direction, the "*" ones left out.
func aclEntries(acl cloud.NetworkACL, egress bool) []cloud.NetworkACLEntry {
	var out []cloud.NetworkACLEntry
	for _, e := range acl.Entries {
		if e.Egress == egress && e.RuleNumber != cloud.DefaultRuleNumber {
			out = append(out, e)
		}
	}
	return out
}

func TestAccNetworkACLRule(t *testing.T) {
	c := newTestCloud(t)
	rules := aclNet + tfNetworkACL("web") + tfACLRule("http", 100, tcpAllow...) +
		tfACLRule("out", 100, "egress = true", `protocol = "-1"`, `rule_action = "allow"`, `ipv6_cidr_block = "::/0"`, "from_port = 0", "to_port = 0") +
		tfACLRule("ping", 110, `protocol = "icmp"`, `rule_action = "deny"`, `cidr_block = "10.9.0.0/16"`, "icmp_type = 8")
	address := "simcloud_network_acl_rule.http"
	unitTest(t,
		withCheck(createStep(c.config(rules), address, `^nacl-[0-9]+$`,
			attrIs(address, "egress", knownvalue.Bool(false)),
			attrIs(address, "protocol", knownvalue.StringExact("tcp")),
			attrIs("simcloud_network_acl_rule.ping", "icmp_code", knownvalue.Null()),
		), func(*terraformState) error {
			acl := c.onlyCustomACL(t)
			if in, out := aclEntries(acl, false), aclEntries(acl, true); len(in) != 2 || len(out) != 1 || out[0].IPv6CIDRBlock != "::/0" {
				return fmt.Errorf("the ACL holds %d inbound and %d outbound rules, want 2 and 1 (::/0)", len(in), len(out))
			}
			return nil
		}),
		resource.TestStep{Config: c.config(rules), ConfigPlanChecks: expectEmptyPlan},
		// The AWS provider's import ID, whose spelling of the protocol is kept.
		importStepBy(address, func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_network_acl.web"].Primary.ID + ":100:tcp:false", nil
		}),
		importStepBy("simcloud_network_acl_rule.out", func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_network_acl.web"].Primary.ID + ":100:-1:true", nil
		}),
		// A rule deleted out of band is planned for creation again.
		driftStep(t, func() error {
			return c.client.DeleteNetworkACLEntry(context.Background(), cloud.NetworkACLEntryKey{NetworkACLID: c.onlyCustomACL(t).ID, RuleNumber: 100})
		}, c.config(rules), address, actionCreate),
		importFails(address, "acl-0123456789abcdef0:100:tcp", "Invalid import ID", "NETWORK_ACL_ID:RULE_NUMBER:PROTOCOL:EGRESS"),
		// Destroyed, the rules leave the ACL.
		withCheck(resource.TestStep{Config: c.config(aclNet + tfNetworkACL("web"))}, func(*terraformState) error {
			if n := len(aclEntries(c.onlyCustomACL(t), false)); n != 0 {
				return fmt.Errorf("%d inbound rules left", n)
			}
			return nil
		}),
	)
}

func TestAccNetworkACLRulePlanRefusals(t *testing.T) {
	c := newTestCloud(t)
	base := aclNet + tfNetworkACL("web") + tfACLRule("http", 100, tcpAllow...)
	many := func(n int) string {
		return repeated(n, func(i int) string { return tfACLRule(fmt.Sprintf("r%d", i), 200+i, tcpAllow...) })
	}
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		// A number the ACL already has in that direction.
		planFails(c.config(base+tfACLRule("dup", 100, tcpAllow...)), "NetworkAclEntryAlreadyExists", "identified by 100 already exists"),
		// Two rules of one plan with one number.
		planFails(c.config(base+tfACLRule("a", 200, tcpAllow...)+tfACLRule("b", 200, tcpAllow...)),
			"NetworkAclEntryAlreadyExists", "identified by 200 already exists"),
		// 1 rule in the ACL and 20 planned make 21 inbound rules.
		resource.TestStep{Config: c.config(base + many(19)), PlanOnly: true, ExpectNonEmptyPlan: true},
		planFails(c.config(base+many(20)), "NetworkAclEntryLimitExceeded", "maximum number of ingress network ACL entries"),
		planFails(c.config(base+tfACLRule("star", 32767, tcpAllow...)), "InvalidParameterValue", "ruleNumber", "from 1 to 32766"),
		planFails(c.config(base+tfACLRule("bad", 300, `protocol = "smtp"`, `rule_action = "allow"`, `cidr_block = "0.0.0.0/0"`)),
			"InvalidParameterValue", "protocol"),
		planFails(c.config(base+tfACLRule("bad", 300, `protocol = "tcp"`, `rule_action = "allow"`, `cidr_block = "0.0.0.0/0"`, `ipv6_cidr_block = "::/0"`,
			"from_port = 1", "to_port = 2")), "InvalidParameterCombination", "Exactly one of cidrBlock and ipv6CidrBlock"),
		planFails(c.config(base+tfACLRule("bad", 300, `protocol = "-1"`, `rule_action = "allow"`, `cidr_block = "0.0.0.0/0"`, "to_port = 80")),
			"Ports on a rule for all protocols"),
		// An ACL whose rules its resource sets inline, and a rule resource.
		planFails(c.config(aclNet+tfNetworkACL("web", aclRule("ingress", 100, "tcp", "allow", "0.0.0.0/0", 80, 80))+tfACLRule("http", 100, tcpAllow...)),
			"InvalidParameterCombination", "are managed in this configuration by", "simcloud_network_acl"),
		// Either direction set inline manages the ACL's rules.
		planFails(c.config(aclNet+tfNetworkACL("web", "egress = []")+tfACLRule("http", 100, tcpAllow...)),
			"InvalidParameterCombination", "are managed in this configuration by", "simcloud_network_acl"),
		// An ACL created in the same apply as its rule resource is known
		// only after apply: the mix is refused by the plan that follows.
		resource.TestStep{
			Config: c.config(base + tfResource("network_acl", "fresh", "vpc_id = simcloud_vpc.main.id", "egress = []") +
				tfResource("network_acl_rule", "late", append([]string{"network_acl_id = simcloud_network_acl.fresh.id", "rule_number = 100"}, tcpAllow...)...)),
			ExpectError: expectError("InvalidParameterCombination", "are managed in this configuration by"),
		},
	)
}
