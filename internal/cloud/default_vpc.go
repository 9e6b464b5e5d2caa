package cloud

import (
	"context"
	"fmt"
	"net/netip"
)

// AWS gives each account a default VPC in every region, so that an
// instance launched without naming a network still lands somewhere that
// reaches the internet: 172.31.0.0/16, a /20 public subnet in each zone,
// an internet gateway and a main route table that routes the internet to
// it. CreateDefaultVpc makes one again after it was deleted; a region has
// at most one.

// DefaultVPCCIDRBlock is the block of every default VPC, as in AWS.
const DefaultVPCCIDRBlock = "172.31.0.0/16"

// defaultSubnetBits is the size of a default subnet: a /20 in each zone.
const defaultSubnetBits = 20

// ClaimDefaultVPC is the claim a planned simcloud_default_vpc makes on its
// account and region (the scope, see defaultVPCScope): a region has one
// default VPC, so two resources that would each create it cannot both.
const ClaimDefaultVPC ClaimKind = "default-vpc"

func defaultVPCScope(s Scope) string { return s.AccountID + "/" + s.Region }

// defaultSubnetBlocks are the blocks of a region's default subnets, one for
// each of zones in order.
func defaultSubnetBlocks(zones []string) map[string]string {
	base := netip.MustParsePrefix(DefaultVPCCIDRBlock).Addr().As4()
	blocks := make(map[string]string, len(zones))
	for i, zone := range zones {
		// Each /20 moves the third octet on by 16.
		addr := base
		addr[2] = byte(i * 16)
		blocks[zone] = netip.PrefixFrom(netip.AddrFrom4(addr), defaultSubnetBits).String()
	}
	return blocks
}

// IsDefaultSubnet reports whether a subnet of the region's default VPC is
// one of those CreateDefaultVpc makes: the /20 of the default layout in its
// zone. Such subnets go with their VPC.
func IsDefaultSubnet(region, zone, block string) bool {
	return defaultSubnetBlocks(AvailabilityZones(region))[zone] == block
}

// findDefaultVPC returns the region's default VPC, and whether it has one.
func (c *Client) findDefaultVPC(tx ReadTx) (VPC, bool, error) {
	yes := true
	found, err := list[VPC](tx, c.scope, VPCFilter{Default: &yes})
	if err != nil || len(found) == 0 {
		return VPC{}, false, err
	}
	return found[0], true, nil
}

// defaultVPCAlreadyExists is CreateDefaultVpc's refusal in a region that
// has a default VPC, or for which another resource of the plan makes one.
func defaultVPCAlreadyExists(region string, objects ...string) *Error {
	return &Error{
		Code:    "DefaultVpcAlreadyExists",
		Message: fmt.Sprintf("A Default VPC already exists for this account in this region (%s).", region),
		Fix: "A region has one default VPC: adopt it with a single simcloud_default_vpc resource, " +
			"or delete it (simcloud_default_vpc with force_destroy = true, or simcloud delete) before making another.",
		Objects: objects,
	}
}

// noDefaultVPCRule refuses a new default VPC where the region has one.
func (c *Client) noDefaultVPCRule() Rule {
	return func(v View) error {
		vpc, ok, err := c.findDefaultVPC(v)
		if err != nil {
			return err
		}
		if ok {
			return defaultVPCAlreadyExists(c.scope.Region, vpc.ID)
		}
		return nil
	}
}

// adoptDefaultVPCRule checks a simcloud_default_vpc's configuration. Where
// the region has no default VPC the resource creates one, so two resources
// of one plan that would both do so are refused as CreateDefaultVpc
// refuses the second; adopting one that exists twice is AWS's to allow.
func (c *Client) adoptDefaultVPCRule(in VPCInput) Rule {
	// The block and tenancy are the default VPC's own, never the input's.
	in.CIDRBlock, in.InstanceTenancy = Unknown, Unknown
	return func(v View) error {
		if err := in.rule()(v); err != nil {
			return err
		}
		if _, ok, err := c.findDefaultVPC(v); err != nil || ok {
			return err
		}
		if others := v.Claimed(ClaimDefaultVPC, defaultVPCScope(c.scope)); len(others) > 0 {
			return defaultVPCAlreadyExists(c.scope.Region, others[0].Who())
		}
		return nil
	}
}

