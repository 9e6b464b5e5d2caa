package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// KindVPCPeeringConnection is a VPC peering connection: a link between two
// VPCs, of one account or two, in one region or two.
var KindVPCPeeringConnection = ec2Kind("pcx", "vpcPeeringConnection", "VPC peering connection", "vpc-peering-connection", "InvalidVpcPeeringConnectionID")

// The states of a peering connection that the cloud keeps, as AWS writes
// them. A deleted connection is gone from the cloud at once: the AWS
// provider reads a deleted connection as one that does not exist.
const (
	PeeringPendingAcceptance = "pending-acceptance"
	PeeringActive            = "active"
)

// ClaimPeering reserves, at plan, the link between two VPCs (the scope is
// peeringPair of the two), so that two connections planned together for
// one pair fail as the second would at apply.
const ClaimPeering ClaimKind = "vpc-peering"

// VPCPeeringConnection is a peering connection. Unlike other objects it is
// seen from two scopes, the requester's and the accepter's: the store keeps
// it once, outside any scope, and the engine shows it to a client of either
// side only (visibleIn).
type VPCPeeringConnection struct {
	ID                                                string
	RequesterVPCID, RequesterOwnerID, RequesterRegion string
	AccepterVPCID, AccepterOwnerID, AccepterRegion    string
	Status                                            string
	// RequesterAllowDNS and AccepterAllowDNS are each side's
	// allow_remote_vpc_dns_resolution.
	RequesterAllowDNS, AccepterAllowDNS bool
	Tags                                map[string]string
}

// VPCPeeringConnectionFilter selects peering connections; empty fields
// match all.
type VPCPeeringConnectionFilter struct {
	ID string
	// Scope, when set, keeps the connections one side of which is in it.
	Scope Scope
	// VPCID keeps the connections of which the VPC is either side.
	VPCID  string
	Status string
	Tags   map[string]string
}

func (VPCPeeringConnection) StoredKind() Kind         { return KindVPCPeeringConnection }
func (VPCPeeringConnectionFilter) FilteredKind() Kind { return KindVPCPeeringConnection }

// ARN is the requester's: AWS gives the connection one ARN, in the
// account and region that requested it.
func (p VPCPeeringConnection) ARN() string {
	return ownedARN(p, p.RequesterOwnerID, p.RequesterRegion, p.ID)
}

// RequesterScope and AccepterScope are where each side lives.
func (p VPCPeeringConnection) RequesterScope() Scope {
	return Scope{AccountID: p.RequesterOwnerID, Region: p.RequesterRegion}
}

func (p VPCPeeringConnection) AccepterScope() Scope {
	return Scope{AccountID: p.AccepterOwnerID, Region: p.AccepterRegion}
}

// visibleIn reports whether a client of scope sees the connection: one of
// its sides is there.
func (p VPCPeeringConnection) visibleIn(scope Scope) bool {
	return p.RequesterScope() == scope || p.AccepterScope() == scope
}

// otherSide returns the VPC across the connection from vpcID, and false
// when vpcID is neither side.
func (p VPCPeeringConnection) otherSide(vpcID string) (string, bool) {
	switch vpcID {
	case p.RequesterVPCID:
		return p.AccepterVPCID, true
	case p.AccepterVPCID:
		return p.RequesterVPCID, true
	}
	return "", false
}

// VPCPeeringInput is what CreateVpcPeeringConnection is asked for. An empty
// PeerOwnerID or PeerRegion is the client's own.
type VPCPeeringInput struct {
	VPCID, PeerVPCID, PeerOwnerID, PeerRegion string
	// AutoAccept accepts the request at once, which only the peer's owner
	// can do: the requester, when the peer is its own in its region.
	AutoAccept bool
	// RequesterAllowDNS and AccepterAllowDNS are the options blocks,
	// nil where a block is left out.
	RequesterAllowDNS, AccepterAllowDNS *bool
	Tags                                map[string]string
}

