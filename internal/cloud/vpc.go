package cloud

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net/netip"
)

// VPC is a virtual private cloud.
type VPC struct {
	ID                               string
	OwnerID                          string
	Region                           string
	CIDRBlock                        string
	InstanceTenancy                  string
	EnableDNSSupport                 bool
	EnableDNSHostnames               bool
	EnableNetworkAddressUsageMetrics bool
	// IPv6CIDRBlock is the Amazon-provided /56, or "" when the VPC has none.
	IPv6CIDRBlock     string
	IPv6AssociationID string
	// MainRouteTableID is filled in by the store from the main association,
	// DefaultSecurityGroupID and DefaultNetworkACLID from the VPC's default
	// group and ACL.
	MainRouteTableID       string
	DefaultSecurityGroupID string
	DefaultNetworkACLID    string
	// DHCPOptionsID is the set the VPC is associated with, "" for none
	// (which AWS calls default: see DHCPOptionsOf).
	DHCPOptionsID string
	// IsDefault marks the region's default VPC (see CreateDefaultVPC).
	IsDefault bool
	// IPv4IPAMPoolID and IPv6IPAMPoolID are the pools the VPC's blocks
	// were allocated from, read from the allocations.
	IPv4IPAMPoolID, IPv6IPAMPoolID string
	Tags                           map[string]string
}

// VPCInput is the desired configuration of a VPC.
type VPCInput struct {
	CIDRBlock                        string
	InstanceTenancy                  string
	EnableDNSSupport                 bool
	EnableDNSHostnames               bool
	EnableNetworkAddressUsageMetrics bool
	AssignGeneratedIPv6CIDRBlock     bool
	// A new VPC's blocks may come from IPAM pools: CIDRBlock (and
	// IPv6CIDRBlock) inside the pool, or "" for the lowest free block of the
	// netmask length (0 for the pool's default).
	IPv4IPAMPoolID, IPv6IPAMPoolID       string
	IPv4NetmaskLength, IPv6NetmaskLength int64
	IPv6CIDRBlock                        string
	Tags                                 map[string]string
}

// VPCFilter selects VPCs; empty fields match everything.
type VPCFilter struct {
	ID            string
	CIDRBlock     string
	DHCPOptionsID string
	// Default, when set, selects the region's default VPC or the others.
	Default *bool
	// Tags must all be present with these values.
	Tags map[string]string
}

// Instance tenancies.
const (
	TenancyDefault   = "default"
	TenancyDedicated = "dedicated"
)

// InstanceTenancies lists the tenancies a VPC may have.
func InstanceTenancies() []string { return []string{TenancyDefault, TenancyDedicated} }

// ValidateInstanceTenancy checks a VPC's instance tenancy.
func ValidateInstanceTenancy(t string) error {
	return oneOf(t, "instanceTenancy", "instance_tenancy", InstanceTenancies()...)
}

// TenancyChangeInPlace reports whether AWS can change a VPC's tenancy from
// one value to another without replacing the VPC: only dedicated to default.
func TenancyChangeInPlace(from, to string) bool {
	return from == to || (from == TenancyDedicated && to == TenancyDefault)
}

// rule checks a VPC's desired configuration. Tags are the object's full set,
// default tags included, so the limit on their number is checked as AWS
// would count it.
func (in VPCInput) rule() Rule {
	return func(v View) error {
		// A block from a pool is found, and checked, at apply.
		if IsKnown(in.CIDRBlock) && (in.CIDRBlock != "" || in.IPv4IPAMPoolID == "") {
			if _, err := ParseVPCCIDR(in.CIDRBlock); err != nil {
				return err
			}
		}
		if IsKnown(in.InstanceTenancy) {
			if err := ValidateInstanceTenancy(in.InstanceTenancy); err != nil {
				return err
			}
		}
		return tagsRule(in.Tags)(v)
	}
}

// vpcExistsRule checks that the VPC an object is made in exists; at plan
// vpcID may be Unknown, for a VPC the same apply creates.
func (c *Client) vpcExistsRule(vpcID string) Rule {
	return func(v View) error {
		if !IsKnown(vpcID) {
			return nil
		}
		_, err := c.findVPC(v, vpcID, "vpc_id")
		return err
	}
}