// CheckAdoptDefaultVPC runs at plan time the rules that adopting the
// region's default VPC (or creating it, where there is none) with this
// configuration meets at apply. The CIDR block and tenancy of in are
// ignored: they are the default VPC's own.
func (c *Client) CheckAdoptDefaultVPC(ctx context.Context, p *Plan, holder Holder, in VPCInput) error {
	return c.Check(ctx, p, holder, c.adoptDefaultVPCRule(in), Claim{Kind: ClaimDefaultVPC, Scope: defaultVPCScope(c.scope)})
}

// CreateDefaultVPC makes the region's default VPC, as AWS's
// CreateDefaultVpc does, refusing where there is one already.
func (c *Client) CreateDefaultVPC(ctx context.Context) (VPC, error) {
	var vpc VPC
	err := c.apply(ctx, "CreateDefaultVpc", nil, c.noDefaultVPCRule(), func(tx Tx) error {
		var err error
		vpc, err = c.createDefaultVPC(tx)
		return err
	})
	return made(vpc, err)
}

// AdoptDefaultVPC gives the region's default VPC the configuration in (its
// own CIDR block and tenancy are kept), first making the VPC where the
// region has none; existing reports whether it was there already.
func (c *Client) AdoptDefaultVPC(ctx context.Context, in VPCInput) (vpc VPC, existing bool, err error) {
	err = c.apply(ctx, "CreateDefaultVpc", nil, c.adoptDefaultVPCRule(in), func(tx Tx) error {
		found, ok, err := c.findDefaultVPC(tx)
		if err != nil {
			return err
		}
		if existing = ok; !ok {
			if found, err = c.createDefaultVPC(tx); err != nil {
				return err
			}
		}
		in.CIDRBlock, in.InstanceTenancy = found.CIDRBlock, found.InstanceTenancy
		vpc, err = c.updateVPC(tx, found.ID, in)
		return err
	})
	vpc, err = made(vpc, err)
	return vpc, existing, err
}

// createDefaultVPC makes a default VPC as AWS does: DNS on, a public /20 in
// each zone, an attached internet gateway and the main table's route to it.
func (c *Client) createDefaultVPC(tx Tx) (VPC, error) {
	vpc := VPC{
		ID: newID(KindVPC), OwnerID: c.scope.AccountID, Region: c.scope.Region,
		CIDRBlock: DefaultVPCCIDRBlock, InstanceTenancy: TenancyDefault,
		EnableDNSSupport: true, EnableDNSHostnames: true, IsDefault: true,
	}
	if err := c.createVPC(tx, &vpc, false); err != nil {
		return VPC{}, err
	}
	zones := AvailabilityZones(c.scope.Region)
	blocks := defaultSubnetBlocks(zones)
	for _, zone := range zones {
		if _, err := createDefaultSubnet(tx, vpc, zone, blocks[zone]); err != nil {
			return VPC{}, err
		}
	}
	igw := InternetGateway{ID: newID(KindInternetGateway), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID}
	if err := tx.Insert(igw); err != nil {
		return VPC{}, err
	}
	route := Route{RouteTableID: vpc.MainRouteTableID, Destination: "0.0.0.0/0", Target: igw.ID, Origin: OriginCreateRoute, State: RouteStateActive}
	return vpc, tx.PutRoute(route)
}

// UseScope is the first use of the client's account and region, as the
// provider's configuration and the simcloud command's writes make it: in
// AWS an account has a default VPC in every region from the start, and
// simcloud makes it when the scope is first used. The scope's mark and the
// VPC are written in one transaction, so of two first uses that race one
// makes the VPC and the other finds the scope used; a scope used before
// makes nothing, so a deleted default VPC stays deleted until
// CreateDefaultVpc makes another. made reports whether this call made it.
func (c *Client) UseScope(ctx context.Context) (made bool, err error) {
	used, err := readResult(ctx, c, "DescribeVpcs", nil, func(tx ReadTx) (bool, error) { return tx.ScopeUsed(c.scope) })
	if err != nil || used {
		return false, err
	}
	err = c.write(ctx, "CreateDefaultVpc", nil, func(tx Tx) error {
		made = false // a retried transaction starts again
		first, err := tx.MarkScopeUsed(c.scope)
		if err != nil || !first {
			return err
		}
		if _, ok, err := c.findDefaultVPC(tx); err != nil || ok {
			return err
		}
		made = true
		_, err = c.createDefaultVPC(tx)
		return err
	})
	return made, err
}