// peer returns the accepter's scope that in names.
func (c *Client) peer(in VPCPeeringInput) Scope {
	s := Scope{AccountID: in.PeerOwnerID, Region: in.PeerRegion}
	if s.AccountID == "" {
		s.AccountID = c.scope.AccountID
	}
	if s.Region == "" {
		s.Region = c.scope.Region
	}
	return s
}

// peeringPair is the key of the link between two VPCs, whichever side
// requested it.
func peeringPair(a, b string) string {
	pair := []string{a, b}
	slices.Sort(pair)
	return strings.Join(pair, "+")
}

// findPeering looks up a connection of either side of the client's scope.
func (c *Client) findPeering(tx ReadTx, id, field string) (VPCPeeringConnection, error) {
	if err := ValidateID(KindVPCPeeringConnection, id, field); err != nil {
		return VPCPeeringConnection{}, err
	}
	p, ok, err := get[VPCPeeringConnection](tx, Scope{}, id)
	if err != nil {
		return p, err
	}
	if !ok || !p.visibleIn(c.scope) {
		return VPCPeeringConnection{}, notFound(KindVPCPeeringConnection, id, field)
	}
	return p, nil
}

// peeringRule checks a request for a connection: both VPCs exist where
// they are said to be, they differ, their IPv4 blocks do not overlap, no
// other connection links them, and auto_accept is only asked where the
// requester may accept.
func (c *Client) peeringRule(in VPCPeeringInput) Rule {
	return func(v View) error {
		if err := tagsRule(in.Tags)(v); err != nil {
			return err
		}
		if IsKnown(in.PeerRegion) && in.PeerRegion != "" {
			if err := ValidateRegion(in.PeerRegion); err != nil {
				e := invalidParameter("peer_region", fmt.Sprintf("Invalid peer region: %q is not an AWS region.", printable(in.PeerRegion)), "Give the region of the peer VPC, such as us-west-2.")
				return e
			}
		}
		if IsKnown(in.PeerOwnerID) && in.PeerOwnerID != "" {
			if err := ValidateAccountID(in.PeerOwnerID); err != nil {
				return invalidParameter("peer_owner_id", fmt.Sprintf("Invalid peer owner ID: %q is not 12 digits.", printable(in.PeerOwnerID)),
					"Give the 12-digit ID of the account that owns the peer VPC.")
			}
		}
		if !IsKnown(in.PeerOwnerID) || !IsKnown(in.PeerRegion) {
			return nil
		}
		peer := c.peer(in)
		if in.AutoAccept && peer != c.scope {
			return &Error{Code: "OperationNotPermitted",
				Message: fmt.Sprintf("Account %s cannot accept a peering request to a VPC of account %s in %s.", c.scope.AccountID, peer.AccountID, peer.Region),
				Fix: "Leave auto_accept out: as in AWS, only a peering within one account and region accepts itself; accept this request with " +
					"simcloud_vpc_peering_connection_accepter in a configuration of the peer's account and region.",
				Field: "auto_accept", Objects: nonEmpty(in.VPCID, in.PeerVPCID)}
		}
		if IsKnown(in.VPCID) && IsKnown(in.PeerVPCID) && in.VPCID == in.PeerVPCID && peer == c.scope {
			return &Error{Code: "InvalidParameterValue",
				Message: fmt.Sprintf("A VPC cannot be peered with itself: vpc_id and peer_vpc_id are both %s.", in.VPCID),
				Fix:     "Give peer_vpc_id another VPC; within a VPC, traffic already flows through its local routes.", Field: "peer_vpc_id", Objects: []string{in.VPCID}}
		}
		if !IsKnown(in.VPCID) || !IsKnown(in.PeerVPCID) {
			return nil
		}
		vpc, err := c.findVPC(v, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		peerVPC, err := findStored[VPC](v, peer, in.PeerVPCID, "peer_vpc_id")
		if err != nil {
			if e, ok := err.(*Error); ok && peer != c.scope {
				e.Fix = fmt.Sprintf("The peer VPC must exist in account %s, region %s (peer_owner_id and peer_region); check those and the ID.", peer.AccountID, peer.Region)
			}
			return err
		}
		if err := overlappingPeersRule(v, vpc, peerVPC); err != nil {
			return err
		}
		if err := duplicatePeeringRule(v, vpc.ID, peerVPC.ID, ""); err != nil {
			return err
		}
		return newPeeringOptionsRule(in, vpc.ID, peerVPC.ID)
	}
}

// newPeeringOptionsRule refuses options for a request that will wait for
// acceptance: the AWS provider sets them once the connection is active,
// and stops when it is not.
func newPeeringOptionsRule(in VPCPeeringInput, vpcID, peerVPCID string) error {
	set := func(option *bool) bool { return option != nil && *option }
	if in.AutoAccept || !set(in.RequesterAllowDNS) && !set(in.AccepterAllowDNS) {
		return nil
	}
	return &Error{Code: "OperationNotPermitted",
		Message: fmt.Sprintf("The peering of %s with %s will not be active: peering options can be added only to active peerings.", vpcID, peerVPCID),
		Fix: "Set auto_accept = true (within one account and region), or set the options once the peer has accepted " +
			"(simcloud_vpc_peering_connection_options, or the accepter and requester blocks of simcloud_vpc_peering_connection_accepter).",
		Field: "requester", Objects: []string{vpcID, peerVPCID}}
}

// overlappingPeersRule refuses to link VPCs whose IPv4 blocks, primary or
// associated, overlap. AWS takes such a request and leaves the connection
// failed ("overlapping CIDR"), which the AWS provider reports as an error
// at apply; here it fails at plan with the code AWS gives for a bad value.
func overlappingPeersRule(v ReadTx, a, b VPC) error {
	aBlocks, err := ipv4Blocks(v, Scope{AccountID: a.OwnerID, Region: a.Region}, a)
	if err != nil {
		return err
	}
	bBlocks, err := ipv4Blocks(v, Scope{AccountID: b.OwnerID, Region: b.Region}, b)
	if err != nil {
		return err
	}
	if x, y, ok := firstOverlap(aBlocks, bBlocks); ok {
		return &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("overlapping CIDR: %s of %s overlaps %s of %s; VPCs with overlapping IPv4 blocks cannot be peered.", x, a.ID, y, b.ID),
			Fix:     "Peer VPCs whose IPv4 blocks, primary and secondary, are all apart: change one VPC's block, or peer another VPC.",
			Field:   "peer_vpc_id", Objects: []string{a.ID, b.ID}}
	}
	return nil
}

