package cloud_test

import (
	"net/netip"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// ipamPool is an IPAM in the default region and an IPv4 pool of its
// private scope, with the given CIDRs provisioned.
func ipamPool(t *testing.T, c *cloud.Client, settings cloud.IPAMPoolSettings, cidrs ...string) (cloud.IPAM, cloud.IPAMPool) {
	t.Helper()
	ipam := must(c.CreateIPAM(bg, cloud.IPAMInput{Tier: "advanced", OperatingRegions: []string{cloud.DefaultRegion}}))(t)
	pool := must(c.CreateIPAMPool(bg, cloud.IPAMPoolInput{ScopeID: ipam.PrivateDefaultScopeID, AddressFamily: "ipv4",
		Locale: cloud.DefaultRegion, IPAMPoolSettings: settings}))(t)
	for _, cidr := range cidrs {
		must(c.ProvisionIPAMPoolCIDR(bg, cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: cidr}))(t)
	}
	return ipam, pool
}

func poolVPC(poolID string, netmask int64) cloud.VPCInput {
	in := vpcInput("")
	in.IPv4IPAMPoolID, in.IPv4NetmaskLength = poolID, netmask
	return in
}

// TestPoolAllocatesTheLowestFreeBlock: a preview reserves nothing and
// names the block the next VPC gets; VPCs take the lowest free blocks, the
// pool's default size when they give none, and a deleted VPC's block is
// free again.
func TestPoolAllocatesTheLowestFreeBlock(t *testing.T) {
	c := freshClient(t)
	ipam, pool := ipamPool(t, c, cloud.IPAMPoolSettings{AllocationDefaultNetmaskLength: 16, AllocationMaxNetmaskLength: 24}, "10.0.0.0/8")
	if ipam.ScopeCount != 2 || ipam.PrivateDefaultScopeID == ipam.PublicDefaultScopeID {
		t.Fatalf("IPAM scopes: %+v", ipam)
	}
	preview := must(c.PreviewNextCIDR(bg, pool.ID, 0, nil))(t)
	if again := must(c.PreviewNextCIDR(bg, pool.ID, 0, nil))(t); preview != "10.0.0.0/16" || again != preview {
		t.Fatalf("previews %s, %s; want 10.0.0.0/16 twice", preview, again)
	}
	first := must(c.CreateVPC(bg, poolVPC(pool.ID, 0)))(t)
	if first.CIDRBlock != preview || first.IPv4IPAMPoolID != pool.ID {
		t.Fatalf("first VPC %s from %s, want %s from %s", first.CIDRBlock, first.IPv4IPAMPoolID, preview, pool.ID)
	}
	small := must(c.CreateVPC(bg, poolVPC(pool.ID, 24)))(t)
	second := must(c.CreateVPC(bg, poolVPC(pool.ID, 16)))(t)
	if small.CIDRBlock != "10.1.0.0/24" || second.CIDRBlock != "10.2.0.0/16" {
		t.Fatalf("blocks %s and %s, want 10.1.0.0/24 and 10.2.0.0/16", small.CIDRBlock, second.CIDRBlock)
	}
	if got := must(c.PreviewNextCIDR(bg, pool.ID, 16, []string{"10.1.0.0/16"}))(t); got != "10.3.0.0/16" {
		t.Fatalf("preview outside a disallowed block: %s", got)
	}
	noErr(t, c.DeleteVPC(bg, first.ID))
	if again := must(c.CreateVPC(bg, poolVPC(pool.ID, 16)))(t); again.CIDRBlock != "10.0.0.0/16" {
		t.Fatalf("after release the pool gave %s, want 10.0.0.0/16", again.CIDRBlock)
	}
	// A block given inside the pool is taken as it is, unless in use.
	given := poolVPC(pool.ID, 0)
	given.CIDRBlock = "10.9.0.0/16"
	if v := must(c.CreateVPC(bg, given))(t); v.CIDRBlock != "10.9.0.0/16" {
		t.Fatalf("given block: %s", v.CIDRBlock)
	}
	wantCode(t, errOf(c.CreateVPC(bg, given)), "InvalidParameterValue")
	// Outside the pool's limits, at plan and at apply.
	p := cloud.NewPlan()
	wantCode(t, c.CheckVPC(bg, p, p.NewHolder(), poolVPC(pool.ID, 26)), "InvalidParameterValue")
	// A block the pool may give but a VPC may not have.
	wantCode(t, errOf(c.CreateVPC(bg, poolVPC(pool.ID, 12))), "InvalidVpc.Range")
	// The CIDR cannot go while VPCs use it.
	wantCode(t, c.DeprovisionIPAMPoolCIDR(bg, pool.ID, "10.0.0.0/8"), "DependencyViolation")
}

