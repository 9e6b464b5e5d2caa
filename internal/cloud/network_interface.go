package cloud

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/netip"
	"slices"
)

// NetworkInterface is an elastic network interface: where an instance (or
// anything else AWS places in a subnet) has its addresses and security
// groups. An instance's primary interface is made and deleted with it.
type NetworkInterface struct {
	ID               string
	OwnerID          string
	Region           string
	VPCID            string
	SubnetID         string
	AvailabilityZone string
	Description      string
	InterfaceType    string
	MACAddress       string
	// PrivateIP is the primary private IPv4 address; PrivateIPs all of
	// them, the primary first.
	PrivateIP  string
	PrivateIPs []string
	// IPv6Addresses are in the subnet's IPv6 block.
	IPv6Addresses    []string
	SecurityGroupIDs []string
	SourceDestCheck  bool
	// LaunchPublicIP is the public IPv4 address assigned at launch
	// (associate_public_ip_address), "" for none.
	LaunchPublicIP string
	// The attachment to an instance; InstanceID "" while detached.
	InstanceID   string
	DeviceIndex  int64
	AttachmentID string
	Tags         map[string]string

	// PublicIP is the address the internet sees for PrivateIP: an
	// associated elastic IP's, else LaunchPublicIP; AllocationID names the
	// elastic IP, if any. Filled in by the store.
	PublicIP     string
	AllocationID string
}

// NetworkInterfaceFilter selects network interfaces; empty fields match
// all.
type NetworkInterfaceFilter struct {
	ID         string
	VPCID      string
	SubnetID   string
	InstanceID string
	Tags       map[string]string
}

func (NetworkInterface) StoredKind() Kind         { return KindNetworkInterface }
func (NetworkInterfaceFilter) FilteredKind() Kind { return KindNetworkInterface }
func (n NetworkInterface) ARN() string            { return ownedARN(n, n.OwnerID, n.Region, n.ID) }
func (n NetworkInterface) SecondaryPrivateIPs() []string {
	return n.PrivateIPs[min(1, len(n.PrivateIPs)):]
}

// Interface types, as CreateNetworkInterface takes them; InterfaceTypeDefault
// is what AWS reports for one made without a type.
const (
	InterfaceTypeDefault = "interface"
)

// InterfaceTypes are the values interface_type takes (CreateNetworkInterface's
// InterfaceType).
var InterfaceTypes = []string{"efa", "efa-only", "branch", "trunk"}

// Limits of one interface, as AWS's quotas set them by default.
const (
	// MaxSecurityGroupsPerInterface is AWS's default quota of groups per
	// network interface.
	MaxSecurityGroupsPerInterface = 5
	// reservedAddresses is how many addresses AWS keeps of each subnet:
	// the first four and the last.
	reservedAddresses = 5
)

// NetworkInterfaceInput is the desired configuration of a network
// interface.
type NetworkInterfaceInput struct {
	SubnetID      string
	Description   string
	InterfaceType string
	// PrivateIPs are the private IPv4 addresses asked for, the primary
	// first; empty lets the cloud choose the primary. An Unknown entry is
	// an address known only after apply.
	PrivateIPs []string
	// SecondaryPrivateIPCount is how many more addresses the cloud chooses
	// beyond PrivateIPs (private_ips_count).
	SecondaryPrivateIPCount int64
	IPv6Addresses           []string
	IPv6AddressCount        int64
	// SecurityGroupIDs empty means the VPC's default group.
	SecurityGroupIDs []string
	SourceDestCheck  bool
	// AssignPublicIP asks for a public IPv4 address at launch (an
	// instance's associate_public_ip_address).
	AssignPublicIP bool
	Tags           map[string]string
}

