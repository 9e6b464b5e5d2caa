package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// busyTimeoutMillis is how long a transaction waits for another process's
// write lock before giving up. Writes are short, so only a pile-up of many
// processes comes near it.
const busyTimeoutMillis = 60_000

// sqliteStore keeps the cloud in one SQLite file. Writers take the write
// lock when they begin (BEGIN IMMEDIATE), so a rule checked inside a write
// transaction cannot be invalidated by another writer before it commits, and
// no transaction ever fails halfway for want of a lock it could have waited
// for.
type sqliteStore struct {
	writer *sql.DB
	reader *sql.DB
}

func openSQLite(path string) (*sqliteStore, error) {
	if path == "" {
		return nil, errors.New("the database path is empty")
	}
	if err := createPrivateFile(path); err != nil {
		return nil, err
	}
	writer, err := sql.Open("sqlite", sqliteDSN(path, "immediate"))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// One writing connection per process: writers queue in Go instead of
	// spinning on the file lock.
	writer.SetMaxOpenConns(1)
	reader, err := sql.Open("sqlite", sqliteDSN(path, "deferred"))
	if err != nil {
		_ = writer.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	reader.SetMaxOpenConns(4)
	s := &sqliteStore{writer: writer, reader: reader}
	if err := s.migrate(context.Background()); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("prepare database %s: %w", path, err)
	}
	return s, nil
}

// createPrivateFile creates the database file, and the folders above it,
// readable by its owner only, unless it exists already. SQLite gives the
// journal files it makes beside it the same mode.
func createPrivateFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create the folder for database %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	return f.Close()
}

func sqliteDSN(path, txlock string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(busyTimeoutMillis)+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", txlock)
	return "file:" + path + "?" + q.Encode()
}

func (s *sqliteStore) Close() error {
	return errors.Join(s.writer.Close(), s.reader.Close())
}

func (s *sqliteStore) Read(ctx context.Context, fn func(cloud.ReadTx) error) error {
	return runTx(ctx, s.reader, func(t *sqlTx) error { return fn(t) })
}

func (s *sqliteStore) Write(ctx context.Context, fn func(cloud.Tx) error) error {
	return runTx(ctx, s.writer, func(t *sqlTx) error { return fn(t) })
}

func runTx(ctx context.Context, db *sql.DB, fn func(*sqlTx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(&sqlTx{ctx: ctx, tx: tx}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

// migrate applies, in one transaction, every embedded migration newer than
// the database's schema version.
func (s *sqliteStore) migrate(ctx context.Context) error {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	return runTx(ctx, s.writer, func(t *sqlTx) error {
		if _, err := t.tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		var current int
		if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
		if current > len(files) {
			return fmt.Errorf("the database has schema version %d, newer than this simcloud knows (%d); use a newer simcloud", current, len(files))
		}
		for i, name := range files[current:] {
			version := current + i + 1
			script, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			if _, err := t.tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("migration %s: %w", strings.TrimPrefix(name, "migrations/"), err)
			}
			if _, err := t.tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, version); err != nil {
				return err
			}
		}
		return nil
	})
}
