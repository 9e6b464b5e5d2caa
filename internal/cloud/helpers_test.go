package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

var defaultScope = cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}

// openStore opens a fresh database for one test: a file, or a PostgreSQL
// database when SIMCLOUD_TEST_POSTGRES is set.
func openStore(t testing.TB) (cloud.Store, string) {
	t.Helper()
	path := storetest.Location(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st, path
}

func newClient(t testing.TB, st cloud.Store, scope cloud.Scope) *cloud.Client {
	t.Helper()
	c, err := cloud.NewClient(st, scope, nil)
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	return c
}

// freshClient is a client on its own new database in the default scope.
func freshClient(t testing.TB) *cloud.Client {
	st, _ := openStore(t)
	return newClient(t, st, defaultScope)
}

func vpcInput(cidr string) cloud.VPCInput {
	return cloud.VPCInput{CIDRBlock: cidr, InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true}
}

func mustCreateVPC(t testing.TB, c *cloud.Client, in cloud.VPCInput) cloud.VPC {
	t.Helper()
	vpc, err := c.CreateVPC(context.Background(), in)
	if err != nil {
		t.Fatalf("CreateVPC(%+v): %v", in, err)
	}
	return vpc
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := cloud.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// reopen opens a second, independent handle on a database file, as another
// process would.
func reopen(t testing.TB, path string) cloud.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}