func TestNextFreeBlock(t *testing.T) {
	pfx := func(ss ...string) []netip.Prefix {
		var out []netip.Prefix
		for _, s := range ss {
			out = append(out, netip.MustParsePrefix(s))
		}
		return out
	}
	for _, tc := range []struct {
		pools, used []netip.Prefix
		bits        int
		want        string
	}{
		{pfx("10.0.0.0/8"), nil, 16, "10.0.0.0/16"},
		{pfx("10.0.0.0/8"), pfx("10.0.0.0/24"), 16, "10.1.0.0/16"},
		{pfx("10.0.0.0/8"), pfx("10.0.0.0/16", "10.1.0.0/17"), 17, "10.1.128.0/17"},
		{pfx("192.168.0.0/24", "10.0.0.0/24"), pfx("10.0.0.0/24"), 25, "192.168.0.0/25"},
		{pfx("10.0.0.0/24"), pfx("10.0.0.0/24"), 25, ""},
		{pfx("10.0.0.0/24"), nil, 16, ""},
		{pfx("2001:db8::/48"), pfx("2001:db8::/56"), 56, "2001:db8:0:100::/56"},
		{pfx("255.255.255.0/24"), pfx("255.255.255.0/25", "255.255.255.128/25"), 25, ""},
	} {
		got, ok := cloud.NextFreeBlock(tc.pools, tc.used, tc.bits)
		if (tc.want == "") != !ok || ok && got.String() != tc.want {
			t.Errorf("NextFreeBlock(%v, %v, %d) = %v, %v; want %q", tc.pools, tc.used, tc.bits, got, ok, tc.want)
		}
	}
}

// ipamRefusals are the error catalog's scenarios of IPAM.
func ipamRefusals() []refusal {
	return []refusal{
		lookup("IPAM", "InvalidIpamId.NotFound", "ipam-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.IPAM](c, bg, id)) }),
		lookup("IPAM", "InvalidIpamId.Malformed", "vpc-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.IPAM](c, bg, id)) }),
		lookup("IPAM scope", "InvalidIpamScopeId.NotFound", "ipam-scope-0123456789abcdef0", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		lookup("IPAM scope", "InvalidIpamScopeId.Malformed", "ipam-scope-1", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		lookup("IPAM pool", "InvalidIpamPoolId.NotFound", "ipam-pool-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.IPAMPool](c, bg, id)) }),
		lookup("IPAM pool", "InvalidIpamPoolId.Malformed", "ipam-pool-1", func(c *cloud.Client, id string) error { return errOf(cloud.Describe[cloud.IPAMPool](c, bg, id)) }),
		lookup("IPAM pool CIDR", "InvalidIpamPoolCidrId.NotFound", "ipam-pool-cidr-0123456789abcdef0", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		lookup("IPAM pool CIDR", "InvalidIpamPoolCidrId.Malformed", "ipam-pool-cidr-1", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		lookup("IPAM pool allocation", "InvalidIpamPoolAllocationId.NotFound", "ipam-pool-alloc-0123456789abcdef0", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		lookup("IPAM pool allocation", "InvalidIpamPoolAllocationId.Malformed", "ipam-pool-alloc-1", func(c *cloud.Client, id string) error { return c.CheckObject(bg, id) }),
		{name: "pool locale not an operating region, at plan", code: "InvalidParameterValue", field: "locale",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				ipam, _ := ipamPool(t, c, cloud.IPAMPoolSettings{})
				p := cloud.NewPlan()
				return []string{ipam.ID}, c.CheckIPAMPool(bg, p, p.NewHolder(), cloud.IPAMPoolInput{ScopeID: ipam.PrivateDefaultScopeID,
					AddressFamily: "ipv4", Locale: "eu-west-3"})
			}},
		{name: "VPC netmask outside the pool's range, at plan", code: "InvalidParameterValue", field: "ipv4_netmask_length",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{AllocationMinNetmaskLength: 16, AllocationMaxNetmaskLength: 20}, "10.0.0.0/8")
				p := cloud.NewPlan()
				return []string{pool.ID}, c.CheckVPC(bg, p, p.NewHolder(), poolVPC(pool.ID, 24))
			}},
		{name: "VPC from a pool with no CIDR", code: "InvalidParameterValue", field: "ipv4_netmask_length",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{})
				return []string{pool.ID}, errOf(c.CreateVPC(bg, poolVPC(pool.ID, 16)))
			}},
		{name: "VPC from a full pool", code: "InvalidParameterValue", field: "ipv4_netmask_length",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{}, "10.0.0.0/16")
				must(c.CreateVPC(bg, poolVPC(pool.ID, 16)))(t)
				return []string{pool.ID}, errOf(c.CreateVPC(bg, poolVPC(pool.ID, 16)))
			}},
		{name: "VPC from a pool with no default netmask", code: "MissingParameter", field: "ipv4_netmask_length",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{}, "10.0.0.0/8")
				return []string{pool.ID}, errOf(c.CreateVPC(bg, poolVPC(pool.ID, 0)))
			}},
		{name: "pool CIDR overlapping another of the pool, at plan", code: "InvalidParameterValue", field: "cidr",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{})
				pc := must(c.ProvisionIPAMPoolCIDR(bg, cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: "10.0.0.0/8"}))(t)
				p := cloud.NewPlan()
				return []string{pool.ID, pc.ID}, c.CheckIPAMPoolCIDR(bg, p, p.NewHolder(), cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: "10.1.0.0/16"})
			}},
		{name: "pool CIDR deprovisioned while a VPC uses it", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{}, "10.0.0.0/8")
				vpc := must(c.CreateVPC(bg, poolVPC(pool.ID, 16)))(t)
				return []string{pool.ID, vpc.ID}, c.DeprovisionIPAMPoolCIDR(bg, pool.ID, "10.0.0.0/8")
			}},
		{name: "pool deleted with a CIDR", code: "DependencyViolation",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{})
				pc := must(c.ProvisionIPAMPoolCIDR(bg, cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: "10.0.0.0/8"}))(t)
				return []string{pool.ID, pc.ID}, c.DeleteIPAMPool(bg, pool.ID, false)
			}},
		{name: "IPAM scope deleted alone", code: "OperationNotPermitted",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				ipam, _ := ipamPool(t, c, cloud.IPAMPoolSettings{})
				return []string{ipam.PublicDefaultScopeID}, c.DeleteObject(bg, ipam.PublicDefaultScopeID)
			}},
	}
}

