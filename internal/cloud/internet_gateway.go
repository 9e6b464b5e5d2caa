package cloud

import (
	"context"
)

// InternetGateway is a VPC's door to the internet. It is attached to at most
// one VPC, and a VPC has at most one.
type InternetGateway struct {
	ID      string
	OwnerID string
	Region  string
	// VPCID is the VPC the gateway is attached to, or "".
	VPCID string
	Tags  map[string]string
}

// InternetGatewayFilter selects internet gateways; empty fields match all.
type InternetGatewayFilter struct {
	ID    string
	VPCID string
	Tags  map[string]string
}

// ClaimInternetGateway is the claim a planned attachment makes on a VPC;
// its value is the gateway's ID, or "" for a gateway not created yet.
const ClaimInternetGateway ClaimKind = "internet-gateway"

// ClaimInternetGatewayAttached is the claim a planned attachment makes on
// an existing gateway; its value is the VPC's ID.
const ClaimInternetGatewayAttached ClaimKind = "internet-gateway-attached"

// InternetGatewayAttachment is a gateway's attachment to a VPC. A gateway
// not created yet has an empty InternetGatewayID.
type InternetGatewayAttachment struct {
	InternetGatewayID string
	VPCID             string
}

// internetGateways is the attachment rules' view of internet gateways.
func (c *Client) internetGateways() attachableGateway[InternetGateway] {
	return attachableGateway[InternetGateway]{
		claim:         ClaimInternetGateway,
		attachedClaim: ClaimInternetGatewayAttached,
		state:         func(igw *InternetGateway) (*string, *map[string]string) { return &igw.VPCID, &igw.Tags },
		attachedTo: func(v View, vpcID string) (string, error) {
			return attachedInternetGateway(v, c.scope, vpcID)
		},
		attached: refusal{"Resource.AlreadyAssociated", "resource %s is already attached to network %s",
			"Detach %s from %s first, or give the new VPC a gateway of its own."},
		occupied: refusal{"InvalidParameterValue", "Network %s already has an internet gateway attached",
			"A VPC has at most one internet gateway, and %s already has %s. " +
				"Use that gateway (for example through the simcloud_internet_gateway data source), or detach it first."},
		notAttachedTo: refusal{code: "Gateway.NotAttached", message: "resource %s is not attached to network %s"},
	}
}

// attachRule checks that want may hold, in place of replaces (zero for
// none); see attachableGateway.attachRule.
func (c *Client) attachRule(want, replaces InternetGatewayAttachment) Rule {
	return c.internetGateways().attachRule(c, want.InternetGatewayID, want.VPCID, replaces.InternetGatewayID, replaces.VPCID)
}

// sameKnownID reports whether a and b are the ID of one object: both known
// and equal. An ID that is "" (not created yet) or Unknown may be any
// object's.
func sameKnownID(a, b string) bool {
	return a != "" && IsKnown(a) && a == b
}

// plannedName names, in a sentence, a gateway of kind that another resource
// of the plan attaches.
func plannedName(claim Claim, kind Kind) string {
	if claim.Value == "" || !IsKnown(claim.Value) {
		return "a new " + kind.label + " planned by another resource of this configuration (" + claim.Who() + ")"
	}
	return claim.Value + " (attached by another resource of this configuration: " + claim.Who() + ")"
}

// gatewayOrHolder is the object a gateway claim stands for: the gateway,
// when it exists, else the resource that plans to create it.
func gatewayOrHolder(claim Claim) string {
	if claim.Value != "" && IsKnown(claim.Value) {
		return claim.Value
	}
	return claim.Who()
}

// CheckInternetGatewayAttachment runs at plan time the rules that making
// attachment want, in place of attachment replaces (zero for none), will
// meet at apply, and claims the VPC's one gateway place for holder.
func (c *Client) CheckInternetGatewayAttachment(ctx context.Context, p *Plan, holder Holder, want, replaces InternetGatewayAttachment) error {
	return c.Check(ctx, p, holder, c.attachRule(want, replaces), c.internetGateways().claims(want.InternetGatewayID, want.VPCID)...)
}

