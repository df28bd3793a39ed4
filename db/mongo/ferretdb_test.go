package mongo

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

// quietLogger keeps the store's own log lines out of test output.
func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// openTestStore opens a store on uri and database, closing it when t ends.
func openTestStore(t testing.TB, uri, database string, edit ...func(*Options)) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := Options{URI: uri, Database: database, Logger: quietLogger()}
	for _, e := range edit {
		e(&opts)
	}
	s, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open(%s, %s): %v", redactURI(uri), database, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}
