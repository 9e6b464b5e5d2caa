package provider

import (
	"context"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &subnetDataSource{}

// NewSubnetDataSource returns the simcloud_subnet data source.
func NewSubnetDataSource() datasource.DataSource {
	return &subnetDataSource{dataSourceBase{typeName: "_subnet"}}
}

type subnetDataSource struct{ dataSourceBase }

type subnetDataSourceModel struct {
	ID                          types.String `tfsdk:"id"`
	VPCID                       types.String `tfsdk:"vpc_id"`
	CIDRBlock                   types.String `tfsdk:"cidr_block"`
	AvailabilityZone            types.String `tfsdk:"availability_zone"`
	Tags                        types.Map    `tfsdk:"tags"`
	ARN                         types.String `tfsdk:"arn"`
	OwnerID                     types.String `tfsdk:"owner_id"`
	State                       types.String `tfsdk:"state"`
	AvailabilityZoneID          types.String `tfsdk:"availability_zone_id"`
	AvailableIPAddressCount     types.Int64  `tfsdk:"available_ip_address_count"`
	IPv6CIDRBlock               types.String `tfsdk:"ipv6_cidr_block"`
	IPv6CIDRBlockAssociationID  types.String `tfsdk:"ipv6_cidr_block_association_id"`
	MapPublicIPOnLaunch         types.Bool   `tfsdk:"map_public_ip_on_launch"`
	AssignIPv6AddressOnCreation types.Bool   `tfsdk:"assign_ipv6_address_on_creation"`
	IsPublic                    types.Bool   `tfsdk:"is_public"`
	EffectiveRouteTableID       types.String `tfsdk:"effective_route_table_id"`
	InternetAccess              types.Object `tfsdk:"internet_access"`
}

func (d *subnetDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one subnet by ID, VPC, block, zone, tags, or any combination of them, and reads what its routing makes of it now. Exactly one subnet must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The ID of the subnet to find.",
				Validators: []validator.String{idCheck(cloud.KindSubnet)}},
			"vpc_id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The VPC of the subnet to find.",
				Validators: []validator.String{idCheck(cloud.KindVPC)}},
			"cidr_block":        schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The IPv4 block of the subnet to find."},
			"availability_zone": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The zone of the subnet to find."},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the subnet to find must have. Once found, all of its tags."},
			"arn":                            computed("The subnet's ARN."),
			"owner_id":                       computed("The ID of the account that owns the subnet."),
			"state":                          computed("Always `available` in the simulated cloud."),
			"availability_zone_id":           computed("The ID of the subnet's zone."),
			"available_ip_address_count":     schema.Int64Attribute{Computed: true, MarkdownDescription: "The block's addresses less the five AWS reserves in every subnet."},
			"ipv6_cidr_block":                computed("The subnet's IPv6 block, or an empty string."),
			"ipv6_cidr_block_association_id": computed("The ID of the IPv6 block's association, or an empty string."),
			"map_public_ip_on_launch":        schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether instances get a public IPv4 address."},
			"assign_ipv6_address_on_creation": schema.BoolAttribute{Computed: true,
				MarkdownDescription: "Whether network interfaces get an IPv6 address."},
			"is_public": schema.BoolAttribute{Computed: true,
				MarkdownDescription: "Whether the subnet is public now: the table that serves it has an active route to an internet gateway attached to its VPC."},
			"effective_route_table_id": computed("The route table that serves the subnet now."),
			"internet_access": schema.ObjectAttribute{Computed: true, AttributeTypes: internetAccessTypes,
				MarkdownDescription: internetAccessDescription + " Read now."},
		},
	}
}

func (d *subnetDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m subnetDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.SubnetFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), CIDRBlock: m.CIDRBlock.ValueString(), AvailabilityZone: m.AvailabilityZone.ValueString()}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindSubnets(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeSubnets", err)
		return
	}
	s, ok := exactlyOne(&resp.Diagnostics, "subnet", found, func(s cloud.Subnet) string { return s.ID })
	if !ok {
		return
	}
	m.ID, m.VPCID, m.CIDRBlock = types.StringValue(s.ID), types.StringValue(s.VPCID), types.StringValue(s.CIDRBlock)
	m.AvailabilityZone, m.AvailabilityZoneID = types.StringValue(s.AvailabilityZone), types.StringValue(s.AvailabilityZoneID())
	m.Tags = mapValue(ctx, s.Tags, &resp.Diagnostics)
	m.ARN, m.OwnerID, m.State = types.StringValue(s.ARN()), types.StringValue(s.OwnerID), types.StringValue("available")
	m.AvailableIPAddressCount = types.Int64Value(int64(1)<<(32-netip.MustParsePrefix(s.CIDRBlock).Bits()) - 5)
	m.IPv6CIDRBlock, m.IPv6CIDRBlockAssociationID = types.StringValue(s.IPv6CIDRBlock), types.StringValue(s.IPv6CIDRBlockAssociationID)
	m.MapPublicIPOnLaunch, m.AssignIPv6AddressOnCreation = types.BoolValue(s.MapPublicIPOnLaunch), types.BoolValue(s.AssignIPv6AddressOnCreation)
	m.IsPublic, m.EffectiveRouteTableID = types.BoolValue(s.IsPublic), types.StringValue(s.RouteTableID)
	m.InternetAccess = internetAccessValue(s.InternetAccess, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
