package cloud

import (
	"context"
	"fmt"
)

// attachableGateway is a kind of gateway G that is attached to at most one
// VPC, of which a VPC has at most one: internet gateways and virtual private
// gateways are attached, moved and detached by the same rules and differ
// only in AWS's words and in what leaving a VPC undoes.
type attachableGateway[G Row] struct {
	// claim is made on a VPC by a planned attachment (its value the
	// gateway's ID), attachedClaim on a gateway that exists (its value the
	// VPC's ID), so that a plan attaching one gateway twice, by two
	// resources, fails as its apply would.
	claim, attachedClaim ClaimKind
	// state gives the gateway's VPC ("" for none) and its tags.
	state func(*G) (vpcID *string, tags *map[string]string)
	// attachedTo returns the gateway attached to vpcID, "" for none.
	attachedTo func(v View, vpcID string) (string, error)
	// leave, if set, undoes what the gateway's attachment brought, before
	// it leaves its VPC.
	leave func(tx Tx, gw G) error
	// AWS's words for a gateway attached elsewhere (formats of the gateway's
	// and the VPC's IDs), for a VPC that has a gateway (the VPC's ID; the fix,
	// the VPC's ID and the gateway it has), and for a detach from a VPC the
	// gateway is not attached to (the gateway's and the VPC's IDs; no fix).
	attached, occupied, notAttachedTo refusal
}

// refusal is AWS's code, message and fix for an error.
type refusal struct{ code, message, fix string }

func (g attachableGateway[G]) vpcOf(gw G) string {
	vpcID, _ := g.state(&gw)
	return *vpcID
}

// field is the argument that names the gateway, as its resource type
// names its ID.
func (attachableGateway[G]) field() string { return kindOf[G]().typeName + "_id" }

// attachRule checks that the gateway gwID may be attached to vpcID: the VPC
// exists and has no other gateway, in the cloud or claimed by another object
// of the plan, and the gateway is attached to no VPC. replacesGW and
// replacesVPC are the attachment this one takes the place of, if any (a
// gateway moving between VPCs, a replaced attachment): it is gone by the
// time this one is made, so it stands in nobody's way. At plan either ID may
// be Unknown: each half of the rule needs only its own object, and a VPC
// that has a gateway refuses any other, whatever its ID turns out to be.
func (g attachableGateway[G]) attachRule(c *Client, gwID, vpcID, replacesGW, replacesVPC string) Rule {
	return func(v View) error {
		if IsKnown(vpcID) {
			if _, err := c.findVPC(v, vpcID, "vpc_id"); err != nil {
				return err
			}
		}
		if gwID != "" && IsKnown(gwID) {
			gw, err := findStored[G](v, c.scope, gwID, g.field())
			if err != nil {
				return err
			}
			// AWS refuses to attach a gateway that is attached anywhere,
			// even to the VPC asked for.
			at := g.vpcOf(gw)
			leaving := gwID == replacesGW && at == replacesVPC
			if at != "" && !leaving {
				return g.alreadyAttached(gwID, at)
			}
			// Another resource of the plan attaches the same gateway, to
			// this VPC or another: whichever applies second is refused.
			if claims := v.Claimed(g.attachedClaim, gwID); len(claims) > 0 {
				return g.attachedTwice(gwID, claims[0])
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
				return g.vpcHasGateway(vpcID, plannedName(claim, kindOf[G]().Kind), gatewayOrHolder(claim))
			}
		}
		return nil
	}
}

// claims are what a planned attachment of gwID (known, "" or Unknown) to
// vpcID reserves: the VPC's one place for a gateway, and the gateway
// itself once it exists.
func (g attachableGateway[G]) claims(gwID, vpcID string) []Claim {
	claims := []Claim{{Kind: g.claim, Scope: vpcID, Value: gwID}}
	if gwID != "" {
		claims = append(claims, Claim{Kind: g.attachedClaim, Scope: gwID, Value: vpcID})
	}
	return claims
}

// attach is operation op, attaching detached gateway gwID to vpcID. The
// rule has refused a gateway attached anywhere.
func (g attachableGateway[G]) attach(c *Client, ctx context.Context, op, gwID, vpcID string) error {
	ids := map[string]string{g.field(): gwID, "vpc_id": vpcID}
	return c.apply(ctx, op, ids, g.attachRule(c, gwID, vpcID, "", ""), func(tx Tx) error {
		gw, err := findStored[G](tx, c.scope, gwID, g.field())
		if err != nil {
			return err
		}
		at, _ := g.state(&gw)
		*at = vpcID
		return tx.Update(gw)
	})
}

