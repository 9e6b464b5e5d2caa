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
	Main   bool
	Routes []Route
	Tags   map[string]string
}

// ARN returns the route table's ARN.
func (t RouteTable) ARN() string {
	return Scope{AccountID: t.OwnerID, Region: t.Region}.ARN(KindRouteTable, t.ID)
}

// Route sends traffic for a destination block to a target.
type Route struct {
	RouteTableID string
	// Destination is an IPv4 or IPv6 block in canonical form.
	Destination string
	// Target is the ID of the gateway the traffic goes to, or TargetLocal.
	Target string
	Origin string
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

// CreateRouteTable creates a route table in a VPC, holding the VPC's local
// routes.
func (c *Client) CreateRouteTable(ctx context.Context, vpcID string, tags map[string]string) (RouteTable, error) {
	var table RouteTable
	err := c.write(ctx, "CreateRouteTable", map[string]string{"vpc_id": vpcID}, func(tx Tx) error {
		if err := ValidateTags(tags, "tags"); err != nil {
			return err
		}
		vpc, err := c.findVPC(tx, vpcID, "vpc_id")
		if err != nil {
			return err
		}
		table, err = createRouteTable(tx, vpc, tags)
		return err
	})
	return table, err
}

// RouteTable returns the route table with the given ID.
func (c *Client) RouteTable(ctx context.Context, id string) (RouteTable, error) {
	var table RouteTable
	err := c.read(ctx, "DescribeRouteTables", map[string]string{"route_table_id": id}, func(tx ReadTx) error {
		var err error
		table, err = c.findRouteTable(tx, id, "id")
		return err
	})
	return table, err
}

// DeleteRouteTable deletes a route table that is neither main nor associated.
func (c *Client) DeleteRouteTable(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteRouteTable", map[string]string{"route_table_id": id}, func(tx Tx) error {
		table, err := c.findRouteTable(tx, id, "id")
		if err != nil {
			return err
		}
		if table.Main {
			return &Error{
				Code:    "DependencyViolation",
				Message: fmt.Sprintf("The routeTable '%s' has dependencies and cannot be deleted.", id),
				Fix:     fmt.Sprintf("%s is the main route table of %s; make another table main first, or delete the VPC.", id, table.VPCID),
			}
		}
		return deleteRouteTable(tx, id)
	})
}

func (c *Client) findRouteTable(tx ReadTx, id, field string) (RouteTable, error) {
	if err := ValidateID(KindRouteTable, id, field); err != nil {
		return RouteTable{}, err
	}
	table, ok, err := tx.RouteTable(c.scope, id)
	if err != nil {
		return RouteTable{}, err
	}
	if !ok {
		return RouteTable{}, notFound(KindRouteTable, id, field)
	}
	return table, nil
}

// createRouteTable stores a new table for vpc with a local route for each of
// the VPC's blocks, as AWS gives every table.
func createRouteTable(tx Tx, vpc VPC, tags map[string]string) (RouteTable, error) {
	table := RouteTable{ID: newID(KindRouteTable), VPCID: vpc.ID, OwnerID: vpc.OwnerID, Region: vpc.Region, Tags: tags}
	if err := tx.InsertRouteTable(table); err != nil {
		return RouteTable{}, err
	}
	if err := tx.SetTags(table.ID, tags); err != nil {
		return RouteTable{}, err
	}
	for _, block := range []string{vpc.CIDRBlock, vpc.IPv6CIDRBlock} {
		if block == "" {
			continue
		}
		r := Route{RouteTableID: table.ID, Destination: block, Target: TargetLocal, Origin: OriginCreateRouteTable}
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

// deleteRouteTable removes a table with its routes, main association and tags.
func deleteRouteTable(tx Tx, id string) error {
	if err := tx.SetTags(id, nil); err != nil {
		return err
	}
	return tx.DeleteRouteTable(id)
}
