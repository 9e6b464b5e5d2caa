package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type routeTableDataSourceModel struct {
	RouteTableID types.String `tfsdk:"route_table_id"`
	SubnetID     types.String `tfsdk:"subnet_id"`
	Main         types.Bool   `tfsdk:"main"`
	searchCriteria
	vpcObject
	Routes       types.List `tfsdk:"routes"`
	Associations types.List `tfsdk:"associations"`
}

var (
	// A route of the aws_route_table data source has every destination and
	// target key of a route block and instance_id, "" when unset; state and
	// origin are simcloud's own.
	routeEntryType       = routeObjectType(append([]string{"instance_id", "state", "origin"}, routeTargetKeys...))
	associationEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"route_table_association_id": types.StringType, "route_table_id": types.StringType, "subnet_id": types.StringType, "main": types.BoolType,
	}}
)

var routeTableLookup = lookupKind[routeTableDataSourceModel, cloud.RouteTable, cloud.RouteTableFilter]{
	kind: cloud.KindRouteTable,
	description: "Looks up one route table, by ID, a subnet it serves, VPC (with `main` to pick the main table), tags, `filter` blocks " +
		"(`association.subnet-id`, `route.nat-gateway-id`, `tag:Name`, ...), or any combination of them, " +
		"and lists every route, local ones included, with its state as it is now. Exactly one table must match.",
	attributes: map[string]schema.Attribute{
		"route_table_id": lookupCriterion(cloud.KindRouteTable, "The ID of the table to find, under the name the `aws_route_table` data source uses."),
		"subnet_id": schema.StringAttribute{Optional: true,
			MarkdownDescription: "A subnet: finds the table that serves it, its explicit association's or else its VPC's main table.",
			Validators:          []validator.String{idCheck(cloud.KindSubnet)}},
		"vpc_id":   lookupCriterion(cloud.KindVPC, "The VPC of the table to find."),
		"main":     schema.BoolAttribute{Optional: true, MarkdownDescription: "`true` to find only main tables, `false` for only the others."},
		"arn":      schema.StringAttribute{Computed: true, MarkdownDescription: "The table's ARN."},
		"owner_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The ID of the account that owns the table."},
		"routes": schema.ListAttribute{ElementType: routeEntryType, Computed: true,
			MarkdownDescription: "Every route of the table, local ones included (`gateway_id = \"local\"`), with every destination and target key of the AWS provider's routes, `\"\"` when unset, " +
				"`instance_id` (the instance whose network interface is the target), and its `state` (`active` or `blackhole`) and `origin`, which are simcloud's own."},
		"associations": schema.ListAttribute{ElementType: associationEntryType, Computed: true,
			MarkdownDescription: "The table's associations: its explicit subnet associations, and its main association if it is main."},
	},
	filter: func(m *routeTableDataSourceModel, tags map[string]string, diags *diag.Diagnostics) cloud.RouteTableFilter {
		filter := cloud.RouteTableFilter{ID: eitherID(m.ID, m.RouteTableID, "route_table_id", "route table", diags),
			VPCID: m.VPCID.ValueString(), SubnetID: m.SubnetID.ValueString(), Tags: tags}
		if !m.Main.IsNull() {
			main := m.Main.ValueBool()
			filter.Main = &main
		}
		return filter
	},
	find:    (*cloud.Client).FindRouteTables,
	filters: filtersOf[cloud.RouteTable](),
	id:      func(t cloud.RouteTable) string { return t.ID },
	fill: func(m *routeTableDataSourceModel, table cloud.RouteTable, diags *diag.Diagnostics) {
		m.RouteTableID = types.StringValue(table.ID)
		m.readVPCObject(table.ARN(), table.OwnerID, table.VPCID)
		m.Routes = routeEntries(table.Routes, diags)
		m.Associations = associationEntries(table.Associations, diags)
	},
	tagsOf: func(t cloud.RouteTable) map[string]string { return t.Tags },
}

func routeEntries(routes []cloud.Route, diags *diag.Diagnostics) types.List {
	// As the AWS provider does, a Gateway endpoint's routes are left out.
	routes = slices.DeleteFunc(slices.Clone(routes), cloud.IsEndpointRoute)
	return objectList(routeEntryType, routes, func(r cloud.Route) map[string]attr.Value {
		values := map[string]attr.Value{}
		for k := range routeEntryType.AttrTypes {
			values[k] = types.StringValue("")
		}
		values[inlineDestinationKey(r.Destination)] = types.StringValue(r.Destination)
		if r.Target == cloud.TargetLocal {
			values["gateway_id"] = types.StringValue(cloud.TargetLocal)
		} else {
			values[targetAttribute(r.Target)] = types.StringValue(r.Target)
		}
		values["instance_id"] = types.StringValue(r.InstanceID)
		values["state"], values["origin"] = types.StringValue(r.State), types.StringValue(r.Origin)
		return values
	}, diags)
}

func associationEntries(associations []cloud.Association, diags *diag.Diagnostics) types.List {
	return objectList(associationEntryType, associations, func(a cloud.Association) map[string]attr.Value {
		return map[string]attr.Value{
			"route_table_association_id": types.StringValue(a.ID), "route_table_id": types.StringValue(a.RouteTableID),
			"subnet_id": types.StringValue(a.SubnetID), "main": types.BoolValue(a.Main),
		}
	}, diags)
}
