package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// Route states, as AWS reports them.
const (
	RouteStateActive    = "active"
	RouteStateBlackhole = "blackhole"
)

// Which kind of Terraform resource manages a route. AWS knows nothing of
// this; the simulation records it so that a table whose routes are managed
// both inline (simcloud_route_table's route) and by simcloud_route
// resources, which would fight forever, is refused.
const (
	ManagedInline  = "inline"
	ManagedByRoute = "route"
)

// Claims on route tables. ClaimRoute reserves a destination in a table (the
// scope); ClaimInlineRoutes and ClaimRouteResource say how a table's routes
// are managed.
const (
	ClaimRoute         ClaimKind = "route"
	ClaimInlineRoutes  ClaimKind = "inline-routes"
	ClaimRouteResource ClaimKind = "route-resource"
)

// RouteSpec is a desired route: a destination block and a target.
type RouteSpec struct {
	// Destination is an IPv4 or IPv6 network in CIDR notation.
	Destination string
	// Target is the ID of an object of a kind that routes can send traffic
	// to (an objectKind with a route entry).
	Target string
}

// targetKind returns the prefix of a route target's ID ("igw", "eigw",
// "nat"), or TargetLocal.
func targetKind(target string) string {
	if target == TargetLocal {
		return TargetLocal
	}
	return IDPrefix(target)
}

// targetField names the argument of simcloud_route that holds a target.
func targetField(target string) string {
	if t, ok := routeTargetOf(target); ok {
		return t.field
	}
	return "gateway_id"
}

// servedBy is a route target's servedVPC: vpcOf says which VPC a gateway
// of kind T carries traffic for.
func servedBy[T Row](vpcOf func(T) string) func(tx ReadTx, scope Scope, id string) (string, bool, error) {
	return func(tx ReadTx, scope Scope, id string) (string, bool, error) {
		g, ok, err := get[T](tx, scope, id)
		return vpcOf(g), ok, err
	}
}

// ParseRouteDestination parses a route's destination, IPv4 or IPv6, into its
// canonical form. field names the argument it came from.
func ParseRouteDestination(s, field string) (netip.Prefix, error) {
	if strings.Contains(s, ":") {
		return ParseIPv6Network(s, "destinationIpv6CidrBlock", field)
	}
	return ParseIPv4Network(s, "destinationCidrBlock", field)
}

func destinationField(dest netip.Prefix) string {
	if dest.Addr().Is6() {
		return "destination_ipv6_cidr_block"
	}
	return "destination_cidr_block"
}

// routeDestination is a route's destination as tables key it: a block in
// canonical form, or a prefix list's ID; field is the argument that holds
// it.
func routeDestination(s string) (key, field string, err error) {
	if strings.HasPrefix(s, KindPrefixList.Prefix+"-") {
		return s, "destination_prefix_list_id", ValidateID(KindPrefixList, s, "destination_prefix_list_id")
	}
	dest, err := ParseRouteDestination(s, "destination_cidr_block")
	return dest.String(), destinationField(dest), err
}

// prefixListDestinationRule checks a route to a prefix list: a
// customer-managed list of the table's region (AWS's own lists are routed
// only by their Gateway endpoints), of a family the target carries.
func (c *Client) prefixListDestinationRule(v View, tableID, id, target string) error {
	const field = "destination_prefix_list_id"
	if err := ValidateID(KindPrefixList, id, field); err != nil {
		return err
	}
	if _, ok := awsPrefixList(c.scope.Region, id); ok {
		return &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("The prefix list %s is AWS-managed and cannot be the destination of a route you create.", id),
			Fix:     "A Gateway VPC endpoint (simcloud_vpc_endpoint with route_table_ids) routes its service's AWS-managed list; route a customer-managed list (simcloud_ec2_managed_prefix_list) instead.",
			Field:   field, Objects: nonEmpty(tableID, id)}
	}
	l, err := findStored[ManagedPrefixList](v, c.scope, id, field)
	if err != nil {
		return err
	}
	if t, ok := routeTargetOf(target); ok && t.ipv6Only && l.AddressFamily == PrefixListIPv4 {
		return egressOnlyIPv4(id, field, nonEmpty(tableID, id, printable(target))...)
	}
	return nil
}

