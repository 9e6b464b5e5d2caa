package store

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func (t *sqlTx) Subnets(scope cloud.Scope, f cloud.SubnetFilter) ([]cloud.Subnet, error) {
	from := "subnets s"
	var args []any
	if nearIDs, nearArgs := nearSubnetIDs(f); nearIDs != "" {
		// The few candidate IDs drive the lookup; with the VPC tested again
		// below, SQLite would walk all of the VPC's subnets by that index.
		from = "(" + nearIDs + ") AS near JOIN subnets s ON s.id = near.id"
		args = append(args, nearArgs...)
		f.VPCID = ""
	}
	where := []string{"s.owner_id = ?", "s.region = ?"}
	args = append(args, scope.AccountID, scope.Region)
	for column, value := range map[string]string{"s.id": f.ID, "s.vpc_id": f.VPCID, "s.cidr_block": f.CIDRBlock, "s.availability_zone": f.AvailabilityZone} {
		if value != "" {
			where = append(where, column+" = ?")
			args = append(args, value)
		}
	}
	tagWhere, tagArgs := tagConditions("s.id", f.Tags)
	where = append(where, tagWhere...)
	args = append(args, tagArgs...)
	rows, err := t.query(`SELECT s.id, s.owner_id, s.region, s.vpc_id, s.cidr_block, s.availability_zone,
		COALESCE(s.ipv6_cidr_block, ''), COALESCE(s.ipv6_cidr_block_association_id, ''),
		s.map_public_ip_on_launch, s.assign_ipv6_address_on_creation
		FROM `+from+` WHERE `+strings.Join(where, " AND ")+` ORDER BY s.id`, args...)
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

// nearSubnetIDs selects the IDs of a VPC's subnets whose block may overlap
// f.Near, or is "" when f asks for no narrowing. Stored IPv4 blocks never
// overlap one another (the rules see to it), so only two kinds can overlap
// an IPv4 block: those that start inside it, and the one that starts last
// before it. IPv6 blocks are all /64s of the VPC's /56, at most 256 a VPC,
// so those are simply the subnets that have one.
func nearSubnetIDs(f cloud.SubnetFilter) (string, []any) {
	if f.VPCID == "" || !f.Near.IsValid() {
		return "", nil
	}
	if f.Near.Addr().Is6() {
		return `SELECT id FROM subnets WHERE vpc_id = ? AND ipv6_cidr_block IS NOT NULL`, []any{f.VPCID}
	}
	first, last := ipv4Range(f.Near)
	return `SELECT id FROM subnets WHERE vpc_id = ? AND cidr_first BETWEEN ? AND ?
		UNION ALL SELECT id FROM (SELECT id FROM subnets WHERE vpc_id = ? AND cidr_first < ?
			ORDER BY cidr_first DESC LIMIT 1) AS below
		UNION ALL SELECT id FROM subnets WHERE vpc_id = ? AND cidr_first IS NULL`,
		[]any{f.VPCID, first, last, f.VPCID, first, f.VPCID}
}

// ipv4Range is the first and the last address of an IPv4 block, as numbers.
func ipv4Range(p netip.Prefix) (first, last int64) {
	p = p.Masked()
	a := p.Addr().As4()
	first = int64(binary.BigEndian.Uint32(a[:]))
	return first, first + int64(1)<<(32-p.Bits()) - 1
}

// subnetFirst is what InsertSubnet stores for a block: its first address,
// or NULL for a block that does not parse (the rules refuse those first).
func subnetFirst(cidr string) any {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return nil
	}
	first, _ := ipv4Range(p)
	return first
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
