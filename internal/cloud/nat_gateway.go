package cloud

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net/netip"
)

// ElasticIP is a public IPv4 address allocated to the account, which a
// public NAT gateway uses to reach the internet.
type ElasticIP struct {
	AllocationID string
	OwnerID      string
	Region       string
	PublicIP     string
	// NATGatewayID and AssociationID tell what uses the address; empty while
	// nothing does. Filled in by the store.
	NATGatewayID  string
	AssociationID string
	// The association with a network interface (AssociateAddress): its
	// ID, the interface, its private address and the instance the
	// interface is attached to; empty while there is none. Filled in by
	// the store.
	InterfaceAssociationID string
	NetworkInterfaceID     string
	PrivateIPAddress       string
	InstanceID             string
	Tags                   map[string]string
}

// ElasticIPFilter selects elastic IP addresses; empty fields match all.
type ElasticIPFilter struct {
	AllocationID       string
	PublicIP           string
	NetworkInterfaceID string
	Tags               map[string]string
}

// publicPools are where simulated public addresses come from: the three
// documentation ranges, so that no simulated address is anybody's real one.
var publicPools = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
}

// AllocateAddress allocates a public address from the simulated pool.
func (c *Client) AllocateAddress(ctx context.Context, tags map[string]string) (ElasticIP, error) {
	eip := ElasticIP{AllocationID: newID(KindElasticIP), OwnerID: c.scope.AccountID, Region: c.scope.Region, Tags: tags}
	ids := map[string]string{"allocation_id": eip.AllocationID}
	err := c.apply(ctx, "AllocateAddress", ids, tagsRule(tags), func(tx Tx) error {
		ip, err := freePublicAddress(tx)
		if err != nil || ip != "" {
			if err != nil {
				return err
			}
			eip.PublicIP = ip
			return insertTagged(tx, eip, eip.AllocationID, tags)
		}
		return &Error{
			Code:    "AddressLimitExceeded",
			Message: "The maximum number of addresses has been reached.",
			Fix:     "Release elastic IP addresses that are no longer needed; the simulated pool holds about 760.",
		}
	})
	return made(eip, err)
}

// freePublicAddress returns an address of the pools no account holds, or ""
// when all are taken. It tries random ones first, which finds one at once
// while the pools are not nearly full, then looks at each in turn.
func freePublicAddress(tx ReadTx) (string, error) {
	const attempts = 64
	candidates := make([]string, 0, attempts)
	for range attempts {
		candidates = append(candidates, randomPublicAddress())
	}
	for _, pool := range publicPools {
		for addr := pool.Addr().Next(); pool.Contains(addr.Next()); addr = addr.Next() {
			candidates = append(candidates, addr.String())
		}
	}
	for _, ip := range candidates {
		taken, err := tx.PublicIPInUse(ip)
		if err != nil || !taken {
			return ip, err
		}
	}
	return "", nil
}

func randomPublicAddress() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("cloud: no randomness: " + err.Error())
	}
	n := binary.BigEndian.Uint32(b[:])
	pool := publicPools[n%uint32(len(publicPools))].Addr().As4()
	// Hosts 1 to 254: neither the network nor the broadcast address.
	pool[3] = byte(1 + (n>>8)%254)
	return netip.AddrFrom4(pool).String()
}

// ElasticIP returns the address with the given allocation ID.
func (c *Client) ElasticIP(ctx context.Context, id string) (ElasticIP, error) {
	return Describe[ElasticIP](c, ctx, id)
}

// FindElasticIPs returns the addresses that match filter.
func (c *Client) FindElasticIPs(ctx context.Context, filter ElasticIPFilter) ([]ElasticIP, error) {
	return Find[ElasticIP](c, ctx, filter)
}

// UpdateElasticIP replaces an address's tags.
func (c *Client) UpdateElasticIP(ctx context.Context, id string, tags map[string]string) (ElasticIP, error) {
	return ReplaceTags[ElasticIP](c, ctx, id, tags)
}

// ReleaseAddress gives an address back to the pool; one in use is refused.
func (c *Client) ReleaseAddress(ctx context.Context, id string) error {
	return removeStored(func(_ ReadTx, eip ElasticIP) error {
		if eip.NATGatewayID == "" && eip.NetworkInterfaceID == "" {
			return nil
		}
		fix := fmt.Sprintf("Delete NAT gateway %s, which uses it, first.", eip.NATGatewayID)
		user := eip.NATGatewayID
		if eip.NetworkInterfaceID != "" {
			user = eip.NetworkInterfaceID
			fix = fmt.Sprintf("Disassociate it from %s (association %s) first.", eip.NetworkInterfaceID, eip.InterfaceAssociationID)
		}
		return &Error{
			Code:    "InvalidIPAddress.InUse",
			Message: fmt.Sprintf("Address %s is in use.", eip.PublicIP),
			Fix:     fix,
			Objects: []string{id, user},
		}
	})(c, ctx, id)
}

