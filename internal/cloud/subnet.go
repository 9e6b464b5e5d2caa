package cloud

import (
	"context"
	"fmt"
	"net/netip"
)

// Subnet is a range of a VPC's addresses in one availability zone.
type Subnet struct {
	ID                          string
	OwnerID                     string
	Region                      string
	VPCID                       string
	CIDRBlock                   string
	AvailabilityZone            string
	IPv6CIDRBlock               string
	IPv6CIDRBlockAssociationID  string
	MapPublicIPOnLaunch         bool
	AssignIPv6AddressOnCreation bool
	// IPv6Native marks an IPv6-only subnet, which has no IPv4 block
	// (CIDRBlock is "").
	IPv6Native bool
	SubnetLaunchSettings
	Tags map[string]string
	// NetworkACLID is the network ACL the subnet is associated with, filled
	// in by the store.
	NetworkACLID string

	// RouteTableID is the table that serves the subnet: its explicit
	// association, else the VPC's main table. Derived when read.
	RouteTableID string
	// IsPublic says that the serving table has an active route to an
	// internet gateway attached to the subnet's VPC. Derived when read.
	IsPublic bool
	// DefaultForAZ says that the subnet is its zone's default subnet: of
	// the default layout, in the region's default VPC. Derived when read.
	DefaultForAZ bool
	// InternetAccess says what can reach the internet from the subnet and
	// the subnet from the internet. Derived when read.
	InternetAccess InternetAccess
}

// AvailabilityZoneID returns the ID of the subnet's zone.
func (s Subnet) AvailabilityZoneID() string { return AvailabilityZoneID(s.AvailabilityZone) }

// SubnetInput is the desired configuration of a subnet.
type SubnetInput struct {
	VPCID            string
	CIDRBlock        string
	AvailabilityZone string
	// IPv6CIDRBlock is a /64 of the VPC's IPv6 block, or "".
	IPv6CIDRBlock               string
	MapPublicIPOnLaunch         bool
	AssignIPv6AddressOnCreation bool
	IPv6Native                  bool
	// SubnetLaunchSettings' PrivateDNSHostnameType "" is AWS's default for
	// the subnet (see DefaultHostnameType).
	SubnetLaunchSettings
	Tags map[string]string
}

// SubnetLaunchSettings are what ModifySubnetAttribute changes of how
// instances and network interfaces launched in a subnet are named and
// reached, beyond the public IPv4 and IPv6 addresses.
type SubnetLaunchSettings struct {
	// EnableDNS64 has the Route 53 Resolver answer with synthetic IPv6
	// addresses for IPv4-only names.
	EnableDNS64 bool
	// EnableLNIAtDeviceIndex is the device position of local network
	// interfaces (an Outposts feature), 0 for none: AWS allows no 0.
	EnableLNIAtDeviceIndex          int64
	EnableResourceNameDNSAAAARecord bool
	EnableResourceNameDNSARecord    bool
	// PrivateDNSHostnameType is HostnameTypeIPName or
	// HostnameTypeResourceName.
	PrivateDNSHostnameType string
}

// The hostname types of instances launched in a subnet: named by their
// private IPv4 address or by their instance ID.
const (
	HostnameTypeIPName       = "ip-name"
	HostnameTypeResourceName = "resource-name"
)

// DefaultHostnameType is the hostname type AWS gives a subnet that names
// none: an IPv6-only subnet has no IPv4 address to name instances by.
func DefaultHostnameType(ipv6Native bool) string {
	if ipv6Native {
		return HostnameTypeResourceName
	}
	return HostnameTypeIPName
}

// SubnetFilter selects subnets; empty fields match all.
type SubnetFilter struct {
	ID               string
	VPCID            string
	CIDRBlock        string
	AvailabilityZone string
	Tags             map[string]string
	// BlocksOnly leaves tags out: the rules that compare a subnet's blocks
	// with its siblings' need no more, and a VPC may have many siblings.
	BlocksOnly bool
	// Near, when valid and VPCID is set, lets the store leave out subnets
	// whose block of Near's family cannot overlap Near, so that the overlap
	// rule reads a few rows however many subnets the VPC has. What is
	// returned may still not overlap: the rule compares the blocks itself.
	Near netip.Prefix
}

