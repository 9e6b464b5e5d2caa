package cloud

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// VPNGateway is a virtual private gateway: the VPC's end of site-to-site VPN
// connections. Like an internet gateway it is attached to at most one VPC,
// and a VPC has at most one; routes send traffic to it by gateway_id.
type VPNGateway struct {
	ID      string
	OwnerID string
	Region  string
	// VPCID is the VPC the gateway is attached to, or "".
	VPCID            string
	AvailabilityZone string
	// AmazonSideASN is the BGP ASN of the AWS side, in decimal: a string,
	// as the AWS provider keeps it, since it may exceed 32-bit signed.
	AmazonSideASN string
	Tags          map[string]string
}

// VPNGatewayFilter selects virtual private gateways; empty fields match all.
type VPNGatewayFilter struct {
	ID    string
	VPCID string
	Tags  map[string]string
}

// DefaultAmazonSideASN is the ASN AWS gives a gateway created without one.
const DefaultAmazonSideASN = "64512"

// VPNGatewayInput is a desired virtual private gateway. VPCID, when set,
// attaches it as it is made.
type VPNGatewayInput struct {
	VPCID            string
	AvailabilityZone string
	AmazonSideASN    string
	Tags             map[string]string
}

// ClaimVPNGateway is the claim a planned attachment makes on a VPC; its
// value is the gateway's ID, or "" for a gateway not created yet.
const ClaimVPNGateway ClaimKind = "vpn-gateway"

// ClaimVPNGatewayAttached is the claim a planned attachment makes on an
// existing gateway; its value is the VPC's ID.
const ClaimVPNGatewayAttached ClaimKind = "vpn-gateway-attached"

// VPNGatewayAttachment is a gateway's attachment to a VPC. A gateway not
// created yet has an empty VPNGatewayID.
type VPNGatewayAttachment struct {
	VPNGatewayID string
	VPCID        string
}

// ValidateAmazonSideASN checks an ASN for the AWS side of a gateway: one of
// the four legacy public ASNs AWS still hands out, or a private one, 16-bit
// (64512-65534) or 32-bit (4200000000-4294967294).
func ValidateAmazonSideASN(asn string) error {
	n, err := strconv.ParseUint(asn, 10, 32)
	legacy := slices.Contains([]uint64{7224, 9059, 10124, 17493}, n)
	if err == nil && (legacy || (n >= 64512 && n <= 65534) || (n >= 4200000000 && n <= 4294967294)) {
		return nil
	}
	return invalidParameter("amazon_side_asn", fmt.Sprintf("The ASN '%s' is not valid for the Amazon side of a virtual private gateway.", printable(asn)),
		"Give a private ASN, 64512 to 65534 or 4200000000 to 4294967294 (or 7224, 9059, 10124 or 17493), or leave amazon_side_asn out for 64512.")
}

// vpnGatewayRule checks a gateway's own values against the cloud's region.
func (c *Client) vpnGatewayRule(in VPNGatewayInput) Rule {
	return func(View) error {
		if IsKnown(in.AmazonSideASN) && in.AmazonSideASN != "" {
			if err := ValidateAmazonSideASN(in.AmazonSideASN); err != nil {
				return err
			}
		}
		if IsKnown(in.AvailabilityZone) && in.AvailabilityZone != "" {
			if err := ValidateAvailabilityZone(c.scope.Region, in.AvailabilityZone); err != nil {
				return err
			}
		}
		return ValidateTags(in.Tags, "tags_all")
	}
}

// vpnGateways is the attachment rules' view of virtual private gateways.
func (c *Client) vpnGateways() attachableGateway[VPNGateway] {
	return attachableGateway[VPNGateway]{
		claim:         ClaimVPNGateway,
		attachedClaim: ClaimVPNGatewayAttached,
		state:         func(g *VPNGateway) (*string, *map[string]string) { return &g.VPCID, &g.Tags },
		attachedTo: func(v View, vpcID string) (string, error) {
			g, _, err := first[VPNGateway](v, c.scope, VPNGatewayFilter{VPCID: vpcID})
			return g.ID, err
		},
		leave: deletePropagations,
		attached: refusal{"VpnGatewayAttachmentLimitExceeded",
			"The virtual private gateway %s is already attached to %s: a gateway can be attached to one VPC.",
			"Detach %s from %s first, or give this VPC a virtual private gateway of its own."},
		occupied: refusal{"InvalidVpcState", "VPC %s is currently attached to the Virtual Private Gateway.",
			"A VPC has at most one virtual private gateway, and %s already has %s. Use that gateway, or detach it first."},
		notAttachedTo: refusal{code: "InvalidVpnGatewayAttachment.NotFound",
			message: "The attachment with vpn gateway ID '%s' and vpc ID '%s' does not exist"},
	}
}

