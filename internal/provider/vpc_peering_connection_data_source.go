package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcPeeringDataSourceModel struct {
	searchCriteria
	Status          types.String `tfsdk:"status"`
	VPCID           types.String `tfsdk:"vpc_id"`
	OwnerID         types.String `tfsdk:"owner_id"`
	RequesterRegion types.String `tfsdk:"requester_region"`
	PeerVPCID       types.String `tfsdk:"peer_vpc_id"`
	PeerOwnerID     types.String `tfsdk:"peer_owner_id"`
	PeerRegion      types.String `tfsdk:"peer_region"`
	Accepter        types.Map    `tfsdk:"accepter"`
	Requester       types.Map    `tfsdk:"requester"`
}

// peeringCriteria are the lookup's criteria: the engine's filter, and the
// sides' owners and regions, matched here.
type peeringCriteria struct {
	cloud.VPCPeeringConnectionFilter
	vpcID, peerVPCID, ownerID, peerOwnerID, requesterRegion, peerRegion string
}

// matches reports whether a connection has each side that the criteria
// name ("" matches any).
func (f peeringCriteria) matches(p cloud.VPCPeeringConnection) bool {
	for _, pair := range [][2]string{{f.vpcID, p.RequesterVPCID}, {f.peerVPCID, p.AccepterVPCID}, {f.ownerID, p.RequesterOwnerID},
		{f.peerOwnerID, p.AccepterOwnerID}, {f.requesterRegion, p.RequesterRegion}, {f.peerRegion, p.AccepterRegion}} {
		if pair[0] != "" && pair[0] != pair[1] {
			return false
		}
	}
	return true
}

func peeringOptionsMap(allow bool) types.Map {
	return types.MapValueMust(types.BoolType, map[string]attr.Value{"allow_remote_vpc_dns_resolution": types.BoolValue(allow)})
}

var vpcPeeringLookup = lookupKind[vpcPeeringDataSourceModel, cloud.VPCPeeringConnection, peeringCriteria]{
	kind: cloud.KindVPCPeeringConnection,
	description: "Looks up one VPC peering connection that this account and region is a side of, as the `aws_vpc_peering_connection` data source does: " +
		"by ID, status, either side's VPC, account and region, tags, `filter` blocks (`accepter-vpc-info.vpc-id`, `status-code`, `tag:Name`, ...), " +
		"or any combination of them. Exactly one must match.",
	attributes: map[string]schema.Attribute{
		"status":           optionalComputed("The connection's status: `pending-acceptance` or `active`."),
		"vpc_id":           lookupCriterion(cloud.KindVPC, "The requester's VPC."),
		"owner_id":         optionalComputed("The requester's account."),
		"requester_region": optionalComputed("The requester's region."),
		"peer_vpc_id":      lookupCriterion(cloud.KindVPC, "The accepter's VPC."),
		"peer_owner_id":    optionalComputed("The accepter's account."),
		"peer_region":      optionalComputed("The accepter's region."),
		"accepter": schema.MapAttribute{Computed: true, ElementType: types.BoolType,
			MarkdownDescription: "The accepter's options: `allow_remote_vpc_dns_resolution`."},
		"requester": schema.MapAttribute{Computed: true, ElementType: types.BoolType,
			MarkdownDescription: "The requester's options: `allow_remote_vpc_dns_resolution`."},
	},
	filter: func(m *vpcPeeringDataSourceModel, tags map[string]string, _ *diag.Diagnostics) peeringCriteria {
		return peeringCriteria{VPCPeeringConnectionFilter: cloud.VPCPeeringConnectionFilter{ID: m.ID.ValueString(), Status: m.Status.ValueString(), Tags: tags},
			vpcID: m.VPCID.ValueString(), peerVPCID: m.PeerVPCID.ValueString(), ownerID: m.OwnerID.ValueString(), peerOwnerID: m.PeerOwnerID.ValueString(),
			requesterRegion: m.RequesterRegion.ValueString(), peerRegion: m.PeerRegion.ValueString()}
	},
	find: func(c *cloud.Client, ctx context.Context, f peeringCriteria) ([]cloud.VPCPeeringConnection, error) {
		all, err := c.VPCPeerings(ctx, f.VPCPeeringConnectionFilter)
		var found []cloud.VPCPeeringConnection
		for _, p := range all {
			if f.matches(p) {
				found = append(found, p)
			}
		}
		return found, err
	},
	filters: filtersOf[cloud.VPCPeeringConnection](),
	id:      func(p cloud.VPCPeeringConnection) string { return p.ID },
	fill: func(m *vpcPeeringDataSourceModel, p cloud.VPCPeeringConnection, _ *diag.Diagnostics) {
		m.Status, m.VPCID, m.OwnerID = types.StringValue(p.Status), types.StringValue(p.RequesterVPCID), types.StringValue(p.RequesterOwnerID)
		m.RequesterRegion, m.PeerVPCID = types.StringValue(p.RequesterRegion), types.StringValue(p.AccepterVPCID)
		m.PeerOwnerID, m.PeerRegion = types.StringValue(p.AccepterOwnerID), types.StringValue(p.AccepterRegion)
		m.Accepter, m.Requester = peeringOptionsMap(p.AccepterAllowDNS), peeringOptionsMap(p.RequesterAllowDNS)
	},
	tagsOf: func(p cloud.VPCPeeringConnection) map[string]string { return p.Tags },
}
