package store

import (
	"slices"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// rowTables are the tables of the cloud's objects, in an order in which
// rows can be inserted without breaking a foreign key.
var rowTables = []rowTable{dhcpOptions, vpcs, routeTables, subnets, associations, networkInterfaces, instances, internetGateways, egressOnlyInternetGateways, elasticIPs, natGateways,
	securityGroups, networkACLs, vpcCIDRBlockAssociations, vpnGateways, customerGateways, dbSubnetGroups, cacheSubnetGroups, clusterSubnetGroups,
	blockPublicAccessExclusions, iamRoles, iamPolicies, iamRolePolicyAttachments, iamRolePolicies, logGroups, flowLogs, vpcEndpoints,
	ipams, ipamScopes, ipamPools, ipamPoolCIDRs, ipamPoolAllocations, managedPrefixLists, keyPairs, vpcPeeringConnections, addressAssociations}

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
		{name: "is_default", older: false, field: func(v *cloud.VPC) any { return &v.IsDefault }},
		{read: `COALESCE((SELECT a.route_table_id FROM route_table_associations a WHERE a.vpc_id = v.id AND a.main), '')`,
			field: func(v *cloud.VPC) any { return &v.MainRouteTableID }},
		{read: `COALESCE((SELECT sg.id FROM security_groups sg WHERE sg.vpc_id = v.id AND sg.is_default), '')`,
			field: func(v *cloud.VPC) any { return &v.DefaultSecurityGroupID }},
		{read: `COALESCE((SELECT acl.id FROM network_acls acl WHERE acl.vpc_id = v.id AND acl.is_default), '')`,
			field: func(v *cloud.VPC) any { return &v.DefaultNetworkACLID }},
		{read: vpcPoolOf("v.cidr_block"), field: func(v *cloud.VPC) any { return &v.IPv4IPAMPoolID }},
		{read: vpcPoolOf("v.ipv6_cidr_block"), field: func(v *cloud.VPC) any { return &v.IPv6IPAMPoolID }},
	},
	filter: func(f cloud.VPCFilter) selection {
		s := selection{}.equal("v.id", f.ID).equal("v.cidr_block", f.CIDRBlock).equal("v.dhcp_options_id", f.DHCPOptionsID).tagged(f.Tags)
		if f.Default != nil {
			s = s.and("v.is_default = ?", *f.Default)
		}
		return s
	},
	tags: func(v *cloud.VPC) *map[string]string { return &v.Tags },
	// A VPC's flow logs go with it, as in AWS, and so do the blocks it
	// took from IPAM pools.
	deleteFirst: []string{deleteFlowLogsOf, `DELETE FROM ipam_pool_allocations WHERE resource_id = ?`},
}

// vpcPoolOf reads the pool that a VPC's block (the column block) was
// allocated from, "" for none.
func vpcPoolOf(block string) string {
	return `COALESCE((SELECT al.ipam_pool_id FROM ipam_pool_allocations al WHERE al.resource_id = v.id AND al.cidr = ` + block + `), '')`
}

// deleteFlowLogsOf deletes the flow logs of the object whose ID it takes.
const deleteFlowLogsOf = `DELETE FROM flow_logs WHERE resource_id = ?`

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
		if r.Routes, err = t.Routes(r.ID); err != nil {
			return err
		}
		if r.PropagatingVGWs, err = t.RoutePropagations(r.ID); err != nil || !f.WithAssociations {
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
		// Migration 15's columns, with its defaults for older exports.
		{name: "enable_dns64", mutable: true, older: false, field: func(s *cloud.Subnet) any { return &s.EnableDNS64 }},
		{name: "enable_lni_at_device_index", mutable: true, older: int64(0), field: func(s *cloud.Subnet) any { return &s.EnableLNIAtDeviceIndex }},
		{name: "enable_resource_name_dns_aaaa_record_on_launch", mutable: true, older: false,
			field: func(s *cloud.Subnet) any { return &s.EnableResourceNameDNSAAAARecord }},
		{name: "enable_resource_name_dns_a_record_on_launch", mutable: true, older: false,
			field: func(s *cloud.Subnet) any { return &s.EnableResourceNameDNSARecord }},
		{name: "ipv6_native", older: false, field: func(s *cloud.Subnet) any { return &s.IPv6Native }},
		{name: "private_dns_hostname_type_on_launch", mutable: true, older: cloud.HostnameTypeIPName,
			field: func(s *cloud.Subnet) any { return &s.PrivateDNSHostnameType }},
		{read: `COALESCE((SELECT aa.network_acl_id FROM network_acl_associations aa WHERE aa.subnet_id = s.id), '')`,
			field: func(s *cloud.Subnet) any { return &s.NetworkACLID }},
	},
	derived: []derivedColumn{{name: "cidr_first", compute: func(row map[string]any) any {
		cidr, _ := row["cidr_block"].(string)
		return subnetFirst(cidr)
	}}},
	holds:  []hold{{column: "vpc_id"}},
	filter: subnetSelection,
	// A subnet's flow logs go with it, as in AWS.
	deleteFirst: []string{deleteFlowLogsOf},
	tags:        func(s *cloud.Subnet) *map[string]string { return &s.Tags },
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

