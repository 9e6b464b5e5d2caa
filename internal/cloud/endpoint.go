package cloud

import "net/netip"

// Endpoint is one end of a network path as reachability sees it, whatever
// the user named: an instance, a network interface, a subnet, or the
// internet. Each kind that can be an end resolves its own objects into one
// (objectKind.endpoint), so that the path's evaluator never switches on a
// kind.
type Endpoint struct {
	// ID and Kind name the object the user named; Kind is the kind's
	// typeName ("instance", "network_interface", "subnet"), or "internet"
	// with no ID.
	ID, Kind string
	// VPCID and SubnetID place the end; both empty for the internet.
	VPCID, SubnetID string
	// InterfaceID is the network interface whose security groups filter the
	// end's traffic; "" for a subnet, whose traffic no group filters.
	InterfaceID string
	// SecurityGroupIDs are the groups of InterfaceID.
	SecurityGroupIDs []string
	// PrivateIPv4 is the end's private address; for a subnet, an address a
	// host in it could have.
	PrivateIPv4 netip.Addr
	// IPv6 are the end's IPv6 addresses; empty when it has none.
	IPv6 []netip.Addr
	// PublicIPv4 is the public address that maps to PrivateIPv4 (assigned
	// at launch or an associated elastic IP); invalid (the zero Addr) when
	// the end has none.
	PublicIPv4 netip.Addr
}

// InternetEndpoint is the internet as one end of a path.
var InternetEndpoint = Endpoint{Kind: "internet"}
