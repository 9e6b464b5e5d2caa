package cloud

import (
	"context"
	"fmt"
	"math/big"
	"net/netip"
	"slices"
	"strings"
)

// IPAM is VPC IP Address Manager: an IPAM holds a private and a public
// scope, and the scopes hold pools of CIDRs that VPCs take their blocks
// from. The simulated cloud keeps the IPAM, its two default scopes, its
// pools, the CIDRs provisioned to them and the allocations made from them.
type IPAM struct {
	ID, OwnerID, Region string
	Description         string
	Tier                string
	OperatingRegions    []string
	EnablePrivateGUA    bool
	// The scopes and the resource discovery made with the IPAM.
	PrivateDefaultScopeID, PublicDefaultScopeID                       string
	DefaultResourceDiscoveryID, DefaultResourceDiscoveryAssociationID string
	// ScopeCount is read from the store.
	ScopeCount int64
	Tags       map[string]string
}

// IPAMScope is one of an IPAM's scopes; a scope is private or public.
type IPAMScope struct {
	ID, OwnerID, Region string
	IPAMID              string
	Type                string
	Default             bool
}

// IPAMPool is a pool of CIDRs in a scope.
type IPAMPool struct {
	ID, OwnerID, Region string
	ScopeID             string
	AddressFamily       string
	Locale              string
	IPAMPoolSettings
	AWSService           string
	PubliclyAdvertisable bool
	PublicIPSource       string
	SourcePoolID         string
	Depth                int64
	// ScopeType and IPAMID are read from the pool's scope.
	ScopeType, IPAMID string
	Tags              map[string]string
}

// IPAMPoolSettings are what UpdateIpamPool changes of a pool. A netmask
// length of 0 is one left unset (a minimum of 0 means none).
type IPAMPoolSettings struct {
	Description                    string
	AllocationDefaultNetmaskLength int64
	AllocationMinNetmaskLength     int64
	AllocationMaxNetmaskLength     int64
	AutoImport                     bool
	// AllocationResourceTags are key=value pairs.
	AllocationResourceTags []string
}

// IPAMPoolCIDR is a CIDR provisioned to a pool.
type IPAMPoolCIDR struct {
	ID, OwnerID, Region string
	PoolID              string
	CIDR                string
}

// IPAMPoolAllocation is a block a pool has handed out: to a VPC, or to a
// pool whose source it is.
type IPAMPoolAllocation struct {
	ID, OwnerID, Region      string
	PoolID, CIDR             string
	ResourceType, ResourceID string
}

// The filters of the IPAM kinds; empty fields match all.
type (
	IPAMFilter struct {
		ID   string
		Tags map[string]string
	}
	IPAMScopeFilter struct{ ID, IPAMID string }
	IPAMPoolFilter  struct {
		ID, ScopeID, SourcePoolID string
		Tags                      map[string]string
	}
	IPAMPoolCIDRFilter       struct{ ID, PoolID, CIDR string }
	IPAMPoolAllocationFilter struct{ ID, PoolID, ResourceID string }
)

var (
	KindIPAM               = ec2Kind("ipam", "ipam", "IPAM", "ipam", "InvalidIpamId")
	KindIPAMScope          = ec2Kind("ipam-scope", "ipamScope", "IPAM scope", "ipam-scope", "InvalidIpamScopeId")
	KindIPAMPool           = ec2Kind("ipam-pool", "ipamPool", "IPAM pool", "ipam-pool", "InvalidIpamPoolId")
	KindIPAMPoolCIDR       = ec2Kind("ipam-pool-cidr", "ipamPoolCidr", "IPAM pool CIDR", "", "InvalidIpamPoolCidrId")
	KindIPAMPoolAllocation = ec2Kind("ipam-pool-alloc", "ipamPoolAllocation", "IPAM pool allocation", "", "InvalidIpamPoolAllocationId")
)

func (IPAM) StoredKind() Kind                       { return KindIPAM }
func (IPAMScope) StoredKind() Kind                  { return KindIPAMScope }
func (IPAMPool) StoredKind() Kind                   { return KindIPAMPool }
func (IPAMPoolCIDR) StoredKind() Kind               { return KindIPAMPoolCIDR }
func (IPAMPoolAllocation) StoredKind() Kind         { return KindIPAMPoolAllocation }
func (IPAMFilter) FilteredKind() Kind               { return KindIPAM }
func (IPAMScopeFilter) FilteredKind() Kind          { return KindIPAMScope }
func (IPAMPoolFilter) FilteredKind() Kind           { return KindIPAMPool }
func (IPAMPoolCIDRFilter) FilteredKind() Kind       { return KindIPAMPoolCIDR }
func (IPAMPoolAllocationFilter) FilteredKind() Kind { return KindIPAMPoolAllocation }

// IPAM's ARNs name no region: arn:aws:ec2::<account>:ipam/<id>.
func (i IPAM) ARN() string      { return ipamARN(i, i.Region, i.OwnerID, i.ID) }
func (s IPAMScope) ARN() string { return ipamARN(s, s.Region, s.OwnerID, s.ID) }
func (p IPAMPool) ARN() string  { return ipamARN(p, p.Region, p.OwnerID, p.ID) }

func ipamARN(row Row, region, owner, id string) string {
	return fmt.Sprintf("arn:%s:ec2::%s:%s/%s", partition(region), owner, row.StoredKind().arnType, id)
}

// IPAM's values.
const (
	IPAMScopePrivate        = "private"
	IPAMScopePublic         = "public"
	IPAMPoolStateComplete   = "create-complete"
	IPAMPoolCIDRProvisioned = "provisioned"
	ipamAllocationVPC       = "vpc"
	ipamAllocationPool      = "ipam-pool"
)

// IPAMTiers, IPAMAddressFamilies and IPAMPublicIPSources are the values
// AWS takes.
var (
	IPAMTiers           = []string{"free", "advanced"}
	IPAMAddressFamilies = []string{"ipv4", "ipv6"}
	IPAMPublicIPSources = []string{"amazon", "byoip"}
)

// IPAMInput is an IPAM as CreateIpam and ModifyIpam take it.
type IPAMInput struct {
	Description, Tier string
	OperatingRegions  []string
	EnablePrivateGUA  bool
	Tags              map[string]string
}

func (c *Client) ipamRule(in IPAMInput) Rule {
	return func(v View) error {
		if IsKnown(in.Tier) {
			if err := oneOf(in.Tier, "tier", "tier", IPAMTiers...); err != nil {
				return err
			}
		}
		for _, r := range in.OperatingRegions {
			if IsKnown(r) && ValidateRegion(r) != nil {
				return invalidParameter("operating_regions", fmt.Sprintf("The operating region %s is invalid.", printable(r)),
					"Give AWS region names, such as us-east-1.")
			}
		}
		if !slices.Contains(in.OperatingRegions, c.scope.Region) && !slices.ContainsFunc(in.OperatingRegions, func(r string) bool { return !IsKnown(r) }) {
			return invalidParameter("operating_regions", fmt.Sprintf("The operating regions must include the IPAM's home region %s.", c.scope.Region),
				fmt.Sprintf("Add an operating_regions block with region_name = %q.", c.scope.Region))
		}
		return tagsRule(in.Tags)(v)
	}
}

