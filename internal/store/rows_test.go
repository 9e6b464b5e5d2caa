package store

import (
	"context"
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
	registeredKinds := map[string]bool{}
	for _, prefix := range cloud.RegisteredPrefixes() {
		registeredKinds[prefix] = true
		if !kinds[prefix] {
			t.Errorf("no table keeps the objects with IDs %s-", prefix)
		}
	}
	for _, kind := range cloud.NamedKinds() {
		if !kinds[kind.Prefix] {
			t.Errorf("no table keeps the objects of the named kind %s", kind.Prefix)
		}
	}
	// The engine's generic operations (cloud.Describe and the rest) find
	// their kind's operation names in the registry.
	for prefix := range kinds {
		if !registeredKinds[prefix] {
			t.Errorf("a table keeps objects with IDs %s- that the registry of kinds does not know", prefix)
		}
	}
}

// TestGenericRowsRefuseWhatNoTableDescribes shows the generic writes
// failing loudly, not silently, for a change no table allows and a kind no
// table keeps.
func TestGenericRowsRefuseWhatNoTableDescribes(t *testing.T) {
	st := openStore(t)
	scope := cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}
	err := st.Write(context.Background(), func(tx cloud.Tx) error {
		if err := tx.Update(cloud.ElasticIP{AllocationID: "eipalloc-1", PublicIP: "192.0.2.1"}); err == nil {
			t.Error("an elastic IP was updated, though nothing of one changes")
		}
		if _, _, err := tx.Get(scope, cloud.KindSubnetCIDRAssociation, "subnet-cidr-assoc-1"); err == nil {
			t.Error("a kind without a table was looked up")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Exists finds an object where Get does, and nowhere else: not in another
// account or region, not under an ID no object has.
func TestExistsAgreesWithGet(t *testing.T) {
	ctx := context.Background()
	_, st, c := openFresh(t)
	defer func() { _ = st.Close() }()
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.40.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	home := c.Scope()
	for i, probe := range []struct {
		scope cloud.Scope
		id    string
	}{
		{home, vpc.ID},
		{cloud.Scope{AccountID: "999999999999", Region: home.Region}, vpc.ID},
		{cloud.Scope{AccountID: home.AccountID, Region: "eu-west-1"}, vpc.ID},
		{home, "vpc-0123456789abcdef0"},
	} {
		err := st.Read(ctx, func(tx cloud.ReadTx) error {
			_, got, err := tx.Get(probe.scope, cloud.KindVPC, probe.id)
			if err != nil {
				return err
			}
			exists, err := tx.Exists(probe.scope, cloud.KindVPC, probe.id)
			if err != nil {
				return err
			}
			if exists != (i == 0) || exists != got {
				t.Errorf("%s in %+v: Exists says %v, Get found it: %v", probe.id, probe.scope, exists, got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
