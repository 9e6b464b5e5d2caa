package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const attachmentAddress = "simcloud_internet_gateway_attachment.test"

func TestAccInternetGatewayAttachment_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	config := c.config(vpcsAB + `
resource "simcloud_internet_gateway" "test" {
}

resource "simcloud_internet_gateway_attachment" "test" {
  internet_gateway_id = simcloud_internet_gateway.test.id
  vpc_id              = simcloud_vpc.a.id
}`)
	unitTest(t,
		resource.TestStep{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(attachmentAddress, tfjsonpath.New("id"),
					knownvalue.StringRegexp(regexp.MustCompile(`^igw-[0-9a-f]{17}:vpc-[0-9a-f]{17}$`))),
			},
			Check: func(*terraformState) error { return c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}) },
		},
		// The gateway's vpc_id now shows where the attachment put it,
		// without a diff.
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(igwAddress, tfjsonpath.New("vpc_id"), "simcloud_vpc.a", tfjsonpath.New("id"), compare.ValuesSame()),
			},
		},
		resource.TestStep{ResourceName: attachmentAddress, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			ResourceName:  attachmentAddress,
			ImportState:   true,
			ImportStateId: "vpc-0123456789abcdef0/igw-0123456789abcdef0",
			ExpectError:   expectError("Invalid import ID", "expected INTERNET-GATEWAY-ID:VPC-ID"),
		},
		// Detached behind Terraform's back: planned for attaching again.
		resource.TestStep{
			PreConfig: func() {
				g := c.onlyGateway(t)
				if err := c.client.DetachInternetGateway(context.Background(), g.ID, g.VPCID); err != nil {
					t.Fatal(err)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(attachmentAddress, plancheck.ResourceActionCreate),
			}},
			Check: func(*terraformState) error { return c.expectGateways(t, map[string]int{"10.0.0.0/16": 1}) },
		},
		// Moving the attachment replaces it.
		resource.TestStep{
			Config: c.config(vpcsAB + `
resource "simcloud_internet_gateway" "test" {
}

resource "simcloud_internet_gateway_attachment" "test" {
  internet_gateway_id = simcloud_internet_gateway.test.id
  vpc_id              = simcloud_vpc.b.id
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(attachmentAddress, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: func(*terraformState) error {
				return c.expectGateways(t, map[string]int{"10.0.0.0/16": 0, "10.1.0.0/16": 1})
			},
		},
	)
}

func TestAccInternetGatewayAttachment_refusals(t *testing.T) {
	c := newTestCloud(t)
	base := vpcsAB + `
resource "simcloud_internet_gateway" "attached" {
  vpc_id = simcloud_vpc.a.id
}
`
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		resource.TestStep{
			Config: c.config(base + `
resource "simcloud_internet_gateway_attachment" "test" {
  internet_gateway_id = simcloud_internet_gateway.attached.id
  vpc_id              = simcloud_vpc.b.id
}`),
			PlanOnly:    true,
			ExpectError: expectError("Resource.AlreadyAssociated: resource igw-", "is already attached to network vpc-"),
		},
		resource.TestStep{
			Config: c.config(base + `
resource "simcloud_internet_gateway_attachment" "test" {
  internet_gateway_id = "igw-0123456789abcdef0"
  vpc_id              = simcloud_vpc.b.id
}`),
			PlanOnly:    true,
			ExpectError: expectError("InvalidInternetGatewayID.NotFound: The internetGateway ID 'igw-0123456789abcdef0' does not exist", "internet_gateway_id"),
		},
		resource.TestStep{Config: c.config(base)},
	)
}

// onlyGateway returns the one internet gateway in the test's cloud.
func (c *testCloud) onlyGateway(t *testing.T) cloud.InternetGateway {
	t.Helper()
	all, err := c.client.FindInternetGateways(context.Background(), cloud.InternetGatewayFilter{})
	if err != nil || len(all) != 1 {
		t.Fatalf("want one internet gateway, found %d (%v)", len(all), err)
	}
	return all[0]
}
