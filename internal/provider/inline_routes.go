package provider

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The inline `route` of simcloud_route_table and simcloud_default_route_table
// is, as in the AWS provider, an attribute holding a set of objects.
// Terraform lets such an attribute be written as repeated `route { ... }`
// blocks, so AWS configurations port unchanged, and also as `route = []`,
// which removes every route; leaving it out leaves the routes unmanaged.

// Keys of a route object: every key of the AWS provider's route, so that
// ported configurations parse; the cloud refuses those for targets it lacks
// with a clear message (cloud.CheckRouteArguments).
var (
	routeDestinationKeys = []string{"cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"}
	routeBlockKeys       = routeDestinationKeys[:2]
	routeTargetKeys      = []string{"gateway_id", "egress_only_gateway_id", "nat_gateway_id", "carrier_gateway_id", "core_network_arn",
		"local_gateway_id", "network_interface_id", "odb_network_arn", "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id"}
	// The AWS provider's aws_default_route_table routes lack the carrier
	// and local gateways of aws_route_table (a VPC's main table takes
	// neither) and keep instance_id, which aws_route_table dropped in
	// version 5; terraform-aws-modules/vpc writes it.
	defaultRouteTargetKeys = []string{"gateway_id", "egress_only_gateway_id", "nat_gateway_id", "core_network_arn", "instance_id",
		"network_interface_id", "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id"}
)

func routeObjectType(targetKeys []string) types.ObjectType {
	attrs := map[string]attr.Type{}
	for _, k := range append(append([]string{}, routeDestinationKeys...), targetKeys...) {
		attrs[k] = types.StringType
	}
	return types.ObjectType{AttrTypes: attrs}
}

func inlineRoutesAttribute(targetKeys []string) schema.SetAttribute {
	return schema.SetAttribute{
		ElementType: routeObjectType(targetKeys),
		Optional:    true,
		Computed:    true,
		MarkdownDescription: "The table's routes besides its local ones, written as `route { ... }` blocks as in the AWS provider. " +
			"Each has one destination, `cidr_block`, `ipv6_cidr_block` or `destination_prefix_list_id` (a customer-managed prefix list), and one target: `gateway_id` (an internet gateway or a virtual private gateway), " +
			"`egress_only_gateway_id` (IPv6 destinations only), `nat_gateway_id`, `network_interface_id` or `vpc_peering_connection_id`. " +
			"Every key of the AWS provider's route is there, `\"\"` when unset in a route read from the cloud (a key left out and one set to `\"\"` are the same route); " +
			"a key left out of a configured `route` block stays null in state, as Terraform holds a configured object to what it says. " +
			"the targets the simulated cloud does not have fail at plan with `UnsupportedOperation`, which says why. " +
			"Leave `route` out to leave the routes unmanaged; write `route = []` to remove them all. " +
			"A table's routes are managed either here or by `simcloud_route` resources, never both.",
		Validators: []validator.Set{inlineRoutesValidator{"each route has exactly one destination and exactly one supported target"}},
		PlanModifiers: append(slices.Clone(keepSetState), equivalentObjects{
			plainDescription: "keeps the prior routes when the configured ones write the same destinations another way",
			cidrKeys:         routeBlockKeys,
		}),
	}
}

// inlineRoutesValidator checks each route's shape from the configuration
// alone, so that these mistakes fail at validate even when IDs are unknown.
// At validate a module's `lookup(route.value, "key", null)` is unknown
// though it may be null, so an unknown key is left out here: what the known
// keys already break (two destinations, a target the cloud lacks, an IPv4
// destination for an egress-only gateway) no further key mends, while a
// missing destination or target may be an unknown one. The table's plan
// check (routeShapesError) decides the rest, with every key known or set.
type inlineRoutesValidator struct{ plainDescription }

func (inlineRoutesValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	for _, route := range knownElements[types.Object](req.ConfigValue) {
		known := map[string]attr.Value{}
		for k, v := range route.Attributes() {
			if !v.IsUnknown() {
				known[k] = v
			}
		}
		err := routeShapeError(known)
		if err != nil && (len(known) == len(route.Attributes()) || cloud.ErrorCode(err) != "MissingParameter") {
			addValueError(&resp.Diagnostics, req.Path, err)
		}
	}
}

// routeShapesError is the route shape check of a table's plan: every
// route's, those that validate left because a key was unknown included.
func routeShapesError(routes types.Set) error {
	for _, route := range knownElements[types.Object](routes) {
		if err := routeShapeError(route.Attributes()); err != nil {
			return err
		}
	}
	return nil
}

// routeShapeError checks one route's keys with the cloud's rule, and the
// shape of the IDs that are known. A key set to a value known only after
// apply counts as set.
func routeShapeError(values map[string]attr.Value) error {
	set := map[string]string{}
	for k, value := range values {
		if v, ok := value.(types.String); ok && !v.IsNull() {
			set[k] = planned(v)
		}
	}
	if err := cloud.CheckRouteArguments(set); err != nil {
		return err
	}
	for key, value := range set {
		if _, ok := cloud.RouteTargetKind(key); ok && cloud.IsKnown(value) && value != "" {
			if err := cloud.ValidateRouteTargetID(key, value); err != nil {
				return err
			}
		}
	}
	return nil
}