// firstOverlap returns the first block of as that overlaps one of bs.
func firstOverlap(as, bs []string) (string, string, bool) {
	for _, x := range as {
		px, err := netip.ParsePrefix(x)
		if err != nil {
			continue
		}
		for _, y := range bs {
			if py, err := netip.ParsePrefix(y); err == nil && px.Overlaps(py) {
				return x, y, true
			}
		}
	}
	return "", "", false
}

// duplicatePeeringRule refuses a second pending or active connection
// between two VPCs (selfID is the connection checked, "" for a new one),
// stored or planned.
func duplicatePeeringRule(v View, vpcID, peerVPCID, selfID string) error {
	existing, err := list[VPCPeeringConnection](v, Scope{}, VPCPeeringConnectionFilter{VPCID: vpcID})
	if err != nil {
		return err
	}
	for _, p := range existing {
		if other, _ := p.otherSide(vpcID); other == peerVPCID && p.ID != selfID {
			e := peeringExists(vpcID, peerVPCID, p.ID)
			e.Obstacle = p.ID
			return e
		}
	}
	for _, claim := range v.Claimed(ClaimPeering, peeringPair(vpcID, peerVPCID)) {
		return peeringExists(vpcID, peerVPCID, claim.Who())
	}
	return nil
}

func peeringExists(vpcID, peerVPCID, other string) *Error {
	return &Error{Code: "VpcPeeringConnectionAlreadyExists",
		Message: fmt.Sprintf("A VPC peering connection between %s and %s already exists.", vpcID, peerVPCID),
		Fix:     "Two VPCs have one peering connection at a time: use the existing one (terraform import adopts it), or delete it first.",
		Field:   "peer_vpc_id", Objects: []string{vpcID, peerVPCID, other}}
}

