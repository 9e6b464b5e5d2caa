package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcIPv4CIDRBlockAssociationModel struct {
	objectID
	VPCID             types.String `tfsdk:"vpc_id"`
	CIDRBlock         types.String `tfsdk:"cidr_block"`
	IPv4IPAMPoolID    types.String `tfsdk:"ipv4_ipam_pool_id"`
	IPv4NetmaskLength types.Int64  `tfsdk:"ipv4_netmask_length"`
}

// Every argument replaces the association, so it is never updated.
var vpcIPv4CIDRBlockAssociationKind = resourceKind[vpcIPv4CIDRBlockAssociationModel, cloud.VPCCIDRBlockAssociation]{
	kind: cloud.KindVPCCIDRAssociation,
	schema: schema.Schema{
		MarkdownDescription: "Gives a VPC a secondary IPv4 block, as `aws_vpc_ipv4_cidr_block_association` does: subnets may then take their blocks from it, " +
			"and every route table of the VPC gets a local route for it.",
		Attributes: map[string]schema.Attribute{
			"vpc_id": replacingReference(cloud.KindVPC, "The VPC. Changing it replaces the association."),
			"cidr_block": optionalComputedReplacing("The block, between /16 and /28, from the range of the VPC's primary block or a publicly routable one (see Rules). "+
				"Changing it replaces the association.", cloudCheck(func(s string) error { _, err := cloud.ParseSecondaryCIDR(s); return err })),
			"ipv4_ipam_pool_id": optionalReplacing("An IPAM pool (`simcloud_vpc_ipam_pool`) to take the block from: `cidr_block` inside the pool when given, "+
				"else the pool's lowest free block of `ipv4_netmask_length` (or of the pool's default). The block goes back to the pool with the association.",
				idCheck(cloud.KindIPAMPool)),
			"ipv4_netmask_length": replacingInt(false, "The size of the block to take from `ipv4_ipam_pool_id`."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcIPv4CIDRBlockAssociationModel]) (cloud.VPCCIDRBlockAssociation, error) {
		if pool := a.plan.IPv4IPAMPoolID.ValueString(); pool != "" {
			block := a.plan.CIDRBlock.ValueString()
			if a.plan.CIDRBlock.IsUnknown() {
				block = ""
			}
			return d.client.AssociatePoolBlock(ctx, cloud.PoolBlockInput{VPCID: a.plan.VPCID.ValueString(), PoolID: pool, CIDR: block,
				NetmaskLength: a.plan.IPv4NetmaskLength.ValueInt64()})
		}
		return d.client.AssociateVPCCIDRBlock(ctx, a.plan.VPCID.ValueString(), a.plan.CIDRBlock.ValueString())
	},
	get:        cloud.Describe[cloud.VPCCIDRBlockAssociation],
	removeByID: (*cloud.Client).DisassociateVPCCIDRBlock,
	check: func(ctx context.Context, d *providerData, p planStep[vpcIPv4CIDRBlockAssociationModel]) error {
		pool := plannedID(p.plan.IPv4IPAMPoolID, cloud.KindIPAMPool)
		// The plan has cidr_block unknown when the configuration leaves it
		// out, as AWS's schema makes it computed for IPAM.
		configured := configuredValue[types.String](ctx, p.config, "cidr_block", p.diags)
		block := ""
		if !configured.IsNull() {
			block = planned(configured)
		}
		if pool != "" {
			// Every argument replaces the association: only a new one
			// takes a block.
			if p.state != nil {
				return nil
			}
			return d.client.CheckAssociatePoolBlock(ctx, d.plan, p.holder, cloud.PoolBlockInput{VPCID: plannedID(p.plan.VPCID, cloud.KindVPC),
				PoolID: pool, CIDR: block, NetmaskLength: p.plan.IPv4NetmaskLength.ValueInt64()})
		}
		if err := cloud.CheckIPAMArguments("ipv4_netmask_length", configuredText(p.plan.IPv4NetmaskLength), "cidr_block", block); err != nil {
			return err
		}
		selfID := ""
		if p.state != nil {
			selfID = p.state.ID.ValueString()
		}
		return d.client.CheckAssociateVPCCIDRBlock(ctx, d.plan, p.holder, plannedID(p.plan.VPCID, cloud.KindVPC), block, selfID)
	},
	fill: func(m *vpcIPv4CIDRBlockAssociationModel, a cloud.VPCCIDRBlockAssociation) {
		m.ID, m.VPCID, m.CIDRBlock = types.StringValue(a.ID), types.StringValue(a.VPCID), types.StringValue(a.CIDRBlock)
	},
}
