package store

import (
	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// rowTables are the tables of the cloud's objects, in an order in which
// rows can be inserted without breaking a foreign key.
var rowTables = []rowTable{dhcpOptions, vpcs, routeTables, subnets, associations, internetGateways, egressOnlyInternetGateways, elasticIPs, natGateways,
	securityGroups, networkACLs, vpcCIDRBlockAssociations}

// isMainTable is the condition that the route table r is its VPC's main
// table.
const isMainTable = `EXISTS (SELECT 1 FROM route_table_associations a WHERE a.route_table_id = r.id AND a.main)`

var vpcs = &table[cloud.VPC, cloud.VPCFilter]{
	name: "vpcs", alias: "v",
	columns: []column[cloud.VPC]{
		{name: "id", field: func(v *cloud.VPC) any { return &v.ID }},
		{name: "owner_id", field: func(v *cloud.VPC) any { return &v.OwnerID }},
		{name: "region", field: func(v *cloud.VPC) any { return &v.Region }},
		{name: "cidr_block", field: func(v *cloud.VPC) any { return &v.CIDRBlock }},
		{name: "instance_tenancy", mutable: true, field: func(v *cloud.VPC) any { return &v.InstanceTenancy }},
		{name: "enable_dns_support", mutable: true, field: func(v *cloud.VPC) any { return &v.EnableDNSSupport }},
		{name: "enable_dns_hostnames", mutable: true, field: func(v *cloud.VPC) any { return &v.EnableDNSHostnames }},
		{name: "enable_network_address_usage_metrics", mutable: true, field: func(v *cloud.VPC) any { return &v.EnableNetworkAddressUsageMetrics }},
		{name: "ipv6_cidr_block", nullable: true, mutable: true, field: func(v *cloud.VPC) any { return &v.IPv6CIDRBlock }},
		{name: "ipv6_association_id", nullable: true, mutable: true, field: func(v *cloud.VPC) any { return &v.IPv6AssociationID }},
		{name: "dhcp_options_id", nullable: true, mutable: true, field: func(v *cloud.VPC) any { return &v.DHCPOptionsID }},
		{read: `COALESCE((SELECT a.route_table_id FROM route_table_associations a WHERE a.vpc_id = v.id AND a.main), '')`,
			field: func(v *cloud.VPC) any { return &v.MainRouteTableID }},
		{read: `COALESCE((SELECT sg.id FROM security_groups sg WHERE sg.vpc_id = v.id AND sg.is_default), '')`,
			field: func(v *cloud.VPC) any { return &v.DefaultSecurityGroupID }},
		{read: `COALESCE((SELECT acl.id FROM network_acls acl WHERE acl.vpc_id = v.id AND acl.is_default), '')`,
			field: func(v *cloud.VPC) any { return &v.DefaultNetworkACLID }},
	},
	filter: func(f cloud.VPCFilter) selection {
		return selection{}.equal("v.id", f.ID).equal("v.cidr_block", f.CIDRBlock).equal("v.dhcp_options_id", f.DHCPOptionsID).tagged(f.Tags)
	},
	tags: func(v *cloud.VPC) *map[string]string { return &v.Tags },
}

var routeTables = &table[cloud.RouteTable, cloud.RouteTableFilter]{
	name: "route_tables", alias: "r",
	columns: []column[cloud.RouteTable]{
		{name: "id", field: func(r *cloud.RouteTable) any { return &r.ID }},
		{name: "vpc_id", field: func(r *cloud.RouteTable) any { return &r.VPCID }},
		{name: "owner_id", field: func(r *cloud.RouteTable) any { return &r.OwnerID }},
		{name: "region", field: func(r *cloud.RouteTable) any { return &r.Region }},
		{name: "inline_routes", mutable: true, field: func(r *cloud.RouteTable) any { return &r.InlineRoutes }},
		{read: isMainTable, field: func(r *cloud.RouteTable) any { return &r.Main }},
	},
	// The main table goes with its VPC.
	holds: []hold{{column: "vpc_id", unless: isMainTable}},
	filter: func(f cloud.RouteTableFilter) selection {
		s := selection{}.equal("r.id", f.ID).equal("r.vpc_id", f.VPCID).tagged(f.Tags)
		if f.Main != nil {
			s = s.and(isMainTable+" = ?", *f.Main)
		}
		return s
	},
	tags: func(r *cloud.RouteTable) *map[string]string { return &r.Tags },
	complete: func(t *sqlTx, r *cloud.RouteTable, f cloud.RouteTableFilter) error {
		var err error
		if r.Routes, err = t.Routes(r.ID); err != nil || !f.WithAssociations {
			return err
		}
		r.Associations, err = associations.read(t, cloud.Scope{}, cloud.AssociationFilter{},
			selection{}.equal("a.route_table_id", r.ID))
		return err
	},
	// Routes go with the table (ON DELETE CASCADE); the main association
	// does not.
	deleteFirst: []string{`DELETE FROM route_table_associations WHERE route_table_id = ? AND main`},
}

var subnets = &table[cloud.Subnet, cloud.SubnetFilter]{
	name: "subnets", alias: "s",
	columns: []column[cloud.Subnet]{
		{name: "id", field: func(s *cloud.Subnet) any { return &s.ID }},
		{name: "owner_id", field: func(s *cloud.Subnet) any { return &s.OwnerID }},
		{name: "region", field: func(s *cloud.Subnet) any { return &s.Region }},
		{name: "vpc_id", field: func(s *cloud.Subnet) any { return &s.VPCID }},
		{name: "cidr_block", field: func(s *cloud.Subnet) any { return &s.CIDRBlock }},
		{name: "availability_zone", field: func(s *cloud.Subnet) any { return &s.AvailabilityZone }},
		{name: "ipv6_cidr_block", nullable: true, mutable: true, field: func(s *cloud.Subnet) any { return &s.IPv6CIDRBlock }},
		{name: "ipv6_cidr_block_association_id", nullable: true, mutable: true, field: func(s *cloud.Subnet) any { return &s.IPv6CIDRBlockAssociationID }},
		{name: "map_public_ip_on_launch", mutable: true, field: func(s *cloud.Subnet) any { return &s.MapPublicIPOnLaunch }},
		{name: "assign_ipv6_address_on_creation", mutable: true, field: func(s *cloud.Subnet) any { return &s.AssignIPv6AddressOnCreation }},
		{read: `COALESCE((SELECT aa.network_acl_id FROM network_acl_associations aa WHERE aa.subnet_id = s.id), '')`,
			field: func(s *cloud.Subnet) any { return &s.NetworkACLID }},
	},
	derived: []derivedColumn{{name: "cidr_first", compute: func(row map[string]any) any {
		cidr, _ := row["cidr_block"].(string)
		return subnetFirst(cidr)
	}}},
	holds:  []hold{{column: "vpc_id"}},
	filter: subnetSelection,
	tags:   func(s *cloud.Subnet) *map[string]string { return &s.Tags },
}

var associations = &table[cloud.Association, cloud.AssociationFilter]{
	name: "route_table_associations", alias: "a",
	columns: []column[cloud.Association]{
		{name: "id", field: func(a *cloud.Association) any { return &a.ID }},
		{name: "route_table_id", field: func(a *cloud.Association) any { return &a.RouteTableID }},
		{name: "vpc_id", field: func(a *cloud.Association) any { return &a.VPCID }},
		{name: "subnet_id", nullable: true, field: func(a *cloud.Association) any { return &a.SubnetID }},
		{name: "main", field: func(a *cloud.Association) any { return &a.Main }},
	},
	holds: []hold{{column: "subnet_id"}},
	filter: func(f cloud.AssociationFilter) selection {
		return selection{}.equal("a.id", f.ID).equal("a.route_table_id", f.RouteTableID).equal("a.subnet_id", f.SubnetID)
	},
}

var internetGateways = &table[cloud.InternetGateway, cloud.InternetGatewayFilter]{
	name: "internet_gateways", alias: "igw",
	columns: []column[cloud.InternetGateway]{
		{name: "id", field: func(g *cloud.InternetGateway) any { return &g.ID }},
		{name: "owner_id", field: func(g *cloud.InternetGateway) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.InternetGateway) any { return &g.Region }},
		{name: "vpc_id", nullable: true, mutable: true, field: func(g *cloud.InternetGateway) any { return &g.VPCID }},
	},
	holds: []hold{{column: "vpc_id"}},
	filter: func(f cloud.InternetGatewayFilter) selection {
		return selection{}.equal("igw.id", f.ID).equal("igw.vpc_id", f.VPCID).tagged(f.Tags)
	},
	tags: func(g *cloud.InternetGateway) *map[string]string { return &g.Tags },
}

