package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpnGatewayAttachmentModel struct {
	objectID
	VPCID        types.String `tfsdk:"vpc_id"`
	VPNGatewayID types.String `tfsdk:"vpn_gateway_id"`
}

// Every argument replaces the attachment, so it is never updated. As in
// the AWS provider, it cannot be imported: its ID is a hash.
var vpnGatewayAttachmentKind = resourceKind[vpnGatewayAttachmentModel, cloud.VPNGatewayAttachment]{
	typeName: "_vpn_gateway_attachment",
	schema: schema.Schema{
		MarkdownDescription: "Attaches a virtual private gateway to a VPC, as `aws_vpn_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_vpn_gateway`.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("`vpn-attachment-` followed by a hash of the two IDs, as the AWS provider forms it."),
			"vpc_id":         replacingReference(cloud.KindVPC, "The VPC to attach the gateway to. The VPC must have no virtual private gateway yet. Changing it replaces the attachment."),
			"vpn_gateway_id": replacingReference(cloud.KindVPNGateway, "The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment."),
		},
	},
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
		err := c.DetachVPNGateway(ctx, state.VPNGatewayID.ValueString(), state.VPCID.ValueString())
		if code := cloud.ErrorCode(err); code == "InvalidVpnGatewayAttachment.NotFound" || code == "InvalidVpnGatewayID.NotFound" {
			return nil
		}
		return err
	},
	// Undoing the attachment takes the gateway out of its VPC's way.
	removing: func(state *vpnGatewayAttachmentModel) []string {
		return []string{state.VPNGatewayID.ValueString()}
	},
	check: func(ctx context.Context, d *providerData, p planStep[vpnGatewayAttachmentModel]) error {
		want := cloud.VPNGatewayAttachment{
			VPNGatewayID: plannedID(p.plan.VPNGatewayID, cloud.KindVPNGateway),
			VPCID:        plannedID(p.plan.VPCID, cloud.KindVPC),
		}
		stateID, replaces := "", cloud.VPNGatewayAttachment{}
		if p.state != nil {
			stateID = p.state.ID.ValueString()
			replaces = cloud.VPNGatewayAttachment{VPNGatewayID: p.state.VPNGatewayID.ValueString(), VPCID: p.state.VPCID.ValueString()}
		}
		key := "simcloud_vpn_gateway_attachment|" + want.VPNGatewayID + "|" + want.VPCID
		description := fmt.Sprintf("the simcloud_vpn_gateway_attachment planned in this configuration for %s and %s", want.VPNGatewayID, want.VPCID)
		return d.checkPlanned(key, description, stateID, changeOf(replaces != want, true), func(holder cloud.Holder, _ string) error {
			return d.client.CheckVPNGatewayAttachment(ctx, d.plan, holder, want, replaces)
		})
	},
	fill: func(m *vpnGatewayAttachmentModel, a cloud.VPNGatewayAttachment, _ *diag.Diagnostics) {
		m.ID = types.StringValue(cloud.VPNGatewayAttachmentID(a.VPNGatewayID, a.VPCID))
	},
	importState: func(_ context.Context, _ *providerData, _ resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		resp.Diagnostics.AddError("simcloud_vpn_gateway_attachment cannot be imported",
			"As in the AWS provider, a virtual private gateway's attachment cannot be imported (its ID is a hash). "+
				"Import the simcloud_vpn_gateway instead and set its vpc_id to the VPC it is attached to.")
	},
}
