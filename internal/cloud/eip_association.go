package cloud

import (
	"context"
	"fmt"
	"slices"
)

// AddressAssociation maps an elastic IP to a private address of a network
// interface, as AssociateAddress makes it.
type AddressAssociation struct {
	ID                 string
	OwnerID            string
	Region             string
	AllocationID       string
	NetworkInterfaceID string
	PrivateIPAddress   string
	// PublicIP is the elastic IP's and InstanceID the instance the
	// interface is attached to, "" for none. Filled in by the store.
	PublicIP   string
	InstanceID string
}

// AddressAssociationFilter selects associations; empty fields match all.
type AddressAssociationFilter struct {
	ID                 string
	AllocationID       string
	NetworkInterfaceID string
}

func (AddressAssociation) StoredKind() Kind         { return KindElasticIPAssociation }
func (AddressAssociationFilter) FilteredKind() Kind { return KindElasticIPAssociation }

// AddressAssociationInput associates an elastic IP with an instance's
// primary interface or with a network interface (AssociateAddress).
type AddressAssociationInput struct {
	AllocationID       string
	InstanceID         string
	NetworkInterfaceID string
	// PrivateIPAddress "" is the interface's primary address.
	PrivateIPAddress string
	// AllowReassociation lets an address associated elsewhere move here.
	AllowReassociation bool
}

// ClaimAddressTarget is the claim a planned association makes on the
// private address it maps to (the value) of an interface or instance (the
// scope).
const ClaimAddressTarget ClaimKind = "address-target"

// associationTarget returns the interface an association maps to, and its
// private address; ok is false where the interface or the address is
// known only after apply.
func (c *Client) associationTarget(v ReadTx, in AddressAssociationInput) (eni NetworkInterface, ip string, ok bool, err error) {
	switch {
	case in.InstanceID == "" && in.NetworkInterfaceID == "":
		return eni, "", false, &Error{
			Code:    "MissingParameter",
			Message: "Either an instance ID or a network interface ID must be specified",
			Fix:     "Give instance (instance_id) or network_interface (network_interface_id).",
			Field:   "instance_id",
			Objects: nonEmpty(in.AllocationID),
		}
	case in.InstanceID != "" && in.NetworkInterfaceID != "":
		return eni, "", false, &Error{
			Code:    "InvalidParameterCombination",
			Message: "You can specify either an instance ID or a network interface ID, but not both.",
			Fix:     "Keep one of instance_id and network_interface_id: an instance's elastic IP goes to its primary interface.",
			Field:   "network_interface_id",
			Objects: nonEmpty(in.AllocationID, in.InstanceID, in.NetworkInterfaceID),
		}
	}
	eniID := in.NetworkInterfaceID
	if in.InstanceID != "" {
		if !IsKnown(in.InstanceID) {
			return eni, "", false, nil
		}
		inst, err := findStored[Instance](v, c.scope, in.InstanceID, "instance_id")
		if err != nil {
			return eni, "", false, err
		}
		eniID = inst.PrimaryNetworkInterfaceID
	}
	if !IsKnown(eniID) {
		return eni, "", false, nil
	}
	if eni, err = findStored[NetworkInterface](v, c.scope, eniID, "network_interface_id"); err != nil {
		return eni, "", false, err
	}
	ip = eni.PrivateIP
	if in.PrivateIPAddress != "" {
		if !IsKnown(in.PrivateIPAddress) {
			return eni, "", false, nil
		}
		ip = in.PrivateIPAddress
		if !slices.Contains(eni.PrivateIPs, ip) {
			return eni, "", false, &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("The private IP address %s is not assigned to network interface %s.", ip, eni.ID),
				Fix:     fmt.Sprintf("Give one of the interface's private addresses (%s), or leave private_ip_address out for its primary one.", joinIDs(eni.PrivateIPs)),
				Field:   "private_ip_address",
				Objects: []string{eni.ID},
			}
		}
	}
	return eni, ip, true, nil
}

