package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// sqlTx carries out the cloud's reads and writes inside one transaction.
type sqlTx struct {
	ctx     context.Context
	tx      *sql.Tx
	dialect dialect
}

func (t *sqlTx) exec(query string, args ...any) error {
	_, err := t.tx.ExecContext(t.ctx, t.dialect.rebind(query), args...)
	return err
}

func (t *sqlTx) query(query string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx, t.dialect.rebind(query), args...)
}

func (t *sqlTx) queryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, t.dialect.rebind(query), args...)
}

func (t *sqlTx) strings(query string, args ...any) ([]string, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// nullIfEmpty stores "" as NULL, so that unique indexes ignore it.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const vpcColumns = `v.id, v.owner_id, v.region, v.cidr_block, v.instance_tenancy,
	v.enable_dns_support, v.enable_dns_hostnames, v.enable_network_address_usage_metrics,
	COALESCE(v.ipv6_cidr_block, ''), COALESCE(v.ipv6_association_id, ''),
	COALESCE((SELECT a.route_table_id FROM route_table_associations a WHERE a.vpc_id = v.id AND a.main), '')`

func (t *sqlTx) scanVPCs(query string, args ...any) ([]cloud.VPC, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	var vpcs []cloud.VPC
	for rows.Next() {
		var v cloud.VPC
		if err := rows.Scan(&v.ID, &v.OwnerID, &v.Region, &v.CIDRBlock, &v.InstanceTenancy,
			&v.EnableDNSSupport, &v.EnableDNSHostnames, &v.EnableNetworkAddressUsageMetrics,
			&v.IPv6CIDRBlock, &v.IPv6AssociationID, &v.MainRouteTableID); err != nil {
			_ = rows.Close()
			return nil, err
		}
		vpcs = append(vpcs, v)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for i := range vpcs {
		if vpcs[i].Tags, err = t.Tags(vpcs[i].ID); err != nil {
			return nil, err
		}
	}
	return vpcs, nil
}

func (t *sqlTx) VPC(scope cloud.Scope, id string) (cloud.VPC, bool, error) {
	vpcs, err := t.scanVPCs(`SELECT `+vpcColumns+` FROM vpcs v WHERE v.id = ? AND v.owner_id = ? AND v.region = ?`,
		id, scope.AccountID, scope.Region)
	if err != nil || len(vpcs) == 0 {
		return cloud.VPC{}, false, err
	}
	return vpcs[0], true, nil
}

func (t *sqlTx) VPCs(scope cloud.Scope, f cloud.VPCFilter) ([]cloud.VPC, error) {
	where := []string{"v.owner_id = ?", "v.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	if f.ID != "" {
		where = append(where, "v.id = ?")
		args = append(args, f.ID)
	}
	if f.CIDRBlock != "" {
		where = append(where, "v.cidr_block = ?")
		args = append(args, f.CIDRBlock)
	}
	tagWhere, tagArgs := tagConditions("v.id", f.Tags)
	where = append(where, tagWhere...)
	args = append(args, tagArgs...)
	return t.scanVPCs(`SELECT `+vpcColumns+` FROM vpcs v WHERE `+strings.Join(where, " AND ")+` ORDER BY v.id`, args...)
}

// tagConditions returns WHERE conditions requiring the object whose ID is in
// idColumn to carry every one of tags.
func tagConditions(idColumn string, tags map[string]string) ([]string, []any) {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var where []string
	var args []any
	for _, k := range keys {
		where = append(where, `EXISTS (SELECT 1 FROM tags g WHERE g.resource_id = `+idColumn+` AND g.key = ? AND g.value = ?)`)
		args = append(args, k, tags[k])
	}
	return where, args
}

func (t *sqlTx) VPCDependents(scope cloud.Scope, vpcID string) ([]string, error) {
	return t.strings(`SELECT id FROM (
			SELECT r.id FROM route_tables r WHERE r.vpc_id = ?
			AND NOT EXISTS (SELECT 1 FROM route_table_associations a WHERE a.route_table_id = r.id AND a.main)
			UNION ALL SELECT id FROM internet_gateways WHERE vpc_id = ?
			UNION ALL SELECT id FROM egress_only_internet_gateways WHERE vpc_id = ?
			UNION ALL SELECT id FROM subnets WHERE vpc_id = ?
		) AS dependents
		WHERE EXISTS (SELECT 1 FROM vpcs v WHERE v.id = ? AND v.owner_id = ? AND v.region = ?)
		ORDER BY id`, vpcID, vpcID, vpcID, vpcID, vpcID, scope.AccountID, scope.Region)
}

func (t *sqlTx) IPv6BlockInUse(block string) (bool, error) {
	ids, err := t.strings(`SELECT id FROM vpcs WHERE ipv6_cidr_block = ?`, block)
	return len(ids) > 0, err
}

func (t *sqlTx) InsertVPC(v cloud.VPC) error {
	return t.exec(`INSERT INTO vpcs (id, owner_id, region, cidr_block, instance_tenancy,
		enable_dns_support, enable_dns_hostnames, enable_network_address_usage_metrics,
		ipv6_cidr_block, ipv6_association_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.ID, v.OwnerID, v.Region, v.CIDRBlock, v.InstanceTenancy,
		v.EnableDNSSupport, v.EnableDNSHostnames, v.EnableNetworkAddressUsageMetrics,
		nullIfEmpty(v.IPv6CIDRBlock), nullIfEmpty(v.IPv6AssociationID))
}