// routeSpecRule checks what can be checked of a route knowing only its
// table's VPC: the destination's form, that it is no more specific than the
// local route, and that its target exists, serves the VPC and suits the
// destination. tableID may be "" for a table not created yet. At plan any of
// vpcID, the destination and the target may be Unknown (the target as an
// UnknownID, which keeps its kind): each check runs when the values it
// needs are known.
func (c *Client) routeSpecRule(vpcID, tableID string, spec RouteSpec) Rule {
	return func(v View) error {
		var dest netip.Prefix
		if IsKnown(spec.Destination) && strings.HasPrefix(spec.Destination, KindPrefixList.Prefix+"-") {
			if err := c.prefixListDestinationRule(v, tableID, spec.Destination, spec.Target); err != nil {
				return err
			}
		} else if IsKnown(spec.Destination) {
			var err error
			if dest, err = ParseRouteDestination(spec.Destination, "destination_cidr_block"); err != nil {
				return err
			}
		}
		if err := targetSuitsDestination(tableID, dest, spec.Target); err != nil {
			return err
		}
		var vpc *VPC
		if IsKnown(vpcID) {
			found, err := c.findVPC(v, vpcID, "vpc_id")
			if err != nil {
				return err
			}
			vpc = &found
		}
		if vpc != nil && dest.IsValid() {
			locals, err := localBlocks(v, c.scope, *vpc)
			if err != nil {
				return err
			}
			for _, local := range locals {
				if p, err := netip.ParsePrefix(local); err == nil && contains(p, dest) {
					return &Error{
						Code:    "InvalidParameterValue",
						Message: fmt.Sprintf("Cannot create a more specific route for %s than local route %s in route table %s", dest, local, orNew(tableID)),
						Fix:     fmt.Sprintf("Traffic for %s stays inside the VPC through its local route; route only destinations outside it, such as 0.0.0.0/0.", local),
						Field:   destinationField(dest),
						Objects: nonEmpty(tableID, vpc.ID),
					}
				}
			}
		}
		if !IsKnown(spec.Target) {
			return nil
		}
		return c.targetRule(v, vpc, tableID, spec.Target)
	}
}

// orNew names a table in AWS's messages: its ID, or "(new)" for one that
// does not exist yet or whose ID is known only after apply.
func orNew(tableID string) string {
	if tableID == "" || !IsKnown(tableID) {
		return "(new)"
	}
	return tableID
}

// targetSuitsDestination refuses a target that cannot carry traffic of the
// destination's family: an egress-only internet gateway carries IPv6 only.
// It needs the target's kind, which an UnknownID keeps, and the destination's
// family; dest is invalid when the destination is not known yet.
func targetSuitsDestination(tableID string, dest netip.Prefix, target string) error {
	if t, ok := routeTargetOf(target); !ok || !t.ipv6Only || !dest.IsValid() || !dest.Addr().Is4() {
		return nil
	}
	return egressOnlyIPv4(dest.String(), targetField(target), nonEmpty(tableID, printable(target))...)
}

// egressOnlyIPv4 refuses an IPv4 destination for an egress-only internet
// gateway. AWS's API has no such check of its own (the gateway simply never
// carries IPv4); the AWS provider refuses the combination at plan, and the
// code here is the one AWS gives for arguments that do not go together.
func egressOnlyIPv4(dest, field string, objects ...string) *Error {
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: fmt.Sprintf("An egress-only internet gateway only routes IPv6 traffic; %s is an IPv4 destination.", dest),
		Fix: "An egress-only internet gateway lets IPv6 traffic out and carries no IPv4 at all: route IPv6 to it with " +
			"destination_ipv6_cidr_block = \"::/0\" (ipv6_cidr_block in a route block), and send IPv4 traffic out through a NAT gateway (nat_gateway_id) or an internet gateway (gateway_id).",
		Field:   field,
		Objects: objects,
	}
}

