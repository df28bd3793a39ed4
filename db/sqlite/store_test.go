package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

// TestDataSurvivesReopen checks durability: what a closed store acknowledged
// is there when the data directory is opened again.
func TestDataSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "checkout", Prompt: "test checkout"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "pay", Instructions: "go to /pay"}}); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, sqlite.FileName)); err != nil {
		t.Fatalf("database file missing: %v", err)
	}

	reopened, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	got, err := reopened.GetTestSession(ctx, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "checkout" || got.TotalFlows != 1 || !got.CreatedAt.Equal(session.CreatedAt) {
		t.Errorf("after reopen got %+v, want the session as created with 1 flow", got)
	}
	flows, err := reopened.ListTestFlows(ctx, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(flows) != 1 || flows[0].Name != "pay" {
		t.Errorf("after reopen flows = %+v, want the one flow", flows)
	}
}

// TestInMemoryStartsEmpty checks that in-memory stores share nothing.
func TestInMemoryStartsEmpty(t *testing.T) {
	ctx := context.Background()
	first, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := first.CreateTestSession(ctx, db.NewTestSession{Name: "a"}); err != nil {
		t.Fatal(err)
	}
	second, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	list, err := second.ListTestSessions(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Errorf("a new in-memory store lists %d sessions, want 0", len(list))
	}
}

// TestMigrationNumbersFlowsFromOne opens a database written by a server
// that numbered flows from 0 (schema version 3): its flows are renumbered
// from 1 and new flows continue after them.
func TestMigrationNumbersFlowsFromOne(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "old"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{
		{Name: "a", Instructions: "Reload"}, {Name: "b", Instructions: "Reload"}, {Name: "c", Instructions: "Reload"}}); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	// Turn the file back into what schema version 3 wrote.
	raw, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{"UPDATE testFlows SET ord = ord - 1", "ALTER TABLE browserSessions DROP COLUMN endpoint", "PRAGMA user_version = 3"} {
		if _, err := raw.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}

	reopened, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if _, _, err := reopened.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "d", Instructions: "Reload"}}); err != nil {
		t.Fatal(err)
	}
	flows, err := reopened.ListTestFlows(ctx, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range flows {
		got = append(got, fmt.Sprintf("%s=%d", f.Name, f.Order))
	}
	if want := []string{"a=1", "b=2", "c=3", "d=4"}; !slices.Equal(got, want) {
		t.Errorf("flows after migration = %v, want %v", got, want)
	}
}
