package cloud

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// KindVPCEndpoint is a VPC endpoint: a Gateway endpoint's routes, or an
// Interface endpoint's presence in subnets, by which a VPC reaches an AWS
// service without the internet.
var KindVPCEndpoint = ec2Kind("vpce", "vpcEndpoint", "VPC endpoint", "vpc-endpoint", "InvalidVpcEndpointId")

// VPCEndpoint is a VPC endpoint as DescribeVpcEndpoints shows it.
type VPCEndpoint struct {
	ID      string
	OwnerID string
	Region  string
	VPCID   string
	// ServiceName is com.amazonaws.<region>.<service>; ServiceRegion the
	// region of the service, the endpoint's own.
	ServiceName   string
	ServiceRegion string
	Type          string
	State         string
	Policy        string
	EndpointOptions
	// SubnetConfigurations are an Interface endpoint's, each
	// subnet|ipv4|ipv6.
	SubnetConfigurations     []string
	DNSSuffix                string
	ResourceConfigurationARN string
	ServiceNetworkARN        string
	RequesterManaged         bool
	// RouteTableIDs are the tables that hold the routes of a Gateway
	// endpoint, read from the routes themselves.
	RouteTableIDs []string
	// Zones are the zones of its subnets, in order; filled in by the store.
	Zones []string
	Tags  map[string]string
}

func (VPCEndpoint) StoredKind() Kind         { return KindVPCEndpoint }
func (VPCEndpointFilter) FilteredKind() Kind { return KindVPCEndpoint }
func (e VPCEndpoint) ARN() string            { return ownedARN(e, e.OwnerID, e.Region, e.ID) }

// describeVPCEndpoint names the endpoint's VPC, subnets and route tables.
func describeVPCEndpoint(e VPCEndpoint) Object {
	refs := references("vpc_id", e.VPCID)
	for _, id := range e.SubnetIDs {
		refs = append(refs, Reference{Field: "subnet_ids", ID: id})
	}
	for _, id := range e.RouteTableIDs {
		refs = append(refs, Reference{Field: "route_table_ids", ID: id})
	}
	return Object{ID: e.ID, Tags: e.Tags, Value: e, References: refs}
}

// VPCEndpointFilter selects endpoints; empty fields match all.
type VPCEndpointFilter struct {
	ID, VPCID, ServiceName string
	Tags                   map[string]string
}

// EndpointSubnetConfiguration chooses the addresses of an Interface
// endpoint in one of its subnets.
type EndpointSubnetConfiguration struct {
	SubnetID, IPv4, IPv6 string
}

func (s EndpointSubnetConfiguration) encode() string { return s.SubnetID + "|" + s.IPv4 + "|" + s.IPv6 }

// Configurations decodes the endpoint's subnet configurations.
func (e VPCEndpoint) Configurations() []EndpointSubnetConfiguration {
	var out []EndpointSubnetConfiguration
	for _, s := range e.SubnetConfigurations {
		parts := strings.SplitN(s+"||", "|", 3)
		out = append(out, EndpointSubnetConfiguration{SubnetID: parts[0], IPv4: parts[1], IPv6: strings.TrimSuffix(parts[2], "||")})
	}
	return out
}

// DefaultEndpointPolicy is the policy AWS gives an endpoint created
// without one: full access.
const DefaultEndpointPolicy = `{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}],"Version":"2008-10-17"}`

// DNSEntry is one DNS name of an Interface endpoint.
type DNSEntry struct{ DNSName, HostedZoneID string }

