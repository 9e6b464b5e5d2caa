package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcPeeringAccepterModel struct {
	taggedObject
	VPCPeeringConnectionID types.String `tfsdk:"vpc_peering_connection_id"`
	VPCID                  types.String `tfsdk:"vpc_id"`
	PeerVPCID              types.String `tfsdk:"peer_vpc_id"`
	PeerOwnerID            types.String `tfsdk:"peer_owner_id"`
	PeerRegion             types.String `tfsdk:"peer_region"`
	AutoAccept             types.Bool   `tfsdk:"auto_accept"`
	AcceptStatus           types.String `tfsdk:"accept_status"`
	Accepter               types.List   `tfsdk:"accepter"`
	Requester              types.List   `tfsdk:"requester"`
}

// The accepter's side of a connection: it adopts the connection that
// another configuration (usually of the peer's account) requested, accepts
// it with auto_accept, and sets options and tags; destroying it only
// forgets the connection, as the AWS provider's does.
var vpcPeeringAccepterKind = resourceKind[vpcPeeringAccepterModel, peeringSeen]{
	typeName:   "_vpc_peering_connection_accepter",
	kind:       cloud.KindVPCPeeringConnection,
	createOp:   "AcceptVpcPeeringConnection",
	updateOp:   "ModifyVpcPeeringConnectionOptions",
	describeOp: "DescribeVpcPeeringConnections",
	schema: schema.Schema{
		MarkdownDescription: "The accepter's side of a VPC peering connection, with the arguments and attributes of `aws_vpc_peering_connection_accepter`. " +
			"Configured with a provider of the accepter VPC's account and region, it accepts the request (`auto_accept`), sets options and tags; " +
			"destroying it leaves the connection as it is and only forgets it.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The connection's ID, `pcx-` followed by 17 hexadecimal digits."),
			"vpc_peering_connection_id": replacingReference(cloud.KindVPCPeeringConnection,
				"The connection to accept, seen from this provider's account and region (`InvalidVpcPeeringConnectionID.NotFound` otherwise). Changing it replaces the resource."),
			"auto_accept": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Accept the connection while it is `pending-acceptance`. Only the accepter's account, in the accepter's region, accepts (`OperationNotPermitted` at plan otherwise)."},
			"vpc_id":        computedID("The VPC of this side, as the AWS provider reads it: the accepter's VPC when the requester is another account, else the requester's."),
			"peer_vpc_id":   computedID("The VPC of the other side."),
			"peer_owner_id": computedID("The account of the other side."),
			"peer_region":   computedID("The accepter's region."),
			"accept_status": computedValue("`pending-acceptance` or `active`, as of the last refresh."),
		},
		Blocks: map[string]schema.Block{"accepter": peeringOptionsBlock("accepter"), "requester": peeringOptionsBlock("requester")},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringAccepterModel]) (peeringSeen, error) {
		p, err := d.client.ChangePeering(ctx, a.plan.VPCPeeringConnectionID.ValueString(), changeOfPeering(a.plan.AutoAccept, a.plan.Accepter, a.plan.Requester, a.tags))
		return seenBy(d.client, p, err)
	},
	update: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringAccepterModel]) (peeringSeen, error) {
		p, err := d.client.ChangePeering(ctx, a.plan.ID.ValueString(), changeOfPeering(a.plan.AutoAccept, a.plan.Accepter, a.plan.Requester, a.tags))
		return seenBy(d.client, p, err)
	},
	get: vpcPeeringKind.get,
	setTags: func(c *cloud.Client, ctx context.Context, id string, tags map[string]string) (peeringSeen, error) {
		p, err := c.ChangePeering(ctx, id, cloud.PeeringChange{Tags: tags})
		return seenBy(c, p, err)
	},
	check: func(ctx context.Context, d *providerData, p planStep[vpcPeeringAccepterModel]) error {
		id := plannedID(p.plan.VPCPeeringConnectionID, cloud.KindVPCPeeringConnection)
		if p.state != nil {
			id = p.state.ID.ValueString()
		}
		return d.client.CheckPeeringChange(ctx, d.plan, p.holder, id, changeOfPeering(p.plan.AutoAccept, p.plan.Accepter, p.plan.Requester, p.tags))
	},
	fillReporting: func(m *vpcPeeringAccepterModel, p peeringSeen, diags *diag.Diagnostics) {
		vpcID, peerVPCID, peerOwnerID, peerRegion := p.sides()
		m.ID, m.VPCPeeringConnectionID = types.StringValue(p.ID), types.StringValue(p.ID)
		m.VPCID, m.PeerVPCID = types.StringValue(vpcID), types.StringValue(peerVPCID)
		m.PeerOwnerID, m.PeerRegion, m.AcceptStatus = types.StringValue(peerOwnerID), types.StringValue(peerRegion), types.StringValue(p.Status)
		m.Accepter = peeringOptionsValue(m.Accepter, p.AccepterAllowDNS, diags)
		m.Requester = peeringOptionsValue(m.Requester, p.RequesterAllowDNS, diags)
	},
	tagsOf: func(p peeringSeen) map[string]string { return p.Tags },
	// Imported by the connection's ID, which is also its
	// vpc_peering_connection_id.
	importState: importPeeringByID,
}

// importPeeringByID imports a resource of a connection by the connection's
// ID, into both id and vpc_peering_connection_id, with both options blocks,
// which the read then fills from the cloud.
func importPeeringByID(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindVPCPeeringConnection, req, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("vpc_peering_connection_id"), req.ID)...)
	var diags diag.Diagnostics
	block := peeringOptionsValue(types.ListValueMust(peeringOptionsType, []attr.Value{types.ObjectNull(peeringOptionsType.AttrTypes)}), false, &diags)
	resp.Diagnostics.Append(diags...)
	for _, side := range []string{"accepter", "requester"} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(side), block)...)
	}
}
