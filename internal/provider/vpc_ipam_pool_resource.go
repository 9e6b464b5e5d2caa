package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type ipamPoolModel struct {
	taggedObject
	ARN                            types.String `tfsdk:"arn"`
	AddressFamily                  types.String `tfsdk:"address_family"`
	IPAMScopeID                    types.String `tfsdk:"ipam_scope_id"`
	IPAMScopeType                  types.String `tfsdk:"ipam_scope_type"`
	Locale                         types.String `tfsdk:"locale"`
	Description                    types.String `tfsdk:"description"`
	AllocationDefaultNetmaskLength types.Int64  `tfsdk:"allocation_default_netmask_length"`
	AllocationMinNetmaskLength     types.Int64  `tfsdk:"allocation_min_netmask_length"`
	AllocationMaxNetmaskLength     types.Int64  `tfsdk:"allocation_max_netmask_length"`
	AllocationResourceTags         types.Map    `tfsdk:"allocation_resource_tags"`
	AutoImport                     types.Bool   `tfsdk:"auto_import"`
	AWSService                     types.String `tfsdk:"aws_service"`
	SimcloudService                types.String `tfsdk:"simcloud_service"`
	PubliclyAdvertisable           types.Bool   `tfsdk:"publicly_advertisable"`
	PublicIPSource                 types.String `tfsdk:"public_ip_source"`
	SourceIPAMPoolID               types.String `tfsdk:"source_ipam_pool_id"`
	Cascade                        types.Bool   `tfsdk:"cascade"`
	PoolDepth                      types.Int64  `tfsdk:"pool_depth"`
	State                          types.String `tfsdk:"state"`
}

func (m *ipamPoolModel) settings() cloud.IPAMPoolSettings {
	s := cloud.IPAMPoolSettings{Description: m.Description.ValueString(), AllocationDefaultNetmaskLength: m.AllocationDefaultNetmaskLength.ValueInt64(),
		AllocationMinNetmaskLength: m.AllocationMinNetmaskLength.ValueInt64(), AllocationMaxNetmaskLength: m.AllocationMaxNetmaskLength.ValueInt64(),
		AutoImport: m.AutoImport.ValueBool()}
	tags := map[string]string{}
	for k, v := range m.AllocationResourceTags.Elements() {
		if s, ok := v.(types.String); ok {
			tags[k] = s.ValueString()
		}
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		s.AllocationResourceTags = append(s.AllocationResourceTags, k+"="+tags[k])
	}
	return s
}

// service is aws_service, under either of its names: a configuration
// ported by renaming aws_ to simcloud_ writes simcloud_service.
func (m *ipamPoolModel) service() types.String {
	if m.AWSService.IsNull() {
		return m.SimcloudService
	}
	return m.AWSService
}

func (m *ipamPoolModel) input(tags map[string]string) cloud.IPAMPoolInput {
	return cloud.IPAMPoolInput{ScopeID: plannedID(m.IPAMScopeID, cloud.KindIPAMScope), AddressFamily: planned(m.AddressFamily), Locale: planned(m.Locale),
		IPAMPoolSettings: m.settings(), AWSService: planned(m.service()), PubliclyAdvertisable: m.PubliclyAdvertisable.ValueBool(),
		PublicIPSource: planned(m.PublicIPSource), SourcePoolID: plannedID(m.SourceIPAMPoolID, cloud.KindIPAMPool), Tags: tags}
}