// Claims on subnets' addresses: ClaimPrivateIP reserves a private IPv4
// address (the value) and ClaimIPv6Address an IPv6 address in a subnet (the
// scope); ClaimSubnetAddresses reserves a number (the value) of addresses
// the cloud is to choose there.
const (
	ClaimPrivateIP       ClaimKind = "private-ip"
	ClaimIPv6Address     ClaimKind = "ipv6-address"
	ClaimSubnetAddresses ClaimKind = "subnet-addresses"
)

// interfaceRule checks an interface's configuration against its subnet and
// the other interfaces there. selfID is the interface's own ID, "" for a new
// one; its own addresses are not in its way.
func (c *Client) interfaceRule(in NetworkInterfaceInput, selfID string) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if in.InterfaceType != "" && in.InterfaceType != InterfaceTypeDefault {
			if err := oneOf(in.InterfaceType, "interfaceType", "interface_type", InterfaceTypes...); err != nil {
				return err
			}
		}
		if err := securityGroupCount(in.SecurityGroupIDs, "security_groups", selfID, in.SubnetID); err != nil {
			return err
		}
		if !IsKnown(in.SubnetID) {
			return nil
		}
		subnet, err := c.findSubnet(v, in.SubnetID, "subnet_id")
		if err != nil {
			return err
		}
		if err := c.groupsOfSubnetRule(v, in.SecurityGroupIDs, subnet); err != nil {
			return err
		}
		if err := c.privateAddressesRule(v, in, subnet, selfID); err != nil {
			return err
		}
		return c.ipv6AddressesRule(v, in, subnet, selfID)
	}
}

// securityGroupCount refuses more groups than an interface may have; field
// is the argument that lists them.
func securityGroupCount(groups []string, field, selfID, subnetID string) error {
	if len(groups) <= MaxSecurityGroupsPerInterface {
		return nil
	}
	return &Error{
		Code:    "SecurityGroupsPerInterfaceLimitExceeded",
		Message: "The maximum number of security groups per interface has been reached.",
		Fix:     fmt.Sprintf("Give the interface at most %d security groups (%d given); merge the rules of some into one group.", MaxSecurityGroupsPerInterface, len(groups)),
		Field:   field,
		Objects: nonEmpty(selfID, subnetID),
	}
}

// groupsOfSubnetRule checks that each known group exists and is of the
// subnet's VPC.
func (c *Client) groupsOfSubnetRule(v View, groups []string, subnet Subnet) error {
	for _, id := range groups {
		if !IsKnown(id) {
			continue
		}
		g, err := findStored[SecurityGroup](v, c.scope, id, "security_groups")
		if err != nil {
			return err
		}
		if g.VPCID != subnet.VPCID {
			return &Error{
				Code:    "InvalidParameter",
				Message: fmt.Sprintf("Security group %s and subnet %s belong to different networks.", g.ID, subnet.ID),
				Fix:     fmt.Sprintf("Use security groups of %s, the subnet's VPC (%s is in %s).", subnet.VPCID, g.ID, g.VPCID),
				Field:   "security_groups",
				Objects: []string{g.ID, subnet.ID},
			}
		}
	}
	return nil
}

// takenAddresses returns the private IPv4 addresses of a subnet that
// interfaces and NAT gateways other than selfID hold, each with its holder.
func takenAddresses(tx ReadTx, scope Scope, subnet Subnet, selfID string) (map[string]string, error) {
	taken, err := interfaceAddresses(tx, scope, subnet, selfID, func(n NetworkInterface) []string { return n.PrivateIPs })
	if err != nil {
		return nil, err
	}
	nats, err := list[NATGateway](tx, scope, NATGatewayFilter{SubnetID: subnet.ID})
	if err != nil {
		return nil, err
	}
	for _, n := range nats {
		// A NAT gateway planned again keeps the address it holds.
		if n.ID != selfID {
			taken[n.PrivateIP] = n.ID
		}
	}
	return taken, nil
}