// TestPoolRulesDecideWithoutTheBlock: at plan a block still unknown (a
// reference to another resource) leaves the pool's own rules to decide: a
// pool that does not exist, or one of the other family, fails now.
func TestPoolRulesDecideWithoutTheBlock(t *testing.T) {
	c := freshClient(t)
	_, pool := ipamPool(t, c, cloud.IPAMPoolSettings{}, "10.0.0.0/8")
	p := cloud.NewPlan()
	missing := poolVPC("ipam-pool-0123456789abcdef0", 0)
	missing.CIDRBlock = cloud.Unknown
	wantCode(t, c.CheckVPC(bg, p, p.NewHolder(), missing), "InvalidIpamPoolId.NotFound")
	wrongFamily := vpcInput("")
	wrongFamily.IPv6IPAMPoolID, wrongFamily.IPv6CIDRBlock = pool.ID, cloud.Unknown
	wantCode(t, c.CheckVPC(bg, p, p.NewHolder(), wrongFamily), "InvalidParameterValue")
	wantCode(t, c.CheckIPAMPoolCIDR(bg, p, p.NewHolder(), cloud.IPAMPoolCIDRInput{PoolID: "ipam-pool-0123456789abcdef0", CIDR: cloud.Unknown}),
		"InvalidIpamPoolId.NotFound")
	// Known blocks still pass where they fit.
	noErr(t, c.CheckIPAMPoolCIDR(bg, p, p.NewHolder(), cloud.IPAMPoolCIDRInput{PoolID: pool.ID, CIDR: cloud.Unknown}))
}

// TestPoolSourceDecidesWithoutTheScope: a pool whose scope is unknown at
// plan (its IPAM made in the same apply) is still refused a source pool of
// the other family.
func TestPoolSourceDecidesWithoutTheScope(t *testing.T) {
	c := freshClient(t)
	_, source := ipamPool(t, c, cloud.IPAMPoolSettings{}, "10.0.0.0/8")
	p := cloud.NewPlan()
	in := cloud.IPAMPoolInput{ScopeID: cloud.Unknown, AddressFamily: "ipv6", SourcePoolID: source.ID}
	wantCode(t, c.CheckIPAMPool(bg, p, p.NewHolder(), in), "InvalidParameterValue")
	in.AddressFamily = "ipv4"
	noErr(t, c.CheckIPAMPool(bg, p, p.NewHolder(), in))
}
