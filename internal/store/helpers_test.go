package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// openFresh opens a test's fresh cloud, with a client of it in the default
// account and region; the caller closes the store.
func openFresh(t *testing.T) (location string, st cloud.Store, c *cloud.Client) {
	t.Helper()
	location = storetest.Location(t)
	st, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	return location, st, storetest.Client(t, st)
}

// openStore opens a test's fresh cloud, closed when the test ends.
func openStore(t *testing.T) cloud.Store {
	t.Helper()
	st, err := Open(storetest.Location(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// undoLaterColumns take back the columns that later migrations add to the
// tables of VPCs (12, 16) and subnets (15), which a migration run again
// would add twice.
var undoLaterColumns = []string{`DROP INDEX vpcs_default`, `ALTER TABLE vpcs DROP COLUMN is_default`,
	`DROP INDEX vpcs_dhcp_options`, `ALTER TABLE vpcs DROP COLUMN dhcp_options_id`,
	`ALTER TABLE subnets DROP COLUMN enable_dns64`, `ALTER TABLE subnets DROP COLUMN enable_lni_at_device_index`,
	`ALTER TABLE subnets DROP COLUMN enable_resource_name_dns_aaaa_record_on_launch`, `ALTER TABLE subnets DROP COLUMN enable_resource_name_dns_a_record_on_launch`,
	`ALTER TABLE subnets DROP COLUMN ipv6_native`, `ALTER TABLE subnets DROP COLUMN private_dns_hostname_type_on_launch`}

// downgrade takes the cloud at location back before a migration, as an
// older simcloud left it: before runs first in the same transaction, then
// statements undo what the migration made. The store is then opened again,
// which migrates it once more, and closed when the test ends.
func downgrade(t *testing.T, st cloud.Store, location string, before func(tx cloud.Tx) error, statements ...string) cloud.Store {
	t.Helper()
	err := st.Write(context.Background(), func(tx cloud.Tx) error {
		if before != nil {
			if err := before(tx); err != nil {
				return err
			}
		}
		raw, ok := tx.(*sqlTx)
		if !ok {
			return fmt.Errorf("the store's transaction is a %T", tx)
		}
		for _, statement := range statements {
			if err := raw.exec(statement); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = st.Close()
	reopened, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = reopened.Close() })
	return reopened
}
