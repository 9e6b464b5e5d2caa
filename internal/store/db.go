package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

//go:embed migrations/*.sql
var migrations embed.FS

// dialect is what differs between the SQL databases the store runs on.
type dialect struct {
	name string
	// numberedParams says that parameters are written $1, $2, ... instead
	// of ?.
	numberedParams bool
	// writeOptions and readOptions begin transactions.
	writeOptions, readOptions *sql.TxOptions
	// lockWrites, if set, is the first statement of every write
	// transaction: it makes writers take turns, as SQLite's BEGIN
	// IMMEDIATE does, so that what a rule reads cannot change under it.
	lockWrites string
	// retryable reports whether a failed transaction may succeed if run
	// again: a serialization failure, say.
	retryable func(error) bool
	// lockMigrations serializes concurrent migrations inside the migrating
	// transaction, where the transaction itself does not.
	lockMigrations string
	// schema is what the dialect writes in place of the migrations'
	// placeholders.
	schema schemaTerms
}

// schemaTerms are the words of a schema that SQLite and PostgreSQL spell
// differently: the migrations are one set of scripts, written with these
// as text/template fields ({{.Boolean}}) and functions.
type schemaTerms struct {
	// Boolean is the type of a truth column, and True and False its
	// literals: SQLite keeps them as the integers 1 and 0.
	Boolean, True, False string
	// BigInt is the type of a 64-bit integer column.
	BigInt string
	// deleteTagsWith returns the statements that make deleting a row of
	// table delete the tags of the object whose ID is in idColumn; run
	// again, they replace what they made.
	deleteTagsWith func(table, idColumn string) string
}

// render turns a migration script into the dialect's SQL.
func (s schemaTerms) render(name, script string) (string, error) {
	tmpl, err := template.New(name).Option("missingkey=error").
		Funcs(template.FuncMap{"deleteTagsWith": s.deleteTagsWith}).Parse(script)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, s); err != nil {
		return "", err
	}
	return b.String(), nil
}

// rebind rewrites the ? parameters of a query for the dialect.
func (d dialect) rebind(query string) string {
	if !d.numberedParams {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dbStore keeps the cloud in a SQL database through database/sql.
type dbStore struct {
	dialect dialect
	writer  *sql.DB
	reader  *sql.DB
	// stmts are the statements prepared on each pool, by the pool, once
	// the schema is migrated; none where the driver keeps its own (pgx
	// caches every statement it runs on a connection).
	stmts map[*sql.DB]*statements
}

// prepareStatements makes the store keep the statements it runs
// prepared. It is called after migrating, so that a migration's scripts
// are never kept.
func (s *dbStore) prepareStatements() {
	s.stmts = map[*sql.DB]*statements{s.writer: newStatements(s.writer), s.reader: newStatements(s.reader)}
}

func (s *dbStore) Close() error {
	var errs []error
	for _, c := range s.stmts {
		errs = append(errs, c.close())
	}
	errs = append(errs, s.writer.Close())
	if s.reader != s.writer {
		errs = append(errs, s.reader.Close())
	}
	return errors.Join(errs...)
}

func (s *dbStore) Read(ctx context.Context, fn func(cloud.ReadTx) error) error {
	return s.run(ctx, s.reader, s.dialect.readOptions, func(t *sqlTx) error { return fn(t) })
}

func (s *dbStore) Write(ctx context.Context, fn func(cloud.Tx) error) error {
	return s.run(ctx, s.writer, s.dialect.writeOptions, func(t *sqlTx) error {
		if s.dialect.lockWrites != "" {
			if err := t.exec(s.dialect.lockWrites); err != nil {
				return err
			}
		}
		return fn(t)
	})
}

// maxAttempts bounds how often a transaction that lost a race to another is
// run again before its failure reaches the caller.
const maxAttempts = 20

// run runs fn in a transaction, and again while it fails in a way that
// another attempt may cure, so that users never see a database's conflict
// between transactions: only what the rules say once the other transaction
// has committed.
func (s *dbStore) run(ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(*sqlTx) error) error {
	var err error
	for attempt := range maxAttempts {
		if attempt > 0 {
			// Back off a little, more each time, so that racers spread out.
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * time.Millisecond):
			}
		}
		err = runTx(ctx, db, opts, &sqlTx{ctx: ctx, dialect: s.dialect, stmts: s.stmts[db]}, fn)
		if stmts := s.stmts[db]; stmts != nil {
			stmts.prepareWanted(ctx)
		}
		if err == nil || !s.dialect.retryable(err) {
			return err
		}
	}
	return fmt.Errorf("the transaction kept conflicting with others after %d attempts: %w", maxAttempts, err)
}

// runTx runs fn in a transaction on db, through t, which it completes with
// the transaction.
func runTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, t *sqlTx, fn func(*sqlTx) error) error {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	t.tx = tx
	if err := fn(t); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

// afterMigration fills, after the migration of that version and in its
// transaction, columns whose values SQL alone cannot compute from the rows
// already there. The fills run after the last script, in the order of
// their versions: they read and write through this simcloud's table
// descriptions, which name the columns of every migration (a fill after
// migration 9 that read subnets before migration 15 added its columns would
// fail).
var afterMigration = map[int]func(*sqlTx) error{
	7: fillSubnetFirst,
	9: fillVPCDefaults,
}

// migrate applies, in one transaction, every embedded migration of the
// dialect newer than the database's schema version.
func (s *dbStore) migrate(ctx context.Context) error {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	return s.run(ctx, s.writer, s.dialect.writeOptions, func(t *sqlTx) error {
		if s.dialect.lockMigrations != "" {
			if err := t.exec(s.dialect.lockMigrations); err != nil {
				return err
			}
		}
		if err := t.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		var current int
		if err := t.queryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
		if current > len(files) {
			return fmt.Errorf("the database has schema version %d, newer than this simcloud knows (%d); use a newer simcloud", current, len(files))
		}
		var fills []func(*sqlTx) error
		for i, name := range files[current:] {
			script, err := migrations.ReadFile(name)
			if err != nil {
				return err
			}
			name = path.Base(name)
			statements, err := s.dialect.schema.render(name, string(script))
			if err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			if err := t.exec(statements); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			if fill := afterMigration[current+i+1]; fill != nil {
				fills = append(fills, func(t *sqlTx) error {
					if err := fill(t); err != nil {
						return fmt.Errorf("migration %s: %w", name, err)
					}
					return nil
				})
			}
			if err := t.exec(`INSERT INTO schema_migrations (version) VALUES (?)`, current+i+1); err != nil {
				return err
			}
		}
		for _, fill := range fills {
			if err := fill(t); err != nil {
				return err
			}
		}
		return nil
	})
}
