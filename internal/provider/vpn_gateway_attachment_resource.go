package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpnGatewayAttachmentModel struct {
	objectID
	VPCID        types.String `tfsdk:"vpc_id"`
	VPNGatewayID types.String `tfsdk:"vpn_gateway_id"`
}

// As in the AWS provider, the attachment cannot be imported: its ID is a
// hash.
var vpnGatewayAttachmentKind = linkKind(objectLink[vpnGatewayAttachmentModel, cloud.VPNGatewayAttachment]{
	description:   "Attaches a virtual private gateway to a VPC, as `aws_vpn_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_vpn_gateway`.",
	idDescription: "`vpn-attachment-` followed by a hash of the two IDs, as the AWS provider forms it.",
	first: linkEnd{"vpn_gateway_id", cloud.KindVPNGateway,
		"The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment."},
	second: linkEnd{"vpc_id", cloud.KindVPC,
		"The VPC to attach the gateway to. The VPC must have no virtual private gateway yet. Changing it replaces the attachment."},
	ends: func(m *vpnGatewayAttachmentModel) (types.String, types.String) { return m.VPNGatewayID, m.VPCID },
	checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
		return d.client.CheckVPNGatewayAttachment(ctx, d.plan, c.holder,
			cloud.VPNGatewayAttachment{VPNGatewayID: c.first, VPCID: c.second},
			cloud.VPNGatewayAttachment{VPNGatewayID: c.wasFirst, VPCID: c.wasSecond})
	},
	resourceKind: resourceKind[vpnGatewayAttachmentModel, cloud.VPNGatewayAttachment]{
		typeName:   "_vpn_gateway_attachment",
		createOp:   "AttachVpnGateway",
		describeOp: "DescribeVpnGateways",
		deleteOp:   "DetachVpnGateway",
		create: func(d *providerData, ctx context.Context, a applyStep[vpnGatewayAttachmentModel]) (cloud.VPNGatewayAttachment, error) {
			want := cloud.VPNGatewayAttachment{VPNGatewayID: a.plan.VPNGatewayID.ValueString(), VPCID: a.plan.VPCID.ValueString()}
			return want, d.client.AttachVPNGateway(ctx, want.VPNGatewayID, want.VPCID)
		},
		read: func(c *cloud.Client, ctx context.Context, state *vpnGatewayAttachmentModel) (cloud.VPNGatewayAttachment, error) {
			g, err := cloud.Describe[cloud.VPNGateway](c, ctx, state.VPNGatewayID.ValueString())
			if err == nil && g.VPCID != state.VPCID.ValueString() {
				err = errGone
			}
			return cloud.VPNGatewayAttachment{VPNGatewayID: g.ID, VPCID: g.VPCID}, err
		},
		remove: func(c *cloud.Client, ctx context.Context, state *vpnGatewayAttachmentModel) error {
			return unlessGone(c.DetachVPNGateway(ctx, state.VPNGatewayID.ValueString(), state.VPCID.ValueString()),
				"InvalidVpnGatewayAttachment.NotFound", "InvalidVpnGatewayID.NotFound")
		},
		// Undoing the attachment takes the gateway out of its VPC's way.
		removing: func(state *vpnGatewayAttachmentModel) []string {
			return []string{state.VPNGatewayID.ValueString()}
		},
		fill: func(m *vpnGatewayAttachmentModel, a cloud.VPNGatewayAttachment) {
			m.ID = types.StringValue(cloud.VPNGatewayAttachmentID(a.VPNGatewayID, a.VPCID))
		},
		importState: func(_ context.Context, _ *providerData, _ resource.ImportStateRequest, resp *resource.ImportStateResponse) {
			resp.Diagnostics.AddError("simcloud_vpn_gateway_attachment cannot be imported",
				"As in the AWS provider, a virtual private gateway's attachment cannot be imported (its ID is a hash). "+
					"Import the simcloud_vpn_gateway instead and set its vpc_id to the VPC it is attached to.")
		},
	},
})
