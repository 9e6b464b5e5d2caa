package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// maxPreparedStatements bounds the statements one pool keeps prepared.
// The store's queries are a few hundred texts; the bound only matters
// should some code build a query text from values, which would otherwise
// grow the cache without end.
const maxPreparedStatements = 2048

// statements keeps the statements prepared on one pool of connections, by
// their text, so that SQLite parses and plans a query once per connection
// rather than once per run: parsing was about half the CPU of creating a
// subnet or a route (the CPU profile of BenchmarkCreateSubnet), and
// modernc.org/sqlite keeps no statements of its own between runs.
//
// A query is prepared after the transaction that first ran it has ended,
// not during it: the SQLite writer pool has one connection, which that
// transaction holds, so preparing on the pool inside it would wait for
// the connection forever.
type statements struct {
	db       *sql.DB
	mu       sync.Mutex
	prepared map[string]*sql.Stmt
	// wanted are the queries run since the last preparing, unprepared.
	wanted map[string]bool
}

func newStatements(db *sql.DB) *statements {
	return &statements{db: db, prepared: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// lookup returns the prepared statement of query, or nil if it has none
// yet, noting then that it is wanted.
func (c *statements) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.prepared[query]; ok {
		return s
	}
	if len(c.prepared)+len(c.wanted) < maxPreparedStatements {
		c.wanted[query] = true
	}
	return nil
}

// prepareWanted prepares the queries noted since it last ran. It runs
// outside every transaction of this goroutine. A query that fails to
// prepare is kept as nil and runs unprepared: its failure is the query's
// own, which each run of it reports where it is run.
func (c *statements) prepareWanted(ctx context.Context) {
	c.mu.Lock()
	if len(c.wanted) == 0 {
		c.mu.Unlock()
		return
	}
	wanted := c.wanted
	c.wanted = map[string]bool{}
	c.mu.Unlock()
	for query := range wanted {
		s, err := c.db.PrepareContext(ctx, query)
		if err != nil {
			s = nil
		}
		c.mu.Lock()
		if _, ok := c.prepared[query]; ok && s != nil {
			_ = s.Close()
		} else {
			c.prepared[query] = s
		}
		c.mu.Unlock()
	}
}

func (c *statements) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, s := range c.prepared {
		if s != nil {
			errs = append(errs, s.Close())
		}
	}
	c.prepared = map[string]*sql.Stmt{}
	return errors.Join(errs...)
}
