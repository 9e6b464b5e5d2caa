package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const prefixListAddress = "simcloud_ec2_managed_prefix_list.test"

func tfPrefixList(name string, maxEntries string, entries ...string) string {
	arguments := []string{`name = "` + name + `"`, `address_family = "IPv4"`, "max_entries = " + maxEntries}
	for _, e := range entries {
		arguments = append(arguments, "entry {\n    cidr = \""+e+"\"\n    description = \"net "+e+"\"\n  }")
	}
	return tfResource("ec2_managed_prefix_list", "test", arguments...)
}

// TestAccManagedPrefixList_lifecycle: a list is made at version 1; a change
// of its entries makes a new version in place, a change of its name or
// maximum does not; the family replaces it; AWS's rules refuse at plan.
func TestAccManagedPrefixList_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	onlyList := func() cloud.ManagedPrefixList {
		return onlyOne[cloud.ManagedPrefixList](t, c, "prefix list", cloud.ManagedPrefixListFilter{})
	}
	unitTest(t,
		createStep(c.config(tfPrefixList("corp", "3", "10.0.0.0/8")), prefixListAddress, `^pl-[0-9a-f]{17}$`,
			attrIs(prefixListAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:prefix-list/pl-[0-9a-f]{17}$`)),
			attrIs(prefixListAddress, "owner_id", knownvalue.StringExact(cloud.DefaultAccountID)),
			attrIs(prefixListAddress, "version", knownvalue.Int64Exact(1)),
		),
		importStep(prefixListAddress),
		withCheck(actionStep(c.config(tfPrefixList("corp", "3", "10.0.0.0/8", "192.168.0.0/16")), prefixListAddress, actionUpdate), func(*terraformState) error {
			if l := onlyList(); l.Version != 2 || len(l.Entries) != 2 || l.Entries[1] != (cloud.PrefixListEntry{CIDR: "192.168.0.0/16", Description: "net 192.168.0.0/16", ManagedBy: cloud.ManagedInline}) {
				t.Errorf("the list in the cloud: %+v", l)
			}
			return nil
		}),
		actionStep(c.config(tfPrefixList("renamed", "5", "10.0.0.0/8", "192.168.0.0/16")), prefixListAddress, actionUpdate),
		resource.TestStep{Config: c.config(tfPrefixList("renamed", "5", "10.0.0.0/8", "192.168.0.0/16")), ConfigPlanChecks: expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{attrIs(prefixListAddress, "version", knownvalue.Int64Exact(2))}},
		actionStep(c.config(tfResource("ec2_managed_prefix_list", "test", `name = "renamed"`, `address_family = "IPv6"`, "max_entries = 5")),
			prefixListAddress, actionReplace),
		c.deletedStep(t, func() string { return onlyList().ID },
			c.config(tfResource("ec2_managed_prefix_list", "test", `name = "renamed"`, `address_family = "IPv6"`, "max_entries = 5")), prefixListAddress),
		planFails(c.config(tfPrefixList("corp", "1", "10.0.0.0/8", "10.1.0.0/16")), "max_entries", "PrefixListMaxEntriesExceeded"),
		planFails(c.config(tfPrefixList("corp", "3", "10.0.0.0/8", "fd00::/8")), "InvalidParameterValue", "fd00::/8 is not of the prefix list's address family"),
		planFails(c.config(tfPrefixList("corp", "3", "10.0.0.1/8")), "InvalidParameterValue", "parameter Cidr", "Clear the host bits"),
		planFails(c.config(tfPrefixList("com.amazonaws.mine", "3")), "name", "InvalidParameterValue"),
		planFails(c.config(tfResource("ec2_managed_prefix_list", "test", `name = "corp"`, `address_family = "IPv4"`, "max_entries = 3",
			"entry {\n    cidr = \"10.0.0.0/8\"\n  }", "entry {\n    cidr = \"10.0.0.0/8\"\n    description = \"again\"\n  }")),
			"InvalidParameterValue", "duplicate entries for CIDR 10.0.0.0/8"),
		planFails(c.config(tfPrefixList("corp", "1001")), "max_entries", "InvalidParameterValue"),
		importFails(prefixListAddress, "vpc-0123456789abcdef0", "Invalid import ID: InvalidPrefixListID.Malformed"),
	)
}

// TestAccRoute_prefixList: a route (and a route block) sends a
// customer-managed list's blocks; it is imported by rtb-..._pl-...; the
// same list twice in a table, an unknown list, an AWS-managed list and an
// IPv4 list through an egress-only gateway fail at plan; the list is not
// deleted while routed.
func TestAccRoute_prefixList(t *testing.T) {
	c := newTestCloud(t)
	const address = "simcloud_route.offices"
	list := tfID("ec2_managed_prefix_list", "test")
	base := dualStack() + tfPrefixList("offices", "3", "10.20.0.0/16")
	toList := func(name, destination string, target ...string) string {
		if len(target) == 0 {
			target = []string{"gateway_id = " + tfID("internet_gateway", "main")}
		}
		return tfRoute(name, "private", append([]string{"destination_prefix_list_id = " + destination}, target...)...)
	}
	config := c.config(base + toList("offices", list))
	unitTest(t,
		createStep(config, address, `^r-rtb-[0-9a-f]{17}[0-9]+$`,
			attrIs(address, "state", knownvalue.StringExact("active")),
			sameValue(address, "destination_prefix_list_id", prefixListAddress, "id"),
		),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStepBy(address, func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_route_table.private"].Primary.ID + "_" + s.RootModule().Resources[prefixListAddress].Primary.ID, nil
		}),
		withCheck(resource.TestStep{Config: config}, func(*terraformState) error {
			l := onlyOne[cloud.ManagedPrefixList](t, c, "prefix list", cloud.ManagedPrefixListFilter{})
			if err := c.client.DeleteObject(context.Background(), l.ID); cloud.ErrorCode(err) != "DependencyViolation" {
				t.Errorf("deleting a routed list: %v, want DependencyViolation", err)
			}
			return nil
		}),
		planFails(c.config(base+toList("offices", list)+toList("again", list)), "RouteAlreadyExists"),
		planFails(c.config(base+toList("offices", `"pl-0123456789abcdef0"`)), "destination_prefix_list_id", "InvalidPrefixListID.NotFound"),
		planFails(c.config(base+toList("offices", `"pl-63a5400a"`)), "destination_prefix_list_id", "InvalidParameterValue", "AWS-managed"),
		planFails(c.config(base+toList("offices", list, "egress_only_gateway_id = "+tfID("egress_only_internet_gateway", "main"))),
			"InvalidParameterCombination", "only routes IPv6 traffic"),
		// A route block of the table takes the list too.
		resource.TestStep{Config: c.config(base)},
		resource.TestStep{Config: c.config(dualStack(tfInlineRoute("destination_prefix_list_id = "+list, "gateway_id = "+tfID("internet_gateway", "main"))) +
			tfPrefixList("offices", "3", "10.20.0.0/16"))},
		resource.TestStep{Config: c.config(dualStack(tfInlineRoute("destination_prefix_list_id = "+list, "gateway_id = "+tfID("internet_gateway", "main"))) +
			tfPrefixList("offices", "3", "10.20.0.0/16")), ConfigPlanChecks: expectEmptyPlan},
	)
}

// TestAccManagedPrefixListEntry: an entry resource adds an entry to a list
// without entry blocks (a new version), is imported by pl-...,cidr, planned
// again when removed behind Terraform's back; entry blocks and entry
// resources on one list fail at plan.
func TestAccManagedPrefixListEntry(t *testing.T) {
	c := newTestCloud(t)
	const address = "simcloud_ec2_managed_prefix_list_entry.paris"
	entry := tfResource("ec2_managed_prefix_list_entry", "paris", "prefix_list_id = "+tfID("ec2_managed_prefix_list", "test"),
		`cidr = "10.20.0.0/16"`, `description = "Paris"`)
	config := c.config(tfPrefixList("offices", "3") + entry)
	onlyList := func() cloud.ManagedPrefixList {
		return onlyOne[cloud.ManagedPrefixList](t, c, "prefix list", cloud.ManagedPrefixListFilter{})
	}
	unitTest(t,
		withCheck(createStep(config, address, `^pl-[0-9a-f]{17},10\.20\.0\.0/16$`), func(*terraformState) error {
			if l := onlyList(); l.Version != 2 || len(l.Entries) != 1 {
				t.Errorf("the list in the cloud: %+v", l)
			}
			return nil
		}),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStep(address),
		driftStep(t, func() error {
			return c.client.DeletePrefixListEntry(context.Background(), onlyList().ID, "10.20.0.0/16")
		}, config, address, actionCreate),
		planFails(c.config(tfPrefixList("offices", "3", "10.30.0.0/16")+entry), "InvalidParameterCombination", "entries of prefix list", "managed by"),
		planFails(c.config(tfPrefixList("offices", "3")+entry+tfResource("ec2_managed_prefix_list_entry", "v6",
			"prefix_list_id = "+tfID("ec2_managed_prefix_list", "test"), `cidr = "fd00::/8"`)), "InvalidParameterValue", "not of the prefix list's address family"),
		importFails(address, "pl-0123456789abcdef0_10.0.0.0/8", "Invalid prefix list entry ID"),
	)
}

// TestAccSecurityGroupRules_prefixList: every form of security group rule
// names prefix lists, the account's own and AWS's (S3's, pl-63a5400a in
// us-east-1): the inline blocks of a group and of the default group,
// simcloud_security_group_rule and the ingress and egress rule resources.
// The list is made in the same apply, so its ID is checked there; the
// configuration then plans nothing, each form imports as it reads, the
// list cannot be deleted while the rules name it, and a list found nowhere
// fails at plan. The default group's rule goes before the end, as
// destroying the resource leaves the group's rules, which would hold the
// list.
func TestAccSecurityGroupRules_prefixList(t *testing.T) {
	c := newTestCloud(t)
	const s3 = "pl-63a5400a"
	list := tfID("ec2_managed_prefix_list", "test")
	const (
		inline = "simcloud_security_group.inline"
		legacy = "simcloud_security_group_rule.legacy"
		in     = "simcloud_vpc_security_group_ingress_rule.in"
		out    = "simcloud_vpc_security_group_egress_rule.out"
	)
	inlineGroup := func(listID string) string {
		return tfSecurityGroup("inline", "main", `name = "inline"`,
			tfRuleBlock("ingress", "from_port = 443", "to_port = 443", `protocol = "tcp"`, "prefix_list_ids = ["+listID+"]"),
			tfRuleBlock("egress", "from_port = 443", "to_port = 443", `protocol = "tcp"`, `prefix_list_ids = ["`+s3+`"]`, `cidr_blocks = ["10.0.0.0/8"]`))
	}
	rules := tfLegacyRule("legacy", "web", "ingress", "from_port = 22", "to_port = 22", `protocol = "tcp"`, "prefix_list_ids = ["+list+"]") +
		tfGroupRule("ingress", "in", "web", `ip_protocol = "tcp"`, "from_port = 8080", "to_port = 8080", "prefix_list_id = "+list) +
		tfGroupRule("egress", "out", "web", `ip_protocol = "tcp"`, "from_port = 443", "to_port = 443", "prefix_list_id = "+list)
	configWith := func(defaultIngress string) string {
		return c.config(tfVPC("main", "10.0.0.0/16") + tfPrefixList("offices", "3", "10.20.0.0/16") +
			inlineGroup(list) + tfSecurityGroup("web", "main", `name = "web"`) + tfDefaultGroup(defaultIngress) + rules)
	}
	config := configWith(tfRuleBlock("ingress", "from_port = 0", "to_port = 0", `protocol = "-1"`, "prefix_list_ids = ["+list+"]"))
	listID := func() string {
		return onlyOne[cloud.ManagedPrefixList](t, c, "prefix list", cloud.ManagedPrefixListFilter{}).ID
	}
	unitTest(t,
		withCheck(createStep(config, in, `^sgr-[0-9a-f]{17}$`,
			sameValue(in, "prefix_list_id", prefixListAddress, "id"),
			sameValue(out, "prefix_list_id", prefixListAddress, "id"),
			statecheck.CompareValuePairs(legacy, tfjsonpath.New("prefix_list_ids").AtSliceIndex(0), prefixListAddress, tfjsonpath.New("id"), compare.ValuesSame()),
			attrIs(legacy, "security_group_rule_id", matching(`^sgr-[0-9a-f]{17}$`)),
		), func(*terraformState) error {
			web, id := c.group(t, "web"), listID()
			for _, r := range web.Rules {
				if r.PrefixListID != id || r.CIDRIPv4 != "" {
					t.Errorf("a rule of web in the cloud: %+v, want one naming %s", r, id)
				}
			}
			if n := len(c.group(t, "inline").Rules); n != 3 {
				t.Errorf("inline has %d rules, want 3 (the list in, S3's list and a block out)", n)
			}
			if g := described[cloud.SecurityGroup](t, c, c.vpcByCIDR(t, "10.0.0.0/16").DefaultSecurityGroupID); len(g.Rules) != 1 || g.Rules[0].PrefixListID != id {
				t.Errorf("the default group's rules: %+v", g.Rules)
			}
			return nil
		}),
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
		importStep(in),
		importStep(out),
		importStep(inline, "revoke_rules_on_delete"),
		importStep("simcloud_default_security_group.main"),
		importStepBy(legacy, func(s *terraformState) (string, error) {
			return importIDOf(legacy, s.RootModule().Resources[prefixListAddress].Primary.ID)(s)
		}),
		withCheck(resource.TestStep{Config: config}, func(*terraformState) error {
			if err := c.client.DeleteObject(context.Background(), listID()); cloud.ErrorCode(err) != "DependencyViolation" {
				t.Errorf("deleting a list that rules name: %v, want DependencyViolation", err)
			}
			return nil
		}),
		planFails(c.config(tfVPC("main", "10.0.0.0/16")+inlineGroup(`"pl-0123456789abcdef0"`)), "InvalidPrefixListID.NotFound", "simcloud_security_group.inline"),
		resource.TestStep{Config: configWith("ingress = []")},
	)
}
