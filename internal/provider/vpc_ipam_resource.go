package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

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