// NAT gateway connectivity types.
const (
	ConnectivityPublic  = "public"
	ConnectivityPrivate = "private"
)

// NATGateway lets the instances of private subnets open connections to other
// networks, the internet for a public one, and lets no connection in.
type NATGateway struct {
	ID                 string
	OwnerID            string
	Region             string
	VPCID              string
	SubnetID           string
	ConnectivityType   string
	AllocationID       string
	AssociationID      string
	PublicIP           string
	PrivateIP          string
	NetworkInterfaceID string
	Tags               map[string]string
}

// NATGatewayInput is the desired configuration of a NAT gateway.
type NATGatewayInput struct {
	SubnetID         string
	AllocationID     string
	ConnectivityType string
	// PrivateIP is the gateway's address in its subnet; empty, the cloud
	// chooses the first free one.
	PrivateIP string
	Tags      map[string]string
}

// NATGatewayFilter selects NAT gateways; empty fields match all.
type NATGatewayFilter struct {
	ID       string
	SubnetID string
	VPCID    string
	Tags     map[string]string
}

// ClaimElasticIP is the claim a planned NAT gateway makes on its address.
const ClaimElasticIP ClaimKind = "elastic-ip"

// natRule checks a NAT gateway's configuration: its subnet exists, and a
// public one has a free elastic IP and an internet gateway on its VPC. selfID
// is the gateway's own ID when it exists already (planned again, or replaced
// by one that keeps its address), "" for a new one. At plan the subnet, the
// address and the connectivity type may be Unknown: an address already
// serving another gateway is refused whatever the subnet, and a private
// gateway with an address whatever the address.
func (c *Client) natRule(in NATGatewayInput, selfID string) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		typeKnown := IsKnown(in.ConnectivityType)
		if typeKnown {
			if err := validateConnectivityType(in.ConnectivityType); err != nil {
				return err
			}
		}
		var subnet Subnet
		if IsKnown(in.SubnetID) {
			var err error
			if subnet, err = c.findSubnet(v, in.SubnetID, "subnet_id"); err != nil {
				return err
			}
			// A NAT gateway, public or private, takes an IPv4 address of its
			// subnet.
			if subnet.IPv6Native {
				return &Error{
					Code:    "InvalidSubnet",
					Message: fmt.Sprintf("Subnet %s is IPv6-only and has no IPv4 addresses for a NAT gateway.", subnet.ID),
					Fix:     "Put the NAT gateway in a subnet with a cidr_block.",
					Field:   "subnet_id",
					Objects: []string{subnet.ID},
				}
			}
			// A chosen address meets the rules an interface's does: in the
			// subnet, none of the five AWS keeps, held by nobody else. A new
			// gateway given none takes the subnet's next free address, so
			// the subnet must have one left, counting what the plan takes.
			if in.PrivateIP != "" || selfID == "" {
				if err := c.privateAddressesRule(v, NetworkInterfaceInput{PrivateIPs: nonEmpty(in.PrivateIP)}, subnet, selfID); err != nil {
					return err
				}
			}
		}
		if in.ConnectivityType == ConnectivityPrivate {
			if in.AllocationID != "" {
				return &Error{
					Code:    "InvalidParameterCombination",
					Message: "A private NAT gateway cannot have an elastic IP address.",
					Fix:     "Remove allocation_id, or make the NAT gateway public.",
					Field:   "allocation_id",
					Objects: nonEmpty(in.AllocationID),
				}
			}
			return nil
		}
		if in.AllocationID == "" {
			if !typeKnown {
				return nil
			}
			return &Error{
				Code:    "MissingParameter",
				Message: "The request must contain the parameter allocationId",
				Fix:     "Give a public NAT gateway an elastic IP address: allocation_id = simcloud_eip.<name>.id.",
				Field:   "allocation_id",
				Objects: nonEmpty(subnet.ID),
			}
		}
		if IsKnown(in.AllocationID) {
			if err := c.addressFreeRule(v, in.AllocationID, selfID); err != nil {
				return err
			}
		}
		if !typeKnown || !IsKnown(in.SubnetID) {
			return nil
		}
		igw, err := attachedInternetGateway(v, c.scope, subnet.VPCID)
		if err != nil {
			return err
		}
		if igw == "" && len(v.Claimed(ClaimInternetGateway, subnet.VPCID)) == 0 {
			return &Error{
				Code:    "Gateway.NotAttached",
				Message: fmt.Sprintf("Network %s has no Internet gateway attached", subnet.VPCID),
				Fix:     fmt.Sprintf("A public NAT gateway reaches the internet through its VPC's internet gateway: attach one to %s, or make the NAT gateway private.", subnet.VPCID),
				Field:   "subnet_id",
				Objects: []string{subnet.VPCID, subnet.ID},
			}
		}
		return nil
	}
}