// interfaceAddresses returns the addresses that pick reads off each
// interface of a subnet but selfID, each with its interface.
func interfaceAddresses(tx ReadTx, scope Scope, subnet Subnet, selfID string, pick func(NetworkInterface) []string) (map[string]string, error) {
	taken := map[string]string{}
	enis, err := list[NetworkInterface](tx, scope, NetworkInterfaceFilter{SubnetID: subnet.ID})
	if err != nil {
		return nil, err
	}
	for _, n := range enis {
		if n.ID == selfID {
			continue
		}
		for _, ip := range pick(n) {
			taken[ip] = n.ID
		}
	}
	return taken, nil
}

// privateAddressesRule checks the private IPv4 addresses asked for: in the
// subnet's block, none of the five AWS keeps, none held by another object
// or claimed by another of the plan; and that the subnet has room for
// those the cloud is to choose.
func (c *Client) privateAddressesRule(v View, in NetworkInterfaceInput, subnet Subnet, selfID string) error {
	wanted := len(in.PrivateIPs) + int(in.SecondaryPrivateIPCount)
	if subnet.CIDRBlock == "" {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("Subnet %s is IPv6-only and has no private IPv4 addresses.", subnet.ID),
			Fix:     "Launch into a subnet with a cidr_block; IPv6-only instances are not simulated.",
			Field:   "subnet_id",
			Objects: []string{subnet.ID},
		}
	}
	block := netip.MustParsePrefix(subnet.CIDRBlock)
	taken, err := takenAddresses(v, c.scope, subnet, selfID)
	if err != nil {
		return err
	}
	claimed := claimedValues(v, ClaimPrivateIP, subnet.ID)
	seen := map[string]bool{}
	for _, s := range in.PrivateIPs {
		if !IsKnown(s) {
			continue
		}
		addr, err := netip.ParseAddr(s)
		if err != nil || !addr.Is4() {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Invalid value '%s' for private IP address", printable(s)),
				Fix:     "Write an IPv4 address of the subnet, such as " + block.Addr().Next().Next().Next().Next().Next().String() + ".",
				Field:   "private_ip",
				Objects: nonEmpty(selfID),
			}
		}
		if !block.Contains(addr) {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Address %s does not fall within the subnet's address range", addr),
				Fix:     fmt.Sprintf("Choose an address of %s's block %s.", subnet.ID, subnet.CIDRBlock),
				Field:   "private_ip",
				Objects: []string{subnet.ID},
			}
		}
		if reservedAddress(block, addr) {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Address %s is in subnet's reserved address range", addr),
				Fix:     fmt.Sprintf("AWS keeps the first four addresses of %s and its last; choose another, or leave private_ip out.", subnet.CIDRBlock),
				Field:   "private_ip",
				Objects: []string{subnet.ID},
			}
		}
		if seen[addr.String()] {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Address %s is given twice.", addr),
				Fix:     "Give each private address once.",
				Field:   "private_ips",
				Objects: nonEmpty(selfID),
			}
		}
		seen[addr.String()] = true
		obstacle, stored := taken[addr.String()]
		planned, claimedToo := claimed[addr.String()]
		if stored || claimedToo {
			holder := obstacle
			if !stored {
				holder = planned
			}
			return &Error{
				Code:     "InvalidIPAddress.InUse",
				Message:  fmt.Sprintf("Address %s is in use.", addr),
				Fix:      fmt.Sprintf("Choose another address than %s, which %s already holds in %s, or leave private_ip out for the cloud to choose one.", addr, holder, subnet.ID),
				Field:    "private_ip",
				Objects:  append(nonEmpty(selfID), subnet.ID, holder),
				Obstacle: obstacle,
			}
		}
	}
	used := len(taken) + len(claimed)
	for _, cl := range v.Claimed(ClaimSubnetAddresses, subnet.ID) {
		var n int
		_, _ = fmt.Sscan(cl.Value, &n)
		used += n
	}
	if len(in.PrivateIPs) == 0 {
		// The primary address is the cloud's to choose too.
		wanted++
	}
	free := (1 << (32 - block.Bits())) - reservedAddresses - used
	if free < wanted {
		return insufficientAddresses(subnet)
	}
	return nil
}

