package cloud

import "context"

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

// ReadTx is what rules may look at. Lookups return ok=false, not an error,
// for a missing object.
type ReadTx interface {
	VPC(scope Scope, id string) (vpc VPC, ok bool, err error)
	VPCs(scope Scope, filter VPCFilter) ([]VPC, error)
	// VPCDependents lists the IDs of objects, other than the VPC's main
	// route table, that stop the VPC from being deleted.
	VPCDependents(scope Scope, vpcID string) ([]string, error)
	// IPv6BlockInUse reports whether any VPC of any account holds block.
	IPv6BlockInUse(block string) (bool, error)

	RouteTable(scope Scope, id string) (table RouteTable, ok bool, err error)
	RouteTables(scope Scope, filter RouteTableFilter) ([]RouteTable, error)
	Routes(tableID string) ([]Route, error)
	Route(tableID, destination string) (route Route, ok bool, err error)
	Association(id string) (a Association, ok bool, err error)
	// SubnetAssociation returns a subnet's explicit association, if any.
	SubnetAssociation(subnetID string) (a Association, ok bool, err error)
	MainAssociation(vpcID string) (a Association, ok bool, err error)

	Subnet(scope Scope, id string) (subnet Subnet, ok bool, err error)
	Subnets(scope Scope, filter SubnetFilter) ([]Subnet, error)
	// SubnetDependents lists the IDs of objects that stop a subnet from
	// being deleted.
	SubnetDependents(subnetID string) ([]string, error)
	// MainRouteTableID returns the ID of the VPC's main route table.
	MainRouteTableID(vpcID string) (string, error)
	RouteTableIDs(vpcID string) ([]string, error)

	InternetGateway(scope Scope, id string) (igw InternetGateway, ok bool, err error)
	InternetGateways(scope Scope, filter InternetGatewayFilter) ([]InternetGateway, error)
	// AttachedInternetGateway returns the ID of the gateway attached to a
	// VPC, or "".
	AttachedInternetGateway(vpcID string) (string, error)

	EgressOnlyInternetGateway(scope Scope, id string) (g EgressOnlyInternetGateway, ok bool, err error)
	EgressOnlyInternetGateways(scope Scope, filter EgressOnlyInternetGatewayFilter) ([]EgressOnlyInternetGateway, error)

	ElasticIPs(scope Scope, filter ElasticIPFilter) ([]ElasticIP, error)
	// PublicIPInUse reports whether any account holds the address.
	PublicIPInUse(ip string) (bool, error)
	NATGateways(scope Scope, filter NATGatewayFilter) ([]NATGateway, error)

	Tags(resourceID string) (map[string]string, error)
}

// Tx is a write transaction.
type Tx interface {
	ReadTx

	InsertVPC(vpc VPC) error
	UpdateVPC(vpc VPC) error
	DeleteVPC(id string) error

	InsertRouteTable(table RouteTable) error
	// SetInlineRoutes records whether a table's routes are managed inline.
	SetInlineRoutes(tableID string, inline bool) error
	// DeleteRouteTable removes a table with its routes and its main
	// association, if it has one.
	DeleteRouteTable(id string) error
	InsertAssociation(a Association) error
	DeleteAssociation(id string) error

	InsertSubnet(s Subnet) error
	UpdateSubnet(s Subnet) error
	DeleteSubnet(id string) error
	PutRoute(r Route) error
	DeleteRoute(routeTableID, destination string) error

	InsertInternetGateway(igw InternetGateway) error
	// SetInternetGatewayVPC attaches a gateway to a VPC, or detaches it for "".
	SetInternetGatewayVPC(igwID, vpcID string) error
	DeleteInternetGateway(id string) error

	InsertEgressOnlyInternetGateway(g EgressOnlyInternetGateway) error
	DeleteEgressOnlyInternetGateway(id string) error

	InsertElasticIP(eip ElasticIP) error
	DeleteElasticIP(allocationID string) error
	InsertNATGateway(nat NATGateway) error
	DeleteNATGateway(id string) error

	// SetTags replaces every tag of the object.
	SetTags(resourceID string, tags map[string]string) error
}
