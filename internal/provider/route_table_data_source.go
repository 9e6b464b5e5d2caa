package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var _ datasource.DataSourceWithConfigure = &routeTableDataSource{}

// NewRouteTableDataSource returns the simcloud_route_table data source.
func NewRouteTableDataSource() datasource.DataSource {
	return &routeTableDataSource{dataSourceBase{typeName: "_route_table"}}
}

type routeTableDataSource struct{ dataSourceBase }

type routeTableDataSourceModel struct {
	ID           types.String `tfsdk:"id"`
	RouteTableID types.String `tfsdk:"route_table_id"`
	SubnetID     types.String `tfsdk:"subnet_id"`
	VPCID        types.String `tfsdk:"vpc_id"`
	Main         types.Bool   `tfsdk:"main"`
	Tags         types.Map    `tfsdk:"tags"`
	ARN          types.String `tfsdk:"arn"`
	OwnerID      types.String `tfsdk:"owner_id"`
	Routes       types.List   `tfsdk:"routes"`
	Associations types.List   `tfsdk:"associations"`
}

var (
	routeEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"cidr_block": types.StringType, "ipv6_cidr_block": types.StringType, "gateway_id": types.StringType,
		"egress_only_gateway_id": types.StringType, "nat_gateway_id": types.StringType, "state": types.StringType, "origin": types.StringType,
	}}
	associationEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"route_table_association_id": types.StringType, "route_table_id": types.StringType, "subnet_id": types.StringType, "main": types.BoolType,
	}}
)

func (d *routeTableDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one route table, by ID, by a subnet it serves, by VPC (with `main` to pick the main table), or by tags, " +
			"and lists every route, local ones included, with its state as it is now. Exactly one table must match.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The ID of the table to find.",
				Validators: []validator.String{idCheck(cloud.KindRouteTable)}},
			"route_table_id": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "The ID of the table to find, under the name the `aws_route_table` data source uses.",
				Validators:          []validator.String{idCheck(cloud.KindRouteTable)}},
			"subnet_id": schema.StringAttribute{Optional: true,
				MarkdownDescription: "A subnet: finds the table that serves it, its explicit association's or else its VPC's main table.",
				Validators:          []validator.String{idCheck(cloud.KindSubnet)}},
			"vpc_id": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The VPC of the table to find.",
				Validators: []validator.String{idCheck(cloud.KindVPC)}},
			"main": schema.BoolAttribute{Optional: true, MarkdownDescription: "`true` to find only main tables, `false` for only the others."},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Tags the table to find must have. Once found, all of its tags."},
			"arn":      schema.StringAttribute{Computed: true, MarkdownDescription: "The table's ARN."},
			"owner_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the account that owns the table."},
			"routes": schema.ListAttribute{ElementType: routeEntryType, Computed: true,
				MarkdownDescription: "Every route of the table, local ones included (`gateway_id = \"local\"`), with its `state` (`active` or `blackhole`) and `origin`."},
			"associations": schema.ListAttribute{ElementType: associationEntryType, Computed: true,
				MarkdownDescription: "The table's associations: its explicit subnet associations, and its main association if it is main."},
		},
	}
}

func (d *routeTableDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m routeTableDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := cloud.RouteTableFilter{ID: m.ID.ValueString(), VPCID: m.VPCID.ValueString(), SubnetID: m.SubnetID.ValueString()}
	if id := m.RouteTableID.ValueString(); id != "" && filter.ID == "" {
		filter.ID = id
	} else if id != "" && id != filter.ID {
		resp.Diagnostics.AddError("Conflicting route table IDs", "id and route_table_id name different tables; give one of them.")
		return
	}
	if !m.Main.IsNull() {
		main := m.Main.ValueBool()
		filter.Main = &main
	}
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &filter.Tags, false)...)
	}
	found, err := d.data.client.FindRouteTables(ctx, filter)
	if err != nil {
		addCloudError(&resp.Diagnostics, "DescribeRouteTables", err)
		return
	}
	table, ok := exactlyOne(&resp.Diagnostics, "route table", found, func(t cloud.RouteTable) string { return t.ID })
	if !ok {
		return
	}
	m.ID, m.RouteTableID, m.VPCID = types.StringValue(table.ID), types.StringValue(table.ID), types.StringValue(table.VPCID)
	m.Tags = mapValue(ctx, table.Tags, &resp.Diagnostics)
	m.ARN, m.OwnerID = types.StringValue(table.ARN()), types.StringValue(table.OwnerID)
	m.Routes = routeEntries(table.Routes, &resp.Diagnostics)
	m.Associations = associationEntries(table.Associations, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func routeEntries(routes []cloud.Route, diags *diag.Diagnostics) types.List {
	var entries []attr.Value
	for _, r := range routes {
		values := map[string]attr.Value{}
		for k := range routeEntryType.AttrTypes {
			values[k] = types.StringValue("")
		}
		if isIPv6(r.Destination) {
			values["ipv6_cidr_block"] = types.StringValue(r.Destination)
		} else {
			values["cidr_block"] = types.StringValue(r.Destination)
		}
		if r.Target == cloud.TargetLocal {
			values["gateway_id"] = types.StringValue(cloud.TargetLocal)
		} else {
			values[targetAttribute(r.Target)] = types.StringValue(r.Target)
		}
		values["state"], values["origin"] = types.StringValue(r.State), types.StringValue(r.Origin)
		entry, ds := types.ObjectValue(routeEntryType.AttrTypes, values)
		diags.Append(ds...)
		entries = append(entries, entry)
	}
	list, ds := types.ListValue(routeEntryType, entries)
	diags.Append(ds...)
	return list
}

func associationEntries(associations []cloud.Association, diags *diag.Diagnostics) types.List {
	var entries []attr.Value
	for _, a := range associations {
		entry, ds := types.ObjectValue(associationEntryType.AttrTypes, map[string]attr.Value{
			"route_table_association_id": types.StringValue(a.ID), "route_table_id": types.StringValue(a.RouteTableID),
			"subnet_id": types.StringValue(a.SubnetID), "main": types.BoolValue(a.Main),
		})
		diags.Append(ds...)
		entries = append(entries, entry)
	}
	list, ds := types.ListValue(associationEntryType, entries)
	diags.Append(ds...)
	return list
}
