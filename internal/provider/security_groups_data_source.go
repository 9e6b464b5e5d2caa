package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewSecurityGroupsDataSource is simcloud_security_groups, which, as
// simcloud_network_acls does, lists every group that matches, none included.
func NewSecurityGroupsDataSource() datasource.DataSource {
	return &securityGroupsDataSource{dataSourceBase{typeName: "_security_groups"}}
}

type securityGroupsDataSource struct{ dataSourceBase }

type describeFilterModel struct {
	Name   types.String `tfsdk:"name"`
	Values types.Set    `tfsdk:"values"`
}

type securityGroupsModel struct {
	ID     types.String          `tfsdk:"id"`
	Filter []describeFilterModel `tfsdk:"filter"`
	Tags   types.Map             `tfsdk:"tags"`
	IDs    types.List            `tfsdk:"ids"`
	ARNs   types.List            `tfsdk:"arns"`
	VPCIDs types.List            `tfsdk:"vpc_ids"`
}

func (d *securityGroupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	list := func(description string) schema.ListAttribute {
		return schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the security groups of the account and region that match `filter` blocks and `tags`, as the `aws_security_groups` data source does.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The region, as the AWS provider sets it."},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Only the groups that carry each of these tags with its value."},
			"ids":     list("The IDs of the matching groups, in order; empty when none match."),
			"arns":    list("Their ARNs, in the same order."),
			"vpc_ids": list("Their VPCs, in the same order."),
		},
		Blocks: map[string]schema.Block{
			"filter": schema.ListNestedBlock{
				MarkdownDescription: "Only the groups whose attribute `name` has one of `values` (`*` and `?` are wildcards): " +
					"`group-id`, `group-name`, `vpc-id`, `description`, `owner-id`, `tag-key` or `tag:<key>`, as DescribeSecurityGroups names them.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"name":   schema.StringAttribute{Required: true, MarkdownDescription: "The attribute to filter by."},
					"values": schema.SetAttribute{ElementType: types.StringType, Required: true, MarkdownDescription: "The values it may have."},
				}},
			},
		},
	}
}

func (d *securityGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m securityGroupsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var tags map[string]string
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
	}
	filters := make([]cloud.DescribeFilter, len(m.Filter))
	for i, f := range m.Filter {
		filters[i].Name = f.Name.ValueString()
		resp.Diagnostics.Append(f.Values.ElementsAs(ctx, &filters[i].Values, false)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := d.data.client.FilterSecurityGroups(ctx, tags, filters)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeSecurityGroups", err)
		return
	}
	ids, arns, vpcs := make([]string, 0, len(found)), make([]string, 0, len(found)), make([]string, 0, len(found))
	for _, g := range found {
		ids, arns, vpcs = append(ids, g.ID), append(arns, g.ARN()), append(vpcs, g.VPCID)
	}
	m.ID = types.StringValue(d.data.client.Scope().Region)
	m.IDs = stringsList(ctx, ids, &resp.Diagnostics)
	m.ARNs = stringsList(ctx, arns, &resp.Diagnostics)
	m.VPCIDs = stringsList(ctx, vpcs, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// stringsList is a list attribute of strings, empty rather than null when
// there are none.
func stringsList(ctx context.Context, values []string, diags *diag.Diagnostics) types.List {
	list, ds := types.ListValueFrom(ctx, types.StringType, values)
	diags.Append(ds...)
	return list
}