// ClaimSubnetBlock is the claim a planned subnet makes on a block of its
// VPC's addresses (IPv4 or IPv6); its scope is the VPC's ID.
const ClaimSubnetBlock ClaimKind = "subnet-block"

// The sizes AWS allows for a subnet's blocks.
const (
	subnetMinPrefixBits = 16
	subnetMaxPrefixBits = 28
	subnetIPv6Bits      = 64
)

// subnetRule checks a subnet's configuration against its VPC and the VPC's
// other subnets. selfID is the subnet's own ID, "" for a new one. At plan
// the VPC, the zone and either block may be Unknown: the checks of the
// others still run.
func (c *Client) subnetRule(in SubnetInput, selfID string) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if zone := in.zone(c.scope.Region); IsKnown(zone) {
			if err := ValidateAvailabilityZone(c.scope.Region, zone); err != nil {
				return err
			}
		}
		if err := in.launchRule(selfID); err != nil {
			return err
		}
		if in.IPv6CIDRBlock == "" && in.AssignIPv6AddressOnCreation {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: "Invalid value 'true' for AssignIpv6AddressOnCreation. Cannot set AssignIpv6AddressOnCreation to true unless the subnet has an IPv6 CIDR block associated with it.",
				Fix:     "Give the subnet an ipv6_cidr_block, or leave assign_ipv6_address_on_creation false.",
				Field:   "assign_ipv6_address_on_creation",
				Objects: nonEmpty(selfID),
			}
		}
		if !IsKnown(in.VPCID) {
			return nil
		}
		vpc, err := c.findVPC(v, in.VPCID, "vpc_id")
		if err != nil {
			return err
		}
		var blocks []netip.Prefix
		if in.CIDRBlock != "" && IsKnown(in.CIDRBlock) {
			vpcBlocks, err := ipv4Blocks(v, c.scope, vpc)
			if err != nil {
				return err
			}
			for _, claim := range v.Claimed(ClaimVPCCIDRBlock, vpc.ID) {
				vpcBlocks = append(vpcBlocks, claim.Value)
			}
			block, err := parseSubnetCIDR(in.CIDRBlock, vpc, vpcBlocks)
			if err != nil {
				return err
			}
			blocks = append(blocks, block)
		}
		if in.IPv6CIDRBlock != "" && IsKnown(in.IPv6CIDRBlock) {
			vpcBlocks, err := ipv6Blocks(v, c.scope, vpc)
			if err != nil {
				return err
			}
			v6, err := parseSubnetIPv6(in.IPv6CIDRBlock, vpc, vpcBlocks)
			if err != nil {
				return err
			}
			blocks = append(blocks, v6)
		}
		for _, b := range blocks {
			siblings, err := list[Subnet](v, c.scope, SubnetFilter{VPCID: vpc.ID, BlocksOnly: true, Near: b})
			if err != nil {
				return err
			}
			if err := subnetOverlap(v, b, vpc.ID, selfID, siblings); err != nil {
				return err
			}
		}
		return nil
	}
}

