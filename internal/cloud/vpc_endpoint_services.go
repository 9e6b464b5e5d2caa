package cloud

import (
	"fmt"
	"slices"
	"strings"
)

// Endpoint types, as AWS names them.
const (
	EndpointTypeGateway   = "Gateway"
	EndpointTypeInterface = "Interface"
	// EndpointTypeGatewayLoadBalancer is AWS's third type, for services of
	// Gateway Load Balancers, which the simulated cloud has none of.
	EndpointTypeGatewayLoadBalancer = "GatewayLoadBalancer"
)

// EndpointTypes are the values vpc_endpoint_type takes.
var EndpointTypes = []string{EndpointTypeGateway, EndpointTypeGatewayLoadBalancer, EndpointTypeInterface}

// EndpointService is one entry of DescribeVpcEndpointServices: an AWS
// service that a VPC endpoint of one type can reach. A service with both
// types (s3, dynamodb) has two entries of one name, as in AWS.
type EndpointService struct {
	ServiceName                string
	ServiceID                  string
	ServiceType                string
	ServiceRegion              string
	Owner                      string
	AvailabilityZones          []string
	BaseEndpointDNSNames       []string
	PrivateDNSName             string
	SupportedIPAddressTypes    []string
	AcceptanceRequired         bool
	ManagesVPCEndpoints        bool
	VPCEndpointPolicySupported bool
}

// endpointServiceEntry is one service of the catalogue: its short name (the
// last part of com.amazonaws.<region>.<service>), the types it takes, and
// what DescribeVpcEndpointServices says of it besides.
type endpointServiceEntry struct {
	service string
	types   []string
	// privateDNS is the private DNS name of its Interface endpoints, with
	// %s for the region.
	privateDNS string
	dualStack  bool
	noPolicy   bool
}

// endpointCatalogue is the AWS services whose endpoints the simulated cloud
// offers in every region: the common ones, as DescribeVpcEndpointServices
// lists them.
var endpointCatalogue = []endpointServiceEntry{
	{service: "s3", types: []string{EndpointTypeGateway, EndpointTypeInterface}, privateDNS: "*.s3.%s.amazonaws.com", dualStack: true},
	{service: "dynamodb", types: []string{EndpointTypeGateway, EndpointTypeInterface}, privateDNS: "*.ddb.%s.amazonaws.com", dualStack: true},
	{service: "ec2", privateDNS: "ec2.%s.amazonaws.com", dualStack: true},
	{service: "ec2messages", privateDNS: "ec2messages.%s.amazonaws.com", noPolicy: true},
	{service: "ecs", privateDNS: "ecs.%s.amazonaws.com"},
	{service: "ecs-agent", privateDNS: "ecs-a.%s.amazonaws.com", noPolicy: true},
	{service: "ecs-telemetry", privateDNS: "ecs-t.%s.amazonaws.com", noPolicy: true},
	{service: "ecr.api", privateDNS: "api.ecr.%s.amazonaws.com"},
	{service: "ecr.dkr", privateDNS: "*.dkr.ecr.%s.amazonaws.com"},
	{service: "elasticloadbalancing", privateDNS: "elasticloadbalancing.%s.amazonaws.com"},
	{service: "events", privateDNS: "events.%s.amazonaws.com"},
	{service: "execute-api", privateDNS: "*.execute-api.%s.amazonaws.com"},
	{service: "kinesis-streams", privateDNS: "kinesis.%s.amazonaws.com"},
	{service: "kms", privateDNS: "kms.%s.amazonaws.com", dualStack: true},
	{service: "lambda", privateDNS: "lambda.%s.amazonaws.com", dualStack: true},
	{service: "logs", privateDNS: "logs.%s.amazonaws.com", dualStack: true},
	{service: "monitoring", privateDNS: "monitoring.%s.amazonaws.com"},
	{service: "rds", privateDNS: "rds.%s.amazonaws.com"},
	{service: "secretsmanager", privateDNS: "secretsmanager.%s.amazonaws.com", dualStack: true},
	{service: "sns", privateDNS: "sns.%s.amazonaws.com"},
	{service: "sqs", privateDNS: "sqs.%s.amazonaws.com", dualStack: true},
	{service: "ssm", privateDNS: "ssm.%s.amazonaws.com", dualStack: true},
	{service: "ssmmessages", privateDNS: "ssmmessages.%s.amazonaws.com", noPolicy: true},
	{service: "states", privateDNS: "states.%s.amazonaws.com"},
	{service: "sts", privateDNS: "sts.%s.amazonaws.com", dualStack: true},
}

// EndpointServiceName is the name of an AWS service's endpoints in a
// region: com.amazonaws.<region>.<service>.
func EndpointServiceName(region, service string) string {
	return "com.amazonaws." + region + "." + service
}

