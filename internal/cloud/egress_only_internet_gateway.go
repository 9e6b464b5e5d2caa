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
	err := c.apply(ctx, "CreateEgressOnlyInternetGateway", ids, c.egressOnlyRule(vpcID, tags), func(tx Tx) error {
		if err := tx.Insert(g); err != nil {
			return err
		}
		return tx.SetTags(g.ID, tags)
	})
	if err != nil {
		return EgressOnlyInternetGateway{}, err
	}
	return g, nil
}

// EgressOnlyInternetGateway returns the egress-only gateway with the given ID.
func (c *Client) EgressOnlyInternetGateway(ctx context.Context, id string) (EgressOnlyInternetGateway, error) {
	return readResult(ctx, c, "DescribeEgressOnlyInternetGateways", map[string]string{"egress_only_internet_gateway_id": id}, func(tx ReadTx) (EgressOnlyInternetGateway, error) {
		return c.findEgressOnlyInternetGateway(tx, id)
	})
}

// FindEgressOnlyInternetGateways returns the egress-only gateways that match
// filter, by ID.
func (c *Client) FindEgressOnlyInternetGateways(ctx context.Context, filter EgressOnlyInternetGatewayFilter) ([]EgressOnlyInternetGateway, error) {
	ids := map[string]string{"egress_only_internet_gateway_id": filter.ID, "vpc_id": filter.VPCID}
	return findAll[EgressOnlyInternetGateway](ctx, c, "DescribeEgressOnlyInternetGateways", ids, filter)
}

func (c *Client) findEgressOnlyInternetGateway(tx ReadTx, id string) (EgressOnlyInternetGateway, error) {
	return findStored[EgressOnlyInternetGateway](tx, c.scope, id, "id")
}

// UpdateEgressOnlyInternetGateway replaces an egress-only gateway's tags.
func (c *Client) UpdateEgressOnlyInternetGateway(ctx context.Context, id string, tags map[string]string) (EgressOnlyInternetGateway, error) {
	var g EgressOnlyInternetGateway
	ids := map[string]string{"egress_only_internet_gateway_id": id}
	err := c.apply(ctx, "CreateTags", ids, tagsRule(tags), func(tx Tx) error {
		var err error
		if g, err = c.findEgressOnlyInternetGateway(tx, id); err != nil {
			return err
		}
		g.Tags = tags
		return tx.SetTags(id, tags)
	})
	return g, err
}

// DeleteEgressOnlyInternetGateway deletes an egress-only gateway.
func (c *Client) DeleteEgressOnlyInternetGateway(ctx context.Context, id string) error {
	ids := map[string]string{"egress_only_internet_gateway_id": id}
	return c.write(ctx, "DeleteEgressOnlyInternetGateway", ids, func(tx Tx) error {
		if _, err := c.findEgressOnlyInternetGateway(tx, id); err != nil {
			return err
		}
		return tx.Delete(KindEgressOnlyInternetGateway, id)
	})
}
