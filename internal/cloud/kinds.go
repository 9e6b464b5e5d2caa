package cloud

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// objectKind is what the engine knows of one kind of object that a user can
// name by its ID alone, as simcloud delete and show, CreateTags, the search
// for orphans, routing and advice do. What is true of every such kind is said
// once here, so that a new kind is one more entry rather than one more case
// in each of those places.
type objectKind struct {
	Kind
	// typeName is the kind's name in the Terraform resource type (without
	// simcloud_), as front ends and network paths name objects.
	typeName string
	// taggable says that the kind carries tags (CreateTags takes it).
	taggable bool
	// table and idColumn are where the store keeps objects of the kind.
	table, idColumn string
	// createOp, describeOp and deleteOp are the AWS operations that make,
	// read and delete (or release, or disassociate) objects of the kind, as
	// refusals name them.
	createOp, describeOp, deleteOp string
	// find looks an object up by ID inside a transaction, with AWS's
	// errors for a malformed or unknown ID.
	find func(c *Client, tx ReadTx, id string) error
	// remove deletes an object as its own engine operation, as the AWS
	// call that deletes (or, for an elastic IP, releases) it does.
	remove func(c *Client, ctx context.Context, id string) error
	// parentField is the reference that names the object an object of the
	// kind lives in (a subnet's VPC), "" for a kind that lives in none.
	parentField string
	// uses are the kinds whose objects an object of this kind needs while
	// it exists (a subnet its VPC, a NAT gateway its subnet and elastic
	// IP), so that it is deleted before them.
	uses []Kind
	listing
	// advise returns the advice on one object of the kind; nil for kinds
	// that get none.
	advise func(c *Client, tx ReadTx, id string) ([]Advisory, error)
	// route is what routing makes of the kind, nil when no route can send
	// traffic to it.
	route *routeTarget
	// endpoint resolves an object of the kind into one end of a network
	// path; nil for kinds that cannot be one.
	endpoint func(c *Client, tx ReadTx, id string) (Endpoint, error)
}

// listing is how an inventory holds the objects of a kind.
type listing struct {
	// inventory reads the objects of the kind in the client's scope into
	// an inventory; nil for a kind read with another (associations come
	// with their route tables).
	inventory func(c *Client, tx ReadTx, inv *Inventory) error
	// describe lists the objects of the kind in an inventory, for the
	// index that front ends read.
	describe func(inv *Inventory) []Object
}

// listedIn is the listing of a kind that an inventory reads whole, every
// object of the scope that all selects, into the list that in points to,
// and describes each object of with describe.
func listedIn[T Row](in func(*Inventory) *[]T, all Filter, describe func(T) Object) listing {
	return listing{inventory: inventoryAll(in, all), describe: describeEach(func(inv *Inventory) []T { return *in(inv) }, describe)}
}

// routeTarget is what a kind that routes can send traffic to says about
// itself, so that routing rules, route states and network paths ask the
// target rather than switch on its ID.
type routeTarget struct {
	// field is the argument of simcloud_route (and aws_route) that names a
	// target of the kind.
	field string
	// ipv6Only says that the kind carries no IPv4 traffic, so an IPv4
	// destination for it is refused.
	ipv6Only bool
	// otherNetworkNoun names the target in AWS's message for a target that
	// serves another VPC than the table's.
	otherNetworkNoun string
	// servedVPC returns the VPC that a target carries traffic for ("" when
	// none); ok is false when the target does not exist.
	servedVPC func(tx ReadTx, scope Scope, id string) (vpcID string, ok bool, err error)
	// attachClaim, when set, is the claim by which a plan attaches a
	// target to a VPC: such a claim on the table's VPC counts as serving
	// it, as for an internet gateway attached in the same apply.
	attachClaim ClaimKind
	// bpa is what VPC Block Public Access makes of traffic through the
	// target.
	bpa bpaExposure
	// needsPublicIPv4 says that the target carries an end's IPv4 traffic to
	// and from the internet only when the end has a public IPv4 address
	// (an internet gateway translates one to the other).
	needsPublicIPv4 bool
	// beyond says where a path from subnet s through an active route to
	// target stops ("" when it reaches the internet), appending the hops it
	// passes after the target.
	beyond func(c *Client, tx ReadTx, s Subnet, target, direction, ipVersion string, p *Path) (broken, fix string, err error)
	// peer, for a kind that joins two VPCs (a peering connection), returns
	// the VPC on the other side of target as seen from fromVPC, and whether
	// the connection carries traffic now (active); ok is false when target
	// does not exist or does not join fromVPC. nil for every other kind.
	peer func(tx ReadTx, scope Scope, target, fromVPC string) (toVPC string, active, ok bool, err error)
	// instance, for a kind that an instance may hold (a network interface),
	// returns the instance that holds target and its owner ("" when none),
	// which AWS reports with a route to it. nil for every other kind.
	instance func(tx ReadTx, scope Scope, target string) (instanceID, ownerID string, err error)
}