// targetRule checks that a route's target exists and, when the table's VPC
// is known (vpc not nil), that it serves that VPC.
func (c *Client) targetRule(v View, vpc *VPC, tableID string, target string) error {
	field := targetField(target)
	differentNetworks := func(noun string) *Error {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("route table %s and %s %s belong to different networks", orNew(tableID), noun, target),
			Fix:     fmt.Sprintf("Route to a gateway of %s, or attach %s to it first.", vpc.ID, target),
			Field:   field,
			Objects: nonEmpty(tableID, vpc.ID, target),
		}
	}
	t, ok := routeTargetOf(target)
	if !ok {
		return gatewayNotFound(target, field)
	}
	if t.peer != nil {
		return c.peerTargetRule(v, t, vpc, target, differentNetworks)
	}
	servedVPC, ok, err := t.servedVPC(v, c.scope, target)
	if err != nil {
		return err
	}
	if !ok {
		return gatewayNotFound(target, field)
	}
	if vpc != nil && servedVPC != vpc.ID && (t.attachClaim == "" || !claimedAttachment(v, t.attachClaim, target, vpc.ID)) {
		return differentNetworks(t.otherNetworkNoun)
	}
	return nil
}

// peerTargetRule checks a route through a target that joins two VPCs (a
// peering connection): it exists, seen from the table's scope, and joins
// the table's VPC. AWS takes a route through a connection still pending
// acceptance; the route is a blackhole until the connection is active.
func (c *Client) peerTargetRule(v View, t *routeTarget, vpc *VPC, target string, differentNetworks func(noun string) *Error) error {
	if vpc == nil {
		_, err := c.findPeering(v, target, t.field)
		return err
	}
	if _, _, ok, err := t.peer(v, c.scope, target, vpc.ID); err != nil {
		return err
	} else if !ok {
		if _, err := c.findPeering(v, target, t.field); err != nil {
			return err
		}
		e := differentNetworks(t.otherNetworkNoun)
		e.Fix = fmt.Sprintf("Route through a peering connection of %s: %s joins two other VPCs.", vpc.ID, target)
		return e
	}
	return nil
}

// claimedAttachment reports whether another object of the plan attaches
// gateway id to vpcID, by a claim of the given kind.
func claimedAttachment(v View, kind ClaimKind, id, vpcID string) bool {
	for _, claim := range v.Claimed(kind, vpcID) {
		if claim.Value == id {
			return true
		}
	}
	return false
}

func gatewayNotFound(target, field string) *Error {
	return &Error{
		Code:    "InvalidGatewayID.NotFound",
		Message: fmt.Sprintf("The gateway ID '%s' does not exist", printable(target)),
		Fix:     "Route to a gateway that exists in this account and region, usually by referring to the gateway resource's id.",
		Field:   field,
		Objects: []string{printable(target)},
	}
}

// routeRule checks a route in an existing table: its spec, that its
// destination is free there (unless replacing its own route), and that the
// table's routes are not managed the other way. At plan the table may be
// Unknown: then only what routeSpecRule can check without the VPC runs.
func (c *Client) routeRule(spec RouteSpec, tableID string, manager string, replacing bool) Rule {
	return func(v View) error {
		if !IsKnown(tableID) {
			return c.routeSpecRule(Unknown, "", spec)(v)
		}
		table, err := c.findRouteTable(v, tableID, "route_table_id")
		if err != nil {
			return err
		}
		if err := c.routeSpecRule(table.VPCID, tableID, spec)(v); err != nil {
			return err
		}
		if err := managementRule(v, table, manager); err != nil {
			return err
		}
		if !IsKnown(spec.Destination) {
			return nil
		}
		dest, field, _ := routeDestination(spec.Destination)
		if replacing {
			return routeToReplaceRule(table, dest, field)
		}
		for _, r := range table.Routes {
			if r.Destination == dest {
				err := routeExists(dest, field, tableID, RouteID(tableID, r.Destination))
				err.Obstacle = RouteID(tableID, r.Destination)
				return err
			}
		}
		for _, claim := range v.Claimed(ClaimRoute, tableID) {
			if claim.Value == dest {
				return routeExists(dest, field, tableID, claim.Who())
			}
		}
		return nil
	}
}

