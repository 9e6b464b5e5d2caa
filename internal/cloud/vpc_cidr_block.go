package cloud

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// VPCCIDRBlockAssociation is an IPv4 block a VPC has beside its primary
// one: subnets may take their blocks from it, and every route table of the
// VPC has a local route for it.
type VPCCIDRBlockAssociation struct {
	ID        string
	OwnerID   string
	Region    string
	VPCID     string
	CIDRBlock string
}

// VPCCIDRBlockAssociationFilter selects secondary blocks; empty fields
// match all.
type VPCCIDRBlockAssociationFilter struct {
	ID    string
	VPCID string
}

// ClaimVPCCIDRBlock is a block that a planned association gives a VPC.
const ClaimVPCCIDRBlock ClaimKind = "vpc-cidr-block"

// maxVPCIPv4Blocks is AWS's default quota of IPv4 blocks a VPC has, its
// primary block included.
const maxVPCIPv4Blocks = 5

// The ranges AWS's rules for secondary blocks tell apart.
var (
	rfc1918 = []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"), netip.MustParsePrefix("192.168.0.0/16"),
	}
	benchmarkRange = netip.MustParsePrefix("198.19.0.0/16")
	// defaultVPCRange is where AWS puts default VPCs, kept from VPCs whose
	// primary block is in 172.16.0.0/12.
	defaultVPCRange = netip.MustParsePrefix("172.31.0.0/16")
)

// addressRange names the range of AWS's table of restrictions a block
// falls in: one of the RFC 1918 ranges, 198.19.0.0/16, or "" for a
// publicly routable block (100.64.0.0/10 included).
func addressRange(block netip.Prefix) string {
	for _, r := range append(rfc1918, benchmarkRange) {
		if contains(r, block) {
			return r.String()
		}
	}
	return ""
}

// ipv4Blocks are the IPv4 blocks of a VPC: its primary block first, then
// its secondary blocks in order of their association IDs, but for those of
// the associations except.
func ipv4Blocks(tx ReadTx, scope Scope, vpc VPC, except ...string) ([]string, error) {
	blocks, err := associatedBlocks(tx, scope, vpc.ID, (netip.Addr).Is4, except)
	return append([]string{vpc.CIDRBlock}, blocks...), err
}

// ipv6Blocks are the IPv6 blocks of a VPC: its own, if it has one, then
// those of its associations, but for those of the associations except.
func ipv6Blocks(tx ReadTx, scope Scope, vpc VPC, except ...string) ([]string, error) {
	blocks, err := associatedBlocks(tx, scope, vpc.ID, (netip.Addr).Is6, except)
	if vpc.IPv6CIDRBlock != "" {
		blocks = append([]string{vpc.IPv6CIDRBlock}, blocks...)
	}
	return blocks, err
}

// associatedBlocks are the blocks of a VPC's associations whose addresses
// are of the family family keeps, but for those of the associations except.
func associatedBlocks(tx ReadTx, scope Scope, vpcID string, family func(netip.Addr) bool, except []string) ([]string, error) {
	associations, err := list[VPCCIDRBlockAssociation](tx, scope, VPCCIDRBlockAssociationFilter{VPCID: vpcID})
	var blocks []string
	for _, a := range associations {
		if p, perr := netip.ParsePrefix(a.CIDRBlock); perr == nil && family(p.Addr()) && !slices.Contains(except, a.ID) {
			blocks = append(blocks, a.CIDRBlock)
		}
	}
	return blocks, err
}

// localBlocks are every block of a VPC, each of which has a local route in
// every route table of the VPC.
func localBlocks(tx ReadTx, scope Scope, vpc VPC) ([]string, error) {
	v4, err := ipv4Blocks(tx, scope, vpc)
	if err != nil {
		return nil, err
	}
	v6, err := ipv6Blocks(tx, scope, vpc)
	return append(v4, v6...), err
}

// hasIPv6 reports whether a VPC has an IPv6 block, its own or associated,
// but for that of the association except: its default security group and
// its network ACLs then have rules for IPv6.
func hasIPv6(tx ReadTx, scope Scope, vpc VPC, except ...string) (bool, error) {
	blocks, err := ipv6Blocks(tx, scope, vpc, except...)
	return len(blocks) > 0, err
}

