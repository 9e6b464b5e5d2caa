package cloud

import (
	"context"
	"fmt"
)

// Store keeps the cloud. Implementations hold every invariant that a schema
// can (unique keys, foreign keys) as a second guard behind the rules, and run
// each Write function as one transaction that excludes other writers for its
// whole length, so a rule checked inside it still holds when it commits.
type Store interface {
	// Read runs fn on a consistent snapshot.
	Read(ctx context.Context, fn func(ReadTx) error) error
	// Write runs fn in a transaction and commits it if fn returns nil.
	Write(ctx context.Context, fn func(Tx) error) error
	Close() error
}

// Row is an object that the store keeps as one row of a table of its kind:
// what the store's generic reads and writes take and give, so that a new
// kind needs a table description in the store and no new methods here.
type Row interface {
	// StoredKind is the kind of the object, which names its table.
	StoredKind() Kind
}

// Filter selects objects of one kind for ReadTx.List; empty fields match
// all.
type Filter interface {
	// FilteredKind is the kind of the objects the filter selects.
	FilteredKind() Kind
}

// ReadTx is what rules may look at. Lookups return ok=false, not an error,
// for a missing object.
type ReadTx interface {
	// Get returns the object of kind k with the given ID in the scope.
	// Route table associations, which have no owner of their own, are
	// found in any scope.
	Get(scope Scope, k Kind, id string) (row Row, ok bool, err error)
	// Exists reports whether Get would find the object, without reading
	// it.
	Exists(scope Scope, k Kind, id string) (bool, error)
	// List returns the objects of the filter's kind in the scope that the
	// filter selects, in the order of their IDs.
	List(scope Scope, filter Filter) ([]Row, error)

	// The rest are the questions that the rules ask of more than one table,
	// or of every account, or by a key other than an ID.

	// VPCDependents lists the IDs of objects, other than the VPC's main
	// route table, default security group and default network ACL, that
	// stop the VPC from being deleted.
	VPCDependents(scope Scope, vpcID string) ([]string, error)
	// SubnetDependents lists the IDs of objects that stop a subnet from
	// being deleted.
	SubnetDependents(subnetID string) ([]string, error)
	// IPv6BlockInUse reports whether any VPC of any account holds block.
	IPv6BlockInUse(block string) (bool, error)
	// PublicIPInUse reports whether any account holds the address.
	PublicIPInUse(ip string) (bool, error)
	Routes(tableID string) ([]Route, error)
	MainAssociation(vpcID string) (a Association, ok bool, err error)
	RouteTableIDs(vpcID string) ([]string, error)
	Tags(resourceID string) (map[string]string, error)
	// SecurityGroupRules and NetworkACLEntries are keyed by their group or
	// ACL, and read with it.
	SecurityGroupRules(groupID string) ([]SecurityGroupRule, error)
	// SecurityGroupRuleByID finds a rule of any group by its ID; its
	// group tells its scope.
	SecurityGroupRuleByID(id string) (SecurityGroupRule, bool, error)
	// PrefixListRules finds the rules of any group that name a prefix
	// list, whose ID no other account's list has.
	PrefixListRules(prefixListID string) ([]SecurityGroupRule, error)
	NetworkACLEntries(aclID string) ([]NetworkACLEntry, error)
	// NetworkACLAssociations are an ACL's associations with subnets; they
	// have no scope of their own.
	NetworkACLAssociations(aclID string) ([]NetworkACLAssociation, error)
	// NetworkACLAssociationByID finds an association by its ID, and
	// SubnetNetworkACLAssociation a subnet's one association.
	NetworkACLAssociationByID(id string) (NetworkACLAssociation, bool, error)
	SubnetNetworkACLAssociation(subnetID string) (NetworkACLAssociation, bool, error)
	// RoutePropagations are the IDs of the virtual private gateways that
	// propagate routes into a table, in order; they go with the table.
	RoutePropagations(tableID string) ([]string, error)
	// BlockPublicAccessMode is the VPC Block Public Access mode of a
	// scope, off until set.
	BlockPublicAccessMode(scope Scope) (string, error)
	// ScopeUsed reports whether the scope has had its first use (see
	// Client.UseScope).
	ScopeUsed(scope Scope) (bool, error)
}