// CheckIPAM runs at plan time the rules that creating or modifying an IPAM
// meets at apply.
func (c *Client) CheckIPAM(ctx context.Context, p *Plan, holder Holder, in IPAMInput) error {
	return c.Check(ctx, p, holder, c.ipamRule(in))
}

// CreateIPAM creates an IPAM with its private and public default scopes.
func (c *Client) CreateIPAM(ctx context.Context, in IPAMInput) (IPAM, error) {
	i := IPAM{ID: newID(KindIPAM), OwnerID: c.scope.AccountID, Region: c.scope.Region, Description: in.Description, Tier: in.Tier,
		OperatingRegions: in.OperatingRegions, EnablePrivateGUA: in.EnablePrivateGUA,
		PrivateDefaultScopeID: newID(KindIPAMScope), PublicDefaultScopeID: newID(KindIPAMScope),
		DefaultResourceDiscoveryID:            newID(Kind{Prefix: "ipam-res-disco"}),
		DefaultResourceDiscoveryAssociationID: newID(Kind{Prefix: "ipam-res-disco-assoc"}),
		ScopeCount:                            2, Tags: in.Tags}
	err := c.apply(ctx, "CreateIpam", ipamIDs(i.ID), c.ipamRule(in), func(tx Tx) error {
		if err := insertTagged(tx, i, i.ID, i.Tags); err != nil {
			return err
		}
		for id, typ := range map[string]string{i.PrivateDefaultScopeID: IPAMScopePrivate, i.PublicDefaultScopeID: IPAMScopePublic} {
			if err := tx.Insert(IPAMScope{ID: id, OwnerID: i.OwnerID, Region: i.Region, IPAMID: i.ID, Type: typ, Default: true}); err != nil {
				return err
			}
		}
		return nil
	})
	return made(i, err)
}

// ipamIDs names an IPAM in an operation's event.
func ipamIDs(id string) map[string]string { return map[string]string{"ipam_id": id} }

// UpdateIPAM changes an IPAM's description, tier, operating regions and
// tags.
func (c *Client) UpdateIPAM(ctx context.Context, id string, in IPAMInput) (IPAM, error) {
	var i IPAM
	err := c.apply(ctx, "ModifyIpam", ipamIDs(id), c.ipamRule(in), func(tx Tx) error {
		var err error
		if i, err = findStored[IPAM](tx, c.scope, id, "id"); err != nil {
			return err
		}
		i.Description, i.Tier, i.OperatingRegions, i.EnablePrivateGUA, i.Tags = in.Description, in.Tier, in.OperatingRegions, in.EnablePrivateGUA, in.Tags
		return updateTagged(tx, i, i.ID, i.Tags)
	})
	return made(i, err)
}

