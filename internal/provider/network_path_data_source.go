package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
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
	MarkdownDescription: "Follows a path through the simulated cloud as it routes and filters traffic now, and says where it breaks and what would fix it. " +
		"Either between a subnet and the internet, one way (`subnet_id`, `direction`), through routes and gateways; or between two ends " +
		"(`source`, `destination`: `internet` or the ID of an object that can be an end) for one protocol and port, both ways where the protocol has a reply, " +
		"through routes, gateways, network ACLs, security groups and block public access. " +
		"No AWS provider data source does this; AWS's Reachability Analyzer is the nearest thing.",
	Attributes: map[string]schema.Attribute{
		"subnet_id": schema.StringAttribute{Optional: true, MarkdownDescription: "The subnet, for a path between it and the internet. Goes with `direction`; conflicts with `source`, `destination`, `protocol` and `port`.",
			Validators: []validator.String{idCheck(cloud.KindSubnet)}},
		"direction": schema.StringAttribute{Optional: true,
			MarkdownDescription: "With `subnet_id`: `outbound`, from the subnet to the internet, or `inbound`, from the internet to the subnet.",
			Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathQuestion(s, cloud.IPv4) })}},
		"source": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Where the request starts: `internet`, or the ID of " + cloud.PathEndKindsSentence() + ". Goes with `destination` and `protocol`.",
			Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathEnd(s, "source") })}},
		"destination": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Where the request goes: `internet`, or the ID of " + cloud.PathEndKindsSentence() + ".",
			Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathEnd(s, "destination") })}},
		"protocol": schema.StringAttribute{Optional: true,
			MarkdownDescription: "`tcp`, `udp`, `icmp` (an echo request, ICMPv6 over IPv6) or `-1` (all traffic: every protocol and port must get through); " +
				"`6`, `17`, `1` and `all` are taken for them, as AWS takes them."},
		"port": schema.Int64Attribute{Optional: true,
			MarkdownDescription: "The destination port, required for `tcp` and `udp`, refused for the other protocols."},
		"ip_version": schema.StringAttribute{Required: true, MarkdownDescription: "`ipv4` or `ipv6`.",
			Validators: []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePathQuestion(cloud.Outbound, s) })}},
		"reachable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether traffic gets through (and, between two ends, its reply back)."},
		"hops": schema.ListAttribute{ElementType: hopType, Computed: true,
			MarkdownDescription: "The steps of the path as far as it goes: each with a `kind` (`subnet`, `route_table`, `route`, `internet_gateway`, " +
				"`egress_only_internet_gateway`, `nat_gateway`, `internet`; between two ends also `network_acl`, `security_group`, `vpc` and the kind of an end, " +
				"such as `instance`), an `id` and a `detail`, which names the rule that let the traffic through."},
		"breaks_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Where the path stops, or an empty string when it gets through."},
		"fix":       schema.StringAttribute{Computed: true, MarkdownDescription: "What would let it through, or an empty string."},
	},
}, pathArgumentsCheck{"subnet_id with direction, or source, destination and protocol (with port for tcp and udp)"})

type networkPathModel struct {
	SubnetID    types.String `tfsdk:"subnet_id"`
	Direction   types.String `tfsdk:"direction"`
	Source      types.String `tfsdk:"source"`
	Destination types.String `tfsdk:"destination"`
	Protocol    types.String `tfsdk:"protocol"`
	Port        types.Int64  `tfsdk:"port"`
	IPVersion   types.String `tfsdk:"ip_version"`
	Reachable   types.Bool   `tfsdk:"reachable"`
	Hops        types.List   `tfsdk:"hops"`
	BreaksAt    types.String `tfsdk:"breaks_at"`
	Fix         types.String `tfsdk:"fix"`
}

var hopType = types.ObjectType{AttrTypes: map[string]attr.Type{"kind": types.StringType, "id": types.StringType, "detail": types.StringType}}

// pathArgumentsCheck refuses, at validate, arguments that make no one
// question: the cloud's CheckPathArguments on what the configuration sets.
type pathArgumentsCheck struct{ plainDescription }

func (pathArgumentsCheck) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	set := givenArguments(ctx, req.Config, &resp.Diagnostics, "subnet_id", "direction", "source", "destination", "protocol")
	if port := configuredValue[types.Int64](ctx, req.Config, "port", &resp.Diagnostics); port.IsUnknown() {
		set["port"] = cloud.Unknown
	} else if !port.IsNull() {
		set["port"] = strconv.FormatInt(port.ValueInt64(), 10)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if err := cloud.CheckPathArguments(set); err != nil {
		addCloudError(&resp.Diagnostics, "plan", err)
	}
}

func readNetworkPath(ctx context.Context, data *providerData, m *networkPathModel, diags *diag.Diagnostics) {
	var path cloud.Path
	var err error
	if m.SubnetID.IsNull() {
		path, err = data.client.NetworkPathBetween(ctx, cloud.PathQuestion{Source: m.Source.ValueString(), Destination: m.Destination.ValueString(),
			Protocol: m.Protocol.ValueString(), Port: int(m.Port.ValueInt64()), IPVersion: m.IPVersion.ValueString()})
	} else {
		path, err = data.client.NetworkPath(ctx, m.SubnetID.ValueString(), m.Direction.ValueString(), m.IPVersion.ValueString())
	}
	if err != nil {
		addCloudError(diags, "NetworkPath", err)
		return
	}
	m.Hops = objectList(hopType, path.Hops, func(h cloud.Hop) map[string]attr.Value {
		return map[string]attr.Value{"kind": types.StringValue(h.Kind), "id": types.StringValue(h.ID), "detail": types.StringValue(h.Detail)}
	}, diags)
	m.Reachable, m.BreaksAt, m.Fix = types.BoolValue(path.Reachable), types.StringValue(path.Break), types.StringValue(path.Fix)
}