// An elastic IP serves a NAT gateway (whose row names it) or is associated
// with a network interface (an association's row names both).
var elasticIPs = &table[cloud.ElasticIP, cloud.ElasticIPFilter]{
	name: "elastic_ips", alias: "e",
	joins: `LEFT JOIN nat_gateways n ON n.allocation_id = e.allocation_id LEFT JOIN eip_associations ea ON ea.allocation_id = e.allocation_id ` +
		`LEFT JOIN network_interfaces eni ON eni.id = ea.network_interface_id`,
	columns: []column[cloud.ElasticIP]{
		{name: "allocation_id", field: func(e *cloud.ElasticIP) any { return &e.AllocationID }},
		{name: "owner_id", field: func(e *cloud.ElasticIP) any { return &e.OwnerID }},
		{name: "region", field: func(e *cloud.ElasticIP) any { return &e.Region }},
		{name: "public_ip", field: func(e *cloud.ElasticIP) any { return &e.PublicIP }},
		{read: `COALESCE(n.id, '')`, field: func(e *cloud.ElasticIP) any { return &e.NATGatewayID }},
		{read: `COALESCE(n.association_id, ea.id, '')`, field: func(e *cloud.ElasticIP) any { return &e.AssociationID }},
		{read: `COALESCE(ea.id, '')`, field: func(e *cloud.ElasticIP) any { return &e.InterfaceAssociationID }},
		{read: `COALESCE(ea.network_interface_id, '')`, field: func(e *cloud.ElasticIP) any { return &e.NetworkInterfaceID }},
		{read: `COALESCE(ea.private_ip_address, '')`, field: func(e *cloud.ElasticIP) any { return &e.PrivateIPAddress }},
		{read: `COALESCE(eni.instance_id, '')`, field: func(e *cloud.ElasticIP) any { return &e.InstanceID }},
	},
	filter: func(f cloud.ElasticIPFilter) selection {
		return selection{}.equal("e.allocation_id", f.AllocationID).equal("e.public_ip", f.PublicIP).
			equal("ea.network_interface_id", f.NetworkInterfaceID).tagged(f.Tags)
	},
	tags: func(e *cloud.ElasticIP) *map[string]string { return &e.Tags },
}

var addressAssociations = &table[cloud.AddressAssociation, cloud.AddressAssociationFilter]{
	name: "eip_associations", alias: "ea",
	joins: `JOIN elastic_ips e ON e.allocation_id = ea.allocation_id JOIN network_interfaces eni ON eni.id = ea.network_interface_id`,
	columns: []column[cloud.AddressAssociation]{
		{name: "id", field: func(a *cloud.AddressAssociation) any { return &a.ID }},
		{name: "owner_id", field: func(a *cloud.AddressAssociation) any { return &a.OwnerID }},
		{name: "region", field: func(a *cloud.AddressAssociation) any { return &a.Region }},
		{name: "allocation_id", field: func(a *cloud.AddressAssociation) any { return &a.AllocationID }},
		{name: "network_interface_id", field: func(a *cloud.AddressAssociation) any { return &a.NetworkInterfaceID }},
		{name: "private_ip_address", field: func(a *cloud.AddressAssociation) any { return &a.PrivateIPAddress }},
		{read: `e.public_ip`, field: func(a *cloud.AddressAssociation) any { return &a.PublicIP }},
		{read: `COALESCE(eni.instance_id, '')`, field: func(a *cloud.AddressAssociation) any { return &a.InstanceID }},
	},
	filter: func(f cloud.AddressAssociationFilter) selection {
		return selection{}.equal("ea.id", f.ID).equal("ea.allocation_id", f.AllocationID).equal("ea.network_interface_id", f.NetworkInterfaceID)
	},
}

// networkInterfaces keep their addresses and groups as lists joined by
// commas. The public address is an associated elastic IP's for the primary
// address, else the one assigned at launch.
var networkInterfaces = &table[cloud.NetworkInterface, cloud.NetworkInterfaceFilter]{
	name: "network_interfaces", alias: "ni",
	columns: []column[cloud.NetworkInterface]{
		{name: "id", field: func(n *cloud.NetworkInterface) any { return &n.ID }},
		{name: "owner_id", field: func(n *cloud.NetworkInterface) any { return &n.OwnerID }},
		{name: "region", field: func(n *cloud.NetworkInterface) any { return &n.Region }},
		{name: "vpc_id", field: func(n *cloud.NetworkInterface) any { return &n.VPCID }},
		{name: "subnet_id", field: func(n *cloud.NetworkInterface) any { return &n.SubnetID }},
		{name: "availability_zone", field: func(n *cloud.NetworkInterface) any { return &n.AvailabilityZone }},
		{name: "description", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.Description }},
		{name: "interface_type", field: func(n *cloud.NetworkInterface) any { return &n.InterfaceType }},
		{name: "mac_address", field: func(n *cloud.NetworkInterface) any { return &n.MACAddress }},
		{name: "private_ip", field: func(n *cloud.NetworkInterface) any { return &n.PrivateIP }},
		{name: "private_ips", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.PrivateIPs }},
		{name: "ipv6_addresses", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.IPv6Addresses }},
		{name: "security_group_ids", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.SecurityGroupIDs }},
		{name: "source_dest_check", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.SourceDestCheck }},
		{name: "public_ip", nullable: true, mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.LaunchPublicIP }},
		{name: "instance_id", nullable: true, mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.InstanceID }},
		{name: "device_index", mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.DeviceIndex }},
		{name: "attachment_id", nullable: true, mutable: true, field: func(n *cloud.NetworkInterface) any { return &n.AttachmentID }},
		{read: `COALESCE((SELECT e.public_ip FROM eip_associations ea JOIN elastic_ips e ON e.allocation_id = ea.allocation_id WHERE ea.network_interface_id = ni.id AND ea.private_ip_address = ni.private_ip), ni.public_ip, '')`,
			field: func(n *cloud.NetworkInterface) any { return &n.PublicIP }},
		{read: `COALESCE((SELECT ea.allocation_id FROM eip_associations ea WHERE ea.network_interface_id = ni.id AND ea.private_ip_address = ni.private_ip), '')`,
			field: func(n *cloud.NetworkInterface) any { return &n.AllocationID }},
	},
	// An interface holds its subnet (and so its VPC) and its groups; an
	// instance's primary interface goes with the instance.
	holds: []hold{{column: "subnet_id"}, {column: "vpc_id"}},
	filter: func(f cloud.NetworkInterfaceFilter) selection {
		return selection{}.equal("ni.id", f.ID).equal("ni.vpc_id", f.VPCID).equal("ni.subnet_id", f.SubnetID).
			equal("ni.instance_id", f.InstanceID).tagged(f.Tags)
	},
	tags: func(n *cloud.NetworkInterface) *map[string]string { return &n.Tags },
	// An elastic IP associated with the interface is disassociated.
	deleteFirst: []string{`DELETE FROM eip_associations WHERE network_interface_id = ?`},
}