// Tx is a write transaction.
type Tx interface {
	ReadTx

	Insert(row Row) error
	// Update stores the fields of the object that may change after it is
	// created; the store knows which those are for each kind.
	Update(row Row) error
	// Delete removes an object. A route table goes with its routes and its
	// main association, if it has one.
	Delete(k Kind, id string) error

	PutRoute(r Route) error
	DeleteRoute(routeTableID, destination string) error

	PutSecurityGroupRule(r SecurityGroupRule) error
	DeleteSecurityGroupRule(id string) error
	PutNetworkACLEntry(e NetworkACLEntry) error
	// DeleteNetworkACLEntry removes the entry of e's ACL, direction, number
	// and address family.
	DeleteNetworkACLEntry(e NetworkACLEntry) error
	// PutNetworkACLAssociation associates a subnet that has no network ACL
	// with one. The association goes with the subnet.
	PutNetworkACLAssociation(a NetworkACLAssociation) error
	// DeleteNetworkACLAssociation removes a subnet's association, which
	// the caller replaces in the same transaction.
	DeleteNetworkACLAssociation(subnetID string) error

	// PutRoutePropagation has a gateway propagate into a table (again);
	// DeleteRoutePropagation stops it, if it does.
	PutRoutePropagation(tableID, vgwID string) error
	DeleteRoutePropagation(tableID, vgwID string) error
	// SetSubnetGroupSubnets replaces the subnets of the subnet group whose
	// ARN is given; they go with the group.
	SetSubnetGroupSubnets(groupARN string, subnetIDs []string) error

	SetBlockPublicAccessMode(scope Scope, mode string) error
	// MarkScopeUsed records the scope's first use; first is false where it
	// was recorded already.
	MarkScopeUsed(scope Scope) (first bool, err error)

	// SetTags replaces every tag of the object.
	SetTags(resourceID string, tags map[string]string) error
}

func (VPC) StoredKind() Kind                       { return KindVPC }
func (Subnet) StoredKind() Kind                    { return KindSubnet }
func (RouteTable) StoredKind() Kind                { return KindRouteTable }
func (Association) StoredKind() Kind               { return KindRouteTableAssociation }
func (InternetGateway) StoredKind() Kind           { return KindInternetGateway }
func (EgressOnlyInternetGateway) StoredKind() Kind { return KindEgressOnlyInternetGateway }
func (ElasticIP) StoredKind() Kind                 { return KindElasticIP }
func (NATGateway) StoredKind() Kind                { return KindNATGateway }
func (SecurityGroup) StoredKind() Kind             { return KindSecurityGroup }
func (NetworkACL) StoredKind() Kind                { return KindNetworkACL }
func (VPNGateway) StoredKind() Kind                { return KindVPNGateway }
func (CustomerGateway) StoredKind() Kind           { return KindCustomerGateway }
func (DHCPOptions) StoredKind() Kind               { return KindDHCPOptions }
func (VPCCIDRBlockAssociation) StoredKind() Kind   { return KindVPCCIDRAssociation }

func (VPCFilter) FilteredKind() Kind                       { return KindVPC }
func (SubnetFilter) FilteredKind() Kind                    { return KindSubnet }
func (RouteTableFilter) FilteredKind() Kind                { return KindRouteTable }
func (AssociationFilter) FilteredKind() Kind               { return KindRouteTableAssociation }
func (InternetGatewayFilter) FilteredKind() Kind           { return KindInternetGateway }
func (EgressOnlyInternetGatewayFilter) FilteredKind() Kind { return KindEgressOnlyInternetGateway }
func (ElasticIPFilter) FilteredKind() Kind                 { return KindElasticIP }
func (NATGatewayFilter) FilteredKind() Kind                { return KindNATGateway }
func (SecurityGroupFilter) FilteredKind() Kind             { return KindSecurityGroup }
func (NetworkACLFilter) FilteredKind() Kind                { return KindNetworkACL }
func (VPNGatewayFilter) FilteredKind() Kind                { return KindVPNGateway }
func (CustomerGatewayFilter) FilteredKind() Kind           { return KindCustomerGateway }
func (DHCPOptionsFilter) FilteredKind() Kind               { return KindDHCPOptions }
func (VPCCIDRBlockAssociationFilter) FilteredKind() Kind   { return KindVPCCIDRAssociation }

// The ARNs of the objects AWS gives one, in the account and region that own
// them.
func (g CustomerGateway) ARN() string { return ownedARN(g, g.OwnerID, g.Region, g.ID) }
func (o DHCPOptions) ARN() string     { return ownedARN(o, o.OwnerID, o.Region, o.ID) }
func (f FlowLog) ARN() string         { return ownedARN(f, f.OwnerID, f.Region, f.ID) }
func (g InternetGateway) ARN() string { return ownedARN(g, g.OwnerID, g.Region, g.ID) }
func (e ElasticIP) ARN() string       { return ownedARN(e, e.OwnerID, e.Region, e.AllocationID) }
func (a NetworkACL) ARN() string      { return ownedARN(a, a.OwnerID, a.Region, a.ID) }
func (t RouteTable) ARN() string      { return ownedARN(t, t.OwnerID, t.Region, t.ID) }
func (g SecurityGroup) ARN() string   { return ownedARN(g, g.OwnerID, g.Region, g.ID) }
func (s Subnet) ARN() string          { return ownedARN(s, s.OwnerID, s.Region, s.ID) }
func (g VPNGateway) ARN() string      { return ownedARN(g, g.OwnerID, g.Region, g.ID) }
func (v VPC) ARN() string             { return ownedARN(v, v.OwnerID, v.Region, v.ID) }

