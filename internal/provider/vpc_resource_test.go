package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

const vpcAddress = "simcloud_vpc.test"

// plannedVPCAttr checks an attribute of simcloud_vpc.test in the plan,
// before it is applied, as expectVPCAttr does in state.
func plannedVPCAttr(attribute string, check knownvalue.Check) plancheck.PlanCheck {
	return plancheck.ExpectKnownValue(vpcAddress, tfjsonpath.New(attribute), check)
}

func TestAccVPC_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	ipv6Pattern := regexp.MustCompile(`^2001:db8:[0-9a-f:]+/56$`)
	unitTest(t,
		resource.TestStep{
			Config: c.config(tfVPC("test", "10.0.0.0/16", `tags = { Name = "lifecycle" }`)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("id", knownvalue.StringRegexp(vpcIDPattern)),
				expectVPCAttr("arn", matching(`^arn:aws:ec2:us-east-1:123456789012:vpc/vpc-[0-9a-f]{17}$`)),
				expectVPCAttr("owner_id", knownvalue.StringExact("123456789012")),
				expectVPCAttr("instance_tenancy", knownvalue.StringExact("default")),
				expectVPCAttr("enable_dns_support", knownvalue.Bool(true)),
				expectVPCAttr("enable_dns_hostnames", knownvalue.Bool(false)),
				expectVPCAttr("ipv6_cidr_block", knownvalue.StringExact("")),
				expectVPCAttr("main_route_table_id", knownvalue.StringRegexp(rtbIDPattern)),
				sameValue(vpcAddress, "main_route_table_id", vpcAddress, "default_route_table_id"),
				expectVPCAttr("tags_all", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("lifecycle")})),
			},
			Check: func(*terraformState) error { return c.expectVPCInCloud(t, "10.0.0.0/16") },
		},
		importStep(vpcAddress),
		resource.TestStep{
			Config: c.config(tfVPC("test", "10.0.0.0/16", "enable_dns_hostnames = true", assignIPv6, `tags = { Name = "lifecycle", Tier = "updated" }`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(vpcAddress, actionUpdate),
				plancheck.ExpectUnknownValue(vpcAddress, tfjsonpath.New("ipv6_cidr_block")),
				plannedVPCAttr("main_route_table_id", knownvalue.StringRegexp(rtbIDPattern)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("enable_dns_hostnames", knownvalue.Bool(true)),
				expectVPCAttr("ipv6_cidr_block", knownvalue.StringRegexp(ipv6Pattern)),
				expectVPCAttr("ipv6_association_id", matching(`^vpc-cidr-assoc-[0-9a-f]{17}$`)),
				expectVPCAttr("tags", knownvalue.MapSizeExact(2)),
			},
		},
		resource.TestStep{
			Config: c.config(oneVPC),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(vpcAddress, actionUpdate),
				plannedVPCAttr("ipv6_cidr_block", knownvalue.StringExact("")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("ipv6_association_id", knownvalue.StringExact("")),
				expectVPCAttr("tags", knownvalue.Null()),
				expectVPCAttr("tags_all", knownvalue.MapSizeExact(0)),
			},
		},
		resource.TestStep{
			Config:           c.config(tfVPC("test", "10.1.0.0/16")),
			ConfigPlanChecks: expectPlanAction(vpcAddress, actionReplace),
			Check:            func(*terraformState) error { return c.expectVPCInCloud(t, "10.1.0.0/16") },
		},
	)
}

