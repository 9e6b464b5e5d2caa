package cloud

import (
	"context"
	"fmt"
	"strings"
)

// ClaimSubnetAssociation is the claim a planned association makes on its
// subnet, which may have only one explicit association.
const ClaimSubnetAssociation ClaimKind = "subnet-association"

// associationRule checks that a subnet may be associated with a table: both
// exist in one VPC, and the subnet has no other explicit association, in the
// cloud or planned. replaces is the ID of an association this one takes the
// place of, if any. At plan either ID may be Unknown: the subnet's one
// association is its own business, the table's existence the table's, and
// only their common VPC needs both.
func (c *Client) associationRule(subnetID, tableID, replaces string) Rule {
	return func(v View) error {
		var subnet Subnet
		if IsKnown(subnetID) {
			var err error
			if subnet, err = c.findSubnet(v, subnetID, "subnet_id"); err != nil {
				return err
			}
		}
		var table RouteTable
		if IsKnown(tableID) {
			var err error
			if table, err = c.findRouteTable(v, tableID, "route_table_id"); err != nil {
				return err
			}
		}
		if IsKnown(subnetID) && IsKnown(tableID) && subnet.VPCID != table.VPCID {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Route table %s and subnet %s belong to different networks", tableID, subnetID),
				Fix:     fmt.Sprintf("Associate %s with a route table of its own VPC, %s.", subnetID, subnet.VPCID),
				Field:   "route_table_id",
				Objects: []string{tableID, subnetID, table.VPCID, subnet.VPCID},
			}
		}
		if !IsKnown(subnetID) {
			return nil
		}
		existing, ok, err := subnetAssociation(v, subnetID)
		if err != nil {
			return err
		}
		if ok && existing.ID != replaces {
			err := associationConflict(tableID, subnetID, existing.ID+" with "+existing.RouteTableID, existing.ID, existing.RouteTableID)
			err.Obstacle = existing.ID
			return err
		}
		if claims := v.Claimed(ClaimSubnetAssociation, subnetID); len(claims) > 0 {
			return associationConflict(tableID, subnetID,
				"an association with "+orNew(claims[0].Value)+" planned by another resource of this configuration ("+claims[0].Who()+")",
				nonEmpty(claims[0].Who(), claims[0].Value)...)
		}
		return nil
	}
}

// associationConflict refuses to associate subnetID with tableID because the
// subnet already has the association existing, which others name.
func associationConflict(tableID, subnetID, existing string, others ...string) *Error {
	return &Error{
		Code:    "Resource.AlreadyAssociated",
		Message: fmt.Sprintf("the specified association for route table %s conflicts with an existing association", orNew(tableID)),
		Fix:     fmt.Sprintf("A subnet has one route table; %s already has %s. Remove that association, or import it to manage it.", subnetID, existing),
		Field:   "subnet_id",
		Objects: append(nonEmpty(tableID, subnetID), others...),
	}
}

// CheckAssociation runs at plan time the rules that associating a subnet
// with a table will meet at apply, and claims the subnet's one association.
// replaces is the ID of the association this one takes the place of, if any.
func (c *Client) CheckAssociation(ctx context.Context, p *Plan, holder Holder, subnetID, tableID, replaces string) error {
	return c.Check(ctx, p, holder, c.associationRule(subnetID, tableID, replaces),
		Claim{Kind: ClaimSubnetAssociation, Scope: subnetID, Value: tableID})
}

// Associate associates a subnet with a route table, which then serves it.
func (c *Client) Associate(ctx context.Context, subnetID, tableID string) (Association, error) {
	a := Association{ID: newID(KindRouteTableAssociation), RouteTableID: tableID, SubnetID: subnetID}
	ids := map[string]string{"subnet_id": subnetID, "route_table_id": tableID, "association_id": a.ID}
	err := c.apply(ctx, "AssociateRouteTable", ids, c.associationRule(subnetID, tableID, ""), func(tx Tx) error {
		table, err := c.findRouteTable(tx, tableID, "route_table_id")
		if err != nil {
			return err
		}
		a.VPCID = table.VPCID
		return tx.Insert(a)
	})
	return made(a, err)
}

