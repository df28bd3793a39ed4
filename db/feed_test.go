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