// detach is operation op, detaching gateway gwID from vpcID.
func (g attachableGateway[G]) detach(c *Client, ctx context.Context, op, gwID, vpcID string) error {
	ids := map[string]string{g.field(): gwID, "vpc_id": vpcID}
	return c.write(ctx, op, ids, func(tx Tx) error {
		gw, err := findStored[G](tx, c.scope, gwID, g.field())
		if err != nil {
			return err
		}
		if at := g.vpcOf(gw); at == "" || at != vpcID {
			return g.notAttached(gwID, vpcID, at)
		}
		return g.takeOut(tx, gw)
	})
}

// takeOut takes an attached gateway out of its VPC.
func (g attachableGateway[G]) takeOut(tx Tx, gw G) error {
	if g.leave != nil {
		if err := g.leave(tx, gw); err != nil {
			return err
		}
	}
	at, _ := g.state(&gw)
	*at = ""
	return tx.Update(gw)
}

// updateRule checks that gateway id may be given the VPC vpcID ("" for
// none) and tags: at plan with the gateway as stored, as at apply.
func (g attachableGateway[G]) updateRule(c *Client, id, vpcID string, tags map[string]string) Rule {
	return func(v View) error {
		gw, err := findStored[G](v, c.scope, id, "id")
		if err != nil {
			return err
		}
		if err := tagsRule(tags)(v); err != nil {
			return err
		}
		if vpcID == "" {
			return nil
		}
		return g.attachRule(c, id, vpcID, id, g.vpcOf(gw))(v)
	}
}

// update is operation op, giving gateway id the VPC vpcID ("" for none) and
// tags in one step: a gateway that changes VPC is detached from the old one
// and attached to the new one, or stays where it was if the new VPC refuses
// it.
func (g attachableGateway[G]) update(c *Client, ctx context.Context, op, id, vpcID string, tags map[string]string) (G, error) {
	var gw G
	ids := map[string]string{g.field(): id, "vpc_id": vpcID}
	err := c.apply(ctx, op, ids, g.updateRule(c, id, vpcID, tags), func(tx Tx) error {
		var err error
		if gw, err = findStored[G](tx, c.scope, id, "id"); err != nil {
			return err
		}
		if from := g.vpcOf(gw); from != vpcID {
			if from != "" && g.leave != nil {
				if err := g.leave(tx, gw); err != nil {
					return err
				}
			}
			at, _ := g.state(&gw)
			*at = vpcID
			if err := tx.Update(gw); err != nil {
				return err
			}
		}
		_, held := g.state(&gw)
		*held = tags
		return tx.SetTags(id, tags)
	})
	return gw, err
}

func (g attachableGateway[G]) alreadyAttached(gwID, vpcID string) *Error {
	return &Error{
		Code:    g.attached.code,
		Message: fmt.Sprintf(g.attached.message, gwID, vpcID),
		Fix:     fmt.Sprintf(g.attached.fix, gwID, vpcID),
		Field:   g.field(),
		Objects: []string{gwID, vpcID},
	}
}

// attachedTwice refuses to attach gateway gwID, which another resource of
// the plan attaches as claim says.
func (g attachableGateway[G]) attachedTwice(gwID string, claim Claim) *Error {
	vpc, objects := "a VPC known only after apply", []string{gwID}
	if IsKnown(claim.Value) {
		vpc, objects = claim.Value, append(objects, claim.Value)
	}
	err := g.alreadyAttached(gwID, vpc+" by another resource of this configuration ("+claim.Who()+")")
	err.Fix = "Attach a gateway in one place only: with the vpc_id of its own resource or with an attachment resource, not both."
	err.Objects = append(objects, claim.Who())
	return err
}

// vpcHasGateway refuses a second gateway for vpcID; holder names the one it
// has in a sentence, object as an entry of Objects.
func (g attachableGateway[G]) vpcHasGateway(vpcID, holder, object string) *Error {
	return &Error{
		Code:    g.occupied.code,
		Message: fmt.Sprintf(g.occupied.message, vpcID),
		Fix:     fmt.Sprintf(g.occupied.fix, vpcID, holder),
		Field:   "vpc_id",
		Objects: []string{vpcID, object},
	}
}

// notAttached refuses to detach gateway gwID, attached to attachedVPC ("" for
// none), from vpcID.
func (g attachableGateway[G]) notAttached(gwID, vpcID, attachedVPC string) *Error {
	return &Error{
		Code:    g.notAttachedTo.code,
		Message: fmt.Sprintf(g.notAttachedTo.message, gwID, vpcID),
		Fix:     fmt.Sprintf("Check which VPC %s is attached to; there is nothing to detach from %s.", gwID, vpcID),
		Field:   "vpc_id",
		Objects: nonEmpty(gwID, vpcID, attachedVPC),
	}
}