// DeleteIPAM deletes an IPAM with its scopes. It refuses while the IPAM
// has pools, unless cascade, which deletes them (their CIDRs and
// allocations with them) as AWS's cascade does.
func (c *Client) DeleteIPAM(ctx context.Context, id string, cascade bool) error {
	return c.write(ctx, "DeleteIpam", ipamIDs(id), func(tx Tx) error {
		i, err := findStored[IPAM](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		scopes, err := list[IPAMScope](tx, c.scope, IPAMScopeFilter{IPAMID: i.ID})
		if err != nil {
			return err
		}
		for _, s := range scopes {
			pools, err := list[IPAMPool](tx, c.scope, IPAMPoolFilter{ScopeID: s.ID})
			if err != nil {
				return err
			}
			// Children before their sources.
			slices.SortFunc(pools, func(a, b IPAMPool) int { return int(b.Depth - a.Depth) })
			for _, p := range pools {
				if !cascade {
					return dependencyViolation(KindIPAM, i.ID, []string{p.ID}, nil)
				}
				if err := c.deletePool(tx, p, true); err != nil {
					return err
				}
			}
			if err := tx.Delete(KindIPAMScope, s.ID); err != nil {
				return err
			}
		}
		return tx.Delete(KindIPAM, i.ID)
	})
}

// IPAMPoolInput is a pool as CreateIpamPool takes it; only its settings and
// tags change afterwards.
type IPAMPoolInput struct {
	ScopeID, AddressFamily, Locale string
	IPAMPoolSettings
	AWSService           string
	PubliclyAdvertisable bool
	PublicIPSource       string
	SourcePoolID         string
	Tags                 map[string]string
}

// familyBits is the length of an address of the family.
func familyBits(family string) int64 {
	if family == "ipv6" {
		return 128
	}
	return 32
}

// checkNetmaskSettings checks a pool's allocation netmask lengths against
// its address family, and against each other.
func checkNetmaskSettings(family string, s IPAMPoolSettings) error {
	limit := familyBits(family)
	for field, n := range map[string]int64{"allocation_default_netmask_length": s.AllocationDefaultNetmaskLength,
		"allocation_min_netmask_length": s.AllocationMinNetmaskLength, "allocation_max_netmask_length": s.AllocationMaxNetmaskLength} {
		if n < 0 || n > limit {
			return invalidParameter(field, fmt.Sprintf("The netmask length %d is invalid for address family %s.", n, family),
				fmt.Sprintf("Give a length from 0 to %d.", limit))
		}
	}
	lowest, highest := s.AllocationMinNetmaskLength, s.maxNetmask(family)
	if lowest > highest {
		return invalidParameter("allocation_min_netmask_length",
			fmt.Sprintf("The allocation minimum netmask length (%d) must be less than or equal to the allocation maximum netmask length (%d).", lowest, highest),
			"Lower allocation_min_netmask_length or raise allocation_max_netmask_length.")
	}
	if d := s.AllocationDefaultNetmaskLength; d != 0 && (d < lowest || d > highest) {
		return invalidParameter("allocation_default_netmask_length",
			fmt.Sprintf("The allocation default netmask length (%d) must be between the minimum (%d) and maximum (%d) netmask lengths.", d, lowest, highest),
			"Give a default between allocation_min_netmask_length and allocation_max_netmask_length.")
	}
	return nil
}

func (s IPAMPoolSettings) maxNetmask(family string) int64 {
	if s.AllocationMaxNetmaskLength == 0 {
		return familyBits(family)
	}
	return s.AllocationMaxNetmaskLength
}

func (c *Client) ipamPoolRule(in IPAMPoolInput) Rule {
	return func(v View) error {
		if err := oneOf(in.AddressFamily, "addressFamily", "address_family", IPAMAddressFamilies...); err != nil {
			return err
		}
		if err := checkNetmaskSettings(in.AddressFamily, in.IPAMPoolSettings); err != nil {
			return err
		}
		if in.PublicIPSource != "" && IsKnown(in.PublicIPSource) {
			if err := oneOf(in.PublicIPSource, "publicIpSource", "public_ip_source", IPAMPublicIPSources...); err != nil {
				return err
			}
		}
		if in.AWSService != "" && IsKnown(in.AWSService) && in.AWSService != "ec2" {
			return invalidValue(in.AWSService, "awsService", "aws_service", "Give ec2, the one service AWS takes.")
		}
		if in.AddressFamily == "ipv4" && in.PubliclyAdvertisable {
			return invalidParameter("publicly_advertisable", "PubliclyAdvertisable is only supported for IPv6 pools.",
				"Leave publicly_advertisable out of an IPv4 pool.")
		}
		// A source pool decides its family without the scope, which is
		// unknown at plan where the IPAM is made in the same apply.
		var source IPAMPool
		if in.SourcePoolID != "" && IsKnown(in.SourcePoolID) {
			var err error
			if source, err = findStored[IPAMPool](v, c.scope, in.SourcePoolID, "source_ipam_pool_id"); err != nil {
				return err
			}
			if source.AddressFamily != in.AddressFamily || (IsKnown(in.ScopeID) && source.ScopeID != in.ScopeID) {
				return &Error{Code: "InvalidParameterValue",
					Message: fmt.Sprintf("The source pool %s must be in the same scope and of the same address family as the pool.", source.ID),
					Fix:     "Give a source pool of the same scope and address family.", Field: "source_ipam_pool_id", Objects: []string{source.ID, source.ScopeID}}
			}
		}
		if !IsKnown(in.ScopeID) {
			return tagsRule(in.Tags)(v)
		}
		scope, err := findStored[IPAMScope](v, c.scope, in.ScopeID, "ipam_scope_id")
		if err != nil {
			return err
		}
		if in.AWSService != "" && scope.Type != IPAMScopePublic {
			e := invalidParameter("aws_service", "AwsService can only be specified for pools in a public scope.",
				"Leave aws_service out, or create the pool in the IPAM's public_default_scope_id.")
			e.Objects = []string{scope.ID}
			return e
		}
		if in.Locale != "" && IsKnown(in.Locale) {
			ipam, err := findStored[IPAM](v, c.scope, scope.IPAMID, "ipam_scope_id")
			if err != nil {
				return err
			}
			if !slices.Contains(ipam.OperatingRegions, in.Locale) {
				return &Error{Code: "InvalidParameterValue",
					Message: fmt.Sprintf("The locale %s is not one of the operating regions of %s.", printable(in.Locale), ipam.ID),
					Fix:     fmt.Sprintf("Give one of the IPAM's operating regions (%s), or add %s to them.", strings.Join(ipam.OperatingRegions, ", "), printable(in.Locale)),
					Field:   "locale", Objects: []string{ipam.ID}}
			}
		}
		return tagsRule(in.Tags)(v)
	}
}

// CheckIPAMPool runs at plan time the rules that creating a pool meets at
// apply.
func (c *Client) CheckIPAMPool(ctx context.Context, p *Plan, holder Holder, in IPAMPoolInput) error {
	return c.Check(ctx, p, holder, c.ipamPoolRule(in))
}

func poolIDs(id string) map[string]string { return map[string]string{"ipam_pool_id": id} }

// CreateIPAMPool creates a pool in a scope.
func (c *Client) CreateIPAMPool(ctx context.Context, in IPAMPoolInput) (IPAMPool, error) {
	p := IPAMPool{ID: newID(KindIPAMPool), OwnerID: c.scope.AccountID, Region: c.scope.Region, ScopeID: in.ScopeID, AddressFamily: in.AddressFamily,
		Locale: in.Locale, IPAMPoolSettings: in.IPAMPoolSettings, AWSService: in.AWSService, PubliclyAdvertisable: in.PubliclyAdvertisable,
		PublicIPSource: in.PublicIPSource, SourcePoolID: in.SourcePoolID, Depth: 1, Tags: in.Tags}
	err := c.apply(ctx, "CreateIpamPool", poolIDs(p.ID), c.ipamPoolRule(in), func(tx Tx) error {
		if p.SourcePoolID != "" {
			source, err := findStored[IPAMPool](tx, c.scope, p.SourcePoolID, "source_ipam_pool_id")
			if err != nil {
				return err
			}
			p.Depth = source.Depth + 1
		}
		if err := insertTagged(tx, p, p.ID, p.Tags); err != nil {
			return err
		}
		var err error
		p, err = findStored[IPAMPool](tx, c.scope, p.ID, "id")
		return err
	})
	return made(p, err)
}

// poolUpdateRule checks the settings and tags pool id is to have; the
// plan checks them with the planned pool (ipamPoolRule), whose address
// family is the stored one's, since changing it replaces the pool.
func (c *Client) poolUpdateRule(id string, s IPAMPoolSettings, tags map[string]string) Rule {
	return func(v View) error {
		p, err := findStored[IPAMPool](v, c.scope, id, "id")
		if err != nil {
			return err
		}
		if err := checkNetmaskSettings(p.AddressFamily, s); err != nil {
			return err
		}
		return tagsRule(tags)(v)
	}
}

// UpdateIPAMPool changes a pool's settings and tags.
func (c *Client) UpdateIPAMPool(ctx context.Context, id string, s IPAMPoolSettings, tags map[string]string) (IPAMPool, error) {
	var p IPAMPool
	err := c.apply(ctx, "ModifyIpamPool", poolIDs(id), c.poolUpdateRule(id, s, tags), func(tx Tx) error {
		var err error
		if p, err = findStored[IPAMPool](tx, c.scope, id, "id"); err != nil {
			return err
		}
		p.IPAMPoolSettings, p.Tags = s, tags
		return updateTagged(tx, p, p.ID, p.Tags)
	})
	return made(p, err)
}

// DeleteIPAMPool deletes a pool. It refuses while CIDRs are provisioned to
// it, unless cascade, and while other pools take their CIDRs from it.
func (c *Client) DeleteIPAMPool(ctx context.Context, id string, cascade bool) error {
	return c.write(ctx, "DeleteIpamPool", poolIDs(id), func(tx Tx) error {
		p, err := findStored[IPAMPool](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		return c.deletePool(tx, p, cascade)
	})
}

func (c *Client) deletePool(tx Tx, p IPAMPool, cascade bool) error {
	children, err := list[IPAMPool](tx, c.scope, IPAMPoolFilter{SourcePoolID: p.ID})
	if err != nil {
		return err
	}
	if len(children) > 0 {
		return dependencyViolation(KindIPAMPool, p.ID, []string{children[0].ID}, nil)
	}
	cidrs, err := list[IPAMPoolCIDR](tx, c.scope, IPAMPoolCIDRFilter{PoolID: p.ID})
	if err != nil {
		return err
	}
	if len(cidrs) > 0 && !cascade {
		return &Error{Code: "DependencyViolation",
			Message: fmt.Sprintf("The specified action is not valid for %s. There are one or more pool cidrs provisioned in the pool.", p.ID),
			Fix:     "Deprovision the pool's CIDRs (destroy their simcloud_vpc_ipam_pool_cidr) first, or set cascade = true.",
			Objects: []string{p.ID, cidrs[0].ID}, Obstacle: cidrs[0].ID}
	}
	for _, cidr := range cidrs {
		if err := c.releaseFromSource(tx, p, cidr.CIDR); err != nil {
			return err
		}
		if err := tx.Delete(KindIPAMPoolCIDR, cidr.ID); err != nil {
			return err
		}
	}
	allocations, err := list[IPAMPoolAllocation](tx, c.scope, IPAMPoolAllocationFilter{PoolID: p.ID})
	if err != nil {
		return err
	}
	for _, a := range allocations {
		if err := tx.Delete(KindIPAMPoolAllocation, a.ID); err != nil {
			return err
		}
	}
	return tx.Delete(KindIPAMPool, p.ID)
}

// IPAMPoolCIDRInput is a CIDR to provision to a pool: the CIDR itself, or
// a netmask length for a block of the pool's source pool.
type IPAMPoolCIDRInput struct {
	PoolID, CIDR  string
	NetmaskLength int64
}

// poolBlock finds the block an allocation from pool takes: cidr when given
// (which must lie in the pool's CIDRs and be free), else the lowest free
// block of the netmask length given, or of the pool's default, that is not
// in disallowed. field names the argument that asks for the block.
func (c *Client) poolBlock(v View, pool IPAMPool, cidr string, netmask int64, disallowed []string, field string) (netip.Prefix, error) {
	var want netip.Prefix
	if cidr != "" {
		p, err := netip.ParsePrefix(cidr)
		if err != nil || p.Masked() != p || (p.Addr().Is4() != (pool.AddressFamily == "ipv4")) {
			return netip.Prefix{}, invalidValue(cidr, "cidr", field, fmt.Sprintf("Give an %s network of the pool %s.", pool.AddressFamily, pool.ID))
		}
		want, netmask = p, int64(p.Bits())
	} else if netmask == 0 {
		netmask = pool.AllocationDefaultNetmaskLength
	}
	if netmask == 0 {
		return netip.Prefix{}, &Error{Code: "MissingParameter",
			Message: fmt.Sprintf("The request must contain a CIDR or a netmask length: %s has no allocation default netmask length.", pool.ID),
			Fix:     "Give a netmask length, or set allocation_default_netmask_length on the pool.", Field: field, Objects: []string{pool.ID}}
	}
	lowest, highest := pool.AllocationMinNetmaskLength, pool.maxNetmask(pool.AddressFamily)
	if netmask < lowest || netmask > highest {
		return netip.Prefix{}, &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("The allocation netmask length /%d is not within the pool's allowed range of /%d to /%d.", netmask, lowest, highest),
			Fix:     fmt.Sprintf("Ask for a block between /%d and /%d, or change the pool's allocation_min_netmask_length and allocation_max_netmask_length.", lowest, highest),
			Field:   field, Objects: []string{pool.ID}}
	}
	cidrs, err := list[IPAMPoolCIDR](v, c.scope, IPAMPoolCIDRFilter{PoolID: pool.ID})
	if err != nil {
		return netip.Prefix{}, err
	}
	// At plan, CIDRs that the same plan provisions count; one not known
	// yet leaves the block to apply.
	for _, claim := range v.Claimed(ClaimIPAMPoolCIDR, pool.ID) {
		if claim.Value == "" || !IsKnown(claim.Value) {
			return netip.Prefix{}, nil
		}
		cidrs = append(cidrs, IPAMPoolCIDR{PoolID: pool.ID, CIDR: claim.Value})
	}
	if len(cidrs) == 0 {
		return netip.Prefix{}, &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("The allocation size is too big for the pool. %s has no CIDRs provisioned.", pool.ID),
			Fix:     "Provision a CIDR to the pool (simcloud_vpc_ipam_pool_cidr) first, and make what allocates from it depend on that CIDR.",
			Field:   field, Objects: []string{pool.ID}}
	}
	allocations, err := list[IPAMPoolAllocation](v, c.scope, IPAMPoolAllocationFilter{PoolID: pool.ID})
	if err != nil {
		return netip.Prefix{}, err
	}
	var used []netip.Prefix
	for _, a := range allocations {
		if p, err := netip.ParsePrefix(a.CIDR); err == nil {
			used = append(used, p)
		}
	}
	var blocks []netip.Prefix
	for _, pc := range cidrs {
		if p, err := netip.ParsePrefix(pc.CIDR); err == nil {
			blocks = append(blocks, p)
		}
	}
	if want.IsValid() {
		inPool := slices.ContainsFunc(blocks, func(b netip.Prefix) bool { return b.Bits() <= want.Bits() && b.Contains(want.Addr()) })
		taken := slices.IndexFunc(used, want.Overlaps)
		if !inPool || taken >= 0 {
			e := &Error{Code: "InvalidParameterValue", Field: field, Objects: []string{pool.ID},
				Message: fmt.Sprintf("The CIDR %s is not available in the pool %s.", want, pool.ID),
				Fix:     "Give a block inside one of the pool's CIDRs that no allocation uses, or leave the block to the pool."}
			if taken >= 0 {
				e.Objects = append(e.Objects, allocations[taken].ResourceID)
				e.Message = fmt.Sprintf("The CIDR %s overlaps %s, allocated to %s.", want, used[taken], allocations[taken].ResourceID)
			}
			return netip.Prefix{}, e
		}
		return want, nil
	}
	for _, d := range disallowed {
		if p, err := netip.ParsePrefix(d); err == nil {
			used = append(used, p.Masked())
		}
	}
	if block, ok := NextFreeBlock(blocks, used, int(netmask)); ok {
		return block, nil
	}
	return netip.Prefix{}, &Error{Code: "InvalidParameterValue",
		Message: fmt.Sprintf("The allocation size is too big for the pool. %s has no free /%d.", pool.ID, netmask),
		Fix:     "Ask for a smaller block, release allocations, or provision another CIDR to the pool.",
		Field:   field, Objects: []string{pool.ID}}
}

