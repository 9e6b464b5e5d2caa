package cli

import (
	"context"
	"sort"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// world is everything of one account and region, as ls, show and diagram
// present it: read through the engine, so that derived facts (route states,
// internet access) are the engine's, and sorted, so that output is stable.
type world struct {
	Account    string          `json:"account_id"`
	Region     string          `json:"region"`
	VPCs       []vpcView       `json:"vpcs"`
	Detached   []gatewayView   `json:"detached_internet_gateways"`
	ElasticIPs []elasticIPView `json:"elastic_ips"`
	// IPAMs are in no VPC: each with its pools.
	IPAMs []ipamView `json:"ipams,omitempty"`
	// PrefixLists, the customer-managed ones, are in no VPC either.
	PrefixLists []prefixListView `json:"managed_prefix_lists,omitempty"`
	// KeyPairs are in no VPC either.
	KeyPairs []keyPairView `json:"key_pairs,omitempty"`

	// index is the engine's index of the objects; views holds what ls -o
	// json shows of each object in it, and order ranks them as ls lists
	// them.
	index cloud.Index
	views map[string]any
	order map[string]int
	// inv is what the world was read from.
	inv cloud.Inventory
}

type vpcView struct {
	ID               string            `json:"id"`
	CIDRBlock        string            `json:"cidr_block"`
	IPv6CIDRBlock    string            `json:"ipv6_cidr_block,omitempty"`
	Default          bool              `json:"default,omitempty"`
	Tags             map[string]string `json:"tags"`
	InternetGateway  *gatewayView      `json:"internet_gateway"`
	EgressOnly       []gatewayView     `json:"egress_only_internet_gateways"`
	VPNGateway       *gatewayView      `json:"vpn_gateway,omitempty"`
	Subnets          []subnetView      `json:"subnets"`
	RouteTables      []routeTableView  `json:"route_tables"`
	NATGateways      []natView         `json:"nat_gateways"`
	MainRouteTableID string            `json:"main_route_table_id"`
	// The VPC's default group and ACL come first, the others by ID.
	SecurityGroups []securityGroupView `json:"security_groups"`
	NetworkACLs    []networkACLView    `json:"network_acls"`
	// The VPC's blocks besides its own, by association ID.
	CIDRBlockAssociations []cidrBlockView `json:"cidr_block_associations,omitempty"`
	DHCPOptionsID         string          `json:"dhcp_options_id,omitempty"`
	Endpoints             []endpointView  `json:"vpc_endpoints,omitempty"`
	// Peerings are the VPC's peering connections, either side's.
	Peerings  []peeringView  `json:"vpc_peering_connections,omitempty"`
	Instances []instanceView `json:"instances,omitempty"`
	// NetworkInterfaces are those that are no instance's primary one.
	NetworkInterfaces []interfaceView `json:"network_interfaces,omitempty"`
}

// peeringView is a peering connection as one of its VPCs sees it: the VPC
// on the other side, of which account and region.
type peeringView struct {
	ID          string            `json:"id"`
	VPCID       string            `json:"vpc_id"`
	PeerVPCID   string            `json:"peer_vpc_id"`
	PeerOwnerID string            `json:"peer_owner_id"`
	PeerRegion  string            `json:"peer_region"`
	Status      string            `json:"accept_status"`
	Tags        map[string]string `json:"tags"`
}

// instanceView is an instance as its primary interface places it.
type instanceView struct {
	ID                        string            `json:"id"`
	SubnetID                  string            `json:"subnet_id"`
	PrimaryNetworkInterfaceID string            `json:"primary_network_interface_id"`
	InstanceType              string            `json:"instance_type"`
	PrivateIP                 string            `json:"private_ip"`
	PublicIP                  string            `json:"public_ip,omitempty"`
	SecurityGroupIDs          []string          `json:"vpc_security_group_ids"`
	Tags                      map[string]string `json:"tags"`
}

// interfaceView is a network interface of its own.
type interfaceView struct {
	ID               string            `json:"id"`
	SubnetID         string            `json:"subnet_id"`
	PrivateIPs       []string          `json:"private_ips"`
	PublicIP         string            `json:"public_ip,omitempty"`
	SecurityGroupIDs []string          `json:"security_groups"`
	InstanceID       string            `json:"instance_id,omitempty"`
	Tags             map[string]string `json:"tags"`
}

// endpointView is a VPC endpoint: a Gateway endpoint's route tables, an
// Interface endpoint's subnets.
type endpointView struct {
	ID            string            `json:"id"`
	VPCID         string            `json:"vpc_id"`
	ServiceName   string            `json:"service_name"`
	Type          string            `json:"vpc_endpoint_type"`
	State         string            `json:"state"`
	RouteTableIDs []string          `json:"route_table_ids,omitempty"`
	SubnetIDs     []string          `json:"subnet_ids,omitempty"`
	Tags          map[string]string `json:"tags"`
}

type cidrBlockView struct {
	AssociationID string `json:"association_id"`
	CIDRBlock     string `json:"cidr_block"`
}

type gatewayView struct {
	ID    string            `json:"id"`
	VPCID string            `json:"vpc_id,omitempty"`
	Tags  map[string]string `json:"tags"`
}

type pathView struct {
	Reachable bool   `json:"reachable"`
	Reason    string `json:"reason"`
}

type accessView struct {
	IPv4Outbound pathView `json:"ipv4_outbound"`
	IPv4Inbound  pathView `json:"ipv4_inbound"`
	IPv6Outbound pathView `json:"ipv6_outbound"`
	IPv6Inbound  pathView `json:"ipv6_inbound"`
}

type subnetView struct {
	ID                  string            `json:"id"`
	VPCID               string            `json:"vpc_id"`
	CIDRBlock           string            `json:"cidr_block"`
	IPv6CIDRBlock       string            `json:"ipv6_cidr_block,omitempty"`
	AvailabilityZone    string            `json:"availability_zone"`
	MapPublicIPOnLaunch bool              `json:"map_public_ip_on_launch"`
	IsPublic            bool              `json:"is_public"`
	RouteTableID        string            `json:"route_table_id"`
	InternetAccess      accessView        `json:"internet_access"`
	Tags                map[string]string `json:"tags"`
}

type routeView struct {
	Destination string `json:"destination"`
	Target      string `json:"target"`
	State       string `json:"state"`
}

type routeTableView struct {
	ID      string            `json:"id"`
	VPCID   string            `json:"vpc_id"`
	Main    bool              `json:"main"`
	Routes  []routeView       `json:"routes"`
	Subnets []associationView `json:"associations"`
	Tags    map[string]string `json:"tags"`
}

type associationView struct {
	ID       string `json:"id"`
	SubnetID string `json:"subnet_id,omitempty"`
	Main     bool   `json:"main"`
}

type natView struct {
	ID               string            `json:"id"`
	VPCID            string            `json:"vpc_id"`
	SubnetID         string            `json:"subnet_id"`
	ConnectivityType string            `json:"connectivity_type"`
	AllocationID     string            `json:"allocation_id,omitempty"`
	PublicIP         string            `json:"public_ip,omitempty"`
	PrivateIP        string            `json:"private_ip"`
	Tags             map[string]string `json:"tags"`
}

type elasticIPView struct {
	AllocationID string            `json:"allocation_id"`
	PublicIP     string            `json:"public_ip"`
	NATGatewayID string            `json:"nat_gateway_id,omitempty"`
	Tags         map[string]string `json:"tags"`
}

// prefixListView is a customer-managed prefix list and its entries' CIDRs.
type prefixListView struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	AddressFamily string            `json:"address_family"`
	MaxEntries    int64             `json:"max_entries"`
	Version       int64             `json:"version"`
	Entries       []string          `json:"entries"`
	Tags          map[string]string `json:"tags"`
}

