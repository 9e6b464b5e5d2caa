package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type internetGatewayAttachmentModel struct {
	objectID
	InternetGatewayID types.String `tfsdk:"internet_gateway_id"`
	VPCID             types.String `tfsdk:"vpc_id"`
}

var internetGatewayAttachmentKind = linkKind(objectLink[internetGatewayAttachmentModel, cloud.InternetGatewayAttachment]{
	description:   "Attaches an internet gateway to a VPC, as `aws_internet_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_internet_gateway`.",
	idDescription: "`<internet_gateway_id>:<vpc_id>`.",
	first: linkEnd{"internet_gateway_id", cloud.KindInternetGateway,
		"The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment."},
	second: linkEnd{"vpc_id", cloud.KindVPC,
		"The VPC to attach it to. The VPC must have no internet gateway yet. Changing it replaces the attachment."},
	ends: func(m *internetGatewayAttachmentModel) (types.String, types.String) {
		return m.InternetGatewayID, m.VPCID
	},
	checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
		return d.client.CheckInternetGatewayAttachment(ctx, d.plan, c.holder,
			cloud.InternetGatewayAttachment{InternetGatewayID: c.first, VPCID: c.second},
			cloud.InternetGatewayAttachment{InternetGatewayID: c.wasFirst, VPCID: c.wasSecond})
	},
	resourceKind: resourceKind[internetGatewayAttachmentModel, cloud.InternetGatewayAttachment]{
		typeName:   "_internet_gateway_attachment",
		createOp:   "AttachInternetGateway",
		describeOp: "DescribeInternetGateways",
		deleteOp:   "DetachInternetGateway",
		create: func(d *providerData, ctx context.Context, a applyStep[internetGatewayAttachmentModel]) (cloud.InternetGatewayAttachment, error) {
			want := cloud.InternetGatewayAttachment{InternetGatewayID: a.plan.InternetGatewayID.ValueString(), VPCID: a.plan.VPCID.ValueString()}
			return want, d.client.AttachInternetGateway(ctx, want.InternetGatewayID, want.VPCID)
		},
		read: func(c *cloud.Client, ctx context.Context, state *internetGatewayAttachmentModel) (cloud.InternetGatewayAttachment, error) {
			igw, err := c.InternetGateway(ctx, state.InternetGatewayID.ValueString())
			if err == nil && igw.VPCID != state.VPCID.ValueString() {
				err = errGone
			}
			return cloud.InternetGatewayAttachment{InternetGatewayID: igw.ID, VPCID: igw.VPCID}, err
		},
		remove: func(c *cloud.Client, ctx context.Context, state *internetGatewayAttachmentModel) error {
			return unlessGone(c.DetachInternetGateway(ctx, state.InternetGatewayID.ValueString(), state.VPCID.ValueString()), "Gateway.NotAttached")
		},
		// Undoing the attachment takes the gateway out of its VPC's way.
		removing: func(state *internetGatewayAttachmentModel) []string {
			return []string{state.InternetGatewayID.ValueString()}
		},
		fill: func(m *internetGatewayAttachmentModel, a cloud.InternetGatewayAttachment) {
			m.ID = types.StringValue(cloud.InternetGatewayAttachmentID(a.InternetGatewayID, a.VPCID))
		},
		importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
			igwID, vpcID, err := cloud.ParseInternetGatewayAttachmentID(req.ID)
			importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "internet_gateway_id": igwID, "vpc_id": vpcID})
		},
	},
})