// Association returns the association with the given ID.
func (c *Client) Association(ctx context.Context, id string) (Association, error) {
	return readResult(ctx, c, "DescribeRouteTables", map[string]string{"association_id": id}, func(tx ReadTx) (Association, error) {
		return c.findAssociation(tx, id)
	})
}

func (c *Client) findAssociation(tx ReadTx, id string) (Association, error) {
	if err := ValidateID(KindRouteTableAssociation, id, "id"); err != nil {
		return Association{}, err
	}
	a, ok, err := get[Association](tx, c.scope, id)
	if err != nil {
		return Association{}, err
	}
	if ok {
		// The association's table tells whether it is in this scope.
		if found, err := tx.Exists(c.scope, KindRouteTable, a.RouteTableID); err != nil || found {
			return a, err
		}
	}
	return Association{}, notFound(KindRouteTableAssociation, id, "id")
}

// SubnetAssociation returns a subnet's explicit association with tableID,
// as an import by "<subnet-id>/<route-table-id>" finds it.
func (c *Client) SubnetAssociation(ctx context.Context, subnetID, tableID string) (Association, error) {
	var a Association
	ids := map[string]string{"subnet_id": subnetID, "route_table_id": tableID}
	err := c.read(ctx, "DescribeRouteTables", ids, func(tx ReadTx) error {
		if _, err := c.findSubnet(tx, subnetID, "subnet_id"); err != nil {
			return err
		}
		found, ok, err := subnetAssociation(tx, subnetID)
		if err != nil {
			return err
		}
		if !ok || found.RouteTableID != tableID {
			return &Error{
				Code:    KindRouteTableAssociation.notFoundCode,
				Message: fmt.Sprintf("No association between subnet %s and route table %s exists.", subnetID, tableID),
				Fix:     "Check the IDs: the subnet must be explicitly associated with the table.",
				Objects: []string{subnetID, tableID},
			}
		}
		a = found
		return nil
	})
	return a, err
}

// Disassociate removes an explicit association; the subnet falls back to its
// VPC's main table.
func (c *Client) Disassociate(ctx context.Context, id string) error {
	return c.write(ctx, "DisassociateRouteTable", map[string]string{"association_id": id}, func(tx Tx) error {
		a, err := c.findAssociation(tx, id)
		if err != nil {
			return err
		}
		if a.Main {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("cannot disassociate the main route table association %s", id),
				Fix:     "Make another table the VPC's main table instead.",
				Objects: []string{id, a.RouteTableID, a.VPCID},
			}
		}
		return tx.Delete(KindRouteTableAssociation, id)
	})
}

// mainRouteTableRule checks that a table may become its VPC's main table.
// At plan either ID may be Unknown; the two must be known to be compared.
func (c *Client) mainRouteTableRule(vpcID, tableID string) Rule {
	return func(v View) error {
		if IsKnown(vpcID) {
			if _, err := c.findVPC(v, vpcID, "vpc_id"); err != nil {
				return err
			}
		}
		if !IsKnown(tableID) {
			return c.mainRouteTableClaims(v, vpcID)
		}
		table, err := c.findRouteTable(v, tableID, "route_table_id")
		if err != nil {
			return err
		}
		if IsKnown(vpcID) && table.VPCID != vpcID {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Route table %s and network %s belong to different networks", tableID, vpcID),
				Fix:     fmt.Sprintf("Make a table of %s its main table.", vpcID),
				Field:   "route_table_id",
				Objects: []string{tableID, vpcID, table.VPCID},
			}
		}
		return c.mainRouteTableClaims(v, vpcID)
	}
}