// addressFreeRule checks that an elastic IP exists and serves no NAT gateway
// but selfID, in the cloud or planned.
func (c *Client) addressFreeRule(v View, allocationID, selfID string) error {
	eip, err := findStored[ElasticIP](v, c.scope, allocationID, "allocation_id")
	if err != nil {
		return err
	}
	claims := v.Claimed(ClaimElasticIP, allocationID)
	if (eip.NATGatewayID == "" || eip.NATGatewayID == selfID) && eip.NetworkInterfaceID == "" && len(claims) == 0 {
		return nil
	}
	holder, object, obstacle := eip.NATGatewayID, eip.NATGatewayID, eip.NATGatewayID
	if eip.NetworkInterfaceID != "" {
		holder, object, obstacle = eip.NetworkInterfaceID, eip.NetworkInterfaceID, eip.NetworkInterfaceID
	} else if eip.NATGatewayID == "" || eip.NATGatewayID == selfID {
		holder, object, obstacle = claims[0].Who(), claims[0].Who(), ""
	}
	return &Error{
		Code:     "Resource.AlreadyAssociated",
		Message:  fmt.Sprintf("Elastic IP address %s is already associated", allocationID),
		Fix:      fmt.Sprintf("An elastic IP address serves one NAT gateway, and %s already serves %s. Allocate another simcloud_eip.", allocationID, holder),
		Field:    "allocation_id",
		Objects:  append(nonEmpty(selfID), allocationID, object),
		Obstacle: obstacle,
	}
}

// validateConnectivityType checks a NAT gateway's connectivity type, a value
// of the request alone.
func validateConnectivityType(t string) error {
	return oneOf(t, "connectivityType", "connectivity_type", ConnectivityPublic, ConnectivityPrivate)
}

// CheckNATGateway runs at plan time the rules creating a NAT gateway will
// meet at apply, and claims its elastic IP address. selfID is as for
// natRule.
func (c *Client) CheckNATGateway(ctx context.Context, p *Plan, holder Holder, in NATGatewayInput, selfID string) error {
	var claims []Claim
	if in.AllocationID != "" {
		claims = append(claims, Claim{Kind: ClaimElasticIP, Scope: in.AllocationID})
	}
	// The gateway's address, given or the cloud's to choose, is claimed
	// as an interface's primary one is.
	if IsKnown(in.SubnetID) {
		claims = append(claims, NetworkInterfaceInput{SubnetID: in.SubnetID, PrivateIPs: nonEmpty(in.PrivateIP)}.claims(selfID)...)
	}
	return c.Check(ctx, p, holder, c.natRule(in, selfID), claims...)
}

// CreateNATGateway creates a NAT gateway in a subnet, with a private address
// from the subnet's range and, for a public one, its elastic IP.
func (c *Client) CreateNATGateway(ctx context.Context, in NATGatewayInput) (NATGateway, error) {
	nat := NATGateway{
		ID: newID(KindNATGateway), OwnerID: c.scope.AccountID, Region: c.scope.Region, SubnetID: in.SubnetID,
		ConnectivityType: in.ConnectivityType, AllocationID: in.AllocationID, NetworkInterfaceID: newID(KindNetworkInterface), Tags: in.Tags,
	}
	ids := map[string]string{"nat_gateway_id": nat.ID, "subnet_id": in.SubnetID}
	err := c.apply(ctx, "CreateNatGateway", ids, c.natRule(in, ""), func(tx Tx) error {
		subnet, err := c.findSubnet(tx, in.SubnetID, "subnet_id")
		if err != nil {
			return err
		}
		nat.VPCID = subnet.VPCID
		if in.PrivateIP != "" {
			nat.PrivateIP = netip.MustParseAddr(in.PrivateIP).String()
		} else if nat.PrivateIP, err = freePrivateAddress(tx, c.scope, subnet); err != nil {
			return err
		}
		if in.AllocationID != "" {
			eip, err := findStored[ElasticIP](tx, c.scope, in.AllocationID, "allocation_id")
			if err != nil {
				return err
			}
			nat.PublicIP, nat.AssociationID = eip.PublicIP, newID(KindElasticIPAssociation)
		}
		return insertTagged(tx, nat, nat.ID, nat.Tags)
	})
	return made(nat, err)
}

// freePrivateAddress returns the first address of a subnet that AWS does not
// reserve (the first four and the last) and no interface or NAT gateway
// holds.
func freePrivateAddress(tx ReadTx, scope Scope, subnet Subnet) (string, error) {
	ips, err := choosePrivateAddresses(tx, scope, subnet, nil, 0, "")
	if err != nil {
		return "", err
	}
	return ips[0], nil
}