// launchRule checks what a subnet's blocks allow of its launch settings,
// from its configuration alone. The EC2 reference says which settings need
// an IPv6 block and what an IPv6-only subnet cannot have; the exact wording
// of each refusal is ours where we could not verify AWS's.
func (in SubnetInput) launchRule(selfID string) error {
	refuse := func(code, field, message, fix string) *Error {
		return &Error{Code: code, Message: message, Fix: fix, Field: field, Objects: nonEmpty(selfID)}
	}
	hostnames := in.hostnameType()
	if IsKnown(hostnames) {
		if err := ValidateHostnameType(hostnames); err != nil {
			return err
		}
	}
	if in.EnableLNIAtDeviceIndex != 0 {
		if err := ValidateLNIDeviceIndex(in.EnableLNIAtDeviceIndex); err != nil {
			return err
		}
	}
	hasIPv4, hasIPv6 := in.CIDRBlock != "", in.IPv6CIDRBlock != ""
	if in.IPv6Native {
		switch {
		case hasIPv4:
			return refuse("InvalidParameterCombination", "cidr_block", "An IPv6-only subnet cannot have an IPv4 CIDR block.",
				"Leave cidr_block out (null) of an ipv6_native subnet, or set ipv6_native = false.")
		case !hasIPv6:
			return refuse("MissingParameter", "ipv6_cidr_block", "The request must contain the parameter ipv6CidrBlock.",
				"Give the IPv6-only subnet an ipv6_cidr_block, a /64 of its VPC's IPv6 block.")
		case !in.AssignIPv6AddressOnCreation:
			return refuse("InvalidParameterValue", "assign_ipv6_address_on_creation",
				"Invalid value 'false' for AssignIpv6AddressOnCreation. An IPv6-only subnet must assign IPv6 addresses on creation.",
				"Set assign_ipv6_address_on_creation = true on an ipv6_native subnet.")
		case in.MapPublicIPOnLaunch:
			return refuse("InvalidParameterValue", "map_public_ip_on_launch",
				"Invalid value 'true' for MapPublicIpOnLaunch. An IPv6-only subnet has no IPv4 addresses to map.",
				"Leave map_public_ip_on_launch false on an ipv6_native subnet.")
		case in.EnableResourceNameDNSARecord:
			return refuse("InvalidParameterValue", "enable_resource_name_dns_a_record_on_launch",
				"Invalid value 'true' for EnableResourceNameDnsARecordOnLaunch. An IPv6-only subnet has no IPv4 addresses to answer A queries with.",
				"Leave enable_resource_name_dns_a_record_on_launch false on an ipv6_native subnet; enable_resource_name_dns_aaaa_record_on_launch is its counterpart.")
		case hostnames == HostnameTypeIPName:
			return refuse("InvalidParameterValue", "private_dns_hostname_type_on_launch",
				"Invalid value 'ip-name' for PrivateDnsHostnameTypeOnLaunch. An IPv6-only subnet names its instances by resource name.",
				"Set private_dns_hostname_type_on_launch = \"resource-name\", or leave it out, on an ipv6_native subnet.")
		}
	} else if !hasIPv4 {
		return refuse("MissingParameter", "cidr_block", "The request must contain the parameter cidrBlock.",
			"Give the subnet a cidr_block, or make it IPv6-only with ipv6_native = true and an ipv6_cidr_block.")
	}
	if !hasIPv6 {
		for i, on := range []bool{in.EnableDNS64, in.EnableResourceNameDNSAAAARecord} {
			if field := []string{"enable_dns64", "enable_resource_name_dns_aaaa_record_on_launch"}[i]; on {
				return refuse("InvalidParameterValue", field,
					fmt.Sprintf("Cannot set %s to true unless the subnet has an IPv6 CIDR block associated with it.", field),
					fmt.Sprintf("Give the subnet an ipv6_cidr_block, or leave %s false.", field))
			}
		}
	}
	return nil
}

// hostnameType is the subnet's hostname type, AWS's default when none is
// given.
func (in SubnetInput) hostnameType() string {
	if in.PrivateDNSHostnameType == "" {
		return DefaultHostnameType(in.IPv6Native)
	}
	return in.PrivateDNSHostnameType
}

// ValidateHostnameType refuses a hostname type other than AWS's two.
func ValidateHostnameType(s string) error {
	if s == HostnameTypeIPName || s == HostnameTypeResourceName {
		return nil
	}
	return invalidValue(s, "PrivateDnsHostnameTypeOnLaunch", "private_dns_hostname_type_on_launch",
		"Give ip-name (instances named by their private IPv4 address) or resource-name (by their instance ID).")
}

// ValidateLNIDeviceIndex refuses a device index for local network
// interfaces below 1: the primary interface (device 0) cannot be one.
func ValidateLNIDeviceIndex(n int64) error {
	if n >= 1 {
		return nil
	}
	return invalidValue(fmt.Sprint(n), "EnableLniAtDeviceIndex", "enable_lni_at_device_index",
		"Give a device index of 1 or more, or leave enable_lni_at_device_index out.")
}

func (in SubnetInput) zone(region string) string {
	if in.AvailabilityZone == "" {
		return AvailabilityZones(region)[0]
	}
	return in.AvailabilityZone
}

// launchSettings are the settings to store, AWS's hostname type filled in.
func (in SubnetInput) launchSettings() SubnetLaunchSettings {
	settings := in.SubnetLaunchSettings
	settings.PrivateDNSHostnameType = in.hostnameType()
	return settings
}