// routeToReplaceRule refuses to replace the target of a route to dest that
// table does not have, as AWS's ReplaceRoute does: one deleted since the
// plan's refresh, by another run or by hand.
func routeToReplaceRule(table RouteTable, dest, field string) error {
	for _, r := range table.Routes {
		if r.Destination == dest {
			return nil
		}
	}
	return &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("There is no route defined for '%s' in the route table. Use CreateRoute instead.", dest),
		Fix:     "Create the route instead of replacing it: refresh, and Terraform plans to create it again.",
		Field:   field,
		Objects: []string{table.ID},
	}
}

// routeExists refuses a second route to dest; objects are the table (or
// what stands for it) and the route, existing or planned, already there.
func routeExists(dest, field string, objects ...string) *Error {
	return &Error{
		Code:    "RouteAlreadyExists",
		Message: fmt.Sprintf("The route identified by %s already exists.", dest),
		Fix:     "A table has one route per destination: change the existing route's target, or remove one of the two (terraform import adopts a route made elsewhere).",
		Field:   field,
		Objects: objects,
	}
}

// managementRule refuses to manage a table's routes one way while they are
// managed the other.
func managementRule(v View, table RouteTable, manager string) error {
	other, otherClaim, resourceName := ManagedByRoute, ClaimRouteResource, "simcloud_route resources"
	if manager == ManagedByRoute {
		other, otherClaim, resourceName = ManagedInline, ClaimInlineRoutes, "the route blocks of its simcloud_route_table (or simcloud_default_route_table)"
	}
	var owners, objects []string
	for _, r := range table.Routes {
		if r.ManagedBy == other {
			owners = append(owners, r.Destination)
			objects = append(objects, RouteID(table.ID, r.Destination))
		}
	}
	// A table whose resource says route = [] manages its routes inline
	// while it has none.
	inlineWithoutRoutes := manager == ManagedByRoute && table.InlineRoutes && len(owners) == 0
	claims := v.Claimed(otherClaim, table.ID)
	if len(owners) == 0 && !inlineWithoutRoutes && len(claims) == 0 {
		return nil
	}
	for _, claim := range claims {
		objects = append(objects, claim.Who())
	}
	what := "in this configuration"
	switch {
	case len(owners) > 0:
		what = "for " + strings.Join(owners, ", ")
	case inlineWithoutRoutes:
		what = "(route = [], so that it has none)"
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: fmt.Sprintf("The routes of route table %s are managed by %s %s.", table.ID, resourceName, what),
		Fix:     "Manage a table's routes either with route blocks in the table or with simcloud_route resources, not both: with both, each apply would undo the other's routes.",
		Field:   "route_table_id",
		Objects: append([]string{table.ID}, objects...),
	}
}

// CheckRoute runs at plan time the rules a simcloud_route will meet at apply,
// and claims its destination. replacing says it exists and only its target
// changes.
func (c *Client) CheckRoute(ctx context.Context, p *Plan, holder Holder, tableID string, spec RouteSpec, replacing bool) error {
	claims := []Claim{{Kind: ClaimRouteResource, Scope: tableID}}
	if IsKnown(spec.Destination) {
		dest, _, err := routeDestination(spec.Destination)
		if err != nil {
			return err
		}
		claims = append(claims, Claim{Kind: ClaimRoute, Scope: tableID, Value: dest})
	}
	return c.Check(ctx, p, holder, c.routeRule(spec, tableID, ManagedByRoute, replacing), claims...)
}

// CreateRoute adds a route to a table, as a simcloud_route does.
func (c *Client) CreateRoute(ctx context.Context, tableID string, spec RouteSpec) (Route, error) {
	return c.putRoute(ctx, "CreateRoute", tableID, spec, false)
}