func insufficientAddresses(subnet Subnet) *Error {
	return &Error{
		Code:    "InsufficientFreeAddressesInSubnet",
		Message: fmt.Sprintf("There are not enough free addresses in subnet '%s' to satisfy the requested number of instances.", subnet.ID),
		Fix:     fmt.Sprintf("Subnet %s (%s) has no free address left: use a larger subnet, or delete interfaces and NAT gateways it no longer needs.", subnet.ID, subnet.CIDRBlock),
		Field:   "subnet_id",
		Objects: []string{subnet.ID},
	}
}

// reservedAddress reports whether AWS keeps addr of block: the network
// address, the router, DNS and future use (the next three), and the last.
func reservedAddress(block netip.Prefix, addr netip.Addr) bool {
	first := block.Addr()
	for range 4 {
		if addr == first {
			return true
		}
		first = first.Next()
	}
	return addr == lastAddress(block)
}

func lastAddress(block netip.Prefix) netip.Addr {
	a := block.Addr().As4()
	host := uint32(1)<<(32-block.Bits()) - 1
	n := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	n |= host
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
}

// ipv6AddressesRule checks IPv6 addresses asked for: the subnet has an IPv6
// block, and each given address is in it and free.
func (c *Client) ipv6AddressesRule(v View, in NetworkInterfaceInput, subnet Subnet, selfID string) error {
	if len(in.IPv6Addresses) == 0 && in.IPv6AddressCount == 0 {
		return nil
	}
	field := "ipv6_address_count"
	if len(in.IPv6Addresses) > 0 {
		field = "ipv6_addresses"
	}
	if subnet.IPv6CIDRBlock == "" {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("Subnet %s has no IPv6 CIDR block: no IPv6 address can be assigned in it.", subnet.ID),
			Fix:     fmt.Sprintf("Give %s an ipv6_cidr_block (its VPC needs one first), or leave %s out.", subnet.ID, field),
			Field:   field,
			Objects: []string{subnet.ID},
		}
	}
	block := netip.MustParsePrefix(subnet.IPv6CIDRBlock)
	taken, err := takenIPv6(v, c.scope, subnet, selfID)
	if err != nil {
		return err
	}
	claimed := claimedValues(v, ClaimIPv6Address, subnet.ID)
	for _, s := range in.IPv6Addresses {
		if !IsKnown(s) {
			continue
		}
		addr, err := netip.ParseAddr(s)
		if err != nil || !addr.Is6() || addr.Is4In6() {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Invalid value '%s' for IPv6 address", printable(s)),
				Fix:     "Write an IPv6 address of the subnet's block " + subnet.IPv6CIDRBlock + ".",
				Field:   field,
				Objects: nonEmpty(selfID),
			}
		}
		if !block.Contains(addr) {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("Address %s does not fall within the subnet's address range", addr),
				Fix:     fmt.Sprintf("Choose an address of %s's IPv6 block %s.", subnet.ID, subnet.IPv6CIDRBlock),
				Field:   field,
				Objects: []string{subnet.ID},
			}
		}
		obstacle, stored := taken[addr.String()]
		planned, claimedToo := claimed[addr.String()]
		if stored || claimedToo {
			holder := obstacle
			if !stored {
				holder = planned
			}
			return &Error{
				Code:     "InvalidIPAddress.InUse",
				Message:  fmt.Sprintf("Address %s is in use.", addr),
				Fix:      fmt.Sprintf("Choose another address than %s, which %s already holds, or use ipv6_address_count for the cloud to choose.", addr, holder),
				Field:    field,
				Objects:  append(nonEmpty(selfID), subnet.ID, holder),
				Obstacle: obstacle,
			}
		}
	}
	return nil
}