// routeSpecs reads the routes of a set as the cloud takes them; values known
// only after apply are cloud.Unknown, so that the rest of the route is still
// checked at plan.
func routeSpecs(routes types.Set) []cloud.RouteSpec {
	var specs []cloud.RouteSpec
	for _, element := range routes.Elements() {
		route, ok := element.(types.Object)
		if !ok || route.IsUnknown() {
			continue
		}
		var spec cloud.RouteSpec
		for key, value := range route.Attributes() {
			s, ok := value.(types.String)
			if !ok || s.IsNull() || (!s.IsUnknown() && s.ValueString() == "") {
				continue
			}
			if slices.Contains(routeDestinationKeys, key) {
				spec.Destination = planned(s)
			} else if kind, ok := cloud.RouteTargetKind(key); ok {
				spec.Target = plannedID(s, kind)
			}
		}
		specs = append(specs, spec)
	}
	return specs
}

// routesFromCloud makes the route attribute from a table's routes, leaving
// out its local ones, as the AWS provider does. Every key is there, "" when
// unset, as the AWS provider reads them back; a destination that like (the
// plan, or the state) writes another way keeps its spelling. And a route
// that like holds in an equivalent form, with null for "" (route blocks
// leave out the keys they do not use), keeps that form: after an apply like
// is the plan, which Terraform wants back as planned, and on refresh it is
// the state, so that a refresh changes no route's form and plans no change.
// (A plan modifier cannot take the state's form instead: by then the
// framework has already marked the table's computed attributes unknown.)
func routesFromCloud(routes []cloud.Route, targetKeys []string, like types.Set, diags *diag.Diagnostics) types.Set {
	objectType := routeObjectType(targetKeys)
	spellings := priorSpellings(like, routeBlockKeys)
	planned := map[string]attr.Value{}
	if !like.IsNull() && !like.IsUnknown() {
		for _, element := range like.Elements() {
			if key, ok := routeKey(element); ok {
				planned[key] = element
			}
		}
	}
	var elements []attr.Value
	for _, r := range routes {
		// A Gateway endpoint's routes are its own, as the AWS provider
		// leaves them out of a table's routes.
		if r.Target == cloud.TargetLocal || cloud.IsEndpointRoute(r) {
			continue
		}
		values := map[string]attr.Value{}
		for k := range objectType.AttrTypes {
			values[k] = types.StringValue("")
		}
		values[inlineDestinationKey(r.Destination)] = types.StringValue(spelledAs(spellings, r.Destination))
		values[targetAttribute(r.Target)] = types.StringValue(r.Target)
		obj, ds := types.ObjectValue(objectType.AttrTypes, values)
		diags.Append(ds...)
		if key, ok := routeKey(obj); ok && planned[key] != nil {
			elements = append(elements, planned[key])
			continue
		}
		elements = append(elements, obj)
	}
	set, ds := types.SetValue(objectType, elements)
	diags.Append(ds...)
	return set
}

// inlineDestinationKey names the key of a route object that holds a
// route's destination.
func inlineDestinationKey(destination string) string {
	switch destinationAttributeOf(destination) {
	case "destination_prefix_list_id":
		return "destination_prefix_list_id"
	case "destination_ipv6_cidr_block":
		return "ipv6_cidr_block"
	}
	return "cidr_block"
}

// routeKey is what a route object says with null and "" taken alike, as
// the AWS provider takes them; ok is false for an object with a value not
// known yet.
func routeKey(element attr.Value) (string, bool) {
	route, ok := element.(types.Object)
	if !ok || route.IsNull() || route.IsUnknown() {
		return "", false
	}
	attributes := route.Attributes()
	keys := slices.Sorted(maps.Keys(attributes))
	var b strings.Builder
	for _, k := range keys {
		s, ok := attributes[k].(types.String)
		if !ok || s.IsUnknown() {
			return "", false
		}
		b.WriteString(k + "=" + s.ValueString() + ";")
	}
	return b.String(), true
}

// routeTableInput reads the desired routes and tags of a route table
// resource; its routes are managed when its configuration has `route`.
func routeTableInput(ctx context.Context, routes types.Set, tags map[string]string, config tfsdk.Config, diags *diag.Diagnostics) cloud.RouteTableInput {
	configRoutes := configuredValue[types.Set](ctx, config, "route", diags)
	return cloud.RouteTableInput{Tags: tags, Routes: routeSpecs(routes), ManageRoutes: !configRoutes.IsNull()}
}

// plannedRoutes reads the route blocks of a table's configuration. A table
// that is new (or adopted) without route blocks is planned with its local
// routes only.
func plannedRoutes(ctx context.Context, config tfsdk.Config, isNew bool, planned *types.Set, targetKeys []string, diags *diag.Diagnostics) types.Set {
	configRoutes := configuredValue[types.Set](ctx, config, "route", diags)
	if isNew && configRoutes.IsNull() {
		*planned = routesFromCloud(nil, targetKeys, types.SetNull(routeObjectType(targetKeys)), diags)
	}
	return configRoutes
}

// targetAttribute names the attribute of a route that holds a target, by
// the target's kind.
func targetAttribute(target string) string {
	for _, key := range routeTargetKeys {
		if kind, ok := cloud.RouteTargetKind(key); ok && strings.HasPrefix(target, kind.Prefix+"-") {
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
