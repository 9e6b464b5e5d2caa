package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &natGatewayDataSource{}

// NewNATGatewayDataSource returns the simcloud_nat_gateway data source.
func NewNATGatewayDataSource() datasource.DataSource {
	return &natGatewayDataSource{dataSourceBase{typeName: "_nat_gateway"}}
}

type natGatewayDataSource struct{ dataSourceBase }

type natGatewayDataSourceModel struct {
	ID                 types.String `tfsdk:"id"`
	SubnetID           types.String `tfsdk:"subnet_id"`
	VPCID              types.String `tfsdk:"vpc_id"`
	Tags               types.Map    `tfsdk:"tags"`
	State              types.String `tfsdk:"state"`
	ConnectivityType   types.String `tfsdk:"connectivity_type"`
	AllocationID       types.String `tfsdk:"allocation_id"`
	PublicIP           types.String `tfsdk:"public_ip"`
	PrivateIP          types.String `tfsdk:"private_ip"`
	NetworkInterfaceID types.String `tfsdk:"network_interface_id"`
}

func (d *natGatewayDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one NAT gateway by ID, subnet, VPC or tags. Exactly one must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The ID of the gateway to find.",
				Validators: []validator.String{idCheck(cloud.KindNATGateway)}},
			"subnet_id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The subnet of the gateway to find.",
				Validators: []validator.String{idCheck(cloud.KindSubnet)}},
			"vpc_id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The VPC of the gateway to find.",
				Validators: []validator.String{idCheck(cloud.KindVPC)}},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the gateway must have. Once found, all of its tags."},
			"state":                computed("Always `available` in the simulated cloud: deleted gateways are gone."),
			"connectivity_type":    computed("`public` or `private`."),
			"allocation_id":        computed("The elastic IP's allocation ID, or an empty string."),
			"public_ip":            computed("The public address, or an empty string."),
			"private_ip":           computed("The address in its subnet."),
			"network_interface_id": computed("The ID of its network interface."),
		},
	}
}

func (d *natGatewayDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m natGatewayDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.NATGatewayFilter{ID: m.ID.ValueString(), SubnetID: m.SubnetID.ValueString(), VPCID: m.VPCID.ValueString()}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindNATGateways(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeNatGateways", err)
		return
	}
	nat, ok := exactlyOne(&resp.Diagnostics, "NAT gateway", found, func(n cloud.NATGateway) string { return n.ID })
	if !ok {
		return
	}
	m.ID, m.SubnetID, m.VPCID = types.StringValue(nat.ID), types.StringValue(nat.SubnetID), types.StringValue(nat.VPCID)
	m.Tags = mapValue(ctx, nat.Tags, &resp.Diagnostics)
	m.State, m.ConnectivityType = types.StringValue("available"), types.StringValue(nat.ConnectivityType)
	m.AllocationID, m.PublicIP, m.PrivateIP = types.StringValue(nat.AllocationID), types.StringValue(nat.PublicIP), types.StringValue(nat.PrivateIP)
	m.NetworkInterfaceID = types.StringValue(nat.NetworkInterfaceID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
