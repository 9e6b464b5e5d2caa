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

// TestAccEIP_addressSources checks the arguments and attributes of aws_eip
// that say where an address comes from: known at plan as the cloud's only
// source, read back alike, kept without a diff when written out, and
// refused at plan where they ask for a source the cloud lacks.
func TestAccEIP_addressSources(t *testing.T) {
	c := newTestCloud(t)
	eip := func(arguments ...string) string { return c.config(tfResource("eip", "test", arguments...)) }
	is := func(attribute string, check knownvalue.Check) statecheck.StateCheck {
		return attrIs("simcloud_eip.test", attribute, check)
	}
	planned := func(attribute string, check knownvalue.Check) plancheck.PlanCheck {
		return plancheck.ExpectKnownValue("simcloud_eip.test", tfjsonpath.New(attribute), check)
	}
	empty := knownvalue.StringExact("")
	unitTest(t,
		resource.TestStep{
			Config: eip(),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				planned("network_border_group", knownvalue.StringExact("us-east-1")), planned("public_ipv4_pool", knownvalue.StringExact("amazon")),
				planned("ipam_pool_id", empty), planned("carrier_ip", empty), planned("customer_owned_ip", empty), planned("ptr_record", empty),
				planned("vpc", knownvalue.Bool(true)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				is("network_border_group", knownvalue.StringExact("us-east-1")), is("public_ipv4_pool", knownvalue.StringExact("amazon")),
				is("ipam_pool_id", empty), is("carrier_ip", empty), is("customer_owned_ip", empty), is("ptr_record", empty),
				is("vpc", knownvalue.Bool(true)), is("domain", knownvalue.StringExact("vpc")),
				is("address", knownvalue.Null()), is("customer_owned_ipv4_pool", knownvalue.Null()),
				is("private_ip", empty), is("private_dns", empty), is("instance", empty), is("network_interface", empty),
				is("public_dns", matching(`^ec2-\d+-\d+-\d+-\d+\.compute-1\.amazonaws\.com$`)),
			},
		},
		importStep("simcloud_eip.test"),
		// Written out, the cloud's own values change nothing.
		resource.TestStep{Config: eip(`network_border_group = "us-east-1"`, `public_ipv4_pool = "amazon"`, "vpc = true", `domain = "vpc"`), ConfigPlanChecks: expectEmptyPlan},
		planFails(eip(`network_border_group = "us-west-2"`), "InvalidParameterValue", "us-west-2", "network_border_group"),
		planFails(eip(`public_ipv4_pool = "ipv4pool-ec2-0123456789abcdef0"`), "InvalidParameterValue", "public_ipv4_pool"),
		planFails(eip(`address = "192.0.2.10"`), "UnsupportedOperation", "address"),
		planFails(eip(`customer_owned_ipv4_pool = "ipv4pool-coip-0123456789abcdef0"`), "UnsupportedOperation", "customer_owned_ipv4_pool"),
		planFails(eip(`ipam_pool_id = "ipam-pool-0123456789abcdef0"`), "UnsupportedOperation", "ipam_pool_id"),
		planFails(eip("vpc = false"), "InvalidParameterValue", "standard", "vpc"),
		// Released behind Terraform's back, the address is planned again.
		driftStep(t, func() error {
			eips, err := c.client.FindElasticIPs(context.Background(), cloud.ElasticIPFilter{})
			if err != nil {
				return err
			}
			return c.client.ReleaseAddress(context.Background(), eips[0].AllocationID)
		}, eip(), "simcloud_eip.test", actionCreate),
	)
}
