package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func tfSecurityGroup(name, vpc string, arguments ...string) string {
	return tfResource("security_group", name, append([]string{"vpc_id = " + tfID("vpc", vpc)}, arguments...)...)
}

// tfRuleBlock is an ingress or egress block.
func tfRuleBlock(direction string, arguments ...string) string {
	return tfBlock(direction, arguments...)
}

var (
	httpFromAnywhere = tfRuleBlock("ingress", "from_port = 80", "to_port = 80", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`)
	sshFromOffice    = tfRuleBlock("ingress", "from_port = 22", "to_port = 22", `protocol = "tcp"`, `cidr_blocks = ["198.51.100.7/32"]`, `description = "office"`)
	allOut           = tfRuleBlock("egress", "from_port = 0", "to_port = 0", `protocol = "-1"`, `cidr_blocks = ["0.0.0.0/0"]`)
)

// onlyGroup is the one group of the test's cloud that is not a default one.
func (c *testCloud) onlyGroup(t *testing.T) cloud.SecurityGroup {
	t.Helper()
	groups, err := c.client.FindSecurityGroups(context.Background(), cloud.SecurityGroupFilter{Default: new(bool)})
	return wantOne(t, "security group", groups, err)
}

func rulesOf(g cloud.SecurityGroup, egress bool) []cloud.SecurityGroupRule {
	var out []cloud.SecurityGroupRule
	for _, r := range g.Rules {
		if r.Egress == egress {
			out = append(out, r)
		}
	}
	return out
}

func TestAccSecurityGroup_rules(t *testing.T) {
	c := newTestCloud(t)
	web := func(rules ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfSecurityGroup("web", "main", append([]string{`name = "web"`}, rules...)...))
	}
	address := "simcloud_security_group.web"
	unitTest(t,
		// Without egress, AWS's default outbound rule is removed, as the
		// AWS provider does, and a second plan is empty.
		withCheck(createStep(web(httpFromAnywhere, sshFromOffice), address, `^sg-[0-9a-f]{17}$`,
			attrIs(address, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:security-group/sg-`)),
			attrIs(address, "description", knownvalue.StringExact("Managed by Terraform")),
			attrIs(address, "ingress", knownvalue.SetSizeExact(2)),
			attrIs(address, "egress", knownvalue.SetSizeExact(0)),
		), func(*terraformState) error {
			g := c.onlyGroup(t)
			if len(rulesOf(g, false)) != 2 || len(rulesOf(g, true)) != 0 {
				t.Errorf("rules in the cloud: %+v", g.Rules)
			}
			return nil
		}),
		resource.TestStep{Config: web(httpFromAnywhere, sshFromOffice), ConfigPlanChecks: expectEmptyPlan},
		// Rules change in place, the group keeps its ID.
		resource.TestStep{
			Config:           web(httpFromAnywhere, allOut),
			ConfigPlanChecks: expectPlanAction(address, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(address, "ingress", knownvalue.SetSizeExact(1)),
				attrIs(address, "egress", knownvalue.SetSizeExact(1)),
			},
		},
		resource.TestStep{Config: web(httpFromAnywhere, allOut), ConfigPlanChecks: expectEmptyPlan},
		importStep(address, "revoke_rules_on_delete"),
		// A rule revoked out of band (simcloud revoke) is put back.
		withPlanCheck(driftStep(t, func() error {
			_, err := c.client.RevokeSecurityGroupRule(context.Background(), rulesOf(c.onlyGroup(t), false)[0].ID)
			return err
		}, web(httpFromAnywhere, allOut), address, actionUpdate),
			plancheck.ExpectKnownValue(address, tfjsonpath.New("ingress").AtSliceIndex(0).AtMapKey("from_port"), knownvalue.Int64Exact(80))),
		withCheck(resource.TestStep{Config: web(httpFromAnywhere, allOut), ConfigPlanChecks: expectEmptyPlan}, func(*terraformState) error {
			if got := rulesOf(c.onlyGroup(t), false); len(got) != 1 || got[0].FromPort != 80 {
				t.Errorf("inbound rules after the drift was repaired: %+v", got)
			}
			return nil
		}),
		// ingress = [] removes every inbound rule; egress left out is left
		// alone.
		withCheck(resource.TestStep{Config: web("ingress = []")}, func(*terraformState) error {
			g := c.onlyGroup(t)
			if len(rulesOf(g, false)) != 0 || len(rulesOf(g, true)) != 1 {
				t.Errorf("rules in the cloud after ingress = []: %+v", g.Rules)
			}
			return nil
		}),
		resource.TestStep{Config: web("ingress = []"), ConfigPlanChecks: expectEmptyPlan},
		// Deleted behind Terraform's back: planned for creation again.
		driftStep(t, func() error { return c.client.DeleteSecurityGroup(context.Background(), c.onlyGroup(t).ID) },
			web("ingress = []"), address, actionCreate),
	)
}