// claimedValues returns the values that other resources of the plan claim
// under kind and key (the addresses of a subnet), each with its claimant.
func claimedValues(v View, kind ClaimKind, key string) map[string]string {
	claimed := map[string]string{}
	for _, cl := range v.Claimed(kind, key) {
		claimed[cl.Value] = cl.Who()
	}
	return claimed
}

// takenIPv6 returns the IPv6 addresses of a subnet that interfaces other
// than selfID hold, each with its interface.
func takenIPv6(tx ReadTx, scope Scope, subnet Subnet, selfID string) (map[string]string, error) {
	return interfaceAddresses(tx, scope, subnet, selfID, func(n NetworkInterface) []string { return n.IPv6Addresses })
}

// claims are what a planned new interface reserves in its subnet; one that
// exists holds its addresses in the cloud already.
func (in NetworkInterfaceInput) claims(selfID string) []Claim {
	if selfID != "" {
		return nil
	}
	var claims []Claim
	chosen := int(in.SecondaryPrivateIPCount)
	if len(in.PrivateIPs) == 0 {
		chosen++
	}
	for _, ip := range in.PrivateIPs {
		if IsKnown(ip) {
			if addr, err := netip.ParseAddr(ip); err == nil {
				claims = append(claims, Claim{Kind: ClaimPrivateIP, Scope: in.SubnetID, Value: addr.String()})
				continue
			}
		}
		chosen++
	}
	if chosen > 0 {
		claims = append(claims, Claim{Kind: ClaimSubnetAddresses, Scope: in.SubnetID, Value: fmt.Sprint(chosen)})
	}
	for _, ip := range in.IPv6Addresses {
		if addr, err := netip.ParseAddr(ip); err == nil {
			claims = append(claims, Claim{Kind: ClaimIPv6Address, Scope: in.SubnetID, Value: addr.String()})
		}
	}
	return claims
}

// CheckNetworkInterface runs at plan time the rules creating (or, with
// selfID, changing) an interface will meet at apply, and claims its
// addresses.
func (c *Client) CheckNetworkInterface(ctx context.Context, p *Plan, holder Holder, in NetworkInterfaceInput, selfID string) error {
	return c.Check(ctx, p, holder, c.interfaceRule(in, selfID), in.claims(selfID)...)
}

// CreateNetworkInterface creates a detached interface in a subnet.
func (c *Client) CreateNetworkInterface(ctx context.Context, in NetworkInterfaceInput) (NetworkInterface, error) {
	var eni NetworkInterface
	err := c.apply(ctx, "CreateNetworkInterface", map[string]string{"subnet_id": in.SubnetID}, c.interfaceRule(in, ""), func(tx Tx) error {
		var err error
		eni, err = c.insertInterface(tx, in, "", 0)
		return err
	})
	return made(eni, err)
}

