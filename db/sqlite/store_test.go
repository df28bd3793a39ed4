package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
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
