package cloud

import (
	"context"
	"fmt"
)

// RouteTable is a VPC's route table.
type RouteTable struct {
	ID      string
	VPCID   string
	OwnerID string
	Region  string
	// Main is true for the table that serves every subnet without an
	// explicit association; filled in by the store.
	Main bool
	// InlineRoutes says that the table's routes are managed inline, by the
	// route blocks of its Terraform resource, even while there are none.
	InlineRoutes bool
	Routes       []Route
	// Associations are the table's explicit subnet associations and, for
	// the main table, its main association; filled in only when a filter
	// asks for them, since a table may serve thousands of subnets.
	Associations []Association
	// PropagatingVGWs are the virtual private gateways that propagate
	// their VPN connections' routes into the table; filled in by the store.
	PropagatingVGWs []string
	Tags            map[string]string
}

// RouteTableFilter selects route tables; empty fields match all.
type RouteTableFilter struct {
	ID    string
	VPCID string
	// SubnetID selects the table that serves the subnet.
	SubnetID string
	// Main selects main tables (true) or the others (false).
	Main *bool
	Tags map[string]string
	// WithAssociations fills in the tables' associations.
	WithAssociations bool
}

// Route sends traffic for a destination block to a target.
type Route struct {
	RouteTableID string
	// Destination is an IPv4 or IPv6 block in canonical form.
	Destination string
	// Target is the ID of the gateway the traffic goes to, or TargetLocal.
	Target string
	Origin string
	// ManagedBy says which kind of Terraform resource made the route:
	// ManagedInline, ManagedByRoute, or "" for local routes.
	ManagedBy string
	// State is RouteStateActive or RouteStateBlackhole, derived when read
	// from whether the target still exists and serves the table's VPC.
	State string
	// InstanceID and InstanceOwnerID are, for a route to a network
	// interface attached to an instance, that instance and its owner, as
	// AWS reports them; derived when read, "" otherwise.
	InstanceID, InstanceOwnerID string
}

// Association ties a route table to a subnet, or marks it as its VPC's main
// table.
type Association struct {
	ID           string
	RouteTableID string
	VPCID        string
	SubnetID     string
	Main         bool
}

// TargetLocal is the target of the routes that keep traffic inside the VPC.
const TargetLocal = "local"

// Route origins, as AWS reports them.
const (
	OriginCreateRouteTable = "CreateRouteTable"
	OriginCreateRoute      = "CreateRoute"
)

// ClaimMainRouteTable is the claim a planned main route table association
// makes on its VPC.
const ClaimMainRouteTable ClaimKind = "main-route-table"

// inlineRoutesRule checks a set of routes that a table (tableID, "" for a
// new one) in vpcID is to hold, managed inline: each route, no destination
// twice, and no routes of the table managed by simcloud_route.
func (c *Client) inlineRoutesRule(vpcID, tableID string, routes []RouteSpec) Rule {
	return func(v View) error {
		seen := map[string]bool{}
		for _, spec := range routes {
			if err := c.routeSpecRule(vpcID, tableID, spec)(v); err != nil {
				return err
			}
			if !IsKnown(spec.Destination) {
				continue
			}
			dest, _, _ := routeDestination(spec.Destination)
			if seen[dest] {
				return routeExists(dest, "route", tableOrNew(vpcID, tableID))
			}
			seen[dest] = true
		}
		if tableID == "" {
			return nil
		}
		table, err := c.findRouteTable(v, tableID, "id")
		if err != nil {
			return err
		}
		return managementRule(v, table, ManagedInline)
	}
}

// RouteTableInput is the desired configuration of a route table.
type RouteTableInput struct {
	VPCID string
	Tags  map[string]string
	// Routes are the table's routes other than its local ones, when
	// ManageRoutes is set; otherwise the routes are left as they are.
	Routes       []RouteSpec
	ManageRoutes bool
	// PropagatingVGWs are the virtual private gateways that propagate into
	// the table, when ManagePropagations is set; otherwise the table's
	// propagations are left as they are.
	PropagatingVGWs    []string
	ManagePropagations bool
}

