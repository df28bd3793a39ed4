package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/testing-agent/backend/db"
)

func mustTransitionSession(t *testing.T, s db.Store, id string, from []db.SessionStatus, to db.SessionStatus) *db.TestSession {
	t.Helper()
	got, err := s.TransitionTestSession(ctx(t), id, from, to)
	if err != nil {
		t.Fatalf("TransitionTestSession(%s, %v -> %s): %v", id, from, to, err)
	}
	if got == nil {
		t.Fatalf("TransitionTestSession returned nil and no error")
	}
	return got
}

func mustTransitionFlow(t *testing.T, s db.Store, id string, from []db.FlowStatus, to db.FlowStatus) *db.TestFlow {
	t.Helper()
	got, err := s.TransitionTestFlow(ctx(t), id, from, to)
	if err != nil {
		t.Fatalf("TransitionTestFlow(%s, %v -> %s): %v", id, from, to, err)
	}
	if got == nil {
		t.Fatalf("TransitionTestFlow returned nil and no error")
	}
	return got
}

// checkCompletedFlows fails t unless the session's CompletedFlows is the
// number of its flows whose status is completed, and is want.
func checkCompletedFlows(t *testing.T, s db.Store, sessionID string, want int) {
	t.Helper()
	n := 0
	for _, f := range mustListFlows(t, s, sessionID) {
		if f.Status == db.FlowCompleted {
			n++
		}
	}
	if n != want {
		t.Errorf("session has %d completed flows, want %d", n, want)
	}
	if got := mustGetSession(t, s, sessionID).CompletedFlows; got != want {
		t.Errorf("session CompletedFlows = %d, want %d", got, want)
	}
}

