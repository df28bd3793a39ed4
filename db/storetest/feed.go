package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// testChangeFeed checks that every write publishes the changes live queries
// rely on: the collection, the operation, the document and its session.
// Failed writes publish nothing.
func testChangeFeed(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	feed, ok := s.(db.ChangeFeed)
	if !ok {
		t.Fatalf("%T does not implement db.ChangeFeed: every backend must feed live queries", s)
	}
	w := feed.Watch()
	defer w.Close()
	c := ctx(t)

	// take waits for n changes: a change stream delivers a moment after
	// the write returns, an in-process feed at once.
	take := func(n int) []db.Change {
		t.Helper()
		var got []db.Change
		deadline := time.After(10 * time.Second)
		for len(got) < n {
			got = append(got, w.Drain()...)
			if len(got) >= n {
				break
			}
			select {
			case <-w.Ready():
			case <-deadline:
				return got
			}
		}
		return got
	}
	// expect takes the changes a write published and compares them with
	// want, in order.
	expect := func(what string, want ...db.Change) {
		t.Helper()
		got := take(len(want))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s published\n  %v\nwant\n  %v", what, got, want)
		}
	}
	change := func(coll string, op db.ChangeOp, id, sessionID string) db.Change {
		return db.Change{Collection: coll, Op: op, ID: id, SessionID: sessionID}
	}

	session := mustSession(t, s, "feed", "")
	expect("CreateTestSession", change(db.CollTestSessions, db.ChangeInsert, session.ID, session.ID))

	_, flows := mustFlows(t, s, session.ID, db.NewTestFlow{Name: "a", Instructions: "x"}, db.NewTestFlow{Name: "b", Instructions: "x"})
	got := take(3)
	wantSet := []db.Change{
		change(db.CollTestFlows, db.ChangeInsert, flows[0].ID, session.ID),
		change(db.CollTestFlows, db.ChangeInsert, flows[1].ID, session.ID),
		change(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID),
	}
	if !sameChanges(got, wantSet) {
		t.Errorf("CreateTestFlows published %v, want (in any order) %v", got, wantSet)
	}

	if _, err := s.UpdateTestFlow(c, flows[0].ID, db.TestFlowUpdate{Name: ptr("a2")}); err != nil {
		t.Fatal(err)
	}
	expect("UpdateTestFlow", change(db.CollTestFlows, db.ChangeUpdate, flows[0].ID, session.ID))

	if _, err := s.SetFlowsApproved(c, []string{flows[1].ID}, true); err != nil {
		t.Fatal(err)
	}
	expect("SetFlowsApproved", change(db.CollTestFlows, db.ChangeUpdate, flows[1].ID, session.ID))

	if _, err := s.TransitionTestFlow(c, flows[1].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning); err != nil {
		t.Fatal(err)
	}
	expect("TransitionTestFlow to running", change(db.CollTestFlows, db.ChangeUpdate, flows[1].ID, session.ID))
	if _, err := s.TransitionTestFlow(c, flows[1].ID, []db.FlowStatus{db.FlowRunning}, db.FlowCompleted); err != nil {
		t.Fatal(err)
	}
	got = take(2)
	if !sameChanges(got, []db.Change{change(db.CollTestFlows, db.ChangeUpdate, flows[1].ID, session.ID), change(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID)}) {
		t.Errorf("TransitionTestFlow to completed published %v, want the flow and its session's progress", got)
	}

	if _, err := s.TransitionTestSession(c, session.ID, []db.SessionStatus{db.SessionPending}, db.SessionReady); err != nil {
		t.Fatal(err)
	}
	expect("TransitionTestSession", change(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID))

	b := mustBrowser(t, s, db.NewBrowserSession{SessionID: session.ID, Status: db.BrowserStarting, BrowserType: "chromium"})
	expect("CreateBrowserSession", change(db.CollBrowserSessions, db.ChangeInsert, b.ID, session.ID))

	l := mustLog(t, s, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: "m"})
	expect("AppendExecutionLog", change(db.CollExecutionLogs, db.ChangeInsert, l.ID, session.ID))

	stats, err := s.RecordSystemStats(c, db.SystemStats{ActiveSessions: 1})
	if err != nil {
		t.Fatal(err)
	}
	expect("RecordSystemStats", change(db.CollSystemStats, db.ChangeInsert, stats.ID, ""))

	// Refused writes publish nothing.
	if _, _, err := s.CreateTestFlows(c, db.NewID(), []db.NewTestFlow{{Name: "x", Instructions: "x"}}); err == nil {
		t.Fatal("CreateTestFlows on an unknown session succeeded")
	}
	if _, err := s.DeleteTestFlow(c, db.NewID()); err == nil {
		t.Fatal("DeleteTestFlow of an unknown flow succeeded")
	}
	// A sentinel write: the next change must be its, not a refused write's.
	sentinel := mustSession(t, s, "sentinel", "")
	expect("refused writes, then a session", change(db.CollTestSessions, db.ChangeInsert, sentinel.ID, sentinel.ID))

	_, err = s.DeleteTestFlow(c, flows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got = take(2)
	if !sameChanges(got, []db.Change{change(db.CollTestFlows, db.ChangeDelete, flows[0].ID, session.ID), change(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID)}) {
		t.Errorf("DeleteTestFlow published %v, want the flow's delete and its session's update", got)
	}

	if _, err := s.DeleteTestSession(c, session.ID); err != nil {
		t.Fatal(err)
	}
	// Take changes until the session's delete is among them (a backend may
	// publish its children's deletes before or after it).
	got = nil
	for i := 0; i < 10 && !slices.Contains(got, change(db.CollTestSessions, db.ChangeDelete, session.ID, session.ID)); i++ {
		got = append(got, take(1)...)
	}
	if !slices.ContainsFunc(got, func(ch db.Change) bool {
		return ch == change(db.CollTestSessions, db.ChangeDelete, session.ID, session.ID)
	}) {
		t.Errorf("DeleteTestSession published %v, want the session's delete among them", got)
	}
	for _, ch := range got {
		if ch.SessionID != session.ID && ch.SessionID != "" {
			t.Errorf("DeleteTestSession published %v, about another session", ch)
		}
	}
}

func sameChanges(got, want []db.Change) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}
