package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The inline `route` of simcloud_route_table and simcloud_default_route_table
// is, as in the AWS provider, an attribute holding a set of objects.
// Terraform lets such an attribute be written as repeated `route { ... }`
// blocks, so AWS configurations port unchanged, and also as `route = []`,
// which removes every route; leaving it out leaves the routes unmanaged.

// Keys of a route object. Every key of the AWS provider's route is accepted
// so that ported configurations parse; those for targets the simulated
// cloud lacks are refused with a clear message.
var (
	routeDestinationKeys = []string{"cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"}
	routeTargetKeys      = []string{"gateway_id", "egress_only_gateway_id", "nat_gateway_id", "carrier_gateway_id", "core_network_arn",
		"local_gateway_id", "network_interface_id", "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id"}
	supportedRouteTargets = map[string]cloud.Kind{"gateway_id": cloud.KindInternetGateway, "egress_only_gateway_id": cloud.KindEgressOnlyInternetGateway,
		"nat_gateway_id": cloud.KindNATGateway}
)

func routeObjectType() types.ObjectType {
	attrs := map[string]attr.Type{}
	for _, k := range append(append([]string{}, routeDestinationKeys...), routeTargetKeys...) {
		attrs[k] = types.StringType
	}
	return types.ObjectType{AttrTypes: attrs}
}

func inlineRoutesAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		ElementType: routeObjectType(),
		Optional:    true,
		Computed:    true,
		MarkdownDescription: "The table's routes besides its local ones, written as `route { ... }` blocks as in the AWS provider. " +
			"Each has one destination, `cidr_block` or `ipv6_cidr_block`, and one target: `gateway_id` (an internet gateway), " +
			"`egress_only_gateway_id` (IPv6 destinations only) or `nat_gateway_id`. Leave `route` out to leave the routes unmanaged; write `route = []` to remove them all. " +
			"A table's routes are managed either here or by `simcloud_route` resources, never both.",
		Validators:    []validator.Set{inlineRoutesValidator{}},
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
	}
}

// inlineRoutesValidator checks each route's shape from the configuration
// alone, so that these mistakes fail at plan even when IDs are unknown.
type inlineRoutesValidator struct{}

func (inlineRoutesValidator) Description(context.Context) string {
	return "each route has exactly one destination and exactly one supported target"
}

func (v inlineRoutesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (inlineRoutesValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, element := range req.ConfigValue.Elements() {
		route, ok := element.(types.Object)
		if !ok || route.IsUnknown() {
			continue
		}
		if err := routeShapeError(route.Attributes()); err != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid route", err)
		}
	}
}

// routeShapeError describes what is wrong with one route's keys, or is "".
func routeShapeError(values map[string]attr.Value) string {
	set := func(keys []string) (names []string, unknown bool) {
		for _, k := range keys {
			v := values[k]
			if v.IsUnknown() {
				unknown = true
			}
			if !v.IsNull() {
				names = append(names, k)
			}
		}
		return names, unknown
	}
	dests, destUnknown := set(routeDestinationKeys)
	targets, targetUnknown := set(routeTargetKeys)
	switch {
	case len(dests) != 1 && !destUnknown:
		return fmt.Sprintf("A route needs exactly one destination, cidr_block or ipv6_cidr_block; this one has %d %v.", len(dests), dests)
	case len(dests) == 1 && dests[0] == "destination_prefix_list_id":
		return "Prefix lists are not simulated; give the route a cidr_block or an ipv6_cidr_block."
	case len(targets) != 1 && !targetUnknown:
		return fmt.Sprintf("A route needs exactly one target, such as gateway_id or egress_only_gateway_id; this one has %d %v.", len(targets), targets)
	case len(targets) == 1 && supportedRouteTargets[targets[0]].Prefix == "":
		return fmt.Sprintf("The simulated cloud has no %s targets; route to an internet gateway (gateway_id), an egress-only internet gateway (egress_only_gateway_id) or a NAT gateway (nat_gateway_id).", targets[0])
	case len(targets) == 1 && targets[0] == "egress_only_gateway_id" && len(dests) == 1 && dests[0] == "cidr_block":
		return "An egress-only internet gateway only routes IPv6 traffic: give this route an ipv6_cidr_block such as ::/0 instead of a cidr_block (AWS: egress_only_gateway_id conflicts with cidr_block)."
	}
	for key, kind := range supportedRouteTargets {
		if v, ok := values[key].(types.String); ok && !v.IsNull() && !v.IsUnknown() {
			if err := cloud.ValidateID(kind, v.ValueString(), key); err != nil {
				summary, detail := errorText(err)
				return summary + " " + detail
			}
		}
	}
	return ""
}