// keyPairView is an imported key pair.
type keyPairView struct {
	ID          string            `json:"id"`
	Name        string            `json:"key_name"`
	KeyType     string            `json:"key_type"`
	Fingerprint string            `json:"fingerprint"`
	Tags        map[string]string `json:"tags"`
}

type ipamView struct {
	ID               string            `json:"id"`
	OperatingRegions []string          `json:"operating_regions"`
	Tags             map[string]string `json:"tags"`
	Pools            []ipamPoolView    `json:"pools"`
}

type ipamPoolView struct {
	ID            string            `json:"id"`
	ScopeType     string            `json:"ipam_scope_type"`
	AddressFamily string            `json:"address_family"`
	Locale        string            `json:"locale,omitempty"`
	CIDRs         []string          `json:"cidrs"`
	Allocations   map[string]string `json:"allocations"`
	Tags          map[string]string `json:"tags"`
}

// ipamViews are the inventory's IPAMs with their pools, each pool with its
// CIDRs and what its allocations went to.
func ipamViews(inv cloud.Inventory) []ipamView {
	var out []ipamView
	for _, i := range inv.IPAMs {
		view := ipamView{ID: i.ID, OperatingRegions: i.OperatingRegions, Tags: nonNil(i.Tags)}
		for _, p := range inv.IPAMPools {
			if p.IPAMID != i.ID {
				continue
			}
			pool := ipamPoolView{ID: p.ID, ScopeType: p.ScopeType, AddressFamily: p.AddressFamily, Locale: p.Locale,
				CIDRs: []string{}, Allocations: map[string]string{}, Tags: nonNil(p.Tags)}
			for _, c := range inv.IPAMPoolCIDRs {
				if c.PoolID == p.ID {
					pool.CIDRs = append(pool.CIDRs, c.CIDR)
				}
			}
			for _, a := range inv.IPAMPoolAllocations {
				if a.PoolID == p.ID {
					pool.Allocations[a.CIDR] = a.ResourceID
				}
			}
			view.Pools = append(view.Pools, pool)
		}
		out = append(out, view)
	}
	return out
}

