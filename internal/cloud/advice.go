package cloud

import (
	"context"
	"fmt"
	"strings"
)

// Advisory is advice on a network that AWS accepts without a word but that
// most likely does not do what its author meant. It is not a refusal: the
// cloud works as configured.
type Advisory struct {
	// Code names the kind of advice, one of the Advice* constants.
	Code string
	// Title says in a few words what is wrong, for a warning's summary.
	Title string
	// Subject is the ID of the object the advice is about.
	Subject string
	// Objects are the objects involved, Subject first.
	Objects []string
	// Message says what is wrong; Fix, in one sentence, what to do.
	Message, Fix string
	// Field is the argument of Subject at fault, in the AWS provider's
	// spelling, or "".
	Field string
}

// The kinds of advice.
const (
	// AdvicePublicIPWithoutInternetRoute: a subnet hands its instances
	// public IPv4 addresses, but its route table gives the internet no way
	// to reach them.
	AdvicePublicIPWithoutInternetRoute = "PublicIpWithoutInternetRoute"
	// AdviceInternetGatewayWithoutRoute: an attached internet gateway that
	// no route table of its VPC routes to carries no traffic.
	AdviceInternetGatewayWithoutRoute = "InternetGatewayWithoutRoute"
	// AdviceRouteTableWithoutSubnets: a route table that is not its VPC's
	// main table and has no subnet associated routes nothing.
	AdviceRouteTableWithoutSubnets = "RouteTableWithoutSubnets"
)

// Advice returns the advice on a VPC's subnets, internet gateway and route
// tables, as they are now.
func (c *Client) Advice(ctx context.Context, vpcID string) ([]Advisory, error) {
	var out []Advisory
	err := c.read(ctx, "Advice", map[string]string{"vpc_id": vpcID}, func(tx ReadTx) error {
		if _, err := c.findVPC(tx, vpcID, "vpc_id"); err != nil {
			return err
		}
		subnets, err := list[Subnet](tx, c.scope, SubnetFilter{VPCID: vpcID})
		if err != nil {
			return err
		}
		for _, s := range subnets {
			if err := c.deriveSubnet(tx, &s); err != nil {
				return err
			}
			out = append(out, SubnetAdvice(s)...)
		}
		igws, err := list[InternetGateway](tx, c.scope, InternetGatewayFilter{VPCID: vpcID})
		if err != nil {
			return err
		}
		tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{VPCID: vpcID, WithAssociations: true})
		if err != nil {
			return err
		}
		for _, igw := range igws {
			out = append(out, gatewayAdvice(igw, tables)...)
		}
		for _, t := range tables {
			out = append(out, tableAdvice(t)...)
		}
		return nil
	})
	return out, err
}

// AdviceOn returns the advice about one object, named by its ID: a subnet,
// an internet gateway or a route table. Other objects get none.
func (c *Client) AdviceOn(ctx context.Context, id string) ([]Advisory, error) {
	var out []Advisory
	err := c.read(ctx, "Advice", map[string]string{"id": id}, func(tx ReadTx) error {
		k, ok := objectKindOf(id, func(k objectKind) bool { return k.advise != nil })
		if !ok {
			return nil
		}
		var err error
		out, err = k.advise(c, tx, id)
		return err
	})
	return out, err
}

// The kinds' objectKind.advise.

func (c *Client) subnetAdvice(tx ReadTx, id string) ([]Advisory, error) {
	s, err := c.findSubnet(tx, id, "id")
	return SubnetAdvice(s), err
}

func (c *Client) internetGatewayAdvice(tx ReadTx, id string) ([]Advisory, error) {
	igw, err := c.findInternetGateway(tx, id, "id")
	if err != nil || igw.VPCID == "" {
		return nil, err
	}
	tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{VPCID: igw.VPCID})
	return gatewayAdvice(igw, tables), err
}

func (c *Client) routeTableAdvice(tx ReadTx, id string) ([]Advisory, error) {
	tables, err := list[RouteTable](tx, c.scope, RouteTableFilter{ID: id, WithAssociations: true})
	if err != nil || len(tables) == 0 {
		return nil, err
	}
	return tableAdvice(tables[0]), nil
}

// SubnetAdvice warns about a subnet, as Client.Subnet returns it (with its
// routing derived), that gives its instances public addresses the internet
// cannot reach: AWS assigns them anyway, and people then wonder why nothing
// answers. It reads nothing, so a caller holding the subnet pays nothing.
func SubnetAdvice(s Subnet) []Advisory {
	in := s.InternetAccess.IPv4Inbound
	if !s.MapPublicIPOnLaunch || in.Reachable {
		return nil
	}
	return []Advisory{{
		Code:    AdvicePublicIPWithoutInternetRoute,
		Title:   "public IPv4 addresses the internet cannot reach",
		Subject: s.ID,
		Objects: []string{s.ID, s.RouteTableID},
		Message: fmt.Sprintf("%s gives its instances public IPv4 addresses (map_public_ip_on_launch = true), but the internet cannot reach them: %s.",
			s.ID, strings.TrimSuffix(in.Break, ".")),
		Fix: fmt.Sprintf("Route 0.0.0.0/0 in %s to an internet gateway attached to %s, or set map_public_ip_on_launch = false if the subnet is meant to be private.",
			s.RouteTableID, s.VPCID),
		Field: "map_public_ip_on_launch",
	}}
}

// gatewayAdvice warns about an attached internet gateway that no table of
// its VPC routes to: it costs nothing and carries nothing, which usually
// means a forgotten route.
func gatewayAdvice(igw InternetGateway, tables []RouteTable) []Advisory {
	if igw.VPCID == "" {
		return nil
	}
	for _, t := range tables {
		for _, r := range t.Routes {
			if r.Target == igw.ID {
				return nil
			}
		}
	}
	return []Advisory{{
		Code:    AdviceInternetGatewayWithoutRoute,
		Title:   "internet gateway that no route uses",
		Subject: igw.ID,
		Objects: []string{igw.ID, igw.VPCID},
		Message: fmt.Sprintf("%s is attached to %s, but no route table of %s has a route to it, so no traffic goes through it.", igw.ID, igw.VPCID, igw.VPCID),
		Fix: fmt.Sprintf("Add a route to %s (for example 0.0.0.0/0, with a simcloud_route or a route block) in the table of the subnets that should be public, "+
			"or remove the gateway if the VPC needs none.", igw.ID),
	}}
}

// tableAdvice warns about a table, with its associations, that serves no
// subnet: its routes decide nothing, however carefully they were written.
func tableAdvice(t RouteTable) []Advisory {
	if t.Main {
		return nil
	}
	for _, a := range t.Associations {
		if a.SubnetID != "" {
			return nil
		}
	}
	return []Advisory{{
		Code:    AdviceRouteTableWithoutSubnets,
		Title:   "route table that no subnet uses",
		Subject: t.ID,
		Objects: []string{t.ID, t.VPCID},
		Message: fmt.Sprintf("%s is not the main route table of %s and no subnet is associated with it, so its routes apply to no traffic.", t.ID, t.VPCID),
		Fix:     "Associate the subnets it is meant for with it (simcloud_route_table_association), make it the VPC's main table, or remove it.",
	}}
}
