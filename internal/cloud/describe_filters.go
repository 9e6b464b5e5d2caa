package cloud

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// NamedFilter is one filter of an AWS Describe call: an object passes when
// one of its values for Name matches one of Values. Values may hold AWS's
// wildcards, * for any run of characters and ? for any one.
type NamedFilter struct {
	Name   string
	Values []string
}

// filterSet is what a Describe operation can filter its objects of type T
// on, so that every kind answers AWS's filter names the same way: unknown
// names refused, values OR-ed within a filter, filters AND-ed.
type filterSet[T any] struct {
	// op is the Describe operation, as refusals name it.
	op string
	// fields gives an object's values for each filter name.
	fields map[string]func(T) []string
	// tags gives an object's tags for tag:<key> and tag-key; nil for a
	// kind without tags.
	tags func(T) map[string]string
}

// Filterable is a kind whose objects AWS's named filters select.
type Filterable[T any] interface {
	Row
	describeFilters() filterSet[T]
}

// Filtered returns the objects that match every one of filters, in their
// order, as the kind's Describe operation with Filters does.
func Filtered[T Filterable[T]](objects []T, filters []NamedFilter) ([]T, error) {
	var zero T
	return zero.describeFilters().keep(objects, filters)
}

// CheckFilterName refuses a filter name that the Describe operation of the
// kind T does not take, or that the simulated cloud cannot answer.
func CheckFilterName[T Filterable[T]](name string) error {
	var zero T
	return zero.describeFilters().checkName(name)
}

func (fs filterSet[T]) checkName(name string) error {
	if _, ok := fs.fields[name]; ok {
		return nil
	}
	if fs.tags != nil && (name == "tag-key" || strings.HasPrefix(name, "tag:") && len(name) > len("tag:")) {
		return nil
	}
	names := slices.Sorted(maps.Keys(fs.fields))
	if fs.tags != nil {
		names = append(names, "tag-key", "tag:<key>")
	}
	return &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("The filter '%s' is invalid", printable(name)),
		Fix:     fmt.Sprintf("Use a filter of %s that the simulated cloud answers: %s.", fs.op, strings.Join(names, ", ")),
		Field:   "filter",
	}
}

func (fs filterSet[T]) keep(objects []T, filters []NamedFilter) ([]T, error) {
	for _, f := range filters {
		if err := fs.checkName(f.Name); err != nil {
			return nil, err
		}
	}
	return slices.DeleteFunc(slices.Clone(objects), func(o T) bool {
		for _, f := range filters {
			if !anyMatches(f.Values, fs.values(o, f.Name)) {
				return true
			}
		}
		return false
	}), nil
}

// values are an object's values for a filter name that checkName accepts.
func (fs filterSet[T]) values(o T, name string) []string {
	if field, ok := fs.fields[name]; ok {
		return field(o)
	}
	tags := fs.tags(o)
	if name == "tag-key" {
		return slices.Collect(maps.Keys(tags))
	}
	if v, ok := tags[strings.TrimPrefix(name, "tag:")]; ok {
		return []string{v}
	}
	return nil
}

func anyMatches(patterns, values []string) bool {
	for _, p := range patterns {
		for _, v := range values {
			if wildcardMatch(p, v) {
				return true
			}
		}
	}
	return false
}

// wildcardMatch matches value against an AWS filter value, where * stands
// for any run of characters and ? for any one. path.Match will not do: its
// * stops at the slash of every CIDR block.
func wildcardMatch(pattern, value string) bool {
	p, v := []rune(pattern), []rune(value)
	// star is where the last * stood, mark the character of value it
	// stands for up to; a mismatch after it lets it take one more.
	i, j, star, mark := 0, 0, -1, 0
	for j < len(v) {
		switch {
		case i < len(p) && p[i] == '*':
			star, mark = i, j
			i++
		case i < len(p) && (p[i] == '?' || p[i] == v[j]):
			i++
			j++
		case star >= 0:
			mark++
			i, j = star+1, mark
		default:
			return false
		}
	}
	for i < len(p) && p[i] == '*' {
		i++
	}
	return i == len(p)
}

// Helpers that keep the filter tables one line a filter.

