package provider

import (
	"testing"

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
		renameStep(t, gateway("a", "renamed"), eigwAddress, "renamed", func() map[string]string { return onlyEIGW().Tags }),
		actionStep(gateway("b", "renamed"), eigwAddress, actionReplace),
		c.deletedStep(t, func() string { return onlyEIGW().ID }, gateway("b", "renamed"), eigwAddress),
		importFails(eigwAddress, "igw-0123456789abcdef0", "Invalid import ID: InvalidEgressOnlyInternetGatewayId.Malformed"),
	)
}
