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
var vpnGatewayAttachmentKind = gatewayAttachmentKind[cloud.VPNGateway](
	objectLink[vpnGatewayAttachmentModel, attachedGateway]{
		description:   "Attaches a virtual private gateway to a VPC, as `aws_vpn_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_vpn_gateway`.",
		idDescription: "`vpn-attachment-` followed by a hash of the two IDs, as the AWS provider forms it.",
		ends:          func(m *vpnGatewayAttachmentModel) (types.String, types.String) { return m.VPNGatewayID, m.VPCID },
		checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
			return d.client.CheckVPNGatewayAttachment(ctx, d.plan, c.holder,
				cloud.VPNGatewayAttachment{VPNGatewayID: c.first, VPCID: c.second},
				cloud.VPNGatewayAttachment{VPNGatewayID: c.wasFirst, VPCID: c.wasSecond})
		},
		resourceKind: resourceKind[vpnGatewayAttachmentModel, attachedGateway]{
			typeName:   "_vpn_gateway_attachment",
			createOp:   "AttachVpnGateway",
			describeOp: "DescribeVpnGateways",
			deleteOp:   "DetachVpnGateway",
			importState: func(_ context.Context, _ *providerData, _ resource.ImportStateRequest, resp *resource.ImportStateResponse) {
				resp.Diagnostics.AddError("simcloud_vpn_gateway_attachment cannot be imported",
					"As in the AWS provider, a virtual private gateway's attachment cannot be imported (its ID is a hash). "+
						"Import the simcloud_vpn_gateway instead and set its vpc_id to the VPC it is attached to.")
			},
		},
	},
	gatewayAttachment{attribute: "vpn_gateway_id", kind: cloud.KindVPNGateway, noun: "virtual private gateway",
		attach: (*cloud.Client).AttachVPNGateway, detach: (*cloud.Client).DetachVPNGateway,
		goneCodes: []string{"InvalidVpnGatewayAttachment.NotFound", "InvalidVpnGatewayID.NotFound"}, id: cloud.VPNGatewayAttachmentID})
