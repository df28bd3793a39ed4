package db_test

import (
	"testing"

	"github.com/testing-agent/backend/db"
)

func TestBroadcasterDeliversInOrder(t *testing.T) {
	var b db.Broadcaster
	w := b.Watch()
	defer w.Close()
	b.Publish(db.Change{Collection: db.CollTestSessions, Op: db.ChangeInsert, ID: "1"})
	b.Publish(db.Change{Collection: db.CollTestFlows, Op: db.ChangeInsert, ID: "2"}, db.Change{Collection: db.CollTestSessions, Op: db.ChangeUpdate, ID: "1"})
	select {
	case <-w.Ready():
	default:
		t.Fatal("Ready not signalled after Publish")
	}
	got := w.Drain()
	if len(got) != 3 || got[0].ID != "1" || got[1].ID != "2" || got[2].Op != db.ChangeUpdate {
		t.Errorf("drained %+v, want the three changes in order", got)
	}
	if again := w.Drain(); len(again) != 0 {
		t.Errorf("second drain returned %+v", again)
	}
}

func TestBroadcasterLaggingWatcherGetsReset(t *testing.T) {
	var b db.Broadcaster
	slow := b.Watch()
	defer slow.Close()
	for i := range db.MaxPendingChanges + 1 {
		b.Publish(db.Change{Collection: db.CollExecutionLogs, Op: db.ChangeInsert, ID: string(rune(i))})
	}
	got := slow.Drain()
	if len(got) != 1 || got[0].Op != db.ChangeReset {
		t.Fatalf("a watcher past the bound drained %d changes (first %+v), want one reset", len(got), got[0])
	}
	b.Publish(db.Change{Collection: db.CollTestSessions, Op: db.ChangeInsert, ID: "after"})
	if got := slow.Drain(); len(got) != 1 || got[0].ID != "after" {
		t.Errorf("after the reset drained %+v, want the next change", got)
	}
}

func TestClosedWatcherReceivesNothing(t *testing.T) {
	var b db.Broadcaster
	w := b.Watch()
	w.Close()
	b.Publish(db.Change{Op: db.ChangeInsert})
	if got := w.Drain(); len(got) != 0 || b.Watchers() != 0 {
		t.Errorf("closed watcher drained %+v; %d watchers registered", got, b.Watchers())
	}
}

// TestBroadcasterRoutesByInterest checks the routing index against the
// rule it implements: every watcher gets exactly the changes its interests
// match (Interest.Matches), each once, in order; resets reach everyone.
func TestBroadcasterRoutesByInterest(t *testing.T) {
	const s1, s2 = "s1", "s2"
	interests := [][]db.Interest{
		{{Collection: db.CollTestSessions}},
		{{Collection: db.CollTestSessions, ID: s1}, {Collection: db.CollTestFlows, SessionID: s1}},
		{{Collection: db.CollTestFlows, ID: "f2"}},
		{{Collection: db.CollExecutionLogs, SessionID: s2}, {Collection: db.CollTestSessions, ID: s2}},
		{{Collection: db.CollTestFlows, SessionID: s1}, {Collection: db.CollTestFlows}}, // overlapping
	}
	changes := []db.Change{
		{Collection: db.CollTestSessions, Op: db.ChangeInsert, ID: s1, SessionID: s1},
		{Collection: db.CollTestFlows, Op: db.ChangeInsert, ID: "f1", SessionID: s1},
		{Collection: db.CollTestFlows, Op: db.ChangeUpdate, ID: "f2", SessionID: s2},
		{Collection: db.CollTestFlows, Op: db.ChangeDelete, ID: "f3"}, // session unknown
		{Collection: db.CollExecutionLogs, Op: db.ChangeInsert, ID: "l1", SessionID: s1},
		{Collection: db.CollExecutionLogs, Op: db.ChangeInsert, ID: "l2", SessionID: s2},
		{Collection: db.CollTestSessions, Op: db.ChangeDelete, ID: s2, SessionID: s2},
		{Op: db.ChangeReset},
		{Collection: db.CollSystemStats, Op: db.ChangeInsert, ID: "x"},
	}
	var b db.Broadcaster
	all := b.Watch()
	watchers := make([]*db.Watcher, len(interests))
	for i, reads := range interests {
		watchers[i] = b.WatchOnly(reads...)
	}
	b.Publish(changes[:4]...)
	b.Publish(changes[4:]...)
	if got := all.Drain(); len(got) != len(changes) {
		t.Errorf("Watch got %d changes, want all %d", len(got), len(changes))
	}
	for i, w := range watchers {
		var want []db.Change
		for _, c := range changes {
			for _, in := range interests[i] {
				if in.Matches(c) {
					want = append(want, c)
					break
				}
			}
		}
		got := w.Drain()
		if len(got) != len(want) {
			t.Fatalf("watcher %d got %+v, want %+v", i, got, want)
		}
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("watcher %d change %d = %+v, want %+v", i, j, got[j], want[j])
			}
		}
	}
	// A closed watcher leaves the index: nothing reaches it, and the index
	// does not keep it.
	for _, w := range watchers {
		w.Close()
	}
	all.Close()
	b.Publish(changes...)
	if n := b.Watchers(); n != 0 {
		t.Errorf("%d watchers after closing all", n)
	}
}