func (in RouteTableInput) rule(c *Client, tableID string) Rule {
	rules := []Rule{tagsRule(in.Tags), c.vpcExistsRule(in.VPCID)}
	if in.ManageRoutes {
		rules = append(rules, c.inlineRoutesRule(in.VPCID, tableID, in.Routes))
	}
	if in.ManagePropagations {
		rules = append(rules, func(v View) error {
			for _, vgwID := range in.PropagatingVGWs {
				if err := c.propagatesInto(v, vgwID, in.VPCID, tableID, "propagating_vgws"); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return allRules(rules...)
}

// applyTo gives an existing table the parts of in that it manages besides
// its tags: its inline routes (all of them when adopting) and its
// propagations.
func (in RouteTableInput) applyTo(tx Tx, tableID string, adopt bool) error {
	if in.ManageRoutes || adopt {
		if err := setInlineRoutes(tx, tableID, in.Routes, adopt); err != nil {
			return err
		}
	}
	if in.ManagePropagations {
		return setPropagations(tx, tableID, in.PropagatingVGWs)
	}
	return nil
}

// CheckRouteTable runs at plan time the rules that creating (tableID "") or
// updating a route table will meet at apply. A table whose routes are
// managed inline claims that, so that simcloud_route resources planned for it
// are refused.
func (c *Client) CheckRouteTable(ctx context.Context, p *Plan, holder Holder, tableID string, in RouteTableInput) error {
	var claims []Claim
	if in.ManageRoutes && tableID != "" {
		claims = append(claims, Claim{Kind: ClaimInlineRoutes, Scope: tableID})
	}
	return c.Check(ctx, p, holder, in.rule(c, tableID), claims...)
}

// CreateRouteTable creates a route table in a VPC, holding the VPC's local
// routes and, if in.ManageRoutes, the given routes.
func (c *Client) CreateRouteTable(ctx context.Context, in RouteTableInput) (RouteTable, error) {
	var table RouteTable
	err := c.apply(ctx, "CreateRouteTable", map[string]string{"vpc_id": in.VPCID}, in.rule(c, ""), func(tx Tx) error {
		vpc, err := c.findVPC(tx, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		if table, err = createRouteTable(tx, vpc, in.Tags); err != nil {
			return err
		}
		if err := in.applyTo(tx, table.ID, false); err != nil {
			return err
		}
		table.InlineRoutes = in.ManageRoutes
		if err := tx.Update(table); err != nil {
			return err
		}
		table, err = c.findRouteTable(tx, table.ID, "id")
		return err
	})
	return table, err
}

// UpdateRouteTable gives a table its desired tags and, if in.ManageRoutes,
// exactly the given routes besides its local ones.
func (c *Client) UpdateRouteTable(ctx context.Context, id string, in RouteTableInput) (RouteTable, error) {
	return c.updateRouteTable(ctx, "ReplaceRouteTableRoutes", id, in, false)
}

// AdoptRouteTable takes a VPC's main table under management, as
// simcloud_default_route_table does: every route but the local ones is
// removed, then the given ones are added.
func (c *Client) AdoptRouteTable(ctx context.Context, id string, in RouteTableInput) (RouteTable, error) {
	return c.updateRouteTable(ctx, "AdoptRouteTable", id, in, true)
}

func (c *Client) updateRouteTable(ctx context.Context, op, id string, in RouteTableInput, adopt bool) (RouteTable, error) {
	var table RouteTable
	err := c.write(ctx, op, map[string]string{"route_table_id": id}, func(tx Tx) error {
		var err error
		if table, err = c.findRouteTable(tx, id, "id"); err != nil {
			return err
		}
		in.VPCID = table.VPCID
		rule := in.rule(c, id)
		if adopt {
			rule = c.adoptRouteTableRule(id, in)
		}
		if err := rule(applyView{tx}); err != nil {
			return err
		}
		if err := in.applyTo(tx, id, adopt); err != nil {
			return err
		}
		table.InlineRoutes = in.ManageRoutes
		if err := tx.Update(table); err != nil {
			return err
		}
		if err := tx.SetTags(id, in.Tags); err != nil {
			return err
		}
		table, err = c.findRouteTable(tx, id, "id")
		return err
	})
	return table, err
}

// setInlineRoutes makes routes the table's only routes besides its local
// ones. Unless adopting, routes that simcloud_route resources manage are
// left alone (the rules refuse mixing the two before it gets here).
func setInlineRoutes(tx Tx, tableID string, routes []RouteSpec, adopt bool) error {
	existing, err := tx.Routes(tableID)
	if err != nil {
		return err
	}
	want := map[string]string{}
	for _, spec := range routes {
		dest, _, _ := routeDestination(spec.Destination)
		want[dest] = spec.Target
	}
	for _, r := range existing {
		// A Gateway endpoint's routes are the endpoint's, adopted or not,
		// as the AWS provider leaves them to aws_vpc_endpoint.
		if r.Target == TargetLocal || r.ManagedBy == ManagedByEndpoint || (r.ManagedBy == ManagedByRoute && !adopt) {
			continue
		}
		if target, ok := want[r.Destination]; !ok || target != r.Target || r.ManagedBy != ManagedInline {
			if err := tx.DeleteRoute(tableID, r.Destination); err != nil {
				return err
			}
		}
	}
	for dest, target := range want {
		r := Route{RouteTableID: tableID, Destination: dest, Target: target, Origin: OriginCreateRoute, ManagedBy: ManagedInline}
		if err := tx.PutRoute(r); err != nil {
			return err
		}
	}
	return nil
}

// FindRouteTables returns the route tables that match filter, by ID.
func (c *Client) FindRouteTables(ctx context.Context, filter RouteTableFilter) ([]RouteTable, error) {
	var found []RouteTable
	ids := map[string]string{"route_table_id": filter.ID, "vpc_id": filter.VPCID, "subnet_id": filter.SubnetID}
	err := c.read(ctx, "DescribeRouteTables", ids, func(tx ReadTx) error {
		if filter.SubnetID != "" {
			subnet, err := c.findSubnet(tx, filter.SubnetID, "subnet_id")
			if err != nil {
				return err
			}
			if filter.ID != "" && filter.ID != subnet.RouteTableID {
				return nil
			}
			filter.ID = subnet.RouteTableID
		}
		var err error
		filter.WithAssociations = true
		if found, err = list[RouteTable](tx, c.scope, filter); err != nil {
			return err
		}
		for i := range found {
			if err := deriveRouteStates(tx, &found[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return found, err
}

// RouteTable returns the route table with the given ID, with route states.
func (c *Client) RouteTable(ctx context.Context, id string) (RouteTable, error) {
	return readResult(ctx, c, "DescribeRouteTables", map[string]string{"route_table_id": id}, func(tx ReadTx) (RouteTable, error) {
		return c.findRouteTable(tx, id, "id")
	})
}

// DeleteRouteTable deletes a route table that is neither main nor associated.
func (c *Client) DeleteRouteTable(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteRouteTable", map[string]string{"route_table_id": id}, func(tx Tx) error {
		table, err := c.findRouteTable(tx, id, "id")
		if err != nil {
			return err
		}
		if table.Main {
			e := dependencyViolation(KindRouteTable, id, []string{table.VPCID}, nil)
			e.Fix = fmt.Sprintf("Make another table the main table of %s first (%s is main now), or delete the VPC.", table.VPCID, id)
			return e
		}
		withAssociations, err := list[RouteTable](tx, c.scope, RouteTableFilter{ID: id, WithAssociations: true})
		if err != nil {
			return err
		}
		if associations := withAssociations[0].Associations; len(associations) > 0 {
			var ids, what []string
			for _, a := range associations {
				ids = append(ids, a.ID, a.SubnetID)
				what = append(what, a.ID+" (subnet "+a.SubnetID+")")
			}
			return dependencyViolation(KindRouteTable, id, ids, what)
		}
		return tx.Delete(KindRouteTable, id)
	})
}

func (c *Client) findRouteTable(tx ReadTx, id, field string) (RouteTable, error) {
	table, err := findStored[RouteTable](tx, c.scope, id, field)
	if err != nil {
		return RouteTable{}, err
	}
	return table, deriveRouteStates(tx, &table)
}

// createRouteTable stores a new table for vpc with a local route for each of
// the VPC's blocks, as AWS gives every table.
func createRouteTable(tx Tx, vpc VPC, tags map[string]string) (RouteTable, error) {
	table := RouteTable{ID: newID(KindRouteTable), VPCID: vpc.ID, OwnerID: vpc.OwnerID, Region: vpc.Region, Tags: tags}
	if err := tx.Insert(table); err != nil {
		return RouteTable{}, err
	}
	if err := tx.SetTags(table.ID, tags); err != nil {
		return RouteTable{}, err
	}
	blocks, err := localBlocks(tx, Scope{AccountID: vpc.OwnerID, Region: vpc.Region}, vpc)
	if err != nil {
		return RouteTable{}, err
	}
	for _, block := range blocks {
		r := Route{RouteTableID: table.ID, Destination: block, Target: TargetLocal, Origin: OriginCreateRouteTable, State: RouteStateActive}
		if err := tx.PutRoute(r); err != nil {
			return RouteTable{}, err
		}
		table.Routes = append(table.Routes, r)
	}
	return table, nil
}

// putLocalRoutes adds a local route for a new block of a VPC to each of its
// tables.
func putLocalRoutes(tx Tx, vpcID, block string) error {
	ids, err := tx.RouteTableIDs(vpcID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		r := Route{RouteTableID: id, Destination: block, Target: TargetLocal, Origin: OriginCreateRouteTable}
		if err := tx.PutRoute(r); err != nil {
			return err
		}
	}
	return nil
}

// deleteLocalRoutes removes the local routes of a block the VPC gives up.
func deleteLocalRoutes(tx Tx, vpcID, block string) error {
	ids, err := tx.RouteTableIDs(vpcID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := tx.DeleteRoute(id, block); err != nil {
			return err
		}
	}
	return nil
}

// CheckAdoptRouteTable runs at plan time the rules that adopting a VPC's
// main table (see AdoptRouteTable) will meet at apply. The routes the table
// has now do not matter: adoption removes them.
func (c *Client) CheckAdoptRouteTable(ctx context.Context, p *Plan, holder Holder, tableID string, in RouteTableInput) error {
	return c.Check(ctx, p, holder, c.adoptRouteTableRule(tableID, in), Claim{Kind: ClaimInlineRoutes, Scope: tableID})
}

// adoptRouteTableRule checks that the table tableID, a VPC's main table,
// may be adopted with in, at plan and in the adoption's transaction.
func (c *Client) adoptRouteTableRule(tableID string, in RouteTableInput) Rule {
	// Adoption first removes every route, however managed; the rest of
	// what the table manages is checked as for any table.
	manages := in
	manages.ManageRoutes = false
	return func(v View) error {
		if !IsKnown(tableID) {
			// The table of a VPC the same apply creates: its routes can
			// still be checked for what needs no VPC.
			manages.VPCID = Unknown
			return allRules(manages.rule(c, ""), c.inlineRoutesRule(Unknown, "", in.Routes))(v)
		}
		table, err := c.findRouteTable(v, tableID, "default_route_table_id")
		if err != nil {
			return err
		}
		if !table.Main {
			return notMainTable(table)
		}
		manages.VPCID = table.VPCID
		if err := allRules(manages.rule(c, tableID), c.inlineRoutesRule(table.VPCID, "", in.Routes))(v); err != nil {
			return err
		}
		return managementRule(v, RouteTable{ID: tableID}, ManagedInline)
	}
}

// notMainTable refuses to adopt, as a VPC's default table, a table that is
// not its VPC's main table.
func notMainTable(table RouteTable) *Error {
	return notVPCDefault(table.ID, table.VPCID, "main route table", "default_route_table_id",
		"Give simcloud_default_route_table the VPC's default_route_table_id.")
}

// tableOrNew names a route table for Objects: its ID, or for one not created
// yet, what it will be.
func tableOrNew(vpcID, tableID string) string {
	if tableID != "" {
		return tableID
	}
	if !IsKnown(vpcID) {
		return "a new route table"
	}
	return "a new route table of " + vpcID
}
