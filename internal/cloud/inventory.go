package cloud

import (
	"context"
	"net/netip"
	"slices"
	"strings"
)

// Inventory is every object of one account and region, with what the
// engine derives from routing (route states, the table that serves each
// subnet, internet access), as front ends that show the whole cloud need it.
type Inventory struct {
	VPCs                        []VPC
	InternetGateways            []InternetGateway
	EgressOnlyInternetGateways  []EgressOnlyInternetGateway
	Subnets                     []Subnet
	RouteTables                 []RouteTable
	ElasticIPs                  []ElasticIP
	NATGateways                 []NATGateway
	SecurityGroups              []SecurityGroup
	NetworkACLs                 []NetworkACL
	VPNGateways                 []VPNGateway
	CustomerGateways            []CustomerGateway
	BlockPublicAccessExclusions []BlockPublicAccessExclusion
	// IAM's objects are the account's, in every region's inventory.
	IAMRoles                 []IAMRole
	IAMPolicies              []IAMPolicy
	IAMRolePolicyAttachments []IAMRolePolicyAttachment
	IAMRolePolicies          []IAMRolePolicy
	LogGroups                []LogGroup
	FlowLogs                 []FlowLog
	DHCPOptions              []DHCPOptions
	VPCCIDRBlockAssociations []VPCCIDRBlockAssociation
	VPCEndpoints             []VPCEndpoint
	IPAMs                    []IPAM
	IPAMScopes               []IPAMScope
	IPAMPools                []IPAMPool
	IPAMPoolCIDRs            []IPAMPoolCIDR
	IPAMPoolAllocations      []IPAMPoolAllocation
	ManagedPrefixLists       []ManagedPrefixList
	KeyPairs                 []KeyPair
	// VPCPeeringConnections are those either side of which is in the
	// inventory's scope.
	VPCPeeringConnections []VPCPeeringConnection
	NetworkInterfaces     []NetworkInterface
	Instances             []Instance
	AddressAssociations   []AddressAssociation
}

// Inventory reads everything in the client's scope from one snapshot, so
// that what it returns fits together even while others change the cloud:
// no subnet served by a table missing from the list, say. Each kind reads
// its own part, as its entry in the registry of kinds says.
func (c *Client) Inventory(ctx context.Context) (Inventory, error) {
	var inv Inventory
	err := c.read(ctx, "DescribeAll", nil, func(tx ReadTx) error {
		for _, k := range objectKinds {
			if k.inventory == nil {
				continue
			}
			if err := k.inventory(c, tx, &inv); err != nil {
				return err
			}
		}
		return nil
	})
	return inv, err
}

// The kinds' objectKind.inventory: each reads the objects of its kind in
// the client's scope into the inventory, with what the engine derives of
// them.

func (c *Client) inventorySubnets(tx ReadTx, inv *Inventory) (err error) {
	if inv.Subnets, err = list[Subnet](tx, c.scope, SubnetFilter{}); err != nil {
		return err
	}
	for i := range inv.Subnets {
		if err := c.deriveSubnet(tx, &inv.Subnets[i]); err != nil {
			return err
		}
	}
	return nil
}

// inventoryRouteTables reads the tables with their associations, which
// are no list of their own.
func (c *Client) inventoryRouteTables(tx ReadTx, inv *Inventory) (err error) {
	if inv.RouteTables, err = list[RouteTable](tx, c.scope, RouteTableFilter{WithAssociations: true}); err != nil {
		return err
	}
	for i := range inv.RouteTables {
		if err := deriveRouteStates(tx, &inv.RouteTables[i]); err != nil {
			return err
		}
	}
	return nil
}

// inventoryAll is the inventory of a kind of which the engine derives
// nothing: every object of the scope, into the inventory's list of it.
func inventoryAll[T Row](into func(*Inventory) *[]T, all Filter) func(c *Client, tx ReadTx, inv *Inventory) error {
	return func(c *Client, tx ReadTx, inv *Inventory) (err error) {
		*into(inv), err = list[T](tx, c.scope, all)
		return err
	}
}

// Object is one object of an inventory as front ends that list, show or
// draw the whole cloud see it without knowing its kind: what it is, where it
// lives and which other objects it names.
type Object struct {
	ID string
	// Type is its kind's type name ("vpc", "nat_gateway"); Label how people
	// call the kind ("VPC", "NAT gateway").
	Type, Label string
	// Parent is the ID of the object it lives in (a subnet's VPC, an
	// association's route table), "" for none.
	Parent string
	// References are the other objects it names, field by field.
	References []Reference
	Tags       map[string]string
	// GoesWithParent says that the object is made with the object it lives
	// in and goes only with it, as a VPC's default security group and
	// network ACL do: no one deletes it on its own.
	GoesWithParent bool
	// WithDefaultVPC says that AWS made the object with the region's
	// default VPC (see Inventory.DefaultVPCParts): AWS's, not a
	// configuration's.
	WithDefaultVPC bool
	// Value is the engine's own value of the object: a VPC, a Subnet, ...
	Value any
}

