package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type prefixListEntryResourceModel struct {
	objectID
	PrefixListID types.String `tfsdk:"prefix_list_id"`
	CIDR         types.String `tfsdk:"cidr"`
	Description  types.String `tfsdk:"description"`
}

func (m prefixListEntryResourceModel) entry() cloud.PrefixListEntry {
	return cloud.PrefixListEntry{CIDR: planned(m.CIDR), Description: planned(m.Description)}
}

// Every argument replaces the entry, as in the AWS provider.
var prefixListEntryKind = resourceKind[prefixListEntryResourceModel, cloud.PrefixListEntry]{
	typeName: "_ec2_managed_prefix_list_entry",
	createOp: "ModifyManagedPrefixList", describeOp: "GetManagedPrefixListEntries", deleteOp: "ModifyManagedPrefixList",
	schema: schema.Schema{
		MarkdownDescription: "One entry of a customer-managed prefix list, with the arguments of `aws_ec2_managed_prefix_list_entry`. A list's entries are managed " +
			"either by its `entry` blocks or by these resources, never both (`InvalidParameterCombination` at plan).",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("The list's ID, a comma and the CIDR, as the AWS provider makes it."),
			"prefix_list_id": replacingReference(cloud.KindPrefixList, "The list the entry belongs to. Changing it replaces the entry."),
			"cidr":           cidrAttribute(requiredReplacing("The entry's CIDR block, a network of the list's family. Changing it replaces the entry.")),
			"description":    optionalReplacing("A description of the entry, up to 255 characters. Changing it replaces the entry."),
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[prefixListEntryResourceModel]) (cloud.PrefixListEntry, error) {
		return d.client.CreatePrefixListEntry(ctx, a.plan.PrefixListID.ValueString(), a.plan.entry())
	},
	read: func(c *cloud.Client, ctx context.Context, state *prefixListEntryResourceModel) (cloud.PrefixListEntry, error) {
		return c.PrefixListEntry(ctx, state.PrefixListID.ValueString(), state.CIDR.ValueString())
	},
	remove: func(c *cloud.Client, ctx context.Context, state *prefixListEntryResourceModel) error {
		return c.DeletePrefixListEntry(ctx, state.PrefixListID.ValueString(), state.CIDR.ValueString())
	},
	check: func(ctx context.Context, d *providerData, p planStep[prefixListEntryResourceModel]) error {
		if p.state != nil {
			return nil
		}
		return d.client.CheckPrefixListEntry(ctx, d.plan, p.holder, plannedID(p.plan.PrefixListID, cloud.KindPrefixList), p.plan.entry())
	},
	fill: func(m *prefixListEntryResourceModel, e cloud.PrefixListEntry) {
		m.CIDR = cidrFromCloud(m.CIDR, e.CIDR)
		m.ID = types.StringValue(cloud.PrefixListEntryID(m.PrefixListID.ValueString(), e.CIDR))
		m.Description = types.StringNull()
		if e.Description != "" {
			m.Description = types.StringValue(e.Description)
		}
	},
	importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		listID, cidr, err := cloud.ParsePrefixListEntryID(req.ID)
		importAttributes(ctx, resp, err, map[string]string{"id": req.ID, "prefix_list_id": listID, "cidr": cidr})
	},
}
