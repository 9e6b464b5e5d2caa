package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type defaultVPCModel struct {
	managedVPC
	ExistingDefaultVPC types.Bool `tfsdk:"existing_default_vpc"`
	ForceDestroy       types.Bool `tfsdk:"force_destroy"`
}

// The region's default VPC is AWS's, so destroying the resource only
// forgets it, unless force_destroy says to delete it.
var defaultVPCKind = resourceKind[defaultVPCModel, cloud.VPC]{
	typeName: "_default_vpc",
	kind:     cloud.KindVPC,
	schema: schema.Schema{
		MarkdownDescription: "Adopts the region's default VPC, as `aws_default_vpc` does: `172.31.0.0/16`, with DNS on, a public /20 subnet in each zone, " +
			"an internet gateway and a main route table that routes `0.0.0.0/0` to it. Its tags, DNS settings and IPv6 block become managed. " +
			"Where the region has no default VPC, creating the resource makes one (AWS's `CreateDefaultVpc`) and `existing_default_vpc` is `false`. " +
			"Destroying the resource only forgets the VPC, unless `force_destroy` is `true`.",
		Attributes: managedVPCAttributes(map[string]schema.Attribute{
			"cidr_block":       computedID("The VPC's IPv4 block: `" + cloud.DefaultVPCCIDRBlock + "`, as every default VPC's."),
			"instance_tenancy": computedID("Tenancy of instances launched into the VPC: `default`."),
			"enable_dns_hostnames": optionalBool(true,
				"Whether instances with public IP addresses get public DNS hostnames. Defaults to `true`, as in a default VPC."),
			"existing_default_vpc": schema.BoolAttribute{Computed: true, PlanModifiers: keepBoolState,
				MarkdownDescription: "Whether the region had a default VPC when the resource was created (`false`: the resource made it). `true` after an import."},
			"force_destroy": optionalBool(false,
				"Whether destroying the resource deletes the VPC, with its default subnets and internet gateway; anything else still in it fails the destroy with `DependencyViolation`. "+
					"Defaults to `false`: destroying only forgets the VPC."),
		}),
	},
	createOp: "CreateDefaultVpc",
	updateOp: "ModifyVpcAttribute",
	create: func(d *providerData, ctx context.Context, a applyStep[defaultVPCModel]) (cloud.VPC, error) {
		vpc, existing, err := d.client.AdoptDefaultVPC(ctx, vpcInput(a.plan.managedVPC, a.tags))
		a.plan.ExistingDefaultVPC = types.BoolValue(existing)
		return vpc, err
	},
	get: (*cloud.Client).VPC,
	update: func(d *providerData, ctx context.Context, a applyStep[defaultVPCModel]) (cloud.VPC, error) {
		return d.client.UpdateVPC(ctx, a.plan.ID.ValueString(), vpcInput(a.plan.managedVPC, a.tags))
	},
	remove: func(c *cloud.Client, ctx context.Context, state *defaultVPCModel) error {
		if !state.ForceDestroy.ValueBool() {
			return nil
		}
		return c.DeleteDefaultVPC(ctx, state.ID.ValueString())
	},
	check: func(ctx context.Context, d *providerData, p planStep[defaultVPCModel]) error {
		holder := p.holder
		var state *managedVPC
		if p.state != nil {
			state = &p.state.managedVPC
		} else {
			holder = d.plan.NewHolderNamed("the simcloud_default_vpc planned in this configuration")
		}
		if err := p.plan.planIPv6(ctx, d, p.config, p.diags, state, d.client.CheckVPCPoolArguments); err != nil {
			return err
		}
		return d.client.CheckAdoptDefaultVPC(ctx, d.plan, holder, vpcInput(p.plan.managedVPC, p.tags))
	},
	fill: func(m *defaultVPCModel, vpc cloud.VPC) {
		m.fill(vpc)
		// Known only when the resource made or adopted the VPC; an
		// imported VPC was there already.
		if m.ExistingDefaultVPC.IsNull() || m.ExistingDefaultVPC.IsUnknown() {
			m.ExistingDefaultVPC = types.BoolValue(true)
		}
		m.ForceDestroy = providerFlag(m.ForceDestroy)
	},
	tagsOf: func(vpc cloud.VPC) map[string]string { return vpc.Tags },
	// Only the region's default VPC, as the other default_ resources take
	// only their defaults: another VPC is simcloud_vpc's to manage.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importDefault(ctx, req, resp, "DescribeVpcs", "Cannot import a VPC that is not the default one",
			func(id string) (cloud.VPC, error) { return d.client.VPC(ctx, id) },
			func(vpc cloud.VPC) string {
				return unlessDefault(vpc.IsDefault, fmt.Sprintf("%s (%s) is not the region's default VPC: manage it with simcloud_vpc.", vpc.ID, vpc.CIDRBlock))
			},
			func(vpc cloud.VPC) map[string]string { return map[string]string{"id": vpc.ID} })
	},
}