// objectKinds are the kinds a user can name by ID, in the order that
// messages list them. They are set in init because their functions reach
// back into the registry (a route table's lookup derives its route states
// from the route targets' entries).
var objectKinds []objectKind

func init() {
	objectKinds = []objectKind{
		{Kind: KindVPC, typeName: "vpc", table: "vpcs", idColumn: "id", taggable: true, describeOp: "DescribeVpcs", createOp: "CreateVpc", deleteOp: "DeleteVpc",
			uses:    []Kind{KindDHCPOptions},
			listing: listedIn(func(inv *Inventory) *[]VPC { return &inv.VPCs }, VPCFilter{}, describeVPC),
			find:    found((*Client).findVPC),
			remove:  (*Client).DeleteVPC},
		{Kind: KindSubnet, typeName: "subnet", table: "subnets", idColumn: "id", taggable: true, describeOp: "DescribeSubnets", createOp: "CreateSubnet", deleteOp: "DeleteSubnet",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing: listing{inventory: (*Client).inventorySubnets,
				describe: describeEach(func(inv *Inventory) []Subnet { return inv.Subnets }, describeSubnet)},
			find:     found((*Client).findSubnet),
			remove:   (*Client).DeleteSubnet,
			advise:   (*Client).subnetAdvice,
			endpoint: subnetEndpoint},
		{Kind: KindRouteTable, typeName: "route_table", table: "route_tables", idColumn: "id", taggable: true, describeOp: "DescribeRouteTables", createOp: "CreateRouteTable", deleteOp: "DeleteRouteTable",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing: listing{inventory: (*Client).inventoryRouteTables,
				describe: describeEach(func(inv *Inventory) []RouteTable { return inv.RouteTables }, describeRouteTable)},
			find:   found((*Client).findRouteTable),
			remove: (*Client).DeleteRouteTable,
			advise: (*Client).routeTableAdvice},
		{Kind: KindRouteTableAssociation, typeName: "route_table_association", table: "route_table_associations", idColumn: "id", describeOp: "DescribeRouteTables", createOp: "AssociateRouteTable", deleteOp: "DisassociateRouteTable",
			parentField: "route_table_id",
			uses:        []Kind{KindSubnet, KindRouteTable},
			listing:     listing{describe: describeAssociations},
			find:        foundByID((*Client).findAssociation),
			remove:      (*Client).Disassociate},
		{Kind: KindInternetGateway, typeName: "internet_gateway", table: "internet_gateways", idColumn: "id", taggable: true, describeOp: "DescribeInternetGateways", createOp: "CreateInternetGateway", deleteOp: "DeleteInternetGateway",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]InternetGateway { return &inv.InternetGateways }, InternetGatewayFilter{}, describeInternetGateway),
			find:        findsStored[InternetGateway],
			remove:      (*Client).DeleteInternetGateway,
			advise:      (*Client).internetGatewayAdvice,
			route: &routeTarget{field: "gateway_id", otherNetworkNoun: "network gateway", attachClaim: ClaimInternetGateway, bpa: bpaExposure{blocked: true}, needsPublicIPv4: true,
				servedVPC: servedBy(func(g InternetGateway) string { return g.VPCID }),
				beyond:    pastInternetGateway}},
		{Kind: KindEgressOnlyInternetGateway, typeName: "egress_only_internet_gateway", table: "egress_only_internet_gateways", idColumn: "id", taggable: true, describeOp: "DescribeEgressOnlyInternetGateways", createOp: "CreateEgressOnlyInternetGateway", deleteOp: "DeleteEgressOnlyInternetGateway",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]EgressOnlyInternetGateway { return &inv.EgressOnlyInternetGateways }, EgressOnlyInternetGatewayFilter{}, describeEgressOnlyInternetGateway),
			find:        findsStored[EgressOnlyInternetGateway],
			remove:      removeStored[EgressOnlyInternetGateway](),
			route: &routeTarget{field: "egress_only_gateway_id", ipv6Only: true, otherNetworkNoun: "egress-only gateway", bpa: bpaExposure{blocked: true, outboundOnly: true},
				servedVPC: servedBy(func(g EgressOnlyInternetGateway) string { return g.VPCID }),
				beyond:    pastEgressOnlyGateway}},
		{Kind: KindNATGateway, typeName: "nat_gateway", table: "nat_gateways", idColumn: "id", taggable: true, describeOp: "DescribeNatGateways", createOp: "CreateNatGateway", deleteOp: "DeleteNatGateway",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC, KindSubnet, KindElasticIP},
			listing:     listedIn(func(inv *Inventory) *[]NATGateway { return &inv.NATGateways }, NATGatewayFilter{}, describeNATGateway),
			find:        foundByID((*Client).findNATGateway),
			remove:      (*Client).DeleteNATGateway,
			route: &routeTarget{field: "nat_gateway_id", otherNetworkNoun: "network gateway",
				servedVPC: servedBy(func(g NATGateway) string { return g.VPCID }),
				beyond:    pastNATGateway}},
		// A VPC's default group and ACL go with it, as its main route table
		// does; remove refuses them on their own, as AWS does.
		{Kind: KindSecurityGroup, typeName: "security_group", table: "security_groups", idColumn: "id", taggable: true, describeOp: "DescribeSecurityGroups", createOp: "CreateSecurityGroup", deleteOp: "DeleteSecurityGroup",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]SecurityGroup { return &inv.SecurityGroups }, SecurityGroupFilter{}, describeSecurityGroup),
			find:        findsStored[SecurityGroup],
			remove:      (*Client).DeleteSecurityGroup,
			advise:      (*Client).securityGroupAdvice},
		{Kind: KindNetworkACL, typeName: "network_acl", table: "network_acls", idColumn: "id", taggable: true, describeOp: "DescribeNetworkAcls", createOp: "CreateNetworkAcl", deleteOp: "DeleteNetworkAcl",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]NetworkACL { return &inv.NetworkACLs }, NetworkACLFilter{}, describeNetworkACL),
			find:        findsStored[NetworkACL],
			remove:      removeStored(refuseDefaultOrUsedACL),
			advise:      (*Client).networkACLAdvice},
		{Kind: KindElasticIP, typeName: "eip", table: "elastic_ips", idColumn: "allocation_id", taggable: true, describeOp: "DescribeAddresses", createOp: "AllocateAddress", deleteOp: "ReleaseAddress",
			listing: listedIn(func(inv *Inventory) *[]ElasticIP { return &inv.ElasticIPs }, ElasticIPFilter{}, describeElasticIP),
			find:    findsStored[ElasticIP],
			remove:  (*Client).ReleaseAddress},
		// A virtual private gateway routes like an internet gateway, by
		// gateway_id, while attached to the table's VPC.
		{Kind: KindVPNGateway, typeName: "vpn_gateway", table: "vpn_gateways", idColumn: "id", taggable: true, describeOp: "DescribeVpnGateways", createOp: "CreateVpnGateway", deleteOp: "DeleteVpnGateway",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]VPNGateway { return &inv.VPNGateways }, VPNGatewayFilter{}, describeVPNGateway),
			find:        findsStored[VPNGateway],
			remove:      removeStored(refuseAttachedVPNGateway),
			route: &routeTarget{field: "gateway_id", otherNetworkNoun: "network gateway", attachClaim: ClaimVPNGateway,
				servedVPC: servedBy(func(g VPNGateway) string { return g.VPCID }),
				beyond:    pastVPNGateway}},
		{Kind: KindCustomerGateway, typeName: "customer_gateway", table: "customer_gateways", idColumn: "id", taggable: true, describeOp: "DescribeCustomerGateways", createOp: "CreateCustomerGateway", deleteOp: "DeleteCustomerGateway",
			listing: listedIn(func(inv *Inventory) *[]CustomerGateway { return &inv.CustomerGateways }, CustomerGatewayFilter{}, describeCustomerGateway),
			find:    findsStored[CustomerGateway],
			remove:  removeStored[CustomerGateway]()},
		// IAM's kinds are the account's in every region; their objects are
		// named by ARN (a role's policies by the role's ARN and theirs).
		{Kind: KindIAMRole, typeName: "iam_role", table: "iam_roles", idColumn: "arn", taggable: true, describeOp: "GetRole", createOp: "CreateRole", deleteOp: "DeleteRole",
			uses:    []Kind{KindIAMPolicy},
			listing: listedIn(func(inv *Inventory) *[]IAMRole { return &inv.IAMRoles }, IAMRoleFilter{}, describeIAMRole),
			find:    foundByID(func(c *Client, tx ReadTx, key string) (IAMRole, error) { return c.findRole(tx, key, "id") }),
			remove:  (*Client).removeIAMObject},
		{Kind: KindIAMPolicy, typeName: "iam_policy", table: "iam_policies", idColumn: "arn", taggable: true, describeOp: "GetPolicy", createOp: "CreatePolicy", deleteOp: "DeletePolicy",
			listing: listedIn(func(inv *Inventory) *[]IAMPolicy { return &inv.IAMPolicies }, IAMPolicyFilter{}, describeIAMPolicy),
			find:    foundByID(func(c *Client, tx ReadTx, key string) (IAMPolicy, error) { return c.findPolicy(tx, key, "id") }),
			remove:  (*Client).removeIAMObject},
		{Kind: KindIAMRolePolicyAttachment, typeName: "iam_role_policy_attachment", table: "iam_role_policy_attachments", idColumn: "id",
			describeOp: "ListAttachedRolePolicies", createOp: "AttachRolePolicy", deleteOp: "DetachRolePolicy",
			parentField: "role",
			uses:        []Kind{KindIAMRole, KindIAMPolicy},
			listing:     listedIn(func(inv *Inventory) *[]IAMRolePolicyAttachment { return &inv.IAMRolePolicyAttachments }, IAMRolePolicyAttachmentFilter{}, describeIAMRolePolicyAttachment),
			find:        findsStored[IAMRolePolicyAttachment],
			remove:      (*Client).removeIAMObject},
		{Kind: KindIAMRolePolicy, typeName: "iam_role_policy", table: "iam_role_policies", idColumn: "id",
			describeOp: "GetRolePolicy", createOp: "PutRolePolicy", deleteOp: "DeleteRolePolicy",
			parentField: "role",
			uses:        []Kind{KindIAMRole},
			listing:     listedIn(func(inv *Inventory) *[]IAMRolePolicy { return &inv.IAMRolePolicies }, IAMRolePolicyFilter{}, describeIAMRolePolicy),
			find:        findsStored[IAMRolePolicy],
			remove:      (*Client).removeIAMObject},
		{Kind: KindLogGroup, typeName: "cloudwatch_log_group", table: "log_groups", idColumn: "arn", taggable: true,
			describeOp: "DescribeLogGroups", createOp: "CreateLogGroup", deleteOp: "DeleteLogGroup",
			listing: listedIn(func(inv *Inventory) *[]LogGroup { return &inv.LogGroups }, LogGroupFilter{}, describeLogGroup),
			find:    foundByID((*Client).findLogGroup),
			remove:  (*Client).DeleteLogGroup},
		// A flow log goes with the VPC or subnet it watches, as in AWS.
		{Kind: KindFlowLog, typeName: "flow_log", table: "flow_logs", idColumn: "id", taggable: true,
			describeOp: "DescribeFlowLogs", createOp: "CreateFlowLogs", deleteOp: "DeleteFlowLogs",
			uses:    []Kind{KindVPC, KindSubnet, KindIAMRole, KindLogGroup},
			listing: listedIn(func(inv *Inventory) *[]FlowLog { return &inv.FlowLogs }, FlowLogFilter{}, describeFlowLog),
			find:    findsStored[FlowLog],
			remove:  removeStored[FlowLog]()},
		{Kind: KindDHCPOptions, typeName: "vpc_dhcp_options", table: "dhcp_options", idColumn: "id", taggable: true, describeOp: "DescribeDhcpOptions", createOp: "CreateDhcpOptions", deleteOp: "DeleteDhcpOptions",
			listing: listedIn(func(inv *Inventory) *[]DHCPOptions { return &inv.DHCPOptions }, DHCPOptionsFilter{}, describeDHCPOptions),
			find:    findsStored[DHCPOptions],
			remove:  removeStored(refuseUsedDHCPOptions)},
		{Kind: KindVPCCIDRAssociation, typeName: "vpc_ipv4_cidr_block_association", table: "vpc_cidr_block_associations", idColumn: "id", describeOp: "DescribeVpcs", createOp: "AssociateVpcCidrBlock", deleteOp: "DisassociateVpcCidrBlock",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC},
			listing:     listedIn(func(inv *Inventory) *[]VPCCIDRBlockAssociation { return &inv.VPCCIDRBlockAssociations }, VPCCIDRBlockAssociationFilter{}, describeVPCCIDRBlockAssociation),
			find:        findsStored[VPCCIDRBlockAssociation],
			remove:      (*Client).DisassociateVPCCIDRBlock},
	}
	// A Gateway endpoint's routes go with it (the store deletes them).
	objectKinds = append(objectKinds, objectKind{Kind: KindVPCEndpoint, typeName: "vpc_endpoint", table: "vpc_endpoints", idColumn: "id", taggable: true,
		describeOp: "DescribeVpcEndpoints", createOp: "CreateVpcEndpoint", deleteOp: "DeleteVpcEndpoints",
		parentField: "vpc_id",
		uses:        []Kind{KindVPC, KindSubnet, KindSecurityGroup, KindRouteTable},
		listing:     listedIn(func(inv *Inventory) *[]VPCEndpoint { return &inv.VPCEndpoints }, VPCEndpointFilter{}, describeVPCEndpoint),
		find:        findsStored[VPCEndpoint],
		remove:      removeStored[VPCEndpoint]()})
	objectKinds = append(objectKinds, subnetGroupKinds()...)
	objectKinds = append(objectKinds, objectKind{Kind: KindBlockPublicAccessExclusion, typeName: "vpc_block_public_access_exclusion",
		table: "vpc_block_public_access_exclusions", idColumn: "id", taggable: true,
		describeOp: "DescribeVpcBlockPublicAccessExclusions", createOp: "CreateVpcBlockPublicAccessExclusion", deleteOp: "DeleteVpcBlockPublicAccessExclusion",
		parentField: "vpc_id",
		uses:        []Kind{KindVPC, KindSubnet},
		listing: listedIn(func(inv *Inventory) *[]BlockPublicAccessExclusion { return &inv.BlockPublicAccessExclusions }, BlockPublicAccessExclusionFilter{},
			func(e BlockPublicAccessExclusion) Object {
				return Object{ID: e.ID, Tags: e.Tags, Value: e, References: references("vpc_id", e.VPCID, "subnet_id", e.SubnetID)}
			}),
		find:   findsStored[BlockPublicAccessExclusion],
		remove: removeStored[BlockPublicAccessExclusion]()})
	objectKinds = append(objectKinds, ipamKinds()...)
	// A customer-managed prefix list; routes and security group rules that
	// name it hold it.
	objectKinds = append(objectKinds, objectKind{Kind: KindPrefixList, typeName: "ec2_managed_prefix_list", table: "managed_prefix_lists", idColumn: "id", taggable: true,
		describeOp: "DescribeManagedPrefixLists", createOp: "CreateManagedPrefixList", deleteOp: "DeleteManagedPrefixList",
		listing: listedIn(func(inv *Inventory) *[]ManagedPrefixList { return &inv.ManagedPrefixLists }, ManagedPrefixListFilter{}, describeManagedPrefixList),
		find:    findsStored[ManagedPrefixList],
		remove:  removeStored(refuseRoutedPrefixList, refusePrefixListInRules)})
	// An imported key pair, in no VPC: Terraform names it by its name, the
	// cloud and its tags by its key- ID.
	objectKinds = append(objectKinds, objectKind{Kind: KindKeyPair, typeName: "key_pair", table: "key_pairs", idColumn: "id", taggable: true,
		describeOp: "DescribeKeyPairs", createOp: "ImportKeyPair", deleteOp: "DeleteKeyPair",
		listing: listedIn(func(inv *Inventory) *[]KeyPair { return &inv.KeyPairs }, KeyPairFilter{}, describeKeyPair),
		find:    findsStored[KeyPair],
		remove:  removeStored[KeyPair]()})
	// A peering connection is seen from both of its sides: the store keeps
	// it outside any scope and the engine shows it to either side. Routes
	// through it stay when it goes, as blackholes.
	objectKinds = append(objectKinds, objectKind{Kind: KindVPCPeeringConnection, typeName: "vpc_peering_connection", table: "vpc_peering_connections", idColumn: "id", taggable: true,
		describeOp: "DescribeVpcPeeringConnections", createOp: "CreateVpcPeeringConnection", deleteOp: "DeleteVpcPeeringConnection",
		parentField: "vpc_id",
		uses:        []Kind{KindVPC},
		listing: listing{inventory: (*Client).inventoryVPCPeerings,
			describe: describeEach(func(inv *Inventory) []VPCPeeringConnection { return inv.VPCPeeringConnections }, describeVPCPeering)},
		find: foundByID(func(c *Client, tx ReadTx, id string) (VPCPeeringConnection, error) {
			return c.findPeering(tx, id, "id")
		}),
		remove: (*Client).DeleteVPCPeering,
		route: &routeTarget{field: "vpc_peering_connection_id", otherNetworkNoun: "VPC peering connection",
			servedVPC: servedBy(func(p VPCPeeringConnection) string { return p.RequesterVPCID }),
			beyond:    pastPeering,
			peer:      peeringPeer}})
	// An instance's primary interface is made and deleted with it; an
	// interface holds its subnet and groups, and an elastic IP associated
	// with it is disassociated when it goes.
	objectKinds = append(objectKinds, objectKind{Kind: KindNetworkInterface, typeName: "network_interface", table: "network_interfaces", idColumn: "id", taggable: true,
		describeOp: "DescribeNetworkInterfaces", createOp: "CreateNetworkInterface", deleteOp: "DeleteNetworkInterface",
		parentField: "vpc_id",
		uses:        []Kind{KindVPC, KindSubnet, KindSecurityGroup, KindElasticIP},
		listing:     listedIn(func(inv *Inventory) *[]NetworkInterface { return &inv.NetworkInterfaces }, NetworkInterfaceFilter{}, describeNetworkInterface),
		find:        findsStored[NetworkInterface],
		remove:      (*Client).DeleteNetworkInterface,
		endpoint:    (*Client).interfaceEndpoint,
		route: &routeTarget{field: "network_interface_id", otherNetworkNoun: "interface",
			servedVPC: servedBy(func(n NetworkInterface) string { return n.VPCID }),
			beyond:    pastNetworkInterface,
			instance:  interfaceInstance}},
		objectKind{Kind: KindInstance, typeName: "instance", table: "instances", idColumn: "id", taggable: true,
			describeOp: "DescribeInstances", createOp: "RunInstances", deleteOp: "TerminateInstances",
			parentField: "vpc_id",
			uses:        []Kind{KindVPC, KindSubnet, KindSecurityGroup, KindNetworkInterface, KindElasticIP},
			listing:     listedIn(func(inv *Inventory) *[]Instance { return &inv.Instances }, InstanceFilter{}, describeInstance),
			find:        findsStored[Instance],
			remove:      (*Client).TerminateInstance,
			endpoint:    (*Client).instanceEndpoint},
		objectKind{Kind: KindElasticIPAssociation, typeName: "eip_association", table: "eip_associations", idColumn: "id",
			describeOp: "DescribeAddresses", createOp: "AssociateAddress", deleteOp: "DisassociateAddress",
			parentField: "allocation_id",
			uses:        []Kind{KindElasticIP, KindNetworkInterface},
			listing: listedIn(func(inv *Inventory) *[]AddressAssociation { return &inv.AddressAssociations }, AddressAssociationFilter{},
				func(a AddressAssociation) Object {
					return Object{ID: a.ID, Value: a, References: references("allocation_id", a.AllocationID, "network_interface_id", a.NetworkInterfaceID, "instance_id", a.InstanceID)}
				}),
			find:   findsStored[AddressAssociation],
			remove: (*Client).DisassociateAddress})
}