// routeSpecs reads the routes of a set whose values are known; a route with
// an unknown value is left out, to be checked at apply.
func routeSpecs(routes types.Set) []cloud.RouteSpec {
	var specs []cloud.RouteSpec
	for _, element := range routes.Elements() {
		route, ok := element.(types.Object)
		if !ok || route.IsUnknown() {
			continue
		}
		values := route.Attributes()
		var spec cloud.RouteSpec
		complete := true
		for _, k := range routeDestinationKeys {
			complete = takeString(values[k], &spec.Destination) && complete
		}
		for _, k := range routeTargetKeys {
			complete = takeString(values[k], &spec.Target) && complete
		}
		if complete {
			specs = append(specs, spec)
		}
	}
	return specs
}

// takeString copies a known, non-null string into dst; it returns false for
// an unknown value.
func takeString(v attr.Value, dst *string) bool {
	s, ok := v.(types.String)
	if !ok || s.IsUnknown() {
		return false
	}
	if !s.IsNull() {
		*dst = s.ValueString()
	}
	return true
}

// routesFromCloud makes the route attribute from a table's routes, leaving
// out its local ones, as the AWS provider does.
func routesFromCloud(routes []cloud.Route, diags *diag.Diagnostics) types.Set {
	objectType := routeObjectType()
	var elements []attr.Value
	for _, r := range routes {
		if r.Target == cloud.TargetLocal {
			continue
		}
		values := map[string]attr.Value{}
		for k := range objectType.AttrTypes {
			values[k] = types.StringNull()
		}
		if isIPv6(r.Destination) {
			values["ipv6_cidr_block"] = types.StringValue(r.Destination)
		} else {
			values["cidr_block"] = types.StringValue(r.Destination)
		}
		values[targetAttribute(r.Target)] = types.StringValue(r.Target)
		obj, ds := types.ObjectValue(objectType.AttrTypes, values)
		diags.Append(ds...)
		elements = append(elements, obj)
	}
	set, ds := types.SetValue(objectType, elements)
	diags.Append(ds...)
	return set
}

// routeTableInput reads the desired routes and tags of a route table
// resource; its routes are managed when its configuration has `route`.
func routeTableInput(ctx context.Context, routes types.Set, tagsAll types.Map, config func(context.Context, path.Path, any) diag.Diagnostics, diags *diag.Diagnostics) cloud.RouteTableInput {
	var configRoutes types.Set
	diags.Append(config(ctx, path.Root("route"), &configRoutes)...)
	return cloud.RouteTableInput{Tags: tagsForCloud(ctx, tagsAll, diags), Routes: routeSpecs(routes), ManageRoutes: !configRoutes.IsNull()}
}

// targetAttribute names the attribute of a route that holds a target, by
// the target's kind.
func targetAttribute(target string) string {
	for key, kind := range supportedRouteTargets {
		if strings.HasPrefix(target, kind.Prefix+"-") {
			return key
		}
	}
	return "gateway_id"
}

func isIPv6(cidr string) bool {
	for _, r := range cidr {
		if r == ':' {
			return true
		}
	}
	return false
}