var ipamPoolKind = resourceKind[ipamPoolModel, cloud.IPAMPool]{
	kind: cloud.KindIPAMPool,
	schema: schema.Schema{
		MarkdownDescription: "An IPAM pool, with the arguments and attributes of `aws_vpc_ipam_pool`: CIDRs provisioned to it (`simcloud_vpc_ipam_pool_cidr`) " +
			"are handed out to VPCs (`ipv4_ipam_pool_id`, `ipv6_ipam_pool_id`) and to pools that name it as their source, lowest free block first.",
		Attributes: map[string]schema.Attribute{
			"arn":             computedID("The pool's ARN."),
			"address_family":  requiredReplacing("`ipv4` or `ipv6`.", cloudCheck(func(s string) error { return oneOfFamilies(s) })),
			"ipam_scope_id":   replacingReference(cloud.KindIPAMScope, "The scope the pool is in: an IPAM's `private_default_scope_id` or `public_default_scope_id`."),
			"ipam_scope_type": computedID("The scope's type, `private` or `public`."),
			"locale": optionalReplacing("The region whose VPCs may take blocks from the pool; one of the IPAM's operating regions (else `InvalidParameterValue` at plan). " +
				"Left out, the pool has no locale and serves no VPC."),
			"description":                       optionalArgument("A description of the pool."),
			"allocation_default_netmask_length": optionalInt64("The netmask length of a block taken from the pool without one: a VPC with `ipv4_ipam_pool_id` and no `ipv4_netmask_length`."),
			"allocation_min_netmask_length":     optionalInt64("The smallest netmask length (largest block) the pool hands out: 0 to 32 for IPv4, 0 to 128 for IPv6."),
			"allocation_max_netmask_length":     optionalInt64("The largest netmask length (smallest block) the pool hands out; at most 32 for IPv4, 128 for IPv6."),
			"allocation_resource_tags": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Tags that resources taking blocks from the pool must carry, as AWS's; kept, not enforced."},
			"auto_import":           optionalBool(false, "Whether IPAM imports allocations it discovers; kept. Defaults to `false`."),
			"aws_service":           optionalReplacing("The service the public pool's addresses are for: `ec2`. Only for pools of a public scope."),
			"simcloud_service":      optionalReplacing("`aws_service` under the name that renaming `aws_` to `simcloud_` gives it, so that a ported configuration works unchanged."),
			"publicly_advertisable": optionalReplacingBool("Whether an IPv6 pool's addresses are advertised to the internet. Defaults to `false`."),
			"public_ip_source":      optionalReplacing("Where a public pool's addresses come from: `amazon` or `byoip`."),
			"source_ipam_pool_id":   optionalReplacing("The pool this pool takes its CIDRs from, in the same scope and address family.", idCheck(cloud.KindIPAMPool)),
			"cascade":               schema.BoolAttribute{Optional: true, MarkdownDescription: "Deprovision the pool's CIDRs when it is destroyed. Without it, destroying a pool that has CIDRs fails with `DependencyViolation`."},
			"pool_depth": schema.Int64Attribute{Computed: true, MarkdownDescription: "1 for a pool without a source pool, one more than its source's otherwise.",
				PlanModifiers: keepInt64State},
			"state": schema.StringAttribute{Computed: true, MarkdownDescription: "`create-complete`.", PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[ipamPoolModel]) (cloud.IPAMPool, error) {
		return d.client.CreateIPAMPool(ctx, a.plan.input(a.tags))
	},
	get: cloud.Describe[cloud.IPAMPool],
	update: func(d *providerData, ctx context.Context, a applyStep[ipamPoolModel]) (cloud.IPAMPool, error) {
		return d.client.UpdateIPAMPool(ctx, a.plan.ID.ValueString(), a.plan.settings(), a.tags)
	},
	remove: func(c *cloud.Client, ctx context.Context, state *ipamPoolModel) error {
		return c.DeleteIPAMPool(ctx, state.ID.ValueString(), state.Cascade.ValueBool())
	},
	check: func(ctx context.Context, d *providerData, p planStep[ipamPoolModel]) error {
		return d.client.CheckIPAMPool(ctx, d.plan, p.holder, p.plan.input(p.tags))
	},
	fillReporting: func(m *ipamPoolModel, p cloud.IPAMPool, diags *diag.Diagnostics) {
		m.ID, m.ARN = types.StringValue(p.ID), types.StringValue(p.ARN())
		m.AddressFamily, m.IPAMScopeID, m.IPAMScopeType = types.StringValue(p.AddressFamily), types.StringValue(p.ScopeID), types.StringValue(p.ScopeType)
		m.Locale, m.Description = optionalString(m.Locale, p.Locale), optionalString(m.Description, p.Description)
		m.AllocationDefaultNetmaskLength = optionalInt64FromCloud(m.AllocationDefaultNetmaskLength, p.AllocationDefaultNetmaskLength)
		m.AllocationMinNetmaskLength = optionalInt64FromCloud(m.AllocationMinNetmaskLength, p.AllocationMinNetmaskLength)
		m.AllocationMaxNetmaskLength = optionalInt64FromCloud(m.AllocationMaxNetmaskLength, p.AllocationMaxNetmaskLength)
		if len(p.AllocationResourceTags) > 0 || !m.AllocationResourceTags.IsNull() {
			tags := map[string]attr.Value{}
			for _, kv := range p.AllocationResourceTags {
				k, v, _ := strings.Cut(kv, "=")
				tags[k] = types.StringValue(v)
			}
			value, ds := types.MapValue(types.StringType, tags)
			diags.Append(ds...)
			m.AllocationResourceTags = value
		}
		m.AutoImport, m.PubliclyAdvertisable = types.BoolValue(p.AutoImport), types.BoolValue(p.PubliclyAdvertisable)
		if m.AWSService.IsNull() {
			m.SimcloudService = optionalString(m.SimcloudService, p.AWSService)
		} else {
			m.AWSService = optionalString(m.AWSService, p.AWSService)
		}
		m.PublicIPSource = optionalString(m.PublicIPSource, p.PublicIPSource)
		m.SourceIPAMPoolID = optionalString(m.SourceIPAMPoolID, p.SourcePoolID)
		m.PoolDepth, m.State = types.Int64Value(p.Depth), types.StringValue(cloud.IPAMPoolStateComplete)
	},
	tagsOf:           func(p cloud.IPAMPool) map[string]string { return p.Tags },
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckPoolServiceArguments, "aws_service", "simcloud_service")},
}

func oneOfFamilies(s string) error {
	if !slices.Contains(cloud.IPAMAddressFamilies, s) {
		return fmt.Errorf("%q is no address family: give ipv4 or ipv6", s)
	}
	return nil
}
