package mongo

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo/mongotest"
	"github.com/testing-agent/backend/db/sqlite"
)

// TestRunFeedMatchesSQLite plays one script of run calls on both backends
// and fails unless each call publishes the same changes (as a set: the
// embedded store may record one twice).
func TestRunFeedMatchesSQLite(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	onMongo := playRunFeed(t, openTestStore(t, f.URI, mongotest.FreshDatabase("runfeed")))
	lite, err := sqlite.Open(t.Context(), sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	onSQLite := playRunFeed(t, lite)
	for i := range onSQLite {
		if !slices.Equal(onMongo[i].changes, onSQLite[i].changes) {
			t.Errorf("%s published\n  mongo:  %v\n  sqlite: %v", onSQLite[i].call, onMongo[i].changes, onSQLite[i].changes)
		}
	}
}

type publishedBy struct {
	call    string
	changes []string
}

// playRunFeed returns what each call of a run script published, with IDs
// replaced by names (S the session, F0 to F2 its flows).
func playRunFeed(t *testing.T, s db.Store) []publishedBy {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "feed"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{
		{Name: "F0", Instructions: "x", Approved: true}, {Name: "F1", Instructions: "x", Approved: true}, {Name: "F2", Instructions: "x"},
	})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{sess.ID: "S"}
	for _, f := range flows {
		names[f.ID] = f.Name
	}
	w := s.(db.ChangeFeed).Watch()
	defer w.Close()
	var out []publishedBy
	// Both backends publish before the call returns when no change stream
	// feeds them.
	record := func(call string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		var got []string
		for _, c := range w.Drain() {
			got = append(got, fmt.Sprintf("%s %s %s of %s", c.Collection, c.Op, names[c.ID], names[c.SessionID]))
		}
		slices.Sort(got)
		out = append(out, publishedBy{call, slices.Compact(got)})
	}
	claim := func(lease time.Duration) string {
		f, err := s.ClaimFlow(ctx, "w", lease)
		if err != nil || f == nil {
			t.Fatalf("ClaimFlow = %v, %v", f, err)
		}
		record("ClaimFlow", nil)
		return f.ID
	}

	_, _, err = s.StartRun(ctx, sess.ID)
	record("StartRun", err)
	first := claim(time.Minute)
	record("RenewLease", s.RenewLease(ctx, first, "w", time.Minute))
	_, _, err = s.FinishFlow(ctx, first, "w", db.FlowOutcome{Error: "boom"})
	record("FinishFlow", err)
	claim(time.Second)
	_, err = s.RecoverExpiredLeases(ctx, db.Now().Add(time.Minute))
	record("RecoverExpiredLeases", err)
	_, _, err = s.RetryFlow(ctx, first)
	record("RetryFlow", err)
	claim(time.Minute)
	_, err = s.SaveArtifact(ctx, db.NewArtifact{SessionID: sess.ID, FlowID: first, Name: "shot", ContentType: "image/png", Data: []byte("x")})
	record("SaveArtifact", err)
	_, _, err = s.CancelRun(ctx, sess.ID)
	record("CancelRun", err)
	return out
}

// TestFerretDBFailedFlowsFollowStatus checks that failedFlows, like
// completedFlows, follows flows into and out of failed, outside runs too.
func TestFerretDBFailedFlowsFollowStatus(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	s := openTestStore(t, f.URI, mongotest.FreshDatabase("failed"))
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "failed"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "a", Instructions: "x"}, {Name: "b", Instructions: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, completed, failed int) {
		t.Helper()
		got, err := s.GetTestSession(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.CompletedFlows != completed || got.FailedFlows != failed {
			t.Errorf("after %s: completedFlows %d, failedFlows %d; want %d, %d", what, got.CompletedFlows, got.FailedFlows, completed, failed)
		}
	}
	move := func(id string, from, to db.FlowStatus) {
		t.Helper()
		if _, err := s.TransitionTestFlow(ctx, id, []db.FlowStatus{from}, to); err != nil {
			t.Fatal(err)
		}
	}
	move(flows[0].ID, db.FlowPending, db.FlowFailed)
	check("a flow failed", 0, 1)
	move(flows[0].ID, db.FlowFailed, db.FlowCompleted)
	check("it completed", 1, 0)
	move(flows[1].ID, db.FlowPending, db.FlowFailed)
	check("another failed", 1, 1)
	updated, err := s.DeleteTestFlow(ctx, flows[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if updated.FailedFlows != 0 || updated.TotalFlows != 1 {
		t.Errorf("DeleteTestFlow(failed flow) returned failedFlows %d, totalFlows %d; want 0, 1", updated.FailedFlows, updated.TotalFlows)
	}
	check("the failed one was deleted", 1, 0)
}
