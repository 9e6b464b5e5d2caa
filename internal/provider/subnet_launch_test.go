package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestAccSubnet_launchSettings sets, changes and unsets in place each of a
// dual-stack subnet's launch settings; every apply is followed by the
// framework's empty-plan check, and an import reads them all back.
func TestAccSubnet_launchSettings(t *testing.T) {
	c := newTestCloud(t)
	subnet := func(arguments ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + tfSubnet("test", "main", "10.0.1.0/24", append([]string{ipv6Subnet("1")}, arguments...)...))
	}
	is := func(attribute string, check knownvalue.Check) statecheck.StateCheck {
		return attrIs("simcloud_subnet.test", attribute, check)
	}
	all := []string{"enable_dns64 = true", "enable_resource_name_dns_aaaa_record_on_launch = true", "enable_resource_name_dns_a_record_on_launch = true",
		`private_dns_hostname_type_on_launch = "resource-name"`, "enable_lni_at_device_index = 1"}
	unitTest(t,
		resource.TestStep{Config: subnet(), ConfigStateChecks: []statecheck.StateCheck{
			is("enable_dns64", knownvalue.Bool(false)), is("ipv6_native", knownvalue.Bool(false)),
			is("private_dns_hostname_type_on_launch", knownvalue.StringExact("ip-name")), is("enable_lni_at_device_index", knownvalue.Null()),
			is("outpost_arn", knownvalue.Null()),
		}},
		withCheck(actionStep(subnet(all...), "simcloud_subnet.test", actionUpdate), func(*terraformState) error {
			s := c.subnetByCIDR(t, "10.0.1.0/24")
			want := cloud.SubnetLaunchSettings{EnableDNS64: true, EnableLNIAtDeviceIndex: 1, EnableResourceNameDNSAAAARecord: true,
				EnableResourceNameDNSARecord: true, PrivateDNSHostnameType: cloud.HostnameTypeResourceName}
			if s.SubnetLaunchSettings != want {
				t.Errorf("settings in the cloud %+v, want %+v", s.SubnetLaunchSettings, want)
			}
			return nil
		}),
		importStep("simcloud_subnet.test"),
		resource.TestStep{Config: subnet(all[1:]...), ConfigStateChecks: []statecheck.StateCheck{
			is("enable_dns64", knownvalue.Bool(false)), is("enable_resource_name_dns_aaaa_record_on_launch", knownvalue.Bool(true)),
		}},
		// Left out, the settings go back to their defaults; the hostname
		// type, which the cloud keeps, stays as it was.
		resource.TestStep{Config: subnet(), ConfigStateChecks: []statecheck.StateCheck{
			is("enable_resource_name_dns_a_record_on_launch", knownvalue.Bool(false)), is("enable_lni_at_device_index", knownvalue.Null()),
			is("private_dns_hostname_type_on_launch", knownvalue.StringExact("resource-name")),
		}},
		actionStep(subnet(`private_dns_hostname_type_on_launch = "ip-name"`), "simcloud_subnet.test", actionUpdate),
		importStep("simcloud_subnet.test"),
		// Left out, the IPv6 block is removed in place and reads "", known
		// at plan, as aws_subnet's.
		resource.TestStep{
			Config: c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + tfSubnet("test", "main", "10.0.1.0/24")),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("simcloud_subnet.test", plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue("simcloud_subnet.test", tfjsonpath.New("ipv6_cidr_block"), knownvalue.StringExact("")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{is("ipv6_cidr_block", knownvalue.StringExact("")), is("ipv6_cidr_block_association_id", knownvalue.StringExact(""))},
			Check: func(*terraformState) error {
				if s := c.subnetByCIDR(t, "10.0.1.0/24"); s.IPv6CIDRBlock != "" {
					t.Errorf("the subnet keeps IPv6 block %s", s.IPv6CIDRBlock)
				}
				return nil
			},
		},
	)
}

// TestAccSubnet_ipv6Native makes an IPv6-only subnet, as the module's
// ipv6-only example does: no cidr_block, named by resource.
func TestAccSubnet_ipv6Native(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + tfResource("subnet", "test", "vpc_id = "+tfID("vpc", "main"), ipv6Subnet("1"),
		"ipv6_native = true", "assign_ipv6_address_on_creation = true", "enable_dns64 = true", "enable_resource_name_dns_aaaa_record_on_launch = true",
		"cidr_block = null"))
	dualStack := c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + tfSubnet("test", "main", "10.0.1.0/24", ipv6Subnet("1")))
	unitTest(t,
		// A dual-stack subnet made IPv6-only is replaced, and takes the
		// IPv6-only default hostname type.
		resource.TestStep{Config: dualStack},
		resource.TestStep{Config: config, ConfigPlanChecks: expectPlanAction("simcloud_subnet.test", actionReplace), ConfigStateChecks: []statecheck.StateCheck{
			attrIs("simcloud_subnet.test", "cidr_block", knownvalue.Null()),
			attrIs("simcloud_subnet.test", "ipv6_native", knownvalue.Bool(true)),
			attrIs("simcloud_subnet.test", "private_dns_hostname_type_on_launch", knownvalue.StringExact("resource-name")),
		}},
		importStep("simcloud_subnet.test"),
		resource.TestStep{Config: config + `
data "simcloud_subnet" "test" {
  id = simcloud_subnet.test.id
}`, ConfigStateChecks: []statecheck.StateCheck{
			attrIs("data.simcloud_subnet.test", "cidr_block", knownvalue.StringExact("")),
			attrIs("data.simcloud_subnet.test", "ipv6_native", knownvalue.Bool(true)),
			attrIs("data.simcloud_subnet.test", "enable_dns64", knownvalue.Bool(true)),
			attrIs("data.simcloud_subnet.test", "enable_lni_at_device_index", knownvalue.Int64Exact(0)),
			attrIs("data.simcloud_subnet.test", "outpost_arn", knownvalue.StringExact("")),
			attrIs("data.simcloud_subnet.test", "available_ip_address_count", knownvalue.Int64Exact(0)),
		}},
	)
}

