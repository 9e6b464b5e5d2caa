package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcPeeringOptionsModel struct {
	objectID
	VPCPeeringConnectionID types.String `tfsdk:"vpc_peering_connection_id"`
	Accepter               types.List   `tfsdk:"accepter"`
	Requester              types.List   `tfsdk:"requester"`
}

// The options of an active connection, apart from the resources that make
// and accept it; destroying it leaves the options as they are, as the AWS
// provider's does.
var vpcPeeringOptionsKind = resourceKind[vpcPeeringOptionsModel, peeringSeen]{
	typeName:   "_vpc_peering_connection_options",
	kind:       cloud.KindVPCPeeringConnection,
	createOp:   "ModifyVpcPeeringConnectionOptions",
	updateOp:   "ModifyVpcPeeringConnectionOptions",
	describeOp: "DescribeVpcPeeringConnections",
	schema: schema.Schema{
		MarkdownDescription: "The options of a VPC peering connection, with the arguments of `aws_vpc_peering_connection_options`. The connection must be active " +
			"(`OperationNotPermitted` at plan otherwise); between two accounts or regions, each side's options are set by a configuration of that side's account and region.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The connection's ID, `pcx-` followed by 17 hexadecimal digits."),
			"vpc_peering_connection_id": replacingReference(cloud.KindVPCPeeringConnection,
				"The connection whose options these are. Changing it replaces the resource."),
		},
		Blocks: map[string]schema.Block{"accepter": peeringOptionsBlock("accepter"), "requester": peeringOptionsBlock("requester")},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringOptionsModel]) (peeringSeen, error) {
		return a.plan.change(ctx, d.client, a.plan.VPCPeeringConnectionID.ValueString())
	},
	update: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringOptionsModel]) (peeringSeen, error) {
		return a.plan.change(ctx, d.client, a.plan.ID.ValueString())
	},
	get: vpcPeeringKind.get,
	check: func(ctx context.Context, d *providerData, p planStep[vpcPeeringOptionsModel]) error {
		id := plannedID(p.plan.VPCPeeringConnectionID, cloud.KindVPCPeeringConnection)
		return d.client.CheckPeeringChange(ctx, d.plan, p.holder, id, cloud.PeeringChange{AccepterAllowDNS: peeringOption(p.plan.Accepter), RequesterAllowDNS: peeringOption(p.plan.Requester)})
	},
	fillReporting: func(m *vpcPeeringOptionsModel, p peeringSeen, diags *diag.Diagnostics) {
		m.ID, m.VPCPeeringConnectionID = types.StringValue(p.ID), types.StringValue(p.ID)
		m.Accepter = peeringOptionsValue(m.Accepter, p.AccepterAllowDNS, diags)
		m.Requester = peeringOptionsValue(m.Requester, p.RequesterAllowDNS, diags)
	},
	importState: importPeeringByID,
}

func (m vpcPeeringOptionsModel) change(ctx context.Context, c *cloud.Client, id string) (peeringSeen, error) {
	p, err := c.ChangePeering(ctx, id, cloud.PeeringChange{AccepterAllowDNS: peeringOption(m.Accepter), RequesterAllowDNS: peeringOption(m.Requester)})
	return seenBy(c, p, err)
}
