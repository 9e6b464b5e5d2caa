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

// ec2Kind is a kind of EC2 object, which AWS refuses when unknown with the
// code idCode+".NotFound" and when malformed with idCode+".Malformed".
func ec2Kind(prefix, awsNoun, label, arnType, idCode string) Kind {
	return Kind{Prefix: prefix, awsNoun: awsNoun, label: label, arnType: arnType,
		notFoundCode: idCode + ".NotFound", malformedCode: idCode + ".Malformed"}
}

// refusedWith gives the kind the error codes AWS uses for it where they
// do not follow ec2Kind's pattern.
func (k Kind) refusedWith(notFoundCode, malformedCode string) Kind {
	k.notFoundCode, k.malformedCode = notFoundCode, malformedCode
	return k
}

// missingWith gives the kind AWS's own words for an unknown object (see
// Kind.notFoundMessage).
func (k Kind) missingWith(message, fix string) Kind {
	k.notFoundMessage, k.notFoundFix = message, fix
	return k
}

// The kinds of object the cloud holds.
var (
	KindVPC                   = ec2Kind("vpc", "vpc", "VPC", "vpc", "InvalidVpcID")
	KindRouteTable            = ec2Kind("rtb", "routeTable", "route table", "route-table", "InvalidRouteTableID")
	KindRouteTableAssociation = ec2Kind("rtbassoc", "association", "route table association", "", "InvalidAssociationID")
	KindVPCCIDRAssociation    = ec2Kind("vpc-cidr-assoc", "association", "VPC CIDR block association", "", "InvalidVpcCidrBlockAssociationID")
	KindSubnet                = ec2Kind("subnet", "subnet", "subnet", "subnet", "InvalidSubnetID")
	KindSubnetCIDRAssociation = ec2Kind("subnet-cidr-assoc", "association", "subnet CIDR block association", "", "InvalidSubnetCidrBlockAssociationID")
	KindInternetGateway       = ec2Kind("igw", "internetGateway", "internet gateway", "internet-gateway", "InvalidInternetGatewayID")
	KindElasticIP             = ec2Kind("eipalloc", "allocation", "elastic IP address", "elastic-ip", "InvalidAllocationID").
					missingWith("Allocation ID '%s' not found.", "Check the ID, or allocate the address (simcloud_eip) first.")
	KindElasticIPAssociation = ec2Kind("eipassoc", "association", "elastic IP association", "", "InvalidAssociationID")
	KindNATGateway           = ec2Kind("nat", "natGateway", "NAT gateway", "", "").
					refusedWith("NatGatewayNotFound", "InvalidNatGatewayID.Malformed").
					missingWith("NAT gateway %s was not found", "Check the ID, or create the NAT gateway first.")
	KindNetworkInterface = ec2Kind("eni", "networkInterface", "network interface", "network-interface", "InvalidNetworkInterfaceID")
	KindInstance         = ec2Kind("i", "instance", "instance", "instance", "InvalidInstanceID")
	KindSecurityGroup    = ec2Kind("sg", "securityGroup", "security group", "security-group", "").
				refusedWith("InvalidGroup.NotFound", "InvalidGroupId.Malformed")
	KindSecurityGroupRule = ec2Kind("sgr", "securityGroupRule", "security group rule", "security-group-rule", "InvalidSecurityGroupRuleId").
				missingWith("The security group rule ID '%s' does not exist",
			"Check the ID: simcloud show <group ID> lists a group's rules with their security_group_rule_id.")
	KindNetworkACL            = ec2Kind("acl", "networkAcl", "network ACL", "network-acl", "InvalidNetworkAclID")
	KindNetworkACLAssociation = ec2Kind("aclassoc", "association", "network ACL association", "", "InvalidAssociationID")
	KindVPNGateway            = ec2Kind("vgw", "vpnGateway", "virtual private gateway", "vpn-gateway", "InvalidVpnGatewayID")
	KindCustomerGateway       = ec2Kind("cgw", "customerGateway", "customer gateway", "customer-gateway", "InvalidCustomerGatewayID")
	KindDHCPOptions           = ec2Kind("dopt", "dhcpOption", "DHCP options set", "dhcp-options", "").
					refusedWith("InvalidDhcpOptionID.NotFound", "InvalidDhcpOptionsId.Malformed")
	// AWS reports unknown egress-only gateways with the generic gateway code.
	KindEgressOnlyInternetGateway = ec2Kind("eigw", "gateway", "egress-only internet gateway", "", "").
					refusedWith("InvalidGatewayID.NotFound", "InvalidEgressOnlyInternetGatewayId.Malformed")
)

// KindNetworkInterfaceAttachment is the attachment of an interface to an
// instance; its IDs (eni-attach-...) start with the interface's prefix.
var KindNetworkInterfaceAttachment = Kind{Prefix: "eni-attach", awsNoun: "attachment", label: "network interface attachment",
	notFoundCode: "InvalidAttachmentID.NotFound", malformedCode: "InvalidAttachmentID.Malformed"}

// KindBlockPublicAccessExclusion is an exemption of a VPC or subnet from
// VPC Block Public Access. Its prefix has a dash, as AWS's IDs
// (vpcbpa-exclude-0123...) do.
var KindBlockPublicAccessExclusion = ec2Kind("vpcbpa-exclude", "exclusion", "block public access exclusion",
	"vpc-block-public-access-exclusion", "InvalidVpcBlockPublicAccessExclusionId")

// subnetGroupKind is the kind of the subnet groups of a service built on VPC
// subnets: users name them, and AWS reports one missing with the service's
// own fault, and a malformed name as an invalid parameter value.
func subnetGroupKind(prefix, awsNoun, label string) Kind {
	return Kind{Prefix: prefix, awsNoun: awsNoun, label: label, named: true,
		notFoundCode: awsNoun + "NotFoundFault", malformedCode: "InvalidParameterValue"}
}

// The subnet groups of the services built on VPC subnets.
var (
	KindDBSubnetGroup = subnetGroupKind("dbsubnetgroup", "DBSubnetGroup", "DB subnet group").
				missingWith("DBSubnetGroup '%s' not found.", "Check the name, or create the DB subnet group (simcloud_db_subnet_group) first.")
	KindCacheSubnetGroup = subnetGroupKind("cachesubnetgroup", "CacheSubnetGroup", "ElastiCache subnet group").
				missingWith("Cache subnet group %s not found.", "Check the name, or create the subnet group (simcloud_elasticache_subnet_group) first.")
	KindClusterSubnetGroup = subnetGroupKind("clustersubnetgroup", "ClusterSubnetGroup", "Redshift subnet group").
				missingWith("ClusterSubnetGroup %s not found.", "Check the name, or create the subnet group (simcloud_redshift_subnet_group) first.")
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
