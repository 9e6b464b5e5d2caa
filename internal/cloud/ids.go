package cloud

import (
	"crypto/rand"
	"encoding/hex"
	"hash/crc32"
	"strings"
)

// Kind describes one type of object: how its IDs look and how AWS names it in
// error messages.
type Kind struct {
	// Prefix starts every ID of this kind, before the dash.
	Prefix string
	// awsNoun is the word AWS uses in messages ("vpc", "routeTable").
	awsNoun string
	// notFoundCode and malformedCode are the error codes for an unknown ID
	// and for a string that is no ID of this kind.
	notFoundCode  string
	malformedCode string
	// notFoundMessage and notFoundFix, when set, replace the usual words of
	// the not-found error where AWS words it otherwise for the kind; %s is
	// the ID.
	notFoundMessage, notFoundFix string
	// label is how we name the kind in sentences for people.
	label string
	// arnType is the resource type in the object's ARN, empty when AWS gives
	// the kind no ARN.
	arnType string
	// named says that users name the objects of the kind, as the services
	// built on VPC subnets name their subnet groups: the name is the ID, has
	// no prefix, and is unique per account, region and kind. Prefix is then
	// only the kind's key in the registry and the store, never part of an
	// ID, so no ID is matched against it.
	named bool
	// keyedBy, for a kind whose objects AWS names by ARN or name rather
	// than by a prefixed ID (IAM's, CloudWatch Logs'), is the shape of the
	// store's key of one of its objects; Prefix is then only the
	// registry's key for the kind and never appears in a name.
	keyedBy keyShape
}

// keyShape is the shape of the key of an object that has no prefixed ID:
// an ARN of the service whose resource part starts with resource, or, for
// what belongs to such an object (a role's attached and inline policies),
// that ARN, a | and the part's own name or ARN.
type keyShape struct {
	service, resource string
	// part is "" for the object itself, "arn" or "name" for a part.
	part string
}

// namedByKey says that the kind's objects are named by ARN, as
// Kind.keyedBy says, rather than by a prefixed ID.
func (k Kind) namedByKey() bool { return k.keyedBy.service != "" }

// names reports whether key has the shape of the key of an object of the
// kind.
func (k Kind) names(key string) bool {
	owner, part, isPart := strings.Cut(key, "|")
	if isPart != (k.keyedBy.part != "") {
		return false
	}
	switch k.keyedBy.part {
	case "arn":
		if _, ok := parseARN(part); !ok {
			return false
		}
	case "name":
		if part == "" || strings.Contains(part, ":") {
			return false
		}
	}
	a, ok := parseARN(owner)
	return ok && a.service == k.keyedBy.service && strings.HasPrefix(a.resource, k.keyedBy.resource) && len(a.resource) > len(k.keyedBy.resource)
}

// arn is an ARN taken apart.
type arn struct{ partition, service, region, account, resource string }

func parseARN(s string) (arn, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] == "" || parts[5] == "" {
		return arn{}, false
	}
	return arn{partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5]}, true
}

