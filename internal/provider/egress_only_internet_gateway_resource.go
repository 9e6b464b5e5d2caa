package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type egressOnlyInternetGatewayModel struct {
	taggedObject
	VPCID types.String `tfsdk:"vpc_id"`
}

var egressOnlyInternetGatewayKind = resourceKind[egressOnlyInternetGatewayModel, cloud.EgressOnlyInternetGateway]{
	kind: cloud.KindEgressOnlyInternetGateway,
	schema: schema.Schema{
		MarkdownDescription: "An egress-only internet gateway, with the arguments and attributes of `aws_egress_only_internet_gateway`: " +
			"it lets IPv6 traffic out of a VPC and nothing in.",
		Attributes: map[string]schema.Attribute{
			"vpc_id": replacingReference(cloud.KindVPC, "The VPC the gateway serves. Changing it replaces the gateway."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[egressOnlyInternetGatewayModel]) (cloud.EgressOnlyInternetGateway, error) {
		return d.client.CreateEgressOnlyInternetGateway(ctx, a.plan.VPCID.ValueString(), a.tags)
	},
	get:        cloud.Describe[cloud.EgressOnlyInternetGateway],
	setTags:    cloud.ReplaceTags[cloud.EgressOnlyInternetGateway],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[egressOnlyInternetGatewayModel]) error {
		return d.client.CheckEgressOnlyInternetGateway(ctx, d.plan, p.holder, plannedID(p.plan.VPCID, cloud.KindVPC), p.tags)
	},
	fill: func(m *egressOnlyInternetGatewayModel, g cloud.EgressOnlyInternetGateway) {
		m.ID = types.StringValue(g.ID)
		m.VPCID = types.StringValue(g.VPCID)
	},
	tagsOf: func(g cloud.EgressOnlyInternetGateway) map[string]string { return g.Tags },
}
