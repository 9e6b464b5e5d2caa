package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The store keeps each kind of object (a cloud.Row) in a table of its own,
// described once in tables.go; get, list, insert, update and delete are
// written once here over those descriptions, so that a new kind is one more
// description.

// column is one value of an object as its table keeps it.
type column[T any] struct {
	// name is the table's column; "" for a value that reads take from
	// another table (see read).
	name string
	// read is what reads select when it is not the column itself: a value
	// joined or computed from other tables.
	read string
	// field points at the struct field that holds the value: a *string, a
	// *bool, a *[]string kept joined by commas, or a prefix list's
	// *[]cloud.PrefixListEntry kept as JSON.
	field func(*T) any
	// nullable columns hold NULL for "", so that unique indexes and
	// foreign keys ignore an empty value.
	nullable bool
	// mutable columns are the ones Update writes.
	mutable bool
	// older is what the rows of an export made before a migration added
	// the column hold there: the migration's default; nil for a column
	// every export has (or a nullable one, which holds NULL).
	older any
}

// stored reports whether the column is one of the table's own.
func (c column[T]) stored() bool { return c.name != "" && c.read == "" }

// value is what the column stores for row.
func (c column[T]) value(row *T) any {
	switch p := c.field(row).(type) {
	case *string:
		if c.nullable {
			return nullIfEmpty(*p)
		}
		return *p
	case *bool:
		return *p
	case *int64:
		return *p
	case *[]string:
		return strings.Join(*p, ",")
	case *[]cloud.PrefixListEntry:
		return jsonEntries(*p)
	default:
		panic(fmt.Sprintf("column %s points at a %T", c.name, p))
	}
}

// scanInto is where a read scans a column that field points at.
func scanInto(field any) any {
	switch list := field.(type) {
	case *[]string:
		return commaList{list}
	case *[]cloud.PrefixListEntry:
		return jsonList{list}
	}
	return field
}

// jsonEntries is a prefix list's entries as a JSON array.
func jsonEntries(entries []cloud.PrefixListEntry) string {
	b, err := json.Marshal(append([]cloud.PrefixListEntry{}, entries...))
	if err != nil {
		panic(err) // strings only: Marshal cannot fail
	}
	return string(b)
}

// jsonList scans a prefix list's entries kept as a JSON array.
type jsonList struct{ list *[]cloud.PrefixListEntry }

func (l jsonList) Scan(src any) error {
	var s commaSource
	if err := s.Scan(src); err != nil {
		return err
	}
	*l.list = nil
	if s == "" || s == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(s), l.list)
}

// commaSource is the text of a list column.
type commaSource string

func (c *commaSource) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*c = commaSource(v)
	case []byte:
		*c = commaSource(v)
	case nil:
		*c = ""
	default:
		return fmt.Errorf("a list column holds a %T", src)
	}
	return nil
}

// commaList scans a list kept joined by commas; "" is the empty list.
type commaList struct{ list *[]string }

func (l commaList) Scan(src any) error {
	var s commaSource
	if err := s.Scan(src); err != nil {
		return err
	}
	*l.list = nil
	if s != "" {
		*l.list = strings.Split(string(s), ",")
	}
	return nil
}

// hold says that a row stops the object whose ID is in column from being
// deleted, unless the condition unless (over the table's alias) holds. With
// via, column is one of the table via, of the row's parts (a subnet group's
// members), whose column owner holds the row's ID.
type hold struct {
	column, unless string
	via, owner     string
	// list, when set, is the table's column that keeps the held IDs as a
	// list joined by commas (an endpoint's subnets); column then only
	// names what is held.
	list string
}

// table describes how objects of type T are kept, and how filters of type F
// select them.
type table[T cloud.Row, F cloud.Filter] struct {
	// alias names the table in reads; filters' conditions use it.
	name, alias string
	// of is the kind of the rows, for a type that serves several kinds
	// (cloud.SubnetGroup); else the type's own.
	of cloud.Kind
	// columns come ID first. A table with an owner_id column is scoped:
	// reads see only the rows of the scope's account and region.
	columns []column[T]
	// joins are what reads join to the table for the columns they read
	// from other tables.
	joins string
	// derived are columns the store computes from the others, to make
	// lookups cheap.
	derived []derivedColumn
	// holds are what a row stops from being deleted: VPCDependents and
	// SubnetDependents gather them from every table.
	holds []hold
	// filter turns a filter into the conditions of a read.
	filter func(F) selection
	// tags points at the object's tags, for a kind that carries them.
	tags func(*T) *map[string]string
	// complete fills in what the row does not hold itself.
	complete func(t *sqlTx, row *T, f F) error
	// deleteFirst are statements, taking the ID, that clear what must go
	// before the row does.
	deleteFirst []string
}