// The kinds of object the cloud holds.
var (
	KindVPC = Kind{
		Prefix: "vpc", awsNoun: "vpc", label: "VPC", arnType: "vpc",
		notFoundCode: "InvalidVpcID.NotFound", malformedCode: "InvalidVpcID.Malformed",
	}
	KindRouteTable = Kind{
		Prefix: "rtb", awsNoun: "routeTable", label: "route table", arnType: "route-table",
		notFoundCode: "InvalidRouteTableID.NotFound", malformedCode: "InvalidRouteTableID.Malformed",
	}
	KindRouteTableAssociation = Kind{
		Prefix: "rtbassoc", awsNoun: "association", label: "route table association",
		notFoundCode: "InvalidAssociationID.NotFound", malformedCode: "InvalidAssociationID.Malformed",
	}
	KindVPCCIDRAssociation = Kind{
		Prefix: "vpc-cidr-assoc", awsNoun: "association", label: "VPC CIDR block association",
		notFoundCode: "InvalidVpcCidrBlockAssociationID.NotFound", malformedCode: "InvalidVpcCidrBlockAssociationID.Malformed",
	}
	KindSubnet = Kind{
		Prefix: "subnet", awsNoun: "subnet", label: "subnet", arnType: "subnet",
		notFoundCode: "InvalidSubnetID.NotFound", malformedCode: "InvalidSubnetID.Malformed",
	}
	KindSubnetCIDRAssociation = Kind{
		Prefix: "subnet-cidr-assoc", awsNoun: "association", label: "subnet CIDR block association",
		notFoundCode: "InvalidSubnetCidrBlockAssociationID.NotFound", malformedCode: "InvalidSubnetCidrBlockAssociationID.Malformed",
	}
	KindInternetGateway = Kind{
		Prefix: "igw", awsNoun: "internetGateway", label: "internet gateway", arnType: "internet-gateway",
		notFoundCode: "InvalidInternetGatewayID.NotFound", malformedCode: "InvalidInternetGatewayID.Malformed",
	}
	KindElasticIP = Kind{
		Prefix: "eipalloc", awsNoun: "allocation", label: "elastic IP address", arnType: "elastic-ip",
		notFoundCode: "InvalidAllocationID.NotFound", malformedCode: "InvalidAllocationID.Malformed",
		notFoundMessage: "Allocation ID '%s' not found.", notFoundFix: "Check the ID, or allocate the address (simcloud_eip) first.",
	}
	KindElasticIPAssociation = Kind{
		Prefix: "eipassoc", awsNoun: "association", label: "elastic IP association",
		notFoundCode: "InvalidAssociationID.NotFound", malformedCode: "InvalidAssociationID.Malformed",
	}
	KindNATGateway = Kind{
		Prefix: "nat", awsNoun: "natGateway", label: "NAT gateway",
		notFoundCode: "NatGatewayNotFound", malformedCode: "InvalidNatGatewayID.Malformed",
		notFoundMessage: "NAT gateway %s was not found", notFoundFix: "Check the ID, or create the NAT gateway first.",
	}
	KindNetworkInterface = Kind{
		Prefix: "eni", awsNoun: "networkInterface", label: "network interface",
		notFoundCode: "InvalidNetworkInterfaceID.NotFound", malformedCode: "InvalidNetworkInterfaceID.Malformed",
	}
	KindSecurityGroup = Kind{
		Prefix: "sg", awsNoun: "securityGroup", label: "security group", arnType: "security-group",
		notFoundCode: "InvalidGroup.NotFound", malformedCode: "InvalidGroupId.Malformed",
	}
	KindSecurityGroupRule = Kind{
		Prefix: "sgr", awsNoun: "securityGroupRule", label: "security group rule", arnType: "security-group-rule",
		notFoundCode: "InvalidSecurityGroupRuleId.NotFound", malformedCode: "InvalidSecurityGroupRuleId.Malformed",
		notFoundMessage: "The security group rule ID '%s' does not exist",
		notFoundFix:     "Check the ID: simcloud show <group ID> lists a group's rules with their security_group_rule_id.",
	}
	KindNetworkACL = Kind{
		Prefix: "acl", awsNoun: "networkAcl", label: "network ACL", arnType: "network-acl",
		notFoundCode: "InvalidNetworkAclID.NotFound", malformedCode: "InvalidNetworkAclID.Malformed",
	}
	KindNetworkACLAssociation = Kind{
		Prefix: "aclassoc", awsNoun: "association", label: "network ACL association",
		notFoundCode: "InvalidAssociationID.NotFound", malformedCode: "InvalidAssociationID.Malformed",
	}
	KindVPNGateway = Kind{
		Prefix: "vgw", awsNoun: "vpnGateway", label: "virtual private gateway", arnType: "vpn-gateway",
		notFoundCode: "InvalidVpnGatewayID.NotFound", malformedCode: "InvalidVpnGatewayID.Malformed",
	}
	KindCustomerGateway = Kind{
		Prefix: "cgw", awsNoun: "customerGateway", label: "customer gateway", arnType: "customer-gateway",
		notFoundCode: "InvalidCustomerGatewayID.NotFound", malformedCode: "InvalidCustomerGatewayID.Malformed",
	}
	KindDHCPOptions = Kind{
		Prefix: "dopt", awsNoun: "dhcpOption", label: "DHCP options set", arnType: "dhcp-options",
		notFoundCode: "InvalidDhcpOptionID.NotFound", malformedCode: "InvalidDhcpOptionsId.Malformed",
	}
	// AWS reports unknown egress-only gateways with the generic gateway code.
	KindEgressOnlyInternetGateway = Kind{
		Prefix: "eigw", awsNoun: "gateway", label: "egress-only internet gateway",
		notFoundCode: "InvalidGatewayID.NotFound", malformedCode: "InvalidEgressOnlyInternetGatewayId.Malformed",
	}
)