// DNSEntries are the endpoint's DNS names, as AWS gives an Interface
// endpoint: the regional name, one per zone of its subnets, and the
// service's private name when private DNS is on.
func (e VPCEndpoint) DNSEntries() []DNSEntry {
	if e.Type != EndpointTypeInterface {
		return nil
	}
	s, err := endpointService(e.Region, e.ServiceName, e.Type)
	if err != nil || len(s.BaseEndpointDNSNames) == 0 {
		return nil
	}
	base := s.BaseEndpointDNSNames[0]
	zone := "Z" + strings.ToUpper(fmt.Sprintf("%08x%05x", crc32String("vpce|"+e.Region), crc32String(e.Region)))[:13]
	entries := []DNSEntry{{DNSName: e.ID + "-" + e.DNSSuffix + "." + base, HostedZoneID: zone}}
	for _, z := range e.Zones {
		entries = append(entries, DNSEntry{DNSName: e.ID + "-" + e.DNSSuffix + "-" + z + "." + base, HostedZoneID: zone})
	}
	if e.PrivateDNSEnabled && s.PrivateDNSName != "" {
		private := "Z" + strings.ToUpper(fmt.Sprintf("%08x%05x", crc32String(e.ID), crc32String(e.VPCID)))[:13]
		entries = append(entries, DNSEntry{DNSName: s.PrivateDNSName, HostedZoneID: private})
	}
	return entries
}

// EndpointOptions are what an endpoint is given and keeps as given (the
// cloud filling in what is left out): private DNS, address types and an
// Interface endpoint's subnets and security groups.
type EndpointOptions struct {
	PrivateDNSEnabled        bool
	IPAddressType            string
	DNSRecordIPType          string
	PrivateDNSOnlyForInbound bool
	SubnetIDs                []string
	SecurityGroupIDs         []string
}

// VPCEndpointInput is a desired endpoint. At plan any ID may be Unknown.
type VPCEndpointInput struct {
	VPCID, ServiceName, ServiceRegion, Type string
	// Policy is "" for the default one.
	Policy string
	EndpointOptions
	RouteTableIDs            []string
	SubnetConfigurations     []EndpointSubnetConfiguration
	ResourceConfigurationARN string
	ServiceNetworkARN        string
	Tags                     map[string]string
}

// invalidEndpointParameter is AWS's InvalidParameter refusal of an endpoint
// request.
func invalidEndpointParameter(field, message, fix string, objects ...string) *Error {
	return &Error{Code: "InvalidParameter", Message: message, Fix: fix, Field: field, Objects: nonEmpty(objects...)}
}

// rule checks a desired endpoint (selfID "" for a new one) as
// CreateVpcEndpoint and ModifyVpcEndpoint do.
func (in VPCEndpointInput) rule(c *Client, selfID string) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if err := in.shapeRule(c.scope.Region); err != nil {
			return err
		}
		var service EndpointService
		if IsKnown(in.ServiceName) {
			var err error
			if service, err = endpointService(c.scope.Region, in.ServiceName, in.Type); err != nil {
				return err
			}
		}
		if err := in.serviceRule(service); err != nil {
			return err
		}
		if !IsKnown(in.VPCID) {
			return in.partsRule(c, v, VPC{ID: Unknown}, selfID, service)
		}
		vpc, err := c.findVPC(v, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		if in.PrivateDNSEnabled && (!vpc.EnableDNSSupport || !vpc.EnableDNSHostnames) {
			return invalidEndpointParameter("private_dns_enabled",
				fmt.Sprintf("Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for %s", vpc.ID),
				"Set enable_dns_support and enable_dns_hostnames to true on the VPC, or private_dns_enabled = false.", vpc.ID)
		}
		if in.PrivateDNSOnlyForInbound && IsKnown(in.ServiceName) {
			gateways, err := list[VPCEndpoint](v, c.scope, VPCEndpointFilter{VPCID: vpc.ID, ServiceName: in.ServiceName})
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(gateways, func(e VPCEndpoint) bool { return e.Type == EndpointTypeGateway }) {
				return invalidEndpointParameter("dns_options",
					fmt.Sprintf("To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC %s must have a Gateway endpoint for the service.", vpc.ID),
					"Create a Gateway endpoint for the service in the VPC first, or set private_dns_only_for_inbound_resolver_endpoint = false.", vpc.ID)
			}
		}
		return in.partsRule(c, v, vpc, selfID, service)
	}
}

