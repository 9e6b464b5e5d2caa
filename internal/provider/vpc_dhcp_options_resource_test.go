package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const (
	doptAddress        = "simcloud_vpc_dhcp_options.test"
	doptAssocAddress   = "simcloud_vpc_dhcp_options_association.test"
	defaultDoptAddress = "simcloud_default_vpc_dhcp_options.test"
)

func tfDHCPOptions(arguments ...string) string {
	return tfResource("vpc_dhcp_options", "test", arguments...)
}

func TestAccVPCDHCPOptions_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	options := func(name, nodeType string) string {
		return c.config(tfDHCPOptions(`domain_name = "corp.example"`, `domain_name_servers = ["10.0.0.2", "AmazonProvidedDNS"]`,
			`ntp_servers = ["169.254.169.123", "fd00:ec2::123"]`, `netbios_name_servers = ["10.0.0.3"]`, `netbios_node_type = "`+nodeType+`"`,
			`ipv6_address_preferred_lease_time = "86400"`, `tags = { Name = "`+name+`" }`))
	}
	onlySet := func() cloud.DHCPOptions {
		return onlyOne[cloud.DHCPOptions](t, c, "DHCP options set", cloud.DHCPOptionsFilter{})
	}
	unitTest(t,
		createStep(options("first", "2"), doptAddress, `^dopt-[0-9a-f]{17}$`,
			attrIs(doptAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:dhcp-options/dopt-[0-9a-f]{17}$`)),
			attrIs(doptAddress, "owner_id", knownvalue.StringExact(cloud.DefaultAccountID)),
			attrIs(doptAddress, "ntp_servers", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("169.254.169.123"), knownvalue.StringExact("fd00:ec2::123")})),
		),
		importStep(doptAddress),
		resource.TestStep{
			Config:           options("renamed", "2"),
			ConfigPlanChecks: expectPlanAction(doptAddress, actionUpdate),
			Check: func(*terraformState) error {
				if o := onlySet(); o.Tags["Name"] != "renamed" || o.NetbiosNodeType != "2" {
					t.Errorf("the set in the cloud: %+v", o)
				}
				return nil
			},
		},
		actionStep(options("renamed", "8"), doptAddress, actionReplace),
		c.deletedStep(t, func() string { return onlySet().ID }, options("renamed", "8"), doptAddress),
		planFails(options("renamed", "3"), "netbios_node_type", "InvalidParameterValue", "Value (3) for parameter netbios-node-type is invalid"),
		planFails(c.config(tfDHCPOptions(`ipv6_address_preferred_lease_time = "60"`)),
			"ipv6_address_preferred_lease_time", "InvalidParameterValue"),
		planFails(c.config(tfDHCPOptions(`domain_name_servers = ["10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"]`)),
			"domain_name_servers", "InvalidParameterValue", "at most 4 servers"),
		planFails(c.config(tfDHCPOptions(`netbios_name_servers = ["fd00::1"]`)), "netbios_name_servers", "InvalidParameterValue"),
		importFails(doptAddress, "vpc-0123456789abcdef0", "Invalid import ID: InvalidDhcpOptionsId.Malformed"),
	)
}

// TestAccVPCDHCPOptions_moduleValues: the values terraform-aws-modules/vpc
// passes for options it leaves unset ("" and []) plan nothing after apply.
func TestAccVPCDHCPOptions_moduleValues(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfDHCPOptions(`domain_name = ""`, `domain_name_servers = ["AmazonProvidedDNS"]`, `ntp_servers = []`,
		`netbios_name_servers = []`, `netbios_node_type = ""`, `ipv6_address_preferred_lease_time = null`))
	unitTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
	)
}

// TestAccVPCDHCPOptionsAssociation: a new VPC has the region's default set;
// an association changes it, in place for another set, and its destroy
// leaves the VPC with none.
func TestAccVPCDHCPOptionsAssociation(t *testing.T) {
	c := newTestCloud(t)
	base := tfVPC("test", "10.0.0.0/16") + tfDHCPOptions(`domain_name = "corp.example"`) +
		tfResource("vpc_dhcp_options", "other", `domain_name = "other.example"`) + tfResource("default_vpc_dhcp_options", "test")
	associated := func(set string) string {
		return c.config(base + tfResource("vpc_dhcp_options_association", "test", "vpc_id = "+tfID("vpc", "test"), "dhcp_options_id = "+set))
	}
	vpcSet := func() string { return cloud.DHCPOptionsOf(c.onlyVPC(t)) }
	unitTest(t,
		resource.TestStep{
			Config: c.config(base),
			ConfigStateChecks: []statecheck.StateCheck{
				sameValue(vpcAddress, "dhcp_options_id", defaultDoptAddress, "id"),
				attrIs(defaultDoptAddress, "domain_name", knownvalue.StringExact("ec2.internal")),
				attrIs(defaultDoptAddress, "domain_name_servers", knownvalue.StringExact("AmazonProvidedDNS")),
			},
		},
		withCheck(createStep(associated(tfID("vpc_dhcp_options", "test")), doptAssocAddress, `^dopt-[0-9a-f]{17}-vpc-[0-9a-f]{17}$`),
			func(s *terraformState) error {
				if want := s.RootModule().Resources[doptAddress].Primary.ID; vpcSet() != want {
					t.Errorf("the VPC has set %s, want %s", vpcSet(), want)
				}
				return nil
			}),
		// The VPC's own attribute follows at the next refresh, with no plan.
		resource.TestStep{
			Config:            associated(tfID("vpc_dhcp_options", "test")),
			ConfigPlanChecks:  expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{sameValue(vpcAddress, "dhcp_options_id", doptAddress, "id")},
		},
		importStepBy(doptAssocAddress, func(s *terraformState) (string, error) {
			return s.RootModule().Resources[vpcAddress].Primary.ID, nil
		}),
		actionStep(associated(tfID("vpc_dhcp_options", "other")), doptAssocAddress, actionUpdate),
		driftStep(t, func() error {
			return c.client.AssociateDHCPOptions(context.Background(), cloud.NoDHCPOptions, c.onlyVPC(t).ID)
		},
			associated(tfID("vpc_dhcp_options", "other")), doptAssocAddress, actionCreate),
		createStep(associated(`"default"`), doptAssocAddress, `^default-vpc-[0-9a-f]{17}$`),
		resource.TestStep{Config: associated(tfID("vpc_dhcp_options", "test"))},
		planFails(associated(`"dopt-0123456789abcdef0"`), "dhcp_options_id", "InvalidDhcpOptionID.NotFound"),
		planFails(associated(`"vpc-0123456789abcdef0"`), "dhcp_options_id", "InvalidDhcpOptionsId.Malformed"),
		importFails(doptAssocAddress, "dopt-0123456789abcdef0", "Invalid import ID: InvalidVpcID.Malformed"),
		withCheck(resource.TestStep{Config: c.config(base)}, func(*terraformState) error {
			if got := vpcSet(); got != cloud.NoDHCPOptions {
				t.Errorf("after the association's destroy the VPC has set %s, want default", got)
			}
			return nil
		}),
	)
}

// TestAccDefaultVPCDHCPOptions: the default set is adopted with its tags,
// imported by its ID, and only forgotten on destroy.
func TestAccDefaultVPCDHCPOptions(t *testing.T) {
	c := newTestCloud(t)
	adopted := func(arguments ...string) string {
		return c.config(tfResource("default_vpc_dhcp_options", "test", arguments...))
	}
	defaultSet := func() cloud.DHCPOptions {
		o, err := c.client.DefaultDHCPOptions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	unitTest(t,
		withCheck(createStep(adopted(`tags = { Name = "default" }`), defaultDoptAddress, `^dopt-[0-9a-f]{17}$`,
			attrIs(defaultDoptAddress, "owner_id", knownvalue.StringExact(cloud.DefaultAccountID)),
			attrIs(defaultDoptAddress, "ntp_servers", knownvalue.StringExact("")),
		), func(*terraformState) error {
			if o := defaultSet(); o.Tags["Name"] != "default" {
				t.Errorf("the default set in the cloud: %+v", o)
			}
			return nil
		}),
		importStep(defaultDoptAddress),
		actionStep(adopted(`owner_id = "`+cloud.DefaultAccountID+`"`), defaultDoptAddress, actionUpdate),
		planFails(adopted(`owner_id = "111122223333"`), "owner_id", "InvalidDhcpOptionID.NotFound"),
		withCheck(resource.TestStep{Config: c.config("")}, func(*terraformState) error {
			if o := defaultSet(); o.DomainName != "ec2.internal" {
				t.Errorf("the default set after the resource's destroy: %+v", o)
			}
			return nil
		}),
	)
}