// ParseSecondaryCIDR checks a secondary block's own value: an IPv4
// network between /16 and /28.
func ParseSecondaryCIDR(s string) (netip.Prefix, error) {
	return ParseVPCCIDR(s)
}

// vpcBlocks finds the VPC vpcID with its blocks of one family, those of
// blocksOf but selfID's, and the claims of other objects of the plan on
// more blocks of it.
func (c *Client) vpcBlocks(v View, vpcID, selfID string, blocksOf func(ReadTx, Scope, VPC, ...string) ([]string, error), claim ClaimKind) (VPC, []string, []Claim, error) {
	vpc, err := c.findVPC(v, vpcID, "vpc_id")
	if err != nil {
		return vpc, nil, nil, err
	}
	blocks, err := blocksOf(v, c.scope, vpc, selfID)
	return vpc, blocks, v.Claimed(claim, vpcID), err
}

// vpcCIDRBlockRule checks a block to be associated with a VPC: its size,
// AWS's restrictions relative to the primary block, its overlap with the
// VPC's blocks (stored, or claimed by other associations of the plan) and
// with the destinations of the VPC's routes, and the quota of blocks.
// selfID is the association's own ID when it exists, "" for a new one.
func (c *Client) vpcCIDRBlockRule(vpcID, cidr, selfID string) Rule {
	return func(v View) error {
		var block netip.Prefix
		if IsKnown(cidr) {
			var err error
			if block, err = ParseSecondaryCIDR(cidr); err != nil {
				return err
			}
		}
		if !IsKnown(vpcID) {
			return nil
		}
		vpc, blocks, claims, err := c.vpcBlocks(v, vpcID, selfID, ipv4Blocks, ClaimVPCCIDRBlock)
		if err != nil {
			return err
		}
		// holders[i] names the planned object that claims blocks[i], "" for
		// a block the VPC has.
		holders := slices.Repeat([]string{""}, len(blocks))
		for _, claim := range claims {
			blocks, holders = append(blocks, claim.Value), append(holders, claim.Who())
		}
		if len(blocks) >= maxVPCIPv4Blocks {
			return &Error{
				Code:    "CidrLimitExceeded",
				Message: fmt.Sprintf("This network '%s' has met its maximum number of allowed CIDRs: %d", vpc.ID, maxVPCIPv4Blocks),
				Fix:     fmt.Sprintf("A VPC has at most %d IPv4 blocks, its primary block included; disassociate one of %s first.", maxVPCIPv4Blocks, joinIDs(blocks)),
				Field:   "cidr_block",
				Objects: append([]string{vpc.ID}, nonEmpty(holders...)...),
			}
		}
		if !block.IsValid() {
			return nil
		}
		for i, b := range blocks {
			if p, err := netip.ParsePrefix(b); err == nil && p.Overlaps(block) {
				return &Error{
					Code:    "CidrConflict",
					Message: fmt.Sprintf("The CIDR '%s' conflicts with CIDR '%s' of %s.", block, b, vpc.ID),
					Fix:     "The blocks of a VPC may not overlap; choose a block outside all of them.",
					Field:   "cidr_block",
					Objects: append([]string{vpc.ID}, nonEmpty(holders[i])...),
				}
			}
		}
		if err := rangeRestriction(vpc, block); err != nil {
			return err
		}
		if err := peeredBlockRule(v, vpc, block); err != nil {
			return err
		}
		return c.routesInTheWay(v, vpc, block)
	}
}

// rangeRestriction applies AWS's table of the ranges a secondary block may
// come from, given the range of the primary block.
func rangeRestriction(vpc VPC, block netip.Prefix) error {
	primary := netip.MustParsePrefix(vpc.CIDRBlock)
	from, to := addressRange(primary), addressRange(block)
	restricted := false
	switch {
	case to == benchmarkRange.String():
		restricted = true
	case from == "172.16.0.0/12" && block.Overlaps(defaultVPCRange):
		restricted = true
	case to != "" && to != from:
		// A block of an RFC 1918 range goes only with a primary block of
		// the same range.
		restricted = true
	}
	if !restricted {
		return nil
	}
	fix := fmt.Sprintf("With a primary block in %s, take the block from that range, or a publicly routable block such as 100.64.0.0/16.", orPublic(from))
	switch {
	case to == benchmarkRange.String():
		fix = "198.19.0.0/16 is only for a VPC's primary block; take the block from the primary block's range, or a publicly routable one."
	case from == "172.16.0.0/12" && block.Overlaps(defaultVPCRange):
		fix = "172.31.0.0/16 is kept for default VPCs; take another part of 172.16.0.0/12."
	}
	return &Error{
		Code:    "InvalidVpc.Range",
		Message: fmt.Sprintf("The CIDR '%s' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR.", block),
		Fix:     fix,
		Field:   "cidr_block",
		Objects: []string{vpc.ID},
	}
}