// ValidateEndpointType checks an endpoint type given in argument field.
func ValidateEndpointType(t, field string) error {
	if slices.Contains(EndpointTypes, t) {
		return nil
	}
	return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Invalid value '%s' for VpcEndpointType.", printable(t)),
		Fix: "Use Gateway, Interface or GatewayLoadBalancer.", Field: field}
}

// CheckEndpointServiceArguments refuses a service named both by its short
// name and by its full name, as the AWS provider does.
func CheckEndpointServiceArguments(set map[string]string) error {
	if set["service"] != "" && set["service_name"] != "" {
		return &Error{Code: "InvalidParameterCombination", Message: "\"service\": conflicts with service_name",
			Fix: "Give the service by its short name (service = \"s3\") or by its full name (service_name), not both.", Field: "service"}
	}
	return nil
}

// shapeRule checks the request's own values: the arguments given, and
// what the endpoint's type allows.
func (in VPCEndpointInput) shapeRule(region string) error {
	if in.ServiceName == "" && in.ResourceConfigurationARN == "" && in.ServiceNetworkARN == "" {
		return &Error{Code: "MissingParameter", Message: "The request must contain exactly one of ServiceName, ResourceConfigurationArn or ServiceNetworkArn.",
			Fix: "Give the endpoint a service_name, such as the service_name of a simcloud_vpc_endpoint_service data source.", Field: "service_name"}
	}
	if in.ResourceConfigurationARN != "" || in.ServiceNetworkARN != "" {
		return &Error{Code: "UnsupportedOperation", Message: "The simulated cloud has no VPC Lattice resource configurations or service networks.",
			Fix: "Give the endpoint a service_name instead.", Field: "service_name"}
	}
	if err := ValidateEndpointType(in.Type, "vpc_endpoint_type"); err != nil {
		return err
	}
	if in.ServiceRegion != "" && IsKnown(in.ServiceRegion) && in.ServiceRegion != region {
		return invalidEndpointParameter("service_region", fmt.Sprintf("Cross-region endpoints are not supported for service %s.", in.ServiceName),
			fmt.Sprintf("Leave service_region out, or set it to %s, the endpoint's region.", region))
	}
	if in.Type != EndpointTypeGateway && len(in.RouteTableIDs) > 0 {
		return invalidEndpointParameter("route_table_ids", "Route table IDs are only supported for Gateway type VPC Endpoint.",
			"Leave route_table_ids out of an Interface endpoint; it reaches the service through its subnets.")
	}
	if in.Type == EndpointTypeGateway {
		switch {
		case len(in.SubnetIDs) > 0 || len(in.SubnetConfigurations) > 0:
			return invalidEndpointParameter("subnet_ids", "Subnet IDs are not supported for Gateway type VPC Endpoint.",
				"A Gateway endpoint works through routes: give route_table_ids, not subnet_ids (or set vpc_endpoint_type = \"Interface\").")
		case len(in.SecurityGroupIDs) > 0:
			return invalidEndpointParameter("security_group_ids", "Security group IDs are not supported for Gateway type VPC Endpoint.",
				"Leave security_group_ids out of a Gateway endpoint.")
		case in.PrivateDNSEnabled:
			return invalidEndpointParameter("private_dns_enabled", "Private DNS is not supported for Gateway type VPC Endpoint.",
				"Leave private_dns_enabled out of a Gateway endpoint.")
		}
	}
	if in.PrivateDNSOnlyForInbound && !in.PrivateDNSEnabled {
		return invalidEndpointParameter("dns_options", "PrivateDnsOnlyForInboundResolverEndpoint can only be set when PrivateDnsEnabled is true.",
			"Set private_dns_enabled = true, or private_dns_only_for_inbound_resolver_endpoint = false.")
	}
	for _, t := range []struct{ value, field string }{{in.IPAddressType, "ip_address_type"}, {in.DNSRecordIPType, "dns_options"}} {
		allowed := []string{"", "ipv4", "dualstack", "ipv6"}
		if t.field == "dns_options" {
			allowed = append(allowed, "service-defined")
		}
		if IsKnown(t.value) && !slices.Contains(allowed, t.value) {
			return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Invalid value '%s' for %s.", printable(t.value), t.field),
				Fix: "Use one of " + strings.Join(allowed[1:], ", ") + ".", Field: t.field}
		}
	}
	if in.Policy != "" && IsKnown(in.Policy) {
		return ValidatePolicy(in.Policy, "policy")
	}
	return nil
}

