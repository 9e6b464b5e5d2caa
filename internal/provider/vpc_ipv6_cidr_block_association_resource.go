package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcIPv6CIDRBlockAssociationModel struct {
	objectID
	VPCID                           types.String `tfsdk:"vpc_id"`
	AssignGeneratedIPv6CIDRBlock    types.Bool   `tfsdk:"assign_generated_ipv6_cidr_block"`
	IPv6CIDRBlock                   types.String `tfsdk:"ipv6_cidr_block"`
	IPv6IPAMPoolID                  types.String `tfsdk:"ipv6_ipam_pool_id"`
	IPv6NetmaskLength               types.Int64  `tfsdk:"ipv6_netmask_length"`
	IPv6Pool                        types.String `tfsdk:"ipv6_pool"`
	IPv6CIDRBlockNetworkBorderGroup types.String `tfsdk:"ipv6_cidr_block_network_border_group"`
	IPSource                        types.String `tfsdk:"ip_source"`
	IPv6AddressAttribute            types.String `tfsdk:"ipv6_address_attribute"`
}

// Every argument replaces the association, so it is never updated.
var vpcIPv6CIDRBlockAssociationKind = resourceKind[vpcIPv6CIDRBlockAssociationModel, cloud.VPCCIDRBlockAssociation]{
	typeName: "_vpc_ipv6_cidr_block_association",
	kind:     cloud.KindVPCCIDRAssociation,
	schema: schema.Schema{
		MarkdownDescription: "Gives a VPC one more Amazon-provided /56 IPv6 block, as `aws_vpc_ipv6_cidr_block_association` does: subnets may take /64s from it, " +
			"and every route table of the VPC gets a local route for it.",
		Attributes: map[string]schema.Attribute{
			"vpc_id": replacingReference(cloud.KindVPC, "The VPC. Changing it replaces the association."),
			"assign_generated_ipv6_cidr_block": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Whether to take an Amazon-provided /56, drawn from `2001:db8::/32` in the simulated cloud. " +
					"It must be `true`: the simulated cloud has no other source of IPv6 blocks. Changing it replaces the association.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
			},
			"ipv6_cidr_block":                      optionalComputedReplacing("The block the VPC got. Giving one fails at plan with `UnsupportedOperation`: it needs a pool of your own."),
			"ipv6_pool":                            optionalComputedReplacing("The pool the block came from: `Amazon`. Another fails at plan with `UnsupportedOperation`."),
			"ipv6_cidr_block_network_border_group": optionalComputedReplacing("Where AWS advertises the block: the region's name. Another fails at plan with `InvalidParameterValue`."),
			"ipv6_ipam_pool_id":                    optionalReplacing("An IPAM pool to allocate the block from. Only a new VPC (`simcloud_vpc`) takes its blocks from an IPAM pool in the simulated cloud: setting it fails at plan with `UnsupportedOperation`."),
			"ipv6_netmask_length": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "The size of the block to allocate from `ipv6_ipam_pool_id`; refused with it.",
				PlanModifiers:       replaceInt64OnChange,
			},
			"ip_source":              computedID("Where the block's addresses come from: `amazon`."),
			"ipv6_address_attribute": computedID("Whether the block's addresses are advertised to the internet: `public`."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcIPv6CIDRBlockAssociationModel]) (cloud.VPCCIDRBlockAssociation, error) {
		return d.client.AssociateVPCIPv6Block(ctx, a.plan.VPCID.ValueString())
	},
	get:        cloud.Describe[cloud.VPCCIDRBlockAssociation],
	removeByID: (*cloud.Client).DisassociateVPCCIDRBlock,
	check: func(ctx context.Context, d *providerData, p planStep[vpcIPv6CIDRBlockAssociationModel]) error {
		set := configuredArguments(ctx, p.config, p.diags, "assign_generated_ipv6_cidr_block", "ipv6_cidr_block", "ipv6_pool",
			"ipv6_ipam_pool_id", "ipv6_netmask_length", "ipv6_cidr_block_network_border_group")
		if err := d.client.CheckIPv6BlockArguments(set); err != nil {
			return err
		}
		selfID := ""
		if p.state != nil {
			selfID = p.state.ID.ValueString()
		}
		return d.client.CheckAssociateVPCIPv6Block(ctx, d.plan, p.holder, plannedID(p.plan.VPCID, cloud.KindVPC), selfID)
	},
	fill: func(m *vpcIPv6CIDRBlockAssociationModel, a cloud.VPCCIDRBlockAssociation) {
		m.ID, m.VPCID, m.IPv6CIDRBlock = types.StringValue(a.ID), types.StringValue(a.VPCID), types.StringValue(a.CIDRBlock)
		m.AssignGeneratedIPv6CIDRBlock, m.IPv6Pool = types.BoolValue(true), types.StringValue(cloud.AmazonIPv6Pool)
		m.IPv6CIDRBlockNetworkBorderGroup = types.StringValue(a.Region)
		m.IPSource, m.IPv6AddressAttribute = types.StringValue("amazon"), types.StringValue("public")
	},
}

// configuredText is a configured value as text for a check of which
// arguments are set: "" when null, cloud.Unknown when known only after
// apply.