// vpnAttachRule checks that want may hold, in place of replaces (zero for
// none); see attachableGateway.attachRule.
func (c *Client) vpnAttachRule(want, replaces VPNGatewayAttachment) Rule {
	return c.vpnGateways().attachRule(c, want.VPNGatewayID, want.VPCID, replaces.VPNGatewayID, replaces.VPCID)
}

// CheckVPNGateway runs at plan time the rules that creating (stateID "")
// or changing a gateway will meet at apply, and claims the VPC's one place
// for a virtual private gateway when in.VPCID is set. stateVPCID is where
// the existing gateway is attached.
func (c *Client) CheckVPNGateway(ctx context.Context, p *Plan, holder Holder, in VPNGatewayInput, stateID, stateVPCID string) error {
	rule := c.vpnGatewayRule(in)
	if in.VPCID == "" {
		return c.Check(ctx, p, holder, rule)
	}
	want := VPNGatewayAttachment{VPNGatewayID: stateID, VPCID: in.VPCID}
	replaces := VPNGatewayAttachment{VPNGatewayID: stateID, VPCID: stateVPCID}
	return c.Check(ctx, p, holder, allRules(rule, c.vpnAttachRule(want, replaces)), c.vpnGateways().claims(stateID, in.VPCID)...)
}

// CheckVPNGatewayAttachment runs at plan time the rules that making
// attachment want, in place of replaces (zero for none), will meet at apply,
// and claims the VPC's one place for a virtual private gateway.
func (c *Client) CheckVPNGatewayAttachment(ctx context.Context, p *Plan, holder Holder, want, replaces VPNGatewayAttachment) error {
	return c.Check(ctx, p, holder, c.vpnAttachRule(want, replaces), c.vpnGateways().claims(want.VPNGatewayID, want.VPCID)...)
}

// CreateVPNGateway creates a gateway and, if in.VPCID is set, attaches it,
// in one step: if the attachment is refused, no gateway is left behind.
func (c *Client) CreateVPNGateway(ctx context.Context, in VPNGatewayInput) (VPNGateway, error) {
	g := VPNGateway{ID: newID(KindVPNGateway), OwnerID: c.scope.AccountID, Region: c.scope.Region,
		AvailabilityZone: in.AvailabilityZone, AmazonSideASN: in.AmazonSideASN, Tags: in.Tags, VPCID: in.VPCID}
	if g.AmazonSideASN == "" {
		g.AmazonSideASN = DefaultAmazonSideASN
	}
	rule := c.vpnGatewayRule(in)
	if in.VPCID != "" {
		rule = allRules(rule, c.vpnAttachRule(VPNGatewayAttachment{VPCID: in.VPCID}, VPNGatewayAttachment{}))
	}
	ids := map[string]string{"vpn_gateway_id": g.ID, "vpc_id": in.VPCID}
	return createTagged(c, ctx, "CreateVpnGateway", ids, rule, g, g.ID, in.Tags)
}

// AttachVPNGateway attaches a detached gateway to a VPC.
func (c *Client) AttachVPNGateway(ctx context.Context, vgwID, vpcID string) error {
	return c.vpnGateways().attach(c, ctx, "AttachVpnGateway", vgwID, vpcID)
}

// DetachVPNGateway detaches a gateway from the VPC it is attached to.
func (c *Client) DetachVPNGateway(ctx context.Context, vgwID, vpcID string) error {
	return c.vpnGateways().detach(c, ctx, "DetachVpnGateway", vgwID, vpcID)
}

