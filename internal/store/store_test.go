package store

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

func TestResolveLocation(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cases := []struct {
		name     string
		explicit string
		vars     map[string]string
		want     string
	}{
		{"explicit wins", "/x/a.db", map[string]string{"SIMCLOUD_DATABASE": "/y/b.db", "HOME": "/h"}, "/x/a.db"},
		{"environment", "", map[string]string{"SIMCLOUD_DATABASE": "/y/b.db", "XDG_DATA_HOME": "/d", "HOME": "/h"}, "/y/b.db"},
		{"xdg", "", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/simcloud/cloud.db"},
		{"home", "", map[string]string{"HOME": "/h"}, "/h/.local/share/simcloud/cloud.db"},
	}
	for _, tc := range cases {
		got, err := ResolveLocation(tc.explicit, env(tc.vars))
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestDescribeHidesPasswords(t *testing.T) {
	cases := map[string]string{
		"postgres://alice:s3cret@db.example:5432/cloud": "postgres://alice:xxxxx@db.example:5432/cloud",
		"postgresql://alice@db/cloud":                   "postgresql://alice@db/cloud",
		"/var/lib/simcloud/cloud.db":                    "/var/lib/simcloud/cloud.db",
	}
	for in, want := range cases {
		if got := Describe(in); got != want || strings.Contains(got, "s3cret") {
			t.Errorf("Describe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOpenCreatesPrivateFileAndFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "cloud.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = st.Close() }()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("database mode = %o, want 600", mode)
	}
	dir, _ := os.Stat(filepath.Dir(path))
	if mode := dir.Mode().Perm(); mode != 0o700 {
		t.Errorf("folder mode = %o, want 700", mode)
	}
}

func TestOpenRefusesUnusableLocations(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(filepath.Join(blocker, "cloud.db")); err == nil || !strings.Contains(err.Error(), blocker) {
		t.Errorf("opening below a file: err = %v, want one naming %s", err, blocker)
	}
	if _, err := Open(""); err == nil {
		t.Error("empty path accepted")
	}
}

func TestMigrationsRunOnceAndRefuseNewerSchemas(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cloud.db")
	first, err := openSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	scope := cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}
	c, _ := cloud.NewClient(first, scope, nil)
	vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default"})
	if err != nil {
		t.Fatal(err)
	}
	_ = first.Close()

	second, err := openSQLite(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	c, _ = cloud.NewClient(second, scope, nil)
	if _, err := c.VPC(ctx, vpc.ID); err != nil {
		t.Fatalf("VPC lost across reopen: %v", err)
	}
	if _, err := second.writer.Exec(`INSERT INTO schema_migrations (version) VALUES (999)`); err != nil {
		t.Fatal(err)
	}
	_ = second.Close()
	if _, err := openSQLite(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: err = %v", err)
	}
}

// TestSchemaGuardsInvariants shows the schema refusing what the rules refuse,
// for a writer that bypassed them.
func TestSchemaGuardsInvariants(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	scope := cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}
	c, _ := cloud.NewClient(st, scope, nil)
	in := cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: "default", AssignGeneratedIPv6CIDRBlock: true}
	a, _ := c.CreateVPC(ctx, in)
	b, _ := c.CreateVPC(ctx, in)

	violations := map[string]func(tx cloud.Tx) error{
		"second main table": func(tx cloud.Tx) error {
			return tx.Insert(cloud.Association{ID: "rtbassoc-1", RouteTableID: a.MainRouteTableID, VPCID: a.ID, Main: true})
		},
		"shared IPv6 block": func(tx cloud.Tx) error {
			b.IPv6CIDRBlock = a.IPv6CIDRBlock
			return tx.Update(b)
		},
		"table of a missing VPC": func(tx cloud.Tx) error {
			return tx.Insert(cloud.RouteTable{ID: "rtb-1", VPCID: "vpc-missing", OwnerID: scope.AccountID, Region: scope.Region})
		},
		"VPC still holding a table": func(tx cloud.Tx) error { return tx.Delete(cloud.KindVPC, a.ID) },
	}
	for name, violate := range violations {
		if err := st.Write(ctx, violate); err == nil {
			t.Errorf("%s: the schema allowed it", name)
		}
	}
}

// TestPostgresErrorsHidePasswords makes connecting fail in two ways and
// checks that the password appears in neither error.
func TestPostgresErrorsHidePasswords(t *testing.T) {
	const password = "s3cret-pw"
	locations := []string{"postgres://alice:" + password + "@127.0.0.1:1/cloud?connect_timeout=2"}
	if admin := os.Getenv(storetest.EnvPostgres); admin != "" {
		// A server that is there, and a database that is not.
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(u.User.Username(), password)
		u.Path = "/no_such_database"
		locations = append(locations, u.String())
	}
	for _, location := range locations {
		_, err := Open(location)
		if err == nil {
			t.Fatalf("opening %s succeeded", Describe(location))
		}
		if strings.Contains(err.Error(), password) || !strings.Contains(err.Error(), "xxxxx") {
			t.Errorf("error %q shows the password, or hides the location", err)
		}
	}
}