// CheckVPC runs at plan time the rules that creating or updating a VPC with
// this configuration will meet at apply. holder is the VPC's, see Plan.
func (c *Client) CheckVPC(ctx context.Context, p *Plan, holder Holder, in VPCInput) error {
	rule := in.rule()
	if holder.planned() {
		rule = allRules(rule, c.vpcPoolRule(in))
	}
	return c.Check(ctx, p, holder, rule)
}

// CreateVPC creates a VPC with its main route table, default security group
// and default network ACL, associated with the region's default DHCP
// options set.
func (c *Client) CreateVPC(ctx context.Context, in VPCInput) (VPC, error) {
	vpc := VPC{
		ID:                               newID(KindVPC),
		OwnerID:                          c.scope.AccountID,
		Region:                           c.scope.Region,
		CIDRBlock:                        in.CIDRBlock,
		InstanceTenancy:                  in.InstanceTenancy,
		EnableDNSSupport:                 in.EnableDNSSupport,
		EnableDNSHostnames:               in.EnableDNSHostnames,
		EnableNetworkAddressUsageMetrics: in.EnableNetworkAddressUsageMetrics,
		Tags:                             in.Tags,
	}
	// The pools' rule runs in the transaction too: allocating the blocks
	// below takes them from the pools as the rule found them.
	err := c.apply(ctx, "CreateVpc", map[string]string{"vpc_id": vpc.ID}, allRules(in.rule(), c.vpcPoolRule(in)), func(tx Tx) error {
		if err := c.allocateVPCBlocks(tx, in, &vpc); err != nil {
			return err
		}
		return c.createVPC(tx, &vpc, in.AssignGeneratedIPv6CIDRBlock)
	})
	return made(vpc, err)
}

// createVPC stores vpc with its main route table, default security group
// and default network ACL, associated with the region's default DHCP
// options set, inside a transaction: CreateVpc and CreateDefaultVpc both
// make VPCs this way.
func (c *Client) createVPC(tx Tx, vpc *VPC, assignIPv6 bool) error {
	if assignIPv6 {
		if err := assignIPv6Block(tx, vpc); err != nil {
			return err
		}
	}
	dhcp, err := defaultDHCPOptions(tx, c.scope)
	if err != nil {
		return err
	}
	vpc.DHCPOptionsID = dhcp.ID
	if err := tx.Insert(*vpc); err != nil {
		return err
	}
	if err := tx.SetTags(vpc.ID, vpc.Tags); err != nil {
		return err
	}
	main, err := createRouteTable(tx, *vpc, nil)
	if err != nil {
		return err
	}
	vpc.MainRouteTableID = main.ID
	if err := tx.Insert(Association{
		ID: newID(KindRouteTableAssociation), RouteTableID: main.ID, VPCID: vpc.ID, Main: true,
	}); err != nil {
		return err
	}
	group, err := createDefaultSecurityGroup(tx, *vpc)
	if err != nil {
		return err
	}
	acl, err := createDefaultNetworkACL(tx, *vpc)
	if err != nil {
		return err
	}
	vpc.DefaultSecurityGroupID, vpc.DefaultNetworkACLID = group.ID, acl.ID
	return nil
}

// VPC returns the VPC with the given ID.
func (c *Client) VPC(ctx context.Context, id string) (VPC, error) { return Describe[VPC](c, ctx, id) }

// FindVPCs returns the VPCs that match filter, ordered by ID.
func (c *Client) FindVPCs(ctx context.Context, filter VPCFilter) ([]VPC, error) {
	return Find[VPC](c, ctx, filter)
}

// findVPC looks a VPC up by an ID given in argument field.
func (c *Client) findVPC(tx ReadTx, id, field string) (VPC, error) {
	return findStored[VPC](tx, c.scope, id, field)
}

// UpdateVPC brings an existing VPC to the desired configuration, changing
// only what AWS can change in place.
func (c *Client) UpdateVPC(ctx context.Context, id string, in VPCInput) (VPC, error) {
	var vpc VPC
	err := c.apply(ctx, "ModifyVpcAttribute", map[string]string{"vpc_id": id}, allRules(in.rule(), c.vpcInPlaceRule(id, in)), func(tx Tx) error {
		var err error
		vpc, err = c.updateVPC(tx, id, in)
		return err
	})
	return made(vpc, err)
}