// CheckVPCPeering runs at plan the rules that requesting the connection
// will meet at apply, and claims the link between the two VPCs.
func (c *Client) CheckVPCPeering(ctx context.Context, p *Plan, holder Holder, in VPCPeeringInput) error {
	var claims []Claim
	if IsKnown(in.VPCID) && IsKnown(in.PeerVPCID) {
		claims = append(claims, Claim{Kind: ClaimPeering, Scope: peeringPair(in.VPCID, in.PeerVPCID)})
	}
	return c.Check(ctx, p, holder, c.peeringRule(in), claims...)
}

// CreateVPCPeering requests a connection; it waits for the peer's owner
// (pending-acceptance) unless auto_accept accepts it at once. Options
// blocks are set once it is active, as the AWS provider does.
func (c *Client) CreateVPCPeering(ctx context.Context, in VPCPeeringInput) (VPCPeeringConnection, error) {
	peer := c.peer(in)
	p := VPCPeeringConnection{ID: newID(KindVPCPeeringConnection),
		RequesterVPCID: in.VPCID, RequesterOwnerID: c.scope.AccountID, RequesterRegion: c.scope.Region,
		AccepterVPCID: in.PeerVPCID, AccepterOwnerID: peer.AccountID, AccepterRegion: peer.Region,
		Status: PeeringPendingAcceptance, Tags: in.Tags}
	err := c.apply(ctx, "CreateVpcPeeringConnection", map[string]string{"vpc_id": in.VPCID, "peer_vpc_id": in.PeerVPCID}, c.peeringRule(in), func(tx Tx) error {
		if in.AutoAccept {
			p.Status = PeeringActive
		}
		// newPeeringOptionsRule has refused options unless the connection
		// accepts itself, within one account and region.
		p.RequesterAllowDNS = in.RequesterAllowDNS != nil && *in.RequesterAllowDNS
		p.AccepterAllowDNS = in.AccepterAllowDNS != nil && *in.AccepterAllowDNS
		return insertTagged(tx, p, p.ID, p.Tags)
	})
	return made(p, err)
}

// setPeeringOptions changes the options of the sides that are given (nil
// leaves a side as it is), as ModifyVpcPeeringConnectionOptions does: on an
// active connection only, and each side's by that side's owner. As the AWS
// provider calls it only for a change, options that are already so pass.
func setPeeringOptions(p *VPCPeeringConnection, by Scope, requester, accepter *bool) error {
	changes := func(value *bool, current bool) bool { return value != nil && *value != current }
	if !changes(requester, p.RequesterAllowDNS) && !changes(accepter, p.AccepterAllowDNS) {
		return nil
	}
	if p.Status != PeeringActive {
		return &Error{Code: "OperationNotPermitted",
			Message: fmt.Sprintf("Peering %s is not active. Peering options can be added only to active peerings.", p.ID),
			Fix:     "Accept the connection first (auto_accept, or simcloud_vpc_peering_connection_accepter in the peer's configuration), then set its options.",
			Objects: []string{p.ID}}
	}
	for _, side := range []struct {
		name  string
		value *bool
		owner Scope
		field *bool
	}{{"requester", requester, p.RequesterScope(), &p.RequesterAllowDNS}, {"accepter", accepter, p.AccepterScope(), &p.AccepterAllowDNS}} {
		if !changes(side.value, *side.field) {
			continue
		}
		if p.RequesterScope() != p.AccepterScope() && side.owner != by {
			return &Error{Code: "OperationNotPermitted",
				Message: fmt.Sprintf("Account %s in %s cannot modify the %s options of peering %s.", by.AccountID, by.Region, side.name, p.ID),
				Fix: fmt.Sprintf("Between accounts or regions each side sets its own options: set the %s block in a configuration of account %s, region %s.",
					side.name, side.owner.AccountID, side.owner.Region),
				Field: side.name, Objects: []string{p.ID}}
		}
		*side.field = *side.value
	}
	return nil
}

