package store

import (
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestTablesAgreeWithTheRegistry holds the store's table descriptions and
// the cloud's registry of kinds to one account of where each kind lives and
// which carry tags, since the invariants' check of tags reads the registry.
func TestTablesAgreeWithTheRegistry(t *testing.T) {
	described := map[cloud.StoredTable]bool{}
	kinds := map[string]bool{}
	for _, d := range rowTables {
		if kinds[d.kind().Prefix] {
			t.Errorf("two tables keep objects with IDs %s-", d.kind().Prefix)
		}
		kinds[d.kind().Prefix] = true
		snap := d.snapshot()
		if d.carriesTags() {
			described[cloud.StoredTable{Name: snap.name, IDColumn: snap.columns[0].name}] = true
		}
	}
	registered := map[cloud.StoredTable]bool{}
	for _, table := range cloud.TaggableTables() {
		registered[table] = true
		if !described[table] {
			t.Errorf("the registry has %s (%s) carry tags; no table description does", table.Name, table.IDColumn)
		}
	}
	for table := range described {
		if !registered[table] {
			t.Errorf("table %s (%s) carries tags; the registry does not say so", table.Name, table.IDColumn)
		}
	}
	for _, prefix := range cloud.ObjectPrefixes() {
		if !kinds[prefix] {
			t.Errorf("no table keeps the objects with IDs %s-", prefix)
		}
	}
}
