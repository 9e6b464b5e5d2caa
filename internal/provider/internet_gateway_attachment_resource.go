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

type internetGatewayAttachmentModel struct {
	objectID
	InternetGatewayID types.String `tfsdk:"internet_gateway_id"`
	VPCID             types.String `tfsdk:"vpc_id"`
}

// Every argument replaces the attachment, so it is never updated.
var internetGatewayAttachmentKind = resourceKind[internetGatewayAttachmentModel, cloud.InternetGatewayAttachment]{
	typeName: "_internet_gateway_attachment",
	schema: schema.Schema{
		MarkdownDescription: "Attaches an internet gateway to a VPC, as `aws_internet_gateway_attachment` does: the alternative to setting `vpc_id` on `simcloud_internet_gateway`.",
		Attributes: map[string]schema.Attribute{
			"id":                  computedID("`<internet_gateway_id>:<vpc_id>`."),
			"internet_gateway_id": replacingReference(cloud.KindInternetGateway, "The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment."),
			"vpc_id":              replacingReference(cloud.KindVPC, "The VPC to attach it to. The VPC must have no internet gateway yet. Changing it replaces the attachment."),
		},
	},
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
		err := c.DetachInternetGateway(ctx, state.InternetGatewayID.ValueString(), state.VPCID.ValueString())
		if cloud.ErrorCode(err) == "Gateway.NotAttached" {
			return nil
		}
		return err
	},
	// Undoing the attachment takes the gateway out of its VPC's way.
	removing: func(state *internetGatewayAttachmentModel) []string {
		return []string{state.InternetGatewayID.ValueString()}
	},
	check: func(ctx context.Context, d *providerData, p planStep[internetGatewayAttachmentModel]) error {
		want := cloud.InternetGatewayAttachment{
			InternetGatewayID: plannedID(p.plan.InternetGatewayID, cloud.KindInternetGateway),
			VPCID:             plannedID(p.plan.VPCID, cloud.KindVPC),
		}
		stateID, replaces := "", cloud.InternetGatewayAttachment{}
		if p.state != nil {
			stateID = p.state.ID.ValueString()
			replaces = cloud.InternetGatewayAttachment{InternetGatewayID: p.state.InternetGatewayID.ValueString(), VPCID: p.state.VPCID.ValueString()}
		}
		key := "simcloud_internet_gateway_attachment|" + cloud.InternetGatewayAttachmentID(want.InternetGatewayID, want.VPCID)
		description := fmt.Sprintf("the simcloud_internet_gateway_attachment planned in this configuration for %s and %s", want.InternetGatewayID, want.VPCID)
		return d.checkPlanned(key, description, stateID, changeOf(replaces != want, true), func(holder cloud.Holder, _ string) error {
			return d.client.CheckInternetGatewayAttachment(ctx, d.plan, holder, want, replaces)
		})
	},
	fill: func(m *internetGatewayAttachmentModel, a cloud.InternetGatewayAttachment, _ *diag.Diagnostics) {
		m.ID = types.StringValue(cloud.InternetGatewayAttachmentID(a.InternetGatewayID, a.VPCID))
	},
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		igwID, vpcID, err := cloud.ParseInternetGatewayAttachmentID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "internet_gateway_id": igwID, "vpc_id": vpcID})
	},
}