// canonical is the input with its blocks as the cloud keeps them, so that
// stored blocks, claims and rules compare one spelling.
func (in SubnetInput) canonical() SubnetInput {
	in.CIDRBlock, in.IPv6CIDRBlock = CanonicalCIDR(in.CIDRBlock), CanonicalCIDR(in.IPv6CIDRBlock)
	return in
}

func (in SubnetInput) claims() []Claim {
	var claims []Claim
	for _, block := range []string{in.CIDRBlock, in.IPv6CIDRBlock} {
		if block != "" && IsKnown(block) {
			claims = append(claims, Claim{Kind: ClaimSubnetBlock, Scope: in.VPCID, Value: block})
		}
	}
	return claims
}

// parseSubnetCIDR checks a subnet's IPv4 block against the IPv4 blocks of
// its VPC, the primary block first.
func parseSubnetCIDR(s string, vpc VPC, vpcBlocks []string) (netip.Prefix, error) {
	block, err := ParseIPv4Network(s, "cidrBlock", "cidr_block")
	if err != nil {
		return netip.Prefix{}, err
	}
	vpcBlock := netip.MustParsePrefix(vpc.CIDRBlock)
	invalid := func(fix string) *Error {
		return &Error{Code: "InvalidSubnet.Range", Message: fmt.Sprintf("The CIDR '%s' is invalid.", s), Fix: fix, Field: "cidr_block", Objects: []string{vpc.ID}}
	}
	if bits := block.Bits(); bits < subnetMinPrefixBits || bits > subnetMaxPrefixBits {
		return netip.Prefix{}, invalid(fmt.Sprintf("A subnet's block must be between /%d and /%d.", subnetMinPrefixBits, subnetMaxPrefixBits))
	}
	for _, b := range vpcBlocks {
		if p, err := netip.ParsePrefix(b); err == nil && contains(p, block) {
			return block, nil
		}
	}
	fix := fmt.Sprintf("Choose a block inside %s's range %s, such as %s.", vpc.ID, vpcBlock, resized(vpcBlock, max(block.Bits(), vpcBlock.Bits())))
	if len(vpcBlocks) > 1 {
		fix = fmt.Sprintf("Choose a block inside one of %s's blocks (%s), such as %s.", vpc.ID, joinIDs(vpcBlocks), resized(vpcBlock, max(block.Bits(), vpcBlock.Bits())))
	}
	return netip.Prefix{}, invalid(fix)
}

// parseSubnetIPv6 checks a subnet's IPv6 block against the IPv6 blocks of
// its VPC.
func parseSubnetIPv6(s string, vpc VPC, vpcBlocks []string) (netip.Prefix, error) {
	block, err := ParseIPv6Network(s, "ipv6CidrBlock", "ipv6_cidr_block")
	if err != nil {
		return netip.Prefix{}, err
	}
	if len(vpcBlocks) == 0 {
		return netip.Prefix{}, &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("The IPv6 CIDR '%s' is invalid: %s has no IPv6 CIDR block.", s, vpc.ID),
			Fix:     "Set assign_generated_ipv6_cidr_block = true on the VPC, then take a /64 of its ipv6_cidr_block (for example with cidrsubnet(vpc.ipv6_cidr_block, 8, 1)).",
			Field:   "ipv6_cidr_block",
			Objects: []string{vpc.ID},
		}
	}
	inside := false
	for _, b := range vpcBlocks {
		if p, err := netip.ParsePrefix(b); err == nil && contains(p, block) {
			inside = true
		}
	}
	vpcBlock := netip.MustParsePrefix(vpcBlocks[0])
	if block.Bits() != subnetIPv6Bits || !inside {
		return netip.Prefix{}, &Error{
			Code:    "InvalidSubnet.Range",
			Message: fmt.Sprintf("The IPv6 CIDR '%s' is invalid.", s),
			Fix:     fmt.Sprintf("A subnet's IPv6 block is a /64 inside its VPC's %s, such as %s.", vpcBlock, resized(vpcBlock, subnetIPv6Bits)),
			Field:   "ipv6_cidr_block",
			Objects: []string{vpc.ID},
		}
	}
	return block, nil
}