// one is a value the object may lack: "" is no value, which no filter
// value, not even *, matches (a VPC without an IPv6 block has no IPv6
// block to match).
func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func boolValue(b bool) []string { return []string{strconv.FormatBool(b)} }

// always answers a filter whose value the simulated cloud fixes.
func always[T any](values ...string) func(T) []string {
	return func(T) []string { return values }
}

// each answers filters on the parts of an object (a table's routes):
// each(parts)(value) has one value a part.
func each[T, P any](parts func(T) []P) func(value func(P) string) func(T) []string {
	return func(value func(P) string) func(T) []string {
		return func(o T) []string {
			var values []string
			for _, p := range parts(o) {
				values = append(values, one(value(p))...)
			}
			return values
		}
	}
}

func (VPC) describeFilters() filterSet[VPC] { return vpcFilters }

var vpcFilters = filterSet[VPC]{
	op: "DescribeVpcs",
	fields: map[string]func(VPC) []string{
		"vpc-id":                            func(v VPC) []string { return one(v.ID) },
		"cidr":                              func(v VPC) []string { return one(v.CIDRBlock) },
		"cidr-block-association.cidr-block": func(v VPC) []string { return one(v.CIDRBlock) },
		"cidr-block-association.state":      always[VPC]("associated"),
		"ipv6-cidr-block-association.ipv6-cidr-block": func(v VPC) []string { return one(v.IPv6CIDRBlock) },
		"ipv6-cidr-block-association.association-id":  func(v VPC) []string { return one(v.IPv6AssociationID) },
		"ipv6-cidr-block-association.state": func(v VPC) []string {
			if v.IPv6CIDRBlock == "" {
				return nil
			}
			return []string{"associated"}
		},
		"instance-tenancy": func(v VPC) []string { return one(v.InstanceTenancy) },
		"is-default":       func(v VPC) []string { return boolValue(v.IsDefault) },
		"owner-id":         func(v VPC) []string { return one(v.OwnerID) },
		"state":            always[VPC]("available"),
		"dhcp-options-id":  func(v VPC) []string { return one(DHCPOptionsOf(v)) },
	},
	tags: func(v VPC) map[string]string { return v.Tags },
}

func (Subnet) describeFilters() filterSet[Subnet] { return subnetFilters }

var subnetFilters = func() filterSet[Subnet] {
	zone := func(s Subnet) []string { return one(s.AvailabilityZone) }
	zoneID := func(s Subnet) []string { return one(s.AvailabilityZoneID()) }
	cidr := func(s Subnet) []string { return one(s.CIDRBlock) }
	defaultForAZ := func(s Subnet) []string { return boolValue(s.DefaultForAZ) }
	return filterSet[Subnet]{
		op: "DescribeSubnets",
		fields: map[string]func(Subnet) []string{
			"subnet-id":         func(s Subnet) []string { return one(s.ID) },
			"subnet-arn":        func(s Subnet) []string { return one(s.ARN()) },
			"vpc-id":            func(s Subnet) []string { return one(s.VPCID) },
			"availability-zone": zone, "availabilityZone": zone,
			"availability-zone-id": zoneID, "availabilityZoneId": zoneID,
			"cidr-block": cidr, "cidr": cidr, "cidrBlock": cidr,
			"default-for-az": defaultForAZ, "defaultForAz": defaultForAZ,
			"ipv6-cidr-block-association.ipv6-cidr-block": func(s Subnet) []string { return one(s.IPv6CIDRBlock) },
			"ipv6-cidr-block-association.association-id":  func(s Subnet) []string { return one(s.IPv6CIDRBlockAssociationID) },
			"ipv6-native":                     always[Subnet]("false"),
			"map-public-ip-on-launch":         func(s Subnet) []string { return boolValue(s.MapPublicIPOnLaunch) },
			"assign-ipv6-address-on-creation": func(s Subnet) []string { return boolValue(s.AssignIPv6AddressOnCreation) },
			"owner-id":                        func(s Subnet) []string { return one(s.OwnerID) },
			"state":                           always[Subnet]("available"),
		},
		tags: func(s Subnet) map[string]string { return s.Tags },
	}
}()