// ReplaceRoute changes the target of a table's route to a destination.
func (c *Client) ReplaceRoute(ctx context.Context, tableID string, spec RouteSpec) (Route, error) {
	return c.putRoute(ctx, "ReplaceRoute", tableID, spec, true)
}

func (c *Client) putRoute(ctx context.Context, op, tableID string, spec RouteSpec, replacing bool) (Route, error) {
	var route Route
	ids := map[string]string{"route_table_id": tableID, "destination": spec.Destination, "target": spec.Target}
	err := c.apply(ctx, op, ids, c.routeRule(spec, tableID, ManagedByRoute, replacing), func(tx Tx) error {
		dest, _, _ := routeDestination(spec.Destination)
		route = Route{RouteTableID: tableID, Destination: dest, Target: spec.Target, Origin: OriginCreateRoute, ManagedBy: ManagedByRoute}
		if err := tx.PutRoute(route); err != nil {
			return err
		}
		var err error
		route, err = c.findRoute(tx, tableID, dest)
		return err
	})
	return route, err
}

// Route returns a table's route to a destination, with its state.
func (c *Client) Route(ctx context.Context, tableID, destination string) (Route, error) {
	var route Route
	err := c.read(ctx, "DescribeRouteTables", map[string]string{"route_table_id": tableID, "destination": destination}, func(tx ReadTx) error {
		var err error
		route, err = c.findRouteTo(tx, tableID, destination)
		return err
	})
	return route, err
}

// findRouteTo finds a table's route to a destination as the user wrote it.
func (c *Client) findRouteTo(tx ReadTx, tableID, destination string) (Route, error) {
	dest, _, err := routeDestination(destination)
	if err != nil {
		return Route{}, err
	}
	return c.findRoute(tx, tableID, dest)
}

// findChangeableRoute is findRouteTo for a change a user asks for: local
// routes belong to the VPC's blocks, so changing one (verb) is refused with
// AWS's words and fix.
func (c *Client) findChangeableRoute(tx ReadTx, tableID, destination, verb, fix string) (Route, error) {
	r, err := c.findRouteTo(tx, tableID, destination)
	if err != nil {
		return Route{}, err
	}
	if r.Target == TargetLocal {
		return Route{}, &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("cannot %s local route %s in route table %s", verb, r.Destination, tableID),
			Fix:     fix,
			Objects: []string{tableID, RouteID(tableID, r.Destination)},
		}
	}
	return r, nil
}

func (c *Client) findRoute(tx ReadTx, tableID, dest string) (Route, error) {
	table, err := c.findRouteTable(tx, tableID, "route_table_id")
	if err != nil {
		return Route{}, err
	}
	for _, r := range table.Routes {
		if r.Destination == dest {
			return r, nil
		}
	}
	return Route{}, routeNotFound(tableID, dest)
}

func routeNotFound(tableID, dest string) *Error {
	return &Error{
		Code:    "InvalidRoute.NotFound",
		Message: fmt.Sprintf("no route with destination-cidr-block %s in route table %s", dest, tableID),
		Fix:     "Check the route table and the destination.",
		Objects: []string{tableID},
	}
}

// DeleteRoute removes a table's route to a destination. Local routes stay.
func (c *Client) DeleteRoute(ctx context.Context, tableID, destination string) error {
	ids := map[string]string{"route_table_id": tableID, "destination": destination}
	return c.write(ctx, "DeleteRoute", ids, func(tx Tx) error {
		r, err := c.findChangeableRoute(tx, tableID, destination, "remove", "Local routes belong to the VPC's blocks and go only with them.")
		if err != nil {
			return err
		}
		return tx.DeleteRoute(tableID, r.Destination)
	})
}

