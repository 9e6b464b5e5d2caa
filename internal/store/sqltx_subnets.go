package store

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"slices"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const subnetColumns = `SELECT s.id, s.owner_id, s.region, s.vpc_id, s.cidr_block, s.availability_zone,
		COALESCE(s.ipv6_cidr_block, ''), COALESCE(s.ipv6_cidr_block_association_id, ''),
		s.map_public_ip_on_launch, s.assign_ipv6_address_on_creation`

func (t *sqlTx) Subnets(scope cloud.Scope, f cloud.SubnetFilter) ([]cloud.Subnet, error) {
	near := f.VPCID != "" && f.Near.IsValid() && f.Near.Addr().Is4()
	where := []string{"s.owner_id = ?", "s.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	columns := map[string]string{"s.id": f.ID, "s.vpc_id": f.VPCID, "s.cidr_block": f.CIDRBlock, "s.availability_zone": f.AvailabilityZone}
	if near {
		delete(columns, "s.vpc_id") // each half of the near lookup names the VPC itself
	}
	for column, value := range columns {
		if value != "" {
			where = append(where, column+" = ?")
			args = append(args, value)
		}
	}
	if f.VPCID != "" && f.Near.IsValid() && f.Near.Addr().Is6() {
		// IPv6 blocks are all /64s of the VPC's /56: at most 256 a VPC.
		where = append(where, "s.ipv6_cidr_block IS NOT NULL")
	}
	tagWhere, tagArgs := tagConditions("s.id", f.Tags)
	where = append(where, tagWhere...)
	args = append(args, tagArgs...)
	query := subnetColumns + ` FROM subnets s WHERE ` + strings.Join(where, " AND ")
	if near {
		// Stored IPv4 blocks never overlap one another (the rules see to it),
		// so only two kinds can overlap f.Near: those that start inside it,
		// and the one that starts last before it. Each half reads its rows
		// straight off the (vpc_id, cidr_first) index.
		first, last := ipv4Range(f.Near)
		query = subnetColumns + ` FROM subnets s WHERE s.vpc_id = ? AND s.cidr_first BETWEEN ? AND ? AND ` + strings.Join(where, " AND ") +
			` UNION ALL ` + subnetColumns + ` FROM (SELECT * FROM subnets WHERE vpc_id = ? AND cidr_first < ?
				ORDER BY cidr_first DESC LIMIT 1) s WHERE ` + strings.Join(where, " AND ")
		args = slices.Concat([]any{f.VPCID, first, last}, args, []any{f.VPCID, first}, args)
	}
	rows, err := t.query(query+` ORDER BY 1`, args...)
	if err != nil {
		return nil, err
	}
	var out []cloud.Subnet
	for rows.Next() {
		var s cloud.Subnet
		if err := rows.Scan(&s.ID, &s.OwnerID, &s.Region, &s.VPCID, &s.CIDRBlock, &s.AvailabilityZone,
			&s.IPv6CIDRBlock, &s.IPv6CIDRBlockAssociationID, &s.MapPublicIPOnLaunch, &s.AssignIPv6AddressOnCreation); err != nil {
			_ = rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	if f.BlocksOnly {
		return out, nil
	}
	for i := range out {
		if out[i].Tags, err = t.Tags(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
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

func (t *sqlTx) Subnet(scope cloud.Scope, id string) (cloud.Subnet, bool, error) {
	found, err := t.Subnets(scope, cloud.SubnetFilter{ID: id})
	if err != nil || len(found) == 0 {
		return cloud.Subnet{}, false, err
	}
	return found[0], true, nil
}

func (t *sqlTx) SubnetDependents(subnetID string) ([]string, error) {
	return t.strings(`SELECT id FROM route_table_associations WHERE subnet_id = ?
		UNION ALL SELECT id FROM nat_gateways WHERE subnet_id = ? ORDER BY id`, subnetID, subnetID)
}

func (t *sqlTx) InsertSubnet(s cloud.Subnet) error {
	return t.exec(`INSERT INTO subnets (id, owner_id, region, vpc_id, cidr_block, availability_zone,
		ipv6_cidr_block, ipv6_cidr_block_association_id, map_public_ip_on_launch, assign_ipv6_address_on_creation,
		cidr_first)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.OwnerID, s.Region, s.VPCID, s.CIDRBlock, s.AvailabilityZone,
		nullIfEmpty(s.IPv6CIDRBlock), nullIfEmpty(s.IPv6CIDRBlockAssociationID), s.MapPublicIPOnLaunch, s.AssignIPv6AddressOnCreation,
		subnetFirst(s.CIDRBlock))
}

func (t *sqlTx) UpdateSubnet(s cloud.Subnet) error {
	return t.exec(`UPDATE subnets SET ipv6_cidr_block = ?, ipv6_cidr_block_association_id = ?,
		map_public_ip_on_launch = ?, assign_ipv6_address_on_creation = ? WHERE id = ?`,
		nullIfEmpty(s.IPv6CIDRBlock), nullIfEmpty(s.IPv6CIDRBlockAssociationID), s.MapPublicIPOnLaunch, s.AssignIPv6AddressOnCreation, s.ID)
}

func (t *sqlTx) DeleteSubnet(id string) error {
	return t.exec(`DELETE FROM subnets WHERE id = ?`, id)
}
