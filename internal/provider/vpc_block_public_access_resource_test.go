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
	bpaOptionsAddress   = "simcloud_vpc_block_public_access_options.main"
	bpaExclusionAddress = "simcloud_vpc_block_public_access_exclusion.nat"
)

// TestAccVPCBlockPublicAccess: the mode blocks the three-tier network's
// paths, as network paths report with the fix (an exclusion); an exclusion
// of the NAT gateway's subnet lets the private subnet out again; both
// import, are changed in place, come back after being undone behind
// Terraform's back, and destroying the options turns BPA off.
func TestAccVPCBlockPublicAccess(t *testing.T) {
	c := newTestCloud(t)
	paths := func(dependsOn string) string {
		path := func(name, subnet, direction string) string {
			return tfData("network_path", name, "subnet_id = "+tfID("subnet", subnet), `direction = "`+direction+`"`,
				`ip_version = "ipv4"`, "depends_on = ["+dependsOn+", simcloud_route_table_association.app, simcloud_route_table_association.public, "+
					"simcloud_route_table.app, simcloud_route_table.public]")
		}
		return path("app_out", "app", "outbound") + path("public_in", "public", "inbound")
	}
	options := func(mode string) string {
		return tfResource("vpc_block_public_access_options", "main", `internet_gateway_block_mode = "`+mode+`"`)
	}
	exclusion := func(mode string) string {
		return tfResource("vpc_block_public_access_exclusion", "nat", "subnet_id = "+tfID("subnet", "public"),
			`internet_gateway_exclusion_mode = "`+mode+`"`, `tags = { Name = "nat" }`)
	}
	blocked := c.config(threeTier("public") + options("block-bidirectional") + paths(bpaOptionsAddress))
	excluded := func(mode string) string {
		return c.config(threeTier("public") + options("block-bidirectional") + exclusion(mode) + paths(bpaOptionsAddress+", "+bpaExclusionAddress))
	}
	unitTest(t,
		planFails(c.config(threeTier("public")+options("block-all")), "InvalidParameterValue", "internet_gateway_block_mode"),
		planFails(c.config(threeTier("public")+tfResource("vpc_block_public_access_exclusion", "nat", "subnet_id = "+tfID("subnet", "public"),
			"vpc_id = "+tfID("vpc", "main"), `internet_gateway_exclusion_mode = "allow-egress"`)), "InvalidParameterCombination", "subnet_id"),
		resource.TestStep{
			Config: blocked,
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs(bpaOptionsAddress, "id", knownvalue.StringExact("us-east-1")),
				attrIs(bpaOptionsAddress, "aws_account_id", knownvalue.StringExact(cloud.DefaultAccountID)),
				attrIs(bpaOptionsAddress, "aws_region", knownvalue.StringExact("us-east-1")),
				attrIs("data.simcloud_network_path.app_out", "reachable", knownvalue.Bool(false)),
				attrIs("data.simcloud_network_path.app_out", "breaks_at", matching(`^VPC Block Public Access \(block-bidirectional\) in us-east-1 blocks outbound`)),
				attrIs("data.simcloud_network_path.app_out", "fix", matching(`simcloud_vpc_block_public_access_exclusion whose internet_gateway_exclusion_mode is allow-egress`)),
				attrIs("data.simcloud_network_path.public_in", "reachable", knownvalue.Bool(false)),
			},
		},
		importStepBy(bpaOptionsAddress, func(*terraformState) (string, error) { return "us-east-1", nil }),
		createStep(excluded("allow-egress"), bpaExclusionAddress, `^vpcbpa-exclude-[0-9a-f]{17}$`,
			attrIs(bpaExclusionAddress, "resource_arn", matching(`^arn:aws:ec2:us-east-1:123456789012:subnet/subnet-[0-9a-f]{17}$`)),
			attrIs(bpaExclusionAddress, "vpc_id", knownvalue.Null()),
			attrIs("data.simcloud_network_path.app_out", "reachable", knownvalue.Bool(true)),
			attrIs("data.simcloud_network_path.public_in", "reachable", knownvalue.Bool(false)),
		),
		resource.TestStep{Config: excluded("allow-egress"), ConfigPlanChecks: expectEmptyPlan},
		importStep(bpaExclusionAddress),
		importFails(bpaExclusionAddress, "vpcbpa-1", "Invalid import ID", "InvalidVpcBlockPublicAccessExclusionId.Malformed"),
		resource.TestStep{
			Config:           excluded("allow-bidirectional"),
			ConfigPlanChecks: expectPlanAction(bpaExclusionAddress, actionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("data.simcloud_network_path.public_in", "reachable", knownvalue.Bool(true)),
			},
		},
		c.deletedStep(t, func() string {
			return onlyOne[cloud.BlockPublicAccessExclusion](t, c, "exclusion", cloud.BlockPublicAccessExclusionFilter{}).ID
		}, excluded("allow-bidirectional"), bpaExclusionAddress),
		driftStep(t, func() error {
			_, err := c.client.SetBlockPublicAccessOptions(context.Background(), cloud.BlockPublicAccessOff)
			return err
		}, excluded("allow-bidirectional"), bpaOptionsAddress, actionCreate),
		resource.TestStep{
			Config: c.config(threeTier("public")),
			Check: func(*terraformState) error {
				o, err := c.client.BlockPublicAccessOptions(context.Background())
				if err != nil || o.InternetGatewayBlockMode != cloud.BlockPublicAccessOff {
					t.Errorf("after the options' destroy: %+v %v", o, err)
				}
				return nil
			},
		},
	)
}
