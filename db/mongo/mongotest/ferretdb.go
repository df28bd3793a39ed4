// Package mongotest starts what tests of the MongoDB backend need: an
// embedded FerretDB, a real MongoDB wire-protocol server with its data in
// SQLite files, on a loopback port.
package mongotest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// FerretDB is a running embedded FerretDB.
type FerretDB struct {
	// URI is its mongodb:// connection string.
	URI string
	// Stop stops it (tests stop it themselves to simulate a restart); it
	// also stops when the test ends.
	Stop func()
}

// StartFerretDB starts FerretDB on data directory dir. Set FERRETDB_LOG=1
// to see its logs.
func StartFerretDB(t testing.TB, dir string) *FerretDB {
	t.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		Logger:    logger(),
	})
	if err != nil {
		t.Fatalf("start FerretDB: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	var stopped atomic.Bool
	stop := func() {
		if stopped.Swap(true) {
			return
		}
		cancel()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("FerretDB stopped with %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("FerretDB did not stop within 30s")
		}
	}
	t.Cleanup(stop)
	return &FerretDB{URI: f.MongoDBURI(), Stop: stop}
}

func logger() *slog.Logger {
	if os.Getenv("FERRETDB_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

var databaseCounter atomic.Int64

// FreshDatabase returns a database name no other test of this process
// uses, so tests sharing one server never see each other's data.
func FreshDatabase(prefix string) string {
	return fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), databaseCounter.Add(1))
}