func TestAccSecurityGroup_referencesAndNames(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfVPC("main", "10.0.0.0/16") +
		tfSecurityGroup("web", "main", `name_prefix = "web-"`, httpFromAnywhere) +
		tfSecurityGroup("app", "main",
			tfRuleBlock("ingress", "from_port = 8080", "to_port = 8080", `protocol = "tcp"`, "security_groups = ["+tfID("security_group", "web")+"]"),
			tfRuleBlock("ingress", "from_port = 0", "to_port = 0", `protocol = "-1"`, "self = true"),
			allOut) +
		`data "simcloud_security_group" "app" { id = simcloud_security_group.app.id }` + "\n" +
		`data "simcloud_security_group" "default" {
  vpc_id = simcloud_vpc.main.id
  name   = "default"
}`)
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_security_group.web", "name", matching(`^web-\d{16}[0-9a-f]{10}$`)),
				attrIs("simcloud_security_group.app", "name", matching(`^terraform-`)),
				sameValue("data.simcloud_security_group.app", "name", "simcloud_security_group.app", "name"),
				sameValue("data.simcloud_security_group.app", "arn", "simcloud_security_group.app", "arn"),
				sameValue("data.simcloud_security_group.default", "id", "simcloud_vpc.main", "default_security_group_id"),
				attrIs("data.simcloud_security_group.default", "description", knownvalue.StringExact("default VPC security group")),
			},
		},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStep("simcloud_security_group.app", "revoke_rules_on_delete"),
	)
}

func TestAccSecurityGroup_refusedAtPlan(t *testing.T) {
	c := newTestCloud(t)
	// The VPCs exist before the plans that fail, so that rules that need
	// their IDs run at plan.
	base := tfVPC("main", "10.0.0.0/16") + tfVPC("other", "10.1.0.0/16") + tfSecurityGroup("elsewhere", "other", `name = "web"`)
	vpc := base
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfSecurityGroup("a", "main",
			tfRuleBlock("ingress", "from_port = 8080", "to_port = 8080", `protocol = "tcp"`, "security_groups = ["+tfID("security_group", "elsewhere")+"]"))),
			"InvalidParameter", "different networks"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main", `name = "sg-web"`)), "InvalidParameterValue", "format sg-"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main", `name = "default"`)), "InvalidParameterValue", "default"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main", `name = "web"`, `name_prefix = "web-"`)), "InvalidParameterCombination", "name_prefix"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main", `name = "web"`)+tfSecurityGroup("b", "main", `name = "web"`)),
			"InvalidGroup.Duplicate", "already exists for VPC"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main",
			tfRuleBlock("ingress", "from_port = 22", "to_port = 22", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`),
			tfRuleBlock("ingress", "from_port = 22", "to_port = 22", `protocol = "6"`, `cidr_blocks = ["0.0.0.0/0"]`, `description = "again"`))),
			"InvalidPermission.Duplicate", "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main",
			tfRuleBlock("ingress", "from_port = 90", "to_port = 80", `protocol = "tcp"`, `cidr_blocks = ["0.0.0.0/0"]`))),
			"InvalidParameterValue", "port range"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main",
			tfRuleBlock("ingress", "from_port = 8", "to_port = 300", `protocol = "icmp"`, `cidr_blocks = ["0.0.0.0/0"]`))),
			"InvalidParameterValue", "ICMP code"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main",
			tfRuleBlock("ingress", "from_port = 0", "to_port = 0", `protocol = "bogus"`, `cidr_blocks = ["0.0.0.0/0"]`))),
			"InvalidParameterValue", "Unknown protocol"),
		planFails(c.config(vpc+tfSecurityGroup("a", "main",
			`ingress = [for i in range(61) : { from_port = 1000 + i, to_port = 1000 + i, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"], ipv6_cidr_blocks = [], prefix_list_ids = [], security_groups = [], self = false, description = "" }]`)),
			"RulesPerSecurityGroupLimitExceeded"),
	)
}

// TestAccSecurityGroup_defaultVPC puts a group given no VPC in the region's
// default VPC, as AWS does: refused at plan where the region has none, and
// planned where the same plan makes it.
func TestAccSecurityGroup_defaultVPC(t *testing.T) {
	c := newTestCloud(t)
	const address = "simcloud_security_group.web"
	alone := tfResource("security_group", "web", `name = "web"`)
	// The group names the default VPC through nothing, so only depends_on
	// orders it after the resource that makes that VPC.
	withDefault := tfDefaultVPC() + tfResource("security_group", "web", `name = "web"`, "depends_on = [simcloud_default_vpc.main]")
	unitTest(t,
		c.withoutDefaultVPC(t, planFails(c.config(alone), "VPCIdNotSpecified", "No default VPC")),
		resource.TestStep{Config: c.config(withDefault), ConfigStateChecks: []statecheck.StateCheck{
			sameValue(address, "vpc_id", defaultVPCAddress, "id"),
		}},
		resource.TestStep{Config: c.config(withDefault), ConfigPlanChecks: expectEmptyPlan},
		importStep(address, "revoke_rules_on_delete"),
		// The default VPC is there now: a second group without a VPC is
		// checked in it, its name included.
		planFails(c.config(withDefault+tfResource("security_group", "again", `name = "web"`)), "InvalidGroup.Duplicate", "already exists for VPC"),
	)
}