// acceptRule checks an acceptance of connection id by the client: only
// the accepter's owner, in the accepter's region, accepts, and the two
// VPCs still keep the rules of a request.
func (c *Client) acceptRule(id string) Rule {
	return func(v View) error {
		if !IsKnown(id) {
			return nil
		}
		p, err := c.findPeering(v, id, "vpc_peering_connection_id")
		if err != nil || p.Status == PeeringActive {
			return err
		}
		if p.AccepterScope() != c.scope {
			return &Error{Code: "OperationNotPermitted",
				Message: fmt.Sprintf("Account %s in %s cannot accept peering %s: its accepter is account %s in %s.", c.scope.AccountID, c.scope.Region, id, p.AccepterOwnerID, p.AccepterRegion),
				Fix:     "Accept the connection with a provider configured for the accepter's account_id and region.",
				Field:   "vpc_peering_connection_id", Objects: []string{id}}
		}
		requester, ok, err := get[VPC](v, p.RequesterScope(), p.RequesterVPCID)
		if err != nil || !ok {
			return err
		}
		accepter, ok, err := get[VPC](v, p.AccepterScope(), p.AccepterVPCID)
		if err != nil || !ok {
			return err
		}
		return overlappingPeersRule(v, requester, accepter)
	}
}

// PeeringChange is what the accepter resource and the options resource
// ask of an existing connection.
type PeeringChange struct {
	// Accept accepts a pending connection.
	Accept                              bool
	RequesterAllowDNS, AccepterAllowDNS *bool
	// Tags, when not nil, replace the connection's tags.
	Tags map[string]string
}

// CheckPeeringChange runs at plan the rules that changing connection id
// will meet at apply: its acceptance, and options on a connection that is
// (or will be, accepted by this change) active.
func (c *Client) CheckPeeringChange(ctx context.Context, p *Plan, holder Holder, id string, ch PeeringChange) error {
	return c.Check(ctx, p, holder, c.peeringChangeRule(id, ch))
}

func (c *Client) peeringChangeRule(id string, ch PeeringChange) Rule {
	return func(v View) error {
		if err := tagsRule(ch.Tags)(v); err != nil {
			return err
		}
		if !IsKnown(id) {
			return nil
		}
		if ch.Accept {
			if err := c.acceptRule(id)(v); err != nil {
				return err
			}
		}
		p, err := c.findPeering(v, id, "vpc_peering_connection_id")
		if err != nil {
			return err
		}
		if ch.Accept {
			p.Status = PeeringActive
		}
		return setPeeringOptions(&p, c.scope, ch.RequesterAllowDNS, ch.AccepterAllowDNS)
	}
}

// ChangePeering accepts a connection, sets its options and its tags, in
// one transaction.
func (c *Client) ChangePeering(ctx context.Context, id string, ch PeeringChange) (VPCPeeringConnection, error) {
	var p VPCPeeringConnection
	op := "ModifyVpcPeeringConnectionOptions"
	if ch.Accept {
		op = "AcceptVpcPeeringConnection"
	}
	err := c.apply(ctx, op, map[string]string{"vpc_peering_connection_id": id}, c.peeringChangeRule(id, ch), func(tx Tx) error {
		var err error
		if p, err = c.findPeering(tx, id, "vpc_peering_connection_id"); err != nil {
			return err
		}
		if ch.Accept {
			p.Status = PeeringActive
		}
		if err := setPeeringOptions(&p, c.scope, ch.RequesterAllowDNS, ch.AccepterAllowDNS); err != nil {
			return err
		}
		if ch.Tags != nil {
			p.Tags = ch.Tags
			return updateTagged(tx, p, p.ID, p.Tags)
		}
		return tx.Update(p)
	})
	return made(p, err)
}

// VPCPeering reads a connection of either side of the client's scope.
func (c *Client) VPCPeering(ctx context.Context, id string) (VPCPeeringConnection, error) {
	return readResult(ctx, c, "DescribeVpcPeeringConnections", map[string]string{"vpc_peering_connection_id": id}, func(tx ReadTx) (VPCPeeringConnection, error) {
		return c.findPeering(tx, id, "id")
	})
}