// NextFreeBlock returns the lowest block of the given length inside one of
// pools that overlaps none of used: pools in address order, and in each the
// lowest aligned block, so that the same request gives the same block.
func NextFreeBlock(pools, used []netip.Prefix, bits int) (netip.Prefix, bool) {
	pools = slices.Clone(pools)
	slices.SortFunc(pools, func(a, b netip.Prefix) int { return a.Addr().Compare(b.Addr()) })
	for _, pool := range pools {
		if bits < pool.Bits() || bits > pool.Addr().BitLen() {
			continue
		}
		candidate := netip.PrefixFrom(pool.Addr(), bits)
		for pool.Contains(candidate.Addr()) {
			i := slices.IndexFunc(used, candidate.Overlaps)
			if i < 0 {
				return candidate, true
			}
			// Past the block in the way, aligned up to the size wanted.
			next, ok := alignedAfter(used[i], bits)
			if !ok {
				break
			}
			candidate = netip.PrefixFrom(next, bits)
		}
	}
	return netip.Prefix{}, false
}

// alignedAfter is the first address after block aligned to a block of the
// given length; ok is false past the end of the address space.
func alignedAfter(block netip.Prefix, bits int) (netip.Addr, bool) {
	width := block.Addr().BitLen()
	n := new(big.Int).SetBytes(block.Masked().Addr().AsSlice())
	n.Add(n, new(big.Int).Lsh(big.NewInt(1), uint(width-block.Bits())))
	size := new(big.Int).Lsh(big.NewInt(1), uint(width-bits))
	rem := new(big.Int).Mod(n, size)
	if rem.Sign() != 0 {
		n.Add(n.Sub(n, rem), size)
	}
	if n.BitLen() > width {
		return netip.Addr{}, false
	}
	buf := make([]byte, width/8)
	n.FillBytes(buf)
	addr, _ := netip.AddrFromSlice(buf)
	return addr, true
}