// addressAssociationRule checks an association: the address exists and serves no
// NAT gateway, and, unless reassociation is allowed, no other interface.
// selfAssociationID is the association's own ID when it exists.
func (c *Client) addressAssociationRule(in AddressAssociationInput, selfAssociationID string) Rule {
	return func(v View) error {
		eni, ip, targetKnown, err := c.associationTarget(v, in)
		if err != nil {
			return err
		}
		if !IsKnown(in.AllocationID) {
			return nil
		}
		eip, err := findStored[ElasticIP](v, c.scope, in.AllocationID, "allocation_id")
		if err != nil {
			return err
		}
		holder := ""
		switch {
		case eip.NATGatewayID != "":
			holder = eip.NATGatewayID
		case eip.NetworkInterfaceID != "" && eip.InterfaceAssociationID != selfAssociationID && !in.AllowReassociation:
			if !targetKnown || eip.NetworkInterfaceID != eni.ID || eip.PrivateIPAddress != ip {
				holder = eip.NetworkInterfaceID
			}
		}
		if holder != "" {
			fix := fmt.Sprintf("Disassociate %s from %s first, or set allow_reassociation = true to move it.", eip.AllocationID, holder)
			if eip.NATGatewayID != "" {
				fix = fmt.Sprintf("Allocate another simcloud_eip: %s serves NAT gateway %s.", eip.AllocationID, holder)
			}
			return &Error{
				Code:     "Resource.AlreadyAssociated",
				Message:  fmt.Sprintf("Elastic IP address %s is already associated", eip.AllocationID),
				Fix:      fix,
				Field:    "allocation_id",
				Objects:  []string{eip.AllocationID, holder},
				Obstacle: holder,
			}
		}
		if claims := v.Claimed(ClaimElasticIP, eip.AllocationID); len(claims) > 0 {
			return &Error{
				Code:    "Resource.AlreadyAssociated",
				Message: fmt.Sprintf("Elastic IP address %s is already associated", eip.AllocationID),
				Fix:     fmt.Sprintf("Keep one association of %s: %s is planned to take it too, and an elastic IP maps to one address at a time.", eip.AllocationID, claims[0].Who()),
				Field:   "allocation_id",
				Objects: []string{eip.AllocationID, claims[0].Who()},
			}
		}
		return nil
	}
}

// CheckAddressAssociation runs at plan time the rules associating an
// address will meet at apply, and claims the address.
func (c *Client) CheckAddressAssociation(ctx context.Context, p *Plan, holder Holder, in AddressAssociationInput, selfAssociationID string) error {
	return c.Check(ctx, p, holder, c.addressAssociationRule(in, selfAssociationID), Claim{Kind: ClaimElasticIP, Scope: in.AllocationID})
}

// AssociateAddress maps an elastic IP to a private address of an interface
// (an instance's primary one). An elastic IP already mapped to that address
// is disassociated, as AWS does, and so is this one's association elsewhere
// when reassociation is allowed.
func (c *Client) AssociateAddress(ctx context.Context, in AddressAssociationInput) (AddressAssociation, error) {
	var a AddressAssociation
	ids := map[string]string{"allocation_id": in.AllocationID, "instance_id": in.InstanceID, "network_interface_id": in.NetworkInterfaceID}
	err := c.apply(ctx, "AssociateAddress", ids, c.addressAssociationRule(in, ""), func(tx Tx) error {
		eni, ip, _, err := c.associationTarget(tx, in)
		if err != nil {
			return err
		}
		previous, err := list[AddressAssociation](tx, c.scope, AddressAssociationFilter{NetworkInterfaceID: eni.ID})
		if err != nil {
			return err
		}
		moved, err := list[AddressAssociation](tx, c.scope, AddressAssociationFilter{AllocationID: in.AllocationID})
		if err != nil {
			return err
		}
		gone := map[string]bool{}
		for _, p := range append(previous, moved...) {
			if (p.PrivateIPAddress == ip || p.AllocationID == in.AllocationID) && !gone[p.ID] {
				gone[p.ID] = true
				if err := tx.Delete(KindElasticIPAssociation, p.ID); err != nil {
					return err
				}
			}
		}
		a = AddressAssociation{ID: newID(KindElasticIPAssociation), OwnerID: c.scope.AccountID, Region: c.scope.Region,
			AllocationID: in.AllocationID, NetworkInterfaceID: eni.ID, PrivateIPAddress: ip}
		if err := tx.Insert(a); err != nil {
			return err
		}
		a, err = findStored[AddressAssociation](tx, c.scope, a.ID, "association_id")
		return err
	})
	return made(a, err)
}

// AddressAssociation returns the association with the given ID.
func (c *Client) AddressAssociation(ctx context.Context, id string) (AddressAssociation, error) {
	return Describe[AddressAssociation](c, ctx, id)
}

// DisassociateAddress undoes an association with an interface.
func (c *Client) DisassociateAddress(ctx context.Context, associationID string) error {
	return removeStored[AddressAssociation]()(c, ctx, associationID)
}
