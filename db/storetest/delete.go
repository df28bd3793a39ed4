package storetest

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/testing-agent/backend/db"
)

// fixture is a session with some of everything.
type fixture struct {
	session  *db.TestSession
	flows    []*db.TestFlow
	browsers []*db.BrowserSession
	logs     []*db.ExecutionLog
}

func makeFixture(t *testing.T, s db.Store, name string, nFlows, nBrowsers, nLogs int) fixture {
	t.Helper()
	var fx fixture
	fx.session = mustSession(t, s, name, "prompt of "+name)
	if nFlows > 0 {
		in := make([]db.NewTestFlow, nFlows)
		for i := range in {
			in[i] = newFlow(fmt.Sprintf("%s flow %d", name, i))
		}
		fx.session, fx.flows = mustFlows(t, s, fx.session.ID, in...)
	}
	for i := range nBrowsers {
		in := db.NewBrowserSession{SessionID: fx.session.ID, Status: db.BrowserRunning, BrowserType: "chromium"}
		if len(fx.flows) > 0 && i%2 == 0 {
			in.FlowID = &fx.flows[i%len(fx.flows)].ID
		}
		fx.browsers = append(fx.browsers, mustBrowser(t, s, in))
	}
	for i := range nLogs {
		in := db.NewExecutionLog{SessionID: fx.session.ID, Level: db.LogInfo, Message: fmt.Sprintf("%s log %d", name, i)}
		if len(fx.flows) > 0 {
			in.FlowID = &fx.flows[i%len(fx.flows)].ID
		}
		if len(fx.browsers) > 0 {
			in.BrowserSessionID = &fx.browsers[i%len(fx.browsers)].ID
		}
		fx.logs = append(fx.logs, mustLog(t, s, in))
	}
	return fx
}

// check fails t unless the store holds exactly fx.
func (fx fixture) check(t *testing.T, s db.Store, what string) {
	t.Helper()
	checkSessionEqual(t, what+": GetTestSession", mustGetSession(t, s, fx.session.ID), fx.session)
	checkFlowsEqual(t, what+": ListTestFlows", mustListFlows(t, s, fx.session.ID), fx.flows)
	bs := mustListBrowsers(t, s, fx.session.ID)
	if len(bs) != len(fx.browsers) {
		t.Errorf("%s: ListBrowserSessions returned %d, want %d", what, len(bs), len(fx.browsers))
	} else {
		for i := range bs {
			checkBrowserEqual(t, fmt.Sprintf("%s: ListBrowserSessions[%d]", what, i), bs[i], fx.browsers[i])
		}
	}
	logs := allLogs(t, s, db.LogQuery{SessionID: fx.session.ID, Limit: db.MaxListLimit})
	checkLogsEqual(t, what+": ListExecutionLogs", logs, sortedLogs(fx.logs))
}