func (t *sqlTx) UpdateVPC(v cloud.VPC) error {
	return t.exec(`UPDATE vpcs SET instance_tenancy = ?, enable_dns_support = ?, enable_dns_hostnames = ?,
		enable_network_address_usage_metrics = ?, ipv6_cidr_block = ?, ipv6_association_id = ? WHERE id = ?`,
		v.InstanceTenancy, v.EnableDNSSupport, v.EnableDNSHostnames, v.EnableNetworkAddressUsageMetrics,
		nullIfEmpty(v.IPv6CIDRBlock), nullIfEmpty(v.IPv6AssociationID), v.ID)
}

func (t *sqlTx) DeleteVPC(id string) error {
	return t.exec(`DELETE FROM vpcs WHERE id = ?`, id)
}

func (t *sqlTx) RouteTable(scope cloud.Scope, id string) (cloud.RouteTable, bool, error) {
	found, err := t.RouteTables(scope, cloud.RouteTableFilter{ID: id})
	if err != nil || len(found) == 0 {
		return cloud.RouteTable{}, false, err
	}
	return found[0], true, nil
}

func (t *sqlTx) RouteTables(scope cloud.Scope, f cloud.RouteTableFilter) ([]cloud.RouteTable, error) {
	isMain := `EXISTS (SELECT 1 FROM route_table_associations a WHERE a.route_table_id = r.id AND a.main)`
	where := []string{"r.owner_id = ?", "r.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	if f.ID != "" {
		where = append(where, "r.id = ?")
		args = append(args, f.ID)
	}
	if f.VPCID != "" {
		where = append(where, "r.vpc_id = ?")
		args = append(args, f.VPCID)
	}
	if f.Main != nil {
		where = append(where, isMain+" = ?")
		args = append(args, *f.Main)
	}
	tagWhere, tagArgs := tagConditions("r.id", f.Tags)
	where = append(where, tagWhere...)
	args = append(args, tagArgs...)
	rows, err := t.query(`SELECT r.id, r.vpc_id, r.owner_id, r.region, r.inline_routes, `+isMain+`
		FROM route_tables r WHERE `+strings.Join(where, " AND ")+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, err
	}
	var tables []cloud.RouteTable
	for rows.Next() {
		var rt cloud.RouteTable
		if err := rows.Scan(&rt.ID, &rt.VPCID, &rt.OwnerID, &rt.Region, &rt.InlineRoutes, &rt.Main); err != nil {
			_ = rows.Close()
			return nil, err
		}
		tables = append(tables, rt)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for i := range tables {
		rt := &tables[i]
		if rt.Routes, err = t.Routes(rt.ID); err != nil {
			return nil, err
		}
		if f.WithAssociations {
			if rt.Associations, err = t.associations(`route_table_id = ?`, rt.ID); err != nil {
				return nil, err
			}
		}
		if rt.Tags, err = t.Tags(rt.ID); err != nil {
			return nil, err
		}
	}
	return tables, nil
}

func (t *sqlTx) Routes(tableID string) ([]cloud.Route, error) {
	rows, err := t.query(`SELECT destination, target, origin, managed_by FROM routes
		WHERE route_table_id = ? ORDER BY destination`, tableID)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []cloud.Route
	for rows.Next() {
		r := cloud.Route{RouteTableID: tableID}
		if err := rows.Scan(&r.Destination, &r.Target, &r.Origin, &r.ManagedBy); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *sqlTx) Route(tableID, destination string) (cloud.Route, bool, error) {
	routes, err := t.Routes(tableID)
	if err != nil {
		return cloud.Route{}, false, err
	}
	for _, r := range routes {
		if r.Destination == destination {
			return r, true, nil
		}
	}
	return cloud.Route{}, false, nil
}

func (t *sqlTx) associations(where string, args ...any) ([]cloud.Association, error) {
	rows, err := t.query(`SELECT id, route_table_id, vpc_id, COALESCE(subnet_id, ''), main
		FROM route_table_associations WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []cloud.Association
	for rows.Next() {
		var a cloud.Association
		if err := rows.Scan(&a.ID, &a.RouteTableID, &a.VPCID, &a.SubnetID, &a.Main); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (t *sqlTx) oneAssociation(where string, args ...any) (cloud.Association, bool, error) {
	found, err := t.associations(where, args...)
	if err != nil || len(found) == 0 {
		return cloud.Association{}, false, err
	}
	return found[0], true, nil
}

func (t *sqlTx) Association(id string) (cloud.Association, bool, error) {
	return t.oneAssociation(`id = ?`, id)
}

func (t *sqlTx) SubnetAssociation(subnetID string) (cloud.Association, bool, error) {
	return t.oneAssociation(`subnet_id = ?`, subnetID)
}

func (t *sqlTx) MainAssociation(vpcID string) (cloud.Association, bool, error) {
	return t.oneAssociation(`vpc_id = ? AND main`, vpcID)
}

func (t *sqlTx) DeleteAssociation(id string) error {
	return t.exec(`DELETE FROM route_table_associations WHERE id = ?`, id)
}

func (t *sqlTx) MainRouteTableID(vpcID string) (string, error) {
	var id string
	err := t.queryRow(`SELECT route_table_id FROM route_table_associations
		WHERE vpc_id = ? AND main`, vpcID).Scan(&id)
	return id, err
}

func (t *sqlTx) RouteTableIDs(vpcID string) ([]string, error) {
	return t.strings(`SELECT id FROM route_tables WHERE vpc_id = ? ORDER BY id`, vpcID)
}

func (t *sqlTx) InsertRouteTable(rt cloud.RouteTable) error {
	return t.exec(`INSERT INTO route_tables (id, owner_id, region, vpc_id) VALUES (?, ?, ?, ?)`,
		rt.ID, rt.OwnerID, rt.Region, rt.VPCID)
}

func (t *sqlTx) SetInlineRoutes(tableID string, inline bool) error {
	return t.exec(`UPDATE route_tables SET inline_routes = ? WHERE id = ?`, inline, tableID)
}

func (t *sqlTx) DeleteRouteTable(id string) error {
	if err := t.exec(`DELETE FROM route_table_associations WHERE route_table_id = ? AND main`, id); err != nil {
		return err
	}
	// Routes go with the table (ON DELETE CASCADE).
	return t.exec(`DELETE FROM route_tables WHERE id = ?`, id)
}

func (t *sqlTx) InsertAssociation(a cloud.Association) error {
	return t.exec(`INSERT INTO route_table_associations (id, route_table_id, vpc_id, subnet_id, main)
		VALUES (?, ?, ?, ?, ?)`, a.ID, a.RouteTableID, a.VPCID, nullIfEmpty(a.SubnetID), a.Main)
}

func (t *sqlTx) PutRoute(r cloud.Route) error {
	return t.exec(`INSERT INTO routes (route_table_id, destination, target, origin, managed_by) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (route_table_id, destination) DO UPDATE SET target = excluded.target, origin = excluded.origin,
		managed_by = excluded.managed_by`,
		r.RouteTableID, r.Destination, r.Target, r.Origin, r.ManagedBy)
}

func (t *sqlTx) DeleteRoute(tableID, destination string) error {
	return t.exec(`DELETE FROM routes WHERE route_table_id = ? AND destination = ?`, tableID, destination)
}

func (t *sqlTx) Tags(resourceID string) (map[string]string, error) {
	rows, err := t.query(`SELECT key, value FROM tags WHERE resource_id = ?`, resourceID)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	tags := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		tags[k] = v
	}
	return tags, rows.Err()
}

func (t *sqlTx) SetTags(resourceID string, tags map[string]string) error {
	if err := t.exec(`DELETE FROM tags WHERE resource_id = ?`, resourceID); err != nil {
		return err
	}
	for k, v := range tags {
		if err := t.exec(`INSERT INTO tags (resource_id, key, value) VALUES (?, ?, ?)`, resourceID, k, v); err != nil {
			return err
		}
	}
	return nil
}