// mainRouteTableClaims refuses a second main route table association planned
// for one VPC.
func (c *Client) mainRouteTableClaims(v View, vpcID string) error {
	claims := v.Claimed(ClaimMainRouteTable, vpcID)
	if len(claims) == 0 {
		return nil
	}
	return &Error{
		Code:    "Resource.AlreadyAssociated",
		Message: fmt.Sprintf("the main route table association of %s is already being replaced", vpcID),
		Fix:     "Keep one simcloud_main_route_table_association per VPC.",
		Field:   "vpc_id",
		Objects: nonEmpty(vpcID, claims[0].Who(), claims[0].Value),
	}
}

// CheckMainRouteTableAssociation runs at plan time the rules that making a
// table its VPC's main table will meet at apply.
func (c *Client) CheckMainRouteTableAssociation(ctx context.Context, p *Plan, holder Holder, vpcID, tableID string) error {
	return c.Check(ctx, p, holder, c.mainRouteTableRule(vpcID, tableID),
		Claim{Kind: ClaimMainRouteTable, Scope: vpcID, Value: tableID})
}

// ReplaceMainRouteTable makes a table its VPC's main table. It returns the
// new main association and the table that was main before.
func (c *Client) ReplaceMainRouteTable(ctx context.Context, vpcID, tableID string) (Association, string, error) {
	a := Association{ID: newID(KindRouteTableAssociation), RouteTableID: tableID, VPCID: vpcID, Main: true}
	var previous string
	ids := map[string]string{"vpc_id": vpcID, "route_table_id": tableID, "association_id": a.ID}
	err := c.apply(ctx, "ReplaceRouteTableAssociation", ids, c.mainRouteTableRule(vpcID, tableID), func(tx Tx) error {
		old, ok, err := tx.MainAssociation(vpcID)
		if err != nil {
			return err
		}
		if ok {
			previous = old.RouteTableID
			if err := tx.Delete(KindRouteTableAssociation, old.ID); err != nil {
				return err
			}
		}
		return tx.Insert(a)
	})
	if err != nil {
		return Association{}, "", err
	}
	return a, previous, nil
}

// MainAssociation returns a VPC's main route table association.
func (c *Client) MainAssociation(ctx context.Context, vpcID string) (Association, error) {
	var a Association
	err := c.read(ctx, "DescribeRouteTables", map[string]string{"vpc_id": vpcID}, func(tx ReadTx) error {
		if _, err := c.findVPC(tx, vpcID, "vpc_id"); err != nil {
			return err
		}
		var ok bool
		var err error
		a, ok, err = tx.MainAssociation(vpcID)
		if err == nil && !ok {
			err = fmt.Errorf("VPC %s has no main route table association", vpcID)
		}
		return err
	})
	return a, err
}

// ParseAssociationImportID splits an association's import ID,
// <subnet-id>/<route-table-id>.
func ParseAssociationImportID(id string) (subnetID, tableID string, err error) {
	return parseIDPair(id, "/", KindSubnet, KindRouteTable, "route table association import ID", "SUBNET-ID/ROUTE-TABLE-ID",
		"Write the subnet's ID, a slash, and the route table's ID")
}

// parseIDPair splits an ID made of the IDs of two objects joined by
// separator, as the AWS provider writes the import IDs of objects that have
// none of their own; what, form and write word the refusal of any other
// string.
func parseIDPair(id, separator string, first, second Kind, what, form, write string) (string, string, error) {
	a, b, found := strings.Cut(id, separator)
	if found && ValidateID(first, a, "") == nil && ValidateID(second, b, "") == nil {
		return a, b, nil
	}
	return "", "", &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("Invalid %s %q: expected %s.", what, printable(id), form),
		Fix:     fmt.Sprintf("%s, such as %s-0123456789abcdef0%s%s-0123456789abcdef0.", write, first.Prefix, separator, second.Prefix),
		Field:   "id",
	}
}