// insertInterface makes an interface in the transaction, choosing the
// addresses the input leaves to the cloud; instanceID, when set, attaches
// it at deviceIndex.
func (c *Client) insertInterface(tx Tx, in NetworkInterfaceInput, instanceID string, deviceIndex int64) (NetworkInterface, error) {
	subnet, err := c.findSubnet(tx, in.SubnetID, "subnet_id")
	if err != nil {
		return NetworkInterface{}, err
	}
	eni := NetworkInterface{
		ID: newID(KindNetworkInterface), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: subnet.VPCID, SubnetID: subnet.ID,
		AvailabilityZone: subnet.AvailabilityZone, Description: in.Description, InterfaceType: in.InterfaceType, MACAddress: newMACAddress(),
		SecurityGroupIDs: slices.Clone(in.SecurityGroupIDs), SourceDestCheck: in.SourceDestCheck, Tags: in.Tags,
	}
	if eni.InterfaceType == "" {
		eni.InterfaceType = InterfaceTypeDefault
	}
	if len(eni.SecurityGroupIDs) == 0 {
		vpc, err := c.findVPC(tx, subnet.VPCID, "vpc_id")
		if err != nil {
			return NetworkInterface{}, err
		}
		eni.SecurityGroupIDs = []string{vpc.DefaultSecurityGroupID}
	}
	slices.Sort(eni.SecurityGroupIDs)
	if eni.PrivateIPs, err = choosePrivateAddresses(tx, c.scope, subnet, in.PrivateIPs, in.SecondaryPrivateIPCount, ""); err != nil {
		return NetworkInterface{}, err
	}
	eni.PrivateIP = eni.PrivateIPs[0]
	if eni.IPv6Addresses, err = chooseIPv6Addresses(tx, c.scope, subnet, in.IPv6Addresses, in.IPv6AddressCount, ""); err != nil {
		return NetworkInterface{}, err
	}
	if in.AssignPublicIP {
		ip, err := freePublicAddress(tx)
		if err != nil {
			return NetworkInterface{}, err
		}
		if ip == "" {
			return NetworkInterface{}, publicPoolExhausted()
		}
		eni.LaunchPublicIP = ip
	}
	if instanceID != "" {
		eni.InstanceID, eni.DeviceIndex, eni.AttachmentID = instanceID, deviceIndex, newID(KindNetworkInterfaceAttachment)
	}
	if err := insertTagged(tx, eni, eni.ID, eni.Tags); err != nil {
		return NetworkInterface{}, err
	}
	eni.PublicIP = eni.LaunchPublicIP
	return eni, nil
}

// choosePrivateAddresses returns the given addresses in canonical form, the
// primary first, then as many more free ones as count asks for (one, the
// primary, when none is given).
func choosePrivateAddresses(tx ReadTx, scope Scope, subnet Subnet, given []string, count int64, selfID string) ([]string, error) {
	taken, err := takenAddresses(tx, scope, subnet, selfID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range given {
		addr, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("address %q was not checked", s)
		}
		out = append(out, addr.String())
		taken[addr.String()] = "self"
	}
	need := int(count)
	if len(out) == 0 {
		need++
	}
	if need == 0 {
		return out, nil
	}
	block := netip.MustParsePrefix(subnet.CIDRBlock)
	for addr := block.Addr(); block.Contains(addr) && need > 0; addr = addr.Next() {
		if reservedAddress(block, addr) || taken[addr.String()] != "" {
			continue
		}
		out = append(out, addr.String())
		need--
	}
	if need > 0 {
		return nil, insufficientAddresses(subnet)
	}
	return out, nil
}

// chooseIPv6Addresses returns the given IPv6 addresses, or count free ones
// of the subnet's block, from its fifth address on as for IPv4.
func chooseIPv6Addresses(tx ReadTx, scope Scope, subnet Subnet, given []string, count int64, selfID string) ([]string, error) {
	var out []string
	for _, s := range given {
		addr, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("address %q was not checked", s)
		}
		out = append(out, addr.String())
	}
	if count == 0 || len(out) > 0 {
		return out, nil
	}
	taken, err := takenIPv6(tx, scope, subnet, selfID)
	if err != nil {
		return nil, err
	}
	block := netip.MustParsePrefix(subnet.IPv6CIDRBlock)
	addr := block.Addr()
	for range 4 {
		addr = addr.Next()
	}
	for ; int64(len(out)) < count; addr = addr.Next() {
		if taken[addr.String()] == "" {
			out = append(out, addr.String())
		}
	}
	return out, nil
}

