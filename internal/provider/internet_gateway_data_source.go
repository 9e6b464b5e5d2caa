package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &internetGatewayDataSource{}

// NewInternetGatewayDataSource returns the simcloud_internet_gateway data
// source.
func NewInternetGatewayDataSource() datasource.DataSource {
	return &internetGatewayDataSource{dataSourceBase{typeName: "_internet_gateway"}}
}

type internetGatewayDataSource struct{ dataSourceBase }

type internetGatewayDataSourceModel struct {
	ID                types.String `tfsdk:"id"`
	InternetGatewayID types.String `tfsdk:"internet_gateway_id"`
	VPCID             types.String `tfsdk:"vpc_id"`
	Tags              types.Map    `tfsdk:"tags"`
	ARN               types.String `tfsdk:"arn"`
	OwnerID           types.String `tfsdk:"owner_id"`
	Attachments       types.List   `tfsdk:"attachments"`
}

// attachmentType is the shape of one entry of attachments, as in the AWS
// provider's data source.
var attachmentType = types.ObjectType{AttrTypes: map[string]attr.Type{"state": types.StringType, "vpc_id": types.StringType}}

func (d *internetGatewayDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one internet gateway by ID, by the VPC it is attached to, by tags, or by any combination of them. Exactly one gateway must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The ID of the gateway to find.",
				Validators:          []validator.String{idCheck(cloud.KindInternetGateway)},
			},
			"internet_gateway_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The ID of the gateway to find, under the name the `aws_internet_gateway` data source uses.",
				Validators:          []validator.String{idCheck(cloud.KindInternetGateway)},
			},
			"vpc_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The VPC the gateway to find is attached to. Once found, the VPC it is attached to, or an empty string.",
				Validators:          []validator.String{idCheck(cloud.KindVPC)},
			},
			"tags": schema.MapAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the gateway to find must have. Once found, all of its tags.",
			},
			"arn":      schema.StringAttribute{Computed: true, MarkdownDescription: "The gateway's ARN."},
			"owner_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the account that owns the gateway."},
			"attachments": schema.ListAttribute{
				ElementType:         attachmentType,
				Computed:            true,
				MarkdownDescription: "The gateway's attachment, as in AWS: empty, or one entry with `vpc_id` and `state` (`available`).",
			},
		},
	}
}

func (d *internetGatewayDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m internetGatewayDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.InternetGatewayFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString()}
	if id := m.InternetGatewayID.ValueString(); id != "" && filter.ID == "" {
		filter.ID = id
	} else if id != "" && id != filter.ID {
		resp.Diagnostics.AddError("Conflicting gateway IDs", "id and internet_gateway_id name different gateways; give one of them.")
		return
	}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindInternetGateways(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeInternetGateways", err)
		return
	}
	igw, ok := exactlyOne(&resp.Diagnostics, "internet gateway", found, func(g cloud.InternetGateway) string { return g.ID })
	if !ok {
		return
	}
	var attachments []attr.Value
	if igw.VPCID != "" {
		attachments = append(attachments, types.ObjectValueMust(attachmentType.AttrTypes, map[string]attr.Value{
			"state": types.StringValue("available"), "vpc_id": types.StringValue(igw.VPCID),
		}))
	}
	m.ID = types.StringValue(igw.ID)
	m.InternetGatewayID = types.StringValue(igw.ID)
	m.VPCID = types.StringValue(igw.VPCID)
	m.Tags = mapValue(ctx, igw.Tags, &resp.Diagnostics)
	m.ARN = types.StringValue(igw.ARN())
	m.OwnerID = types.StringValue(igw.OwnerID)
	m.Attachments = types.ListValueMust(attachmentType, attachments)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
