package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const cgwAddress = "simcloud_customer_gateway.test"

func tfCustomerGateway(arguments ...string) string {
	return tfResource("customer_gateway", "test", append([]string{`type = "ipsec.1"`}, arguments...)...)
}

func TestAccCustomerGateway_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	gateway := func(asn, name string) string {
		return c.config(tfCustomerGateway(`bgp_asn = "`+asn+`"`, `ip_address = "203.0.113.12"`, `device_name = "edge"`, `tags = { Name = "`+name+`" }`))
	}
	onlyCGW := func() cloud.CustomerGateway {
		return onlyOne[cloud.CustomerGateway](t, c, "customer gateway", cloud.CustomerGatewayFilter{})
	}
	unitTest(t,
		createStep(gateway("65000", "office"), cgwAddress, `^cgw-[0-9a-f]{17}$`,
			attrIs(cgwAddress, "arn", matching(`^arn:aws:ec2:us-east-1:123456789012:customer-gateway/cgw-[0-9a-f]{17}$`)),
			attrIs(cgwAddress, "bgp_asn_extended", knownvalue.Null()),
			attrIs(cgwAddress, "certificate_arn", knownvalue.Null()),
		),
		resource.TestStep{Config: gateway("65000", "office"), ConfigPlanChecks: expectEmptyPlan},
		importStep(cgwAddress),
		renameStep(t, gateway("65000", "branch"), cgwAddress, "branch", func() map[string]string { return onlyCGW().Tags }),
		actionStep(gateway("65001", "branch"), cgwAddress, actionReplace),
		c.deletedStep(t, func() string { return onlyCGW().ID }, gateway("65001", "branch"), cgwAddress),
		importFails(cgwAddress, "vgw-0123456789abcdef0", "Invalid import ID: InvalidCustomerGatewayID.Malformed"),
	)
}

func TestAccCustomerGateway_extendedASN(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(tfCustomerGateway(`bgp_asn_extended = "4200000001"`, `ip_address = "203.0.113.12"`))
	unitTest(t,
		resource.TestStep{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{attrIs(cgwAddress, "bgp_asn", knownvalue.Null())},
		},
		resource.TestStep{Config: config, ConfigPlanChecks: expectEmptyPlan},
	)
}

func TestAccCustomerGateway_refusals(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		planFails(c.config(tfCustomerGateway(`ip_address = "203.0.113.12"`)), "MissingParameter", "bgp_asn"),
		planFails(c.config(tfCustomerGateway(`bgp_asn = "65000"`, `bgp_asn_extended = "4200000001"`)), "InvalidParameterCombination", "bgp_asn_extended"),
		planFails(c.config(tfCustomerGateway(`bgp_asn = "4200000001"`)), "InvalidParameterValue", "bgp_asn"),
		planFails(c.config(tfCustomerGateway(`bgp_asn = "65000"`, `ip_address = "2001:db8::1"`)), "InvalidParameterValue", "ip_address"),
		planFails(c.config(tfResource("customer_gateway", "test", `type = "ipsec.2"`, `bgp_asn = "65000"`)), "InvalidParameterValue", "ipsec.1"),
		planFails(c.config(tfCustomerGateway(`bgp_asn = "65000"`, `certificate_arn = "not-an-arn"`)), "InvalidParameterValue", "certificate_arn"),
	)
}
