package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewNetworkACLsDataSource is simcloud_network_acls, which, unlike the
// lookups, lists every ACL that matches, none included.
func NewNetworkACLsDataSource() datasource.DataSource {
	return &networkACLsDataSource{dataSourceBase{typeName: "_network_acls"}}
}

type networkACLsDataSource struct{ dataSourceBase }

type networkACLsModel struct {
	ID    types.String `tfsdk:"id"`
	VPCID types.String `tfsdk:"vpc_id"`
	Tags  types.Map    `tfsdk:"tags"`
	IDs   types.List   `tfsdk:"ids"`
}

func (d *networkACLsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the network ACLs of the account and region that match `vpc_id` and `tags`, as the `aws_network_acls` data source does.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "The region, as the AWS provider sets it."},
			"vpc_id": schema.StringAttribute{Optional: true, MarkdownDescription: "Only the ACLs of this VPC, its default ACL included.",
				Validators: []validator.String{idCheck(cloud.KindVPC)}},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Only the ACLs that carry each of these tags with its value."},
			"ids": schema.ListAttribute{ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The IDs of the matching ACLs, in order; empty when none match."},
		},
	}
}

func (d *networkACLsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m networkACLsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.NetworkACLFilter{VPCID: m.VPCID.ValueString()}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := cloud.Find[cloud.NetworkACL](d.data.client, ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeNetworkAcls", err)
		return
	}
	ids := make([]string, 0, len(found))
	for _, acl := range found {
		ids = append(ids, acl.ID)
	}
	list, ds := types.ListValueFrom(ctx, types.StringType, ids)
	resp.Diagnostics.Append(ds...)
	m.ID, m.IDs = types.StringValue(d.data.client.Scope().Region), list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
