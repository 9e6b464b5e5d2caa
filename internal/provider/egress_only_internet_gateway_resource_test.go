package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const eigwAddress = "simcloud_egress_only_internet_gateway.test"

func TestAccEgressOnlyInternetGateway_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	gateway := func(vpc, name string) string {
		return c.config(vpcsAB + `
resource "simcloud_egress_only_internet_gateway" "test" {
  vpc_id = simcloud_vpc.` + vpc + `.id
  tags = {
    Name = "` + name + `"
  }
}`)
	}
	onlyEIGW := func() cloud.EgressOnlyInternetGateway {
		all, err := c.client.FindEgressOnlyInternetGateways(context.Background(), cloud.EgressOnlyInternetGatewayFilter{})
		if err != nil || len(all) != 1 {
			t.Fatalf("want one egress-only gateway, found %d (%v)", len(all), err)
		}
		return all[0]
	}
	unitTest(t,
		resource.TestStep{
			Config: gateway("a", "first"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(eigwAddress, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^eigw-[0-9a-f]{17}$`))),
			},
		},
		resource.TestStep{ResourceName: eigwAddress, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			Config: gateway("a", "renamed"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(eigwAddress, plancheck.ResourceActionUpdate),
			}},
			Check: func(*terraformState) error {
				if g := onlyEIGW(); g.Tags["Name"] != "renamed" {
					t.Errorf("tags in the cloud: %v", g.Tags)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: gateway("b", "renamed"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(eigwAddress, plancheck.ResourceActionDestroyBeforeCreate),
			}},
		},
		resource.TestStep{
			PreConfig: func() {
				if err := c.client.DeleteEgressOnlyInternetGateway(context.Background(), onlyEIGW().ID); err != nil {
					t.Fatal(err)
				}
			},
			Config: gateway("b", "renamed"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(eigwAddress, plancheck.ResourceActionCreate),
			}},
		},
		resource.TestStep{
			ResourceName:  eigwAddress,
			ImportState:   true,
			ImportStateId: "igw-0123456789abcdef0",
			ExpectError:   expectError("Invalid import ID: InvalidEgressOnlyInternetGatewayId.Malformed"),
		},
	)
}