// deriveRouteStates marks each route of a table active or blackhole: a
// route is a blackhole when its target is gone or no longer serves the
// table's VPC, as when a gateway is detached or deleted. A route to an
// instance's network interface also learns the instance.
func deriveRouteStates(tx ReadTx, table *RouteTable) error {
	scope := Scope{AccountID: table.OwnerID, Region: table.Region}
	// A table's routes often share a target (every route of a public
	// table through one gateway); within one table what is derived of a
	// target is the same for each of its routes, so it is read once, not
	// once per route.
	type derived struct{ state, instanceID, instanceOwnerID string }
	derivedOf := map[string]derived{}
	for i := range table.Routes {
		r := &table.Routes[i]
		if r.Target == TargetLocal {
			r.State = RouteStateActive
			continue
		}
		d, known := derivedOf[r.Target]
		if !known {
			var err error
			if d.state, err = routeState(tx, scope, table, *r); err != nil {
				return err
			}
			if t, ok := routeTargetOf(r.Target); ok && t.instance != nil && !IsEndpointRoute(*r) {
				if d.instanceID, d.instanceOwnerID, err = t.instance(tx, scope, r.Target); err != nil {
					return err
				}
			}
			derivedOf[r.Target] = d
		}
		r.State, r.InstanceID, r.InstanceOwnerID = d.state, d.instanceID, d.instanceOwnerID
	}
	return nil
}

// routeState is the state of route r of table, whose target is not local.
func routeState(tx ReadTx, scope Scope, table *RouteTable, r Route) (string, error) {
	if IsEndpointRoute(r) {
		return endpointRouteState(tx, scope, *table, r.Target)
	}
	t, ok := routeTargetOf(r.Target)
	if !ok {
		return RouteStateBlackhole, nil
	}
	if t.peer != nil {
		_, active, _, err := t.peer(tx, scope, r.Target, table.VPCID)
		if err != nil || !active {
			return RouteStateBlackhole, err
		}
		return RouteStateActive, nil
	}
	servedVPC, ok, err := t.servedVPC(tx, scope, r.Target)
	if err != nil || !ok || servedVPC != table.VPCID {
		return RouteStateBlackhole, err
	}
	return RouteStateActive, nil
}

// RouteID returns the ID the AWS provider gives a route:
// "r-" + table ID + the CRC-32 of the destination, in decimal.
func RouteID(tableID, destination string) string {
	return fmt.Sprintf("r-%s%d", tableID, crc32String(destination))
}

// ParseRouteImportID splits a route's import ID, <route-table-id>_<destination>.
func ParseRouteImportID(id string) (tableID, destination string, err error) {
	tableID, destination, found := strings.Cut(id, "_")
	if found && ValidateID(KindRouteTable, tableID, "") == nil {
		if dest, _, err := routeDestination(destination); err == nil {
			return tableID, dest, nil
		}
	}
	return "", "", &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("Invalid route import ID %q: expected ROUTE-TABLE-ID_DESTINATION.", printable(id)),
		Fix:     "Write the table's ID, an underscore, and the route's destination block or prefix list, such as rtb-0123456789abcdef0_0.0.0.0/0, rtb-0123456789abcdef0_::/0 or rtb-0123456789abcdef0_pl-0123456789abcdef0.",
		Field:   "id",
	}
}

// replaceTargetRule checks that the route to spec's destination in table
// tableID, not a local one, may be pointed at spec's target.
func (c *Client) replaceTargetRule(tableID string, spec RouteSpec) Rule {
	return func(v View) error {
		table, err := c.findRouteTable(v, tableID, "route_table_id")
		if err != nil {
			return err
		}
		if _, err := c.findChangeableRoute(v, tableID, spec.Destination, "replace", "Local routes belong to the VPC's blocks; replace a route to a gateway instead."); err != nil {
			return err
		}
		return c.routeSpecRule(table.VPCID, tableID, spec)(v)
	}
}

// ReplaceRouteTarget points an existing route at another target, as AWS's
// ReplaceRoute does for any client: unlike ReplaceRoute, which a
// simcloud_route uses, it keeps the route's origin and the Terraform
// resource kind that manages it, since a change made outside Terraform
// changes only the target.
func (c *Client) ReplaceRouteTarget(ctx context.Context, tableID string, spec RouteSpec) (Route, error) {
	var route Route
	ids := map[string]string{"route_table_id": tableID, "destination": spec.Destination, "target": spec.Target}
	err := c.apply(ctx, "ReplaceRoute", ids, c.replaceTargetRule(tableID, spec), func(tx Tx) error {
		old, err := c.findRouteTo(tx, tableID, spec.Destination)
		if err != nil {
			return err
		}
		old.Target = spec.Target
		if err := tx.PutRoute(old); err != nil {
			return err
		}
		route, err = c.findRoute(tx, tableID, old.Destination)
		return err
	})
	return route, err
}

