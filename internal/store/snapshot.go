package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// SnapshotFormat names the JSON documents that Export writes and Import
// reads, so that Import can tell one from any other JSON.
const SnapshotFormat = "simcloud-cloud"

// SnapshotVersion is the version of the snapshot's layout. It changes when a
// migration changes a table that snapshots hold.
const SnapshotVersion = 1

// Snapshot is a whole cloud, every account and region, as the rows of its
// tables. Rows are sorted by their keys, so that one cloud always gives the
// same snapshot, whichever database holds it. Values are strings, booleans,
// or nil for SQL NULL.
type Snapshot struct {
	Format  string                      `json:"format"`
	Version int                         `json:"version"`
	Tables  map[string][]map[string]any `json:"tables"`
}

type columnKind int

const (
	textColumn columnKind = iota
	nullableTextColumn
	boolColumn
	// intColumn holds an integer or NULL.
	intColumn
)

type snapshotColumn struct {
	name string
	kind columnKind
	// older is the value of the column in the rows of an export older than
	// the column, nil when an export must have it.
	older any
}

type snapshotTable struct {
	name    string
	columns []snapshotColumn
	// key is how many of the leading columns make the primary key.
	key int
	// derived are columns the store computes from the others to make
	// lookups cheap: not exported, computed again on import.
	derived []derivedColumn
}

type derivedColumn struct {
	name    string
	compute func(row map[string]any) any
}

// text describes key-value tables' columns, which are all text.
func text(names ...string) []snapshotColumn {
	out := make([]snapshotColumn, len(names))
	for i, n := range names {
		out[i] = snapshotColumn{name: n, kind: textColumn}
	}
	return out
}

// snapshotTables lists every table of the cloud in an order in which rows
// can be inserted without breaking a foreign key: the objects' tables, then
// the routes and tags that belong to them. Export refuses a database whose
// tables have columns not listed here, so that a migration that forgets to
// extend a table's description fails loudly instead of losing data.
var snapshotTables = append(objectSnapshotTables(),
	snapshotTable{name: "routes", key: 2, columns: text("route_table_id", "destination", "target", "origin", "managed_by")},
	snapshotTable{name: "tags", key: 2, columns: text("resource_id", "key", "value")},
	snapshotTable{name: "network_acl_associations", key: 1, columns: text("id", "network_acl_id", "subnet_id")},
	snapshotTable{name: "vgw_route_propagations", key: 2, columns: text("route_table_id", "vpn_gateway_id")},
	snapshotTable{name: "subnet_group_subnets", key: 2, columns: text("group_arn", "subnet_id")},
	snapshotTable{name: "vpc_block_public_access_options", key: 2, columns: text("owner_id", "region", "internet_gateway_block_mode")},
	snapshotTable{name: "used_scopes", key: 2, columns: text("owner_id", "region")},
	snapshotTable{name: "security_group_rules", key: 1, columns: []snapshotColumn{
		{name: "id", kind: textColumn}, {name: "security_group_id", kind: textColumn}, {name: "egress", kind: boolColumn},
		{name: "ip_protocol", kind: textColumn}, {name: "from_port", kind: intColumn}, {name: "to_port", kind: intColumn},
		{name: "cidr_ipv4", kind: nullableTextColumn}, {name: "cidr_ipv6", kind: nullableTextColumn},
		{name: "referenced_group_id", kind: nullableTextColumn}, {name: "prefix_list_id", kind: nullableTextColumn},
		{name: "description", kind: textColumn},
	}},
	snapshotTable{name: "security_group_rule_managers", key: 1, columns: text("rule_id", "managed_by")},
	// An entry is keyed by its ACL, direction, number and address family.
	snapshotTable{name: "network_acl_entries", key: 5, columns: []snapshotColumn{
		{name: "network_acl_id", kind: textColumn}, {name: "egress", kind: boolColumn}, {name: "rule_number", kind: intColumn},
		{name: "cidr_block", kind: nullableTextColumn}, {name: "ipv6_cidr_block", kind: nullableTextColumn},
		{name: "protocol", kind: textColumn}, {name: "rule_action", kind: textColumn},
		{name: "from_port", kind: intColumn}, {name: "to_port", kind: intColumn},
		{name: "icmp_type", kind: intColumn}, {name: "icmp_code", kind: intColumn},
	}},
)

// usedScopesOfObjects marks as used every scope that holds objects, as
// migration 19 does.
const usedScopesOfObjects = `INSERT INTO used_scopes (owner_id, region)
SELECT owner_id, region FROM vpcs
UNION SELECT owner_id, region FROM internet_gateways
UNION SELECT owner_id, region FROM elastic_ips
UNION SELECT owner_id, region FROM customer_gateways
UNION SELECT owner_id, region FROM dhcp_options`

