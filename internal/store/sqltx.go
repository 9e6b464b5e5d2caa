package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// sqlTx carries out the cloud's reads and writes inside one transaction.
type sqlTx struct {
	ctx     context.Context
	tx      *sql.Tx
	dialect dialect
	// stmts, if not nil, are the statements prepared on the transaction's
	// pool.
	stmts *statements
}

// prepared returns query's statement prepared on the pool, bound to the
// transaction, or nil to run query unprepared.
func (t *sqlTx) prepared(query string) *sql.Stmt {
	if t.stmts == nil {
		return nil
	}
	s := t.stmts.lookup(query)
	if s == nil {
		return nil
	}
	return t.tx.StmtContext(t.ctx, s)
}

func (t *sqlTx) exec(query string, args ...any) error {
	query = t.dialect.rebind(query)
	var err error
	if s := t.prepared(query); s != nil {
		_, err = s.ExecContext(t.ctx, args...)
	} else {
		_, err = t.tx.ExecContext(t.ctx, query, args...)
	}
	return err
}

func (t *sqlTx) query(query string, args ...any) (*sql.Rows, error) {
	query = t.dialect.rebind(query)
	if s := t.prepared(query); s != nil {
		return s.QueryContext(t.ctx, args...)
	}
	return t.tx.QueryContext(t.ctx, query, args...)
}

func (t *sqlTx) queryRow(query string, args ...any) *sql.Row {
	query = t.dialect.rebind(query)
	if s := t.prepared(query); s != nil {
		return s.QueryRowContext(t.ctx, args...)
	}
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

func (t *sqlTx) strings(query string, args ...any) ([]string, error) {
	return queryAll(t, func(rows *sql.Rows) (string, error) {
		var s string
		err := rows.Scan(&s)
		return s, err
	}, query, args...)
}

// queryAll runs a query and reads each row of its result with scan. The
// result is closed before queryAll returns: a transaction reads one result
// at a time.
func queryAll[T any](t *sqlTx, scan func(*sql.Rows) (T, error), query string, args ...any) ([]T, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		row, err := scan(rows)
		if err != nil {
			_ = rows.Close()
			return nil, err
		}
		out = append(out, row)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	return out, nil
}

// nullIfEmpty stores "" as NULL, so that unique indexes ignore it.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
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
		where = append(where, `EXISTS (SELECT 1 FROM tags WHERE tags.resource_id = `+idColumn+` AND tags.key = ? AND tags.value = ?)`)
		args = append(args, k, tags[k])
	}
	return where, args
}

// The queries below are written by hand: each answers a question that the
// rules ask of every account, or of a key other than an ID, which the
// generic reads of rows.go do not.

// IPv6BlockInUse looks at every account: AWS hands out each block once.
func (t *sqlTx) IPv6BlockInUse(block string) (bool, error) {
	ids, err := t.strings(`SELECT id FROM vpcs WHERE ipv6_cidr_block = ? UNION ALL SELECT id FROM vpc_cidr_block_associations WHERE cidr_block = ?`, block, block)
	return len(ids) > 0, err
}

// PublicIPInUse looks at every account: a public address is unique, held
// by an elastic IP or by an interface that was given it at launch.
func (t *sqlTx) PublicIPInUse(ip string) (bool, error) {
	ids, err := t.strings(`SELECT allocation_id FROM elastic_ips WHERE public_ip = ? UNION ALL SELECT id FROM network_interfaces WHERE public_ip = ?`, ip, ip)
	return len(ids) > 0, err
}

// Routes are keyed by their table and destination, not by an ID of their
// own, so they are no table description's rows.
func (t *sqlTx) Routes(tableID string) ([]cloud.Route, error) {
	return queryAll(t, func(rows *sql.Rows) (cloud.Route, error) {
		r := cloud.Route{RouteTableID: tableID}
		err := rows.Scan(&r.Destination, &r.Target, &r.Origin, &r.ManagedBy)
		return r, err
	}, `SELECT destination, target, origin, managed_by FROM routes WHERE route_table_id = ? ORDER BY destination`, tableID)
}

// MainAssociation finds the association by its VPC and its being main,
// which no filter of associations asks for.
func (t *sqlTx) MainAssociation(vpcID string) (cloud.Association, bool, error) {
	found, err := associations.read(t, cloud.Scope{}, cloud.AssociationFilter{}, selection{}.and("a.vpc_id = ? AND a.main", vpcID))
	if err != nil || len(found) == 0 {
		return cloud.Association{}, false, err
	}
	return found[0], true, nil
}

// RouteTableIDs reads only the IDs, of any account: a change of a VPC's
// blocks touches every table of it, and needs none of their routes or tags.
func (t *sqlTx) RouteTableIDs(vpcID string) ([]string, error) {
	return t.strings(`SELECT id FROM route_tables WHERE vpc_id = ? ORDER BY id`, vpcID)
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