// found and foundByID adapt the engine's lookups to objectKind.find: with
// an argument name for errors, and without one.
func found[T any](find func(*Client, ReadTx, string, string) (T, error)) func(*Client, ReadTx, string) error {
	return func(c *Client, tx ReadTx, id string) error {
		_, err := find(c, tx, id, "id")
		return err
	}
}

func foundByID[T any](find func(*Client, ReadTx, string) (T, error)) func(*Client, ReadTx, string) error {
	return func(c *Client, tx ReadTx, id string) error {
		_, err := find(c, tx, id)
		return err
	}
}

// objectKindOf returns the kind of an ID by its prefix, among the kinds
// that pass keep; ok is false for any other string. A named kind's objects
// have no prefix, so no ID is of a named kind here: "main" could be a DB,
// ElastiCache or Redshift subnet group alike.
func objectKindOf(id string, keep func(objectKind) bool) (objectKind, bool) {
	// The longest registered prefix that starts the ID names its kind, so
	// that a prefix with dashes of its own (vpc-cidr-assoc, vpcbpa-exclude)
	// wins over a shorter one, even where the rest is malformed; kinds
	// named by the user or by ARN have no prefix.
	var found objectKind
	for _, k := range objectKinds {
		prefixed := !k.named && !k.namedByKey() && strings.HasPrefix(id, k.Prefix+"-") && len(k.Prefix) > len(found.Prefix)
		if (prefixed || k.namedByKey() && k.names(id)) && keep(k) {
			if !prefixed {
				return k, true
			}
			found = k
		}
	}
	return found, found.Prefix != ""
}

