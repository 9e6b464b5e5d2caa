package cloud

import "context"

// Inventory is every object of one account and region, with what the
// engine derives from routing (route states, the table that serves each
// subnet, internet access), as front ends that show the whole cloud need it.
type Inventory struct {
	VPCs                       []VPC
	InternetGateways           []InternetGateway
	EgressOnlyInternetGateways []EgressOnlyInternetGateway
	Subnets                    []Subnet
	RouteTables                []RouteTable
	ElasticIPs                 []ElasticIP
	NATGateways                []NATGateway
}

// Inventory reads everything in the client's scope from one snapshot, so
// that what it returns fits together even while others change the cloud:
// no subnet served by a table missing from the list, say.
func (c *Client) Inventory(ctx context.Context) (Inventory, error) {
	var inv Inventory
	err := c.read(ctx, "DescribeAll", nil, func(tx ReadTx) error {
		var err error
		if inv.VPCs, err = list[VPC](tx, c.scope, VPCFilter{}); err != nil {
			return err
		}
		if inv.InternetGateways, err = list[InternetGateway](tx, c.scope, InternetGatewayFilter{}); err != nil {
			return err
		}
		if inv.EgressOnlyInternetGateways, err = list[EgressOnlyInternetGateway](tx, c.scope, EgressOnlyInternetGatewayFilter{}); err != nil {
			return err
		}
		if inv.Subnets, err = list[Subnet](tx, c.scope, SubnetFilter{}); err != nil {
			return err
		}
		for i := range inv.Subnets {
			if err := c.deriveSubnet(tx, &inv.Subnets[i]); err != nil {
				return err
			}
		}
		if inv.RouteTables, err = list[RouteTable](tx, c.scope, RouteTableFilter{WithAssociations: true}); err != nil {
			return err
		}
		for i := range inv.RouteTables {
			if err := deriveRouteStates(tx, &inv.RouteTables[i]); err != nil {
				return err
			}
		}
		if inv.ElasticIPs, err = list[ElasticIP](tx, c.scope, ElasticIPFilter{}); err != nil {
			return err
		}
		inv.NATGateways, err = list[NATGateway](tx, c.scope, NATGatewayFilter{})
		return err
	})
	return inv, err
}