// The arguments of a route, by the AWS provider's names: aws_route's, and
// the shorter ones of a route block in aws_route_table. Each destination
// argument names its family. The target arguments of kinds the cloud has
// are the route targets' fields in the registry of kinds; those below are
// the AWS provider's others, which the simulated cloud cannot route to yet,
// each with the reason a refusal gives.
var (
	routeDestinationArguments = map[string]string{
		"destination_cidr_block": "IPv4", "cidr_block": "IPv4",
		"destination_ipv6_cidr_block": "IPv6", "ipv6_cidr_block": "IPv6",
		"destination_prefix_list_id": "prefix list",
	}
	unsimulatedRouteTargetArguments = map[string]string{
		"carrier_gateway_id": "carrier gateways serve Wavelength Zones, which the simulated cloud does not have",
		"core_network_arn":   "it has no AWS Cloud WAN core networks",
		// AWS routes to an instance through its one network interface,
		// which a route can name itself.
		"instance_id":        "it routes to an instance only through its network interface: set network_interface_id to the instance's primary_network_interface_id",
		"local_gateway_id":   "local gateways belong to Outposts, which the simulated cloud does not have",
		"odb_network_arn":    "it has no Oracle Database@AWS networks",
		"transit_gateway_id": "it has no transit gateways",
		// A route's vpc_endpoint_id names a Gateway Load Balancer endpoint; a
		// Gateway endpoint adds its routes through its route_table_ids.
		"vpc_endpoint_id": "it has no Gateway Load Balancer endpoints, the only endpoints a route can target (a Gateway endpoint routes its service through its route_table_ids)",
	}
)

// RouteArgumentUnsupported is the reason the simulated cloud refuses a
// route's target argument, "" for one it serves or that is no target.
func RouteArgumentUnsupported(argument string) string {
	return unsimulatedRouteTargetArguments[argument]
}

// routeTargetByArgument returns the kind whose targets a route's target
// argument names.
func routeTargetByArgument(argument string) (objectKind, bool) {
	for _, k := range objectKinds {
		if k.route != nil && k.route.field == argument {
			return k, true
		}
	}
	return objectKind{}, false
}

// isRouteTargetArgument reports whether a route's argument names a target,
// of a kind the simulated cloud has or not.
func isRouteTargetArgument(argument string) bool {
	_, ok := routeTargetByArgument(argument)
	_, unsimulated := unsimulatedRouteTargetArguments[argument]
	return ok || unsimulated
}

// RouteTargetKind returns the kind of object a route's target argument
// refers to (the first of them for gateway_id, which also takes a virtual
// private gateway's ID: the kind an ID not known yet stands for), and false
// for an argument that is no target the simulated cloud can route to.
func RouteTargetKind(argument string) (Kind, bool) {
	k, ok := routeTargetByArgument(argument)
	return k.Kind, ok
}

// RouteTargetsSentence names the kinds a route can send traffic to, for
// messages: "an internet gateway, ... or NAT gateway".
func RouteTargetsSentence() string {
	return kindsSentence(routeTargetKind, false)
}

// routeTargetArgumentsSentence lists the route targets' arguments, each
// with its kinds, as say words the pair: "gateway_id (an internet gateway
// or virtual private gateway)".
func routeTargetArgumentsSentence(say func(argument, kind string) string) string {
	var fields []string
	labels := map[string][]string{}
	for _, k := range objectKinds {
		if k.route != nil {
			if labels[k.route.field] == nil {
				fields = append(fields, k.route.field)
			}
			labels[k.route.field] = append(labels[k.route.field], k.label)
		}
	}
	parts := make([]string, len(fields))
	for i, field := range fields {
		parts[i] = say(field, withArticle(joinOr(labels[field])))
	}
	return joinOr(parts)
}