// EndpointServices lists the catalogue's services in a region, in the order
// of their names and types, as DescribeVpcEndpointServices does.
func EndpointServices(region string) []EndpointService {
	var out []EndpointService
	for _, e := range endpointCatalogue {
		types := e.types
		if types == nil {
			types = []string{EndpointTypeInterface}
		}
		for _, t := range types {
			name := EndpointServiceName(region, e.service)
			s := EndpointService{ServiceName: name, ServiceType: t, ServiceRegion: region, Owner: "amazon",
				ServiceID:               fmt.Sprintf("vpce-svc-%08x%09x", crc32String(name+"|"+t), crc32String(t+"|"+name))[:len("vpce-svc-")+idHexDigits],
				AvailabilityZones:       AvailabilityZones(region),
				SupportedIPAddressTypes: []string{"ipv4"}, VPCEndpointPolicySupported: !e.noPolicy}
			if e.dualStack {
				s.SupportedIPAddressTypes = []string{"ipv4", "ipv6"}
			}
			if t == EndpointTypeGateway {
				s.BaseEndpointDNSNames = []string{e.service + "." + region + ".amazonaws.com"}
			} else {
				s.BaseEndpointDNSNames = []string{e.service + "." + region + ".vpce.amazonaws.com"}
				s.PrivateDNSName = fmt.Sprintf(e.privateDNS, region)
			}
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b EndpointService) int { return strings.Compare(a.ServiceName, b.ServiceName) })
	return out
}

// EndpointServiceFilter selects services as DescribeVpcEndpointServices
// does: by names (any of them), and by AWS's named filters.
type EndpointServiceFilter struct {
	ServiceNames []string
	Filters      []NamedFilter
}

var endpointServiceFilters = filterSet[EndpointService]{
	op: "DescribeVpcEndpointServices",
	fields: map[string]func(EndpointService) []string{
		"service-name":   func(s EndpointService) []string { return one(s.ServiceName) },
		"service-type":   func(s EndpointService) []string { return one(s.ServiceType) },
		"service-region": func(s EndpointService) []string { return one(s.ServiceRegion) },
		"owner":          func(s EndpointService) []string { return one(s.Owner) },
		"supported-ip-address-types": func(s EndpointService) []string {
			return s.SupportedIPAddressTypes
		},
	},
	tags: func(EndpointService) map[string]string { return nil },
}

// CheckEndpointServiceFilterName refuses a filter name that
// DescribeVpcEndpointServices does not take.
func CheckEndpointServiceFilterName(name string) error { return endpointServiceFilters.checkName(name) }

// FindEndpointServices returns the services of the client's region that
// filter selects. A service name that is none of the region's is an error,
// as in AWS (InvalidServiceName).
func (c *Client) FindEndpointServices(filter EndpointServiceFilter) ([]EndpointService, error) {
	all := EndpointServices(c.scope.Region)
	for _, name := range filter.ServiceNames {
		if !slices.ContainsFunc(all, func(s EndpointService) bool { return s.ServiceName == name }) {
			return nil, invalidServiceName(name, c.scope.Region)
		}
	}
	if len(filter.ServiceNames) > 0 {
		all = slices.DeleteFunc(all, func(s EndpointService) bool { return !slices.Contains(filter.ServiceNames, s.ServiceName) })
	}
	return endpointServiceFilters.keep(all, filter.Filters)
}

// endpointService returns the catalogue's entry for a name and type in a
// region, with AWS's refusals for an unknown name or a type the service
// does not take.
func endpointService(region, name, endpointType string) (EndpointService, error) {
	var types []string
	for _, s := range EndpointServices(region) {
		if s.ServiceName != name {
			continue
		}
		if s.ServiceType == endpointType {
			return s, nil
		}
		types = append(types, s.ServiceType)
	}
	if types == nil {
		return EndpointService{}, invalidServiceName(name, region)
	}
	return EndpointService{}, &Error{
		Code:    "InvalidParameter",
		Message: fmt.Sprintf("The Vpc Endpoint Service '%s' does not support endpoint type '%s'.", name, endpointType),
		Fix:     fmt.Sprintf("Set vpc_endpoint_type = %q: %s takes only that type.", types[0], name),
		Field:   "vpc_endpoint_type",
		Objects: []string{name},
	}
}

func invalidServiceName(name, region string) *Error {
	return &Error{
		Code:    "InvalidServiceName",
		Message: fmt.Sprintf("The Vpc Endpoint Service '%s' does not exist", printable(name)),
		Fix: fmt.Sprintf("Name a service of %s as com.amazonaws.%s.<service>, such as %s; the simcloud_vpc_endpoint_service data source finds one by its short name (service = \"s3\").",
			region, region, EndpointServiceName(region, "s3")),
		Field:   "service_name",
		Objects: []string{printable(name)},
	}
}

// PrefixList is an AWS-managed prefix list: the address blocks of a
// service that a Gateway endpoint's routes send traffic for.
type PrefixList struct {
	ID         string
	Name       string
	CIDRBlocks []string
}