var egressOnlyInternetGateways = &table[cloud.EgressOnlyInternetGateway, cloud.EgressOnlyInternetGatewayFilter]{
	name: "egress_only_internet_gateways", alias: "eigw",
	columns: []column[cloud.EgressOnlyInternetGateway]{
		{name: "id", field: func(g *cloud.EgressOnlyInternetGateway) any { return &g.ID }},
		{name: "owner_id", field: func(g *cloud.EgressOnlyInternetGateway) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.EgressOnlyInternetGateway) any { return &g.Region }},
		{name: "vpc_id", field: func(g *cloud.EgressOnlyInternetGateway) any { return &g.VPCID }},
	},
	holds: []hold{{column: "vpc_id"}},
	filter: func(f cloud.EgressOnlyInternetGatewayFilter) selection {
		return selection{}.equal("eigw.id", f.ID).equal("eigw.vpc_id", f.VPCID).tagged(f.Tags)
	},
	tags: func(g *cloud.EgressOnlyInternetGateway) *map[string]string { return &g.Tags },
}

var elasticIPs = &table[cloud.ElasticIP, cloud.ElasticIPFilter]{
	name: "elastic_ips", alias: "e",
	joins: `LEFT JOIN nat_gateways n ON n.allocation_id = e.allocation_id`,
	columns: []column[cloud.ElasticIP]{
		{name: "allocation_id", field: func(e *cloud.ElasticIP) any { return &e.AllocationID }},
		{name: "owner_id", field: func(e *cloud.ElasticIP) any { return &e.OwnerID }},
		{name: "region", field: func(e *cloud.ElasticIP) any { return &e.Region }},
		{name: "public_ip", field: func(e *cloud.ElasticIP) any { return &e.PublicIP }},
		{read: `COALESCE(n.id, '')`, field: func(e *cloud.ElasticIP) any { return &e.NATGatewayID }},
		{read: `COALESCE(n.association_id, '')`, field: func(e *cloud.ElasticIP) any { return &e.AssociationID }},
	},
	filter: func(f cloud.ElasticIPFilter) selection {
		return selection{}.equal("e.allocation_id", f.AllocationID).equal("e.public_ip", f.PublicIP).tagged(f.Tags)
	},
	tags: func(e *cloud.ElasticIP) *map[string]string { return &e.Tags },
}