func TestAccSubnet_launchRulesFailAtPlan(t *testing.T) {
	c := newTestCloud(t)
	vpc := tfVPC("main", "10.0.0.0/16", assignIPv6)
	subnet := func(arguments ...string) string {
		return c.config(vpc + tfSubnet("test", "main", "10.0.1.0/24", arguments...))
	}
	native := func(arguments ...string) string {
		return c.config(vpc + tfResource("subnet", "test", append([]string{"vpc_id = " + tfID("vpc", "main"), ipv6Subnet("1"), "ipv6_native = true",
			"assign_ipv6_address_on_creation = true"}, arguments...)...))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(vpc)},
		planFails(subnet("enable_dns64 = true"), "InvalidParameterValue", "enable_dns64", "Give the subnet an ipv6_cidr_block"),
		planFails(subnet("enable_resource_name_dns_aaaa_record_on_launch = true"), "InvalidParameterValue", "enable_resource_name_dns_aaaa_record_on_launch"),
		planFails(subnet(`private_dns_hostname_type_on_launch = "dns-name"`), "InvalidParameterValue", "PrivateDnsHostnameTypeOnLaunch"),
		planFails(subnet("enable_lni_at_device_index = 0"), "InvalidParameterValue", "EnableLniAtDeviceIndex"),
		planFails(c.config(vpc+tfResource("subnet", "test", "vpc_id = "+tfID("vpc", "main"))), "MissingParameter", "cidrBlock"),
		planFails(native(`cidr_block = "10.0.1.0/24"`), "InvalidParameterCombination", "cidr_block"),
		planFails(native("map_public_ip_on_launch = true"), "InvalidParameterValue", "map_public_ip_on_launch"),
		planFails(native("enable_resource_name_dns_a_record_on_launch = true"), "InvalidParameterValue", "enable_resource_name_dns_a_record_on_launch"),
		planFails(native(`private_dns_hostname_type_on_launch = "ip-name"`), "InvalidParameterValue", "resource name"),
		planFails(subnet(`outpost_arn = "arn:aws:outposts:us-east-1:123456789012:outpost/op-0123456789abcdef0"`), "UnsupportedOperation", "outpost_arn"),
		planFails(subnet("map_customer_owned_ip_on_launch = false"), "UnsupportedOperation", "map_customer_owned_ip_on_launch"),
		planFails(subnet(`ipv4_ipam_pool_id = "ipam-pool-0123456789abcdef0"`), "UnsupportedOperation", "ipv4_ipam_pool_id"),
		planFails(subnet("ipv6_netmask_length = 64"), "UnsupportedOperation", "ipv6_netmask_length"),
		// The module passes null for what it does not use.
		resource.TestStep{Config: subnet("outpost_arn = null", "customer_owned_ipv4_pool = null", "map_customer_owned_ip_on_launch = null",
			"ipv4_ipam_pool_id = null", "ipv6_native = false", "private_dns_hostname_type_on_launch = null")},
	)
}

// TestAccSubnet_ipv6BlockChange changes a subnet's IPv6 block: in place,
// unless the subnet assigned IPv6 addresses on creation, when the AWS
// provider replaces it.
func TestAccSubnet_ipv6BlockChange(t *testing.T) {
	c := newTestCloud(t)
	subnet := func(arguments ...string) string {
		return c.config(tfVPC("main", "10.0.0.0/16", assignIPv6) + tfSubnet("test", "main", "10.0.1.0/24", arguments...))
	}
	unitTest(t,
		resource.TestStep{Config: subnet(ipv6Subnet("1"))},
		actionStep(subnet(ipv6Subnet("2")), "simcloud_subnet.test", actionUpdate),
		actionStep(subnet(ipv6Subnet("2"), "assign_ipv6_address_on_creation = true"), "simcloud_subnet.test", actionUpdate),
		actionStep(subnet(ipv6Subnet("3"), "assign_ipv6_address_on_creation = true"), "simcloud_subnet.test", actionReplace),
		resource.TestStep{
			Config:            subnet(ipv6Subnet("3"), "assign_ipv6_address_on_creation = true"),
			ConfigStateChecks: []statecheck.StateCheck{attrIs("simcloud_subnet.test", "ipv6_cidr_block", matching(`^2001:db8:[0-9a-f:]+:3::/64$|::/64$`))},
		},
	)
}
