package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestSubnetsNearKeepsEveryOverlap checks the narrowing the overlap rule
// relies on: for any block, the subnets the Near filter returns include
// every subnet of the VPC that overlaps it, and few others.
func TestSubnetsNearKeepsEveryOverlap(t *testing.T) {
	ctx := context.Background()
	location, st, c := openFresh(t)
	scope := c.Scope()
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range []string{"10.0.0.0/24", "10.0.1.0/28", "10.0.1.16/28", "10.0.4.0/22", "10.0.16.0/20", "10.0.255.240/28"} {
		if _, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: block}); err != nil {
			t.Fatal(err)
		}
	}
	// A row as written before the range column existed: take the database
	// back to schema version 6 and open it again, which migrates it (and
	// runs the later migrations again, as they allow).
	st = downgrade(t, st, location, func(tx cloud.Tx) error {
		return tx.Insert(cloud.Subnet{ID: "subnet-0000000000000000a", OwnerID: scope.AccountID, Region: scope.Region,
			VPCID: vpc.ID, CIDRBlock: "10.0.128.0/24", AvailabilityZone: "us-east-1a"})
	}, append(undoLaterColumns,
		`DROP INDEX subnets_vpc_cidr_first`,
		`ALTER TABLE subnets DROP COLUMN cidr_first`,
		`DELETE FROM schema_migrations WHERE version >= 7`)...)

	var all []cloud.Subnet
	if err := st.Read(ctx, func(tx cloud.ReadTx) error {
		all, err = listSubnets(tx, scope, cloud.SubnetFilter{VPCID: vpc.ID, BlocksOnly: true})
		return err
	}); err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(1, 2))
	candidates := []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/16"),     // holds them all
		netip.MustParsePrefix("10.0.0.128/25"),   // inside the first
		netip.MustParsePrefix("10.0.1.0/24"),     // holds two
		netip.MustParsePrefix("10.0.2.0/23"),     // free, between two
		netip.MustParsePrefix("10.0.20.0/24"),    // inside one that starts well before
		netip.MustParsePrefix("10.0.128.0/25"),   // the row from before the migration
		netip.MustParsePrefix("10.0.255.255/32"), // the very end
	}
	for range 300 {
		bits := 16 + rng.IntN(13)
		addr := netip.AddrFrom4([4]byte{10, 0, byte(rng.IntN(256)), byte(rng.IntN(256))})
		candidates = append(candidates, netip.PrefixFrom(addr, bits).Masked())
	}
	for _, near := range candidates {
		var got []cloud.Subnet
		if err := st.Read(ctx, func(tx cloud.ReadTx) error {
			got, err = listSubnets(tx, scope, cloud.SubnetFilter{VPCID: vpc.ID, BlocksOnly: true, Near: near})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		returned := map[string]bool{}
		for _, s := range got {
			returned[s.ID] = true
		}
		inside := 0
		for _, s := range all {
			p := netip.MustParsePrefix(s.CIDRBlock)
			if p.Overlaps(near) && !returned[s.ID] {
				t.Errorf("near %s: %s (%s) overlaps it but was not returned", near, s.ID, s.CIDRBlock)
			}
			if near.Contains(p.Addr()) {
				inside++
			}
		}
		// Those starting inside, and the one before.
		if limit := inside + 1; len(got) > limit {
			t.Errorf("near %s: %d subnets returned, want at most %d", near, len(got), limit)
		}
	}
}

func listSubnets(tx cloud.ReadTx, scope cloud.Scope, f cloud.SubnetFilter) ([]cloud.Subnet, error) {
	rows, err := tx.List(scope, f)
	if err != nil {
		return nil, err
	}
	out := make([]cloud.Subnet, len(rows))
	for i, row := range rows {
		s, ok := row.(cloud.Subnet)
		if !ok {
			return nil, fmt.Errorf("a subnet filter gave a %T", row)
		}
		out[i] = s
	}
	return out, nil
}