func (RouteTable) describeFilters() filterSet[RouteTable] { return routeTableFilters }

// routeTableFilters read routes and associations: the tables filtered must
// have been read with them.
var routeTableFilters = func() filterSet[RouteTable] {
	associations := each(func(t RouteTable) []Association { return t.Associations })
	routes := each(func(t RouteTable) []Route { return t.Routes })
	destination := func(ipv6 bool) func(Route) string {
		return func(r Route) string {
			if strings.Contains(r.Destination, ":") != ipv6 {
				return ""
			}
			return r.Destination
		}
	}
	target := func(kind Kind) func(Route) string {
		return func(r Route) string {
			if IDPrefix(r.Target) != kind.Prefix {
				return ""
			}
			return r.Target
		}
	}
	return filterSet[RouteTable]{
		op: "DescribeRouteTables",
		fields: map[string]func(RouteTable) []string{
			"route-table-id":                         func(t RouteTable) []string { return one(t.ID) },
			"vpc-id":                                 func(t RouteTable) []string { return one(t.VPCID) },
			"owner-id":                               func(t RouteTable) []string { return one(t.OwnerID) },
			"association.route-table-association-id": associations(func(a Association) string { return a.ID }),
			"association.route-table-id":             associations(func(a Association) string { return a.RouteTableID }),
			"association.subnet-id":                  associations(func(a Association) string { return a.SubnetID }),
			"association.main":                       func(t RouteTable) []string { return boolValue(t.Main) },
			"route.destination-cidr-block":           routes(destination(false)),
			"route.destination-ipv6-cidr-block":      routes(destination(true)),
			"route.gateway-id": routes(func(r Route) string {
				if r.Target == TargetLocal {
					return r.Target
				}
				return target(KindInternetGateway)(r)
			}),
			"route.egress-only-internet-gateway-id": routes(target(KindEgressOnlyInternetGateway)),
			"route.nat-gateway-id":                  routes(target(KindNATGateway)),
			"route.origin":                          routes(func(r Route) string { return r.Origin }),
			"route.state":                           routes(func(r Route) string { return r.State }),
		},
		tags: func(t RouteTable) map[string]string { return t.Tags },
	}
}()

func (SecurityGroup) describeFilters() filterSet[SecurityGroup] { return securityGroupFilters }

// securityGroupFilters are the filters of DescribeSecurityGroups that the
// simulated cloud answers.
var securityGroupFilters = filterSet[SecurityGroup]{
	op: "DescribeSecurityGroups",
	fields: map[string]func(SecurityGroup) []string{
		"group-id":    func(g SecurityGroup) []string { return one(g.ID) },
		"group-name":  func(g SecurityGroup) []string { return one(g.GroupName) },
		"vpc-id":      func(g SecurityGroup) []string { return one(g.VPCID) },
		"description": func(g SecurityGroup) []string { return one(g.Description) },
		"owner-id":    func(g SecurityGroup) []string { return one(g.OwnerID) },
	},
	tags: func(g SecurityGroup) map[string]string { return g.Tags },
}

func (NetworkACL) describeFilters() filterSet[NetworkACL] { return networkACLFilters }

var networkACLFilters = func() filterSet[NetworkACL] {
	associations := each(func(a NetworkACL) []NetworkACLAssociation { return a.Associations })
	entries := each(func(a NetworkACL) []NetworkACLEntry { return a.Entries })
	return filterSet[NetworkACL]{
		op: "DescribeNetworkAcls",
		fields: map[string]func(NetworkACL) []string{
			"network-acl-id":             func(a NetworkACL) []string { return one(a.ID) },
			"vpc-id":                     func(a NetworkACL) []string { return one(a.VPCID) },
			"owner-id":                   func(a NetworkACL) []string { return one(a.OwnerID) },
			"default":                    func(a NetworkACL) []string { return boolValue(a.Default) },
			"association.association-id": associations(func(x NetworkACLAssociation) string { return x.ID }),
			"association.network-acl-id": associations(func(x NetworkACLAssociation) string { return x.NetworkACLID }),
			"association.subnet-id":      associations(func(x NetworkACLAssociation) string { return x.SubnetID }),
			"entry.cidr":                 entries(func(e NetworkACLEntry) string { return e.CIDRBlock }),
			"entry.ipv6-cidr":            entries(func(e NetworkACLEntry) string { return e.IPv6CIDRBlock }),
			"entry.egress":               entries(func(e NetworkACLEntry) string { return strconv.FormatBool(e.Egress) }),
			"entry.protocol":             entries(func(e NetworkACLEntry) string { return e.Protocol }),
			"entry.rule-action":          entries(func(e NetworkACLEntry) string { return e.RuleAction }),
			"entry.rule-number":          entries(func(e NetworkACLEntry) string { return strconv.Itoa(e.RuleNumber) }),
		},
		tags: func(a NetworkACL) map[string]string { return a.Tags },
	}
}()