func testTransitions(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("SessionLifecycle", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "lifecycle", "")
		want := *sess

		for _, to := range []db.SessionStatus{db.SessionGenerating, db.SessionReady} {
			got := mustTransitionSession(t, s, sess.ID, []db.SessionStatus{want.Status}, to)
			want.Status = to
			checkSessionEqual(t, "TransitionTestSession to "+string(to), got, &want)
		}

		w := begin()
		got := mustTransitionSession(t, s, sess.ID, []db.SessionStatus{db.SessionPending, db.SessionReady}, db.SessionRunning)
		w = w.end()
		if got.StartedAt == nil {
			t.Fatal("TransitionTestSession to running left StartedAt nil")
		}
		w.checkNow(t, "StartedAt after running", *got.StartedAt)
		want.Status, want.StartedAt = db.SessionRunning, got.StartedAt
		checkSessionEqual(t, "TransitionTestSession to running", got, &want)
		checkSessionEqual(t, "GetTestSession after running", mustGetSession(t, s, sess.ID), &want)

		w = begin()
		got = mustTransitionSession(t, s, sess.ID, []db.SessionStatus{db.SessionRunning}, db.SessionFailed)
		w = w.end()
		if got.CompletedAt == nil {
			t.Fatal("TransitionTestSession to failed left CompletedAt nil")
		}
		w.checkNow(t, "CompletedAt after failed", *got.CompletedAt)
		want.Status, want.CompletedAt = db.SessionFailed, got.CompletedAt
		checkSessionEqual(t, "TransitionTestSession to failed", got, &want)
		checkSessionEqual(t, "GetTestSession after failed", mustGetSession(t, s, sess.ID), &want)

		// Running again (a retry) restarts the clock and clears CompletedAt.
		got = mustTransitionSession(t, s, sess.ID, []db.SessionStatus{db.SessionFailed, db.SessionCompleted}, db.SessionRunning)
		if got.StartedAt == nil || got.CompletedAt != nil {
			t.Errorf("after running again, StartedAt = %v, CompletedAt = %v; want set, nil", fmtPtr(got.StartedAt), fmtPtr(got.CompletedAt))
		}
		got = mustTransitionSession(t, s, sess.ID, []db.SessionStatus{db.SessionRunning}, db.SessionCompleted)
		if got.CompletedAt == nil || got.StartedAt == nil {
			t.Errorf("after completed, StartedAt = %v, CompletedAt = %v; want both set", fmtPtr(got.StartedAt), fmtPtr(got.CompletedAt))
		} else if got.CompletedAt.Before(*got.StartedAt) {
			t.Errorf("CompletedAt %v is before StartedAt %v", got.CompletedAt, got.StartedAt)
		}
		checkSessionEqual(t, "GetTestSession after completed", mustGetSession(t, s, sess.ID), got)
	})

	t.Run("SessionRejects", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "rejects", "")
		cases := []struct {
			what string
			id   string
			from []db.SessionStatus
			to   db.SessionStatus
			code string
		}{
			{"status not in from", sess.ID, []db.SessionStatus{db.SessionReady, db.SessionFailed}, db.SessionRunning, db.ErrConflict},
			{"empty from", sess.ID, nil, db.SessionRunning, db.ErrInvalid},
			{"unknown from status", sess.ID, []db.SessionStatus{"paused"}, db.SessionRunning, db.ErrInvalid},
			{"unknown to status", sess.ID, []db.SessionStatus{db.SessionPending}, "paused", db.ErrInvalid},
			{"malformed ID", "xyz", []db.SessionStatus{db.SessionPending}, db.SessionRunning, db.ErrInvalid},
			{"unknown ID", db.NewID(), []db.SessionStatus{db.SessionPending}, db.SessionRunning, db.ErrNotFound},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				_, err := s.TransitionTestSession(ctx(t), c.id, c.from, c.to)
				wantCode(t, err, c.code, "TransitionTestSession with "+c.what)
				checkSessionEqual(t, "session after a rejected transition", mustGetSession(t, s, sess.ID), sess)
			})
		}
	})

	t.Run("FlowLifecycle", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "flow lifecycle", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"), newFlow("f1"), newFlow("f2"))
		want := *fs[0]

		w := begin()
		got := mustTransitionFlow(t, s, fs[0].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning)
		w = w.end()
		if got.StartedAt == nil {
			t.Fatal("TransitionTestFlow to running left StartedAt nil")
		}
		w.checkNow(t, "flow StartedAt after running", *got.StartedAt)
		want.Status, want.StartedAt = db.FlowRunning, got.StartedAt
		checkFlowEqual(t, "TransitionTestFlow to running", got, &want)
		checkFlowEqual(t, "GetTestFlow after running", mustGetFlow(t, s, fs[0].ID), &want)
		checkCompletedFlows(t, s, sess.ID, 0)

		w = begin()
		got = mustTransitionFlow(t, s, fs[0].ID, []db.FlowStatus{db.FlowRunning}, db.FlowCompleted)
		w = w.end()
		if got.CompletedAt == nil {
			t.Fatal("TransitionTestFlow to completed left CompletedAt nil")
		}
		w.checkNow(t, "flow CompletedAt after completed", *got.CompletedAt)
		want.Status, want.CompletedAt = db.FlowCompleted, got.CompletedAt
		checkFlowEqual(t, "TransitionTestFlow to completed", got, &want)
		checkFlowEqual(t, "GetTestFlow after completed", mustGetFlow(t, s, fs[0].ID), &want)
		checkCompletedFlows(t, s, sess.ID, 1)

		mustTransitionFlow(t, s, fs[1].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning)
		got = mustTransitionFlow(t, s, fs[1].ID, []db.FlowStatus{db.FlowRunning}, db.FlowFailed)
		if got.CompletedAt == nil {
			t.Error("TransitionTestFlow to failed left CompletedAt nil")
		}
		checkCompletedFlows(t, s, sess.ID, 1)
		mustTransitionFlow(t, s, fs[2].ID, []db.FlowStatus{db.FlowPending}, db.FlowCompleted)
		checkCompletedFlows(t, s, sess.ID, 2)

		// Leaving completed (a retry) takes the flow out of CompletedFlows and
		// clears CompletedAt.
		got = mustTransitionFlow(t, s, fs[0].ID, []db.FlowStatus{db.FlowCompleted, db.FlowFailed}, db.FlowRunning)
		if got.StartedAt == nil || got.CompletedAt != nil {
			t.Errorf("after running again, StartedAt = %v, CompletedAt = %v; want set, nil", fmtPtr(got.StartedAt), fmtPtr(got.CompletedAt))
		}
		checkCompletedFlows(t, s, sess.ID, 1)
		mustTransitionFlow(t, s, fs[2].ID, []db.FlowStatus{db.FlowCompleted}, db.FlowPending)
		checkCompletedFlows(t, s, sess.ID, 0)

		// Deleting a completed flow takes it out of CompletedFlows too.
		mustTransitionFlow(t, s, fs[2].ID, []db.FlowStatus{db.FlowPending}, db.FlowCompleted)
		checkCompletedFlows(t, s, sess.ID, 1)
		gotSess, err := s.DeleteTestFlow(ctx(t), fs[2].ID)
		if err != nil {
			t.Fatalf("DeleteTestFlow(completed flow): %v", err)
		}
		if gotSess.CompletedFlows != 0 || gotSess.TotalFlows != 2 {
			t.Errorf("DeleteTestFlow(completed flow) returned CompletedFlows %d, TotalFlows %d; want 0, 2", gotSess.CompletedFlows, gotSess.TotalFlows)
		}
		checkCompletedFlows(t, s, sess.ID, 0)
	})

	t.Run("FlowRejects", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "rejects", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("f0"))
		cases := []struct {
			what string
			id   string
			from []db.FlowStatus
			to   db.FlowStatus
			code string
		}{
			{"status not in from", fs[0].ID, []db.FlowStatus{db.FlowRunning, db.FlowFailed}, db.FlowCompleted, db.ErrConflict},
			{"empty from", fs[0].ID, []db.FlowStatus{}, db.FlowRunning, db.ErrInvalid},
			{"unknown from status", fs[0].ID, []db.FlowStatus{"queued"}, db.FlowRunning, db.ErrInvalid},
			{"unknown to status", fs[0].ID, []db.FlowStatus{db.FlowPending}, "done", db.ErrInvalid},
			{"malformed ID", strings.ToUpper(fs[0].ID), []db.FlowStatus{db.FlowPending}, db.FlowRunning, db.ErrInvalid},
			{"unknown ID", db.NewID(), []db.FlowStatus{db.FlowPending}, db.FlowRunning, db.ErrNotFound},
			{"a session's ID", sess.ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning, db.ErrNotFound},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
				_, err := s.TransitionTestFlow(ctx(t), c.id, c.from, c.to)
				wantCode(t, err, c.code, "TransitionTestFlow with "+c.what)
				checkFlowEqual(t, "flow after a rejected transition", mustGetFlow(t, s, fs[0].ID), fs[0])
			})
		}
	})

	t.Run("RunningFlowConflicts", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "conflicts", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("idle"), newFlow("running"))
		running := mustTransitionFlow(t, s, fs[1].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning)
		sessBefore := mustGetSession(t, s, sess.ID)

		_, err := s.UpdateTestFlow(ctx(t), running.ID, db.TestFlowUpdate{Name: ptr("renamed")})
		wantCode(t, err, db.ErrConflict, "UpdateTestFlow(running flow)")
		_, err = s.DeleteTestFlow(ctx(t), running.ID)
		wantCode(t, err, db.ErrConflict, "DeleteTestFlow(running flow)")
		_, err = s.SetFlowsApproved(ctx(t), []string{fs[0].ID, running.ID}, true)
		wantCode(t, err, db.ErrConflict, "SetFlowsApproved(including a running flow)")

		checkFlowsEqual(t, "flows after the rejected changes", mustListFlows(t, s, sess.ID), []*db.TestFlow{fs[0], running})
		checkSessionEqual(t, "session after the rejected changes", mustGetSession(t, s, sess.ID), sessBefore)

		// Once it has stopped, the flow can be changed again.
		mustTransitionFlow(t, s, running.ID, []db.FlowStatus{db.FlowRunning}, db.FlowFailed)
		if _, err := s.UpdateTestFlow(ctx(t), running.ID, db.TestFlowUpdate{Name: ptr("renamed")}); err != nil {
			t.Errorf("UpdateTestFlow(failed flow): %v", err)
		}
		if _, err := s.SetFlowsApproved(ctx(t), []string{running.ID}, true); err != nil {
			t.Errorf("SetFlowsApproved(failed flow): %v", err)
		}
		if _, err := s.DeleteTestFlow(ctx(t), running.ID); err != nil {
			t.Errorf("DeleteTestFlow(failed flow): %v", err)
		}
	})

	t.Run("DeleteActiveSessionConflicts", func(t *testing.T) {
		cases := []struct {
			path     []db.SessionStatus // statuses to go through from pending
			conflict bool
		}{
			{[]db.SessionStatus{db.SessionGenerating}, true},
			{[]db.SessionStatus{db.SessionRunning}, true},
			{[]db.SessionStatus{db.SessionGenerating, db.SessionReady}, false},
			{[]db.SessionStatus{db.SessionRunning, db.SessionCompleted}, false},
			{[]db.SessionStatus{db.SessionRunning, db.SessionFailed}, false},
		}
		s := open(t)
		for _, c := range cases {
			status := c.path[len(c.path)-1]
			t.Run(string(status), func(t *testing.T) {
				fx := makeFixture(t, s, "session "+string(status), 2, 1, 2)
				prev := db.SessionPending
				for _, st := range c.path {
					fx.session = mustTransitionSession(t, s, fx.session.ID, []db.SessionStatus{prev}, st)
					prev = st
				}
				_, err := s.DeleteTestSession(ctx(t), fx.session.ID)
				if c.conflict {
					wantCode(t, err, db.ErrConflict, "DeleteTestSession("+string(status)+" session)")
					fx.check(t, s, "a "+string(status)+" session after a rejected delete")
				} else if err != nil {
					t.Errorf("DeleteTestSession(%s session): %v", status, err)
				}
			})
		}
	})

	t.Run("ConcurrentClaim", func(t *testing.T) {
		// Of many workers claiming one pending flow, exactly one wins.
		s := open(t)
		sess := mustSession(t, s, "claim", "")
		_, fs := mustFlows(t, s, sess.ID, newFlow("contested"))
		var wins, conflicts atomic.Int32
		var mu sync.Mutex
		var other []error
		c, cancel := context.WithTimeout(ctx(t), concurrencyTimeout)
		defer cancel()
		var wg sync.WaitGroup
		start := make(chan struct{})
		for range workers {
			wg.Go(func() {
				<-start
				_, err := s.TransitionTestFlow(c, fs[0].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning)
				switch {
				case err == nil:
					wins.Add(1)
				case db.ErrorCode(err) == db.ErrConflict:
					conflicts.Add(1)
				default:
					mu.Lock()
					other = append(other, err)
					mu.Unlock()
				}
			})
		}
		close(start)
		wg.Wait()
		if len(other) > 0 {
			t.Fatalf("concurrent TransitionTestFlow: %d unexpected errors, e.g. %v", len(other), errors.Join(other...))
		}
		if wins.Load() != 1 || conflicts.Load() != workers-1 {
			t.Errorf("concurrent claims of one flow: %d won and %d got ErrConflict, want 1 and %d", wins.Load(), conflicts.Load(), workers-1)
		}
	})

	t.Run("ConcurrentCompletions", func(t *testing.T) {
		// CompletedFlows stays exact when flows complete at the same time.
		s := open(t)
		sess := mustSession(t, s, "completions", "")
		var ids []string
		for b := range (concurrent + db.MaxFlowsPerCall - 1) / db.MaxFlowsPerCall {
			n := min(db.MaxFlowsPerCall, concurrent-b*db.MaxFlowsPerCall)
			in := make([]db.NewTestFlow, n)
			for i := range in {
				in[i] = newFlow(fmt.Sprintf("flow %d", b*db.MaxFlowsPerCall+i))
			}
			_, fs := mustFlows(t, s, sess.ID, in...)
			ids = append(ids, flowIDs(fs)...)
		}
		errs := parallel(t, func(c context.Context, w, i int) error {
			_, err := s.TransitionTestFlow(c, ids[w*perWorker+i], []db.FlowStatus{db.FlowPending}, db.FlowCompleted)
			return err
		})
		reportErrors(t, "TransitionTestFlow", errs)
		checkCompletedFlows(t, s, sess.ID, concurrent)
	})
}
