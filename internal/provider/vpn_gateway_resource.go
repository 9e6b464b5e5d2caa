package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpnGatewayModel struct {
	taggedObject
	AmazonSideASN    types.String `tfsdk:"amazon_side_asn"`
	ARN              types.String `tfsdk:"arn"`
	AvailabilityZone types.String `tfsdk:"availability_zone"`
	VPCID            types.String `tfsdk:"vpc_id"`
}

var vpnGatewayKind = resourceKind[vpnGatewayModel, cloud.VPNGateway]{
	kind: cloud.KindVPNGateway,
	schema: schema.Schema{
		MarkdownDescription: "A virtual private gateway, with the arguments and attributes of `aws_vpn_gateway`: the VPC's end of site-to-site VPN connections, " +
			"and a route target (`gateway_id`). A VPC has at most one; attaching a second fails at plan with AWS's `InvalidVpcState`.",
		Attributes: map[string]schema.Attribute{
			"amazon_side_asn": optionalComputedReplacing("The BGP ASN of the AWS side: 64512 to 65534, 4200000000 to 4294967294, or 7224, 9059, 10124 or 17493. "+
				"Left out, 64512. Changing it replaces the gateway.", cloudCheck(cloud.ValidateAmazonSideASN)),
			"arn":               computedID("The gateway's ARN."),
			"availability_zone": optionalReplacing("The availability zone of the gateway, one of the region's. Changing it replaces the gateway."),
			"vpc_id":            gatewayVPCArgument("simcloud_vpn_gateway_attachment"),
		},
	},
	updateOp: "AttachVpnGateway",
	create: func(d *providerData, ctx context.Context, a applyStep[vpnGatewayModel]) (cloud.VPNGateway, error) {
		return d.client.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: a.plan.VPCID.ValueString(), AvailabilityZone: a.plan.AvailabilityZone.ValueString(),
			AmazonSideASN: a.plan.AmazonSideASN.ValueString(), Tags: a.tags})
	},
	get: cloud.Describe[cloud.VPNGateway],
	update: func(d *providerData, ctx context.Context, a applyStep[vpnGatewayModel]) (cloud.VPNGateway, error) {
		return d.client.UpdateVPNGateway(ctx, a.plan.ID.ValueString(), a.plan.VPCID.ValueString(), a.tags)
	},
	removeByID: (*cloud.Client).DetachAndDeleteVPNGateway,
	check:      checkVPNGateway,
	fill: func(m *vpnGatewayModel, g cloud.VPNGateway) {
		m.ID = types.StringValue(g.ID)
		m.ARN = types.StringValue(g.ARN())
		m.AmazonSideASN = types.StringValue(g.AmazonSideASN)
		m.AvailabilityZone = optionalFromCloud(m.AvailabilityZone, g.AvailabilityZone)
		m.VPCID = types.StringValue(g.VPCID)
	},
	tagsOf: func(g cloud.VPNGateway) map[string]string { return g.Tags },
}

func checkVPNGateway(ctx context.Context, d *providerData, p planStep[vpnGatewayModel]) error {
	configVPC := configuredValue[types.String](ctx, p.config, "vpc_id", p.diags)
	configASN := configuredValue[types.String](ctx, p.config, "amazon_side_asn", p.diags)
	in := cloud.VPNGatewayInput{AvailabilityZone: planned(p.plan.AvailabilityZone), AmazonSideASN: planned(p.plan.AmazonSideASN), Tags: p.tags}
	stateID, stateVPC, change := "", "", unchanged
	if p.state == nil {
		if p.plan.AmazonSideASN.IsUnknown() {
			p.plan.AmazonSideASN = types.StringValue(cloud.DefaultAmazonSideASN)
		}
		if configVPC.IsNull() {
			// Created detached: nothing will attach it in this step.
			p.plan.VPCID = types.StringValue("")
		}
	} else {
		stateID, stateVPC = p.state.ID.ValueString(), p.state.VPCID.ValueString()
		replacing := !p.plan.AmazonSideASN.Equal(p.state.AmazonSideASN) || !p.plan.AvailabilityZone.Equal(p.state.AvailabilityZone) ||
			!p.plan.Region.Equal(p.state.Region)
		change = changeOf(replacing, p.plan.VPCID.Equal(p.state.VPCID) && p.plan.TagsAll.Equal(p.state.TagsAll))
	}
	// Without vpc_id in the configuration the attribute only reports where
	// the gateway is, and this resource claims no VPC.
	if !configVPC.IsNull() {
		in.VPCID = plannedID(p.plan.VPCID, cloud.KindVPC)
	}
	// The configuration's own values name what a replacement plans in the
	// gateway's place, the same in both of Terraform's plannings of it.
	key := strings.Join([]string{"simcloud_vpn_gateway", in.VPCID, in.AvailabilityZone, configASN.ValueString()}, "|")
	description := "the simcloud_vpn_gateway planned in this configuration with vpc_id " + in.VPCID
	return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
		return d.client.CheckVPNGateway(ctx, d.plan, holder, in, selfID, stateVPC)
	})
}