// instances read their addresses, groups and source/destination check from
// their primary interface, and whether they get public DNS names from
// their VPC.
var instances = &table[cloud.Instance, cloud.InstanceFilter]{
	name: "instances", alias: "i",
	joins: `LEFT JOIN network_interfaces pni ON pni.id = i.primary_network_interface_id LEFT JOIN vpcs iv ON iv.id = i.vpc_id`,
	columns: []column[cloud.Instance]{
		{name: "id", field: func(i *cloud.Instance) any { return &i.ID }},
		{name: "owner_id", field: func(i *cloud.Instance) any { return &i.OwnerID }},
		{name: "region", field: func(i *cloud.Instance) any { return &i.Region }},
		{name: "vpc_id", field: func(i *cloud.Instance) any { return &i.VPCID }},
		{name: "subnet_id", field: func(i *cloud.Instance) any { return &i.SubnetID }},
		{name: "availability_zone", field: func(i *cloud.Instance) any { return &i.AvailabilityZone }},
		{name: "ami", field: func(i *cloud.Instance) any { return &i.AMI }},
		{name: "instance_type", mutable: true, field: func(i *cloud.Instance) any { return &i.InstanceType }},
		{name: "key_name", field: func(i *cloud.Instance) any { return &i.KeyName }},
		{name: "user_data", mutable: true, field: func(i *cloud.Instance) any { return &i.UserData }},
		{name: "user_data_base64", mutable: true, field: func(i *cloud.Instance) any { return &i.UserDataBase64 }},
		{name: "primary_network_interface_id", field: func(i *cloud.Instance) any { return &i.PrimaryNetworkInterfaceID }},
		{name: "instance_state", mutable: true, field: func(i *cloud.Instance) any { return &i.State }},
		{read: `COALESCE(pni.private_ip, '')`, field: func(i *cloud.Instance) any { return &i.PrivateIP }},
		{read: `COALESCE((SELECT e.public_ip FROM eip_associations ea JOIN elastic_ips e ON e.allocation_id = ea.allocation_id WHERE ea.network_interface_id = pni.id AND ea.private_ip_address = pni.private_ip), pni.public_ip, '')`,
			field: func(i *cloud.Instance) any { return &i.PublicIP }},
		{read: `COALESCE(pni.ipv6_addresses, '')`, field: func(i *cloud.Instance) any { return &i.IPv6Addresses }},
		{read: `COALESCE(pni.security_group_ids, '')`, field: func(i *cloud.Instance) any { return &i.SecurityGroupIDs }},
		{read: `pni.source_dest_check`, field: func(i *cloud.Instance) any { return &i.SourceDestCheck }},
		{read: `iv.enable_dns_hostnames`, field: func(i *cloud.Instance) any { return &i.DNSHostnames }},
	},
	holds: []hold{{column: "subnet_id"}, {column: "vpc_id"}},
	filter: func(f cloud.InstanceFilter) selection {
		return selection{}.equal("i.id", f.ID).equal("i.vpc_id", f.VPCID).equal("i.subnet_id", f.SubnetID).tagged(f.Tags)
	},
	tags: func(i *cloud.Instance) *map[string]string { return &i.Tags },
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

var vpnGateways = &table[cloud.VPNGateway, cloud.VPNGatewayFilter]{
	name: "vpn_gateways", alias: "vgw",
	columns: []column[cloud.VPNGateway]{
		{name: "id", field: func(g *cloud.VPNGateway) any { return &g.ID }},
		{name: "owner_id", field: func(g *cloud.VPNGateway) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.VPNGateway) any { return &g.Region }},
		{name: "vpc_id", nullable: true, mutable: true, field: func(g *cloud.VPNGateway) any { return &g.VPCID }},
		{name: "availability_zone", field: func(g *cloud.VPNGateway) any { return &g.AvailabilityZone }},
		{name: "amazon_side_asn", field: func(g *cloud.VPNGateway) any { return &g.AmazonSideASN }},
	},
	holds: []hold{{column: "vpc_id"}},
	filter: func(f cloud.VPNGatewayFilter) selection {
		return selection{}.equal("vgw.id", f.ID).equal("vgw.vpc_id", f.VPCID).tagged(f.Tags)
	},
	tags: func(g *cloud.VPNGateway) *map[string]string { return &g.Tags },
}

var customerGateways = &table[cloud.CustomerGateway, cloud.CustomerGatewayFilter]{
	name: "customer_gateways", alias: "cgw",
	columns: []column[cloud.CustomerGateway]{
		{name: "id", field: func(g *cloud.CustomerGateway) any { return &g.ID }},
		{name: "owner_id", field: func(g *cloud.CustomerGateway) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.CustomerGateway) any { return &g.Region }},
		{name: "bgp_asn", field: func(g *cloud.CustomerGateway) any { return &g.BGPASN }},
		{name: "bgp_asn_extended", field: func(g *cloud.CustomerGateway) any { return &g.BGPASNExtended }},
		{name: "ip_address", field: func(g *cloud.CustomerGateway) any { return &g.IPAddress }},
		{name: "type", field: func(g *cloud.CustomerGateway) any { return &g.Type }},
		{name: "certificate_arn", field: func(g *cloud.CustomerGateway) any { return &g.CertificateARN }},
		{name: "device_name", field: func(g *cloud.CustomerGateway) any { return &g.DeviceName }},
	},
	filter: func(f cloud.CustomerGatewayFilter) selection {
		return selection{}.equal("cgw.id", f.ID).tagged(f.Tags)
	},
	tags: func(g *cloud.CustomerGateway) *map[string]string { return &g.Tags },
}

