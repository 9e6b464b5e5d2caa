package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type ipamPreviewNextCIDRModel struct {
	objectID
	IPAMPoolID      types.String `tfsdk:"ipam_pool_id"`
	NetmaskLength   types.Int64  `tfsdk:"netmask_length"`
	DisallowedCIDRs types.Set    `tfsdk:"disallowed_cidrs"`
	CIDR            types.String `tfsdk:"cidr"`
}

// ipamPreviewNextCIDRKind is a resource, as in the AWS provider: made, it
// records the block the pool would give next, and reserves nothing;
// destroying it forgets it.
var ipamPreviewNextCIDRKind = resourceKind[ipamPreviewNextCIDRModel, ipamPreviewNextCIDRModel]{
	typeName: "_vpc_ipam_preview_next_cidr",
	kind:     cloud.KindIPAMPool,
	createOp: "AllocateIpamPoolCidr", describeOp: "AllocateIpamPoolCidr",
	schema: schema.Schema{
		MarkdownDescription: "The block an IPAM pool would allocate next, with the arguments and attributes of `aws_vpc_ipam_preview_next_cidr`. " +
			"It reserves nothing: a VPC of the same size created next from the pool gets this block, as pools hand out the lowest free block first.",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("`<cidr>_<pool ID>`."),
			"ipam_pool_id":   replacingReference(cloud.KindIPAMPool, "The pool to preview."),
			"netmask_length": replacingInt(false, "The length of the block; the pool's `allocation_default_netmask_length` when left out."),
			"disallowed_cidrs": schema.SetAttribute{ElementType: types.StringType, Optional: true, PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
				MarkdownDescription: "Blocks the preview must not overlap."},
			"cidr": computedID("The block the pool would allocate."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[ipamPreviewNextCIDRModel]) (ipamPreviewNextCIDRModel, error) {
		m := *a.plan
		var disallowed []string
		for _, e := range m.DisallowedCIDRs.Elements() {
			if s, ok := e.(types.String); ok {
				disallowed = append(disallowed, s.ValueString())
			}
		}
		cidr, err := d.client.PreviewNextCIDR(ctx, m.IPAMPoolID.ValueString(), m.NetmaskLength.ValueInt64(), disallowed)
		m.CIDR, m.ID = types.StringValue(cidr), types.StringValue(cidr+"_"+m.IPAMPoolID.ValueString())
		return m, err
	},
	// The preview is what was recorded: the AWS provider reads nothing back.
	read: func(_ *cloud.Client, _ context.Context, state *ipamPreviewNextCIDRModel) (ipamPreviewNextCIDRModel, error) {
		return *state, nil
	},
	fill: func(m *ipamPreviewNextCIDRModel, o ipamPreviewNextCIDRModel) {
		m.ID, m.CIDR = o.ID, o.CIDR
	},
	importState: func(_ context.Context, _ *providerData, _ resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		resp.Diagnostics.AddError("simcloud_vpc_ipam_preview_next_cidr cannot be imported", "A preview is made, not found: create the resource instead, as with the AWS provider.")
	},
}