func testDeleteSession(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("Cascade", func(t *testing.T) {
		s := open(t)
		a := makeFixture(t, s, "a", 3, 2, 5)
		b := makeFixture(t, s, "b", 2, 1, 3)

		got, err := s.DeleteTestSession(ctx(t), a.session.ID)
		if err != nil {
			t.Fatalf("DeleteTestSession: %v", err)
		}
		if got == nil {
			t.Fatal("DeleteTestSession returned nil and no error")
		}
		if got.SessionID != a.session.ID {
			t.Errorf("DeletedSession.SessionID = %s, want %s", got.SessionID, a.session.ID)
		}
		gotFlows, wantFlows := slices.Sorted(slices.Values(got.FlowIDs)), slices.Sorted(slices.Values(flowIDs(a.flows)))
		if !reflect.DeepEqual(gotFlows, wantFlows) {
			t.Errorf("DeletedSession.FlowIDs = %v, want (in any order) %v", got.FlowIDs, wantFlows)
		}
		if got.BrowserSessions != len(a.browsers) {
			t.Errorf("DeletedSession.BrowserSessions = %d, want %d", got.BrowserSessions, len(a.browsers))
		}
		if got.ExecutionLogs != len(a.logs) {
			t.Errorf("DeletedSession.ExecutionLogs = %d, want %d", got.ExecutionLogs, len(a.logs))
		}

		id := a.session.ID
		_, err = s.GetTestSession(ctx(t), id)
		wantCode(t, err, db.ErrNotFound, "GetTestSession(deleted session)")
		_, err = s.ListTestFlows(ctx(t), id)
		wantCode(t, err, db.ErrNotFound, "ListTestFlows(deleted session)")
		_, err = s.ListBrowserSessions(ctx(t), id)
		wantCode(t, err, db.ErrNotFound, "ListBrowserSessions(deleted session)")
		_, err = s.ListExecutionLogs(ctx(t), db.LogQuery{SessionID: id, Limit: 10})
		wantCode(t, err, db.ErrNotFound, "ListExecutionLogs(deleted session)")
		for i, f := range a.flows {
			_, err = s.GetTestFlow(ctx(t), f.ID)
			wantCode(t, err, db.ErrNotFound, fmt.Sprintf("GetTestFlow(flow %d of the deleted session)", i))
		}
		_, err = s.UpdateTestFlow(ctx(t), a.flows[0].ID, db.TestFlowUpdate{Name: ptr("x")})
		wantCode(t, err, db.ErrNotFound, "UpdateTestFlow(flow of the deleted session)")
		_, err = s.DeleteTestFlow(ctx(t), a.flows[0].ID)
		wantCode(t, err, db.ErrNotFound, "DeleteTestFlow(flow of the deleted session)")
		_, err = s.SetFlowsApproved(ctx(t), []string{a.flows[0].ID}, true)
		wantCode(t, err, db.ErrNotFound, "SetFlowsApproved(flow of the deleted session)")

		// Nothing can be added to a deleted session.
		_, _, err = s.CreateTestFlows(ctx(t), id, []db.NewTestFlow{newFlow("late")})
		wantCode(t, err, db.ErrNotFound, "CreateTestFlows(deleted session)")
		_, err = s.CreateBrowserSession(ctx(t), db.NewBrowserSession{SessionID: id, Status: db.BrowserStarting, BrowserType: "chromium"})
		wantCode(t, err, db.ErrNotFound, "CreateBrowserSession(deleted session)")
		_, err = s.AppendExecutionLog(ctx(t), db.NewExecutionLog{SessionID: id, Level: db.LogInfo, Message: "late"})
		wantCode(t, err, db.ErrNotFound, "AppendExecutionLog(deleted session)")

		// The other session is untouched.
		b.check(t, s, "the other session after the delete")
		if got := sessionIDs(mustListSessions(t, s, 10)); !reflect.DeepEqual(got, []string{b.session.ID}) {
			t.Errorf("ListTestSessions after the delete = %v, want [%s]", got, b.session.ID)
		}

		_, err = s.DeleteTestSession(ctx(t), id)
		wantCode(t, err, db.ErrNotFound, "DeleteTestSession(deleted session)")
		b.check(t, s, "the other session after deleting again")
	})

	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "empty", "")
		got, err := s.DeleteTestSession(ctx(t), sess.ID)
		if err != nil {
			t.Fatalf("DeleteTestSession: %v", err)
		}
		if got == nil {
			t.Fatal("DeleteTestSession returned nil and no error")
		}
		if got.SessionID != sess.ID || len(got.FlowIDs) != 0 || got.BrowserSessions != 0 || got.ExecutionLogs != 0 {
			t.Errorf("DeleteTestSession(empty session) = %+v, want {SessionID:%s} and nothing else", *got, sess.ID)
		}
		if n := len(mustListSessions(t, s, 10)); n != 0 {
			t.Errorf("ListTestSessions after deleting the only session returned %d sessions", n)
		}
	})

	t.Run("Unknown", func(t *testing.T) {
		s := open(t)
		b := makeFixture(t, s, "b", 1, 1, 1)
		_, err := s.DeleteTestSession(ctx(t), db.NewID())
		wantCode(t, err, db.ErrNotFound, "DeleteTestSession(unknown ID)")
		_, err = s.DeleteTestSession(ctx(t), b.flows[0].ID)
		wantCode(t, err, db.ErrNotFound, "DeleteTestSession(ID of a flow)")
		b.check(t, s, "a session after deleting unknown ones")
	})
}