// The three services' subnet groups are one shape in three tables, keyed by
// ARN (a name is unique only per service, account and region); their
// subnets are in subnet_group_subnets, keyed by the group's ARN.
var (
	dbSubnetGroups      = subnetGroupTable(cloud.KindDBSubnetGroup, "db_subnet_groups", "dbsg")
	cacheSubnetGroups   = subnetGroupTable(cloud.KindCacheSubnetGroup, "elasticache_subnet_groups", "ecsg")
	clusterSubnetGroups = subnetGroupTable(cloud.KindClusterSubnetGroup, "redshift_subnet_groups", "rssg")
)

func subnetGroupTable(kind cloud.Kind, name, alias string) *table[cloud.SubnetGroup, cloud.SubnetGroupFilter] {
	return &table[cloud.SubnetGroup, cloud.SubnetGroupFilter]{
		name: name, alias: alias, of: kind,
		columns: []column[cloud.SubnetGroup]{
			{name: "arn", field: func(g *cloud.SubnetGroup) any { return &g.ARN }},
			{name: "owner_id", field: func(g *cloud.SubnetGroup) any { return &g.OwnerID }},
			{name: "region", field: func(g *cloud.SubnetGroup) any { return &g.Region }},
			{name: "name", field: func(g *cloud.SubnetGroup) any { return &g.Name }},
			{name: "description", mutable: true, field: func(g *cloud.SubnetGroup) any { return &g.Description }},
			{name: "vpc_id", mutable: true, field: func(g *cloud.SubnetGroup) any { return &g.VPCID }},
		},
		holds: []hold{{column: "subnet_id", via: "subnet_group_subnets", owner: "group_arn"}},
		filter: func(f cloud.SubnetGroupFilter) selection {
			return selection{}.equal(alias+".name", f.Name).tagged(f.Tags)
		},
		tags: func(g *cloud.SubnetGroup) *map[string]string { return &g.Tags },
		complete: func(t *sqlTx, g *cloud.SubnetGroup, _ cloud.SubnetGroupFilter) (err error) {
			g.Kind = kind
			g.SubnetIDs, err = t.strings(`SELECT subnet_id FROM subnet_group_subnets WHERE group_arn = ? ORDER BY subnet_id`, g.ARN)
			return err
		},
		deleteFirst: []string{`DELETE FROM subnet_group_subnets WHERE group_arn = ?`},
	}
}

var blockPublicAccessExclusions = &table[cloud.BlockPublicAccessExclusion, cloud.BlockPublicAccessExclusionFilter]{
	name: "vpc_block_public_access_exclusions", alias: "bpax",
	columns: []column[cloud.BlockPublicAccessExclusion]{
		{name: "id", field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.ID }},
		{name: "owner_id", field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.OwnerID }},
		{name: "region", field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.Region }},
		{name: "vpc_id", nullable: true, field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.VPCID }},
		{name: "subnet_id", nullable: true, field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.SubnetID }},
		{name: "internet_gateway_exclusion_mode", mutable: true, field: func(e *cloud.BlockPublicAccessExclusion) any { return &e.InternetGatewayExclusionMode }},
	},
	holds: []hold{{column: "vpc_id"}, {column: "subnet_id"}},
	filter: func(f cloud.BlockPublicAccessExclusionFilter) selection {
		return selection{}.equal("bpax.id", f.ID).equal("bpax.vpc_id", f.VPCID).equal("bpax.subnet_id", f.SubnetID).tagged(f.Tags)
	},
	tags: func(e *cloud.BlockPublicAccessExclusion) *map[string]string { return &e.Tags },
}

// lowerEqual matches column against value without regard to case, as IAM
// and CloudWatch Logs compare names; "" matches all.
func (s selection) lowerEqual(column, value string) selection {
	if value == "" {
		return s
	}
	return s.and("LOWER("+column+") = LOWER(?)", value)
}

// IAM's tables have an owner but no region: their objects are the
// account's everywhere.

var iamRoles = &table[cloud.IAMRole, cloud.IAMRoleFilter]{
	name: "iam_roles", alias: "role",
	columns: []column[cloud.IAMRole]{
		{name: "arn", field: func(r *cloud.IAMRole) any { return &r.ARN }},
		{name: "owner_id", field: func(r *cloud.IAMRole) any { return &r.OwnerID }},
		{name: "name", field: func(r *cloud.IAMRole) any { return &r.Name }},
		{name: "path", field: func(r *cloud.IAMRole) any { return &r.Path }},
		{name: "unique_id", field: func(r *cloud.IAMRole) any { return &r.UniqueID }},
		{name: "assume_role_policy", mutable: true, field: func(r *cloud.IAMRole) any { return &r.AssumeRolePolicy }},
		{name: "description", mutable: true, field: func(r *cloud.IAMRole) any { return &r.Description }},
		{name: "max_session_duration", mutable: true, field: func(r *cloud.IAMRole) any { return &r.MaxSessionDuration }},
		{name: "permissions_boundary", mutable: true, field: func(r *cloud.IAMRole) any { return &r.PermissionsBoundary }},
		{name: "create_date", field: func(r *cloud.IAMRole) any { return &r.CreateDate }},
	},
	filter: func(f cloud.IAMRoleFilter) selection {
		return selection{}.equal("role.arn", f.ARN).lowerEqual("role.name", f.Name).tagged(f.Tags)
	},
	tags: func(r *cloud.IAMRole) *map[string]string { return &r.Tags },
}

