// Package sqlite is the embedded, zero-setup backend of db.Store: one SQLite
// database file in a data directory, through the pure-Go modernc.org/sqlite
// driver (no cgo, nothing to install).
//
// Writes go through a single connection, so they are serialised and never
// meet SQLITE_BUSY; reads use a pool of connections that, in WAL mode, never
// wait for the writer. Every write is one transaction, committed with
// synchronous=FULL: a write that returned is on disk.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/testing-agent/backend/db"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// FileName is the database file inside the data directory.
const FileName = "testing-agent.db"

// Options configure the embedded store.
type Options struct {
	// Dir is the data directory; it is created if missing. Ignored when InMemory.
	Dir string
	// InMemory keeps everything in memory and loses it on Close: for tests.
	InMemory bool
	// StatsRetention bounds how long system statistics samples are kept.
	// Zero means DefaultStatsRetention.
	StatsRetention time.Duration
}

// DefaultStatsRetention is how long statistics samples are kept by default.
const DefaultStatsRetention = 7 * 24 * time.Hour

// Store is the embedded db.Store.
type Store struct {
	// writeMu spans each write transaction and the publication of its
	// changes, so watchers see changes in commit order.
	writeMu        sync.Mutex
	feed           db.Broadcaster
	writer         *sql.DB
	reader         *sql.DB
	statsRetention time.Duration
	lock           *dirLock // nil in memory
	lastLogMillis  int64    // the newest log timestamp stamped; guarded by writeMu
	path           string   // the database file; empty in memory
}

var (
	_ db.Store      = (*Store)(nil)
	_ db.ChangeFeed = (*Store)(nil)
)