// VPCPeerings lists the connections that either side of the client's
// scope sees and that filter selects (its Scope is the client's).
func (c *Client) VPCPeerings(ctx context.Context, filter VPCPeeringConnectionFilter) ([]VPCPeeringConnection, error) {
	filter.Scope = c.scope
	return findAll[VPCPeeringConnection](ctx, c, "DescribeVpcPeeringConnections", nil, filter)
}

// DeleteVPCPeering deletes a connection, as either owner may while it is
// active; a pending request is deleted by its requester (the accepter
// rejects it instead).
func (c *Client) DeleteVPCPeering(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteVpcPeeringConnection", map[string]string{"vpc_peering_connection_id": id}, func(tx Tx) error {
		p, err := c.findPeering(tx, id, "id")
		if err != nil {
			return err
		}
		if p.Status != PeeringActive && p.RequesterScope() != c.scope {
			return &Error{Code: "OperationNotPermitted",
				Message: fmt.Sprintf("Peering %s is pending acceptance: only its requester, account %s in %s, can delete it.", id, p.RequesterOwnerID, p.RequesterRegion),
				Fix:     "Delete it from the requester's configuration, or accept it first.", Objects: []string{id}}
		}
		return tx.Delete(KindVPCPeeringConnection, id)
	})
}

// deleteVPCPeerings deletes the connections of a VPC that is deleted, as
// AWS does; a request that another account made to the VPC, still pending,
// stops the deletion, as in AWS.
func deleteVPCPeerings(tx Tx, vpc VPC) error {
	peerings, err := list[VPCPeeringConnection](tx, Scope{}, VPCPeeringConnectionFilter{VPCID: vpc.ID})
	if err != nil {
		return err
	}
	for _, p := range peerings {
		if p.Status == PeeringPendingAcceptance && p.AccepterVPCID == vpc.ID && p.RequesterOwnerID != vpc.OwnerID {
			e := dependencyViolation(KindVPC, vpc.ID, []string{p.ID}, nil)
			e.Fix = fmt.Sprintf("Account %s requested peering %s with this VPC: accept it and delete it, or have its requester delete it, first.", p.RequesterOwnerID, p.ID)
			return e
		}
		if err := tx.Delete(KindVPCPeeringConnection, p.ID); err != nil {
			return err
		}
	}
	return nil
}

// peeredBlockRule refuses a block for a VPC that overlaps a block of a VPC
// it is peered with (pending or active), as the peering's own rule would.
func peeredBlockRule(v ReadTx, vpc VPC, block netip.Prefix) error {
	peerings, err := list[VPCPeeringConnection](v, Scope{}, VPCPeeringConnectionFilter{VPCID: vpc.ID})
	if err != nil {
		return err
	}
	for _, p := range peerings {
		otherID, _ := p.otherSide(vpc.ID)
		scope := p.AccepterScope()
		if otherID == p.RequesterVPCID {
			scope = p.RequesterScope()
		}
		other, ok, err := get[VPC](v, scope, otherID)
		if err != nil || !ok {
			return err
		}
		blocks, err := ipv4Blocks(v, scope, other)
		if err != nil {
			return err
		}
		if _, y, ok := firstOverlap([]string{block.String()}, blocks); ok {
			return &Error{Code: "CidrConflict",
				Message: fmt.Sprintf("The CIDR '%s' conflicts with CIDR '%s' of %s, peered with %s by %s.", block, y, other.ID, vpc.ID, p.ID),
				Fix:     "A peered VPC's blocks may not overlap its peer's: choose a block outside the peer's, or delete the peering connection first.",
				Field:   "cidr_block", Objects: []string{vpc.ID, p.ID, other.ID}}
		}
	}
	return nil
}

// The peering connection's routeTarget: a route through it serves both of
// its VPCs, and carries traffic while the connection is active.

