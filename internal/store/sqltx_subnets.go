package store

import (
	"errors"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func (t *sqlTx) Subnets(scope cloud.Scope, f cloud.SubnetFilter) ([]cloud.Subnet, error) {
	where := []string{"s.owner_id = ?", "s.region = ?"}
	args := []any{scope.AccountID, scope.Region}
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
		FROM subnets s WHERE `+strings.Join(where, " AND ")+` ORDER BY s.id`, args...)
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
		ipv6_cidr_block, ipv6_cidr_block_association_id, map_public_ip_on_launch, assign_ipv6_address_on_creation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.OwnerID, s.Region, s.VPCID, s.CIDRBlock, s.AvailabilityZone,
		nullIfEmpty(s.IPv6CIDRBlock), nullIfEmpty(s.IPv6CIDRBlockAssociationID), s.MapPublicIPOnLaunch, s.AssignIPv6AddressOnCreation)
}

func (t *sqlTx) UpdateSubnet(s cloud.Subnet) error {
	return t.exec(`UPDATE subnets SET ipv6_cidr_block = ?, ipv6_cidr_block_association_id = ?,
		map_public_ip_on_launch = ?, assign_ipv6_address_on_creation = ? WHERE id = ?`,
		nullIfEmpty(s.IPv6CIDRBlock), nullIfEmpty(s.IPv6CIDRBlockAssociationID), s.MapPublicIPOnLaunch, s.AssignIPv6AddressOnCreation, s.ID)
}

func (t *sqlTx) DeleteSubnet(id string) error {
	return t.exec(`DELETE FROM subnets WHERE id = ?`, id)
}
