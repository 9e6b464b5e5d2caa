package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type internetGatewayResourceModel struct {
	taggedObject
	vpcObject
}

var internetGatewayKind = resourceKind[internetGatewayResourceModel, cloud.InternetGateway]{
	kind: cloud.KindInternetGateway,
	schema: schema.Schema{
		MarkdownDescription: "An internet gateway, with the arguments and attributes of `aws_internet_gateway`: a VPC's door to the internet. " +
			"A VPC has at most one; attaching a second fails at plan with AWS's `InvalidParameterValue`.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The gateway's ARN."),
			"owner_id": computedID("The ID of the account that owns the gateway."),
			"vpc_id":   gatewayVPCArgument("simcloud_internet_gateway_attachment"),
		},
	},
	updateOp: "ModifyInternetGateway",
	create: func(d *providerData, ctx context.Context, a applyStep[internetGatewayResourceModel]) (cloud.InternetGateway, error) {
		return d.client.CreateInternetGateway(ctx, a.plan.VPCID.ValueString(), a.tags)
	},
	get: (*cloud.Client).InternetGateway,
	update: func(d *providerData, ctx context.Context, a applyStep[internetGatewayResourceModel]) (cloud.InternetGateway, error) {
		return d.client.UpdateInternetGateway(ctx, a.plan.ID.ValueString(), a.plan.VPCID.ValueString(), a.tags)
	},
	removeByID: (*cloud.Client).DetachAndDeleteInternetGateway,
	check:      checkInternetGateway,
	fill: func(m *internetGatewayResourceModel, igw cloud.InternetGateway) {
		m.ID = types.StringValue(igw.ID)
		m.readVPCObject(igw.ARN(), igw.OwnerID, igw.VPCID)
	},
	tagsOf: func(igw cloud.InternetGateway) map[string]string { return igw.Tags },
	advise: func(ctx context.Context, d *providerData, igw cloud.InternetGateway, diags *diag.Diagnostics) {
		d.advise(ctx, igw.ID, diags)
	},
}

func checkInternetGateway(ctx context.Context, d *providerData, p planStep[internetGatewayResourceModel]) error {
	d.checkTags(ctx, p.plan.Tags, p.diags)
	configVPC := configuredValue[types.String](ctx, p.config, "vpc_id", p.diags)
	if p.state == nil && configVPC.IsNull() {
		// Created detached: nothing will attach it in this step.
		p.plan.VPCID = types.StringValue("")
	}
	want, replaces := cloud.InternetGatewayAttachment{VPCID: p.plan.VPCID.ValueString()}, cloud.InternetGatewayAttachment{}
	if p.state != nil {
		want.InternetGatewayID = p.state.ID.ValueString()
		replaces = cloud.InternetGatewayAttachment{InternetGatewayID: p.state.ID.ValueString(), VPCID: p.state.VPCID.ValueString()}
	}
	// Without vpc_id in the configuration the attribute only reports where
	// the gateway is (attached by a simcloud_internet_gateway_attachment, say),
	// and this resource claims nothing.
	if configVPC.IsNull() || p.plan.VPCID.IsUnknown() || want.VPCID == "" {
		return nil
	}
	holder := p.holder
	if p.state == nil {
		holder = d.plan.NewHolderNamed("the simcloud_internet_gateway planned in this configuration with vpc_id " + want.VPCID)
	}
	return d.client.CheckInternetGatewayAttachment(ctx, d.plan, holder, want, replaces)
}