func orPublic(r string) string {
	if r == "" {
		return "a publicly routable range"
	}
	return r
}

// routesInTheWay refuses a block the same as or larger than the
// destination of a route of one of the VPC's tables: the local route would
// take that route's traffic.
func (c *Client) routesInTheWay(v View, vpc VPC, block netip.Prefix) error {
	tables, err := list[RouteTable](v, c.scope, RouteTableFilter{VPCID: vpc.ID})
	if err != nil {
		return err
	}
	for _, t := range tables {
		for _, r := range t.Routes {
			dest, err := netip.ParsePrefix(r.Destination)
			if err != nil || r.Target == TargetLocal || !contains(block, dest) {
				continue
			}
			return &Error{
				Code:    "CidrConflict",
				Message: fmt.Sprintf("The CIDR '%s' conflicts with the route to %s in route table %s.", block, dest, t.ID),
				Fix:     fmt.Sprintf("Choose a block smaller than %s (or elsewhere), or delete the route first.", dest),
				Field:   "cidr_block",
				Objects: []string{vpc.ID, t.ID},
			}
		}
	}
	return nil
}

// CheckAssociateVPCCIDRBlock runs at plan time the rules that associating
// block with a VPC will meet at apply, and claims the block. selfID is the
// association's ID when it exists already, "" for a new one.
func (c *Client) CheckAssociateVPCCIDRBlock(ctx context.Context, p *Plan, holder Holder, vpcID, block, selfID string) error {
	block = CanonicalCIDR(block)
	return c.Check(ctx, p, holder, c.vpcCIDRBlockRule(vpcID, block, selfID),
		Claim{Kind: ClaimVPCCIDRBlock, Scope: vpcID, Value: block})
}

// AssociateVPCCIDRBlock gives a VPC a secondary IPv4 block, with a local
// route for it in each of the VPC's route tables.
func (c *Client) AssociateVPCCIDRBlock(ctx context.Context, vpcID, block string) (VPCCIDRBlockAssociation, error) {
	block = CanonicalCIDR(block)
	a := VPCCIDRBlockAssociation{ID: newID(KindVPCCIDRAssociation), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: vpcID, CIDRBlock: block}
	ids := map[string]string{"association_id": a.ID, "vpc_id": vpcID}
	err := c.apply(ctx, "AssociateVpcCidrBlock", ids, c.vpcCIDRBlockRule(vpcID, block, ""), func(tx Tx) error {
		if err := tx.Insert(a); err != nil {
			return err
		}
		return putLocalRoutes(tx, vpcID, block)
	})
	return made(a, err)
}