func (c *Client) ipamPoolCIDRRule(in IPAMPoolCIDRInput) Rule {
	return func(v View) error {
		if in.CIDR == "" && in.NetmaskLength == 0 {
			return &Error{Code: "MissingParameter", Message: "The request must contain the parameter cidr or netmaskLength.",
				Fix: "Give cidr, or netmask_length for a pool with a source pool.", Field: "cidr", Objects: []string{in.PoolID}}
		}
		if !IsKnown(in.PoolID) {
			return nil
		}
		pool, err := findStored[IPAMPool](v, c.scope, in.PoolID, "ipam_pool_id")
		if err != nil || !IsKnown(in.CIDR) {
			return err
		}
		_, err = c.provisionedBlock(v, pool, in)
		return err
	}
}

// provisionedBlock is the block that provisioning in to pool adds: the
// CIDR given, or one of the source pool's.
func (c *Client) provisionedBlock(v View, pool IPAMPool, in IPAMPoolCIDRInput) (netip.Prefix, error) {
	var block netip.Prefix
	if pool.SourcePoolID != "" {
		source, err := findStored[IPAMPool](v, c.scope, pool.SourcePoolID, "ipam_pool_id")
		if err != nil {
			return block, err
		}
		if block, err = c.poolBlock(v, source, in.CIDR, in.NetmaskLength, nil, "cidr"); err != nil || !block.IsValid() {
			return block, err
		}
	} else {
		if in.CIDR == "" {
			return block, &Error{Code: "MissingParameter", Message: "The request must contain the parameter cidr.",
				Fix: fmt.Sprintf("Give cidr: %s has no source pool to take a block of netmask_length from.", pool.ID), Field: "cidr", Objects: []string{pool.ID}}
		}
		p, err := netip.ParsePrefix(in.CIDR)
		if err != nil || p.Masked() != p || p.Addr().Is4() != (pool.AddressFamily == "ipv4") {
			return block, invalidValue(in.CIDR, "cidr", "cidr", fmt.Sprintf("Give an %s network such as 10.0.0.0/8.", pool.AddressFamily))
		}
		block = p
	}
	others, err := list[IPAMPoolCIDR](v, c.scope, IPAMPoolCIDRFilter{PoolID: pool.ID})
	if err != nil {
		return block, err
	}
	overlap := func(other, holder, obstacle string) error {
		if p, err := netip.ParsePrefix(other); err == nil && p.Overlaps(block) {
			return &Error{Code: "InvalidParameterValue",
				Message: fmt.Sprintf("The CIDR %s overlaps with the CIDR %s, already provisioned to %s.", block, other, pool.ID),
				Fix:     "Provision a CIDR that overlaps none of the pool's own.",
				Field:   "cidr", Objects: []string{pool.ID, holder}, Obstacle: obstacle}
		}
		return nil
	}
	for _, o := range others {
		if err := overlap(o.CIDR, o.ID, o.ID); err != nil {
			return block, err
		}
	}
	// And those the same plan provisions.
	for _, claim := range v.Claimed(ClaimIPAMPoolCIDR, pool.ID) {
		if err := overlap(claim.Value, claim.Who(), ""); err != nil {
			return block, err
		}
	}
	return block, nil
}

// ClaimIPAMPoolCIDR is a CIDR that a planned simcloud_vpc_ipam_pool_cidr
// provisions to a pool ("" when known only at apply), which the same plan's
// allocations from the pool count.
const ClaimIPAMPoolCIDR ClaimKind = "ipam-pool-cidr"

// CheckIPAMPoolCIDR runs at plan time the rules that provisioning a CIDR
// meets at apply.
func (c *Client) CheckIPAMPoolCIDR(ctx context.Context, p *Plan, holder Holder, in IPAMPoolCIDRInput) error {
	in.CIDR = CanonicalCIDR(in.CIDR)
	return c.Check(ctx, p, holder, c.ipamPoolCIDRRule(in), Claim{Kind: ClaimIPAMPoolCIDR, Scope: in.PoolID, Value: in.CIDR})
}

// ProvisionIPAMPoolCIDR provisions a CIDR to a pool; a pool with a source
// pool takes it from there, as an allocation of the source.
func (c *Client) ProvisionIPAMPoolCIDR(ctx context.Context, in IPAMPoolCIDRInput) (IPAMPoolCIDR, error) {
	in.CIDR = CanonicalCIDR(in.CIDR)
	pc := IPAMPoolCIDR{ID: newID(KindIPAMPoolCIDR), OwnerID: c.scope.AccountID, Region: c.scope.Region, PoolID: in.PoolID}
	err := c.apply(ctx, "ProvisionIpamPoolCidr", poolIDs(in.PoolID), c.ipamPoolCIDRRule(in), func(tx Tx) error {
		pool, err := findStored[IPAMPool](tx, c.scope, in.PoolID, "ipam_pool_id")
		if err != nil {
			return err
		}
		block, err := c.provisionedBlock(applyView{tx}, pool, in)
		if err != nil {
			return err
		}
		pc.CIDR = block.String()
		if pool.SourcePoolID != "" {
			if err := tx.Insert(IPAMPoolAllocation{ID: newID(KindIPAMPoolAllocation), OwnerID: pc.OwnerID, Region: pc.Region,
				PoolID: pool.SourcePoolID, CIDR: pc.CIDR, ResourceType: ipamAllocationPool, ResourceID: pool.ID}); err != nil {
				return err
			}
		}
		return tx.Insert(pc)
	})
	return made(pc, err)
}