// vpcInPlaceRule refuses to change in place what a VPC keeps for life. A
// plan never asks for it: the provider replaces a VPC whose block or
// tenancy changes so (RequiresReplace), so this rule runs only in the
// update's transaction, for other clients of the cloud.
func (c *Client) vpcInPlaceRule(id string, in VPCInput) Rule {
	return func(v View) error {
		vpc, err := c.findVPC(v, id, "id")
		if err != nil {
			return err
		}
		if IsKnown(in.CIDRBlock) && vpc.CIDRBlock != in.CIDRBlock {
			return &Error{
				Code:    "OperationNotPermitted",
				Message: fmt.Sprintf("The primary CIDR block of %s cannot be changed.", id),
				Fix:     "Replace the VPC to give it another primary block.",
				Field:   "cidr_block",
				Objects: []string{id},
			}
		}
		if IsKnown(in.InstanceTenancy) && !TenancyChangeInPlace(vpc.InstanceTenancy, in.InstanceTenancy) {
			e := invalidParameter("instance_tenancy", fmt.Sprintf("The tenancy of %s can only be changed from dedicated to default.", id),
				"Replace the VPC to change its tenancy this way.")
			e.Objects = []string{id}
			return e
		}
		return nil
	}
}

// updateVPC brings the VPC id to in inside a transaction, as UpdateVPC
// does, once vpcInPlaceRule has passed; adopting a default VPC changes it
// the same way, keeping its block and tenancy.
func (c *Client) updateVPC(tx Tx, id string, in VPCInput) (VPC, error) {
	vpc, err := c.findVPC(tx, id, "id")
	if err != nil {
		return VPC{}, err
	}
	vpc.InstanceTenancy = in.InstanceTenancy
	vpc.EnableDNSSupport = in.EnableDNSSupport
	vpc.EnableDNSHostnames = in.EnableDNSHostnames
	vpc.EnableNetworkAddressUsageMetrics = in.EnableNetworkAddressUsageMetrics
	switch {
	case in.AssignGeneratedIPv6CIDRBlock && vpc.IPv6CIDRBlock == "":
		if err := assignIPv6Block(tx, &vpc); err != nil {
			return VPC{}, err
		}
		if err := putLocalRoutes(tx, vpc.ID, vpc.IPv6CIDRBlock); err != nil {
			return VPC{}, err
		}
		if err := setDefaultIPv6Rules(tx, c.scope, vpc.ID, true); err != nil {
			return VPC{}, err
		}
	case !in.AssignGeneratedIPv6CIDRBlock && vpc.IPv6CIDRBlock != "" && vpc.IPv6IPAMPoolID == "":
		if err := ipv6BlockUnused(tx, c.scope, vpc); err != nil {
			return VPC{}, err
		}
		if err := deleteLocalRoutes(tx, vpc.ID, vpc.IPv6CIDRBlock); err != nil {
			return VPC{}, err
		}
		vpc.IPv6CIDRBlock, vpc.IPv6AssociationID = "", ""
		// Blocks of associations keep the VPC's rules for IPv6.
		ipv6, err := hasIPv6(tx, c.scope, vpc)
		if err != nil {
			return VPC{}, err
		}
		if err := setDefaultIPv6Rules(tx, c.scope, vpc.ID, ipv6); err != nil {
			return VPC{}, err
		}
	}
	vpc.Tags = in.Tags
	return vpc, updateTagged(tx, vpc, vpc.ID, vpc.Tags)
}

// DeleteVPC deletes a VPC with its main route table, default security group
// and default network ACL. It refuses while anything else still uses the
// VPC.
func (c *Client) DeleteVPC(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteVpc", map[string]string{"vpc_id": id}, func(tx Tx) error {
		return c.deleteVPC(tx, id)
	})
}

// deleteVPC is DeleteVPC inside a transaction.
func (c *Client) deleteVPC(tx Tx, id string) error {
	vpc, err := c.findVPC(tx, id, "id")
	if err != nil {
		return err
	}
	dependents, err := tx.VPCDependents(c.scope, id)
	if err != nil {
		return err
	}
	if len(dependents) > 0 {
		return dependencyViolation(KindVPC, id, dependents, nil)
	}
	if err := deleteVPCPeerings(tx, vpc); err != nil {
		return err
	}
	mainID, err := mainRouteTableID(tx, id)
	if err != nil {
		return err
	}
	if err := tx.Delete(KindRouteTable, mainID); err != nil {
		return err
	}
	if vpc.DefaultSecurityGroupID != "" {
		if err := tx.Delete(KindSecurityGroup, vpc.DefaultSecurityGroupID); err != nil {
			return err
		}
	}
	if vpc.DefaultNetworkACLID != "" {
		if err := tx.Delete(KindNetworkACL, vpc.DefaultNetworkACLID); err != nil {
			return err
		}
	}
	return tx.Delete(KindVPC, id)
}

