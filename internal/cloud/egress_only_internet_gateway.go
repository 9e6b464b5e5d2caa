package cloud

import "context"

// EgressOnlyInternetGateway lets IPv6 traffic out of a VPC to the internet
// and nothing in: the IPv6 counterpart of NAT.
type EgressOnlyInternetGateway struct {
	ID      string
	OwnerID string
	Region  string
	VPCID   string
	Tags    map[string]string
}

// EgressOnlyInternetGatewayFilter selects egress-only gateways; empty fields
// match all.
type EgressOnlyInternetGatewayFilter struct {
	ID    string
	VPCID string
	Tags  map[string]string
}

func (c *Client) egressOnlyRule(vpcID string, tags map[string]string) Rule {
	return allRules(tagsRule(tags), c.vpcExistsRule(vpcID))
}

// CheckEgressOnlyInternetGateway runs at plan time the rules that creating
// an egress-only gateway in vpcID with these tags will meet at apply.
func (c *Client) CheckEgressOnlyInternetGateway(ctx context.Context, p *Plan, holder Holder, vpcID string, tags map[string]string) error {
	return c.Check(ctx, p, holder, c.egressOnlyRule(vpcID, tags))
}

// CreateEgressOnlyInternetGateway creates an egress-only gateway in a VPC.
func (c *Client) CreateEgressOnlyInternetGateway(ctx context.Context, vpcID string, tags map[string]string) (EgressOnlyInternetGateway, error) {
	g := EgressOnlyInternetGateway{
		ID: newID(KindEgressOnlyInternetGateway), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: vpcID, Tags: tags,
	}
	ids := map[string]string{"egress_only_internet_gateway_id": g.ID, "vpc_id": vpcID}
	return createTagged(c, ctx, "CreateEgressOnlyInternetGateway", ids, c.egressOnlyRule(vpcID, tags), g, g.ID, tags)
}
