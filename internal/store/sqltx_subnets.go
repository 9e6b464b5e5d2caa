package store

import (
	"encoding/binary"
	"errors"
	"net/netip"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// subnetSelection is the subnets' filter. Its near lookup is a query of
// its own, written by hand: the overlap rule must read a few rows however
// many subnets a VPC has.
func subnetSelection(f cloud.SubnetFilter) selection {
	near := f.VPCID != "" && f.Near.IsValid() && f.Near.Addr().Is4()
	s := selection{withoutTags: f.BlocksOnly}.equal("s.id", f.ID).equal("s.cidr_block", f.CIDRBlock).
		equal("s.availability_zone", f.AvailabilityZone).tagged(f.Tags)
	if !near {
		// Each half of the near lookup names the VPC itself.
		s = s.equal("s.vpc_id", f.VPCID)
	}
	if f.VPCID != "" && f.Near.IsValid() && f.Near.Addr().Is6() {
		// IPv6 blocks are all /64s of the VPC's /56: at most 256 a VPC.
		s = s.and("s.ipv6_cidr_block IS NOT NULL")
	}
	if near {
		// Stored IPv4 blocks never overlap one another (the rules see to it),
		// so only two kinds can overlap f.Near: those that start inside it,
		// and the one that starts last before it. Each half reads its rows
		// straight off the (vpc_id, cidr_first) index.
		first, last := ipv4Range(f.Near)
		s.sources = []source{
			{from: "subnets s", where: []string{"s.vpc_id = ?", "s.cidr_first BETWEEN ? AND ?"}, args: []any{f.VPCID, first, last}},
			{from: `(SELECT * FROM subnets WHERE vpc_id = ? AND cidr_first < ?
				ORDER BY cidr_first DESC LIMIT 1) s`, args: []any{f.VPCID, first}},
		}
	}
	return s
}

// ipv4Range is the first and the last address of an IPv4 block, as numbers.
func ipv4Range(p netip.Prefix) (first, last int64) {
	p = p.Masked()
	a := p.Addr().As4()
	first = int64(binary.BigEndian.Uint32(a[:]))
	return first, first + int64(1)<<(32-p.Bits()) - 1
}

// subnetFirst is what InsertSubnet stores for a block: its first address,
// or NULL for a block that does not parse (the rules refuse those first,
// and the near lookup never returns them).
func subnetFirst(cidr string) any {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return nil
	}
	first, _ := ipv4Range(p)
	return first
}

// fillSubnetFirst gives the subnets written before the cidr_first column
// existed their first address, so that the near lookup finds them.
func fillSubnetFirst(t *sqlTx) error {
	rows, err := t.query(`SELECT id, cidr_block FROM subnets WHERE cidr_first IS NULL`)
	if err != nil {
		return err
	}
	blocks := map[string]string{}
	for rows.Next() {
		var id, cidr string
		if err := rows.Scan(&id, &cidr); err != nil {
			_ = rows.Close()
			return err
		}
		blocks[id] = cidr
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for id, cidr := range blocks {
		if err := t.exec(`UPDATE subnets SET cidr_first = ? WHERE id = ?`, subnetFirst(cidr), id); err != nil {
			return err
		}
	}
	return nil
}