// IPAMPoolCIDR reads the CIDR of a pool.
func (c *Client) IPAMPoolCIDR(ctx context.Context, poolID, cidr string) (IPAMPoolCIDR, error) {
	return readResult(ctx, c, "GetIpamPoolCidrs", poolIDs(poolID), func(tx ReadTx) (IPAMPoolCIDR, error) {
		return c.findPoolCIDR(tx, poolID, cidr)
	})
}

func (c *Client) findPoolCIDR(tx ReadTx, poolID, cidr string) (IPAMPoolCIDR, error) {
	cidr = CanonicalCIDR(cidr)
	if _, err := findStored[IPAMPool](tx, c.scope, poolID, "ipam_pool_id"); err != nil {
		return IPAMPoolCIDR{}, err
	}
	pc, ok, err := first[IPAMPoolCIDR](tx, c.scope, IPAMPoolCIDRFilter{PoolID: poolID, CIDR: cidr})
	if err != nil || ok {
		return pc, err
	}
	e := notFound(KindIPAMPoolCIDR, cidr, "cidr")
	e.Message, e.Fix = fmt.Sprintf("The CIDR %s is not provisioned to %s.", printable(cidr), poolID), "Check the CIDR, or provision it (simcloud_vpc_ipam_pool_cidr) first."
	e.Objects = []string{poolID, printable(cidr)}
	return pc, e
}

// DeprovisionIPAMPoolCIDR takes a CIDR back from a pool. It refuses while
// allocations of the pool use part of it.
func (c *Client) DeprovisionIPAMPoolCIDR(ctx context.Context, poolID, cidr string) error {
	return c.write(ctx, "DeprovisionIpamPoolCidr", poolIDs(poolID), func(tx Tx) error {
		pc, err := c.findPoolCIDR(tx, poolID, cidr)
		if err != nil {
			return err
		}
		block := netip.MustParsePrefix(pc.CIDR)
		allocations, err := list[IPAMPoolAllocation](tx, c.scope, IPAMPoolAllocationFilter{PoolID: poolID})
		if err != nil {
			return err
		}
		for _, a := range allocations {
			if p, err := netip.ParsePrefix(a.CIDR); err == nil && p.Overlaps(block) {
				return &Error{Code: "DependencyViolation", Message: fmt.Sprintf("The CIDR %s of %s has one or more allocations.", pc.CIDR, poolID),
					Fix:     fmt.Sprintf("Delete what the pool allocated from it first: %s has %s.", a.ResourceID, a.CIDR),
					Objects: []string{poolID, a.ResourceID}, Obstacle: a.ResourceID}
			}
		}
		pool, err := findStored[IPAMPool](tx, c.scope, poolID, "ipam_pool_id")
		if err != nil {
			return err
		}
		if err := c.releaseFromSource(tx, pool, pc.CIDR); err != nil {
			return err
		}
		return tx.Delete(KindIPAMPoolCIDR, pc.ID)
	})
}

// releaseFromSource releases the allocation of the source pool of pool
// that a CIDR of pool came from, if any.
func (c *Client) releaseFromSource(tx Tx, pool IPAMPool, cidr string) error {
	if pool.SourcePoolID == "" {
		return nil
	}
	return c.release(tx, IPAMPoolAllocationFilter{PoolID: pool.SourcePoolID, ResourceID: pool.ID}, cidr)
}

// PreviewNextCIDR is the block an allocation of netmask bits (the pool's
// default when 0) would take from the pool now, outside disallowed. It
// reserves nothing, as AllocateIpamPoolCidr with PreviewNextCidr does.
func (c *Client) PreviewNextCIDR(ctx context.Context, poolID string, netmask int64, disallowed []string) (string, error) {
	return readResult(ctx, c, "AllocateIpamPoolCidr", poolIDs(poolID), func(tx ReadTx) (string, error) {
		pool, err := findStored[IPAMPool](tx, c.scope, poolID, "ipam_pool_id")
		if err != nil {
			return "", err
		}
		block, err := c.poolBlock(planView{ReadTx: tx}, pool, "", netmask, disallowed, "netmask_length")
		return block.String(), err
	})
}

// vpcPoolRule checks, for a VPC made with blocks from IPAM pools, that the
// pools can give them: the pool of the family, its locale, and the block
// (given, or the netmask's).
func (c *Client) vpcPoolRule(in VPCInput) Rule {
	return func(v View) error {
		_, _, err := c.vpcPoolBlocks(v, in)
		return err
	}
}

// vpcPoolBlock is the block of the family that a VPC takes from the pool
// poolID (named in poolField): cidr (named in blockField) inside the pool,
// or the lowest free block of netmask; invalid for no pool, or a pool or
// block not known yet.
func (c *Client) vpcPoolBlock(v View, poolID, family, cidr string, netmask int64, poolField, blockField string) (netip.Prefix, error) {
	if poolID == "" || !IsKnown(poolID) {
		return netip.Prefix{}, nil
	}
	pool, err := findStored[IPAMPool](v, c.scope, poolID, poolField)
	if err != nil {
		return netip.Prefix{}, err
	}
	if pool.AddressFamily != family {
		return netip.Prefix{}, &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("The IPAM pool %s is an %s pool; %s takes an %s pool.", pool.ID, pool.AddressFamily, poolField, family),
			Fix:     fmt.Sprintf("Give an %s pool.", family), Field: poolField, Objects: []string{pool.ID}}
	}
	if pool.Locale != "" && pool.Locale != c.scope.Region {
		return netip.Prefix{}, &Error{Code: "InvalidParameterValue",
			Message: fmt.Sprintf("The locale %s of the IPAM pool %s does not match the VPC's region %s.", pool.Locale, pool.ID, c.scope.Region),
			Fix:     fmt.Sprintf("Give a pool whose locale is %s.", c.scope.Region), Field: poolField, Objects: []string{pool.ID}}
	}
	// The pool's family and locale decide without the block; the block's
	// own rules wait for it.
	if !IsKnown(cidr) {
		return netip.Prefix{}, nil
	}
	field := blockField
	if cidr == "" {
		field = strings.Replace(poolField, "ipam_pool_id", "netmask_length", 1)
	}
	return c.poolBlock(v, pool, cidr, netmask, nil, field)
}

// vpcPoolBlocks are the IPv4 and IPv6 blocks a new VPC takes from its
// pools, invalid where it names none (or one not known yet).
func (c *Client) vpcPoolBlocks(v View, in VPCInput) (v4, v6 netip.Prefix, err error) {
	if v4, err = c.vpcPoolBlock(v, in.IPv4IPAMPoolID, "ipv4", in.CIDRBlock, in.IPv4NetmaskLength, "ipv4_ipam_pool_id", "cidr_block"); err != nil {
		return v4, v6, err
	}
	if v4.IsValid() {
		if _, err := ParseVPCCIDR(v4.String()); err != nil {
			return v4, v6, err
		}
	}
	v6, err = c.vpcPoolBlock(v, in.IPv6IPAMPoolID, "ipv6", in.IPv6CIDRBlock, in.IPv6NetmaskLength, "ipv6_ipam_pool_id", "ipv6_cidr_block")
	return v4, v6, err
}

