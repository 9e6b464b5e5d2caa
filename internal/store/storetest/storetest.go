// Package storetest gives each test a cloud of its own: a fresh SQLite file,
// or, when SIMCLOUD_TEST_POSTGRES names a PostgreSQL server, a fresh
// database on it, so that every test runs against either store.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// EnvPostgres names the variable holding the URL of a PostgreSQL server for
// tests; a user on it must be allowed to create databases.
const EnvPostgres = "SIMCLOUD_TEST_POSTGRES"

// Postgres reports whether tests run against PostgreSQL.
func Postgres() bool { return os.Getenv(EnvPostgres) != "" }

// Location returns where a test's fresh, empty cloud lives.
func Location(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		return filepath.Join(t.TempDir(), "cloud.db")
	}
	return NewPostgresDatabase(t, admin)
}

// NewPostgresDatabase creates a database on the server at admin, dropped
// when the test ends, and returns its URL.
func NewPostgresDatabase(t testing.TB, admin string) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "simcloud_test_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer func() { _ = db.Close() }()
		_, _ = db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Client returns a client of st in the default account and region.
func Client(t testing.TB, st cloud.Store) *cloud.Client {
	t.Helper()
	c, err := cloud.NewClient(st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: cloud.DefaultRegion}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Own leaves out of found the objects AWS made with the region's default
// VPC (cloud.Inventory.DefaultVPCParts), which the provider makes on the
// scope's first use: what remains is what the test's configuration made.
// It is the one predicate by which tests that count objects, or want an
// empty cloud, set the default VPC aside.
func Own[T cloud.Row](t testing.TB, c *cloud.Client, found []T) []T {
	t.Helper()
	return own(t, c, found, func(o T) string { return ObjectID(o) })
}

// OwnIDs is Own for a list of IDs, as a data source lists them.
func OwnIDs(t testing.TB, c *cloud.Client, ids []string) []string {
	t.Helper()
	return own(t, c, ids, func(id string) string { return id })
}

func own[T any](t testing.TB, c *cloud.Client, found []T, id func(T) string) []T {
	t.Helper()
	parts, err := c.DefaultVPCParts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var kept []T
	for _, o := range found {
		if !parts[id(o)] {
			kept = append(kept, o)
		}
	}
	return kept
}

// ObjectID is the ID of an object of the cloud: its ID field, or an
// elastic IP's allocation ID.
func ObjectID(o cloud.Row) string {
	v := reflect.ValueOf(o)
	for _, name := range []string{"ID", "AllocationID"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
	}
	return ""
}
