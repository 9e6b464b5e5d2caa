package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// defaultSubnetModel is simcloud_subnet's settings, as aws_default_subnet
// keeps aws_subnet's schema, without the IPAM arguments and with its own two.
type defaultSubnetModel struct {
	subnetSettings
	ExistingDefaultSubnet types.Bool `tfsdk:"existing_default_subnet"`
	ForceDestroy          types.Bool `tfsdk:"force_destroy"`
}

// defaultSubnetSchema is simcloud_subnet's schema with aws_default_subnet's
// changes: the zone is required, the VPC, blocks of the layout, zone ID,
// device index and Outpost are the subnet's own, public addressing is on
// unless set off, and the IPAM arguments are gone.
func defaultSubnetSchema() schema.Schema {
	s := subnetSchema()
	s.MarkdownDescription = "Adopts a zone's default subnet of the region's default VPC, as `aws_default_subnet` does: its `/20` of `" + cloud.DefaultVPCCIDRBlock +
		"` with public addressing. Its settings and tags become managed. Where the zone has no default subnet, creating the resource makes one " +
		"(AWS's `CreateDefaultSubnet`, refused with `DefaultVpcDoesNotExist` where the region has no default VPC) and `existing_default_subnet` is `false`. " +
		"Destroying the resource only forgets the subnet, unless `force_destroy` is `true`."
	attrs := maps.Clone(s.Attributes)
	for _, name := range []string{"ipv4_ipam_pool_id", "ipv4_netmask_length", "ipv6_ipam_pool_id", "ipv6_netmask_length"} {
		delete(attrs, name)
	}
	attrs["availability_zone"] = requiredReplacing("The zone whose default subnet the resource manages. Changing it replaces the resource.")
	attrs["availability_zone_id"] = computedID("The ID of the subnet's zone, such as `use1-az1`.")
	attrs["vpc_id"] = computedID("The region's default VPC.")
	attrs["cidr_block"] = computedID("The subnet's IPv4 block: the zone's `/20` of the default VPC's `" + cloud.DefaultVPCCIDRBlock + "`.")
	attrs["ipv6_cidr_block"] = cidrAttribute(optionalComputed("A /64 of the default VPC's IPv6 block for the subnet; left out, the subnet keeps what it has. Changed in place.",
		cloudCheck(func(s string) error {
			_, err := cloud.ParseIPv6Network(s, "ipv6CidrBlock", "ipv6_cidr_block")
			return err
		})))
	attrs["map_public_ip_on_launch"] = optionalBool(true,
		"Whether instances launched in the subnet get a public IPv4 address. Defaults to `true`, as in a default subnet.")
	attrs["ipv6_native"] = optionalReplacingBool("Whether the subnet is IPv6-only. Defaults to `false`; the simulated cloud makes no IPv6-only default subnet, " +
		"so `true` fails where the zone has none (`InvalidParameterValue`). Changing it replaces the resource.")
	attrs["enable_lni_at_device_index"] = schema.Int64Attribute{Computed: true,
		MarkdownDescription: "The device position of local network interfaces in the subnet (an Outposts feature): `0`, none."}
	attrs["outpost_arn"] = computedID("The ARN of the subnet's Outpost: an empty string, the simulated cloud has none.")
	attrs["existing_default_subnet"] = schema.BoolAttribute{Computed: true, PlanModifiers: keepBoolState,
		MarkdownDescription: "Whether the zone had its default subnet when the resource was created (`false`: the resource made it). `true` after an import."}
	attrs["force_destroy"] = optionalBool(false, "Whether destroying the resource deletes the subnet; anything still in it fails the destroy with `DependencyViolation`. "+
		"Defaults to `false`: destroying only forgets the subnet.")
	s.Attributes = attrs
	return s
}