// subnetOverlap refuses a block that overlaps a block of another subnet of
// the VPC, stored or claimed by another object of the plan.
func subnetOverlap(v View, block netip.Prefix, vpcID, selfID string, siblings []Subnet) error {
	field := "cidr_block"
	if block.Addr().Is6() {
		field = "ipv6_cidr_block"
	}
	// other is the subnet in the way, as an entry of Objects; whose says
	// whose block it is, in a sentence.
	conflict := func(other, whose string) *Error {
		return &Error{
			Code:    "InvalidSubnet.Conflict",
			Message: fmt.Sprintf("The CIDR '%s' conflicts with another subnet", block),
			Fix:     fmt.Sprintf("Subnets of one VPC may not overlap, and %s overlaps %s. Choose a free block, for example with cidrsubnet().", block, whose),
			Field:   field,
			Objects: append(nonEmpty(selfID), vpcID, other),
		}
	}
	for _, s := range siblings {
		if s.ID == selfID {
			continue
		}
		for _, b := range []string{s.CIDRBlock, s.IPv6CIDRBlock} {
			if p, err := netip.ParsePrefix(b); err == nil && p.Overlaps(block) {
				err := conflict(s.ID, b+" of "+s.ID)
				err.Obstacle = s.ID
				return err
			}
		}
	}
	for _, claim := range v.Claimed(ClaimSubnetBlock, vpcID) {
		if p, err := netip.ParsePrefix(claim.Value); err == nil && p.Overlaps(block) {
			return conflict(claim.Who(), claim.Value+" of "+claim.Who())
		}
	}
	return nil
}

// contains reports whether block lies wholly inside outer.
func contains(outer, block netip.Prefix) bool {
	return outer.Bits() <= block.Bits() && outer.Contains(block.Addr())
}

// CheckSubnet runs at plan time the rules that creating or updating a subnet
// with this configuration will meet at apply, and claims its blocks.
// selfID is the subnet's ID, "" for a new one.
func (c *Client) CheckSubnet(ctx context.Context, p *Plan, holder Holder, in SubnetInput, selfID string) error {
	in = in.canonical()
	return c.Check(ctx, p, holder, c.subnetRule(in, selfID), in.claims()...)
}

// CreateSubnet creates a subnet.
func (c *Client) CreateSubnet(ctx context.Context, in SubnetInput) (Subnet, error) {
	in = in.canonical()
	s := Subnet{
		ID: newID(KindSubnet), OwnerID: c.scope.AccountID, Region: c.scope.Region,
		VPCID: in.VPCID, CIDRBlock: in.CIDRBlock, AvailabilityZone: in.zone(c.scope.Region),
		IPv6CIDRBlock: in.IPv6CIDRBlock, MapPublicIPOnLaunch: in.MapPublicIPOnLaunch,
		AssignIPv6AddressOnCreation: in.AssignIPv6AddressOnCreation, IPv6Native: in.IPv6Native,
		SubnetLaunchSettings: in.launchSettings(), Tags: in.Tags,
	}
	if s.IPv6CIDRBlock != "" {
		s.IPv6CIDRBlockAssociationID = newID(KindSubnetCIDRAssociation)
	}
	ids := map[string]string{"subnet_id": s.ID, "vpc_id": in.VPCID}
	err := c.apply(ctx, "CreateSubnet", ids, c.subnetRule(in, ""), func(tx Tx) error {
		if err := tx.Insert(s); err != nil {
			return err
		}
		if err := tx.SetTags(s.ID, s.Tags); err != nil {
			return err
		}
		// A new subnet is associated with its VPC's default network ACL.
		aclID, err := defaultNetworkACLID(tx, c.scope, s.VPCID)
		if err != nil {
			return err
		}
		if err := associateNetworkACL(tx, aclID, s.ID); err != nil {
			return err
		}
		s.NetworkACLID = aclID
		return c.deriveSubnet(tx, &s)
	})
	return made(s, err)
}

// Subnet returns the subnet with the given ID, with its routing as it is now.
func (c *Client) Subnet(ctx context.Context, id string) (Subnet, error) {
	return readResult(ctx, c, "DescribeSubnets", map[string]string{"subnet_id": id}, func(tx ReadTx) (Subnet, error) {
		return c.findSubnet(tx, id, "id")
	})
}

// FindSubnets returns the subnets that match filter, by ID.
func (c *Client) FindSubnets(ctx context.Context, filter SubnetFilter) ([]Subnet, error) {
	return c.readSubnets(ctx, filter, c.deriveSubnet)
}