var iamPolicies = &table[cloud.IAMPolicy, cloud.IAMPolicyFilter]{
	name: "iam_policies", alias: "pol",
	columns: []column[cloud.IAMPolicy]{
		{name: "arn", field: func(p *cloud.IAMPolicy) any { return &p.ARN }},
		{name: "owner_id", field: func(p *cloud.IAMPolicy) any { return &p.OwnerID }},
		{name: "name", field: func(p *cloud.IAMPolicy) any { return &p.Name }},
		{name: "path", field: func(p *cloud.IAMPolicy) any { return &p.Path }},
		{name: "policy_id", field: func(p *cloud.IAMPolicy) any { return &p.PolicyID }},
		{name: "description", field: func(p *cloud.IAMPolicy) any { return &p.Description }},
		{name: "document", mutable: true, field: func(p *cloud.IAMPolicy) any { return &p.Document }},
		{name: "create_date", field: func(p *cloud.IAMPolicy) any { return &p.CreateDate }},
		{read: `(SELECT COUNT(*) FROM iam_role_policy_attachments att WHERE att.policy_arn = pol.arn)`,
			field: func(p *cloud.IAMPolicy) any { return &p.AttachmentCount }},
	},
	filter: func(f cloud.IAMPolicyFilter) selection {
		return selection{}.equal("pol.arn", f.ARN).lowerEqual("pol.name", f.Name).tagged(f.Tags)
	},
	tags: func(p *cloud.IAMPolicy) *map[string]string { return &p.Tags },
}

var iamRolePolicyAttachments = &table[cloud.IAMRolePolicyAttachment, cloud.IAMRolePolicyAttachmentFilter]{
	name: "iam_role_policy_attachments", alias: "att",
	joins: `JOIN iam_roles r ON r.arn = att.role_arn`,
	columns: []column[cloud.IAMRolePolicyAttachment]{
		{name: "id", field: func(a *cloud.IAMRolePolicyAttachment) any { return &a.Key }},
		{name: "owner_id", field: func(a *cloud.IAMRolePolicyAttachment) any { return &a.OwnerID }},
		{name: "role_arn", field: func(a *cloud.IAMRolePolicyAttachment) any { return &a.RoleARN }},
		{read: `r.name`, field: func(a *cloud.IAMRolePolicyAttachment) any { return &a.RoleName }},
		{name: "policy_arn", field: func(a *cloud.IAMRolePolicyAttachment) any { return &a.PolicyARN }},
	},
	filter: func(f cloud.IAMRolePolicyAttachmentFilter) selection {
		return selection{}.equal("att.role_arn", f.RoleARN).equal("att.policy_arn", f.PolicyARN)
	},
}

var iamRolePolicies = &table[cloud.IAMRolePolicy, cloud.IAMRolePolicyFilter]{
	name: "iam_role_policies", alias: "rp",
	joins: `JOIN iam_roles r ON r.arn = rp.role_arn`,
	columns: []column[cloud.IAMRolePolicy]{
		{name: "id", field: func(p *cloud.IAMRolePolicy) any { return &p.Key }},
		{name: "owner_id", field: func(p *cloud.IAMRolePolicy) any { return &p.OwnerID }},
		{name: "role_arn", field: func(p *cloud.IAMRolePolicy) any { return &p.RoleARN }},
		{read: `r.name`, field: func(p *cloud.IAMRolePolicy) any { return &p.RoleName }},
		{name: "name", field: func(p *cloud.IAMRolePolicy) any { return &p.Name }},
		{name: "document", mutable: true, field: func(p *cloud.IAMRolePolicy) any { return &p.Document }},
	},
	filter: func(f cloud.IAMRolePolicyFilter) selection {
		return selection{}.equal("rp.role_arn", f.RoleARN).equal("rp.name", f.Name)
	},
}

var logGroups = &table[cloud.LogGroup, cloud.LogGroupFilter]{
	name: "log_groups", alias: "lg",
	columns: []column[cloud.LogGroup]{
		{name: "arn", field: func(g *cloud.LogGroup) any { return &g.ARN }},
		{name: "owner_id", field: func(g *cloud.LogGroup) any { return &g.OwnerID }},
		{name: "region", field: func(g *cloud.LogGroup) any { return &g.Region }},
		{name: "name", field: func(g *cloud.LogGroup) any { return &g.Name }},
		{name: "retention_in_days", mutable: true, field: func(g *cloud.LogGroup) any { return &g.RetentionInDays }},
		{name: "kms_key_id", mutable: true, field: func(g *cloud.LogGroup) any { return &g.KMSKeyID }},
		{name: "log_group_class", field: func(g *cloud.LogGroup) any { return &g.LogGroupClass }},
		{name: "creation_time", field: func(g *cloud.LogGroup) any { return &g.CreationTime }},
	},
	filter: func(f cloud.LogGroupFilter) selection {
		return selection{}.equal("lg.arn", f.ARN).equal("lg.name", f.Name).tagged(f.Tags)
	},
	tags: func(g *cloud.LogGroup) *map[string]string { return &g.Tags },
}