// Reference is a field of an object that names another object.
type Reference struct {
	// Field is the field's name as the AWS provider spells it; a route
	// table names its routes' targets in "route".
	Field, ID string
	// Detail says which route names the target: "0.0.0.0/0 (active)".
	Detail string
}

// Index is every object of an inventory as an Object, kind by kind in the
// registry's order, so that a front end reads one list for every kind.
type Index struct {
	Objects []Object
	byID    map[string]int
}

// Index describes every object of the inventory through the registry of
// kinds.
func (inv Inventory) Index() Index {
	x := Index{byID: map[string]int{}}
	defaults := inv.DefaultVPCParts()
	for _, k := range objectKinds {
		if k.describe == nil {
			// A named kind is not in the inventory (see NamedKinds).
			continue
		}
		for _, o := range k.describe(&inv) {
			o.Type, o.Label = k.typeName, k.label
			for _, r := range o.References {
				if r.Field == k.parentField {
					o.Parent = r.ID
				}
			}
			o.WithDefaultVPC = defaults[o.ID]
			x.byID[o.ID] = len(x.Objects)
			x.Objects = append(x.Objects, o)
		}
	}
	return x
}

// Object returns the object with the given ID.
func (x Index) Object(id string) (Object, bool) {
	i, ok := x.byID[id]
	if !ok {
		return Object{}, false
	}
	return x.Objects[i], true
}

// describeEach makes an objectKind.describe from the kind's list in an
// inventory and a description of one object.
func describeEach[T any](list func(*Inventory) []T, describe func(T) Object) func(*Inventory) []Object {
	return func(inv *Inventory) []Object {
		var out []Object
		for _, item := range list(inv) {
			out = append(out, describe(item))
		}
		return out
	}
}

// The kinds' descriptions of one object, with its references.

func describeVPC(v VPC) Object {
	return Object{ID: v.ID, Tags: v.Tags, Value: v, References: references("main_route_table_id", v.MainRouteTableID,
		"default_security_group_id", v.DefaultSecurityGroupID, "default_network_acl_id", v.DefaultNetworkACLID, "dhcp_options_id", v.DHCPOptionsID)}
}

func describeSubnet(s Subnet) Object {
	return Object{ID: s.ID, Tags: s.Tags, Value: s, References: references("vpc_id", s.VPCID, "route_table_id", s.RouteTableID,
		"network_acl_id", s.NetworkACLID)}
}

// describeRouteTable names each route's target, routes in address order.
func describeRouteTable(t RouteTable) Object {
	refs := references("vpc_id", t.VPCID)
	routes := slices.Clone(t.Routes)
	slices.SortStableFunc(routes, func(a, b Route) int { return comparePrefixes(a.Destination, b.Destination) })
	for _, r := range routes {
		if r.Target != TargetLocal {
			refs = append(refs, Reference{Field: "route", ID: r.Target, Detail: r.Destination + " (" + r.State + ")"})
		}
	}
	return Object{ID: t.ID, Tags: t.Tags, Value: t, References: refs, GoesWithParent: t.Main}
}

// describeAssociations describes the associations, which an inventory
// holds in their route tables.
func describeAssociations(inv *Inventory) []Object {
	var out []Object
	for _, t := range inv.RouteTables {
		for _, a := range t.Associations {
			out = append(out, Object{ID: a.ID, Value: a, References: references("route_table_id", t.ID, "subnet_id", a.SubnetID)})
		}
	}
	return out
}

func describeInternetGateway(g InternetGateway) Object {
	return Object{ID: g.ID, Tags: g.Tags, Value: g, References: references("vpc_id", g.VPCID)}
}

func describeEgressOnlyInternetGateway(g EgressOnlyInternetGateway) Object {
	return Object{ID: g.ID, Tags: g.Tags, Value: g, References: references("vpc_id", g.VPCID)}
}

func describeNATGateway(n NATGateway) Object {
	return Object{ID: n.ID, Tags: n.Tags, Value: n,
		References: references("vpc_id", n.VPCID, "subnet_id", n.SubnetID, "allocation_id", n.AllocationID)}
}

func describeSecurityGroup(g SecurityGroup) Object {
	return Object{ID: g.ID, Tags: g.Tags, Value: g, References: references("vpc_id", g.VPCID), GoesWithParent: g.Default}
}

func describeNetworkACL(a NetworkACL) Object {
	return Object{ID: a.ID, Tags: a.Tags, Value: a, References: references("vpc_id", a.VPCID), GoesWithParent: a.Default}
}

func describeVPNGateway(g VPNGateway) Object {
	return Object{ID: g.ID, Tags: g.Tags, Value: g, References: references("vpc_id", g.VPCID)}
}