// ListSubnets returns the subnets that filter selects as stored, with
// DefaultForAZ but without what routing makes of them (FindSubnets works
// that out for each): what listings read.
func (c *Client) ListSubnets(ctx context.Context, filter SubnetFilter) ([]Subnet, error) {
	return c.readSubnets(ctx, filter, c.markDefaultForAZ)
}

// readSubnets reads the subnets filter selects, each completed by complete.
func (c *Client) readSubnets(ctx context.Context, filter SubnetFilter, complete func(ReadTx, *Subnet) error) ([]Subnet, error) {
	var found []Subnet
	err := c.read(ctx, "DescribeSubnets", map[string]string{"subnet_id": filter.ID, "vpc_id": filter.VPCID}, func(tx ReadTx) error {
		var err error
		if found, err = list[Subnet](tx, c.scope, filter); err != nil {
			return err
		}
		for i := range found {
			if err := complete(tx, &found[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return found, err
}

func (c *Client) findSubnet(tx ReadTx, id, field string) (Subnet, error) {
	s, err := findStored[Subnet](tx, c.scope, id, field)
	if err != nil {
		return Subnet{}, err
	}
	return s, c.deriveSubnet(tx, &s)
}

// UpdateSubnet changes what AWS changes in place: the IPv6 block, the launch
// settings (SubnetLaunchSettings among them) and the tags.
func (c *Client) UpdateSubnet(ctx context.Context, id string, in SubnetInput) (Subnet, error) {
	in = in.canonical()
	var s Subnet
	err := c.apply(ctx, "ModifySubnetAttribute", map[string]string{"subnet_id": id}, allRules(c.subnetRule(in, id), c.subnetInPlaceRule(id, in)), func(tx Tx) error {
		var err error
		s, err = c.updateSubnet(tx, id, in)
		return err
	})
	return s, err
}

// subnetInPlaceRule refuses to change in place what a subnet keeps for
// life. A plan never asks for it: the provider replaces a subnet whose VPC,
// block, zone or IPv6-only setting changes (RequiresReplace), so this rule
// runs only in the update's transaction, for other clients of the cloud.
func (c *Client) subnetInPlaceRule(id string, in SubnetInput) Rule {
	return func(v View) error {
		s, err := c.findSubnet(v, id, "id")
		if err != nil {
			return err
		}
		if s.VPCID != in.VPCID || s.CIDRBlock != in.CIDRBlock || s.AvailabilityZone != in.zone(c.scope.Region) || s.IPv6Native != in.IPv6Native {
			return &Error{
				Code:    "OperationNotPermitted",
				Message: fmt.Sprintf("The VPC, IPv4 block, zone and IPv6-only setting of %s cannot be changed.", id),
				Fix:     "Replace the subnet to change them.",
				Objects: []string{id},
			}
		}
		return nil
	}
}

// updateSubnet is UpdateSubnet's change, once the rules (subnetInPlaceRule
// among them) have passed; adopting a default subnet keeps what that rule
// guards.
func (c *Client) updateSubnet(tx Tx, id string, in SubnetInput) (Subnet, error) {
	s, err := c.findSubnet(tx, id, "id")
	if err != nil {
		return Subnet{}, err
	}
	if s.IPv6CIDRBlock != in.IPv6CIDRBlock {
		s.IPv6CIDRBlock, s.IPv6CIDRBlockAssociationID = in.IPv6CIDRBlock, ""
		if in.IPv6CIDRBlock != "" {
			s.IPv6CIDRBlockAssociationID = newID(KindSubnetCIDRAssociation)
		}
	}
	s.MapPublicIPOnLaunch, s.AssignIPv6AddressOnCreation, s.Tags = in.MapPublicIPOnLaunch, in.AssignIPv6AddressOnCreation, in.Tags
	s.SubnetLaunchSettings = in.launchSettings()
	return s, updateTagged(tx, s, id, s.Tags)
}

// DeleteSubnet deletes a subnet that nothing uses any more.
func (c *Client) DeleteSubnet(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteSubnet", map[string]string{"subnet_id": id}, func(tx Tx) error {
		if _, err := c.findSubnet(tx, id, "id"); err != nil {
			return err
		}
		dependents, err := tx.SubnetDependents(id)
		if err != nil {
			return err
		}
		if len(dependents) > 0 {
			return dependencyViolation(KindSubnet, id, dependents, nil)
		}
		return tx.Delete(KindSubnet, id)
	})
}

// deriveSubnet fills in what a subnet's routing makes of it: the table that
// serves it and whether that table makes it public.
func (c *Client) deriveSubnet(tx ReadTx, s *Subnet) error {
	table, err := servingTable(tx, *s)
	if err != nil {
		return err
	}
	s.RouteTableID = table.ID
	s.IsPublic = false
	for _, r := range table.Routes {
		if r.State == RouteStateActive && targetKind(r.Target) == KindInternetGateway.Prefix {
			s.IsPublic = true
		}
	}
	if err := c.markDefaultForAZ(tx, s); err != nil {
		return err
	}
	s.InternetAccess, err = c.internetAccess(tx, *s, table)
	return err
}

// markDefaultForAZ sets DefaultForAZ: a subnet of the default layout is
// asked its VPC, the others are not.
func (c *Client) markDefaultForAZ(tx ReadTx, s *Subnet) error {
	s.DefaultForAZ = false
	if !IsDefaultSubnet(s.Region, s.AvailabilityZone, s.CIDRBlock) {
		return nil
	}
	vpc, _, err := get[VPC](tx, c.scope, s.VPCID)
	s.DefaultForAZ = vpc.IsDefault
	return err
}

// servingTable returns the table that routes a subnet's traffic, with route
// states: its explicit association's table, else its VPC's main table.
func servingTable(tx ReadTx, s Subnet) (RouteTable, error) {
	scope := Scope{AccountID: s.OwnerID, Region: s.Region}
	id := ""
	if a, ok, err := subnetAssociation(tx, s.ID); err != nil {
		return RouteTable{}, err
	} else if ok {
		id = a.RouteTableID
	} else if id, err = mainRouteTableID(tx, s.VPCID); err != nil {
		return RouteTable{}, err
	}
	table, _, err := get[RouteTable](tx, scope, id)
	if err != nil {
		return RouteTable{}, err
	}
	return table, deriveRouteStates(tx, &table)
}

// CheckSubnetPoolArguments refuses the arguments of aws_subnet that take
// its blocks from IPAM pools or put it on an AWS Outpost: the simulated
// cloud has neither. Left out (as terraform-aws-modules/vpc leaves them,
// null), they change nothing. set holds the arguments given a value.
func (c *Client) CheckSubnetPoolArguments(set map[string]string) error {
	if err := c.checkPoolArguments(set, "ipv4_ipam_pool_id", "ipv4_netmask_length", "ipv6_ipam_pool_id", "ipv6_netmask_length"); err != nil {
		return err
	}
	return checkOutpostArguments(set)
}

// checkOutpostArguments refuses any of aws_subnet's Outposts arguments
// given a value. AWS takes the three together (each is RequiredWith the
// others), so even map_customer_owned_ip_on_launch = false alone is
// refused there too.
func checkOutpostArguments(set map[string]string) error {
	for _, field := range []string{"outpost_arn", "customer_owned_ipv4_pool", "map_customer_owned_ip_on_launch"} {
		if set[field] != "" {
			return &Error{
				Code:    "UnsupportedOperation",
				Message: fmt.Sprintf("The simulated cloud has no AWS Outposts or customer-owned IP pools, so it cannot honour %s.", field),
				Fix:     "Leave outpost_arn, customer_owned_ipv4_pool and map_customer_owned_ip_on_launch out: subnets of the simulated cloud are in the region's own zones.",
				Field:   field,
			}
		}
	}
	return nil
}

// CheckSubnetZoneArguments refuses a subnet configured with both a zone name
// and a zone ID, from its configuration alone: set holds the arguments given
// a value (Unknown when known only after apply, which is still given).
func CheckSubnetZoneArguments(set map[string]string) error {
	_, zone := set["availability_zone"]
	_, zoneID := set["availability_zone_id"]
	if !zone || !zoneID {
		return nil
	}
	return &Error{
		Code:    "InvalidParameterCombination",
		Message: "Only one of AvailabilityZone or AvailabilityZoneId may be specified",
		Fix:     "Name the subnet's zone once: availability_zone (such as us-east-1a) or availability_zone_id (such as use1-az1), not both.",
		Field:   "availability_zone_id",
	}
}