// IsObjectID reports whether id has the prefix of a kind a user names by
// ID, the prefixes with a dash of their own (vpcbpa-exclude-) included.
func IsObjectID(id string) bool {
	_, ok := objectKindOf(id, anyKind)
	return ok
}

// registered returns the registry's entry for a kind, named or not.
func registered(kind Kind) (objectKind, bool) {
	for _, k := range objectKinds {
		if k.Prefix == kind.Prefix {
			return k, true
		}
	}
	return objectKind{}, false
}

func anyKind(k objectKind) bool         { return !k.named }
func taggableKind(k objectKind) bool    { return k.taggable && !k.named }
func routeTargetKind(k objectKind) bool { return k.route != nil }

// routeTargetOf returns what routing makes of a route's target, by the
// prefix of its ID; ok is false for local and for an ID of no kind that
// routes can send traffic to.
func routeTargetOf(target string) (*routeTarget, bool) {
	k, ok := objectKindOf(target, routeTargetKind)
	return k.route, ok
}

// ObjectPrefixes are the ID prefixes of every kind of object a user can name
// by ID; named kinds have none.
func ObjectPrefixes() []string {
	var prefixes []string
	for _, k := range objectKinds {
		if !k.named && !k.namedByKey() {
			prefixes = append(prefixes, k.Prefix)
		}
	}
	return prefixes
}