// PoolBlockInput is a secondary IPv4 block a VPC takes from an IPAM pool:
// CIDR inside the pool, or "" for the lowest free block of NetmaskLength
// (0 for the pool's default).
type PoolBlockInput struct {
	VPCID, PoolID, CIDR string
	NetmaskLength       int64
}

// poolAssociationRule checks the block a VPC would take from the pool, and
// the VPC's own rules for a secondary block, once both are known.
func (c *Client) poolAssociationRule(in PoolBlockInput) Rule {
	return func(v View) error {
		block, err := c.vpcPoolBlock(v, in.PoolID, "ipv4", in.CIDR, in.NetmaskLength, "ipv4_ipam_pool_id", "cidr_block")
		if err != nil || !block.IsValid() || !IsKnown(in.VPCID) {
			return err
		}
		return c.vpcCIDRBlockRule(in.VPCID, block.String(), "")(v)
	}
}

// CheckAssociatePoolBlock runs at plan time the rules that associating a
// block from a pool meets at apply.
func (c *Client) CheckAssociatePoolBlock(ctx context.Context, p *Plan, holder Holder, in PoolBlockInput) error {
	return c.Check(ctx, p, holder, c.poolAssociationRule(in))
}

// AssociatePoolBlock gives a VPC a secondary IPv4 block from an IPAM pool,
// as AssociateVpcCidrBlock with Ipv4IpamPoolId does; the block goes back to
// the pool when the association (or the VPC) goes.
func (c *Client) AssociatePoolBlock(ctx context.Context, in PoolBlockInput) (VPCCIDRBlockAssociation, error) {
	a := VPCCIDRBlockAssociation{ID: newID(KindVPCCIDRAssociation), OwnerID: c.scope.AccountID, Region: c.scope.Region, VPCID: in.VPCID}
	err := c.apply(ctx, "AssociateVpcCidrBlock", map[string]string{"association_id": a.ID, "vpc_id": in.VPCID}, c.poolAssociationRule(in), func(tx Tx) error {
		block, err := c.vpcPoolBlock(applyView{tx}, in.PoolID, "ipv4", in.CIDR, in.NetmaskLength, "ipv4_ipam_pool_id", "cidr_block")
		if err != nil {
			return err
		}
		a.CIDRBlock = block.String()
		if err := tx.Insert(IPAMPoolAllocation{ID: newID(KindIPAMPoolAllocation), OwnerID: a.OwnerID, Region: a.Region,
			PoolID: in.PoolID, CIDR: a.CIDRBlock, ResourceType: ipamAllocationVPC, ResourceID: in.VPCID}); err != nil {
			return err
		}
		if err := tx.Insert(a); err != nil {
			return err
		}
		return putLocalRoutes(tx, in.VPCID, a.CIDRBlock)
	})
	return made(a, err)
}

// release gives back to its pool the allocation of cidr among those that
// filter selects, if there is one.
func (c *Client) release(tx Tx, filter IPAMPoolAllocationFilter, cidr string) error {
	allocations, err := list[IPAMPoolAllocation](tx, c.scope, filter)
	if err != nil {
		return err
	}
	for _, a := range allocations {
		if a.CIDR == cidr {
			return tx.Delete(KindIPAMPoolAllocation, a.ID)
		}
	}
	return nil
}

// allocateVPCBlocks gives a new VPC the blocks of its pools, and records
// the allocations, which go with the VPC.
func (c *Client) allocateVPCBlocks(tx Tx, in VPCInput, vpc *VPC) error {
	v4, v6, err := c.vpcPoolBlocks(applyView{tx}, in)
	if err != nil {
		return err
	}
	record := func(poolID string, block netip.Prefix) error {
		return tx.Insert(IPAMPoolAllocation{ID: newID(KindIPAMPoolAllocation), OwnerID: vpc.OwnerID, Region: vpc.Region,
			PoolID: poolID, CIDR: block.String(), ResourceType: ipamAllocationVPC, ResourceID: vpc.ID})
	}
	if v4.IsValid() {
		vpc.CIDRBlock, vpc.IPv4IPAMPoolID = v4.String(), in.IPv4IPAMPoolID
		if err := record(in.IPv4IPAMPoolID, v4); err != nil {
			return err
		}
	}
	if v6.IsValid() {
		vpc.IPv6CIDRBlock, vpc.IPv6AssociationID, vpc.IPv6IPAMPoolID = v6.String(), newID(KindVPCCIDRAssociation), in.IPv6IPAMPoolID
		if err := record(in.IPv6IPAMPoolID, v6); err != nil {
			return err
		}
	}
	return nil
}

// CheckVPCBlockArguments refuses a VPC that names neither a block nor a
// pool to take one from.
func CheckVPCBlockArguments(set map[string]string) error {
	if set["cidr_block"] == "" && set["ipv4_ipam_pool_id"] == "" {
		return &Error{Code: "MissingParameter", Message: "Either cidrBlock or ipv4IpamPoolId must be specified.",
			Fix: "Give cidr_block, or ipv4_ipam_pool_id to take the block from an IPAM pool.", Field: "cidr_block"}
	}
	for _, family := range []string{"ipv4", "ipv6"} {
		if set[family+"_netmask_length"] != "" && set[family+"_ipam_pool_id"] == "" {
			return &Error{Code: "InvalidParameterCombination", Message: fmt.Sprintf("%sNetmaskLength requires %sIpamPoolId.", family, family),
				Fix: fmt.Sprintf("Give %s_ipam_pool_id with %s_netmask_length, or leave the length out.", family, family), Field: family + "_netmask_length"}
		}
	}
	if set["ipv6_cidr_block"] != "" && set["ipv6_ipam_pool_id"] == "" {
		return &Error{Code: "InvalidParameterCombination", Message: "ipv6CidrBlock requires ipv6IpamPoolId.",
			Fix: "Give ipv6_ipam_pool_id with ipv6_cidr_block, or use assign_generated_ipv6_cidr_block.", Field: "ipv6_cidr_block"}
	}
	if set["ipv6_ipam_pool_id"] != "" && set["assign_generated_ipv6_cidr_block"] == "true" {
		return &Error{Code: "InvalidParameterCombination", Message: "amazonProvidedIpv6CidrBlock cannot be combined with ipv6IpamPoolId.",
			Fix: "Take the IPv6 block from the pool or from Amazon, not both.", Field: "assign_generated_ipv6_cidr_block"}
	}
	return nil
}