func path(p cloud.Path) pathView { return pathView{Reachable: p.Reachable, Reason: p.Reason()} }

func nonNil(tags map[string]string) map[string]string {
	if tags == nil {
		return map[string]string{}
	}
	return tags
}

// world reads the world of the environment's scope, with the client that
// read it.
func (e *env) world(ctx context.Context) (*cloud.Client, *world, error) {
	c, err := e.client()
	if err != nil {
		return nil, nil, err
	}
	w, err := load(ctx, c)
	return c, w, err
}

// load reads the world of the client's scope, from one snapshot.
func load(ctx context.Context, c *cloud.Client) (*world, error) {
	scope := c.Scope()
	w := &world{Account: scope.AccountID, Region: scope.Region, VPCs: []vpcView{}, Detached: []gatewayView{}, ElasticIPs: []elasticIPView{}}
	inv, err := c.Inventory(ctx)
	if err != nil {
		return nil, err
	}
	vpcs := inv.VPCs
	byVPC := map[string]*vpcView{}
	w.VPCs = make([]vpcView, len(vpcs))
	for i, v := range vpcs {
		w.VPCs[i] = vpcView{ID: v.ID, CIDRBlock: v.CIDRBlock, IPv6CIDRBlock: v.IPv6CIDRBlock, Tags: nonNil(v.Tags),
			MainRouteTableID: v.MainRouteTableID, EgressOnly: []gatewayView{}, Subnets: []subnetView{},
			RouteTables: []routeTableView{}, NATGateways: []natView{}, SecurityGroups: []securityGroupView{}, NetworkACLs: []networkACLView{}}
	}
	for i := range w.VPCs {
		w.VPCs[i].DHCPOptionsID, w.VPCs[i].Default = vpcs[i].DHCPOptionsID, vpcs[i].IsDefault
		byVPC[w.VPCs[i].ID] = &w.VPCs[i]
	}
	for _, a := range inv.VPCCIDRBlockAssociations {
		if v, ok := byVPC[a.VPCID]; ok {
			v.CIDRBlockAssociations = append(v.CIDRBlockAssociations, cidrBlockView{AssociationID: a.ID, CIDRBlock: a.CIDRBlock})
		}
	}

	igws := inv.InternetGateways
	for _, g := range igws {
		view := gatewayView{ID: g.ID, VPCID: g.VPCID, Tags: nonNil(g.Tags)}
		if v, ok := byVPC[g.VPCID]; ok {
			v.InternetGateway = &view
		} else {
			w.Detached = append(w.Detached, view)
		}
	}
	eigws := inv.EgressOnlyInternetGateways
	for _, g := range eigws {
		if v, ok := byVPC[g.VPCID]; ok {
			v.EgressOnly = append(v.EgressOnly, gatewayView{ID: g.ID, VPCID: g.VPCID, Tags: nonNil(g.Tags)})
		}
	}

	// A detached virtual private gateway is shown by simcloud show only.
	for _, g := range inv.VPNGateways {
		if v, ok := byVPC[g.VPCID]; ok {
			v.VPNGateway = &gatewayView{ID: g.ID, VPCID: g.VPCID, Tags: nonNil(g.Tags)}
		}
	}

	for _, e := range inv.VPCEndpoints {
		if v, ok := byVPC[e.VPCID]; ok {
			v.Endpoints = append(v.Endpoints, endpointView{ID: e.ID, VPCID: e.VPCID, ServiceName: e.ServiceName, Type: e.Type, State: e.State,
				RouteTableIDs: e.RouteTableIDs, SubnetIDs: e.SubnetIDs, Tags: nonNil(e.Tags)})
		}
	}

	for _, p := range inv.VPCPeeringConnections {
		for _, side := range []struct{ vpc, peer, owner, region string }{
			{p.RequesterVPCID, p.AccepterVPCID, p.AccepterOwnerID, p.AccepterRegion},
			{p.AccepterVPCID, p.RequesterVPCID, p.RequesterOwnerID, p.RequesterRegion},
		} {
			if v, ok := byVPC[side.vpc]; ok {
				v.Peerings = append(v.Peerings, peeringView{ID: p.ID, VPCID: side.vpc, PeerVPCID: side.peer, PeerOwnerID: side.owner, PeerRegion: side.region,
					Status: p.Status, Tags: nonNil(p.Tags)})
			}
		}
	}

	subnets := inv.Subnets
	for _, s := range subnets {
		v, ok := byVPC[s.VPCID]
		if !ok {
			continue
		}
		a := s.InternetAccess
		v.Subnets = append(v.Subnets, subnetView{ID: s.ID, VPCID: s.VPCID, CIDRBlock: s.CIDRBlock, IPv6CIDRBlock: s.IPv6CIDRBlock,
			AvailabilityZone: s.AvailabilityZone, MapPublicIPOnLaunch: s.MapPublicIPOnLaunch, IsPublic: s.IsPublic,
			RouteTableID: s.RouteTableID, Tags: nonNil(s.Tags),
			InternetAccess: accessView{IPv4Outbound: path(a.IPv4Outbound), IPv4Inbound: path(a.IPv4Inbound),
				IPv6Outbound: path(a.IPv6Outbound), IPv6Inbound: path(a.IPv6Inbound)}})
	}

	tables := inv.RouteTables
	for _, t := range tables {
		v, ok := byVPC[t.VPCID]
		if !ok {
			continue
		}
		view := routeTableView{ID: t.ID, VPCID: t.VPCID, Main: t.Main, Tags: nonNil(t.Tags), Routes: []routeView{}, Subnets: []associationView{}}
		for _, r := range t.Routes {
			view.Routes = append(view.Routes, routeView{Destination: r.Destination, Target: r.Target, State: r.State})
		}
		sort.SliceStable(view.Routes, func(i, j int) bool { return lessPrefix(view.Routes[i].Destination, view.Routes[j].Destination) })
		for _, a := range t.Associations {
			view.Subnets = append(view.Subnets, associationView{ID: a.ID, SubnetID: a.SubnetID, Main: a.Main})
		}
		v.RouteTables = append(v.RouteTables, view)
	}

	eips := inv.ElasticIPs
	publicIPs := map[string]string{}
	for _, e := range eips {
		publicIPs[e.AllocationID] = e.PublicIP
		w.ElasticIPs = append(w.ElasticIPs, elasticIPView{AllocationID: e.AllocationID, PublicIP: e.PublicIP,
			NATGatewayID: e.NATGatewayID, Tags: nonNil(e.Tags)})
	}
	w.IPAMs = ipamViews(inv)
	for _, l := range inv.ManagedPrefixLists {
		view := prefixListView{ID: l.ID, Name: l.Name, AddressFamily: l.AddressFamily, MaxEntries: l.MaxEntries, Version: l.Version, Tags: nonNil(l.Tags)}
		for _, e := range l.Entries {
			view.Entries = append(view.Entries, e.CIDR)
		}
		w.PrefixLists = append(w.PrefixLists, view)
	}
	for _, k := range inv.KeyPairs {
		w.KeyPairs = append(w.KeyPairs, keyPairView{ID: k.ID, Name: k.Name, KeyType: k.KeyType, Fingerprint: k.Fingerprint, Tags: nonNil(k.Tags)})
	}
	nats := inv.NATGateways
	for _, n := range nats {
		if v, ok := byVPC[n.VPCID]; ok {
			v.NATGateways = append(v.NATGateways, natView{ID: n.ID, VPCID: n.VPCID, SubnetID: n.SubnetID,
				ConnectivityType: n.ConnectivityType, AllocationID: n.AllocationID, PublicIP: publicIPs[n.AllocationID],
				PrivateIP: n.PrivateIP, Tags: nonNil(n.Tags)})
		}
	}

	for _, i := range inv.Instances {
		if v, ok := byVPC[i.VPCID]; ok {
			v.Instances = append(v.Instances, instanceView{ID: i.ID, SubnetID: i.SubnetID, PrimaryNetworkInterfaceID: i.PrimaryNetworkInterfaceID, InstanceType: i.InstanceType, PrivateIP: i.PrivateIP,
				PublicIP: i.PublicIP, SecurityGroupIDs: i.SecurityGroupIDs, Tags: nonNil(i.Tags)})
		}
	}
	for _, n := range inv.NetworkInterfaces {
		if v, ok := byVPC[n.VPCID]; ok && (n.InstanceID == "" || n.DeviceIndex != 0) {
			v.NetworkInterfaces = append(v.NetworkInterfaces, interfaceView{ID: n.ID, SubnetID: n.SubnetID, PrivateIPs: n.PrivateIPs,
				PublicIP: n.PublicIP, SecurityGroupIDs: n.SecurityGroupIDs, InstanceID: n.InstanceID, Tags: nonNil(n.Tags)})
		}
	}

	for _, g := range inv.SecurityGroups {
		if v, ok := byVPC[g.VPCID]; ok {
			v.SecurityGroups = append(v.SecurityGroups, securityGroupOf(g))
		}
	}
	for _, a := range inv.NetworkACLs {
		if v, ok := byVPC[a.VPCID]; ok {
			v.NetworkACLs = append(v.NetworkACLs, networkACLOf(a))
		}
	}

	for i := range w.VPCs {
		v := &w.VPCs[i]
		sort.SliceStable(v.SecurityGroups, func(i, j int) bool { return defaultFirst(v.SecurityGroups[i].Default, v.SecurityGroups[j].Default) })
		sort.SliceStable(v.NetworkACLs, func(i, j int) bool { return defaultFirst(v.NetworkACLs[i].Default, v.NetworkACLs[j].Default) })
		// Subnets as people think of them: by zone, then by address.
		sort.SliceStable(v.Subnets, func(i, j int) bool {
			a, b := v.Subnets[i], v.Subnets[j]
			if a.AvailabilityZone != b.AvailabilityZone {
				return a.AvailabilityZone < b.AvailabilityZone
			}
			return lessPrefix(a.CIDRBlock, b.CIDRBlock)
		})
		// The main table first, the others by ID.
		sort.SliceStable(v.RouteTables, func(i, j int) bool {
			a, b := v.RouteTables[i], v.RouteTables[j]
			if a.Main != b.Main {
				return a.Main
			}
			return a.ID < b.ID
		})
	}
	w.index, w.inv = inv.Index(), inv
	w.listViews()
	return w, nil
}