var flowLogs = &table[cloud.FlowLog, cloud.FlowLogFilter]{
	name: "flow_logs", alias: "fl",
	columns: []column[cloud.FlowLog]{
		{name: "id", field: func(f *cloud.FlowLog) any { return &f.ID }},
		{name: "owner_id", field: func(f *cloud.FlowLog) any { return &f.OwnerID }},
		{name: "region", field: func(f *cloud.FlowLog) any { return &f.Region }},
		{name: "resource_id", field: func(f *cloud.FlowLog) any { return &f.ResourceID }},
		{name: "resource_type", field: func(f *cloud.FlowLog) any { return &f.ResourceType }},
		{name: "traffic_type", field: func(f *cloud.FlowLog) any { return &f.TrafficType }},
		{name: "log_destination_type", field: func(f *cloud.FlowLog) any { return &f.LogDestinationType }},
		{name: "log_destination", field: func(f *cloud.FlowLog) any { return &f.LogDestination }},
		{name: "iam_role_arn", field: func(f *cloud.FlowLog) any { return &f.IAMRoleARN }},
		{name: "log_format", field: func(f *cloud.FlowLog) any { return &f.LogFormat }},
		{name: "max_aggregation_interval", field: func(f *cloud.FlowLog) any { return &f.MaxAggregationInterval }},
		{name: "file_format", field: func(f *cloud.FlowLog) any { return &f.FileFormat }},
		{name: "hive_compatible_partitions", field: func(f *cloud.FlowLog) any { return &f.HiveCompatiblePartitions }},
		{name: "per_hour_partition", field: func(f *cloud.FlowLog) any { return &f.PerHourPartition }},
		{name: "deliver_cross_account_role", field: func(f *cloud.FlowLog) any { return &f.DeliverCrossAccountRole }},
	},
	filter: func(f cloud.FlowLogFilter) selection {
		return selection{}.equal("fl.id", f.ID).equal("fl.resource_id", f.ResourceID).tagged(f.Tags)
	},
	tags: func(f *cloud.FlowLog) *map[string]string { return &f.Tags },
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

// A Gateway endpoint's route tables are those whose routes target it.
var vpcEndpoints = &table[cloud.VPCEndpoint, cloud.VPCEndpointFilter]{
	name: "vpc_endpoints", alias: "vpce",
	columns: []column[cloud.VPCEndpoint]{
		{name: "id", field: func(e *cloud.VPCEndpoint) any { return &e.ID }},
		{name: "owner_id", field: func(e *cloud.VPCEndpoint) any { return &e.OwnerID }},
		{name: "region", field: func(e *cloud.VPCEndpoint) any { return &e.Region }},
		{name: "vpc_id", field: func(e *cloud.VPCEndpoint) any { return &e.VPCID }},
		{name: "service_name", field: func(e *cloud.VPCEndpoint) any { return &e.ServiceName }},
		{name: "service_region", field: func(e *cloud.VPCEndpoint) any { return &e.ServiceRegion }},
		{name: "vpc_endpoint_type", field: func(e *cloud.VPCEndpoint) any { return &e.Type }},
		{name: "state", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.State }},
		{name: "policy", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.Policy }},
		{name: "private_dns_enabled", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.PrivateDNSEnabled }},
		{name: "ip_address_type", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.IPAddressType }},
		{name: "dns_record_ip_type", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.DNSRecordIPType }},
		{name: "private_dns_only_for_inbound_resolver_endpoint", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.PrivateDNSOnlyForInbound }},
		{name: "subnet_ids", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.SubnetIDs }},
		{name: "security_group_ids", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.SecurityGroupIDs }},
		{name: "subnet_configurations", mutable: true, field: func(e *cloud.VPCEndpoint) any { return &e.SubnetConfigurations }},
		{name: "dns_suffix", field: func(e *cloud.VPCEndpoint) any { return &e.DNSSuffix }},
		{name: "requester_managed", field: func(e *cloud.VPCEndpoint) any { return &e.RequesterManaged }},
	},
	// An Interface endpoint's subnets hold its network interfaces in AWS:
	// they are not deleted while it is there.
	holds: []hold{{column: "vpc_id"}, {column: "subnet_id", list: "subnet_ids"}},
	filter: func(f cloud.VPCEndpointFilter) selection {
		return selection{}.equal("vpce.id", f.ID).equal("vpce.vpc_id", f.VPCID).equal("vpce.service_name", f.ServiceName).tagged(f.Tags)
	},
	tags: func(e *cloud.VPCEndpoint) *map[string]string { return &e.Tags },
	complete: func(t *sqlTx, e *cloud.VPCEndpoint, _ cloud.VPCEndpointFilter) (err error) {
		if e.RouteTableIDs, err = t.strings(`SELECT route_table_id FROM routes WHERE target = ? ORDER BY route_table_id`, e.ID); err != nil {
			return err
		}
		e.Zones = nil
		for _, id := range e.SubnetIDs {
			zone, err := t.strings(`SELECT availability_zone FROM subnets WHERE id = ?`, id)
			if err != nil {
				return err
			}
			e.Zones = append(e.Zones, zone...)
		}
		slices.Sort(e.Zones)
		return nil
	},
	deleteFirst: []string{`DELETE FROM routes WHERE target = ?`},
}

// IPAM's tables. Scopes, pool CIDRs and allocations carry no tags here.

var ipams = &table[cloud.IPAM, cloud.IPAMFilter]{
	name: "ipams", alias: "ipam",
	columns: []column[cloud.IPAM]{
		{name: "id", field: func(i *cloud.IPAM) any { return &i.ID }},
		{name: "owner_id", field: func(i *cloud.IPAM) any { return &i.OwnerID }},
		{name: "region", field: func(i *cloud.IPAM) any { return &i.Region }},
		{name: "description", mutable: true, field: func(i *cloud.IPAM) any { return &i.Description }},
		{name: "tier", mutable: true, field: func(i *cloud.IPAM) any { return &i.Tier }},
		{name: "enable_private_gua", mutable: true, field: func(i *cloud.IPAM) any { return &i.EnablePrivateGUA }},
		{name: "operating_regions", mutable: true, field: func(i *cloud.IPAM) any { return &i.OperatingRegions }},
		{name: "private_default_scope_id", field: func(i *cloud.IPAM) any { return &i.PrivateDefaultScopeID }},
		{name: "public_default_scope_id", field: func(i *cloud.IPAM) any { return &i.PublicDefaultScopeID }},
		{name: "default_resource_discovery_id", field: func(i *cloud.IPAM) any { return &i.DefaultResourceDiscoveryID }},
		{name: "default_resource_discovery_association_id", field: func(i *cloud.IPAM) any { return &i.DefaultResourceDiscoveryAssociationID }},
		{read: `(SELECT COUNT(*) FROM ipam_scopes sc WHERE sc.ipam_id = ipam.id)`, field: func(i *cloud.IPAM) any { return &i.ScopeCount }},
	},
	filter: func(f cloud.IPAMFilter) selection { return selection{}.equal("ipam.id", f.ID).tagged(f.Tags) },
	tags:   func(i *cloud.IPAM) *map[string]string { return &i.Tags },
}

