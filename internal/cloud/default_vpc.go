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
		s := Subnet{
			ID: newID(KindSubnet), OwnerID: vpc.OwnerID, Region: vpc.Region, VPCID: vpc.ID,
			CIDRBlock: blocks[zone], AvailabilityZone: zone, MapPublicIPOnLaunch: true,
		}
		if err := tx.Insert(s); err != nil {
			return VPC{}, err
		}
		if err := associateNetworkACL(tx, vpc.DefaultNetworkACLID, s.ID); err != nil {
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