// Open opens (creating if needed) the store and brings its schema up to date.
func Open(ctx context.Context, opts Options) (*Store, error) {
	s := &Store{statsRetention: opts.StatsRetention}
	if s.statsRetention <= 0 {
		s.statsRetention = DefaultStatsRetention
	}
	if opts.InMemory {
		// An in-memory database lives in one connection, which both reads and writes.
		conn, err := sql.Open("sqlite", "file::memory:?"+pragmas("MEMORY", "OFF"))
		if err != nil {
			return nil, fmt.Errorf("open in-memory sqlite: %w", err)
		}
		conn.SetMaxOpenConns(1)
		conn.SetConnMaxLifetime(0)
		conn.SetConnMaxIdleTime(0)
		s.writer, s.reader = conn, conn
	} else {
		if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("create data directory: %w", err)
		}
		lock, used, err := lockDir(opts.Dir)
		if err != nil {
			return nil, err
		}
		s.lock = lock
		path := filepath.Join(opts.Dir, FileName)
		s.path = path
		if err := checkDatabaseFile(path, used); err != nil {
			lock.release()
			return nil, err
		}
		dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas("WAL", "FULL")
		if s.writer, err = sql.Open("sqlite", dsn); err != nil {
			lock.release()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s.writer.SetMaxOpenConns(1)
		if s.reader, err = sql.Open("sqlite", dsn+"&_pragma=query_only(1)"); err != nil {
			s.writer.Close()
			lock.release()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		readers := max(4, runtime.GOMAXPROCS(0))
		s.reader.SetMaxOpenConns(readers)
		s.reader.SetMaxIdleConns(readers)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if s.lock != nil {
		if err := s.endOrphanedLeases(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// checkDatabaseFile refuses to start on a database file that is empty, or
// missing from a directory that was used before: SQLite would silently make
// a new, empty database there, and the data would look lost.
func checkDatabaseFile(path string, dirUsed bool) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && dirUsed:
		return fmt.Errorf("the database file %s is missing from a data directory that was used before: restore it from a backup, or remove the directory (or its %s file) to start with no data", path, LockFileName)
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("inspect %s: %w", path, err)
	case info.Size() == 0:
		return fmt.Errorf("the database file %s is empty (0 bytes), not a database: restore it from a backup, or delete it to start with no data", path)
	}
	return nil
}

// endOrphanedLeases ends the leases of flows left running: this process
// holds the directory's lock, so whoever was running them has died. The
// executor's recovery, which runs at start, then fails them at once rather
// than after their lease would have run out.
func (s *Store) endOrphanedLeases(ctx context.Context) error {
	return s.inTx(ctx, func(tx *writeTx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET leaseExpires = 0 WHERE status = 'running'`); err != nil {
			return fmt.Errorf("end the leases of a stopped server: %w", err)
		}
		return nil
	})
}

func pragmas(journal, synchronous string) string {
	q := url.Values{}
	q.Add("_pragma", "journal_mode("+journal+")")
	q.Add("_pragma", "synchronous("+synchronous+")")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(OFF)")
	q.Add("_txlock", "immediate")
	return q.Encode()
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > schemaVersion {
		return fmt.Errorf("the data directory holds schema version %d, newer than this server's %d: upgrade the server", version, schemaVersion)
	}
	for ; version < schemaVersion; version++ {
		err := s.inTx(ctx, func(tx *writeTx) error {
			if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
				return fmt.Errorf("migrate schema to version %d: %w", version+1, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Ping checks that the database answers real reads: a connection alone
// says nothing of a file that is corrupt or gone. It reads the first entry
// of each collection's main index, which is cheap whatever their size.
func (s *Store) Ping(ctx context.Context) error {
	if s.path != "" {
		if _, err := os.Stat(s.path); err != nil {
			return fmt.Errorf("the database file: %w", err)
		}
	}
	var n int
	err := s.reader.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM (SELECT 1 FROM testSessions ORDER BY createdAt DESC, id DESC LIMIT 1)) +
		(SELECT count(*) FROM (SELECT 1 FROM testFlows ORDER BY sessionId, ord LIMIT 1)) +
		(SELECT count(*) FROM (SELECT 1 FROM executionLogs ORDER BY sessionId, timestamp, id LIMIT 1)) +
		(SELECT count(*) FROM (SELECT 1 FROM systemStats ORDER BY timestamp DESC, id DESC LIMIT 1))`).Scan(&n)
	if err != nil {
		return fmt.Errorf("read the database: %w", err)
	}
	return nil
}

// Close closes the store. Every committed write is already on disk.
func (s *Store) Close() error {
	var errs []error
	if s.reader != nil && s.reader != s.writer {
		errs = append(errs, s.reader.Close())
	}
	if s.writer != nil {
		errs = append(errs, s.writer.Close())
	}
	errs = append(errs, s.lock.release())
	return errors.Join(errs...)
}

// writeTx is a write transaction that also records what it changed.
type writeTx struct {
	*sql.Tx
	changes []db.Change
}

// changed records a change to publish once the transaction commits.
func (tx *writeTx) changed(collection string, op db.ChangeOp, id, sessionID string) {
	tx.changes = append(tx.changes, db.Change{Collection: collection, Op: op, ID: id, SessionID: sessionID})
}

// inTx runs fn in a write transaction, committing when it returns nil, then
// publishes the changes it recorded.
func (s *Store) inTx(ctx context.Context, fn func(tx *writeTx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	sqlTx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	tx := &writeTx{Tx: sqlTx}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.feed.Publish(tx.changes...)
	return nil
}

// Watch returns a watcher of the changes this store commits.
func (s *Store) Watch() *db.Watcher { return s.feed.Watch() }

// queryer is what reads need: the reader pool or a write transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func nullMillis(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

func timePtr(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromMillis(n.Int64)
	return &t
}

func int64Ptr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

func stringPtr(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	return &n.String
}

func nullString(s *string) sql.NullString {
	if s == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: *s, Valid: true}
}

func nullInt64(n *int64) sql.NullInt64 {
	if n == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *n, Valid: true}
}

func notFound(kind, id string) error {
	return db.Errorf(db.ErrNotFound, "no %s has id %s", kind, id)
}

// WatchOnly returns a watcher of the changes matching reads.
func (s *Store) WatchOnly(reads ...db.Interest) *db.Watcher { return s.feed.WatchOnly(reads...) }

// Track follows one evaluation of a live query (db.Tracker).
func (s *Store) Track(ctx context.Context, notify func()) (context.Context, *db.Tracker) {
	return s.feed.Track(ctx, notify)
}