// IDPrefixOfType returns the prefix of the IDs of the objects that a
// Terraform resource type (its name without simcloud_) makes; ok is false
// for a type whose objects have no prefixed ID, or that the registry does
// not hold. The do-nothing floor provider makes up IDs of the right shape
// with it, so that simcloud's own schemas accept them.
func IDPrefixOfType(typeName string) (string, bool) {
	for _, k := range objectKinds {
		if k.typeName == typeName && !k.named && !k.namedByKey() {
			return k.Prefix, true
		}
	}
	return "", false
}

// RegisteredPrefixes are the registry's keys of every kind it holds,
// those named by ARN included (whose keys appear in no name).
func RegisteredPrefixes() []string {
	prefixes := make([]string, len(objectKinds))
	for i, k := range objectKinds {
		prefixes[i] = k.Prefix
	}
	return prefixes
}

// NamedKinds are the kinds whose objects users name (see Kind.named), whose
// IDs are names: simcloud show, delete and tag, which find a kind by an
// ID's prefix, do not reach them; their resources and the engine do.
func NamedKinds() []Kind {
	var kinds []Kind
	for _, k := range objectKinds {
		if k.named {
			kinds = append(kinds, k.Kind)
		}
	}
	return kinds
}

// DeletionOrder lists the type names of the kinds in an order in which
// their objects can be deleted: each before the kinds it uses. Of the kinds
// that nothing left uses, the one that uses the most goes first, as it
// frees the most, then the registry's order.
func DeletionOrder() []string {
	left := slices.Clone(objectKinds)
	var order []string
	for len(left) > 0 {
		next := -1
		for i, k := range left {
			used := slices.ContainsFunc(left, func(other objectKind) bool { return slices.Contains(other.uses, k.Kind) })
			if !used && (next < 0 || len(k.uses) > len(left[next].uses)) {
				next = i
			}
		}
		order = append(order, left[next].typeName)
		left = slices.Delete(left, next, next+1)
	}
	return order
}