var natGateways = &table[cloud.NATGateway, cloud.NATGatewayFilter]{
	name: "nat_gateways", alias: "n",
	joins: `LEFT JOIN elastic_ips e ON e.allocation_id = n.allocation_id`,
	columns: []column[cloud.NATGateway]{
		{name: "id", field: func(n *cloud.NATGateway) any { return &n.ID }},
		{name: "owner_id", field: func(n *cloud.NATGateway) any { return &n.OwnerID }},
		{name: "region", field: func(n *cloud.NATGateway) any { return &n.Region }},
		{name: "vpc_id", field: func(n *cloud.NATGateway) any { return &n.VPCID }},
		{name: "subnet_id", field: func(n *cloud.NATGateway) any { return &n.SubnetID }},
		{name: "connectivity_type", field: func(n *cloud.NATGateway) any { return &n.ConnectivityType }},
		{name: "allocation_id", nullable: true, field: func(n *cloud.NATGateway) any { return &n.AllocationID }},
		{name: "association_id", nullable: true, field: func(n *cloud.NATGateway) any { return &n.AssociationID }},
		{read: `COALESCE(e.public_ip, '')`, field: func(n *cloud.NATGateway) any { return &n.PublicIP }},
		{name: "private_ip", field: func(n *cloud.NATGateway) any { return &n.PrivateIP }},
		{name: "network_interface_id", field: func(n *cloud.NATGateway) any { return &n.NetworkInterfaceID }},
	},
	// A NAT gateway holds its subnet; its VPC only through that subnet.
	holds: []hold{{column: "subnet_id"}},
	filter: func(f cloud.NATGatewayFilter) selection {
		return selection{}.equal("n.id", f.ID).equal("n.subnet_id", f.SubnetID).equal("n.vpc_id", f.VPCID).tagged(f.Tags)
	},
	tags: func(n *cloud.NATGateway) *map[string]string { return &n.Tags },
}

var securityGroups = &table[cloud.SecurityGroup, cloud.SecurityGroupFilter]{
	name: "security_groups", alias: "sg",
	columns: []column[cloud.SecurityGroup]{
		{name: "id", field: func(g *cloud.SecurityGroup) any { return &g.ID }},
		{name: "owner_id", field: func(g *cloud.SecurityGroup) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.SecurityGroup) any { return &g.Region }},
		{name: "vpc_id", field: func(g *cloud.SecurityGroup) any { return &g.VPCID }},
		{name: "group_name", field: func(g *cloud.SecurityGroup) any { return &g.GroupName }},
		{name: "description", field: func(g *cloud.SecurityGroup) any { return &g.Description }},
		{name: "is_default", field: func(g *cloud.SecurityGroup) any { return &g.Default }},
	},
	// The default group goes with its VPC.
	holds: []hold{{column: "vpc_id", unless: "sg.is_default"}},
	filter: func(f cloud.SecurityGroupFilter) selection {
		s := selection{}.equal("sg.id", f.ID).equal("sg.vpc_id", f.VPCID).equal("sg.group_name", f.GroupName).tagged(f.Tags)
		if f.Default != nil {
			s = s.and("sg.is_default = ?", *f.Default)
		}
		return s
	},
	tags: func(g *cloud.SecurityGroup) *map[string]string { return &g.Tags },
	complete: func(t *sqlTx, g *cloud.SecurityGroup, _ cloud.SecurityGroupFilter) (err error) {
		g.Rules, err = t.SecurityGroupRules(g.ID)
		return err
	},
}

