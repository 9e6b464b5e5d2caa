package cloud

import "fmt"

// attachableGateway is a kind of gateway that is attached to at most one
// VPC, of which a VPC has at most one: internet gateways and virtual private
// gateways obey the same attachment rules and differ only in AWS's words.
type attachableGateway struct {
	kind  Kind
	claim ClaimKind
	// vpcOf returns the VPC gateway id is attached to, "" for none.
	vpcOf func(v View, id string) (string, error)
	// attachedTo returns the gateway attached to vpcID, "" for none.
	attachedTo func(v View, vpcID string) (string, error)
	// field is the argument that names the gateway.
	field string
	// AWS's code, message and fix for a gateway attached elsewhere (formats
	// of the gateway's and the VPC's IDs), for a VPC that has a gateway (the
	// VPC's ID; the fix, the VPC's ID and the gateway it has), and for a
	// detach from a VPC the gateway is not attached to (the gateway's and the
	// VPC's IDs).
	attachedCode, attachedMessage, attachedFix string
	occupiedCode, occupiedMessage, occupiedFix string
	notAttachedCode, notAttachedMessage        string
}

// attachRule checks that the gateway gwID may be attached to vpcID: the VPC
// exists and has no other gateway, in the cloud or claimed by another object
// of the plan, and the gateway is attached to no VPC. replacesGW and
// replacesVPC are the attachment this one takes the place of, if any (a
// gateway moving between VPCs, a replaced attachment): it is gone by the
// time this one is made, so it stands in nobody's way. At plan either ID may
// be Unknown: each half of the rule needs only its own object, and a VPC
// that has a gateway refuses any other, whatever its ID turns out to be.
func (g attachableGateway) attachRule(c *Client, gwID, vpcID, replacesGW, replacesVPC string) Rule {
	return func(v View) error {
		if IsKnown(vpcID) {
			if _, err := c.findVPC(v, vpcID, "vpc_id"); err != nil {
				return err
			}
		}
		if gwID != "" && IsKnown(gwID) {
			at, err := g.vpcOf(v, gwID)
			if err != nil {
				return err
			}
			// AWS refuses to attach a gateway that is attached anywhere,
			// even to the VPC asked for.
			leaving := gwID == replacesGW && at == replacesVPC
			if at != "" && !leaving {
				return g.alreadyAttached(gwID, at)
			}
		}
		if !IsKnown(vpcID) {
			return nil
		}
		attached, err := g.attachedTo(v, vpcID)
		if err != nil {
			return err
		}
		if attached != "" && !sameKnownID(attached, gwID) && attached != replacesGW {
			err := g.vpcHasGateway(vpcID, attached, attached)
			err.Obstacle = attached
			return err
		}
		for _, claim := range v.Claimed(g.claim, vpcID) {
			if !sameKnownID(claim.Value, gwID) {
				return g.vpcHasGateway(vpcID, plannedName(claim, g.kind), gatewayOrHolder(claim))
			}
		}
		return nil
	}
}

// update gives gateway id, attached to from ("" for none), the VPC to and
// tags, in tx, or refuses it, leaving it where it was: move takes the gateway
// out of from, if any, and puts it in to.
func (g attachableGateway) update(c *Client, tx Tx, id, from, to string, tags map[string]string, move func() error) error {
	rule := tagsRule(tags)
	if to != "" {
		rule = allRules(rule, g.attachRule(c, id, to, id, from))
	}
	if err := rule(applyView{tx}); err != nil {
		return err
	}
	if from != to {
		if err := move(); err != nil {
			return err
		}
	}
	return tx.SetTags(id, tags)
}

func (g attachableGateway) alreadyAttached(gwID, vpcID string) *Error {
	return &Error{
		Code:    g.attachedCode,
		Message: fmt.Sprintf(g.attachedMessage, gwID, vpcID),
		Fix:     fmt.Sprintf(g.attachedFix, gwID, vpcID),
		Field:   g.field,
		Objects: []string{gwID, vpcID},
	}
}

// vpcHasGateway refuses a second gateway for vpcID; holder names the one it
// has in a sentence, object as an entry of Objects.
func (g attachableGateway) vpcHasGateway(vpcID, holder, object string) *Error {
	return &Error{
		Code:    g.occupiedCode,
		Message: fmt.Sprintf(g.occupiedMessage, vpcID),
		Fix:     fmt.Sprintf(g.occupiedFix, vpcID, holder),
		Field:   "vpc_id",
		Objects: []string{vpcID, object},
	}
}

// notAttached refuses to detach gateway gwID, attached to attachedVPC ("" for
// none), from vpcID.
func (g attachableGateway) notAttached(gwID, vpcID, attachedVPC string) *Error {
	return &Error{
		Code:    g.notAttachedCode,
		Message: fmt.Sprintf(g.notAttachedMessage, gwID, vpcID),
		Fix:     fmt.Sprintf("Check which VPC %s is attached to; there is nothing to detach from %s.", gwID, vpcID),
		Field:   "vpc_id",
		Objects: nonEmpty(gwID, vpcID, attachedVPC),
	}
}
