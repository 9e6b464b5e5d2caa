package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeoutMillis is how long a transaction waits for another process's
// write lock before giving up. Writes are short, so only a pile-up of many
// processes comes near it.
const busyTimeoutMillis = 60_000

// The SQLite store keeps the cloud in one file. Writers take the write lock
// when they begin (BEGIN IMMEDIATE), so a rule checked inside a write
// transaction cannot be invalidated by another writer before it commits,
// and no transaction fails halfway for want of a lock it could have waited
// for.
var sqliteDialect = dialect{
	name:      "sqlite",
	retryable: func(error) bool { return false },
	schema: schemaTerms{
		Boolean: "INTEGER", True: "1", False: "0", BigInt: "INTEGER",
		deleteTagsWith: func(table, idColumn string) string {
			return fmt.Sprintf("DROP TRIGGER IF EXISTS %[1]s_delete_tags;\n"+
				"CREATE TRIGGER %[1]s_delete_tags AFTER DELETE ON %[1]s "+
				"BEGIN DELETE FROM tags WHERE resource_id = OLD.%[2]s; END;", table, idColumn)
		},
	},
}

func openSQLite(path string) (*dbStore, error) {
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
	s := &dbStore{dialect: sqliteDialect, writer: writer, reader: reader}
	if err := s.migrate(context.Background()); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("prepare database %s: %w", path, err)
	}
	s.prepareStatements()
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