// TestAccVPC_defaults: a VPC's default security group and network ACL are
// known after apply, stay as they are when the VPC changes in place, match
// the cloud's, and plan no change.
func TestAccVPC_defaults(t *testing.T) {
	c := newTestCloud(t)
	sgPattern, aclPattern := regexp.MustCompile(`^sg-[0-9a-f]{17}$`), regexp.MustCompile(`^acl-[0-9a-f]{17}$`)
	emptyAfterApply := resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	unitTest(t,
		resource.TestStep{
			Config:           c.config(oneVPC),
			ConfigPlanChecks: emptyAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("default_security_group_id", knownvalue.StringRegexp(sgPattern)),
				expectVPCAttr("default_network_acl_id", knownvalue.StringRegexp(aclPattern)),
			},
			Check: func(s *terraformState) error {
				attrs := s.RootModule().Resources[vpcAddress].Primary.Attributes
				vpc := c.onlyVPC(t)
				if attrs["default_security_group_id"] != vpc.DefaultSecurityGroupID || attrs["default_network_acl_id"] != vpc.DefaultNetworkACLID {
					return fmt.Errorf("state has %s and %s, the cloud %s and %s", attrs["default_security_group_id"], attrs["default_network_acl_id"],
						vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: c.config(tfVPC("test", "10.0.0.0/16", assignIPv6)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(vpcAddress, actionUpdate),
					plannedVPCAttr("default_security_group_id", knownvalue.StringRegexp(sgPattern)),
					plannedVPCAttr("default_network_acl_id", knownvalue.StringRegexp(aclPattern)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
		importStep(vpcAddress),
	)
}

func TestAccVPC_tenancy(t *testing.T) {
	c := newTestCloud(t)
	tenancy := func(value string) string {
		return c.config(tfVPC("test", "10.0.0.0/16", `instance_tenancy = "`+value+`"`))
	}
	unitTest(t,
		planFails(tenancy("host"), "InvalidParameterValue: Value (host) for parameter instanceTenancy", "instance_tenancy"),
		resource.TestStep{Config: tenancy("dedicated")},
		actionStep(tenancy("default"), vpcAddress, actionUpdate),
		actionStep(tenancy("dedicated"), vpcAddress, actionReplace),
	)
}

func TestAccVPC_defaultTags(t *testing.T) {
	c := newTestCloud(t)
	withDefaults := func(resourceTags string) string {
		return `provider "simcloud" {
  database = "` + c.path + `"
  default_tags {
    tags = {
      Env  = "test"
      Team = "network"
    }
  }
}
` + tfVPC("test", "10.0.0.0/16", resourceTags)
	}
	unitTest(t,
		planFails(withDefaults(`tags = { "aws:reserved" = "x" }`), "InvalidParameterValue", "aws:reserved", "tags"),
		resource.TestStep{
			Config: withDefaults(`tags = { Name = "tagged", Team = "platform" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("tags", knownvalue.MapExact(map[string]knownvalue.Check{
					"Name": knownvalue.StringExact("tagged"), "Team": knownvalue.StringExact("platform"),
				})),
				expectVPCAttr("tags_all", knownvalue.MapExact(map[string]knownvalue.Check{
					"Name": knownvalue.StringExact("tagged"), "Team": knownvalue.StringExact("platform"), "Env": knownvalue.StringExact("test"),
				})),
			},
		},
		// Restating a default tag with its default value must not leave a
		// perpetual diff (the step's own follow-up plan must be empty).
		resource.TestStep{Config: withDefaults(`tags = { Env = "test" }`)},
		resource.TestStep{
			Config: withDefaults(``),
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("tags", knownvalue.Null()),
				expectVPCAttr("tags_all", knownvalue.MapSizeExact(2)),
			},
		},
	)
}

// TestAccVPC_drift deletes the VPC behind Terraform's back: the next plan
// must create it again, with a warning rather than an error.
func TestAccVPC_drift(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(oneVPC)
	unitTest(t,
		resource.TestStep{Config: config},
		withCheck(driftStep(t, func() error { return c.client.DeleteVPC(context.Background(), c.onlyVPC(t).ID) }, config, vpcAddress, actionCreate),
			func(*terraformState) error { return c.expectVPCInCloud(t, "10.0.0.0/16") }),
	)
}

// TestAccVPC_driftInPlace changes the VPC behind Terraform's back: the next
// plan must put it back in place.
func TestAccVPC_driftInPlace(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfVPC("test", "10.0.0.0/16", `tags = { Name = "kept" }`))
	unitTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				vpc := c.onlyVPC(t)
				in := inputOf(vpc)
				in.EnableDNSSupport = false
				in.AssignGeneratedIPv6CIDRBlock = true
				in.Tags = map[string]string{"Name": "changed"}
				if _, err := c.client.UpdateVPC(context.Background(), vpc.ID, in); err != nil {
					t.Fatal(err)
				}
			},
			Config:           config,
			ConfigPlanChecks: expectPlanAction(vpcAddress, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("enable_dns_support", knownvalue.Bool(true)),
				expectVPCAttr("ipv6_cidr_block", knownvalue.StringExact("")),
				expectVPCAttr("tags_all", knownvalue.MapExact(map[string]knownvalue.Check{"Name": knownvalue.StringExact("kept")})),
			},
		},
	)
}

func TestAccVPC_badCIDRFailsAtPlan(t *testing.T) {
	c := newTestCloud(t)
	cases := []struct {
		cidr string
		want []string
	}{
		{"10.0.0.0/8", []string{"InvalidVpc.Range: The CIDR '10.0.0.0/8' is invalid.", "between /16 and /28"}},
		{"10.0.0.0/29", []string{"InvalidVpc.Range", "10.0.0.0/28"}},
		{"10.0.0.1/16", []string{"InvalidParameterValue", "network address of this block is 10.0.0.0/16"}},
		{"10.0.0.0/33", []string{"InvalidParameterValue: Value (10.0.0.0/33) for parameter cidrBlock is invalid."}},
		{"2001:db8::/56", []string{"InvalidParameterValue", "an IPv4 network"}},
		{"not-a-cidr", []string{"InvalidParameterValue"}},
		{"", []string{"InvalidParameterValue"}},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		// The diagnostic must name the attribute at fault, which Terraform
		// shows between the summary and the detail.
		steps = append(steps, planFails(c.config(tfVPC("test", tc.cidr)), append([]string{tc.want[0], `cidr_block = "` + tc.cidr}, tc.want[1:]...)...))
	}
	// The last step is valid, so that the test's closing destroy can run.
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			if vpcs, _ := c.client.FindVPCs(context.Background(), vpcFilterAll); len(vpcs) != 0 {
				t.Fatalf("a refused plan created %d VPCs", len(vpcs))
			}
		},
		Config: c.config(oneVPC),
	})
	unitTest(t, steps...)
}

func TestAccVPC_importErrors(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(oneVPC)
	unitTest(t,
		resource.TestStep{
			Config:        config,
			ResourceName:  vpcAddress,
			ImportState:   true,
			ImportStateId: "vpc-12345",
			ExpectError:   expectError("Invalid import ID: InvalidVpcID.Malformed", "vpc- followed by 17 lowercase hexadecimal digits"),
		},
		resource.TestStep{
			Config:        config,
			ResourceName:  vpcAddress,
			ImportState:   true,
			ImportStateId: "vpc-0123456789abcdef0",
			ExpectError:   expectError("Cannot import non-existent remote object"),
		},
	)
}

// TestAccVPC_deleteRefusedWhileInUse gives the VPC a second route table
// behind Terraform's back: destroy must fail with AWS's error and leave the
// VPC in place, and succeed once the table is gone.
func TestAccVPC_deleteRefusedWhileInUse(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(oneVPC)
	var extraTable string
	unitTest(t,
		resource.TestStep{Config: config},
		resource.TestStep{
			PreConfig: func() {
				table, err := c.client.CreateRouteTable(context.Background(), cloud.RouteTableInput{VPCID: c.onlyVPC(t).ID})
				if err != nil {
					t.Fatal(err)
				}
				extraTable = table.ID
			},
			Config:      config,
			Destroy:     true,
			ExpectError: regexp.MustCompile(`(?s)DependencyViolation: The vpc 'vpc-[0-9a-f]{17}' has dependencies and cannot be deleted.*rtb-`),
		},
		resource.TestStep{
			PreConfig: func() {
				c.onlyVPC(t)
				if err := c.client.DeleteRouteTable(context.Background(), extraTable); err != nil {
					t.Fatal(err)
				}
			},
			Config: config,
		},
	)
}

func TestAccVPC_databaseFileIsPrivate(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("a PostgreSQL cloud has no file")
	}
	c := newTestCloud(t)
	unitTest(t, resource.TestStep{
		Config: c.config(oneVPC),
		Check: func(*terraformState) error {
			info, err := os.Stat(c.path)
			if err != nil {
				return err
			}
			if mode := info.Mode().Perm(); mode != 0o600 {
				t.Errorf("database mode %o, want 600", mode)
			}
			return nil
		},
	})
}

// TestAccVPC_poolArguments: aws_vpc's IPAM arguments are accepted left out
// (null, as terraform-aws-modules/vpc passes them), and refused at plan
// with an unknown pool or without the pool they go with; the network border group is the region's, shown while the VPC has an
// IPv6 block.
func TestAccVPC_poolArguments(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		planFails(c.config(tfVPC("test", "10.0.0.0/16", `ipv4_ipam_pool_id = "ipam-pool-0123456789abcdef0"`)), "InvalidIpamPoolId.NotFound"),
		planFails(c.config(tfVPC("test", "10.0.0.0/16", "ipv6_netmask_length = 56")), "InvalidParameterCombination", "ipv6NetmaskLength requires"),
		planFails(c.config(tfVPC("test", "10.0.0.0/16", `ipv6_cidr_block = "2001:db8::/56"`)), "InvalidParameterCombination", "ipv6CidrBlock requires"),
		planFails(c.config(tfVPC("test", "10.0.0.0/16", assignIPv6, `ipv6_cidr_block_network_border_group = "us-west-2"`)),
			"InvalidParameterValue", "network border group"),
		resource.TestStep{
			Config: c.config(tfVPC("test", "10.0.0.0/16", assignIPv6, "ipv4_ipam_pool_id = null", "ipv4_netmask_length = null",
				`ipv6_cidr_block_network_border_group = "us-east-1"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectVPCAttr("ipv6_cidr_block_network_border_group", knownvalue.StringExact("us-east-1")),
			},
		},
		resource.TestStep{
			Config:            c.config(tfVPC("test", "10.0.0.0/16")),
			ConfigStateChecks: []statecheck.StateCheck{expectVPCAttr("ipv6_cidr_block_network_border_group", knownvalue.StringExact(""))},
		},
	)
}