// prefixListBlocks are some of the blocks AWS publishes for S3 and DynamoDB
// in a few regions; other regions get us-east-1's as stand-ins.
var prefixListBlocks = map[string]map[string][]string{
	"s3": {
		"us-east-1": {"3.5.0.0/19", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16"},
		"us-west-2": {"3.5.76.0/22", "18.34.48.0/20", "52.92.128.0/17", "52.218.128.0/17"},
		"eu-west-1": {"3.5.64.0/21", "3.5.72.0/23", "52.92.0.0/17", "52.218.0.0/17"},
	},
	"dynamodb": {
		"us-east-1": {"3.218.180.0/22", "52.94.0.0/22", "52.119.224.0/20"},
		"us-west-2": {"35.71.64.0/22", "52.94.8.0/24", "52.119.232.0/21"},
		"eu-west-1": {"52.94.24.0/23", "52.94.26.0/23", "52.119.240.0/21"},
	},
}

// The prefix list IDs AWS gives S3 and DynamoDB in us-east-1; elsewhere
// the ID is derived from the list's name, so it is the same in every cloud.
var knownPrefixListIDs = map[string]string{
	"com.amazonaws.us-east-1.s3":       "pl-63a5400a",
	"com.amazonaws.us-east-1.dynamodb": "pl-02cd2c6b",
}

// PrefixLists are the AWS-managed prefix lists of a region: one for each
// service that takes Gateway endpoints, named as the service.
func PrefixLists(region string) []PrefixList {
	var out []PrefixList
	for _, e := range endpointCatalogue {
		if !slices.Contains(e.types, EndpointTypeGateway) {
			continue
		}
		name := EndpointServiceName(region, e.service)
		id, ok := knownPrefixListIDs[name]
		if !ok {
			id = fmt.Sprintf("pl-%08x", crc32String(name))
		}
		blocks, ok := prefixListBlocks[e.service][region]
		if !ok {
			blocks = prefixListBlocks[e.service]["us-east-1"]
		}
		out = append(out, PrefixList{ID: id, Name: name, CIDRBlocks: slices.Clone(blocks)})
	}
	return out
}

// prefixListOf returns the prefix list of a Gateway service, by its name.
func prefixListOf(region, serviceName string) (PrefixList, bool) {
	for _, pl := range PrefixLists(region) {
		if pl.Name == serviceName {
			return pl, true
		}
	}
	return PrefixList{}, false
}

// awsPrefixList returns the AWS-managed list of a region with the given ID.
func awsPrefixList(region, id string) (PrefixList, bool) {
	for _, pl := range PrefixLists(region) {
		if pl.ID == id {
			return pl, true
		}
	}
	return PrefixList{}, false
}

// IsPrefixListID reports whether s has the shape of a prefix list's ID.
func IsPrefixListID(s string) bool {
	return ValidateID(KindPrefixList, s, "") == nil
}

// PrefixListFilter selects prefix lists: by ID and name (empty matches
// all), and by AWS's named filters of DescribePrefixLists.
type PrefixListFilter struct {
	ID, Name string
	Filters  []NamedFilter
}

var prefixListFilters = filterSet[PrefixList]{
	op: "DescribePrefixLists",
	fields: map[string]func(PrefixList) []string{
		"prefix-list-id":   func(p PrefixList) []string { return one(p.ID) },
		"prefix-list-name": func(p PrefixList) []string { return one(p.Name) },
	},
}

// CheckPrefixListFilterName refuses a filter name that DescribePrefixLists
// does not take.
func CheckPrefixListFilterName(name string) error { return prefixListFilters.checkName(name) }

// FindPrefixLists returns the AWS-managed prefix lists of the client's
// region that filter selects. An ID of no list is AWS's
// InvalidPrefixListID.NotFound.
func (c *Client) FindPrefixLists(filter PrefixListFilter) ([]PrefixList, error) {
	all := PrefixLists(c.scope.Region)
	if filter.ID != "" {
		if err := ValidateID(KindPrefixList, filter.ID, "prefix_list_id"); err != nil {
			return nil, err
		}
	}
	if filter.ID != "" && !slices.ContainsFunc(all, func(p PrefixList) bool { return p.ID == filter.ID }) {
		return nil, prefixListNotFound(filter.ID, "prefix_list_id")
	}
	all = slices.DeleteFunc(all, func(p PrefixList) bool {
		return filter.ID != "" && p.ID != filter.ID || filter.Name != "" && p.Name != filter.Name
	})
	return prefixListFilters.keep(all, filter.Filters)
}

func prefixListNotFound(id, field string) *Error { return notFound(KindPrefixList, id, field) }

// KindPrefixList is a prefix list: a customer-managed one
// (simcloud_ec2_managed_prefix_list), which the store keeps, or one of the
// AWS-managed lists, which no one makes or deletes.
var KindPrefixList = ec2Kind("pl", "prefixList", "prefix list", "prefix-list", "InvalidPrefixListID").
	missingWith("The prefix list ID '%s' does not exist",
		"Check the ID, or create the list first (IDs are only valid in the account and region that created them); the simcloud_prefix_list data source finds the region's AWS-managed lists by name, such as com.amazonaws.<region>.s3.")
