package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type managedPrefixListModel struct {
	taggedObject
	ARN           types.String `tfsdk:"arn"`
	OwnerID       types.String `tfsdk:"owner_id"`
	Name          types.String `tfsdk:"name"`
	AddressFamily types.String `tfsdk:"address_family"`
	MaxEntries    types.Int64  `tfsdk:"max_entries"`
	Version       types.Int64  `tfsdk:"version"`
	Entry         types.Set    `tfsdk:"entry"`
}

type prefixListEntryModel struct {
	CIDR        types.String `tfsdk:"cidr"`
	Description types.String `tfsdk:"description"`
}

var prefixListEntryType = map[string]attr.Type{"cidr": types.StringType, "description": types.StringType}

// The name, the maximum and the entries change in place, as
// ModifyManagedPrefixList does; the address family replaces the list.
var managedPrefixListKind = resourceKind[managedPrefixListModel, cloud.ManagedPrefixList]{
	kind: cloud.KindPrefixList,
	schema: schema.Schema{
		MarkdownDescription: "A customer-managed prefix list, with the arguments and attributes of `aws_ec2_managed_prefix_list`: a named set of CIDR blocks of one " +
			"address family, which a route (`destination_prefix_list_id`) can name instead of each block.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The list's ARN."),
			"owner_id": computedID("The ID of the account that owns the list."),
			"name": requiredArgument("The list's name, 1 to 255 characters; it may not start with `com.amazonaws` (`InvalidParameterValue` at plan). " +
				"Changing it does not change `version`."),
			"address_family": requiredReplacing("`IPv4` or `IPv6`: the family of every entry. Changing it replaces the list.",
				cloudCheck(cloud.ValidatePrefixListAddressFamily)),
			"max_entries": schema.Int64Attribute{Required: true,
				MarkdownDescription: "The most entries the list may hold, from 1 to 1000. Fewer than the entries fails at plan with `PrefixListMaxEntriesExceeded`."},
			"version": schema.Int64Attribute{Computed: true,
				MarkdownDescription: "The list's version: 1 when made, one more after each change of its entries."},
		},
		Blocks: map[string]schema.Block{
			"entry": schema.SetNestedBlock{
				PlanModifiers: []planmodifier.Set{equivalentObjects{
					plainDescription: "keeps the prior entries when the configured ones write the same blocks another way", cidrKeys: []string{"cidr"}}},
				MarkdownDescription: "An entry of the list. A CIDR of the other family, or one given twice, fails at plan with `InvalidParameterValue`.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"cidr":        schema.StringAttribute{Required: true, MarkdownDescription: "The entry's CIDR block, a network address of the list's family."},
					"description": schema.StringAttribute{Optional: true, MarkdownDescription: "A description of the entry, up to 255 characters."},
				}},
			},
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[managedPrefixListModel]) (cloud.ManagedPrefixList, error) {
		return d.client.CreateManagedPrefixList(ctx, a.plan.input(ctx, a.tags, a.diags))
	},
	update: func(d *providerData, ctx context.Context, a applyStep[managedPrefixListModel]) (cloud.ManagedPrefixList, error) {
		return d.client.UpdateManagedPrefixList(ctx, a.plan.ID.ValueString(), a.plan.input(ctx, a.tags, a.diags))
	},
	get:        cloud.Describe[cloud.ManagedPrefixList],
	setTags:    cloud.ReplaceTags[cloud.ManagedPrefixList],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[managedPrefixListModel]) error {
		in := p.plan.input(ctx, p.tags, p.diags)
		p.plan.Version = types.Int64Value(1)
		if p.state != nil {
			p.plan.Version = p.state.Version
			if was := p.state.input(ctx, nil, p.diags); !slices.Equal(cloud.SortedPrefixListEntries(in.Entries), cloud.SortedPrefixListEntries(was.Entries)) {
				p.plan.Version = types.Int64Unknown()
			}
			if p.plan.AddressFamily.Equal(p.state.AddressFamily) {
				return d.client.CheckModifyManagedPrefixList(ctx, d.plan, p.holder, p.state.ID.ValueString(), in)
			}
		}
		return d.client.CheckManagedPrefixList(ctx, d.plan, p.holder, in)
	},
	fillReporting: func(m *managedPrefixListModel, o cloud.ManagedPrefixList, diags *diag.Diagnostics) {
		m.ID, m.ARN, m.OwnerID = types.StringValue(o.ID), types.StringValue(o.ARN()), types.StringValue(o.OwnerID)
		m.Name, m.AddressFamily = types.StringValue(o.Name), types.StringValue(o.AddressFamily)
		m.MaxEntries, m.Version = types.Int64Value(o.MaxEntries), types.Int64Value(o.Version)
		m.Entry = prefixListEntriesValue(o.Entries, m.Entry, diags)
	},
	tagsOf: func(o cloud.ManagedPrefixList) map[string]string { return o.Tags },
}

// prefixListEntriesValue is a list's entries as the entry blocks hold
// them, those of entry resources left out; an entry without a description
// has none (null). A block that prior (the plan, or the state) writes
// another way keeps its spelling there.
func prefixListEntriesValue(entries []cloud.PrefixListEntry, prior types.Set, diags *diag.Diagnostics) types.Set {
	spellings := priorSpellings(prior, []string{"cidr"})
	var values []attr.Value
	for _, e := range entries {
		if e.ManagedBy == cloud.ManagedByEntryResource {
			continue
		}
		description := types.StringNull()
		if e.Description != "" {
			description = types.StringValue(e.Description)
		}
		v, d := types.ObjectValue(prefixListEntryType, map[string]attr.Value{"cidr": types.StringValue(spelledAs(spellings, e.CIDR)), "description": description})
		diags.Append(d...)
		values = append(values, v)
	}
	set, d := types.SetValue(types.ObjectType{AttrTypes: prefixListEntryType}, values)
	diags.Append(d...)
	return set
}

// input is the list's desired configuration; at plan, a value known only
// after apply is cloud.Unknown (an unknown maximum passes its checks).
func (m managedPrefixListModel) input(ctx context.Context, tags map[string]string, diags *diag.Diagnostics) cloud.ManagedPrefixListInput {
	in := cloud.ManagedPrefixListInput{Name: planned(m.Name), AddressFamily: planned(m.AddressFamily), MaxEntries: m.MaxEntries.ValueInt64(), Tags: tags}
	if m.MaxEntries.IsUnknown() {
		in.MaxEntries = cloud.MaxPrefixListEntries
	}
	if m.Entry.IsUnknown() {
		return in
	}
	var entries []prefixListEntryModel
	diags.Append(m.Entry.ElementsAs(ctx, &entries, false)...)
	for _, e := range entries {
		in.Entries = append(in.Entries, cloud.PrefixListEntry{CIDR: planned(e.CIDR), Description: planned(e.Description)})
	}
	return in
}