// setDefaultIPv6Rules adds or removes the ::/0 rules of a VPC's default
// security group and network ACLs as the VPC gains or loses its IPv6 block.
func setDefaultIPv6Rules(tx Tx, scope Scope, vpcID string, ipv6 bool) error {
	if err := setDefaultIPv6Egress(tx, scope, vpcID, ipv6); err != nil {
		return err
	}
	if err := setDefaultIPv6Entries(tx, scope, vpcID, ipv6); err != nil {
		return err
	}
	return setIPv6DenyEntries(tx, scope, vpcID, ipv6)
}

// ipv6Pool is where Amazon-provided blocks come from in the simulation: the
// documentation range, so that no simulated address is anybody's real one.
var ipv6Pool = netip.MustParsePrefix("2001:db8::/32")

const amazonIPv6BlockBits = 56

// assignIPv6Block gives vpc a free /56 from the pool.
func assignIPv6Block(tx ReadTx, vpc *VPC) error {
	block, err := freeIPv6Block(tx, vpc.ID)
	if err != nil {
		return err
	}
	vpc.IPv6CIDRBlock, vpc.IPv6AssociationID = block, newID(KindVPCCIDRAssociation)
	return nil
}

// freeIPv6Block draws a free /56 from the pool for the VPC vpcID. Blocks
// are drawn at random, so the cost does not grow with the number already
// handed out.
func freeIPv6Block(tx ReadTx, vpcID string) (string, error) {
	const attempts = 64
	for range attempts {
		block := randomSubPrefix(ipv6Pool, amazonIPv6BlockBits)
		taken, err := tx.IPv6BlockInUse(block.String())
		if err != nil {
			return "", err
		}
		if !taken {
			return block.String(), nil
		}
	}
	return "", &Error{
		Code:    "InsufficientCidrBlocks",
		Message: "There are not enough free IPv6 CIDR blocks in the pool to satisfy the request.",
		Fix:     "Release IPv6 blocks from VPCs that no longer need them, or start a fresh cloud.",
		Field:   "assign_generated_ipv6_cidr_block",
		Objects: []string{vpcID},
	}
}

// randomSubPrefix picks a random block of the given size inside pool. Both
// must be IPv6 and pool's length must be a multiple of 8 no longer than bits.
func randomSubPrefix(pool netip.Prefix, bits int) netip.Prefix {
	addr := pool.Addr().As16()
	var r [8]byte
	if _, err := rand.Read(r[:]); err != nil {
		panic("cloud: no randomness: " + err.Error())
	}
	n := binary.BigEndian.Uint64(r[:])
	// Fill the bits between the pool's prefix and the block's, last first.
	for bit := bits - 1; bit >= pool.Bits(); bit-- {
		if n&1 == 1 {
			addr[bit/8] |= 0x80 >> (bit % 8)
		}
		n >>= 1
	}
	return netip.PrefixFrom(netip.AddrFrom16(addr), bits)
}

// ipv6BlockUnused refuses to release a VPC's IPv6 block while subnets use
// part of it.
func ipv6BlockUnused(tx ReadTx, scope Scope, vpc VPC) error {
	subnets, err := list[Subnet](tx, scope, SubnetFilter{VPCID: vpc.ID, BlocksOnly: true})
	if err != nil {
		return err
	}
	own := netip.MustParsePrefix(vpc.IPv6CIDRBlock)
	for _, s := range subnets {
		if p, err := netip.ParsePrefix(s.IPv6CIDRBlock); err == nil && own.Overlaps(p) {
			return &Error{
				Code:    "DependencyViolation",
				Message: fmt.Sprintf("The IPv6 CIDR block %s of %s is in use by %s.", vpc.IPv6CIDRBlock, vpc.ID, s.ID),
				Fix:     fmt.Sprintf("Remove the IPv6 blocks of the VPC's subnets (%s has %s) first.", s.ID, s.IPv6CIDRBlock),
				Field:   "assign_generated_ipv6_cidr_block",
				Objects: []string{vpc.ID, s.ID},
			}
		}
	}
	return nil
}