// KindNaming is how AWS and the provider name a kind of object, for the
// front ends that name its operations and types.
type KindNaming struct {
	// TypeName is the kind's Terraform type name without the provider's
	// prefix: "egress_only_internet_gateway".
	TypeName string
	// Label is how people call the kind: "egress-only internet gateway".
	Label string
	// CreateOp, DescribeOp and DeleteOp are AWS's operations on the kind.
	CreateOp, DescribeOp, DeleteOp string
	Taggable                       bool
}

// Naming returns the registry's names for a kind; ok is false for a kind
// with no entry (one a user does not name by ID alone).
func Naming(kind Kind) (KindNaming, bool) {
	k, ok := registered(kind)
	if !ok {
		return KindNaming{}, false
	}
	return KindNaming{TypeName: k.typeName, Label: k.label, CreateOp: k.createOp, DescribeOp: k.describeOp,
		DeleteOp: k.deleteOp, Taggable: k.taggable}, true
}

// StoredTable is a table of the store that holds objects of one kind.
type StoredTable struct{ Name, IDColumn string }

// TaggableTables are the tables of the kinds that carry tags, whose objects
// the store's tags belong to.
func TaggableTables() []StoredTable {
	var tables []StoredTable
	for _, k := range objectKinds {
		if k.taggable {
			tables = append(tables, StoredTable{Name: k.table, IDColumn: k.idColumn})
		}
	}
	return tables
}