func (InternetGateway) describeFilters() filterSet[InternetGateway] { return internetGatewayFilters }

var internetGatewayFilters = filterSet[InternetGateway]{
	op: "DescribeInternetGateways",
	fields: map[string]func(InternetGateway) []string{
		"internet-gateway-id": func(g InternetGateway) []string { return one(g.ID) },
		"owner-id":            func(g InternetGateway) []string { return one(g.OwnerID) },
		"attachment.vpc-id":   func(g InternetGateway) []string { return one(g.VPCID) },
		// AWS has an attachment state only while a VPC is attached.
		"attachment.state": func(g InternetGateway) []string {
			if g.VPCID == "" {
				return nil
			}
			return []string{"available"}
		},
	},
	tags: func(g InternetGateway) map[string]string { return g.Tags },
}

func (EgressOnlyInternetGateway) describeFilters() filterSet[EgressOnlyInternetGateway] {
	return egressOnlyInternetGatewayFilters
}

// egressOnlyInternetGatewayFilters are those of
// DescribeEgressOnlyInternetGateways, which filters on tags only.
var egressOnlyInternetGatewayFilters = filterSet[EgressOnlyInternetGateway]{
	op:     "DescribeEgressOnlyInternetGateways",
	fields: map[string]func(EgressOnlyInternetGateway) []string{},
	tags:   func(g EgressOnlyInternetGateway) map[string]string { return g.Tags },
}

func (NATGateway) describeFilters() filterSet[NATGateway] { return natGatewayFilters }

var natGatewayFilters = filterSet[NATGateway]{
	op: "DescribeNatGateways",
	fields: map[string]func(NATGateway) []string{
		"nat-gateway-id": func(n NATGateway) []string { return one(n.ID) },
		"subnet-id":      func(n NATGateway) []string { return one(n.SubnetID) },
		"vpc-id":         func(n NATGateway) []string { return one(n.VPCID) },
		// Deleted gateways are gone at once.
		"state": always[NATGateway]("available"),
	},
	tags: func(n NATGateway) map[string]string { return n.Tags },
}

func (ElasticIP) describeFilters() filterSet[ElasticIP] { return elasticIPFilters }

// elasticIPFilters are DescribeAddresses' filters; association-id answers
// the association with a NAT gateway or with a network interface, which
// AssociationID holds either of.
var elasticIPFilters = filterSet[ElasticIP]{
	op: "DescribeAddresses",
	fields: map[string]func(ElasticIP) []string{
		"allocation-id":        func(e ElasticIP) []string { return one(e.AllocationID) },
		"association-id":       func(e ElasticIP) []string { return one(e.AssociationID) },
		"domain":               always[ElasticIP]("vpc"),
		"instance-id":          func(e ElasticIP) []string { return one(e.InstanceID) },
		"network-border-group": func(e ElasticIP) []string { return one(e.Region) },
		"network-interface-id": func(e ElasticIP) []string { return one(e.NetworkInterfaceID) },
		"network-interface-owner-id": func(e ElasticIP) []string {
			if e.NetworkInterfaceID == "" {
				return nil
			}
			return one(e.OwnerID)
		},
		"private-ip-address": func(e ElasticIP) []string { return one(e.PrivateIPAddress) },
		"public-ip":          func(e ElasticIP) []string { return one(e.PublicIP) },
	},
	tags: func(e ElasticIP) map[string]string { return e.Tags },
}