func describeIPAM(i IPAM) Object { return Object{ID: i.ID, Tags: i.Tags, Value: i} }

func describeIPAMScope(s IPAMScope) Object {
	return Object{ID: s.ID, Value: s, References: references("ipam_id", s.IPAMID)}
}

func describeIPAMPool(p IPAMPool) Object {
	return Object{ID: p.ID, Tags: p.Tags, Value: p, References: references("ipam_scope_id", p.ScopeID, "source_ipam_pool_id", p.SourcePoolID)}
}

func describeIPAMPoolCIDR(pc IPAMPoolCIDR) Object {
	return Object{ID: pc.ID, Value: pc, References: references("ipam_pool_id", pc.PoolID)}
}

func describeIPAMPoolAllocation(a IPAMPoolAllocation) Object {
	return Object{ID: a.ID, Value: a, References: references("ipam_pool_id", a.PoolID, "resource_id", a.ResourceID)}
}

// refuseAlone is the objectKind.remove of a kind whose objects go only with
// what holds them: the object is looked up, then refused.
func refuseAlone[T Row](how string) func(c *Client, ctx context.Context, id string) error {
	return func(c *Client, ctx context.Context, id string) error {
		k := kindOf[T]()
		return c.read(ctx, k.deleteOp, k.ids(id), func(tx ReadTx) error {
			if _, err := findStored[T](tx, c.scope, id, "id"); err != nil {
				return err
			}
			return &Error{Code: "OperationNotPermitted", Message: fmt.Sprintf("The %s %s cannot be deleted on its own.", k.label, id),
				Fix: how, Objects: []string{id}}
		})
	}
}

// ipamKinds are the registry's entries of IPAM's kinds. Scopes, pool CIDRs
// and allocations go with what holds them and are not deleted alone.
func ipamKinds() []objectKind {
	return []objectKind{
		{Kind: KindIPAM, typeName: "vpc_ipam", table: "ipams", idColumn: "id", taggable: true, describeOp: "DescribeIpams", createOp: "CreateIpam", deleteOp: "DeleteIpam",
			listing: listedIn(func(inv *Inventory) *[]IPAM { return &inv.IPAMs }, IPAMFilter{}, describeIPAM),
			find:    findsStored[IPAM],
			remove:  func(c *Client, ctx context.Context, id string) error { return c.DeleteIPAM(ctx, id, false) }},
		{Kind: KindIPAMScope, typeName: "vpc_ipam_scope", table: "ipam_scopes", idColumn: "id", describeOp: "DescribeIpamScopes", createOp: "CreateIpam", deleteOp: "DeleteIpamScope",
			parentField: "ipam_id", uses: []Kind{KindIPAM},
			listing: listedIn(func(inv *Inventory) *[]IPAMScope { return &inv.IPAMScopes }, IPAMScopeFilter{}, describeIPAMScope),
			find:    findsStored[IPAMScope],
			remove:  refuseAlone[IPAMScope]("A default scope goes with its IPAM: delete the IPAM.")},
		{Kind: KindIPAMPool, typeName: "vpc_ipam_pool", table: "ipam_pools", idColumn: "id", taggable: true, describeOp: "DescribeIpamPools", createOp: "CreateIpamPool", deleteOp: "DeleteIpamPool",
			parentField: "ipam_scope_id", uses: []Kind{KindIPAMScope},
			listing: listedIn(func(inv *Inventory) *[]IPAMPool { return &inv.IPAMPools }, IPAMPoolFilter{}, describeIPAMPool),
			find:    findsStored[IPAMPool],
			remove:  func(c *Client, ctx context.Context, id string) error { return c.DeleteIPAMPool(ctx, id, false) }},
		{Kind: KindIPAMPoolCIDR, typeName: "vpc_ipam_pool_cidr", table: "ipam_pool_cidrs", idColumn: "id", describeOp: "GetIpamPoolCidrs", createOp: "ProvisionIpamPoolCidr", deleteOp: "DeprovisionIpamPoolCidr",
			parentField: "ipam_pool_id", uses: []Kind{KindIPAMPool},
			listing: listedIn(func(inv *Inventory) *[]IPAMPoolCIDR { return &inv.IPAMPoolCIDRs }, IPAMPoolCIDRFilter{}, describeIPAMPoolCIDR),
			find:    findsStored[IPAMPoolCIDR],
			remove: func(c *Client, ctx context.Context, id string) error {
				pc, err := Describe[IPAMPoolCIDR](c, ctx, id)
				if err != nil {
					return err
				}
				return c.DeprovisionIPAMPoolCIDR(ctx, pc.PoolID, pc.CIDR)
			}},
		{Kind: KindIPAMPoolAllocation, typeName: "vpc_ipam_pool_allocation", table: "ipam_pool_allocations", idColumn: "id",
			describeOp: "GetIpamPoolAllocations", createOp: "AllocateIpamPoolCidr", deleteOp: "ReleaseIpamPoolAllocation",
			parentField: "ipam_pool_id", uses: []Kind{KindIPAMPool},
			listing: listedIn(func(inv *Inventory) *[]IPAMPoolAllocation { return &inv.IPAMPoolAllocations }, IPAMPoolAllocationFilter{}, describeIPAMPoolAllocation),
			find:    findsStored[IPAMPoolAllocation],
			remove:  refuseAlone[IPAMPoolAllocation]("An allocation goes with what holds it: delete the VPC, or deprovision the child pool's CIDR.")},
	}
}

// ParseIPAMPoolCIDRID reads the AWS provider's ID of a pool CIDR: the
// CIDR, an underscore and the pool's ID.
func ParseIPAMPoolCIDRID(id string) (cidr, poolID string, err error) {
	cidr, poolID, _ = strings.Cut(id, "_")
	if _, perr := netip.ParsePrefix(cidr); perr != nil || ValidateID(KindIPAMPool, poolID, "") != nil {
		return "", "", invalidParameter("id", fmt.Sprintf("Invalid IPAM pool CIDR ID %q: expected <cidr>_<pool ID>.", printable(id)),
			"Write the CIDR, an underscore and the pool's ID, such as 10.0.0.0/8_ipam-pool-0123456789abcdef0.")
	}
	return cidr, poolID, nil
}

// CheckNetworkBorderGroup refuses a network border group other than the
// client's region.
func (c *Client) CheckNetworkBorderGroup(set map[string]string) error {
	return c.checkPoolArguments(set)
}

// CheckPoolServiceArguments refuses aws_service and simcloud_service
// together: they are one argument under two names.
func CheckPoolServiceArguments(set map[string]string) error {
	if set["aws_service"] != "" && set["simcloud_service"] != "" {
		return &Error{Code: "InvalidParameterCombination", Message: "awsService is given twice, as aws_service and as simcloud_service.",
			Fix: "Keep one of aws_service and simcloud_service: they are the same argument.", Field: "simcloud_service"}
	}
	return nil
}
