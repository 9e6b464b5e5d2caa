package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// attachedGateway is a gateway's attachment to a VPC, as the resources of
// gatewayAttachmentKind read it.
type attachedGateway struct {
	gatewayID, vpcID string
}

// gatewayAttachment is what differs between the attachments of an internet
// gateway and of a virtual private gateway to a VPC: the gateway's argument
// and kind, the noun for it, the cloud's calls that attach and detach it,
// the error codes of a detach that finds nothing attached, and the form of
// the attachment's ID.
type gatewayAttachment struct {
	attribute      string
	kind           cloud.Kind
	noun           string
	attach, detach func(c *cloud.Client, ctx context.Context, gatewayID, vpcID string) error
	goneCodes      []string
	id             func(gatewayID, vpcID string) string
}

// attachedVPCOf is a gateway of either kind: it says where it is attached.
type attachedVPCOf interface {
	cloud.Row
	AttachedVPC() string
}

// gatewayAttachmentKind is the link l (its ends the gateway, then the VPC)
// of a gateway G to a VPC: the attachment holds while G is attached to the
// VPC named, and undoing it takes the gateway out of its VPC's way.
func gatewayAttachmentKind[G attachedVPCOf, M any, P modelOf[M]](l objectLink[M, attachedGateway], g gatewayAttachment) resourceKind[M, attachedGateway] {
	l.first = linkEnd{g.attribute, g.kind, "The gateway to attach. It must not be attached to any VPC. Changing it replaces the attachment."}
	l.second = linkEnd{"vpc_id", cloud.KindVPC,
		"The VPC to attach the gateway to. The VPC must have no " + g.noun + " yet. Changing it replaces the attachment."}
	ends := func(m *M) attachedGateway {
		gateway, vpc := l.ends(m)
		return attachedGateway{gateway.ValueString(), vpc.ValueString()}
	}
	l.create = func(d *providerData, ctx context.Context, a applyStep[M]) (attachedGateway, error) {
		want := ends(a.plan)
		return want, g.attach(d.client, ctx, want.gatewayID, want.vpcID)
	}
	l.read = func(c *cloud.Client, ctx context.Context, state *M) (attachedGateway, error) {
		want := ends(state)
		gateway, err := cloud.Describe[G](c, ctx, want.gatewayID)
		if err == nil && gateway.AttachedVPC() != want.vpcID {
			err = errGone
		}
		return want, err
	}
	l.remove = func(c *cloud.Client, ctx context.Context, state *M) error {
		a := ends(state)
		return unlessGone(g.detach(c, ctx, a.gatewayID, a.vpcID), g.goneCodes...)
	}
	l.removing = func(state *M) []string { return []string{ends(state).gatewayID} }
	l.fill = func(m *M, a attachedGateway) {
		*P(m).identity() = types.StringValue(g.id(a.gatewayID, a.vpcID))
	}
	return linkKind[M, P](l)
}
