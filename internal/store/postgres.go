package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// The PostgreSQL store serves a cloud shared by many machines. Write
// transactions lock what they check: each first takes the cloud's write lock
// (a transaction-scoped advisory lock), so writers take turns as they do on
// SQLite, and each of their statements, at READ COMMITTED, sees everything
// committed before. A rule checked inside one therefore still holds when it
// commits. SERIALIZABLE alone would do too, but on tables this small
// PostgreSQL locks whole relations for it and most racing writers would fail
// and retry. Reads take one consistent snapshot.
var postgresDialect = dialect{
	name:           "postgres",
	numberedParams: true,
	writeOptions:   &sql.TxOptions{Isolation: sql.LevelReadCommitted},
	readOptions:    &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	retryable:      retryablePostgresError,
	// Fixed keys of our own for the write and migration locks.
	lockWrites:     `SELECT pg_advisory_xact_lock(736164)`,
	lockMigrations: `SELECT pg_advisory_xact_lock(736163)`,
	schema: schemaTerms{
		Boolean: "BOOLEAN", True: "TRUE", False: "FALSE", BigInt: "BIGINT",
		// A PostgreSQL trigger runs a function: one serves every table,
		// told the ID column as its argument.
		deleteTagsWith: func(table, idColumn string) string {
			return `CREATE OR REPLACE FUNCTION delete_object_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tags WHERE resource_id = to_jsonb(OLD) ->> TG_ARGV[0];
    RETURN OLD;
END $$;
` + fmt.Sprintf("DROP TRIGGER IF EXISTS %[1]s_delete_tags ON %[1]s;\n"+
				"CREATE TRIGGER %[1]s_delete_tags AFTER DELETE ON %[1]s FOR EACH ROW EXECUTE FUNCTION delete_object_tags('%[2]s');", table, idColumn)
		},
	},
}

// retryablePostgresError reports serialization failures and deadlocks, and
// unique violations, which a concurrent insert of the same key causes and a
// second attempt turns into the rule's own refusal.
func retryablePostgresError(err error) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return false
	}
	switch pgErr.Code {
	case "40001", "40P01", "23505":
		return true
	}
	return false
}

func openPostgres(location string) (*dbStore, error) {
	db, err := sql.Open("pgx", location)
	if err != nil {
		return nil, fmt.Errorf("open %s: %s", Describe(location), scrub(err.Error(), location))
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(context.Background()); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("connect to %s: %s", Describe(location), scrub(err.Error(), location))
	}
	s := &dbStore{dialect: postgresDialect, writer: db, reader: db}
	if err := s.migrate(context.Background()); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("prepare %s: %s", Describe(location), scrub(err.Error(), location))
	}
	return s, nil
}

// scrub removes the password of location from a message, in case a driver
// repeats the connection string it was given.
func scrub(message, location string) string {
	if password := passwordOf(location); password != "" {
		message = strings.ReplaceAll(message, password, "xxxxx")
	}
	return message
}

func passwordOf(location string) string {
	_, rest, _ := strings.Cut(location, "://")
	userinfo, _, found := strings.Cut(rest, "@")
	if !found {
		return ""
	}
	_, password, _ := strings.Cut(userinfo, ":")
	return password
}