// selection is what a filter asks of a read.
type selection struct {
	where []string
	args  []any
	// tags must all be on a selected object.
	tags map[string]string
	// withoutTags leaves the objects' tags out of what is read.
	withoutTags bool
	// sources, when set, are read instead of the table: their results
	// joined by UNION ALL, each source selecting by its own conditions as
	// well as the selection's.
	sources []source
}

type source struct {
	from  string
	where []string
	args  []any
}

// equal adds the condition column = value, unless value is "", which
// matches all.
func (s selection) equal(column, value string) selection {
	if value == "" {
		return s
	}
	return s.and(column+" = ?", value)
}

func (s selection) and(condition string, args ...any) selection {
	s.where = append(slices.Clip(s.where), condition)
	s.args = append(slices.Clip(s.args), args...)
	return s
}

func (s selection) tagged(tags map[string]string) selection {
	s.tags = tags
	return s
}

func (d *table[T, F]) idColumn() string { return d.columns[0].name }

func (d *table[T, F]) scoped() bool {
	return slices.ContainsFunc(d.columns, func(c column[T]) bool { return c.name == "owner_id" })
}

func (d *table[T, F]) regional() bool {
	return slices.ContainsFunc(d.columns, func(c column[T]) bool { return c.name == "region" })
}

// conditions are the WHERE conditions, and their arguments, of what sel
// selects in the scope.
func (d *table[T, F]) conditions(scope cloud.Scope, sel selection) ([]string, []any) {
	var where []string
	var args []any
	if d.scoped() {
		where, args = []string{d.alias + ".owner_id = ?"}, []any{scope.AccountID}
	}
	// A kind that AWS keeps outside any region (IAM's) has no region
	// column: its objects are the account's in every region.
	if d.regional() {
		where, args = append(where, d.alias+".region = ?"), append(args, scope.Region)
	}
	tagWhere, tagArgs := tagConditions(d.alias+"."+d.idColumn(), sel.tags)
	return slices.Concat(where, sel.where, tagWhere), slices.Concat(args, sel.args, tagArgs)
}

// query is the SQL that reads what sel selects in the scope, in the order
// of the objects' IDs.
func (d *table[T, F]) query(scope cloud.Scope, sel selection) (string, []any) {
	where, args := d.conditions(scope, sel)

	selects := make([]string, len(d.columns))
	for i, c := range d.columns {
		switch {
		case c.read != "":
			selects[i] = c.read
		case c.nullable:
			selects[i] = "COALESCE(" + d.alias + "." + c.name + ", '')"
		default:
			selects[i] = d.alias + "." + c.name
		}
	}
	sources := sel.sources
	if sources == nil {
		sources = []source{{from: d.name + " " + d.alias + " " + d.joins}}
	}
	var queries []string
	var queryArgs []any
	for _, src := range sources {
		queries = append(queries, `SELECT `+strings.Join(selects, ", ")+` FROM `+src.from+
			` WHERE `+strings.Join(slices.Concat(src.where, where), " AND "))
		queryArgs = slices.Concat(queryArgs, src.args, args)
	}
	return strings.Join(queries, " UNION ALL ") + ` ORDER BY 1`, queryArgs
}