// serviceRule checks what the service allows (zero when its name is
// Unknown).
func (in VPCEndpointInput) serviceRule(service EndpointService) error {
	if service.ServiceName != "" && (in.IPAddressType == "ipv6" || in.IPAddressType == "dualstack") && !slices.Contains(service.SupportedIPAddressTypes, "ipv6") {
		return invalidEndpointParameter("ip_address_type", fmt.Sprintf("The VPC endpoint service %s does not support ip address type %s.", service.ServiceName, in.IPAddressType),
			"Leave ip_address_type out (ipv4), or choose a service whose supported_ip_address_types include ipv6.", service.ServiceName)
	}
	return nil
}

// partsRule checks the endpoint's subnets, security groups and route
// tables against its VPC (ID Unknown at plan for a VPC the same apply
// makes).
func (in VPCEndpointInput) partsRule(c *Client, v View, vpc VPC, selfID string, service EndpointService) error {
	zones := map[string]string{}
	subnets := map[string]Subnet{}
	for _, id := range in.SubnetIDs {
		if !IsKnown(id) {
			continue
		}
		s, err := c.findSubnet(v, id, "subnet_ids")
		if err != nil {
			return err
		}
		if IsKnown(vpc.ID) && s.VPCID != vpc.ID {
			return invalidEndpointParameter("subnet_ids", fmt.Sprintf("The subnet ID '%s' does not belong to the VPC '%s'.", id, vpc.ID),
				fmt.Sprintf("Give subnets of %s; %s is in %s.", vpc.ID, id, s.VPCID), id, vpc.ID)
		}
		if other, ok := zones[s.AvailabilityZone]; ok {
			return &Error{Code: "DuplicateSubnetsInSameZone",
				Message: fmt.Sprintf("Found another VPC endpoint subnet in the availability zone of %s. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.", id),
				Fix:     fmt.Sprintf("An Interface endpoint takes one subnet per zone: %s and %s are both in %s; keep one of them.", other, id, s.AvailabilityZone),
				Field:   "subnet_ids", Objects: []string{other, id}}
		}
		zones[s.AvailabilityZone], subnets[id] = id, s
	}
	for _, cfg := range in.SubnetConfigurations {
		if err := configurationRule(cfg, in.SubnetIDs, subnets); err != nil {
			return err
		}
	}
	for _, id := range in.SecurityGroupIDs {
		if !IsKnown(id) {
			continue
		}
		g, err := findStored[SecurityGroup](v, c.scope, id, "security_group_ids")
		if err != nil {
			return err
		}
		if IsKnown(vpc.ID) && g.VPCID != vpc.ID {
			return invalidEndpointParameter("security_group_ids", fmt.Sprintf("The security group '%s' does not belong to the VPC '%s'.", id, vpc.ID),
				fmt.Sprintf("Give security groups of %s; %s is in %s.", vpc.ID, id, g.VPCID), id, vpc.ID)
		}
	}
	pl, hasList := prefixListOf(c.scope.Region, service.ServiceName)
	for _, id := range in.RouteTableIDs {
		if !IsKnown(id) {
			continue
		}
		table, err := c.findRouteTable(v, id, "route_table_ids")
		if err != nil {
			// ModifyVpcEndpoint spells the code its own way.
			if e, ok := err.(*Error); ok && e.Code == KindRouteTable.notFoundCode {
				return &Error{Code: "InvalidRouteTableId.NotFound", Message: e.Message, Fix: e.Fix, Field: e.Field, Objects: e.Objects}
			}
			return err
		}
		if IsKnown(vpc.ID) && table.VPCID != vpc.ID {
			return invalidEndpointParameter("route_table_ids", fmt.Sprintf("The route table '%s' does not belong to the VPC '%s'.", id, vpc.ID),
				fmt.Sprintf("Give route tables of %s; %s is in %s.", vpc.ID, id, table.VPCID), id, vpc.ID)
		}
		if !hasList {
			continue
		}
		for _, r := range table.Routes {
			if r.Destination == pl.ID && r.Target != selfID {
				return &Error{Code: "RouteAlreadyExists",
					Message: fmt.Sprintf("route table %s already has a route with destination-prefix-list-id %s", id, pl.ID),
					Fix:     fmt.Sprintf("A table routes %s to one endpoint: %s already does; leave %s out of one of the two endpoints.", pl.Name, r.Target, id),
					Field:   "route_table_ids", Objects: []string{id, r.Target}}
			}
		}
		for _, claim := range v.Claimed(ClaimRoute, id) {
			if claim.Value == pl.ID {
				return &Error{Code: "RouteAlreadyExists",
					Message: fmt.Sprintf("route table %s already has a route with destination-prefix-list-id %s", id, pl.ID),
					Fix:     fmt.Sprintf("Another endpoint of this configuration routes %s through %s; leave %s out of one of the two endpoints.", pl.Name, id, id),
					Field:   "route_table_ids", Objects: []string{id, claim.Who()}}
			}
		}
	}
	return nil
}

