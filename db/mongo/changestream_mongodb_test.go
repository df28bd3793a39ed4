package mongo

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// TestMongoDBChangeStreamAcrossStores needs a replica set: writes through
// one store (one server process) reach the watchers of another store on the
// same database, and both see every change once, in the same order.
func TestMongoDBChangeStreamAcrossStores(t *testing.T) {
	a, database := openRealStore(t)
	if a.stream == nil {
		t.Skipf("%s has no change streams (a standalone server): point %s at a replica set to test them",
			redactURI(realMongoURI(t)), mongoURIEnv)
	}
	b := openTestStore(t, realMongoURI(t), database)
	if b.stream == nil {
		t.Fatal("the second store runs no change stream")
	}
	wa, wb := a.Watch(), b.Watch()
	defer wa.Close()
	defer wb.Close()

	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := a.CreateTestSession(ctx, db.NewTestSession{Name: "across stores"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := b.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "f", Instructions: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.DeleteTestFlow(ctx, flows[0].ID); err != nil {
		t.Fatal(err)
	}
	// The last write marks the end of what to wait for.
	marker, err := b.RecordSystemStats(ctx, db.SystemStats{ActiveSessions: 1})
	if err != nil {
		t.Fatal(err)
	}
	last := db.Change{Collection: db.CollSystemStats, Op: db.ChangeInsert, ID: marker.ID}

	gotA, gotB := collectUntil(t, wa, last), collectUntil(t, wb, last)
	if fmt.Sprint(gotA) != fmt.Sprint(gotB) {
		t.Errorf("the two stores saw different changes:\n  %v\n  %v", gotA, gotB)
	}
	for _, want := range []db.Change{
		{Collection: db.CollTestSessions, Op: db.ChangeInsert, ID: sess.ID, SessionID: sess.ID},
		{Collection: db.CollTestFlows, Op: db.ChangeInsert, ID: flows[0].ID, SessionID: sess.ID},
		// A delete event carries no document, so no session.
		{Collection: db.CollTestFlows, Op: db.ChangeDelete, ID: flows[0].ID},
		last,
	} {
		if n := countOf(gotA, want); n != 1 {
			t.Errorf("%v seen %d times, want once, in %v", want, n, gotA)
		}
	}
}

// collectUntil drains w until it has seen last, failing t after a minute.
func collectUntil(t *testing.T, w *db.Watcher, last db.Change) []db.Change {
	t.Helper()
	var got []db.Change
	deadline := time.After(time.Minute)
	for !slices.Contains(got, last) {
		select {
		case <-w.Ready():
			got = append(got, w.Drain()...)
		case <-deadline:
			t.Fatalf("after a minute %v has not arrived; got %v", last, got)
		}
	}
	return got
}

func countOf(changes []db.Change, c db.Change) int {
	n := 0
	for _, got := range changes {
		if got == c {
			n++
		}
	}
	return n
}