// ValidateRouteTargetID checks that id has the shape of an ID of a kind
// that a route's target argument names (gateway_id takes an internet
// gateway's and a virtual private gateway's), and names the argument in
// the error when it does not.
func ValidateRouteTargetID(argument, id string) error {
	var kinds []Kind
	for _, k := range objectKinds {
		if k.route != nil && k.route.field == argument {
			if k.Prefix == IDPrefix(id) {
				return ValidateID(k.Kind, id, argument)
			}
			kinds = append(kinds, k.Kind)
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	return ValidateID(kinds[0], id, argument)
}

// CheckRouteArguments checks which arguments a route sets, from its
// configuration alone: exactly one destination and one target, both of
// kinds the cloud has, and no IPv4 destination for an egress-only gateway.
// set maps each argument given a value to that value, Unknown when it is
// known only after apply: an argument set to such a value is still set, so
// these checks never wait for apply. An argument set to "" is unset, as
// the AWS provider takes it (and as ported route objects write the keys
// they do not use). Arguments that are neither destinations nor targets are
// ignored.
func CheckRouteArguments(set map[string]string) error {
	var destinations, targets []string
	for name, value := range set {
		if value == "" {
			continue
		}
		if _, ok := routeDestinationArguments[name]; ok {
			destinations = append(destinations, name)
		}
		if isRouteTargetArgument(name) {
			targets = append(targets, name)
		}
	}
	slices.Sort(destinations)
	slices.Sort(targets)
	if err := exactlyOneRouteArgument("destination", destinations, "destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId",
		"destination_cidr_block (IPv4, such as 0.0.0.0/0), destination_ipv6_cidr_block (IPv6, such as ::/0) or destination_prefix_list_id; in a route block, cidr_block, ipv6_cidr_block or destination_prefix_list_id"); err != nil {
		return err
	}
	if err := exactlyOneRouteArgument("target", targets, "gatewayId, egressOnlyInternetGatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId or transitGatewayId",
		routeTargetArgumentsSentence(func(argument, kind string) string { return argument + " (" + kind + ")" })); err != nil {
		return err
	}
	destination, target := destinations[0], targets[0]
	targetKind, ok := routeTargetByArgument(target)
	if !ok {
		return unsupportedRoute(target, unsimulatedRouteTargetArguments[target], fmt.Sprintf("Route to %s.",
			routeTargetArgumentsSentence(func(argument, kind string) string { return kind + " (" + argument + ")" })))
	}
	if targetKind.route.ipv6Only && routeDestinationArguments[destination] == "IPv4" {
		dest := set[destination]
		if !IsKnown(dest) {
			dest = "the " + destination
		}
		return egressOnlyIPv4(dest, destination, nonEmpty(set[target])...)
	}
	return nil
}

// exactlyOneRouteArgument refuses a route with none or several of the
// arguments of one role (destination or target), as AWS refuses the
// request: awsNames lists them as AWS's API spells them, ours as the
// provider does.
func exactlyOneRouteArgument(role string, given []string, awsNames, ours string) error {
	if len(given) == 1 {
		return nil
	}
	message := fmt.Sprintf("The request must contain exactly one of %s", awsNames)
	if len(given) == 0 {
		return &Error{Code: "MissingParameter", Message: message,
			Fix: fmt.Sprintf("Give the route a %s: %s.", role, ours)}
	}
	return &Error{Code: "InvalidParameterCombination", Message: message,
		Fix:   fmt.Sprintf("A route has one %s, and this one sets %s: keep one of them. The %ss are %s.", role, strings.Join(given, " and "), role, ours),
		Field: given[1]}
}

// unsupportedRoute refuses a route argument the simulated cloud cannot
// serve, saying why.
func unsupportedRoute(argument, reason, fix string) error {
	return &Error{Code: "UnsupportedOperation", Message: fmt.Sprintf("The simulated cloud does not support routes with %s: %s.", argument, reason), Fix: fix, Field: argument}
}