// configurationRule checks one subnet configuration: its subnet is one of
// the endpoint's, and its addresses are the subnet's own and usable.
func configurationRule(cfg EndpointSubnetConfiguration, subnetIDs []string, subnets map[string]Subnet) error {
	if !IsKnown(cfg.SubnetID) {
		return nil
	}
	if !slices.Contains(subnetIDs, cfg.SubnetID) && !slices.ContainsFunc(subnetIDs, func(id string) bool { return !IsKnown(id) }) {
		return invalidEndpointParameter("subnet_configuration", fmt.Sprintf("The subnet %s of the subnet configuration is not one of the endpoint's subnets.", cfg.SubnetID),
			"Add the subnet to subnet_ids, or configure one of the endpoint's subnets.", cfg.SubnetID)
	}
	s, ok := subnets[cfg.SubnetID]
	if !ok {
		return nil
	}
	for _, addr := range []struct{ value, block, family string }{{cfg.IPv4, s.CIDRBlock, "IPv4"}, {cfg.IPv6, s.IPv6CIDRBlock, "IPv6"}} {
		if addr.value == "" || !IsKnown(addr.value) {
			continue
		}
		a, err := netip.ParseAddr(addr.value)
		block, blockErr := netip.ParsePrefix(addr.block)
		switch {
		case err != nil || (addr.family == "IPv4") != a.Is4():
			return &Error{Code: "InvalidParameterValue", Message: fmt.Sprintf("Invalid %s address '%s'.", addr.family, printable(addr.value)),
				Fix: "Give an " + addr.family + " address of the subnet.", Field: "subnet_configuration", Objects: []string{s.ID}}
		case blockErr != nil || !block.Contains(a):
			return &Error{Code: "InvalidParameterValue",
				Message: fmt.Sprintf("The %s address %s is not in the range of subnet %s (%s).", addr.family, a, s.ID, cmpOr(addr.block, "no "+addr.family+" block")),
				Fix:     fmt.Sprintf("Choose an address inside %s's block, such as cidrhost(<subnet>.cidr_block, 10).", s.ID), Field: "subnet_configuration", Objects: []string{s.ID}}
		case a.Is4() && reservedIPv4(block, a):
			return &Error{Code: "InvalidParameterValue",
				Message: fmt.Sprintf("The IPv4 address %s is reserved in subnet %s.", a, s.ID),
				Fix:     "AWS reserves the first four addresses and the last one of every subnet; choose another, such as cidrhost(<subnet>.cidr_block, 10).", Field: "subnet_configuration", Objects: []string{s.ID}}
		}
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// reservedIPv4 reports whether a is one of the five addresses AWS keeps in
// every IPv4 subnet: the first four and the last.
func reservedIPv4(block netip.Prefix, a netip.Addr) bool {
	first := block.Masked().Addr()
	for i := 0; i < 4; i++ {
		if a == first {
			return true
		}
		first = first.Next()
	}
	last := block.Masked().Addr()
	for i := 0; i < (1<<(32-block.Bits()))-1; i++ {
		last = last.Next()
	}
	return a == last
}

// routeClaims are the routes a Gateway endpoint claims in its tables, so
// that two endpoints of one plan for one service and table are refused.
func (in VPCEndpointInput) routeClaims(region string) []Claim {
	pl, ok := prefixListOf(region, in.ServiceName)
	if !ok || in.Type != EndpointTypeGateway {
		return nil
	}
	var claims []Claim
	for _, id := range in.RouteTableIDs {
		claims = append(claims, Claim{Kind: ClaimRoute, Scope: id, Value: pl.ID})
	}
	return claims
}

// CheckVPCEndpoint runs at plan time the rules that creating (id "") or
// modifying the endpoint meets at apply.
func (c *Client) CheckVPCEndpoint(ctx context.Context, p *Plan, holder Holder, id string, in VPCEndpointInput) error {
	return c.Check(ctx, p, holder, in.rule(c, id), in.routeClaims(c.scope.Region)...)
}

// CreateVPCEndpoint creates an endpoint, available at once; a Gateway
// endpoint's routes are added to its route tables.
func (c *Client) CreateVPCEndpoint(ctx context.Context, in VPCEndpointInput) (VPCEndpoint, error) {
	var suffix [4]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		panic("cloud: no randomness for DNS names: " + err.Error())
	}
	e := VPCEndpoint{ID: newID(KindVPCEndpoint), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: in.VPCID,
		ServiceName: in.ServiceName, ServiceRegion: c.scope.Region, Type: in.Type, State: "available", DNSSuffix: hex.EncodeToString(suffix[:])}
	err := c.apply(ctx, "CreateVpcEndpoint", map[string]string{"vpc_id": in.VPCID, "service_name": in.ServiceName}, in.rule(c, ""), func(tx Tx) error {
		vpc, err := c.findVPC(tx, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		if in.Type == EndpointTypeInterface && len(in.SecurityGroupIDs) == 0 {
			in.SecurityGroupIDs = nonEmpty(vpc.DefaultSecurityGroupID)
		}
		in.set(&e)
		if err := insertTagged(tx, e, e.ID, in.Tags); err != nil {
			return err
		}
		if err := setEndpointRoutes(tx, e, nil, in.RouteTableIDs); err != nil {
			return err
		}
		e, err = findStored[VPCEndpoint](tx, c.scope, e.ID, "id")
		return err
	})
	return made(e, err)
}

// set gives an endpoint the parts of in that may change.
func (in VPCEndpointInput) set(e *VPCEndpoint) {
	e.Policy = cmpOr(in.Policy, DefaultEndpointPolicy)
	if !IsKnown(e.Policy) {
		e.Policy = DefaultEndpointPolicy
	}
	e.EndpointOptions = in.EndpointOptions
	e.IPAddressType = cmpOr(in.IPAddressType, "ipv4")
	e.DNSRecordIPType = ""
	if e.Type == EndpointTypeInterface {
		e.DNSRecordIPType = cmpOr(in.DNSRecordIPType, e.IPAddressType)
	}
	e.SubnetIDs = slices.Sorted(slices.Values(in.SubnetIDs))
	e.SecurityGroupIDs = slices.Sorted(slices.Values(in.SecurityGroupIDs))
	e.SubnetConfigurations = nil
	for _, cfg := range in.SubnetConfigurations {
		e.SubnetConfigurations = append(e.SubnetConfigurations, cfg.encode())
	}
	slices.Sort(e.SubnetConfigurations)
}

// setEndpointRoutes makes a Gateway endpoint's routes those of tables
// want, where they were those of had.
func setEndpointRoutes(tx Tx, e VPCEndpoint, had, want []string) error {
	pl, ok := prefixListOf(e.Region, e.ServiceName)
	if !ok || e.Type != EndpointTypeGateway {
		return nil
	}
	for _, id := range had {
		if !slices.Contains(want, id) {
			if err := tx.DeleteRoute(id, pl.ID); err != nil {
				return err
			}
		}
	}
	for _, id := range want {
		if !slices.Contains(had, id) {
			r := Route{RouteTableID: id, Destination: pl.ID, Target: e.ID, Origin: OriginCreateRoute, ManagedBy: ManagedByEndpoint}
			if err := tx.PutRoute(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// ManagedByEndpoint marks the routes a Gateway endpoint adds to its route
// tables: neither a table's route blocks nor simcloud_route manage them.
const ManagedByEndpoint = "endpoint"

// IsEndpointRoute reports whether a route is a Gateway endpoint's, which
// the route table resources leave out of their routes, as the AWS provider
// does.
func IsEndpointRoute(r Route) bool { return IDPrefix(r.Target) == KindVPCEndpoint.Prefix }

// ModifyVPCEndpoint changes an endpoint in place, as ModifyVpcEndpoint
// does: its subnets, security groups, route tables, policy, DNS options and
// tags.
func (c *Client) ModifyVPCEndpoint(ctx context.Context, id string, in VPCEndpointInput) (VPCEndpoint, error) {
	var e VPCEndpoint
	err := c.write(ctx, "ModifyVpcEndpoint", map[string]string{"vpc_endpoint_id": id}, func(tx Tx) error {
		var err error
		if e, err = findStored[VPCEndpoint](tx, c.scope, id, "id"); err != nil {
			return err
		}
		in.VPCID, in.ServiceName, in.Type = e.VPCID, e.ServiceName, e.Type
		if err := in.rule(c, id)(applyView{tx}); err != nil {
			return err
		}
		if e.Type == EndpointTypeInterface && len(in.SecurityGroupIDs) == 0 {
			in.SecurityGroupIDs = e.SecurityGroupIDs
		}
		had := e.RouteTableIDs
		in.set(&e)
		if err := updateTagged(tx, e, e.ID, in.Tags); err != nil {
			return err
		}
		if err := setEndpointRoutes(tx, e, had, in.RouteTableIDs); err != nil {
			return err
		}
		e, err = findStored[VPCEndpoint](tx, c.scope, id, "id")
		return err
	})
	return made(e, err)
}

// endpointRouteState is the state of a route to a Gateway endpoint: active
// while the endpoint exists in the table's VPC.
func endpointRouteState(tx ReadTx, scope Scope, table RouteTable, target string) (string, error) {
	e, ok, err := get[VPCEndpoint](tx, scope, target)
	if err != nil || !ok || e.VPCID != table.VPCID {
		return RouteStateBlackhole, err
	}
	return RouteStateActive, nil
}

// EndpointPrefixList is the prefix list of an endpoint's service, if it
// has one (S3's and DynamoDB's).
func EndpointPrefixList(region, serviceName string) (PrefixList, bool) {
	return prefixListOf(region, serviceName)
}
