package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

const attachmentAddress = "simcloud_internet_gateway_attachment.test"

func TestAccInternetGatewayAttachment_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	attachedTo := func(vpc string) string {
		return c.config(vpcsAB + tfResource("internet_gateway", "test") + tfAttachment("test", tfID("internet_gateway", "test"), vpc))
	}
	config := attachedTo("a")
	unitTest(t,
		withCheck(createStep(config, attachmentAddress, `^igw-[0-9a-f]{17}:vpc-[0-9a-f]{17}$`),
			func(*terraformState) error { return c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}) }),
		// The gateway's vpc_id now shows where the attachment put it,
		// without a diff.
		resource.TestStep{
			Config:            config,
			ConfigPlanChecks:  expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{sameValue(igwAddress, "vpc_id", "simcloud_vpc.a", "id")},
		},
		importStep(attachmentAddress),
		importFails(attachmentAddress, "vpc-0123456789abcdef0/igw-0123456789abcdef0", "Invalid import ID", "expected INTERNET-GATEWAY-ID:VPC-ID"),
		// Detached behind Terraform's back: planned for attaching again.
		withCheck(driftStep(t, func() error { return c.detachOnlyGateway(t) }, config, attachmentAddress, actionCreate),
			func(*terraformState) error { return c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}) }),
		// Moving the attachment replaces it.
		resource.TestStep{
			Config:           attachedTo("b"),
			ConfigPlanChecks: expectPlanAction(attachmentAddress, actionReplace),
			Check: func(*terraformState) error {
				return c.expectGateways(t, map[string]int{"10.0.0.0/16": 0, "10.1.0.0/16": 1})
			},
		},
	)
}

func TestAccInternetGatewayAttachment_refusals(t *testing.T) {
	c := newTestCloud(t)
	base := vpcsAB + tfGateway("attached", "a")
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfAttachment("test", tfID("internet_gateway", "attached"), "b")),
			"Resource.AlreadyAssociated: resource igw-", "is already attached to network vpc-"),
		planFails(c.config(base+tfAttachment("test", tfID("internet_gateway", "attached"), "a")),
			"Resource.AlreadyAssociated: resource igw-", "is already attached to network vpc-"),
		planFails(c.config(base+tfAttachment("test", `"igw-0123456789abcdef0"`, "b")),
			"InvalidInternetGatewayID.NotFound: The internetGateway ID 'igw-0123456789abcdef0' does not exist", "internet_gateway_id"),
		resource.TestStep{Config: c.config(base)},
	)
}

// An existing gateway attached in one plan both through its own vpc_id and
// by an attachment (issue 19): whichever applied second was refused
// halfway through the apply; the plan refuses it now, to the same VPC or
// to another.
func TestAccInternetGatewayAttachment_attachedTwiceInOnePlan(t *testing.T) {
	c := newTestCloud(t)
	detached := vpcsAB + tfResource("internet_gateway", "attached")
	twice := func(gatewayVPC, attachmentVPC string) string {
		return c.config(vpcsAB + tfGateway("attached", gatewayVPC) + tfAttachment("test", tfID("internet_gateway", "attached"), attachmentVPC))
	}
	unitTest(t,
		resource.TestStep{Config: c.config(detached)},
		planFails(twice("a", "a"), "Resource.AlreadyAssociated: resource igw-", "is already attached to network vpc-",
			"by another resource of this configuration", "Attach a gateway in one place only"),
		planFails(twice("a", "b"), "Resource.AlreadyAssociated: resource igw-", "by another resource of this configuration"),
		resource.TestStep{Config: c.config(detached)},
	)
}

// onlyGateway returns the one internet gateway in the test's cloud.
func (c *testCloud) onlyGateway(t *testing.T) cloud.InternetGateway {
	t.Helper()
	all, err := c.client.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{})
	return wantOne(t, "internet gateway", storetest.Own(t, c.client, all), err)
}
