package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &eipDataSource{}

// NewEIPDataSource returns the simcloud_eip data source.
func NewEIPDataSource() datasource.DataSource {
	return &eipDataSource{dataSourceBase{typeName: "_eip"}}
}

type eipDataSource struct{ dataSourceBase }

type eipDataSourceModel struct {
	ID            types.String `tfsdk:"id"`
	PublicIP      types.String `tfsdk:"public_ip"`
	Tags          types.Map    `tfsdk:"tags"`
	AllocationID  types.String `tfsdk:"allocation_id"`
	AssociationID types.String `tfsdk:"association_id"`
	Domain        types.String `tfsdk:"domain"`
	ARN           types.String `tfsdk:"arn"`
}

func (d *eipDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one elastic IP address by allocation ID, public address or tags. Exactly one must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The allocation ID of the address to find.",
				Validators: []validator.String{idCheck(cloud.KindElasticIP)}},
			"public_ip": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The public address to find."},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the address must have. Once found, all of its tags."},
			"allocation_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "The allocation ID."},
			"association_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of its association with a NAT gateway, or an empty string."},
			"domain":         schema.StringAttribute{Computed: true, MarkdownDescription: "Always `vpc`."},
			"arn":            schema.StringAttribute{Computed: true, MarkdownDescription: "The address's ARN."},
		},
	}
}

func (d *eipDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m eipDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.ElasticIPFilter{AllocationID: m.ID.ValueString(), PublicIP: m.PublicIP.ValueString()}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindElasticIPs(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeAddresses", err)
		return
	}
	eip, ok := exactlyOne(&resp.Diagnostics, "elastic IP address", found, func(e cloud.ElasticIP) string { return e.AllocationID })
	if !ok {
		return
	}
	m.ID, m.AllocationID, m.PublicIP = types.StringValue(eip.AllocationID), types.StringValue(eip.AllocationID), types.StringValue(eip.PublicIP)
	m.AssociationID, m.Domain, m.ARN = types.StringValue(eip.AssociationID), types.StringValue("vpc"), types.StringValue(eip.ARN())
	m.Tags = mapValue(ctx, eip.Tags, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