// KindBlockPublicAccessExclusion is an exemption of a VPC or subnet from
// VPC Block Public Access. Its prefix has a dash, as AWS's IDs
// (vpcbpa-exclude-0123...) do.
var KindBlockPublicAccessExclusion = Kind{
	Prefix: "vpcbpa-exclude", awsNoun: "exclusion", label: "block public access exclusion", arnType: "vpc-block-public-access-exclusion",
	notFoundCode: "InvalidVpcBlockPublicAccessExclusionId.NotFound", malformedCode: "InvalidVpcBlockPublicAccessExclusionId.Malformed",
}

// The subnet groups of the services built on VPC subnets. AWS reports them
// missing with each service's own fault, and a malformed name as an invalid
// parameter value.
var (
	KindDBSubnetGroup = Kind{
		Prefix: "dbsubnetgroup", awsNoun: "DBSubnetGroup", label: "DB subnet group", named: true,
		notFoundCode: "DBSubnetGroupNotFoundFault", malformedCode: "InvalidParameterValue",
		notFoundMessage: "DBSubnetGroup '%s' not found.", notFoundFix: "Check the name, or create the DB subnet group (simcloud_db_subnet_group) first.",
	}
	KindCacheSubnetGroup = Kind{
		Prefix: "cachesubnetgroup", awsNoun: "CacheSubnetGroup", label: "ElastiCache subnet group", named: true,
		notFoundCode: "CacheSubnetGroupNotFoundFault", malformedCode: "InvalidParameterValue",
		notFoundMessage: "Cache subnet group %s not found.", notFoundFix: "Check the name, or create the subnet group (simcloud_elasticache_subnet_group) first.",
	}
	KindClusterSubnetGroup = Kind{
		Prefix: "clustersubnetgroup", awsNoun: "ClusterSubnetGroup", label: "Redshift subnet group", named: true,
		notFoundCode: "ClusterSubnetGroupNotFoundFault", malformedCode: "InvalidParameterValue",
		notFoundMessage: "ClusterSubnetGroup %s not found.", notFoundFix: "Check the name, or create the subnet group (simcloud_redshift_subnet_group) first.",
	}
)

// idHexDigits is the length of the hexadecimal part of every ID, as in AWS's
// long ID format.
const idHexDigits = 17

// newID returns a fresh random ID of the given kind.
func newID(kind Kind) string {
	var b [9]byte // 18 hex digits; one is dropped to make 17.
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand never fails on supported platforms; if it does,
		// continuing would hand out colliding IDs.
		panic("cloud: no randomness for IDs: " + err.Error())
	}
	return kind.Prefix + "-" + hex.EncodeToString(b[:])[:idHexDigits]
}

// IDPrefix is the part of an ID before its hexadecimal digits, which names
// the kind of object ("subnet" of "subnet-0a1b...", "vpc-cidr-assoc" of
// "vpc-cidr-assoc-0a1b..."); for a string that is no ID, the part before
// its first dash, or "" when there is none.
func IDPrefix(id string) string {
	if i := strings.LastIndexByte(id, '-'); i >= 0 && isHexPart(id[i+1:]) {
		return id[:i]
	}
	prefix, _, found := strings.Cut(id, "-")
	if !found {
		return ""
	}
	return prefix
}

// ValidateID checks that id has the shape of an ID of the given kind, and
// names field in the error when it does not.
func ValidateID(kind Kind, id, field string) error {
	if kind.namedByKey() {
		if !kind.names(id) {
			return malformedID(kind, id, field)
		}
		return nil
	}
	hexPart, ok := strings.CutPrefix(id, kind.Prefix+"-")
	if !ok || !isHexPart(hexPart) {
		return malformedID(kind, id, field)
	}
	return nil
}

// isHexPart reports whether s is the hexadecimal part of an ID. AWS still
// answers to the legacy 8-digit IDs, so both lengths are accepted.
func isHexPart(s string) bool {
	return (len(s) == idHexDigits || len(s) == 8) && isLowerHex(s)
}

func isLowerHex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// crc32String is the non-negative CRC-32 (IEEE) of s, as the AWS provider
// hashes route destinations into route IDs.
func crc32String(s string) uint32 {
	return crc32.ChecksumIEEE([]byte(s))
}

// Label is how people call the kind: "transit gateway".
func (k Kind) Label() string { return k.label }