func objectSnapshotTables() []snapshotTable {
	tables := make([]snapshotTable, len(rowTables))
	for i, d := range rowTables {
		tables[i] = d.snapshot()
	}
	return tables
}

func asDBStore(st cloud.Store) (*dbStore, error) {
	s, ok := st.(*dbStore)
	if !ok {
		return nil, fmt.Errorf("the store %T cannot be exported, imported or reset", st)
	}
	return s, nil
}

// Export reads the whole cloud, every account and region, in one consistent
// snapshot.
func Export(ctx context.Context, st cloud.Store) (*Snapshot, error) {
	s, err := asDBStore(st)
	if err != nil {
		return nil, err
	}
	snap := &Snapshot{Format: SnapshotFormat, Version: SnapshotVersion, Tables: map[string][]map[string]any{}}
	err = s.run(ctx, s.reader, s.dialect.readOptions, func(t *sqlTx) error {
		for _, table := range snapshotTables {
			rows, err := t.dumpTable(table)
			if err != nil {
				return fmt.Errorf("export %s: %w", table.name, err)
			}
			snap.Tables[table.name] = rows
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return snap, nil
}

func (t *sqlTx) dumpTable(table snapshotTable) ([]map[string]any, error) {
	if err := t.checkColumns(table); err != nil {
		return nil, err
	}
	names := make([]string, len(table.columns))
	for i, c := range table.columns {
		names[i] = c.name
	}
	rows, err := t.query(`SELECT ` + strings.Join(names, ", ") + ` FROM ` + table.name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	out := []map[string]any{}
	for rows.Next() {
		dest := make([]any, len(table.columns))
		for i, c := range table.columns {
			switch c.kind {
			case boolColumn:
				dest[i] = new(bool)
			case intColumn:
				dest[i] = new(sql.NullInt64)
			default:
				dest[i] = new(sql.NullString)
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		row := map[string]any{}
		for i, c := range table.columns {
			var value any // nil, for SQL NULL
			switch v := dest[i].(type) {
			case *bool:
				value = *v
			case *sql.NullString:
				if v.Valid {
					value = v.String
				}
			case *sql.NullInt64:
				if v.Valid {
					value = v.Int64
				}
			}
			row[c.name] = value
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Sorted here rather than by ORDER BY: PostgreSQL's collation may order
	// text differently from SQLite's, and a snapshot must not depend on
	// which database it came from.
	sort.Slice(out, func(i, j int) bool {
		for _, c := range table.columns[:table.key] {
			if a, b := out[i][c.name], out[j][c.name]; a != b {
				return lessValue(a, b)
			}
		}
		return false
	})
	return out, nil
}

// lessValue orders the values of a key column: NULL first, false before
// true, integers and text by value.
func lessValue(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b != nil
	case bool:
		b, _ := b.(bool)
		return !a && b
	case int64:
		b, _ := b.(int64)
		return a < b
	case string:
		b, isString := b.(string)
		return isString && a < b
	}
	return false
}

// checkColumns fails when the table has a column that snapshots do not know.
func (t *sqlTx) checkColumns(table snapshotTable) error {
	rows, err := t.query(`SELECT * FROM ` + table.name + ` WHERE 1 = 0`)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	have, err := rows.Columns()
	if err != nil {
		return err
	}
	for _, name := range have {
		if !slices.ContainsFunc(table.columns, func(c snapshotColumn) bool { return c.name == name }) &&
			!slices.ContainsFunc(table.derived, func(d derivedColumn) bool { return d.name == name }) {
			return fmt.Errorf("column %s.%s is not known to snapshots; this simcloud cannot export this database", table.name, name)
		}
	}
	return nil
}

// Import loads a snapshot into an empty cloud, in one transaction: either
// all of it lands or none. It refuses a cloud that holds anything, since
// merging two clouds could break rules that each holds alone.
func Import(ctx context.Context, st cloud.Store, snap *Snapshot) error {
	s, err := asDBStore(st)
	if err != nil {
		return err
	}
	if err := snap.validate(); err != nil {
		return err
	}
	return s.run(ctx, s.writer, s.dialect.writeOptions, func(t *sqlTx) error {
		if s.dialect.lockWrites != "" {
			if err := t.exec(s.dialect.lockWrites); err != nil {
				return err
			}
		}
		for _, table := range snapshotTables {
			var n int
			if err := t.queryRow(`SELECT COUNT(*) FROM ` + table.name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("the cloud is not empty (table %s has %d rows); import loads into an empty cloud only: run simcloud reset first, or point --database at a new location", table.name, n)
			}
		}
		for _, table := range snapshotTables {
			var names, marks []string
			for _, c := range table.columns {
				names, marks = append(names, c.name), append(marks, "?")
			}
			for _, d := range table.derived {
				names, marks = append(names, d.name), append(marks, "?")
			}
			insert := `INSERT INTO ` + table.name + ` (` + strings.Join(names, ", ") + `) VALUES (` + strings.Join(marks, ", ") + `)`
			for i, row := range snap.Tables[table.name] {
				args := make([]any, 0, len(names))
				for _, c := range table.columns {
					v, present := row[c.name]
					if !present {
						v = c.older
					}
					args = append(args, importValue(c, v))
				}
				for _, d := range table.derived {
					args = append(args, d.compute(row))
				}
				if err := t.exec(insert, args...); err != nil {
					return fmt.Errorf("import %s row %d: %w", table.name, i+1, err)
				}
			}
		}
		// A snapshot made before scopes recorded their first use marks
		// those it used as migration 19 does, so that none gains a default
		// VPC it never had.
		if _, ok := snap.Tables["used_scopes"]; !ok {
			if err := t.exec(usedScopesOfObjects); err != nil {
				return err
			}
		}
		// A snapshot made before VPCs had default security groups and
		// network ACLs gets them as a migrated database does.
		return fillVPCDefaults(t)
	})
}

// importValue is what Import stores for a value of column c: JSON gives
// numbers as float64, which an integer column must not keep as a real.
func importValue(c snapshotColumn, v any) any {
	if c.kind != intColumn {
		return v
	}
	switch n := v.(type) {
	case float64:
		return int64(n)
	case json.Number:
		i, _ := n.Int64() // validateRow has checked it
		return i
	}
	return v
}

// validate checks a snapshot's shape before any of it is written, so that
// a hand-edited file fails with a message about the file, not about SQL.
func (snap *Snapshot) validate() error {
	if snap.Format != SnapshotFormat {
		return fmt.Errorf("not a simcloud export: format is %q, want %q", snap.Format, SnapshotFormat)
	}
	if snap.Version != SnapshotVersion {
		return fmt.Errorf("the export has layout version %d; this simcloud reads version %d", snap.Version, SnapshotVersion)
	}
	known := map[string]snapshotTable{}
	for _, table := range snapshotTables {
		known[table.name] = table
	}
	names := make([]string, 0, len(snap.Tables))
	for name := range snap.Tables {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		table, ok := known[name]
		if !ok {
			return fmt.Errorf("the export has a table %q that simcloud does not know", name)
		}
		for i, row := range snap.Tables[name] {
			if err := table.validateRow(row); err != nil {
				return fmt.Errorf("%s row %d: %w", name, i+1, err)
			}
		}
	}
	return nil
}

func (table snapshotTable) validateRow(row map[string]any) error {
	for name := range row {
		if !slices.ContainsFunc(table.columns, func(c snapshotColumn) bool { return c.name == name }) {
			return fmt.Errorf("unknown column %q", name)
		}
	}
	for _, c := range table.columns {
		v, present := row[c.name]
		if !present && (c.kind == nullableTextColumn || c.older != nil) {
			// An export older than the column: its rows hold NULL or the
			// default there, as the migration that added it left them.
			continue
		}
		if !present {
			return fmt.Errorf("column %q is missing", c.name)
		}
		ok := false
		switch c.kind {
		case textColumn:
			_, ok = v.(string)
		case nullableTextColumn:
			_, isString := v.(string)
			ok = isString || v == nil
		case boolColumn:
			_, ok = v.(bool)
		case intColumn:
			switch n := v.(type) {
			case nil, int64, int:
				ok = true
			case float64:
				ok = n == float64(int64(n))
			case json.Number:
				_, err := n.Int64()
				ok = err == nil
			}
		}
		if !ok {
			return fmt.Errorf("column %q has a value of the wrong type (%v)", c.name, v)
		}
	}
	return nil
}

// Reset deletes every object of every account and region, in one
// transaction.
func Reset(ctx context.Context, st cloud.Store) error {
	s, err := asDBStore(st)
	if err != nil {
		return err
	}
	return s.run(ctx, s.writer, s.dialect.writeOptions, func(t *sqlTx) error {
		if s.dialect.lockWrites != "" {
			if err := t.exec(s.dialect.lockWrites); err != nil {
				return err
			}
		}
		// Children before parents, for the foreign keys.
		for i := len(snapshotTables) - 1; i >= 0; i-- {
			if err := t.exec(`DELETE FROM ` + snapshotTables[i].name); err != nil {
				return errors.Join(fmt.Errorf("reset %s", snapshotTables[i].name), err)
			}
		}
		return nil
	})
}