// listViews records each object's view in the order ls lists them: every
// VPC with what it holds, then the detached gateways, then the elastic IPs.
func (w *world) listViews() {
	w.views, w.order = map[string]any{}, map[string]int{}
	add := func(id string, view any) {
		w.views[id] = view
		w.order[id] = len(w.order)
	}
	for _, v := range w.VPCs {
		add(v.ID, v)
		if g := v.InternetGateway; g != nil {
			add(g.ID, *g)
		}
		listEach(add, v.EgressOnly, func(g gatewayView) string { return g.ID })
		if g := v.VPNGateway; g != nil {
			add(g.ID, *g)
		}
		listEach(add, v.Subnets, func(s subnetView) string { return s.ID })
		listEach(add, v.Endpoints, func(e endpointView) string { return e.ID })
		listEach(add, v.Peerings, func(p peeringView) string { return p.ID })
		for _, rt := range v.RouteTables {
			add(rt.ID, rt)
			for _, a := range rt.Subnets {
				add(a.ID, map[string]any{"id": a.ID, "route_table_id": rt.ID, "subnet_id": a.SubnetID, "main": a.Main, "vpc_id": v.ID})
			}
		}
		listEach(add, v.NATGateways, func(g natView) string { return g.ID })
		listEach(add, v.Instances, func(i instanceView) string { return i.ID })
		listEach(add, v.NetworkInterfaces, func(n interfaceView) string { return n.ID })
		listEach(add, v.SecurityGroups, func(g securityGroupView) string { return g.ID })
		listEach(add, v.NetworkACLs, func(a networkACLView) string { return a.ID })
	}
	listEach(add, w.Detached, func(g gatewayView) string { return g.ID })
	listEach(add, w.ElasticIPs, func(e elasticIPView) string { return e.AllocationID })
	for _, i := range w.IPAMs {
		add(i.ID, i)
		listEach(add, i.Pools, func(p ipamPoolView) string { return p.ID })
	}
}

// defaultFirst orders a VPC's default group or ACL before the others, which
// the inventory already holds in ID order.
func defaultFirst(a, b bool) bool { return a && !b }

func listEach[T any](add func(id string, view any), views []T, id func(T) string) {
	for _, v := range views {
		add(id(v), v)
	}
}

// lessPrefix orders CIDR blocks by address, IPv4 before IPv6, then by
// length, as the engine orders routes.
var lessPrefix = cloud.LessPrefix

// name returns an object's Name tag.
func name(tags map[string]string) string { return tags["Name"] }
