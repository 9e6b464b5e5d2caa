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

const defaultSubnetAddress = "simcloud_default_subnet.main"

func tfDefaultSubnet(zone string, arguments ...string) string {
	return tfResource("default_subnet", "main", append([]string{"availability_zone = " + quoted(zone)}, arguments...)...)
}

// defaultSubnet is the zone's default subnet in the test's cloud, and
// whether it has one.
func (c *testCloud) defaultSubnet(t *testing.T, zone string) (cloud.Subnet, bool) {
	t.Helper()
	subnets, err := c.client.FindSubnets(context.Background(), cloud.SubnetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subnets {
		if s.DefaultForAZ && s.AvailabilityZone == zone {
			return s, true
		}
	}
	return cloud.Subnet{}, false
}

// expectDefaultSubnet checks whether the zone still has its default subnet.
func (c *testCloud) expectDefaultSubnet(t *testing.T, zone string, want bool) resource.TestCheckFunc {
	return func(*terraformState) error {
		if _, ok := c.defaultSubnet(t, zone); ok != want {
			return fmt.Errorf("%s has a default subnet: %v, want %v", zone, ok, want)
		}
		return nil
	}
}

// TestAccDefaultSubnetAdopted adopts the default subnet the region's first
// use made, changes it in place, imports it, and leaves it on destroy.
func TestAccDefaultSubnetAdopted(t *testing.T) {
	c := newTestCloud(t)
	named := tfDefaultSubnet("us-east-1a", `tags = { Name = "default-a" }`)
	private := tfDefaultSubnet("us-east-1a", `tags = { Name = "default-a" }`, "map_public_ip_on_launch = false",
		`private_dns_hostname_type_on_launch = "resource-name"`, "enable_resource_name_dns_a_record_on_launch = true")
	unitTest(t,
		createStep(c.config(named), defaultSubnetAddress, `^subnet-[0-9a-f]{17}$`,
			attrIs(defaultSubnetAddress, "existing_default_subnet", knownvalue.Bool(true)),
			attrIs(defaultSubnetAddress, "cidr_block", knownvalue.StringExact("172.31.0.0/20")),
			attrIs(defaultSubnetAddress, "availability_zone_id", knownvalue.StringExact("use1-az1")),
			attrIs(defaultSubnetAddress, "map_public_ip_on_launch", knownvalue.Bool(true)),
			attrIs(defaultSubnetAddress, "is_public", knownvalue.Bool(true)),
			attrIs(defaultSubnetAddress, "force_destroy", knownvalue.Bool(false)),
			attrIs(defaultSubnetAddress, "ipv6_cidr_block", knownvalue.StringExact("")),
			attrIs(defaultSubnetAddress, "private_dns_hostname_type_on_launch", knownvalue.StringExact("ip-name")),
			attrIs(defaultSubnetAddress, "vpc_id", matching(`^vpc-`)),
			attrIs(defaultSubnetAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:subnet/subnet-`)),
		),
		resource.TestStep{Config: c.config(named), ConfigPlanChecks: expectEmptyPlan},
		withCheck(actionStep(c.config(private), defaultSubnetAddress, actionUpdate), func(*terraformState) error {
			s, _ := c.defaultSubnet(t, "us-east-1a")
			if s.MapPublicIPOnLaunch || s.Tags["Name"] != "default-a" || s.PrivateDNSHostnameType != "resource-name" || !s.EnableResourceNameDNSARecord {
				return fmt.Errorf("default subnet in the cloud: %+v", s)
			}
			return nil
		}),
		resource.TestStep{Config: c.config(private), ConfigPlanChecks: expectEmptyPlan},
		importStep(defaultSubnetAddress),
		// Changed behind Terraform's back, it is changed back in place.
		driftStep(t, func() error {
			s, _ := c.defaultSubnet(t, "us-east-1a")
			in := cloud.SubnetInput{VPCID: s.VPCID, CIDRBlock: s.CIDRBlock, AvailabilityZone: s.AvailabilityZone, MapPublicIPOnLaunch: true,
				SubnetLaunchSettings: s.SubnetLaunchSettings, Tags: s.Tags}
			_, err := c.client.UpdateSubnet(context.Background(), s.ID, in)
			return err
		}, c.config(private), defaultSubnetAddress, actionUpdate),
		// Without force_destroy, destroying the resource forgets the subnet.
		withCheck(resource.TestStep{Config: c.config("")}, c.expectDefaultSubnet(t, "us-east-1a", true)),
	)
}

// TestAccDefaultSubnetCreated makes the zone's default subnet where it was
// deleted (CreateDefaultSubnet), makes it again after an out-of-band
// delete, and with force_destroy deletes it on destroy.
func TestAccDefaultSubnetCreated(t *testing.T) {
	c := newTestCloud(t)
	deleteDefaultSubnet := func() error {
		if _, err := c.client.UseScope(context.Background()); err != nil {
			return err
		}
		s, ok := c.defaultSubnet(t, "us-east-1b")
		if !ok {
			return nil
		}
		return c.client.DeleteSubnet(context.Background(), s.ID)
	}
	config := tfDefaultSubnet("us-east-1b", "force_destroy = true")
	unitTest(t,
		resource.TestStep{
			PreConfig: func() {
				if err := deleteDefaultSubnet(); err != nil {
					t.Fatal(err)
				}
			},
			Config: c.config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(defaultSubnetAddress, "existing_default_subnet", knownvalue.Bool(false)),
				attrIs(defaultSubnetAddress, "cidr_block", knownvalue.StringExact("172.31.16.0/20")),
				attrIs(defaultSubnetAddress, "map_public_ip_on_launch", knownvalue.Bool(true)),
				attrIs(defaultSubnetAddress, "force_destroy", knownvalue.Bool(true)),
			},
		},
		resource.TestStep{Config: c.config(config), ConfigPlanChecks: expectEmptyPlan},
		importStep(defaultSubnetAddress, "existing_default_subnet", "force_destroy"),
		// Deleted out of band, it is made again.
		driftStep(t, deleteDefaultSubnet, c.config(config), defaultSubnetAddress, actionCreate),
		// force_destroy deletes the subnet.
		withCheck(resource.TestStep{Config: c.config("")}, c.expectDefaultSubnet(t, "us-east-1b", false)),
	)
}

// TestAccDefaultSubnetRefusals: without a default VPC, CreateDefaultSubnet
// is refused, at plan; the Outposts arguments are refused at plan; only a default
// subnet is imported.
func TestAccDefaultSubnetRefusals(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		planFails(c.config(tfDefaultSubnet("us-east-1a", `customer_owned_ipv4_pool = "ipv4pool-coip-0123456789abcdef0"`)),
			"UnsupportedOperation", "customer_owned_ipv4_pool"),
		planFails(c.config(tfDefaultSubnet("us-east-1z")), "InvalidParameterValue", "us-east-1z"),
		resource.TestStep{Config: c.config(tfVPC("main", "10.0.0.0/16") + tfSubnet("main", "main", "10.0.1.0/24"))},
		importRefused(c.config(tfVPC("main", "10.0.0.0/16")+tfSubnet("main", "main", "10.0.1.0/24")+tfDefaultSubnet("us-east-1a")),
			defaultSubnetAddress, idOf("simcloud_subnet.main"), "Cannot import a subnet that is not a default one"),
		// Refused at plan (issue 19: only the apply refused it).
		c.withoutDefaultVPC(t, planFails(c.config(tfDefaultSubnet("us-east-1a")),
			"DefaultVpcDoesNotExist", "No default VPC exists for this account in this region (us-east-1)")),
	)
}