// deletePropagations is what a gateway's leaving its VPC undoes: its route
// propagations go with the attachment, since a detached gateway has nothing
// to propagate into the VPC's tables; routes to it stay, as blackholes.
func deletePropagations(tx Tx, g VPNGateway) error {
	tables, err := tx.RouteTableIDs(g.VPCID)
	if err != nil {
		return err
	}
	for _, table := range tables {
		if err := tx.DeleteRoutePropagation(table, g.ID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateVPNGateway gives a gateway its desired VPC ("" for none) and tags in
// one step: a gateway that changes VPC is detached from the old one and
// attached to the new one, or stays where it was if the new VPC refuses it.
func (c *Client) UpdateVPNGateway(ctx context.Context, id, vpcID string, tags map[string]string) (VPNGateway, error) {
	return c.vpnGateways().update(c, ctx, "ModifyVpnGateway", id, vpcID, tags)
}

// refuseAttachedVPNGateway is AWS's refusal to delete a gateway that is
// still attached to a VPC.
func refuseAttachedVPNGateway(_ ReadTx, g VPNGateway) error {
	if g.VPCID == "" {
		return nil
	}
	return &Error{
		Code:    "IncorrectState",
		Message: fmt.Sprintf("The VPN gateway '%s' is in an incorrect state: it is attached to %s.", g.ID, g.VPCID),
		Fix:     fmt.Sprintf("Detach %s from %s first (simcloud_vpn_gateway detaches it itself when destroyed).", g.ID, g.VPCID),
		Objects: []string{g.ID, g.VPCID},
	}
}

// DetachAndDeleteVPNGateway detaches a gateway from its VPC, if it is
// attached, and deletes it, in one step, as destroying a
// simcloud_vpn_gateway does.
func (c *Client) DetachAndDeleteVPNGateway(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteVpnGateway", map[string]string{"vpn_gateway_id": id}, func(tx Tx) error {
		g, err := findStored[VPNGateway](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		if g.VPCID != "" {
			if err := c.vpnGateways().takeOut(tx, g); err != nil {
				return err
			}
		}
		return tx.Delete(KindVPNGateway, id)
	})
}

// VPNGatewayAttachmentID returns the ID the AWS provider gives a gateway's
// attachment to a VPC: vpn-attachment- and the CRC-32 of "<vpc>-<gateway>"
// in hexadecimal.
func VPNGatewayAttachmentID(vgwID, vpcID string) string {
	return fmt.Sprintf("vpn-attachment-%x", crc32String(vpcID+"-"+vgwID))
}

// VGWRoutePropagation is a gateway's propagation of its VPN connections'
// routes into a route table.
type VGWRoutePropagation struct {
	VPNGatewayID string
	RouteTableID string
}

// propagationSeparator joins the gateway's and the table's IDs into the
// ID of a propagation, as the AWS provider does.
const propagationSeparator = "_"

// ID returns the ID the AWS provider gives the propagation.
func (p VGWRoutePropagation) ID() string {
	return p.VPNGatewayID + propagationSeparator + p.RouteTableID
}

// ParseVGWRoutePropagationID splits a propagation's ID, such as one given
// to terraform import.
func ParseVGWRoutePropagationID(id string) (VGWRoutePropagation, error) {
	vgw, rtb, err := parseIDPair(id, propagationSeparator, KindVPNGateway, KindRouteTable, "VPN gateway route propagation ID",
		"VPN-GATEWAY-ID_ROUTE-TABLE-ID", "Write the gateway's ID, an underscore, and the route table's ID")
	return VGWRoutePropagation{VPNGatewayID: vgw, RouteTableID: rtb}, err
}

// propagationRule checks that a gateway can propagate into a table: both
// exist, and the gateway is attached to the table's VPC.
func (c *Client) propagationRule(want VGWRoutePropagation) Rule {
	return func(v View) error {
		vpcID := Unknown
		if IsKnown(want.RouteTableID) {
			table, err := c.findRouteTable(v, want.RouteTableID, "route_table_id")
			if err != nil {
				return err
			}
			vpcID = table.VPCID
		}
		return c.propagatesInto(v, want.VPNGatewayID, vpcID, want.RouteTableID, "vpn_gateway_id")
	}
}

// propagatesInto checks that gateway vgwID, named in argument field, exists
// and is attached to vpcID, the VPC of table tableID ("" for a table not
// made yet), in the cloud or by another object of the plan.
func (c *Client) propagatesInto(v View, vgwID, vpcID, tableID, field string) error {
	if !IsKnown(vgwID) {
		return nil
	}
	g, err := findStored[VPNGateway](v, c.scope, vgwID, field)
	if err != nil || !IsKnown(vpcID) || g.VPCID == vpcID {
		return err
	}
	for _, claim := range v.Claimed(ClaimVPNGateway, vpcID) {
		if claim.Value == g.ID {
			return nil
		}
	}
	return &Error{
		Code:    "Gateway.NotAttached",
		Message: fmt.Sprintf("resource %s is not attached to network %s", g.ID, vpcID),
		Fix: fmt.Sprintf("A gateway propagates routes only into the tables of the VPC it is attached to: attach %s to %s "+
			"(vpc_id on simcloud_vpn_gateway, or a simcloud_vpn_gateway_attachment) first.", g.ID, vpcID),
		Field:   field,
		Objects: nonEmpty(g.ID, vpcID, tableID),
	}
}

// setPropagations makes vgwIDs exactly the gateways that propagate into a
// table.
func setPropagations(tx Tx, tableID string, vgwIDs []string) error {
	existing, err := tx.RoutePropagations(tableID)
	if err != nil {
		return err
	}
	for _, id := range existing {
		if !slices.Contains(vgwIDs, id) {
			if err := tx.DeleteRoutePropagation(tableID, id); err != nil {
				return err
			}
		}
	}
	for _, id := range vgwIDs {
		if err := tx.PutRoutePropagation(tableID, id); err != nil {
			return err
		}
	}
	return nil
}

// CheckVGWRoutePropagation runs at plan time the rules that enabling the
// propagation will meet at apply.
func (c *Client) CheckVGWRoutePropagation(ctx context.Context, p *Plan, holder Holder, want VGWRoutePropagation) error {
	return c.Check(ctx, p, holder, c.propagationRule(want))
}

// EnableVGWRoutePropagation has a gateway propagate its routes into a table;
// enabling it again changes nothing, as in AWS.
func (c *Client) EnableVGWRoutePropagation(ctx context.Context, want VGWRoutePropagation) error {
	ids := map[string]string{"vpn_gateway_id": want.VPNGatewayID, "route_table_id": want.RouteTableID}
	return c.apply(ctx, "EnableVgwRoutePropagation", ids, c.propagationRule(want), func(tx Tx) error {
		return tx.PutRoutePropagation(want.RouteTableID, want.VPNGatewayID)
	})
}

// DisableVGWRoutePropagation stops a gateway's propagation into a table;
// there is nothing to stop when it does not propagate there.
func (c *Client) DisableVGWRoutePropagation(ctx context.Context, p VGWRoutePropagation) error {
	ids := map[string]string{"vpn_gateway_id": p.VPNGatewayID, "route_table_id": p.RouteTableID}
	return c.write(ctx, "DisableVgwRoutePropagation", ids, func(tx Tx) error {
		if _, err := c.findRouteTable(tx, p.RouteTableID, "route_table_id"); err != nil {
			return err
		}
		return tx.DeleteRoutePropagation(p.RouteTableID, p.VPNGatewayID)
	})
}

// VGWRoutePropagation reports whether the gateway propagates into the
// table, with AWS's errors for a table that is not there.
func (c *Client) VGWRoutePropagation(ctx context.Context, p VGWRoutePropagation) (ok bool, err error) {
	ids := map[string]string{"vpn_gateway_id": p.VPNGatewayID, "route_table_id": p.RouteTableID}
	err = c.read(ctx, "DescribeRouteTables", ids, func(tx ReadTx) error {
		table, err := c.findRouteTable(tx, p.RouteTableID, "route_table_id")
		ok = err == nil && slices.Contains(table.PropagatingVGWs, p.VPNGatewayID)
		return err
	})
	return ok, err
}

// pastVPNGateway is the virtual private gateway's routeTarget.beyond: it
// leads to the networks behind its VPN connections, never to the internet.
func pastVPNGateway(_ *Client, _ ReadTx, _ Subnet, target, _, _ string, _ *Path) (broken, fix string, err error) {
	return fmt.Sprintf("%s is a virtual private gateway: it leads to the networks behind its VPN connections, not to the internet", target),
		"Route internet addresses to an internet gateway or a NAT gateway, and only your own networks' blocks to the virtual private gateway.", nil
}
