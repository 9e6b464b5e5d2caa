package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

const vgwAttachmentAddress = "simcloud_vpn_gateway_attachment.test"

// tfVPNGatewayAttachment attaches the gateway whose ID the expression
// gateway gives to simcloud_vpc.<vpc>.
func tfVPNGatewayAttachment(gateway, vpc string) string {
	return tfResource("vpn_gateway_attachment", "test", "vpn_gateway_id = "+gateway, "vpc_id = "+tfID("vpc", vpc))
}

func TestAccVPNGatewayAttachment_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	attachedTo := func(vpc string) string {
		return c.config(vpcsAB + tfVPNGateway("test", "") + tfVPNGatewayAttachment(tfID("vpn_gateway", "test"), vpc))
	}
	config := attachedTo("a")
	unitTest(t,
		createStep(config, vgwAttachmentAddress, `^vpn-attachment-[0-9a-f]{1,8}$`),
		// The gateway's vpc_id shows where the attachment put it, without
		// a diff.
		resource.TestStep{
			Config:            config,
			ConfigPlanChecks:  expectEmptyPlan,
			ConfigStateChecks: []statecheck.StateCheck{sameValue(vgwAddress, "vpc_id", "simcloud_vpc.a", "id")},
		},
		importFails(vgwAttachmentAddress, "vpn-attachment-12345678", "cannot be imported"),
		// Detached behind Terraform's back: planned for attaching again.
		driftStep(t, func() error {
			g := c.onlyVPNGateway(t)
			return c.client.DetachVPNGateway(context.Background(), g.ID, g.VPCID)
		}, config, vgwAttachmentAddress, actionCreate),
		actionStep(attachedTo("b"), vgwAttachmentAddress, actionReplace),
	)
}

func TestAccVPNGatewayAttachment_refusals(t *testing.T) {
	c := newTestCloud(t)
	base := vpcsAB + tfVPNGateway("attached", "a")
	unitTest(t,
		resource.TestStep{Config: c.config(base)},
		planFails(c.config(base+tfVPNGatewayAttachment(tfID("vpn_gateway", "attached"), "b")),
			"VpnGatewayAttachmentLimitExceeded", "vpn_gateway_id"),
		planFails(c.config(base+tfVPNGateway("second", "")+tfVPNGatewayAttachment(tfID("vpn_gateway", "second"), "a")),
			"InvalidVpcState"),
		planFails(c.config(base+tfVPNGatewayAttachment(`"vgw-0123456789abcdef0"`, "b")),
			"InvalidVpnGatewayID.NotFound", "vpn_gateway_id"),
		resource.TestStep{Config: c.config(base)},
	)
}
