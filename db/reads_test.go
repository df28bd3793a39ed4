package db_test

import (
	"context"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

// TestTrackerFollowsWhatWasRead: a tracker keeps the changes made while
// its evaluation runs, then follows only what the evaluation read.
func TestTrackerFollowsWhatWasRead(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	recorded := db.RecordReads(store)
	mine, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "mine"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "other"})
	if err != nil {
		t.Fatal(err)
	}
	addFlow := func(session *db.TestSession) {
		t.Helper()
		if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "f", Instructions: "Reload"}}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name          string
		duringEval    *db.TestSession // written to while the evaluation runs
		afterSettle   *db.TestSession // written to once it settled
		wantAtSettle  bool
		wantAfterward bool
	}{
		{"nothing written", nil, nil, false, false},
		{"another session written", other, other, false, false},
		{"read session written during the evaluation", mine, nil, true, false},
		{"read session written after", nil, mine, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			notified := 0
			evalCtx, tracker := store.Track(ctx, func() { notified++ })
			defer tracker.Close()
			// The evaluation reads one session and its flows, as a live
			// getTestSession { flows } does.
			if _, err := recorded.GetTestSession(evalCtx, mine.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := recorded.ListTestFlows(evalCtx, mine.ID); err != nil {
				t.Fatal(err)
			}
			if tc.duringEval != nil {
				addFlow(tc.duringEval)
			}
			if notified != 0 {
				t.Fatalf("notified %d times before Settle", notified)
			}
			if gone := tracker.Settle(); gone {
				t.Error("Settle reported the session gone")
			}
			if got := notified > 0; got != tc.wantAtSettle {
				t.Errorf("notified at Settle = %v, want %v", got, tc.wantAtSettle)
			}
			notified = 0
			if tc.afterSettle != nil {
				addFlow(tc.afterSettle)
			}
			if got := notified > 0; got != tc.wantAfterward {
				t.Errorf("notified after Settle = %v, want %v", got, tc.wantAfterward)
			}
		})
	}
	t.Run("a missing document is reported", func(t *testing.T) {
		evalCtx, tracker := store.Track(ctx, func() {})
		defer tracker.Close()
		if _, err := recorded.GetTestSession(evalCtx, db.NewID()); db.ErrorCode(err) != db.ErrNotFound {
			t.Fatalf("read of an unknown session: %v", err)
		}
		if !tracker.Settle() {
			t.Error("Settle did not report the missing session")
		}
	})
}