var defaultSubnetKind = resourceKind[defaultSubnetModel, cloud.Subnet]{
	typeName: "_default_subnet",
	kind:     cloud.KindSubnet,
	schema:   defaultSubnetSchema(),
	createOp: "CreateDefaultSubnet",
	updateOp: "ModifySubnetAttribute",
	create: func(d *providerData, ctx context.Context, a applyStep[defaultSubnetModel]) (cloud.Subnet, error) {
		in := d.plannedSubnetInput(ctx, a.plan.subnetSettings, a.diags)
		in.Tags = a.tags
		s, existing, err := d.client.AdoptDefaultSubnet(ctx, a.plan.AvailabilityZone.ValueString(), &in)
		a.plan.ExistingDefaultSubnet = types.BoolValue(existing)
		return s, err
	},
	get: (*cloud.Client).Subnet,
	update: func(d *providerData, ctx context.Context, a applyStep[defaultSubnetModel]) (cloud.Subnet, error) {
		return d.client.UpdateSubnet(ctx, a.plan.ID.ValueString(), subnetInputFrom(a.plan.subnetSettings, a.tags))
	},
	remove: func(c *cloud.Client, ctx context.Context, state *defaultSubnetModel) error {
		if !state.ForceDestroy.ValueBool() {
			return nil
		}
		return c.DeleteSubnet(ctx, state.ID.ValueString())
	},
	check: checkDefaultSubnet,
	fillReporting: func(m *defaultSubnetModel, s cloud.Subnet, diags *diag.Diagnostics) {
		m.fill(s, diags)
		m.CIDRBlock, m.IPv6CIDRBlock = types.StringValue(s.CIDRBlock), cidrFromCloud(m.IPv6CIDRBlock, s.IPv6CIDRBlock)
		m.EnableLNIAtDeviceIndex = types.Int64Value(s.EnableLNIAtDeviceIndex)
		// Known only when the resource made or adopted the subnet; an
		// imported subnet was there already.
		if m.ExistingDefaultSubnet.IsNull() || m.ExistingDefaultSubnet.IsUnknown() {
			m.ExistingDefaultSubnet = types.BoolValue(true)
		}
		m.ForceDestroy = providerFlag(m.ForceDestroy)
	},
	tagsOf: func(s cloud.Subnet) map[string]string { return s.Tags },
	advise: adviseOn(cloud.SubnetAdvice),
	// Only a zone's default subnet, as the other default_ resources take
	// only their defaults: another subnet is simcloud_subnet's to manage.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importDefault(ctx, req, resp, "DescribeSubnets", "Cannot import a subnet that is not a default one",
			func(id string) (cloud.Subnet, error) { return d.client.Subnet(ctx, id) },
			func(s cloud.Subnet) string {
				vpc, err := d.client.VPC(ctx, s.VPCID)
				return unlessDefault(err == nil && vpc.IsDefault && cloud.IsDefaultSubnet(s.Region, s.AvailabilityZone, s.CIDRBlock),
					fmt.Sprintf("%s (%s in %s) is not its zone's default subnet of the region's default VPC: manage it with simcloud_subnet.", s.ID, s.CIDRBlock, s.AvailabilityZone))
			},
			func(s cloud.Subnet) map[string]string {
				return map[string]string{"id": s.ID, "availability_zone": s.AvailabilityZone}
			})
	},
}

// checkDefaultSubnet runs at plan the rules the subnet's settings meet at
// apply. A subnet still to be found or made has its VPC and block unknown:
// the rules of its settings alone run.
func checkDefaultSubnet(ctx context.Context, d *providerData, p planStep[defaultSubnetModel]) error {
	outposts := configuredArguments(ctx, p.config, p.diags, "customer_owned_ipv4_pool", "map_customer_owned_ip_on_launch")
	if err := d.client.CheckSubnetPoolArguments(outposts); err != nil {
		return err
	}
	if zone := p.plan.AvailabilityZone; !zone.IsUnknown() {
		if err := cloud.ValidateAvailabilityZone(d.client.Scope().Region, zone.ValueString()); err != nil {
			return err
		}
		p.plan.AvailabilityZoneID = types.StringValue(cloud.AvailabilityZoneID(zone.ValueString()))
	}
	if p.state != nil && p.plan.IPv6CIDRBlock.Equal(p.state.IPv6CIDRBlock) {
		p.plan.IPv6CIDRBlockAssociationID = p.state.IPv6CIDRBlockAssociationID
	}
	in := d.plannedSubnetInput(ctx, p.plan.subnetSettings, p.diags)
	selfID := ""
	if p.state != nil {
		selfID = p.state.ID.ValueString()
	} else {
		// Before CheckSubnet, whose claims it would drop.
		if err := d.client.CheckAdoptDefaultSubnet(ctx, d.plan, p.holder, planned(p.plan.AvailabilityZone), &in); err != nil {
			return err
		}
		// Found or made at apply: the zone's, whatever the plan says.
		in.VPCID, in.CIDRBlock = cloud.Unknown, cloud.Unknown
	}
	return d.client.CheckSubnet(ctx, d.plan, p.holder, in, selfID)
}