var networkACLs = &table[cloud.NetworkACL, cloud.NetworkACLFilter]{
	name: "network_acls", alias: "acl",
	columns: []column[cloud.NetworkACL]{
		{name: "id", field: func(a *cloud.NetworkACL) any { return &a.ID }},
		{name: "owner_id", field: func(a *cloud.NetworkACL) any { return &a.OwnerID }},
		{name: "region", field: func(a *cloud.NetworkACL) any { return &a.Region }},
		{name: "vpc_id", field: func(a *cloud.NetworkACL) any { return &a.VPCID }},
		{name: "is_default", field: func(a *cloud.NetworkACL) any { return &a.Default }},
	},
	// The default ACL goes with its VPC.
	holds: []hold{{column: "vpc_id", unless: "acl.is_default"}},
	filter: func(f cloud.NetworkACLFilter) selection {
		s := selection{}.equal("acl.id", f.ID).equal("acl.vpc_id", f.VPCID).tagged(f.Tags)
		if f.Default != nil {
			s = s.and("acl.is_default = ?", *f.Default)
		}
		return s
	},
	tags: func(a *cloud.NetworkACL) *map[string]string { return &a.Tags },
	complete: func(t *sqlTx, a *cloud.NetworkACL, _ cloud.NetworkACLFilter) (err error) {
		if a.Entries, err = t.NetworkACLEntries(a.ID); err != nil {
			return err
		}
		a.Associations, err = t.NetworkACLAssociations(a.ID)
		return err
	},
}

var dhcpOptions = &table[cloud.DHCPOptions, cloud.DHCPOptionsFilter]{
	name: "dhcp_options", alias: "dopt",
	columns: []column[cloud.DHCPOptions]{
		{name: "id", field: func(o *cloud.DHCPOptions) any { return &o.ID }},
		{name: "owner_id", field: func(o *cloud.DHCPOptions) any { return &o.OwnerID }},
		{name: "region", field: func(o *cloud.DHCPOptions) any { return &o.Region }},
		{name: "domain_name", field: func(o *cloud.DHCPOptions) any { return &o.DomainName }},
		{name: "domain_name_servers", field: func(o *cloud.DHCPOptions) any { return &o.DomainNameServers }},
		{name: "ntp_servers", field: func(o *cloud.DHCPOptions) any { return &o.NTPServers }},
		{name: "netbios_name_servers", field: func(o *cloud.DHCPOptions) any { return &o.NetbiosNameServers }},
		{name: "netbios_node_type", field: func(o *cloud.DHCPOptions) any { return &o.NetbiosNodeType }},
		{name: "ipv6_address_preferred_lease_time", field: func(o *cloud.DHCPOptions) any { return &o.IPv6AddressPreferredLeaseTime }},
		{name: "is_default", field: func(o *cloud.DHCPOptions) any { return &o.Default }},
	},
	filter: func(f cloud.DHCPOptionsFilter) selection {
		s := selection{}.equal("dopt.id", f.ID).tagged(f.Tags)
		if f.Default != nil {
			s = s.and("dopt.is_default = ?", *f.Default)
		}
		return s
	},
	tags: func(o *cloud.DHCPOptions) *map[string]string { return &o.Tags },
}

var vpcCIDRBlockAssociations = &table[cloud.VPCCIDRBlockAssociation, cloud.VPCCIDRBlockAssociationFilter]{
	name: "vpc_cidr_block_associations", alias: "vca",
	columns: []column[cloud.VPCCIDRBlockAssociation]{
		{name: "id", field: func(a *cloud.VPCCIDRBlockAssociation) any { return &a.ID }},
		{name: "owner_id", field: func(a *cloud.VPCCIDRBlockAssociation) any { return &a.OwnerID }},
		{name: "region", field: func(a *cloud.VPCCIDRBlockAssociation) any { return &a.Region }},
		{name: "vpc_id", field: func(a *cloud.VPCCIDRBlockAssociation) any { return &a.VPCID }},
		{name: "cidr_block", field: func(a *cloud.VPCCIDRBlockAssociation) any { return &a.CIDRBlock }},
	},
	filter: func(f cloud.VPCCIDRBlockAssociationFilter) selection {
		return selection{}.equal("vca.id", f.ID).equal("vca.vpc_id", f.VPCID)
	},
}
