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

var internetGatewayAttachmentKind = gatewayAttachmentKind[cloud.InternetGateway](
	objectLink[internetGatewayAttachmentModel, attachedGateway]{
		description:   "Attaches an internet gateway to a VPC, as `aws_internet_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_internet_gateway`.",
		idDescription: "`<internet_gateway_id>:<vpc_id>`.",
		ends: func(m *internetGatewayAttachmentModel) (types.String, types.String) {
			return m.InternetGatewayID, m.VPCID
		},
		checkLink: func(ctx context.Context, d *providerData, c linkCheck) error {
			return d.client.CheckInternetGatewayAttachment(ctx, d.plan, c.holder,
				cloud.InternetGatewayAttachment{InternetGatewayID: c.first, VPCID: c.second},
				cloud.InternetGatewayAttachment{InternetGatewayID: c.wasFirst, VPCID: c.wasSecond})
		},
		resourceKind: resourceKind[internetGatewayAttachmentModel, attachedGateway]{
			typeName:   "_internet_gateway_attachment",
			createOp:   "AttachInternetGateway",
			describeOp: "DescribeInternetGateways",
			deleteOp:   "DetachInternetGateway",
			importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
				igwID, vpcID, err := cloud.ParseInternetGatewayAttachmentID(req.ID)
				importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "internet_gateway_id": igwID, "vpc_id": vpcID})
			},
		},
	},
	gatewayAttachment{attribute: "internet_gateway_id", kind: cloud.KindInternetGateway, noun: "internet gateway",
		attach: (*cloud.Client).AttachInternetGateway, detach: (*cloud.Client).DetachInternetGateway,
		goneCodes: []string{"Gateway.NotAttached"}, id: cloud.InternetGatewayAttachmentID})
