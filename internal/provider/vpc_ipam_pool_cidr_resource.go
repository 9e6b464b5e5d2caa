package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type ipamPoolCIDRModel struct {
	objectID
	IPAMPoolID               types.String `tfsdk:"ipam_pool_id"`
	CIDR                     types.String `tfsdk:"cidr"`
	NetmaskLength            types.Int64  `tfsdk:"netmask_length"`
	IPAMPoolCIDRID           types.String `tfsdk:"ipam_pool_cidr_id"`
	CIDRAuthorizationContext types.List   `tfsdk:"cidr_authorization_context"`
}

// input is the CIDR to provision; a cidr still unknown where a netmask
// length is given is the source pool's to choose.
func (m *ipamPoolCIDRModel) input() cloud.IPAMPoolCIDRInput {
	in := cloud.IPAMPoolCIDRInput{PoolID: plannedID(m.IPAMPoolID, cloud.KindIPAMPool), CIDR: planned(m.CIDR), NetmaskLength: m.NetmaskLength.ValueInt64()}
	if m.CIDR.IsUnknown() && !m.NetmaskLength.IsNull() && !m.NetmaskLength.IsUnknown() {
		in.CIDR = ""
	}
	return in
}

var ipamPoolCIDRKind = resourceKind[ipamPoolCIDRModel, cloud.IPAMPoolCIDR]{
	kind: cloud.KindIPAMPoolCIDR,
	schema: schema.Schema{
		MarkdownDescription: "A CIDR provisioned to an IPAM pool, with the arguments and attributes of `aws_vpc_ipam_pool_cidr`. " +
			"A CIDR that overlaps another of the pool fails at plan; deprovisioning one that VPCs (or child pools) have blocks of fails with `DependencyViolation`.",
		Attributes: map[string]schema.Attribute{
			"id":           computedID("`<cidr>_<pool ID>`, as the AWS provider's; the import ID."),
			"ipam_pool_id": replacingReference(cloud.KindIPAMPool, "The pool to provision the CIDR to."),
			"cidr": cidrAttribute(optionalComputedReplacing("The CIDR to provision. Left out, `netmask_length` takes the lowest free block of that length from the pool's source pool.",
				cloudCheck(func(s string) error {
					_, _, err := cloud.ParseIPAMPoolCIDRID(s + "_ipam-pool-0123456789abcdef0")
					return err
				}))),
			"netmask_length":    replacingInt(false, "The length of the block to take from the pool's source pool, instead of `cidr`."),
			"ipam_pool_cidr_id": computedID("The ID of the pool CIDR, `ipam-pool-cidr-` followed by 17 hexadecimal digits."),
		},
		Blocks: map[string]schema.Block{
			"cidr_authorization_context": schema.ListNestedBlock{
				MarkdownDescription: "The signed message that proves a BYOIP CIDR is yours; accepted and kept, not verified.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"message":   optionalReplacing("The plain-text authorization message."),
					"signature": optionalReplacing("The signed authorization message."),
				}},
				PlanModifiers: replaceListOnChange,
			},
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[ipamPoolCIDRModel]) (cloud.IPAMPoolCIDR, error) {
		return d.client.ProvisionIPAMPoolCIDR(ctx, a.plan.input())
	},
	read: func(c *cloud.Client, ctx context.Context, state *ipamPoolCIDRModel) (cloud.IPAMPoolCIDR, error) {
		cidr, pool, err := cloud.ParseIPAMPoolCIDRID(state.ID.ValueString())
		if err != nil {
			return cloud.IPAMPoolCIDR{}, err
		}
		return c.IPAMPoolCIDR(ctx, pool, cidr)
	},
	remove: func(c *cloud.Client, ctx context.Context, state *ipamPoolCIDRModel) error {
		return c.DeprovisionIPAMPoolCIDR(ctx, state.IPAMPoolID.ValueString(), state.CIDR.ValueString())
	},
	// Every argument replaces the CIDR: only a new one is checked.
	check: func(ctx context.Context, d *providerData, p planStep[ipamPoolCIDRModel]) error {
		if p.state != nil {
			return nil
		}
		return d.client.CheckIPAMPoolCIDR(ctx, d.plan, p.holder, p.plan.input())
	},
	fill: func(m *ipamPoolCIDRModel, pc cloud.IPAMPoolCIDR) {
		m.ID = types.StringValue(pc.CIDR + "_" + pc.PoolID)
		m.IPAMPoolID, m.CIDR, m.IPAMPoolCIDRID = types.StringValue(pc.PoolID), cidrFromCloud(m.CIDR, pc.CIDR), types.StringValue(pc.ID)
		if m.CIDRAuthorizationContext.IsUnknown() {
			m.CIDRAuthorizationContext = types.ListNull(m.CIDRAuthorizationContext.ElementType(context.Background()))
		}
	},
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		_, _, err := cloud.ParseIPAMPoolCIDRID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID})
	},
}
