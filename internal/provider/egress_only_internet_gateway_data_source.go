package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &egressOnlyInternetGatewayDataSource{}

// NewEgressOnlyInternetGatewayDataSource returns the
// simcloud_egress_only_internet_gateway data source.
func NewEgressOnlyInternetGatewayDataSource() datasource.DataSource {
	return &egressOnlyInternetGatewayDataSource{dataSourceBase{typeName: "_egress_only_internet_gateway"}}
}

type egressOnlyInternetGatewayDataSource struct{ dataSourceBase }

type egressOnlyInternetGatewayDataSourceModel struct {
	ID    types.String `tfsdk:"id"`
	VPCID types.String `tfsdk:"vpc_id"`
	Tags  types.Map    `tfsdk:"tags"`
}

func (d *egressOnlyInternetGatewayDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one egress-only internet gateway by ID, by its VPC, by tags, or by any combination of them. Exactly one gateway must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The ID of the gateway to find.",
				Validators:          []validator.String{idCheck(cloud.KindEgressOnlyInternetGateway)},
			},
			"vpc_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The VPC of the gateway to find.",
				Validators:          []validator.String{idCheck(cloud.KindVPC)},
			},
			"tags": schema.MapAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the gateway to find must have. Once found, all of its tags.",
			},
		},
	}
}

func (d *egressOnlyInternetGatewayDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m egressOnlyInternetGatewayDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.EgressOnlyInternetGatewayFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString()}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindEgressOnlyInternetGateways(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeEgressOnlyInternetGateways", err)
		return
	}
	g, ok := exactlyOne(&resp.Diagnostics, "egress-only internet gateway", found, func(g cloud.EgressOnlyInternetGateway) string { return g.ID })
	if !ok {
		return
	}
	m.ID = types.StringValue(g.ID)
	m.VPCID = types.StringValue(g.VPCID)
	m.Tags = mapValue(ctx, g.Tags, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