func describeCustomerGateway(g CustomerGateway) Object {
	return Object{ID: g.ID, Tags: g.Tags, Value: g}
}

func describeElasticIP(e ElasticIP) Object {
	return Object{ID: e.AllocationID, Tags: e.Tags, Value: e, References: references("nat_gateway_id", e.NATGatewayID,
		"network_interface_id", e.NetworkInterfaceID, "instance_id", e.InstanceID)}
}

// describeNetworkInterface names an instance's primary interface as going
// with it: no one deletes it on its own.
func describeNetworkInterface(n NetworkInterface) Object {
	refs := references("vpc_id", n.VPCID, "subnet_id", n.SubnetID, "instance_id", n.InstanceID)
	for _, g := range n.SecurityGroupIDs {
		refs = append(refs, Reference{Field: "security_groups", ID: g})
	}
	return Object{ID: n.ID, Tags: n.Tags, Value: n, References: refs, GoesWithParent: n.InstanceID != "" && n.DeviceIndex == 0}
}

func describeInstance(i Instance) Object {
	refs := references("vpc_id", i.VPCID, "subnet_id", i.SubnetID, "primary_network_interface_id", i.PrimaryNetworkInterfaceID)
	for _, g := range i.SecurityGroupIDs {
		refs = append(refs, Reference{Field: "vpc_security_group_ids", ID: g})
	}
	return Object{ID: i.ID, Tags: i.Tags, Value: i, References: refs}
}

// describeDHCPOptions says that the region's default set is AWS's own,
// made for the account rather than by it.
func describeDHCPOptions(o DHCPOptions) Object {
	return Object{ID: o.ID, Tags: o.Tags, Value: o, GoesWithParent: o.Default}
}

func describeVPCCIDRBlockAssociation(a VPCCIDRBlockAssociation) Object {
	return Object{ID: a.ID, Value: a, References: references("vpc_id", a.VPCID)}
}

// references pairs fields with the IDs they hold, leaving out those that
// hold none.
func references(fieldsAndIDs ...string) []Reference {
	var out []Reference
	for i := 0; i+1 < len(fieldsAndIDs); i += 2 {
		if fieldsAndIDs[i+1] != "" {
			out = append(out, Reference{Field: fieldsAndIDs[i], ID: fieldsAndIDs[i+1]})
		}
	}
	return out
}

// LessPrefix orders CIDR blocks by address, IPv4 before IPv6, then by
// length; what does not parse goes last, by text.
func LessPrefix(a, b string) bool { return comparePrefixes(a, b) < 0 }

func comparePrefixes(a, b string) int {
	pa, errA := netip.ParsePrefix(a)
	pb, errB := netip.ParsePrefix(b)
	switch {
	case errA != nil && errB != nil:
		return strings.Compare(a, b)
	case errA != nil:
		return 1
	case errB != nil:
		return -1
	case pa.Addr() != pb.Addr():
		return pa.Addr().Compare(pb.Addr())
	default:
		return pa.Bits() - pb.Bits()
	}
}

// DefaultVPCParts are the IDs of the objects of the inventory that AWS
// makes with the region's default VPC, as CreateDefaultVpc does: the VPC,
// its main route table and main association, default security group and
// network ACL, its internet gateway, its default subnets (the default
// layout's /20 in each zone) and the region's default DHCP options set that
// it uses. They are AWS's, not a configuration's: no orphans, and what
// tests that count a configuration's objects leave out. Objects added to the
// default VPC later are not among them.
func (inv Inventory) DefaultVPCParts() map[string]bool {
	parts := map[string]bool{}
	for _, v := range inv.VPCs {
		if !v.IsDefault {
			continue
		}
		for _, id := range []string{v.ID, v.MainRouteTableID, v.DefaultSecurityGroupID, v.DefaultNetworkACLID} {
			parts[id] = true
		}
		for _, o := range inv.DHCPOptions {
			if o.Default && o.ID == v.DHCPOptionsID {
				parts[o.ID] = true
			}
		}
		for _, g := range inv.InternetGateways {
			if g.VPCID == v.ID {
				parts[g.ID] = true
			}
		}
		for _, s := range inv.Subnets {
			if s.VPCID == v.ID && IsDefaultSubnet(v.Region, s.AvailabilityZone, s.CIDRBlock) {
				parts[s.ID] = true
			}
		}
		for _, t := range inv.RouteTables {
			if t.ID != v.MainRouteTableID {
				continue
			}
			for _, a := range t.Associations {
				if a.Main {
					parts[a.ID] = true
				}
			}
		}
	}
	return parts
}

// DefaultVPCParts reads the scope's inventory for its DefaultVPCParts.
func (c *Client) DefaultVPCParts(ctx context.Context) (map[string]bool, error) {
	inv, err := c.Inventory(ctx)
	if err != nil {
		return nil, err
	}
	return inv.DefaultVPCParts(), nil
}