// peeringPeer is routeTarget.peer.
func peeringPeer(tx ReadTx, scope Scope, target, fromVPC string) (toVPC string, active, ok bool, err error) {
	p, found, err := get[VPCPeeringConnection](tx, Scope{}, target)
	if err != nil || !found || !p.visibleIn(scope) {
		return "", false, false, err
	}
	toVPC, ok = p.otherSide(fromVPC)
	return toVPC, ok && p.Status == PeeringActive, ok, nil
}

// peeredInRegion says that an active connection of scope, or one planned
// between them, joins two VPCs of the scope's region: a security group rule
// may then name a group of the other VPC.
func peeredInRegion(v View, scope Scope, a, b string) (bool, error) {
	if len(v.Claimed(ClaimPeering, peeringPair(a, b))) > 0 {
		return true, nil
	}
	peerings, err := list[VPCPeeringConnection](v, Scope{}, VPCPeeringConnectionFilter{VPCID: a, Status: PeeringActive})
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(peerings, func(p VPCPeeringConnection) bool {
		other, _ := p.otherSide(a)
		return other == b && p.visibleIn(scope) && p.RequesterRegion == p.AccepterRegion
	}), nil
}

// pastPeering is routeTarget.beyond: the internet is not reached through
// a peering connection, which carries traffic between its two VPCs only.
func pastPeering(_ *Client, tx ReadTx, s Subnet, target, _, _ string, p *Path) (broken, fix string, err error) {
	peerVPC, _, _, err := peeringPeer(tx, Scope{AccountID: s.OwnerID, Region: s.Region}, target, s.VPCID)
	if err != nil {
		return "", "", err
	}
	if peerVPC != "" {
		p.Hops = append(p.Hops, Hop{Kind: "vpc", ID: peerVPC})
	}
	return fmt.Sprintf("traffic for the internet does not cross a peering connection: no transitive routing; %s carries traffic only between %s and %s", target, s.VPCID, peerVPC),
		"Route internet addresses (0.0.0.0/0, ::/0) to a gateway of the subnet's own VPC (an internet gateway or a NAT gateway), and send only the peer VPC's blocks through the peering connection.", nil
}

func describeVPCPeering(p VPCPeeringConnection) Object {
	return Object{ID: p.ID, Tags: p.Tags, Value: p, Parent: p.RequesterVPCID,
		References: references("vpc_id", p.RequesterVPCID, "peer_vpc_id", p.AccepterVPCID)}
}

// inventoryVPCPeerings reads the connections either side of which is in
// the client's scope.
func (c *Client) inventoryVPCPeerings(tx ReadTx, inv *Inventory) (err error) {
	inv.VPCPeeringConnections, err = list[VPCPeeringConnection](tx, Scope{}, VPCPeeringConnectionFilter{Scope: c.scope})
	return err
}

func (VPCPeeringConnection) describeFilters() filterSet[VPCPeeringConnection] { return peeringFilters }

// peeringFilters are DescribeVpcPeeringConnections' filters that the cloud
// answers; those on the VPCs' blocks, the expiration and the status message
// are not.
var peeringFilters = filterSet[VPCPeeringConnection]{
	op: "DescribeVpcPeeringConnections",
	fields: map[string]func(VPCPeeringConnection) []string{
		"vpc-peering-connection-id":   func(p VPCPeeringConnection) []string { return one(p.ID) },
		"status-code":                 func(p VPCPeeringConnection) []string { return one(p.Status) },
		"requester-vpc-info.vpc-id":   func(p VPCPeeringConnection) []string { return one(p.RequesterVPCID) },
		"requester-vpc-info.owner-id": func(p VPCPeeringConnection) []string { return one(p.RequesterOwnerID) },
		"accepter-vpc-info.vpc-id":    func(p VPCPeeringConnection) []string { return one(p.AccepterVPCID) },
		"accepter-vpc-info.owner-id":  func(p VPCPeeringConnection) []string { return one(p.AccepterOwnerID) },
	},
	tags: func(p VPCPeeringConnection) map[string]string { return p.Tags },
}
