package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// openSQLiteStore opens a fresh SQLite cloud, whatever store the suite's
// other tests run on: only SQLite keeps statements of its own.
func openSQLiteStore(t *testing.T) *dbStore {
	t.Helper()
	s, err := openSQLite(filepath.Join(t.TempDir(), "cloud.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// rawTx is the SQLite store's own transaction behind the cloud's view.
func rawTx(tx cloud.ReadTx) *sqlTx {
	raw, _ := tx.(*sqlTx)
	return raw
}

// A query first run inside a write transaction is prepared once that
// transaction has ended, and later transactions run it prepared, with the
// same results. Preparing it inside the transaction would wait forever for
// the writer pool's one connection, which the deadline turns into a
// failure.
func TestStatementsArePreparedAfterTheirFirstTransaction(t *testing.T) {
	s := openSQLiteStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	const insert = `INSERT INTO tags (resource_id, key, value) VALUES (?, ?, ?)`
	const count = `SELECT COUNT(*) FROM tags WHERE resource_id = ?`
	for round := range 3 {
		err := s.Write(ctx, func(tx cloud.Tx) error {
			raw := rawTx(tx)
			for i := range 2 {
				if err := raw.exec(insert, "vpc-statements", fmt.Sprintf("k%d-%d", round, i), "v"); err != nil {
					return err
				}
			}
			var n int
			if err := raw.queryRow(count, "vpc-statements").Scan(&n); err != nil {
				return err
			}
			if want := 2 * (round + 1); n != want {
				return fmt.Errorf("round %d: %d tags counted, want %d", round, n, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, query := range []string{insert, count} {
			if s.stmts[s.writer].lookup(query) == nil {
				t.Fatalf("round %d: %q is not prepared after its transaction", round, query)
			}
		}
	}
	// The reader pool keeps statements of its own.
	var n int
	for range 2 {
		err := s.Read(ctx, func(tx cloud.ReadTx) error {
			return rawTx(tx).queryRow(count, "vpc-statements").Scan(&n)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n != 6 || s.stmts[s.reader].lookup(count) == nil {
		t.Fatalf("reader: %d tags counted (want 6), prepared: %v", n, s.stmts[s.reader].lookup(count) != nil)
	}
}

// Query texts built from values would each be a statement of their own;
// the cache stops growing at its bound and runs the rest unprepared.
func TestStatementsStopAtTheirBound(t *testing.T) {
	s := openSQLiteStore(t)
	ctx := context.Background()
	const extra = 50
	for i := range maxPreparedStatements + extra {
		var got int
		err := s.Read(ctx, func(tx cloud.ReadTx) error {
			return rawTx(tx).queryRow(fmt.Sprintf(`SELECT %d`, i)).Scan(&got)
		})
		if err != nil || got != i {
			t.Fatalf("SELECT %d: %d, %v", i, got, err)
		}
	}
	c := s.stmts[s.reader]
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.prepared) > maxPreparedStatements || len(c.prepared) < maxPreparedStatements-extra {
		t.Fatalf("%d statements prepared, want at most %d and near it", len(c.prepared), maxPreparedStatements)
	}
}
