package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// optionalInt64 is an optional number changed in place; replacing makes a
// change replace the object.
func optionalInt64(description string, replacing bool) schema.Int64Attribute {
	a := schema.Int64Attribute{Optional: true, MarkdownDescription: description}
	if replacing {
		a.PlanModifiers = replaceInt64OnChange
	}
	return a
}

// optionalInt64FromCloud is the value of an optional number the cloud
// holds as n, 0 when none was given: null, unless the model says 0.
func optionalInt64FromCloud(current types.Int64, n int64) types.Int64 {
	if n == 0 && (current.IsNull() || current.IsUnknown()) {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

var operatingRegionType = map[string]attr.Type{"region_name": types.StringType}

type ipamModel struct {
	taggedObject
	ARN                                   types.String `tfsdk:"arn"`
	Description                           types.String `tfsdk:"description"`
	OperatingRegions                      types.Set    `tfsdk:"operating_regions"`
	Cascade                               types.Bool   `tfsdk:"cascade"`
	Tier                                  types.String `tfsdk:"tier"`
	EnablePrivateGUA                      types.Bool   `tfsdk:"enable_private_gua"`
	PrivateDefaultScopeID                 types.String `tfsdk:"private_default_scope_id"`
	PublicDefaultScopeID                  types.String `tfsdk:"public_default_scope_id"`
	ScopeCount                            types.Int64  `tfsdk:"scope_count"`
	DefaultResourceDiscoveryID            types.String `tfsdk:"default_resource_discovery_id"`
	DefaultResourceDiscoveryAssociationID types.String `tfsdk:"default_resource_discovery_association_id"`
}

func (m *ipamModel) input(tags map[string]string) cloud.IPAMInput {
	in := cloud.IPAMInput{Description: m.Description.ValueString(), Tier: planned(m.Tier), EnablePrivateGUA: m.EnablePrivateGUA.ValueBool(), Tags: tags}
	for _, e := range m.OperatingRegions.Elements() {
		if o, ok := e.(types.Object); ok {
			if name, ok := o.Attributes()["region_name"].(types.String); ok {
				in.OperatingRegions = append(in.OperatingRegions, planned(name))
			}
		}
	}
	sort.Strings(in.OperatingRegions)
	return in
}

var ipamKind = resourceKind[ipamModel, cloud.IPAM]{
	kind: cloud.KindIPAM,
	schema: schema.Schema{
		MarkdownDescription: "An IPAM (VPC IP Address Manager), with the arguments and attributes of `aws_vpc_ipam`: made with a private and a public default scope, " +
			"in which `simcloud_vpc_ipam_pool` makes pools that VPCs take their blocks from.",
		Attributes: map[string]schema.Attribute{
			"arn":         computedID("The IPAM's ARN, `arn:aws:ec2::<account>:ipam/<id>`."),
			"description": optionalArgument("A description of the IPAM."),
			"cascade":     schema.BoolAttribute{Optional: true, MarkdownDescription: "Delete the IPAM's pools (and their CIDRs) with it. Without it, destroying an IPAM that has pools fails with `DependencyViolation`."},
			"tier": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("advanced"),
				MarkdownDescription: "`free` or `advanced` (the default)."},
			"enable_private_gua":       optionalBool(false, "Whether private scope pools may hold global unicast IPv6 addresses. Defaults to `false`."),
			"private_default_scope_id": computedID("The ID of the private scope made with the IPAM, where pools of private addresses go."),
			"public_default_scope_id":  computedID("The ID of the public scope made with the IPAM."),
			"scope_count": schema.Int64Attribute{Computed: true, MarkdownDescription: "How many scopes the IPAM has: its two default scopes.",
				PlanModifiers: keepInt64State},
			"default_resource_discovery_id":             computedID("The ID of the IPAM's default resource discovery."),
			"default_resource_discovery_association_id": computedID("The ID of the association of the default resource discovery with the IPAM."),
		},
		Blocks: map[string]schema.Block{
			"operating_regions": schema.SetNestedBlock{
				MarkdownDescription: "A region the IPAM manages addresses in; the IPAM's own region must be one. A pool's `locale` must be one of them.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"region_name": requiredArgument("The region's name, such as `eu-west-1`.", cloudCheck(cloud.ValidateRegion)),
				}},
				PlanModifiers: keepSetState,
			},
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[ipamModel]) (cloud.IPAM, error) {
		return d.client.CreateIPAM(ctx, a.plan.input(a.tags))
	},
	get: cloud.Describe[cloud.IPAM],
	update: func(d *providerData, ctx context.Context, a applyStep[ipamModel]) (cloud.IPAM, error) {
		return d.client.UpdateIPAM(ctx, a.plan.ID.ValueString(), a.plan.input(a.tags))
	},
	remove: func(c *cloud.Client, ctx context.Context, state *ipamModel) error {
		return c.DeleteIPAM(ctx, state.ID.ValueString(), state.Cascade.ValueBool())
	},
	check: func(ctx context.Context, d *providerData, p planStep[ipamModel]) error {
		return d.client.CheckIPAM(ctx, d.plan, p.holder, p.plan.input(p.tags))
	},
	fillReporting: func(m *ipamModel, i cloud.IPAM, diags *diag.Diagnostics) {
		m.ID, m.ARN = types.StringValue(i.ID), types.StringValue(i.ARN())
		m.Description = optionalString(m.Description, i.Description)
		m.Tier, m.EnablePrivateGUA = types.StringValue(i.Tier), types.BoolValue(i.EnablePrivateGUA)
		m.PrivateDefaultScopeID, m.PublicDefaultScopeID = types.StringValue(i.PrivateDefaultScopeID), types.StringValue(i.PublicDefaultScopeID)
		m.ScopeCount = types.Int64Value(i.ScopeCount)
		m.DefaultResourceDiscoveryID = types.StringValue(i.DefaultResourceDiscoveryID)
		m.DefaultResourceDiscoveryAssociationID = types.StringValue(i.DefaultResourceDiscoveryAssociationID)
		var regions []attr.Value
		for _, r := range i.OperatingRegions {
			o, ds := types.ObjectValue(operatingRegionType, map[string]attr.Value{"region_name": types.StringValue(r)})
			diags.Append(ds...)
			regions = append(regions, o)
		}
		set, ds := types.SetValue(types.ObjectType{AttrTypes: operatingRegionType}, regions)
		diags.Append(ds...)
		m.OperatingRegions = set
	},
	tagsOf: func(i cloud.IPAM) map[string]string { return i.Tags },
}

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
			"allocation_default_netmask_length": optionalInt64("The netmask length of a block taken from the pool without one: a VPC with `ipv4_ipam_pool_id` and no `ipv4_netmask_length`.", false),
			"allocation_min_netmask_length":     optionalInt64("The smallest netmask length (largest block) the pool hands out: 0 to 32 for IPv4, 0 to 128 for IPv6.", false),
			"allocation_max_netmask_length":     optionalInt64("The largest netmask length (smallest block) the pool hands out; at most 32 for IPv4, 128 for IPv6.", false),
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
			"cidr": optionalComputedReplacing("The CIDR to provision. Left out, `netmask_length` takes the lowest free block of that length from the pool's source pool.",
				cloudCheck(func(s string) error {
					_, _, err := cloud.ParseIPAMPoolCIDRID(s + "_ipam-pool-0123456789abcdef0")
					return err
				})),
			"netmask_length":    optionalInt64("The length of the block to take from the pool's source pool, instead of `cidr`.", true),
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
		m.IPAMPoolID, m.CIDR, m.IPAMPoolCIDRID = types.StringValue(pc.PoolID), types.StringValue(pc.CIDR), types.StringValue(pc.ID)
		if m.CIDRAuthorizationContext.IsUnknown() {
			m.CIDRAuthorizationContext = types.ListNull(m.CIDRAuthorizationContext.ElementType(context.Background()))
		}
	},
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		_, _, err := cloud.ParseIPAMPoolCIDRID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID})
	},
}

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
			"netmask_length": optionalInt64("The length of the block; the pool's `allocation_default_netmask_length` when left out.", true),
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