// DeleteDefaultVPC deletes a default VPC with its default subnets (those
// of the default layout that nothing uses) and its internet gateway, which
// AWS's DeleteVpc would otherwise refuse it for, as destroying a
// simcloud_default_vpc with force_destroy does. Anything else still in the
// VPC stops it, as DeleteVpc's DependencyViolation.
func (c *Client) DeleteDefaultVPC(ctx context.Context, id string) error {
	return c.write(ctx, "DeleteVpc", map[string]string{"vpc_id": id}, func(tx Tx) error {
		if _, err := c.findVPC(tx, id, "id"); err != nil {
			return err
		}
		subnets, err := list[Subnet](tx, c.scope, SubnetFilter{VPCID: id, BlocksOnly: true})
		if err != nil {
			return err
		}
		for _, s := range subnets {
			if !IsDefaultSubnet(c.scope.Region, s.AvailabilityZone, s.CIDRBlock) {
				continue
			}
			if dependents, err := tx.SubnetDependents(s.ID); err != nil || len(dependents) > 0 {
				if err != nil {
					return err
				}
				continue
			}
			if err := tx.Delete(KindSubnet, s.ID); err != nil {
				return err
			}
		}
		gateways, err := list[InternetGateway](tx, c.scope, InternetGatewayFilter{VPCID: id})
		if err != nil {
			return err
		}
		for _, igw := range gateways {
			if err := tx.Delete(KindInternetGateway, igw.ID); err != nil {
				return err
			}
		}
		return c.deleteVPC(tx, id)
	})
}

// createDefaultSubnet makes a default subnet of vpc: public addressing on,
// served by the VPC's main table and default network ACL.
func createDefaultSubnet(tx Tx, vpc VPC, zone, block string) (Subnet, error) {
	s := Subnet{
		ID: newID(KindSubnet), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID,
		CIDRBlock: block, AvailabilityZone: zone, MapPublicIPOnLaunch: true,
		SubnetLaunchSettings: SubnetLaunchSettings{PrivateDNSHostnameType: DefaultHostnameType(false)},
	}
	if err := tx.Insert(s); err != nil {
		return Subnet{}, err
	}
	return s, associateNetworkACL(tx, vpc.DefaultNetworkACLID, s.ID)
}

// findDefaultSubnet returns the zone's default subnet (AWS's
// default-for-az): the default VPC's subnet of the default layout there.
func (c *Client) findDefaultSubnet(tx ReadTx, vpc VPC, zone string) (Subnet, bool, error) {
	subnets, err := list[Subnet](tx, c.scope, SubnetFilter{VPCID: vpc.ID, BlocksOnly: true})
	if err != nil {
		return Subnet{}, false, err
	}
	for _, s := range subnets {
		if s.AvailabilityZone == zone && IsDefaultSubnet(c.scope.Region, zone, s.CIDRBlock) {
			found, err := c.findSubnet(tx, s.ID, "id")
			return found, err == nil, err
		}
	}
	return Subnet{}, false, nil
}

// noDefaultVPCForSubnet is CreateDefaultSubnet's refusal in a region
// without a default VPC.
func noDefaultVPCForSubnet(region string) *Error {
	return &Error{
		Code:    "DefaultVpcDoesNotExist",
		Message: fmt.Sprintf("No default VPC exists for this account in this region (%s).", region),
		Fix:     "Make the region's default VPC first (simcloud_default_vpc, AWS's CreateDefaultVpc), then its default subnets.",
	}
}

// CreateDefaultSubnet makes the zone's default subnet in the region's
// default VPC, as AWS's CreateDefaultSubnet does: the default layout's /20
// of the zone, with public addressing. It is refused without a default VPC
// and where the zone has its default subnet.
func (c *Client) CreateDefaultSubnet(ctx context.Context, zone string) (Subnet, error) {
	s, existing, err := c.AdoptDefaultSubnet(ctx, zone, nil)
	if err == nil && existing {
		return Subnet{}, &Error{
			Code:    "DefaultSubnetAlreadyExistsInAvailabilityZone",
			Message: fmt.Sprintf("%s is already the default subnet in %s.", s.ID, zone),
			Fix:     "A zone has one default subnet: adopt it with simcloud_default_subnet.",
			Objects: []string{s.ID},
		}
	}
	return s, err
}

