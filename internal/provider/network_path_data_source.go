package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewNetworkPathDataSource returns the simcloud_network_path data source. It
// is not a lookupKind: it finds no object of the cloud, but follows a path
// through several, so it has a Read of its own.
var NewNetworkPathDataSource = newComputedDataSource("_network_path", readNetworkPath, schema.Schema{
	MarkdownDescription: "Follows the path between a subnet and the internet, one way, over one IP version, as the simulated cloud routes it now: " +
		"the subnet, the route table that serves it, the route that longest-prefix matching picks, the gateway, and past a NAT gateway its own way out. " +
		"Where the path breaks, it says where and what would fix it. No AWS provider data source does this; AWS's Reachability Analyzer is the nearest thing.",
	Attributes: map[string]schema.Attribute{
		"subnet_id": schema.StringAttribute{Required: true, MarkdownDescription: "The subnet.",
			Validators: []validator.String{idCheck(cloud.KindSubnet)}},
		"direction": schema.StringAttribute{Required: true,
			MarkdownDescription: "`outbound`, from the subnet to the internet, or `inbound`, from the internet to the subnet.",
			Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathQuestion(s, cloud.IPv4) })}},
		"ip_version": schema.StringAttribute{Required: true, MarkdownDescription: "`ipv4` or `ipv6`.",
			Validators: []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathQuestion(cloud.Outbound, s) })}},
		"reachable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether traffic gets through."},
		"hops": schema.ListAttribute{ElementType: hopType, Computed: true,
			MarkdownDescription: "The steps of the path as far as it goes: each with a `kind` (`subnet`, `route_table`, `route`, `internet_gateway`, " +
				"`egress_only_internet_gateway`, `nat_gateway`, `internet`), an `id` and a `detail`."},
		"breaks_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Where the path stops, or an empty string when it gets through."},
		"fix":       schema.StringAttribute{Computed: true, MarkdownDescription: "What would let it through, or an empty string."},
	},
})

type networkPathModel struct {
	SubnetID  types.String `tfsdk:"subnet_id"`
	Direction types.String `tfsdk:"direction"`
	IPVersion types.String `tfsdk:"ip_version"`
	Reachable types.Bool   `tfsdk:"reachable"`
	Hops      types.List   `tfsdk:"hops"`
	BreaksAt  types.String `tfsdk:"breaks_at"`
	Fix       types.String `tfsdk:"fix"`
}

var hopType = types.ObjectType{AttrTypes: map[string]attr.Type{"kind": types.StringType, "id": types.StringType, "detail": types.StringType}}

func readNetworkPath(ctx context.Context, data *providerData, m *networkPathModel, diags *diag.Diagnostics) {
	path, err := data.client.NetworkPath(ctx, m.SubnetID.ValueString(), m.Direction.ValueString(), m.IPVersion.ValueString())
	if err != nil {
		addCloudError(diags, "NetworkPath", err)
		return
	}
	m.Hops = objectList(hopType, path.Hops, func(h cloud.Hop) map[string]attr.Value {
		return map[string]attr.Value{"kind": types.StringValue(h.Kind), "id": types.StringValue(h.ID), "detail": types.StringValue(h.Detail)}
	}, diags)
	m.Reachable, m.BreaksAt, m.Fix = types.BoolValue(path.Reachable), types.StringValue(path.Break), types.StringValue(path.Fix)
}
