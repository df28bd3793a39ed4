package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

// TestOneProcessPerDataDirectory checks that a second store on a directory
// in use fails, naming the process that holds it, and succeeds once the
// first has closed.
func TestOneProcessPerDataDirectory(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	first, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if !errors.Is(err, sqlite.ErrLocked) {
		t.Fatalf("second Open on a directory in use: %v, want ErrLocked", err)
	}
	if want := "process " + strconv.Itoa(os.Getpid()); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "DATA_DIR") {
		t.Errorf("error %q does not name %q and say how to fix it", err, want)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	again.Close()
}

// TestBrokenDatabaseFileIsAnError checks that an empty database file, or one
// missing from a directory used before, stops Open instead of being quietly
// replaced by an empty database.
func TestBrokenDatabaseFileIsAnError(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		breakFile func(path string) error
		want      string
	}{
		{"zero-length file", func(path string) error { return os.Truncate(path, 0) }, "empty (0 bytes)"},
		{"missing file", os.Remove, "missing from a data directory that was used before"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "kept"}); err != nil {
				t.Fatal(err)
			}
			if err := store.Close(); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, sqlite.FileName)
			if err := tc.breakFile(path); err != nil {
				t.Fatal(err)
			}
			_, err = sqlite.Open(ctx, sqlite.Options{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Open = %v, want an error saying %q", err, tc.want)
			}
			if info, statErr := os.Stat(path); statErr == nil && info.Size() > 0 {
				t.Errorf("the refused Open wrote a new database of %d bytes", info.Size())
			}
		})
	}
}

// TestPingReadsTheDatabase checks that Ping fails once the database file is
// corrupt or gone, as every query then does.
func TestPingReadsTheDatabase(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		breakFile func(path string) error
	}{
		{"file removed", os.Remove},
		{"pages overwritten", func(path string) error {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			junk := []byte(strings.Repeat("\xff\x00corrupt", 4096))
			_, err = f.WriteAt(junk, 0)
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			for range 50 {
				if _, err := store.CreateTestSession(ctx, db.NewTestSession{Name: strings.Repeat("x", 150)}); err != nil {
					t.Fatal(err)
				}
			}
			if err := store.Ping(ctx); err != nil {
				t.Fatalf("Ping of a healthy store: %v", err)
			}
			// Checkpoint the WAL into the file, so what is read comes from it.
			if err := store.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			if err := tc.breakFile(filepath.Join(dir, sqlite.FileName)); err != nil {
				t.Fatal(err)
			}
			if err := store.Ping(ctx); err == nil {
				_, listErr := store.ListTestSessions(ctx, 10)
				t.Fatalf("Ping of a broken store succeeded (a query now gives %v)", listErr)
			}
		})
	}
}

// TestOrphanedLeasesEndAtOpen checks that flows left running by a process
// that no longer holds the directory are recoverable at once: their leases
// have ended, whatever they said.
func TestOrphanedLeasesEndAtOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "crashed"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "a", Instructions: "Reload", Approved: true}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.StartRun(ctx, session.ID); err != nil {
		t.Fatal(err)
	}
	claimed, err := store.ClaimFlow(ctx, "dead-worker", time.Hour)
	if err != nil || claimed == nil {
		t.Fatalf("claim: %v %v", claimed, err)
	}
	if err := store.Close(); err != nil { // as a killed process would leave it
		t.Fatal(err)
	}

	reopened, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	recovered, err := reopened.RecoverExpiredLeases(ctx, db.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 1 || recovered[0].ID != claimed.ID || recovered[0].Status != db.FlowFailed {
		t.Fatalf("recovered %+v, want the flow of the hour-long lease failed at once", recovered)
	}
	if got, err := reopened.GetTestSession(ctx, session.ID); err != nil || got.Status != db.SessionFailed {
		t.Errorf("session after recovery: %+v %v, want failed", got, err)
	}
}