// CheckAdoptDefaultSubnet runs at plan time the rules that finding or
// making the zone's default subnet meets at apply (see
// adoptDefaultSubnetRule); it claims nothing, so that it runs before
// CheckSubnet for the same holder.
func (c *Client) CheckAdoptDefaultSubnet(ctx context.Context, p *Plan, holder Holder, zone string, in *SubnetInput) error {
	return c.Check(ctx, p, holder, c.adoptDefaultSubnetRule(zone, in))
}

// adoptDefaultSubnetRule checks that the zone's default subnet can be found
// or made with in (nil: only found or made): the region has a default VPC
// (at plan, or a simcloud_default_vpc of the plan makes it), an IPv6-only
// subnet is one the zone has, and a subnet to make finds its /20 of the
// default layout free (InvalidSubnet.Conflict otherwise, as any new subnet
// is answered).
func (c *Client) adoptDefaultSubnetRule(zone string, in *SubnetInput) Rule {
	return func(v View) error {
		if !IsKnown(zone) {
			return nil
		}
		if err := ValidateAvailabilityZone(c.scope.Region, zone); err != nil {
			return err
		}
		vpc, ok, err := c.findDefaultVPC(v)
		if err != nil {
			return err
		}
		if !ok {
			if len(v.Claimed(ClaimDefaultVPC, defaultVPCScope(c.scope))) > 0 {
				return nil
			}
			return noDefaultVPCForSubnet(c.scope.Region)
		}
		s, existing, err := c.findDefaultSubnet(v, vpc, zone)
		if err != nil {
			return err
		}
		if in != nil && in.IPv6Native && (!existing || !s.IPv6Native) {
			return &Error{Code: "InvalidParameterValue", Field: "ipv6_native",
				Message: fmt.Sprintf("%s has no IPv6-only default subnet, and the simulated cloud makes IPv4 default subnets only: CreateDefaultSubnet with Ipv6Native is not simulated.", zone),
				Fix:     "Leave ipv6_native false, or make an IPv6-only subnet with simcloud_subnet."}
		}
		if existing {
			return nil
		}
		block := defaultSubnetBlocks(AvailabilityZones(c.scope.Region))[zone]
		return c.subnetRule(SubnetInput{VPCID: vpc.ID, CIDRBlock: block, AvailabilityZone: zone}, "")(v)
	}
}

// AdoptDefaultSubnet gives the zone's default subnet the configuration in
// (its VPC, IPv4 block and zone are the subnet's own), first making the
// subnet where the zone has none, as CreateDefaultSubnet does; existing
// reports whether it was there already. A nil in only finds or makes it;
// an IPv6 block or hostname type of in that is Unknown is the subnet's own.
// The simulated cloud makes no IPv6-only default subnet.
func (c *Client) AdoptDefaultSubnet(ctx context.Context, zone string, in *SubnetInput) (s Subnet, existing bool, err error) {
	err = c.write(ctx, "CreateDefaultSubnet", map[string]string{"availability_zone": zone}, func(tx Tx) error {
		if err := c.adoptDefaultSubnetRule(zone, in)(applyView{tx}); err != nil {
			return explainObstacle(err, false)
		}
		vpc, _, err := c.findDefaultVPC(tx)
		if err != nil {
			return err
		}
		if s, existing, err = c.findDefaultSubnet(tx, vpc, zone); err != nil {
			return err
		}
		if !existing {
			block := defaultSubnetBlocks(AvailabilityZones(c.scope.Region))[zone]
			made, err := createDefaultSubnet(tx, vpc, zone, block)
			if err != nil {
				return err
			}
			if s, err = c.findSubnet(tx, made.ID, "id"); err != nil {
				return err
			}
		}
		if in == nil {
			return nil
		}
		adopted := in.canonical()
		adopted.VPCID, adopted.CIDRBlock, adopted.AvailabilityZone = s.VPCID, s.CIDRBlock, s.AvailabilityZone
		// What the configuration leaves to the subnet (Unknown) it keeps.
		if !IsKnown(adopted.IPv6CIDRBlock) {
			adopted.IPv6CIDRBlock = s.IPv6CIDRBlock
		}
		if !IsKnown(adopted.PrivateDNSHostnameType) {
			adopted.PrivateDNSHostnameType = s.PrivateDNSHostnameType
		}
		if err := allRules(c.subnetRule(adopted, s.ID), c.subnetInPlaceRule(s.ID, adopted))(applyView{tx}); err != nil {
			return explainObstacle(err, false)
		}
		s, err = c.updateSubnet(tx, s.ID, adopted)
		return err
	})
	return s, existing, err
}
