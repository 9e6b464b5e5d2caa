package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// schemaShape is what a migrated database's schema says, in words both
// dialects share, so that two schemas can be compared line by line.
type schemaShape struct {
	// columns: "table.column TYPE [NOT NULL] [PK n]", with types in
	// SQLite's spelling.
	columns []string
	// indexes: "name ON table(columns) [UNIQUE] [PARTIAL]" for the indexes
	// the migrations create, and "UNIQUE table(columns)" for unique
	// constraints, whose index names the databases choose.
	indexes []string
	// foreignKeys: "table.column -> table.column ON DELETE rule".
	foreignKeys []string
	// triggers: "name ON table".
	triggers []string
}

// sqliteTypeOf spells a PostgreSQL column type as the migrations make it on
// SQLite, where truth values and 64-bit numbers are INTEGER.
var sqliteTypeOf = map[string]string{"text": "TEXT", "boolean": "INTEGER", "bigint": "INTEGER", "integer": "INTEGER"}

func sqliteShape(t *testing.T, db *sql.DB) schemaShape {
	t.Helper()
	var s schemaShape
	tables := queryStrings(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	for _, table := range tables {
		for _, c := range queryRows(t, db, 4, `SELECT name, type, "notnull", pk FROM pragma_table_info(?)`, table) {
			s.columns = append(s.columns, columnLine(table, c[0], strings.ToUpper(c[1]), c[2] == "1", c[3]))
		}
		for _, ix := range queryRows(t, db, 4, `SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, table) {
			// An expression (LOWER(name)) has no column name; both dialects
			// show it as (expression).
			cols := strings.Join(queryStrings(t, db, `SELECT COALESCE(name, '(expression)') FROM pragma_index_info(?) ORDER BY seqno`, ix[0]), ",")
			switch ix[2] {
			case "c":
				s.indexes = append(s.indexes, indexLine(ix[0], table, cols, ix[1] == "1", ix[3] == "1"))
			case "u":
				s.indexes = append(s.indexes, fmt.Sprintf("UNIQUE %s(%s)", table, cols))
			}
		}
		for _, fk := range queryRows(t, db, 4, `SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?)`, table) {
			s.foreignKeys = append(s.foreignKeys, fmt.Sprintf("%s.%s -> %s.%s ON DELETE %s", table, fk[0], fk[1], fk[2], fk[3]))
		}
	}
	for _, tr := range queryRows(t, db, 2, `SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'`) {
		s.triggers = append(s.triggers, tr[0]+" ON "+tr[1])
	}
	return s.sorted()
}

func postgresShape(t *testing.T, db *sql.DB) schemaShape {
	t.Helper()
	var s schemaShape
	columns := queryRows(t, db, 5, `
		SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
		       COALESCE((SELECT k.ordinal_position::text FROM information_schema.table_constraints tc
		                 JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
		                 WHERE tc.table_schema = current_schema() AND tc.table_name = c.table_name
		                   AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name), '0')
		FROM information_schema.columns c WHERE c.table_schema = current_schema()`)
	for _, c := range columns {
		typ, ok := sqliteTypeOf[c[2]]
		if !ok {
			typ = "no SQLite counterpart for " + c[2]
		}
		s.columns = append(s.columns, columnLine(c[0], c[1], typ, c[3] == "NO", c[4]))
	}
	indexes := queryRows(t, db, 6, `
		SELECT i.relname, t.relname, ix.indisunique::text, (ix.indpred IS NOT NULL)::text,
		       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid)::text,
		       (SELECT string_agg(COALESCE(a.attname, '(expression)'), ',' ORDER BY n) FROM unnest(ix.indkey) WITH ORDINALITY AS u(attnum, n)
		        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum AND u.attnum <> 0)
		FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
		JOIN pg_namespace ns ON ns.oid = t.relnamespace
		WHERE ns.nspname = current_schema() AND NOT ix.indisprimary`)
	for _, ix := range indexes {
		if ix[4] == "true" {
			s.indexes = append(s.indexes, fmt.Sprintf("UNIQUE %s(%s)", ix[1], ix[5]))
			continue
		}
		s.indexes = append(s.indexes, indexLine(ix[0], ix[1], ix[5], ix[2] == "true", ix[3] == "true"))
	}
	s.foreignKeys = queryStrings(t, db, `
		SELECT k.table_name || '.' || k.column_name || ' -> ' || r.table_name || '.' || r.column_name || ' ON DELETE ' || rc.delete_rule
		FROM information_schema.referential_constraints rc
		JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name AND k.constraint_schema = rc.constraint_schema
		JOIN information_schema.constraint_column_usage r ON r.constraint_name = rc.unique_constraint_name AND r.constraint_schema = rc.constraint_schema
		WHERE rc.constraint_schema = current_schema()`)
	s.triggers = queryStrings(t, db, `SELECT DISTINCT trigger_name || ' ON ' || event_object_table FROM information_schema.triggers WHERE trigger_schema = current_schema()`)
	return s.sorted()
}

func columnLine(table, column, typ string, notNull bool, pk string) string {
	line := table + "." + column + " " + typ
	// PostgreSQL makes a primary key NOT NULL; SQLite, for an old bug's
	// sake, does not say so (and never receives a null ID from the store).
	if notNull && pk == "0" {
		line += " NOT NULL"
	}
	if pk != "0" {
		line += " PK " + pk
	}
	return line
}

func indexLine(name, table, columns string, unique, partial bool) string {
	line := fmt.Sprintf("%s ON %s(%s)", name, table, columns)
	if unique {
		line += " UNIQUE"
	}
	if partial {
		line += " PARTIAL"
	}
	return line
}

func (s schemaShape) sorted() schemaShape {
	for _, lines := range [][]string{s.columns, s.indexes, s.foreignKeys, s.triggers} {
		sort.Strings(lines)
	}
	return s
}

func queryStrings(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	var out []string
	for _, row := range queryRows(t, db, 1, query, args...) {
		out = append(out, row[0])
	}
	return out
}

func queryRows(t *testing.T, db *sql.DB, width int, query string, args ...any) [][]string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer func() { _ = rows.Close() }()
	var out [][]string
	for rows.Next() {
		row := make([]sql.NullString, width)
		dest := make([]any, width)
		for i := range row {
			dest[i] = &row[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		values := make([]string, width)
		for i, v := range row {
			values[i] = v.String
		}
		out = append(out, values)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDialectsBuildTheSameSchema migrates a fresh SQLite file and a fresh
// PostgreSQL database from the one set of migrations and compares what
// each holds: the same tables, columns, keys, indexes and triggers.
func TestDialectsBuildTheSameSchema(t *testing.T) {
	admin := os.Getenv(storetest.EnvPostgres)
	if admin == "" {
		t.Skip("needs PostgreSQL: set " + storetest.EnvPostgres)
	}
	lite, err := openSQLite(filepath.Join(t.TempDir(), "cloud.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lite.Close() }()
	pg, err := openPostgres(storetest.NewPostgresDatabase(t, admin))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = pg.Close() }()

	want, got := sqliteShape(t, lite.reader), postgresShape(t, pg.reader)
	if len(want.columns) == 0 || len(want.indexes) == 0 || len(want.foreignKeys) == 0 || len(want.triggers) == 0 {
		t.Fatalf("the SQLite schema reads as nearly empty: %+v", want)
	}
	for _, part := range []struct {
		name      string
		lite, pgs []string
	}{
		{"columns", want.columns, got.columns},
		{"indexes", want.indexes, got.indexes},
		{"foreign keys", want.foreignKeys, got.foreignKeys},
		{"triggers", want.triggers, got.triggers},
	} {
		if !reflect.DeepEqual(part.lite, part.pgs) {
			t.Errorf("%s differ:\nonly on SQLite:     %v\nonly on PostgreSQL: %v",
				part.name, missingFrom(part.lite, part.pgs), missingFrom(part.pgs, part.lite))
		}
	}
}

func missingFrom(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

// TestEveryMigrationRendersForEveryDialect catches a placeholder that a
// dialect lacks, before a database would.
func TestEveryMigrationRendersForEveryDialect(t *testing.T) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	for _, d := range []dialect{sqliteDialect, postgresDialect} {
		for _, name := range files {
			script, _ := migrations.ReadFile(name)
			out, err := d.schema.render(name, string(script))
			if err != nil {
				t.Errorf("%s for %s: %v", name, d.name, err)
			}
			if strings.Contains(out, "{{") || strings.Contains(out, "<no value>") {
				t.Errorf("%s for %s keeps a placeholder:\n%s", name, d.name, out)
			}
		}
	}
}

// TestTagsGoWithTheirObjects tags one object of every taggable kind,
// deletes each through the engine, which no longer clears tags itself, and
// finds the tags gone: the schema removes them. It also finds the trigger
// that does so on every taggable table, so that a new kind's migration
// cannot forget it.
func TestTagsGoWithTheirObjects(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	c, _ := cloud.NewClient(st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}, nil)
	tags := map[string]string{"Name": "doomed", "env": "test"}
	must := func(id string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default", Tags: tags})
	vpcID := must(vpc.ID, err)
	subnet, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpcID, CIDRBlock: "10.0.1.0/24", Tags: tags})
	subnetID := must(subnet.ID, err)
	table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpcID, Tags: tags})
	igw, err2 := c.CreateInternetGateway(ctx, "", tags)
	eigw, err3 := c.CreateEgressOnlyInternetGateway(ctx, vpcID, tags)
	eip, err4 := c.AllocateAddress(ctx, tags)
	nat, err5 := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: subnetID, ConnectivityType: "private", Tags: tags})
	// In an order the dependencies allow.
	ids := []string{must(nat.ID, err5), must(eip.AllocationID, err4), must(eigw.ID, err3), must(igw.ID, err2),
		must(table.ID, err), subnetID, vpcID}

	s, ok := st.(*dbStore)
	if !ok {
		t.Fatalf("the store is a %T", st)
	}
	tagsOf := func(id string) (n int) {
		t.Helper()
		if err := s.reader.QueryRow(s.dialect.rebind(`SELECT COUNT(*) FROM tags WHERE resource_id = ?`), id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, id := range ids {
		if n := tagsOf(id); n != len(tags) {
			t.Fatalf("%s has %d tags before its deletion, want %d", id, n, len(tags))
		}
		if err := c.DeleteObject(ctx, id); err != nil {
			t.Fatalf("delete %s: %v", id, err)
		}
		if n := tagsOf(id); n != 0 {
			t.Errorf("%s deleted, but %d of its tags remain", id, n)
		}
	}

	var triggers []string
	if s.dialect.name == "sqlite" {
		triggers = queryStrings(t, s.reader, `SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_delete_tags'`)
	} else {
		triggers = queryStrings(t, s.reader, `SELECT DISTINCT event_object_table FROM information_schema.triggers
			WHERE trigger_schema = current_schema() AND trigger_name LIKE '%_delete_tags'`)
	}
	for _, table := range cloud.TaggedTables() {
		if !slices.Contains(triggers, table.Name) {
			t.Errorf("taggable table %s has no trigger deleting its objects' tags (give its migration a deleteTagsWith line)", table.Name)
		}
	}
}