// newMACAddress returns a locally administered unicast MAC address, as
// AWS's interfaces have.
func newMACAddress() string {
	n, err := rand.Int(rand.Reader, big.NewInt(1<<40))
	if err != nil {
		panic("cloud: no randomness: " + err.Error())
	}
	b := n.FillBytes(make([]byte, 5))
	return fmt.Sprintf("02:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4])
}

// NetworkInterface returns the interface with the given ID.
func (c *Client) NetworkInterface(ctx context.Context, id string) (NetworkInterface, error) {
	return Describe[NetworkInterface](c, ctx, id)
}

// FindNetworkInterfaces returns the interfaces that match filter.
func (c *Client) FindNetworkInterfaces(ctx context.Context, filter NetworkInterfaceFilter) ([]NetworkInterface, error) {
	return Find[NetworkInterface](c, ctx, filter)
}

// UpdateNetworkInterface changes what ModifyNetworkInterfaceAttribute,
// Assign/UnassignPrivateIpAddresses and Assign/UnassignIpv6Addresses
// change of an interface: its description, groups, source/destination
// check, secondary addresses and tags. The subnet and the primary address
// are the interface's for life.
func (c *Client) UpdateNetworkInterface(ctx context.Context, id string, in NetworkInterfaceInput) (NetworkInterface, error) {
	var eni NetworkInterface
	err := c.apply(ctx, "ModifyNetworkInterfaceAttribute", map[string]string{"network_interface_id": id}, c.interfaceRule(in, id), func(tx Tx) error {
		var err error
		eni, err = c.updateInterface(tx, id, in)
		return err
	})
	return made(eni, err)
}

func (c *Client) updateInterface(tx Tx, id string, in NetworkInterfaceInput) (NetworkInterface, error) {
	eni, err := findStored[NetworkInterface](tx, c.scope, id, "id")
	if err != nil {
		return eni, err
	}
	subnet, err := c.findSubnet(tx, eni.SubnetID, "subnet_id")
	if err != nil {
		return eni, err
	}
	eni.Description, eni.SourceDestCheck = in.Description, in.SourceDestCheck
	if len(in.SecurityGroupIDs) > 0 {
		eni.SecurityGroupIDs = slices.Sorted(slices.Values(in.SecurityGroupIDs))
	}
	given := in.PrivateIPs
	if len(given) == 0 || given[0] != eni.PrivateIP {
		// The primary stays; what is given beyond it are secondaries.
		given = append([]string{eni.PrivateIP}, slices.DeleteFunc(slices.Clone(given), func(s string) bool { return s == eni.PrivateIP })...)
	}
	count := in.SecondaryPrivateIPCount - int64(len(given)-1)
	if count < 0 {
		count = 0
	}
	if len(in.PrivateIPs) == 0 && in.SecondaryPrivateIPCount == int64(len(eni.PrivateIPs)-1) {
		given, count = eni.PrivateIPs, 0
	}
	if eni.PrivateIPs, err = choosePrivateAddresses(tx, c.scope, subnet, given, count, id); err != nil {
		return eni, err
	}
	if len(in.IPv6Addresses) > 0 || in.IPv6AddressCount != int64(len(eni.IPv6Addresses)) {
		if eni.IPv6Addresses, err = chooseIPv6Addresses(tx, c.scope, subnet, in.IPv6Addresses, in.IPv6AddressCount, id); err != nil {
			return eni, err
		}
	}
	if err := updateTagged(tx, eni, eni.ID, in.Tags); err != nil {
		return eni, err
	}
	return findStored[NetworkInterface](tx, c.scope, id, "id")
}

// DeleteNetworkInterface deletes a detached interface; its elastic IP, if
// any, is disassociated.
func (c *Client) DeleteNetworkInterface(ctx context.Context, id string) error {
	return removeStored(refuseAttachedInterface)(c, ctx, id)
}

func refuseAttachedInterface(_ ReadTx, eni NetworkInterface) error {
	if eni.InstanceID == "" {
		return nil
	}
	return &Error{
		Code:    "InvalidNetworkInterface.InUse",
		Message: fmt.Sprintf("Interface: [%s] in use.", eni.ID),
		Fix:     fmt.Sprintf("Terminate instance %s, to which %s is attached at device index %d, or detach the interface first.", eni.InstanceID, eni.ID, eni.DeviceIndex),
		Objects: []string{eni.ID, eni.InstanceID},
	}
}

// refuseGroupInUse refuses to delete a security group that an interface
// still uses.
func refuseGroupInUse(tx ReadTx, g SecurityGroup) error {
	enis, err := list[NetworkInterface](tx, Scope{AccountID: g.OwnerID, Region: g.Region}, NetworkInterfaceFilter{VPCID: g.VPCID})
	if err != nil {
		return err
	}
	var users []string
	for _, n := range enis {
		if slices.Contains(n.SecurityGroupIDs, g.ID) {
			users = append(users, n.ID)
		}
	}
	if len(users) == 0 {
		return nil
	}
	e := dependencyViolation(KindSecurityGroup, g.ID, users, nil)
	e.Message = fmt.Sprintf("resource %s has a dependent object", g.ID)
	e.Fix = fmt.Sprintf("Network interfaces still use the group: %s. Give them other groups, or delete them (or their instances), first.", joinIDs(users))
	return e
}

// pastNetworkInterface is the network interface's routeTarget.beyond:
// traffic routed to an interface is handed to the appliance behind it (a
// firewall, a NAT instance), whose own forwarding the simulated cloud does
// not follow.
func pastNetworkInterface(_ *Client, _ ReadTx, _ Subnet, target, _, _ string, _ *Path) (broken, fix string, err error) {
	return fmt.Sprintf("the route hands the traffic to network interface %s: simcloud does not follow traffic through the appliance behind an interface", target),
		"Check the appliance's own configuration; to have simcloud follow the path, route to an internet gateway or a NAT gateway instead.", nil
}

// interfaceInstance is the network interface's routeTarget.instance: the
// instance the interface is attached to, if any, and its owner, the
// interface's.
func interfaceInstance(tx ReadTx, scope Scope, target string) (instanceID, ownerID string, err error) {
	eni, ok, err := get[NetworkInterface](tx, scope, target)
	if err != nil || !ok || eni.InstanceID == "" {
		return "", "", err
	}
	return eni.InstanceID, eni.OwnerID, nil
}

// interfaceEndpoint resolves an interface into one end of a network path:
// its subnet, groups and addresses.
func (c *Client) interfaceEndpoint(tx ReadTx, id string) (Endpoint, error) {
	eni, err := findStored[NetworkInterface](tx, c.scope, id, "id")
	if err != nil {
		return Endpoint{}, err
	}
	ep := Endpoint{ID: eni.ID, Kind: "network_interface", VPCID: eni.VPCID, SubnetID: eni.SubnetID, InterfaceID: eni.ID,
		SecurityGroupIDs: slices.Clone(eni.SecurityGroupIDs)}
	if ep.PrivateIPv4, err = netip.ParseAddr(eni.PrivateIP); err != nil {
		return Endpoint{}, fmt.Errorf("interface %s holds the address %q: %w", eni.ID, eni.PrivateIP, err)
	}
	for _, s := range eni.IPv6Addresses {
		addr, err := netip.ParseAddr(s)
		if err != nil {
			return Endpoint{}, fmt.Errorf("interface %s holds the address %q: %w", eni.ID, s, err)
		}
		ep.IPv6 = append(ep.IPv6, addr)
	}
	if eni.PublicIP != "" {
		if ep.PublicIPv4, err = netip.ParseAddr(eni.PublicIP); err != nil {
			return Endpoint{}, fmt.Errorf("interface %s maps to the address %q: %w", eni.ID, eni.PublicIP, err)
		}
	}
	return ep, nil
}

// publicPoolExhausted is the refusal of a public address at launch when the
// simulated pool has none left: no object is at fault.
func publicPoolExhausted() *Error {
	return &Error{
		Code:    "AddressLimitExceeded",
		Message: "The maximum number of addresses has been reached.",
		Fix:     "Release elastic IP addresses, or launch without a public address: the simulated pool holds about 760.",
	}
}
