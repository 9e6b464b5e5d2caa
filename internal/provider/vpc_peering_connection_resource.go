package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcPeeringModel struct {
	taggedObject
	VPCID        types.String `tfsdk:"vpc_id"`
	PeerVPCID    types.String `tfsdk:"peer_vpc_id"`
	PeerOwnerID  types.String `tfsdk:"peer_owner_id"`
	PeerRegion   types.String `tfsdk:"peer_region"`
	AutoAccept   types.Bool   `tfsdk:"auto_accept"`
	AcceptStatus types.String `tfsdk:"accept_status"`
	Accepter     types.List   `tfsdk:"accepter"`
	Requester    types.List   `tfsdk:"requester"`
}

// peeringSeen is a connection as the client that read it sees it: the AWS
// provider shows the accepter's account its own VPC as vpc_id.
type peeringSeen struct {
	cloud.VPCPeeringConnection
	from cloud.Scope
}

// seenBy wraps the result of a read or change of a connection by c.
func seenBy(c *cloud.Client, p cloud.VPCPeeringConnection, err error) (peeringSeen, error) {
	return peeringSeen{VPCPeeringConnection: p, from: c.Scope()}, err
}

// sides are the connection's VPCs, owners and regions as the AWS provider
// reads them: the accepter's, as its own, only to an account that accepted
// a request from another account.
func (p peeringSeen) sides() (vpcID, peerVPCID, peerOwnerID, peerRegion string) {
	if p.from.AccountID == p.AccepterOwnerID && p.from.AccountID != p.RequesterOwnerID {
		return p.AccepterVPCID, p.RequesterVPCID, p.RequesterOwnerID, p.AccepterRegion
	}
	return p.RequesterVPCID, p.AccepterVPCID, p.AccepterOwnerID, p.AccepterRegion
}

var peeringOptionsType = types.ObjectType{AttrTypes: map[string]attr.Type{"allow_remote_vpc_dns_resolution": types.BoolType}}

// peeringOptionsBlock is the accepter or requester block of the peering
// resources: the options of that side, as AWS's 6.x provider has them
// (ClassicLink's are gone with EC2-Classic).
func peeringOptionsBlock(side string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "The options of the " + side + "'s side, set once the connection is active (`OperationNotPermitted` at plan while it waits for acceptance). " +
			"Between two accounts or regions each side's owner sets its own side's options.",
		Validators: []validator.List{listvalidator.SizeAtMost(1)},
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"allow_remote_vpc_dns_resolution": optionalBool(false,
				"Whether the "+side+"'s VPC resolves the public DNS hostnames of the other VPC's instances to their private addresses."),
		}},
	}
}

// peeringOption reads a side's block: nil where the block is left out (or
// unknown), so that the side's options are left as they are.
func peeringOption(block types.List) *bool {
	if block.IsNull() || block.IsUnknown() || len(block.Elements()) == 0 {
		return nil
	}
	obj, ok := block.Elements()[0].(types.Object)
	if !ok || obj.IsUnknown() {
		return nil
	}
	allow, _ := obj.Attributes()["allow_remote_vpc_dns_resolution"].(types.Bool)
	if allow.IsUnknown() {
		return nil
	}
	v := allow.ValueBool()
	return &v
}

// peeringOptionsValue is a side's block as the cloud has it: shown only
// where the model already has the block, so that leaving it out plans no
// change (an import of the resources whose blocks are what they manage
// starts with both blocks).
func peeringOptionsValue(current types.List, allow bool, diags *diag.Diagnostics) types.List {
	var elements []attr.Value
	if len(current.Elements()) > 0 {
		obj, ds := types.ObjectValue(peeringOptionsType.AttrTypes, map[string]attr.Value{"allow_remote_vpc_dns_resolution": types.BoolValue(allow)})
		diags.Append(ds...)
		elements = append(elements, obj)
	}
	list, ds := types.ListValue(peeringOptionsType, elements)
	diags.Append(ds...)
	return list
}

// changeOfPeering is what a plan asks of an existing connection: its
// acceptance where auto_accept is set, the options of the blocks, the tags.
func changeOfPeering(autoAccept types.Bool, accepter, requester types.List, tags map[string]string) cloud.PeeringChange {
	return cloud.PeeringChange{Accept: autoAccept.ValueBool(), AccepterAllowDNS: peeringOption(accepter), RequesterAllowDNS: peeringOption(requester), Tags: tags}
}

