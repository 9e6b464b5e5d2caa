package store

import (
	"errors"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func (t *sqlTx) ElasticIPs(scope cloud.Scope, f cloud.ElasticIPFilter) ([]cloud.ElasticIP, error) {
	where := []string{"e.owner_id = ?", "e.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	if f.AllocationID != "" {
		where, args = append(where, "e.allocation_id = ?"), append(args, f.AllocationID)
	}
	if f.PublicIP != "" {
		where, args = append(where, "e.public_ip = ?"), append(args, f.PublicIP)
	}
	tagWhere, tagArgs := tagConditions("e.allocation_id", f.Tags)
	rows, err := t.query(`SELECT e.allocation_id, e.owner_id, e.region, e.public_ip,
		COALESCE(n.id, ''), COALESCE(n.association_id, '')
		FROM elastic_ips e LEFT JOIN nat_gateways n ON n.allocation_id = e.allocation_id
		WHERE `+strings.Join(append(where, tagWhere...), " AND ")+` ORDER BY e.allocation_id`, append(args, tagArgs...)...)
	if err != nil {
		return nil, err
	}
	var out []cloud.ElasticIP
	for rows.Next() {
		var e cloud.ElasticIP
		if err := rows.Scan(&e.AllocationID, &e.OwnerID, &e.Region, &e.PublicIP, &e.NATGatewayID, &e.AssociationID); err != nil {
			_ = rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Tags, err = t.Tags(out[i].AllocationID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (t *sqlTx) PublicIPInUse(ip string) (bool, error) {
	ids, err := t.strings(`SELECT allocation_id FROM elastic_ips WHERE public_ip = ?`, ip)
	return len(ids) > 0, err
}

func (t *sqlTx) InsertElasticIP(e cloud.ElasticIP) error {
	return t.exec(`INSERT INTO elastic_ips (allocation_id, owner_id, region, public_ip) VALUES (?, ?, ?, ?)`,
		e.AllocationID, e.OwnerID, e.Region, e.PublicIP)
}

func (t *sqlTx) DeleteElasticIP(id string) error {
	return t.exec(`DELETE FROM elastic_ips WHERE allocation_id = ?`, id)
}

func (t *sqlTx) NATGateways(scope cloud.Scope, f cloud.NATGatewayFilter) ([]cloud.NATGateway, error) {
	where := []string{"n.owner_id = ?", "n.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	for column, value := range map[string]string{"n.id": f.ID, "n.subnet_id": f.SubnetID, "n.vpc_id": f.VPCID} {
		if value != "" {
			where, args = append(where, column+" = ?"), append(args, value)
		}
	}
	tagWhere, tagArgs := tagConditions("n.id", f.Tags)
	rows, err := t.query(`SELECT n.id, n.owner_id, n.region, n.vpc_id, n.subnet_id, n.connectivity_type,
		COALESCE(n.allocation_id, ''), COALESCE(n.association_id, ''), COALESCE(e.public_ip, ''), n.private_ip, n.network_interface_id
		FROM nat_gateways n LEFT JOIN elastic_ips e ON e.allocation_id = n.allocation_id
		WHERE `+strings.Join(append(where, tagWhere...), " AND ")+` ORDER BY n.id`, append(args, tagArgs...)...)
	if err != nil {
		return nil, err
	}
	var out []cloud.NATGateway
	for rows.Next() {
		var n cloud.NATGateway
		if err := rows.Scan(&n.ID, &n.OwnerID, &n.Region, &n.VPCID, &n.SubnetID, &n.ConnectivityType,
			&n.AllocationID, &n.AssociationID, &n.PublicIP, &n.PrivateIP, &n.NetworkInterfaceID); err != nil {
			_ = rows.Close()
			return nil, err
		}
		out = append(out, n)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Tags, err = t.Tags(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (t *sqlTx) InsertNATGateway(n cloud.NATGateway) error {
	return t.exec(`INSERT INTO nat_gateways (id, owner_id, region, vpc_id, subnet_id, connectivity_type,
		allocation_id, association_id, private_ip, network_interface_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.OwnerID, n.Region, n.VPCID, n.SubnetID, n.ConnectivityType,
		nullIfEmpty(n.AllocationID), nullIfEmpty(n.AssociationID), n.PrivateIP, n.NetworkInterfaceID)
}

func (t *sqlTx) DeleteNATGateway(id string) error {
	return t.exec(`DELETE FROM nat_gateways WHERE id = ?`, id)
}
