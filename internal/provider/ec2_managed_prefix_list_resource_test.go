package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

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