var ipamScopes = &table[cloud.IPAMScope, cloud.IPAMScopeFilter]{
	name: "ipam_scopes", alias: "isc",
	columns: []column[cloud.IPAMScope]{
		{name: "id", field: func(s *cloud.IPAMScope) any { return &s.ID }},
		{name: "owner_id", field: func(s *cloud.IPAMScope) any { return &s.OwnerID }},
		{name: "region", field: func(s *cloud.IPAMScope) any { return &s.Region }},
		{name: "ipam_id", field: func(s *cloud.IPAMScope) any { return &s.IPAMID }},
		{name: "ipam_scope_type", field: func(s *cloud.IPAMScope) any { return &s.Type }},
		{name: "is_default", field: func(s *cloud.IPAMScope) any { return &s.Default }},
	},
	filter: func(f cloud.IPAMScopeFilter) selection {
		return selection{}.equal("isc.id", f.ID).equal("isc.ipam_id", f.IPAMID)
	},
}

var ipamPools = &table[cloud.IPAMPool, cloud.IPAMPoolFilter]{
	name: "ipam_pools", alias: "ip",
	joins: `JOIN ipam_scopes isc ON isc.id = ip.ipam_scope_id`,
	columns: []column[cloud.IPAMPool]{
		{name: "id", field: func(p *cloud.IPAMPool) any { return &p.ID }},
		{name: "owner_id", field: func(p *cloud.IPAMPool) any { return &p.OwnerID }},
		{name: "region", field: func(p *cloud.IPAMPool) any { return &p.Region }},
		{name: "ipam_scope_id", field: func(p *cloud.IPAMPool) any { return &p.ScopeID }},
		{name: "address_family", field: func(p *cloud.IPAMPool) any { return &p.AddressFamily }},
		{name: "locale", field: func(p *cloud.IPAMPool) any { return &p.Locale }},
		{name: "description", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.Description }},
		{name: "allocation_default_netmask_length", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.AllocationDefaultNetmaskLength }},
		{name: "allocation_min_netmask_length", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.AllocationMinNetmaskLength }},
		{name: "allocation_max_netmask_length", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.AllocationMaxNetmaskLength }},
		{name: "allocation_resource_tags", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.AllocationResourceTags }},
		{name: "auto_import", mutable: true, field: func(p *cloud.IPAMPool) any { return &p.AutoImport }},
		{name: "aws_service", field: func(p *cloud.IPAMPool) any { return &p.AWSService }},
		{name: "publicly_advertisable", field: func(p *cloud.IPAMPool) any { return &p.PubliclyAdvertisable }},
		{name: "public_ip_source", field: func(p *cloud.IPAMPool) any { return &p.PublicIPSource }},
		{name: "source_ipam_pool_id", nullable: true, field: func(p *cloud.IPAMPool) any { return &p.SourcePoolID }},
		{name: "pool_depth", field: func(p *cloud.IPAMPool) any { return &p.Depth }},
		{read: `isc.ipam_scope_type`, field: func(p *cloud.IPAMPool) any { return &p.ScopeType }},
		{read: `isc.ipam_id`, field: func(p *cloud.IPAMPool) any { return &p.IPAMID }},
	},
	filter: func(f cloud.IPAMPoolFilter) selection {
		return selection{}.equal("ip.id", f.ID).equal("ip.ipam_scope_id", f.ScopeID).equal("ip.source_ipam_pool_id", f.SourcePoolID).tagged(f.Tags)
	},
	tags: func(p *cloud.IPAMPool) *map[string]string { return &p.Tags },
}

var ipamPoolCIDRs = &table[cloud.IPAMPoolCIDR, cloud.IPAMPoolCIDRFilter]{
	name: "ipam_pool_cidrs", alias: "ipc",
	columns: []column[cloud.IPAMPoolCIDR]{
		{name: "id", field: func(c *cloud.IPAMPoolCIDR) any { return &c.ID }},
		{name: "owner_id", field: func(c *cloud.IPAMPoolCIDR) any { return &c.OwnerID }},
		{name: "region", field: func(c *cloud.IPAMPoolCIDR) any { return &c.Region }},
		{name: "ipam_pool_id", field: func(c *cloud.IPAMPoolCIDR) any { return &c.PoolID }},
		{name: "cidr", field: func(c *cloud.IPAMPoolCIDR) any { return &c.CIDR }},
	},
	filter: func(f cloud.IPAMPoolCIDRFilter) selection {
		return selection{}.equal("ipc.id", f.ID).equal("ipc.ipam_pool_id", f.PoolID).equal("ipc.cidr", f.CIDR)
	},
}

var ipamPoolAllocations = &table[cloud.IPAMPoolAllocation, cloud.IPAMPoolAllocationFilter]{
	name: "ipam_pool_allocations", alias: "ipa",
	columns: []column[cloud.IPAMPoolAllocation]{
		{name: "id", field: func(a *cloud.IPAMPoolAllocation) any { return &a.ID }},
		{name: "owner_id", field: func(a *cloud.IPAMPoolAllocation) any { return &a.OwnerID }},
		{name: "region", field: func(a *cloud.IPAMPoolAllocation) any { return &a.Region }},
		{name: "ipam_pool_id", field: func(a *cloud.IPAMPoolAllocation) any { return &a.PoolID }},
		{name: "cidr", field: func(a *cloud.IPAMPoolAllocation) any { return &a.CIDR }},
		{name: "resource_type", field: func(a *cloud.IPAMPoolAllocation) any { return &a.ResourceType }},
		{name: "resource_id", field: func(a *cloud.IPAMPoolAllocation) any { return &a.ResourceID }},
	},
	filter: func(f cloud.IPAMPoolAllocationFilter) selection {
		return selection{}.equal("ipa.id", f.ID).equal("ipa.ipam_pool_id", f.PoolID).equal("ipa.resource_id", f.ResourceID)
	},
}

