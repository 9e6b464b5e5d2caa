package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const eigwAddress = "simcloud_egress_only_internet_gateway.test"

func TestAccEgressOnlyInternetGateway_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	gateway := func(vpc, name string) string {
		return c.config(vpcsAB + tfEgressGateway("test", vpc, `tags = { Name = "`+name+`" }`))
	}
	onlyEIGW := func() cloud.EgressOnlyInternetGateway {
		return onlyOne[cloud.EgressOnlyInternetGateway](t, c, "egress-only gateway", cloud.EgressOnlyInternetGatewayFilter{})
	}
	unitTest(t,
		createStep(gateway("a", "first"), eigwAddress, `^eigw-[0-9a-f]{17}$`),
		importStep(eigwAddress),
		resource.TestStep{
			Config:           gateway("a", "renamed"),
			ConfigPlanChecks: expectPlanAction(eigwAddress, actionUpdate),
			Check: func(*terraformState) error {
				if g := onlyEIGW(); g.Tags["Name"] != "renamed" {
					t.Errorf("tags in the cloud: %v", g.Tags)
				}
				return nil
			},
		},
		resource.TestStep{
			Config:           gateway("b", "renamed"),
			ConfigPlanChecks: expectPlanAction(eigwAddress, actionReplace),
		},
		driftStep(t, func() error { return c.client.DeleteObject(context.Background(), onlyEIGW().ID) },
			gateway("b", "renamed"), eigwAddress, actionCreate),
		importFails(eigwAddress, "igw-0123456789abcdef0", "Invalid import ID: InvalidEgressOnlyInternetGatewayId.Malformed"),
	)
}