// CreateInternetGateway creates a gateway and, if vpcID is not empty,
// attaches it, in one step: if the attachment is refused, no gateway is left
// behind.
func (c *Client) CreateInternetGateway(ctx context.Context, vpcID string, tags map[string]string) (InternetGateway, error) {
	igw := InternetGateway{ID: newID(KindInternetGateway), OwnerID: c.scope.AccountID, Region: c.scope.Region, Tags: tags}
	ids := map[string]string{"internet_gateway_id": igw.ID, "vpc_id": vpcID}
	rule := tagsRule(tags)
	if vpcID != "" {
		rule = allRules(rule, c.attachRule(InternetGatewayAttachment{VPCID: vpcID}, InternetGatewayAttachment{}))
	}
	err := c.apply(ctx, "CreateInternetGateway", ids, rule, func(tx Tx) error {
		if err := tx.Insert(igw); err != nil {
			return err
		}
		if err := tx.SetTags(igw.ID, tags); err != nil {
			return err
		}
		if vpcID == "" {
			return nil
		}
		igw.VPCID = vpcID
		return tx.Update(igw)
	})
	return made(igw, err)
}

// InternetGateway returns the gateway with the given ID.
func (c *Client) InternetGateway(ctx context.Context, id string) (InternetGateway, error) {
	return Describe[InternetGateway](c, ctx, id)
}

// FindInternetGateways returns the gateways that match filter, by ID.
func (c *Client) FindInternetGateways(ctx context.Context, filter InternetGatewayFilter) ([]InternetGateway, error) {
	return Find[InternetGateway](c, ctx, filter)
}

// AttachInternetGateway attaches a detached gateway to a VPC.
func (c *Client) AttachInternetGateway(ctx context.Context, igwID, vpcID string) error {
	return c.internetGateways().attach(c, ctx, "AttachInternetGateway", igwID, vpcID)
}

// DetachInternetGateway detaches a gateway from the VPC it is attached to.
func (c *Client) DetachInternetGateway(ctx context.Context, igwID, vpcID string) error {
	return c.internetGateways().detach(c, ctx, "DetachInternetGateway", igwID, vpcID)
}

// UpdateInternetGateway gives a gateway its desired VPC and tags in one step:
// a gateway that changes VPC is detached from the old one and attached to the
// new one, or stays where it was if the new VPC refuses it.
func (c *Client) UpdateInternetGateway(ctx context.Context, id, vpcID string, tags map[string]string) (InternetGateway, error) {
	return c.internetGateways().update(c, ctx, "ModifyInternetGateway", id, vpcID, tags)
}

// DeleteInternetGateway deletes a detached gateway.
func (c *Client) DeleteInternetGateway(ctx context.Context, id string) error {
	return removeStored(func(_ ReadTx, igw InternetGateway) error {
		if igw.VPCID == "" {
			return nil
		}
		return dependencyViolation(KindInternetGateway, id, []string{igw.VPCID}, []string{"its attachment to " + igw.VPCID})
	})(c, ctx, id)
}

// DetachAndDeleteInternetGateway detaches a gateway from its VPC, if it is
// attached, and deletes it, in one step, as destroying a
// simcloud_internet_gateway does.
func (c *Client) DetachAndDeleteInternetGateway(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteInternetGateway", map[string]string{"internet_gateway_id": id}, func(tx Tx) error {
		if _, err := findStored[InternetGateway](tx, c.scope, id, "id"); err != nil {
			return err
		}
		return tx.Delete(KindInternetGateway, id)
	})
}

// attachmentSeparator joins a gateway's and a VPC's IDs into the ID of the
// attachment, as the AWS provider does.
const attachmentSeparator = ":"

// InternetGatewayAttachmentID returns the ID of a gateway's attachment to a
// VPC.
func InternetGatewayAttachmentID(igwID, vpcID string) string {
	return igwID + attachmentSeparator + vpcID
}

// ParseInternetGatewayAttachmentID splits an attachment ID, such as one given
// to terraform import, into the gateway's and the VPC's IDs.
func ParseInternetGatewayAttachmentID(id string) (igwID, vpcID string, err error) {
	return parseIDPair(id, attachmentSeparator, KindInternetGateway, KindVPC, "internet gateway attachment ID", "INTERNET-GATEWAY-ID:VPC-ID",
		"Write the gateway's ID, a colon, and the VPC's ID")
}