func ownedARN(row Row, owner, region, id string) string {
	return Scope{AccountID: owner, Region: region}.ARN(row.StoredKind(), id)
}

// AssociationFilter selects route table associations; empty fields match
// all.
type AssociationFilter struct {
	ID           string
	RouteTableID string
	SubnetID     string
}

// get is ReadTx.Get for a kind known when the code is written.
func get[T Row](tx ReadTx, scope Scope, id string) (T, bool, error) {
	var zero T
	row, ok, err := tx.Get(scope, zero.StoredKind(), id)
	if err != nil || !ok {
		return zero, false, err
	}
	typed, isT := row.(T)
	if !isT {
		return zero, false, fmt.Errorf("the store gave a %T for a %T", row, zero)
	}
	return typed, true, nil
}

// list is ReadTx.List for a kind known when the code is written.
func list[T Row](tx ReadTx, scope Scope, filter Filter) ([]T, error) {
	rows, err := tx.List(scope, filter)
	if err != nil {
		return nil, err
	}
	return asEach[T](rows, func(_ int, row Row) error { return fmt.Errorf("the store gave a %T for a filter of %T", row, filter) })
}

// asEach returns items as a []T or, for the first item that is no T, the
// error that notT gives.
func asEach[T, S any](items []S, notT func(i int, item S) error) ([]T, error) {
	out := make([]T, len(items))
	for i, item := range items {
		typed, isT := any(item).(T)
		if !isT {
			return nil, notT(i, item)
		}
		out[i] = typed
	}
	return out, nil
}

// first returns the first object that filter selects, if any.
func first[T Row](tx ReadTx, scope Scope, filter Filter) (T, bool, error) {
	found, err := list[T](tx, scope, filter)
	if err != nil || len(found) == 0 {
		var zero T
		return zero, false, err
	}
	return found[0], true, nil
}

// subnetAssociation returns a subnet's explicit association, if any.
func subnetAssociation(tx ReadTx, subnetID string) (Association, bool, error) {
	// Associations have no scope of their own: any will do.
	return first[Association](tx, Scope{}, AssociationFilter{SubnetID: subnetID})
}

// mainRouteTableID returns the ID of the VPC's main route table.
func mainRouteTableID(tx ReadTx, vpcID string) (string, error) {
	a, ok, err := tx.MainAssociation(vpcID)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("VPC %s has no main route table", vpcID)
	}
	return a.RouteTableID, nil
}

// attachedInternetGateway returns the ID of the gateway attached to a VPC
// of the scope, or "".
func attachedInternetGateway(tx ReadTx, scope Scope, vpcID string) (string, error) {
	igw, _, err := first[InternetGateway](tx, scope, InternetGatewayFilter{VPCID: vpcID})
	return igw.ID, err
}

// findStored looks up an object of the scope by an ID given in argument
// field, with AWS's errors for a malformed or unknown ID.
func findStored[T Row](tx ReadTx, scope Scope, id, field string) (T, error) {
	var zero T
	kind := zero.StoredKind()
	if err := ValidateID(kind, id, field); err != nil {
		return zero, err
	}
	row, ok, err := get[T](tx, scope, id)
	if err != nil {
		return zero, err
	}
	if !ok {
		return zero, notFound(kind, id, field)
	}
	return row, nil
}

// findOwned looks up by ID a part of an object of kind P that has no scope
// of its own (a group's rule, an ACL's association), with AWS's errors for
// a malformed or unknown ID: the owner, which owner names, tells whether it
// is in the scope.
func findOwned[T any, P Row](tx ReadTx, scope Scope, kind Kind, id, field string, byID func(string) (T, bool, error), owner func(T) string) (T, error) {
	var zero T
	if err := ValidateID(kind, id, field); err != nil {
		return zero, err
	}
	part, ok, err := byID(id)
	if err != nil {
		return zero, err
	}
	if ok {
		var p P
		if found, err := tx.Exists(scope, p.StoredKind(), owner(part)); err != nil || found {
			return part, err
		}
	}
	return zero, notFound(kind, id, field)
}

// findAll reads, as operation op, the objects of the client's scope that
// filter selects.
func findAll[T Row](ctx context.Context, c *Client, op string, ids map[string]string, filter Filter) ([]T, error) {
	return readResult(ctx, c, op, ids, func(tx ReadTx) ([]T, error) {
		return list[T](tx, c.scope, filter)
	})
}