// read returns the rows that sel selects, completed.
func (d *table[T, F]) read(t *sqlTx, scope cloud.Scope, f F, sel selection) ([]T, error) {
	query, args := d.query(scope, sel)
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		var row T
		dest := make([]any, len(d.columns))
		for i, c := range d.columns {
			dest[i] = scanInto(c.field(&row))
		}
		if err := rows.Scan(dest...); err != nil {
			_ = rows.Close()
			return nil, err
		}
		out = append(out, row)
	}
	// Closed before reading more: a transaction reads one result at a time.
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for i := range out {
		if d.tags != nil && !sel.withoutTags {
			id, _ := d.columns[0].field(&out[i]).(*string)
			if *d.tags(&out[i]), err = t.Tags(*id); err != nil {
				return nil, err
			}
		}
		if d.complete != nil {
			if err := d.complete(t, &out[i], f); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// rowTable is a table description whatever the type of its rows.
type rowTable interface {
	kind() cloud.Kind
	get(t *sqlTx, scope cloud.Scope, id string) (cloud.Row, bool, error)
	exists(t *sqlTx, scope cloud.Scope, id string) (bool, error)
	list(t *sqlTx, scope cloud.Scope, f cloud.Filter) ([]cloud.Row, error)
	insert(t *sqlTx, row cloud.Row) error
	update(t *sqlTx, row cloud.Row) error
	delete(t *sqlTx, id string) error
	snapshot() snapshotTable
	carriesTags() bool
	// dependents are the queries for the IDs of rows that hold the object
	// whose ID is in column, each taking that ID.
	dependents(column string) []string
}

func (d *table[T, F]) kind() cloud.Kind {
	if d.of.Prefix != "" {
		return d.of
	}
	var zero T
	return zero.StoredKind()
}

// get is list with an ID filter, and no other.
func (d *table[T, F]) get(t *sqlTx, scope cloud.Scope, id string) (cloud.Row, bool, error) {
	var none F
	found, err := d.read(t, scope, none, selection{}.and(d.alias+"."+d.idColumn()+" = ?", id))
	if err != nil || len(found) == 0 {
		return nil, false, err
	}
	return found[0], true, nil
}

// exists reports whether the scope holds the object, reading none of it:
// a part of an object (an association of a network ACL, say) asks only
// that its owner be there, and reading the owner whole costs as much as
// its parts (the ACL's every association).
func (d *table[T, F]) exists(t *sqlTx, scope cloud.Scope, id string) (bool, error) {
	where, args := d.conditions(scope, selection{}.and(d.alias+"."+d.idColumn()+" = ?", id))
	found, err := t.strings(`SELECT `+d.alias+`.`+d.idColumn()+` FROM `+d.name+` `+d.alias+` `+d.joins+
		` WHERE `+strings.Join(where, " AND ")+` LIMIT 1`, args...)
	return len(found) > 0, err
}

func (d *table[T, F]) list(t *sqlTx, scope cloud.Scope, filter cloud.Filter) ([]cloud.Row, error) {
	f, ok := filter.(F)
	if !ok {
		return nil, fmt.Errorf("table %s takes a %T, not a %T", d.name, f, filter)
	}
	found, err := d.read(t, scope, f, d.filter(f))
	if err != nil {
		return nil, err
	}
	rows := make([]cloud.Row, len(found))
	for i, row := range found {
		rows[i] = row
	}
	return rows, nil
}

func (d *table[T, F]) typed(row cloud.Row) (T, error) {
	typed, ok := row.(T)
	if !ok {
		return typed, fmt.Errorf("table %s keeps a %T, not a %T", d.name, typed, row)
	}
	return typed, nil
}

func (d *table[T, F]) insert(t *sqlTx, row cloud.Row) error {
	typed, err := d.typed(row)
	if err != nil {
		return err
	}
	var names, marks []string
	var args []any
	values := map[string]any{}
	for _, c := range d.columns {
		if c.stored() {
			v := c.value(&typed)
			names, marks, args = append(names, c.name), append(marks, "?"), append(args, v)
			values[c.name] = v
		}
	}
	for _, dc := range d.derived {
		names, marks, args = append(names, dc.name), append(marks, "?"), append(args, dc.compute(values))
	}
	return t.exec(`INSERT INTO `+d.name+` (`+strings.Join(names, ", ")+`) VALUES (`+strings.Join(marks, ", ")+`)`, args...)
}

func (d *table[T, F]) update(t *sqlTx, row cloud.Row) error {
	typed, err := d.typed(row)
	if err != nil {
		return err
	}
	var sets []string
	var args []any
	for _, c := range d.columns {
		if c.mutable {
			sets, args = append(sets, c.name+" = ?"), append(args, c.value(&typed))
		}
	}
	if len(sets) == 0 {
		return fmt.Errorf("the objects of table %s do not change once created", d.name)
	}
	return t.exec(`UPDATE `+d.name+` SET `+strings.Join(sets, ", ")+` WHERE `+d.idColumn()+` = ?`,
		append(args, d.columns[0].value(&typed))...)
}

func (d *table[T, F]) delete(t *sqlTx, id string) error {
	for _, statement := range d.deleteFirst {
		if err := t.exec(statement, id); err != nil {
			return err
		}
	}
	return t.exec(`DELETE FROM `+d.name+` WHERE `+d.idColumn()+` = ?`, id)
}

func (d *table[T, F]) snapshot() snapshotTable {
	out := snapshotTable{name: d.name, key: 1, derived: d.derived}
	var zero T
	for _, c := range d.columns {
		if !c.stored() {
			continue
		}
		kind := textColumn
		switch c.field(&zero).(type) {
		case *bool:
			kind = boolColumn
		case *int64:
			kind = intColumn
		}
		if kind == textColumn && c.nullable {
			kind = nullableTextColumn
		}
		out.columns = append(out.columns, snapshotColumn{name: c.name, kind: kind, older: c.older})
	}
	return out
}

func (d *table[T, F]) carriesTags() bool { return d.tags != nil }

func (d *table[T, F]) dependents(column string) []string {
	var queries []string
	for _, h := range d.holds {
		if h.column != column {
			continue
		}
		from, held := d.name+` `+d.alias, d.alias+`.`+column
		if h.via != "" {
			from += ` JOIN ` + h.via + ` held ON held.` + h.owner + ` = ` + d.alias + `.` + d.idColumn()
			held = `held.` + column
		}
		q := `SELECT ` + d.alias + `.` + d.idColumn() + ` AS id FROM ` + from + ` WHERE ` + held + ` = ?`
		if h.list != "" {
			q = `SELECT ` + d.alias + `.` + d.idColumn() + ` AS id FROM ` + from + ` WHERE (',' || ` + d.alias + `.` + h.list + ` || ',') LIKE ('%,' || ? || ',%')`
		}
		if h.unless != "" {
			q += ` AND NOT ` + h.unless
		}
		queries = append(queries, q)
	}
	return queries
}

// tableOf returns the description of the table that keeps objects of kind
// k.
func tableOf(k cloud.Kind) (rowTable, error) {
	for _, d := range rowTables {
		if d.kind().Prefix == k.Prefix {
			return d, nil
		}
	}
	return nil, fmt.Errorf("the store keeps no objects with IDs %s-", k.Prefix)
}

func (t *sqlTx) Get(scope cloud.Scope, k cloud.Kind, id string) (cloud.Row, bool, error) {
	d, err := tableOf(k)
	if err != nil {
		return nil, false, err
	}
	return d.get(t, scope, id)
}

func (t *sqlTx) Exists(scope cloud.Scope, k cloud.Kind, id string) (bool, error) {
	d, err := tableOf(k)
	if err != nil {
		return false, err
	}
	return d.exists(t, scope, id)
}

func (t *sqlTx) List(scope cloud.Scope, f cloud.Filter) ([]cloud.Row, error) {
	d, err := tableOf(f.FilteredKind())
	if err != nil {
		return nil, err
	}
	return d.list(t, scope, f)
}

func (t *sqlTx) Insert(row cloud.Row) error {
	d, err := tableOf(row.StoredKind())
	if err != nil {
		return err
	}
	return d.insert(t, row)
}

func (t *sqlTx) Update(row cloud.Row) error {
	d, err := tableOf(row.StoredKind())
	if err != nil {
		return err
	}
	return d.update(t, row)
}

func (t *sqlTx) Delete(k cloud.Kind, id string) error {
	d, err := tableOf(k)
	if err != nil {
		return err
	}
	return d.delete(t, id)
}

// dependents lists, in order, the IDs of the objects that stop the object
// whose ID their column holds from being deleted; where, if set, is a
// condition (with args) for there to be any.
func (t *sqlTx) dependents(column, id, where string, args ...any) ([]string, error) {
	var queries []string
	var queryArgs []any
	for _, d := range rowTables {
		for _, q := range d.dependents(column) {
			queries, queryArgs = append(queries, q), append(queryArgs, id)
		}
	}
	query := `SELECT id FROM (` + strings.Join(queries, " UNION ALL ") + `) AS dependents`
	if where != "" {
		query += ` WHERE ` + where
	}
	return t.strings(query+` ORDER BY id`, append(queryArgs, args...)...)
}

func (t *sqlTx) VPCDependents(scope cloud.Scope, vpcID string) ([]string, error) {
	return t.dependents("vpc_id", vpcID, `EXISTS (SELECT 1 FROM vpcs v WHERE v.id = ? AND v.owner_id = ? AND v.region = ?)`,
		vpcID, scope.AccountID, scope.Region)
}

func (t *sqlTx) SubnetDependents(subnetID string) ([]string, error) {
	return t.dependents("subnet_id", subnetID, "")
}
