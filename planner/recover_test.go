package planner

import (
	"context"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

// TestRecoverStale: a session left generating by a server that stopped is
// failed with a message saying to generate again; one with recent progress,
// or one this process generates, is left alone.
func TestRecoverStale(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p := New(Options{Store: store})
	generating := func(name string) *db.TestSession {
		s, err := store.CreateTestSession(ctx, db.NewTestSession{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if s, err = store.TransitionTestSession(ctx, s.ID, []db.SessionStatus{db.SessionPending}, db.SessionGenerating); err != nil {
			t.Fatal(err)
		}
		return s
	}
	abandoned, busy, ours := generating("abandoned"), generating("busy"), generating("ours")
	later := db.Now().Add(StaleAfter + time.Minute)
	if _, err := store.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: busy.ID, Level: db.LogInfo, Message: "Exploring", Timestamp: later.Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	defer p.markGenerating(ours.ID)()

	recovered, err := p.RecoverStale(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 1 || recovered[0] != abandoned.ID {
		t.Fatalf("recovered %v, want only the abandoned session", recovered)
	}
	got, _ := store.GetTestSession(ctx, abandoned.ID)
	if got.Status != db.SessionFailed || got.Metadata == nil || got.Metadata.ErrorMessage == nil || *got.Metadata.ErrorMessage != interruptedMessage {
		t.Errorf("abandoned session = %+v, want failed saying to generate again", got)
	}
	for _, s := range []*db.TestSession{busy, ours} {
		if got, _ := store.GetTestSession(ctx, s.ID); got.Status != db.SessionGenerating {
			t.Errorf("session %s became %s, want it still generating", s.Name, got.Status)
		}
	}
}