// The VPCs, the peer's account and region replace the connection; the
// options, auto_accept and tags change in place.
var vpcPeeringKind = resourceKind[vpcPeeringModel, peeringSeen]{
	kind: cloud.KindVPCPeeringConnection,
	schema: schema.Schema{
		MarkdownDescription: "A VPC peering connection, with the arguments and attributes of `aws_vpc_peering_connection`: a request from `vpc_id` to `peer_vpc_id`, " +
			"which may be of another account (`peer_owner_id`) or region (`peer_region`) of the same simulated cloud. It is `pending-acceptance` until the " +
			"peer's owner accepts it (`simcloud_vpc_peering_connection_accepter`), or `active` at once with `auto_accept` within one account and region.",
		Attributes: map[string]schema.Attribute{
			"vpc_id":      replacingReference(cloud.KindVPC, "The requester's VPC, of this account and region. Changing it replaces the connection."),
			"peer_vpc_id": replacingReference(cloud.KindVPC, "The accepter's VPC. Its IPv4 blocks may not overlap the requester's (`InvalidParameterValue` at plan). Changing it replaces the connection."),
			"peer_owner_id": optionalComputedReplacing("The account that owns the peer VPC; this account when left out. Changing it replaces the connection.",
				cloudCheck(cloud.ValidateAccountID)),
			"peer_region": optionalComputedReplacing("The region of the peer VPC; this region when left out. Changing it replaces the connection.",
				cloudCheck(cloud.ValidateRegion)),
			"auto_accept": schema.BoolAttribute{Optional: true,
				MarkdownDescription: "Accept the request at once, which only works within one account and region, as in AWS (`OperationNotPermitted` at plan otherwise)."},
			"accept_status": computedValue("`pending-acceptance` or `active`, as of the last refresh."),
		},
		Blocks: map[string]schema.Block{"accepter": peeringOptionsBlock("accepter"), "requester": peeringOptionsBlock("requester")},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringModel]) (peeringSeen, error) {
		p, err := d.client.CreateVPCPeering(ctx, a.plan.input(a.tags))
		return seenBy(d.client, p, err)
	},
	update: func(d *providerData, ctx context.Context, a applyStep[vpcPeeringModel]) (peeringSeen, error) {
		p, err := d.client.ChangePeering(ctx, a.plan.ID.ValueString(), changeOfPeering(a.plan.AutoAccept, a.plan.Accepter, a.plan.Requester, a.tags))
		return seenBy(d.client, p, err)
	},
	get: func(c *cloud.Client, ctx context.Context, id string) (peeringSeen, error) {
		p, err := c.VPCPeering(ctx, id)
		return seenBy(c, p, err)
	},
	setTags: func(c *cloud.Client, ctx context.Context, id string, tags map[string]string) (peeringSeen, error) {
		p, err := c.ChangePeering(ctx, id, cloud.PeeringChange{Tags: tags})
		return seenBy(c, p, err)
	},
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[vpcPeeringModel]) error {
		// Left out, the peer's account and region are this provider's:
		// known at plan.
		scope := d.client.Scope()
		if configuredValue[types.String](ctx, p.config, "peer_owner_id", p.diags).IsNull() && p.plan.PeerOwnerID.IsUnknown() {
			p.plan.PeerOwnerID = types.StringValue(scope.AccountID)
		}
		if configuredValue[types.String](ctx, p.config, "peer_region", p.diags).IsNull() && p.plan.PeerRegion.IsUnknown() {
			p.plan.PeerRegion = types.StringValue(scope.Region)
		}
		if p.state == nil {
			in := p.plan.input(p.tags)
			if in.AutoAccept && p.plan.PeerOwnerID.ValueString() == scope.AccountID && p.plan.PeerRegion.ValueString() == scope.Region {
				p.plan.AcceptStatus = types.StringValue(cloud.PeeringActive)
			} else if !in.AutoAccept {
				p.plan.AcceptStatus = types.StringValue(cloud.PeeringPendingAcceptance)
			}
			return d.client.CheckVPCPeering(ctx, d.plan, p.holder, in)
		}
		if !p.plan.AutoAccept.ValueBool() {
			p.plan.AcceptStatus = p.state.AcceptStatus
		}
		return d.client.CheckPeeringChange(ctx, d.plan, p.holder, p.state.ID.ValueString(),
			changeOfPeering(p.plan.AutoAccept, p.plan.Accepter, p.plan.Requester, p.tags))
	},
	fillReporting: func(m *vpcPeeringModel, p peeringSeen, diags *diag.Diagnostics) {
		vpcID, peerVPCID, peerOwnerID, peerRegion := p.sides()
		m.ID, m.VPCID, m.PeerVPCID = types.StringValue(p.ID), types.StringValue(vpcID), types.StringValue(peerVPCID)
		m.PeerOwnerID, m.PeerRegion, m.AcceptStatus = types.StringValue(peerOwnerID), types.StringValue(peerRegion), types.StringValue(p.Status)
		m.Accepter = peeringOptionsValue(m.Accepter, p.AccepterAllowDNS, diags)
		m.Requester = peeringOptionsValue(m.Requester, p.RequesterAllowDNS, diags)
	},
	tagsOf: func(p peeringSeen) map[string]string { return p.Tags },
}

// input is the request the model asks for; at plan, values known only
// after apply are cloud.Unknown.
func (m vpcPeeringModel) input(tags map[string]string) cloud.VPCPeeringInput {
	return cloud.VPCPeeringInput{VPCID: plannedID(m.VPCID, cloud.KindVPC), PeerVPCID: plannedID(m.PeerVPCID, cloud.KindVPC),
		PeerOwnerID: planned(m.PeerOwnerID), PeerRegion: planned(m.PeerRegion), AutoAccept: m.AutoAccept.ValueBool(),
		AccepterAllowDNS: peeringOption(m.Accepter), RequesterAllowDNS: peeringOption(m.Requester), Tags: tags}
}
