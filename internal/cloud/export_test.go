package cloud

import (
	"slices"
	"testing"
)

// WithPeeringKind registers, for one test, a stand-in for a kind that joins
// two VPCs (a VPC peering connection, not in the cloud yet), so that paths
// through routeTarget.peer can be tested before the kind arrives. Its one
// connection serves servedVPC for routing and answers peer with what
// peerOf says; it returns the connection's ID. Tests that call it must not
// run in parallel: the registry is the package's.
func WithPeeringKind(t testing.TB, servedVPC string, peerOf func(fromVPC string) (toVPC string, active bool)) string {
	t.Helper()
	kind := Kind{Prefix: "pcx", awsNoun: "vpcPeeringConnection", label: "VPC peering connection",
		notFoundCode: "InvalidVpcPeeringConnectionID.NotFound", malformedCode: "InvalidVpcPeeringConnectionId.Malformed"}
	id := newID(kind)
	saved := objectKinds
	objectKinds = append(slices.Clone(objectKinds), objectKind{Kind: kind, typeName: "vpc_peering_connection",
		route: &routeTarget{field: "vpc_peering_connection_id", otherNetworkNoun: "VPC peering connection",
			servedVPC: func(_ ReadTx, _ Scope, target string) (string, bool, error) { return servedVPC, target == id, nil },
			beyond:    pastVPNGateway,
			peer: func(_ ReadTx, _ Scope, target, fromVPC string) (string, bool, bool, error) {
				if target != id {
					return "", false, false, nil
				}
				toVPC, active := peerOf(fromVPC)
				return toVPC, active, toVPC != "", nil
			}}})
	t.Cleanup(func() { objectKinds = saved })
	return id
}