// managedPrefixLists are the customer-managed prefix lists, their entries
// kept as JSON in the row.
var managedPrefixLists = &table[cloud.ManagedPrefixList, cloud.ManagedPrefixListFilter]{
	name: "managed_prefix_lists", alias: "mpl",
	columns: []column[cloud.ManagedPrefixList]{
		{name: "id", field: func(l *cloud.ManagedPrefixList) any { return &l.ID }},
		{name: "owner_id", field: func(l *cloud.ManagedPrefixList) any { return &l.OwnerID }},
		{name: "region", field: func(l *cloud.ManagedPrefixList) any { return &l.Region }},
		{name: "name", mutable: true, field: func(l *cloud.ManagedPrefixList) any { return &l.Name }},
		{name: "address_family", field: func(l *cloud.ManagedPrefixList) any { return &l.AddressFamily }},
		{name: "max_entries", mutable: true, field: func(l *cloud.ManagedPrefixList) any { return &l.MaxEntries }},
		{name: "version", mutable: true, field: func(l *cloud.ManagedPrefixList) any { return &l.Version }},
		{name: "entries", mutable: true, field: func(l *cloud.ManagedPrefixList) any { return &l.Entries }},
	},
	filter: func(f cloud.ManagedPrefixListFilter) selection {
		return selection{}.equal("mpl.id", f.ID).tagged(f.Tags)
	},
	tags: func(l *cloud.ManagedPrefixList) *map[string]string { return &l.Tags },
}

// keyPairs are the imported key pairs, one name per account and region.
var keyPairs = &table[cloud.KeyPair, cloud.KeyPairFilter]{
	name: "key_pairs", alias: "kp",
	columns: []column[cloud.KeyPair]{
		{name: "id", field: func(k *cloud.KeyPair) any { return &k.ID }},
		{name: "owner_id", field: func(k *cloud.KeyPair) any { return &k.OwnerID }},
		{name: "region", field: func(k *cloud.KeyPair) any { return &k.Region }},
		{name: "key_name", field: func(k *cloud.KeyPair) any { return &k.Name }},
		{name: "key_type", field: func(k *cloud.KeyPair) any { return &k.KeyType }},
		{name: "fingerprint", field: func(k *cloud.KeyPair) any { return &k.Fingerprint }},
		{name: "public_key", field: func(k *cloud.KeyPair) any { return &k.PublicKey }},
		{name: "create_time", field: func(k *cloud.KeyPair) any { return &k.CreateTime }},
	},
	filter: func(f cloud.KeyPairFilter) selection {
		return selection{}.equal("kp.id", f.ID).equal("kp.key_name", f.Name).tagged(f.Tags)
	},
	tags: func(k *cloud.KeyPair) *map[string]string { return &k.Tags },
}

// vpcPeeringConnections have no owner_id or region column, so reads see
// them in every scope; a filter's Scope keeps those of one side.
var vpcPeeringConnections = &table[cloud.VPCPeeringConnection, cloud.VPCPeeringConnectionFilter]{
	name: "vpc_peering_connections", alias: "pcx",
	columns: []column[cloud.VPCPeeringConnection]{
		{name: "id", field: func(p *cloud.VPCPeeringConnection) any { return &p.ID }},
		{name: "requester_vpc_id", field: func(p *cloud.VPCPeeringConnection) any { return &p.RequesterVPCID }},
		{name: "requester_owner_id", field: func(p *cloud.VPCPeeringConnection) any { return &p.RequesterOwnerID }},
		{name: "requester_region", field: func(p *cloud.VPCPeeringConnection) any { return &p.RequesterRegion }},
		{name: "accepter_vpc_id", field: func(p *cloud.VPCPeeringConnection) any { return &p.AccepterVPCID }},
		{name: "accepter_owner_id", field: func(p *cloud.VPCPeeringConnection) any { return &p.AccepterOwnerID }},
		{name: "accepter_region", field: func(p *cloud.VPCPeeringConnection) any { return &p.AccepterRegion }},
		{name: "status", mutable: true, field: func(p *cloud.VPCPeeringConnection) any { return &p.Status }},
		{name: "requester_allow_dns", mutable: true, field: func(p *cloud.VPCPeeringConnection) any { return &p.RequesterAllowDNS }},
		{name: "accepter_allow_dns", mutable: true, field: func(p *cloud.VPCPeeringConnection) any { return &p.AccepterAllowDNS }},
	},
	filter: func(f cloud.VPCPeeringConnectionFilter) selection {
		s := selection{}.equal("pcx.id", f.ID).equal("pcx.status", f.Status).tagged(f.Tags)
		if f.Scope != (cloud.Scope{}) {
			s = s.and("((pcx.requester_owner_id = ? AND pcx.requester_region = ?) OR (pcx.accepter_owner_id = ? AND pcx.accepter_region = ?))",
				f.Scope.AccountID, f.Scope.Region, f.Scope.AccountID, f.Scope.Region)
		}
		if f.VPCID != "" {
			s = s.and("(pcx.requester_vpc_id = ? OR pcx.accepter_vpc_id = ?)", f.VPCID, f.VPCID)
		}
		return s
	},
	tags: func(p *cloud.VPCPeeringConnection) *map[string]string { return &p.Tags },
}
