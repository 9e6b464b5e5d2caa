package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// TestAccRegionArgument: the AWS provider 6 region argument puts an object
// in another region's part of the cloud, where the provider's region does
// not see it; left out, it is the provider's region, known at plan.
func TestAccRegionArgument(t *testing.T) {
	c := newTestCloud(t)
	west := `region = "us-west-2"`
	inWest := tfVPC("west", "10.0.0.0/16", west) + tfSubnet("west", "west", "10.0.1.0/24", west) +
		tfVPC("east", "10.0.0.0/16") +
		tfData("vpc", "west", west, "id = "+tfID("vpc", "west"))
	westVPC := func() (cloud.VPC, error) {
		west, err := c.client.InRegion("us-west-2")
		if err != nil {
			return cloud.VPC{}, err
		}
		all, err := cloud.Find[cloud.VPC](west, context.Background(), cloud.VPCFilter{})
		return wantOne(t, "VPC in us-west-2", storetest.Own(t, west, all), err), nil
	}
	unitTest(t,
		resource.TestStep{
			Config: c.config(inWest),
			ConfigStateChecks: []statecheck.StateCheck{
				attrIs("simcloud_vpc.west", "region", knownvalue.StringExact("us-west-2")),
				attrIs("simcloud_vpc.west", "arn", matching(`^arn:aws:ec2:us-west-2:`)),
				attrIs("simcloud_subnet.west", "availability_zone", matching(`^us-west-2[a-f]$`)),
				attrIs("simcloud_vpc.east", "region", knownvalue.StringExact(cloud.DefaultRegion)),
				sameValue("data.simcloud_vpc.west", "id", "simcloud_vpc.west", "id"),
			},
			Check: func(*terraformState) error {
				// Both VPCs hold 10.0.0.0/16: each region has its own cloud.
				v, err := westVPC()
				if err == nil && v.CIDRBlock != "10.0.0.0/16" {
					t.Errorf("the VPC in us-west-2: %+v", v)
				}
				return err
			},
		},
		importStepBy("simcloud_vpc.west", func(s *terraformState) (string, error) {
			return s.RootModule().Resources["simcloud_vpc.west"].Primary.ID + "@us-west-2", nil
		}),
		planFails(c.config(tfVPC("moon", "10.0.0.0/16", `region = "moon-1"`)), "region"),
		// A subnet of the provider's region cannot use the VPC of another.
		planFails(c.config(inWest+tfSubnet("stray", "west", "10.0.2.0/24")), "InvalidVpcID.NotFound"),
		// Moving an object to another region replaces it.
		actionStep(c.config(tfVPC("west", "10.0.0.0/16", `region = "eu-west-1"`)+tfVPC("east", "10.0.0.0/16")), "simcloud_vpc.west", actionReplace),
	)
}