// DisassociateVPCCIDRBlock takes a block from its VPC, with its local
// routes; it refuses while subnets use the block. A VPC left with no IPv6
// block loses the rules for IPv6 of its default group and its ACLs.
func (c *Client) DisassociateVPCCIDRBlock(ctx context.Context, id string) error {
	return c.write(ctx, "DisassociateVpcCidrBlock", map[string]string{"association_id": id}, func(tx Tx) error {
		a, err := findStored[VPCCIDRBlockAssociation](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		block := netip.MustParsePrefix(a.CIDRBlock)
		filter := SubnetFilter{VPCID: a.VPCID, BlocksOnly: true}
		if block.Addr().Is4() {
			filter.Near = block
		}
		subnets, err := list[Subnet](tx, c.scope, filter)
		if err != nil {
			return err
		}
		for _, s := range subnets {
			for _, b := range []string{s.CIDRBlock, s.IPv6CIDRBlock} {
				if p, err := netip.ParsePrefix(b); err == nil && block.Overlaps(p) {
					return &Error{
						Code:     "InvalidCidrBlock.InUse",
						Message:  fmt.Sprintf("The vpc CIDR block with association ID %s may not be disassociated. It has subnets: %s uses %s.", id, s.ID, b),
						Fix:      fmt.Sprintf("Delete the subnets in %s first, or take their blocks elsewhere.", a.CIDRBlock),
						Objects:  []string{id, a.VPCID, s.ID},
						Obstacle: s.ID,
					}
				}
			}
		}
		if err := deleteLocalRoutes(tx, a.VPCID, a.CIDRBlock); err != nil {
			return err
		}
		// A block from an IPAM pool goes back to it.
		if err := c.release(tx, IPAMPoolAllocationFilter{ResourceID: a.VPCID}, a.CIDRBlock); err != nil {
			return err
		}
		if block.Addr().Is6() {
			vpc, err := c.findVPC(tx, a.VPCID, "vpc_id")
			if err != nil {
				return err
			}
			ipv6, err := hasIPv6(tx, c.scope, vpc, id)
			if err != nil {
				return err
			}
			if err := setDefaultIPv6Rules(tx, c.scope, vpc.ID, ipv6); err != nil {
				return err
			}
		}
		return tx.Delete(KindVPCCIDRAssociation, id)
	})
}

// ClaimVPCIPv6Block is an IPv6 block that a planned association gives a
// VPC; its value is known only after apply.
const ClaimVPCIPv6Block ClaimKind = "vpc-ipv6-block"

// maxVPCIPv6Blocks is AWS's default quota of IPv6 blocks a VPC has.
const maxVPCIPv6Blocks = 5

// vpcIPv6BlockRule checks that a VPC can take one more Amazon-provided
// IPv6 block. selfID is the association's own ID when it exists.
func (c *Client) vpcIPv6BlockRule(vpcID, selfID string) Rule {
	return func(v View) error {
		if !IsKnown(vpcID) {
			return nil
		}
		vpc, blocks, claims, err := c.vpcBlocks(v, vpcID, selfID, ipv6Blocks, ClaimVPCIPv6Block)
		if err != nil {
			return err
		}
		var planned []string
		for _, claim := range claims {
			planned = append(planned, claim.Who())
		}
		if len(blocks)+len(planned) < maxVPCIPv6Blocks {
			return nil
		}
		return &Error{
			Code:    "CidrLimitExceeded",
			Message: fmt.Sprintf("This network '%s' has met its maximum number of allowed IPv6 CIDRs: %d", vpc.ID, maxVPCIPv6Blocks),
			Fix:     fmt.Sprintf("A VPC has at most %d IPv6 blocks; disassociate one of %s first.", maxVPCIPv6Blocks, joinIDs(append(blocks, planned...))),
			Field:   "assign_generated_ipv6_cidr_block",
			Objects: append([]string{vpc.ID}, planned...),
		}
	}
}

// CheckAssociateVPCIPv6Block runs at plan time the rules that giving a VPC
// one more Amazon-provided IPv6 block will meet at apply, and claims it.
func (c *Client) CheckAssociateVPCIPv6Block(ctx context.Context, p *Plan, holder Holder, vpcID, selfID string) error {
	return c.Check(ctx, p, holder, c.vpcIPv6BlockRule(vpcID, selfID), Claim{Kind: ClaimVPCIPv6Block, Scope: vpcID})
}

// AssociateVPCIPv6Block gives a VPC one more Amazon-provided /56, with a
// local route for it in each of the VPC's route tables; a VPC that had no
// IPv6 block gains the rules for IPv6 of its default group and its ACLs.
func (c *Client) AssociateVPCIPv6Block(ctx context.Context, vpcID string) (VPCCIDRBlockAssociation, error) {
	a := VPCCIDRBlockAssociation{ID: newID(KindVPCCIDRAssociation), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: vpcID}
	ids := map[string]string{"association_id": a.ID, "vpc_id": vpcID}
	err := c.apply(ctx, "AssociateVpcCidrBlock", ids, c.vpcIPv6BlockRule(vpcID, ""), func(tx Tx) error {
		var err error
		if a.CIDRBlock, err = freeIPv6Block(tx, vpcID); err != nil {
			return err
		}
		if err := tx.Insert(a); err != nil {
			return err
		}
		if err := putLocalRoutes(tx, vpcID, a.CIDRBlock); err != nil {
			return err
		}
		return setDefaultIPv6Rules(tx, c.scope, vpcID, true)
	})
	return made(a, err)
}

// CheckIPAMArguments refuses, for an association without an IPAM pool, a
// netmask length (netmask, "" for none, named netmaskField), which only a
// pool honours, and a missing block (block, "" for none, named blockField).
func CheckIPAMArguments(netmaskField, netmask, blockField, block string) error {
	if netmask != "" {
		return &Error{
			Code:    "InvalidParameterCombination",
			Message: "ipv4NetmaskLength requires ipv4IpamPoolId.",
			Fix:     fmt.Sprintf("Give the block itself in %s, or an IPAM pool in ipv4_ipam_pool_id with %s.", blockField, netmaskField),
			Field:   netmaskField,
		}
	}
	if block == "" {
		return &Error{
			Code:    "MissingParameter",
			Message: "The request must contain the parameter cidrBlock.",
			Fix:     fmt.Sprintf("Give the block to associate in %s, such as 10.1.0.0/16.", blockField),
			Field:   blockField,
		}
	}
	return nil
}

// CheckIPv6BlockArguments refuses what an IPv6 block association asks
// that the simulated cloud cannot give: a block from a pool (BYOIP or
// IPAM) or of a given value. Only an Amazon-provided block is handed out,
// in the client's region's network border group.
func (c *Client) CheckIPv6BlockArguments(set map[string]string) error {
	if err := c.checkPoolArguments(set, "ipv6_ipam_pool_id", "ipv6_pool", "ipv6_cidr_block", "ipv6_netmask_length"); err != nil {
		return err
	}
	if assign := set["assign_generated_ipv6_cidr_block"]; assign != "true" && IsKnown(assign) {
		return &Error{
			Code:    "MissingParameter",
			Message: "Either 'amazonProvidedIpv6CidrBlock', 'ipv6Pool' or 'ipv6IpamPoolId' must be specified.",
			Fix:     "Set assign_generated_ipv6_cidr_block = true.",
			Field:   "assign_generated_ipv6_cidr_block",
		}
	}
	return nil
}

// CheckVPCPoolArguments refuses the arguments of aws_vpc that take its
// blocks from IPAM pools, which the simulated cloud does not have, and a
// network border group other than the region's. Left out (as
// terraform-aws-modules/vpc leaves them, null), they change nothing.
func (c *Client) CheckVPCPoolArguments(set map[string]string) error {
	return c.checkPoolArguments(set, "ipv4_ipam_pool_id", "ipv4_netmask_length", "ipv6_ipam_pool_id", "ipv6_netmask_length", "ipv6_cidr_block")
}

// checkPoolArguments refuses any of fields set, but to Amazon's own pool,
// and a network border group other than the client's region.
func (c *Client) checkPoolArguments(set map[string]string, fields ...string) error {
	for _, field := range fields {
		if set[field] != "" && set[field] != AmazonIPv6Pool {
			// IPAM pools exist (simcloud_vpc_ipam_pool), but only a new VPC
			// takes its blocks from one; BYOIP pools do not exist at all.
			message := fmt.Sprintf("The simulated cloud has no IPv6 pools of your own (BYOIP), so it cannot honour %s.", field)
			if strings.Contains(field, "ipam") || strings.Contains(field, "netmask") {
				message = fmt.Sprintf("In the simulated cloud only a new VPC (simcloud_vpc) takes its blocks from an IPAM pool, so it cannot honour %s here.", field)
			}
			return &Error{
				Code:    "UnsupportedOperation",
				Message: message,
				Fix:     "Leave it out: here the simulated cloud hands out given IPv4 blocks and Amazon-provided IPv6 /56 blocks (assign_generated_ipv6_cidr_block = true) only.",
				Field:   field,
			}
		}
	}
	return c.ownBorderGroup(set, "ipv6_cidr_block_network_border_group")
}

// ownBorderGroup refuses a network border group (set[field]) other than the
// client's region: the cloud has one group per region, no Local or
// Wavelength Zones.
func (c *Client) ownBorderGroup(set map[string]string, field string) error {
	if group := set[field]; group != "" && IsKnown(group) && group != c.scope.Region {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("The network border group '%s' is invalid.", printable(group)),
			Fix:     fmt.Sprintf("Leave %s out, or give the region's own, %s: the simulated cloud has no Local or Wavelength Zones.", field, c.scope.Region),
			Field:   field,
		}
	}
	return nil
}

// AmazonIPv6Pool is the pool AWS names for Amazon-provided IPv6 blocks.
const AmazonIPv6Pool = "Amazon"