// TaggedTables are the tables whose rows carry tags: the taggable kinds',
// and the security group rules', which a rule resource tags as AWS's
// CreateTags does, though they are read with their group and so are no kind
// of the registry.
func TaggedTables() []StoredTable {
	return append(TaggableTables(), StoredTable{Name: "security_group_rules", IDColumn: "id"})
}

// ObjectKindsSentence names the kinds that a user can name by ID, for
// messages: "a VPC, subnet, ... or elastic IP address".
func ObjectKindsSentence() string {
	return kindsSentence(anyKind, false)
}

// kindsSentence lists the kinds that pass keep, with their ID prefixes if
// withPrefixes.
func kindsSentence(keep func(objectKind) bool, withPrefixes bool) string {
	var names []string
	for _, k := range objectKinds {
		if !keep(k) {
			continue
		}
		name := k.label
		if withPrefixes && !k.namedByKey() {
			name += " (" + k.Prefix + "-)"
		}
		names = append(names, name)
	}
	names[0] = withArticle(names[0])
	return joinOr(names)
}

// withArticle puts "a" or "an" before a noun, by its first letter, which is
// enough for the kinds' labels.
func withArticle(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// joinOr lists items as a sentence does: "x, y or z".
func joinOr(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// invalidObjectID is AWS's error for a string that is the ID of none of
// the kinds that pass keep.
func invalidObjectID(id string, keep func(objectKind) bool) *Error {
	return &Error{
		Code:    "InvalidID",
		Message: fmt.Sprintf("The ID '%s' is not valid", printable(id)),
		Fix:     "Give the ID of " + kindsSentence(keep, true) + "; simcloud ls lists them.",
		Objects: []string{printable(id)},
	}
}

// DeleteObject deletes the object with the given ID, whatever its kind, as
// the AWS call that deletes that kind does: an elastic IP is released, a
// route table association disassociated.
func (c *Client) DeleteObject(ctx context.Context, id string) error {
	k, ok := objectKindOf(id, anyKind)
	if !ok {
		return invalidObjectID(id, anyKind)
	}
	return k.remove(c, ctx, id)
}

// CheckObject reports whether an object with the given ID exists in the
// client's scope: nil if it does, else AWS's error for the ID (malformed,
// not found, or of no kind at all).
func (c *Client) CheckObject(ctx context.Context, id string) error {
	k, ok := objectKindOf(id, anyKind)
	if !ok {
		return invalidObjectID(id, anyKind)
	}
	return c.read(ctx, k.describeOp, map[string]string{"id": id}, func(tx ReadTx) error {
		return k.find(c, tx, id)
	})
}