// NATGateway returns the NAT gateway with the given ID.
func (c *Client) NATGateway(ctx context.Context, id string) (NATGateway, error) {
	return Describe[NATGateway](c, ctx, id)
}

// FindNATGateways returns the NAT gateways that match filter.
func (c *Client) FindNATGateways(ctx context.Context, filter NATGatewayFilter) ([]NATGateway, error) {
	return Find[NATGateway](c, ctx, filter)
}

func (c *Client) findNATGateway(tx ReadTx, id string) (NATGateway, error) {
	return findStored[NATGateway](tx, c.scope, id, "id")
}

// UpdateNATGateway replaces a NAT gateway's tags.
func (c *Client) UpdateNATGateway(ctx context.Context, id string, tags map[string]string) (NATGateway, error) {
	return ReplaceTags[NATGateway](c, ctx, id, tags)
}

// DeleteNATGateway deletes a NAT gateway and frees its elastic IP; routes to
// it become blackholes.
func (c *Client) DeleteNATGateway(ctx context.Context, id string) error {
	return removeStored[NATGateway]()(c, ctx, id)
}

// AmazonIPv4Pool is the public IPv4 pool AWS names for its own addresses,
// the only one the simulated cloud allocates from.
const AmazonIPv4Pool = "amazon"

// CheckAddressArguments refuses the arguments of aws_eip the simulated
// cloud cannot honour: set holds the arguments given a value (Unknown when
// known only after apply, which waits for apply). Addresses come from
// Amazon's pool of the region's own network border group, in the VPC
// domain.
func (c *Client) CheckAddressArguments(set map[string]string) error {
	for _, field := range []string{"address", "customer_owned_ipv4_pool", "ipam_pool_id"} {
		if set[field] != "" {
			return &Error{
				Code:    "UnsupportedOperation",
				Message: fmt.Sprintf("The simulated cloud has no addresses of your own (BYOIP), customer-owned pools or IPAM pools for elastic IPs, so it cannot honour %s.", field),
				Fix:     fmt.Sprintf("Leave %s out: the simulated cloud allocates elastic IPs from Amazon's pool only.", field),
				Field:   field,
			}
		}
	}
	if pool := set["public_ipv4_pool"]; pool != "" && IsKnown(pool) && pool != AmazonIPv4Pool {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("The public IPv4 pool '%s' does not exist.", printable(pool)),
			Fix:     "Leave public_ipv4_pool out, or give amazon: the simulated cloud has no pools of your own.",
			Field:   "public_ipv4_pool",
		}
	}
	if err := c.ownBorderGroup(set, "network_border_group"); err != nil {
		return err
	}
	if set["vpc"] == "false" {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: "Value (standard) for parameter domain is invalid.",
			Fix:     "Leave vpc out, or write domain = \"vpc\" instead: with the retirement of EC2-Classic, standard addresses are no longer supported.",
			Field:   "vpc",
		}
	}
	return nil
}

// CheckNATGatewaySecondaryArguments checks the secondary-address arguments
// of aws_nat_gateway from the configuration: set holds those given a value
// (a list that is not empty; Unknown when known only after apply). Each
// gateway of the simulated cloud has one address, so any secondary one is
// refused; first, what AWS refuses for the connectivity type, as the AWS
// provider does at plan.
func CheckNATGatewaySecondaryArguments(connectivityType string, set map[string]string) error {
	combination := func(field string) error {
		return &Error{
			Code:    "InvalidParameterCombination",
			Message: fmt.Sprintf("%s is not supported with connectivity_type = \"%s\".", field, connectivityType),
			Fix:     fmt.Sprintf("Leave %s out of a %s NAT gateway.", field, connectivityType),
			Field:   field,
		}
	}
	// A value known only after apply may still turn out empty (a list built
	// from resources not yet created), so only a known one is refused here;
	// the create checks again once everything is known. The AWS provider's
	// CustomizeDiff skips unknown values the same way.
	given := func(field string) bool { return set[field] != "" && IsKnown(set[field]) }
	if connectivityType == ConnectivityPrivate && given("secondary_allocation_ids") {
		return combination("secondary_allocation_ids")
	}
	if connectivityType == ConnectivityPublic && given("secondary_private_ip_address_count") {
		return combination("secondary_private_ip_address_count")
	}
	for _, field := range []string{"secondary_allocation_ids", "secondary_private_ip_addresses", "secondary_private_ip_address_count"} {
		if given(field) && set[field] != "0" {
			return &Error{
				Code:    "UnsupportedOperation",
				Message: fmt.Sprintf("NAT gateways of the simulated cloud have one address each, so it cannot honour %s.", field),
				Fix:     fmt.Sprintf("Leave %s out: for more addresses, use more NAT gateways.", field),
				Field:   field,
			}
		}
	}
	return nil
}
