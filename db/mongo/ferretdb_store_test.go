package mongo

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/testing-agent/backend/db/mongo/mongotest"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

func TestFerretDBCapabilities(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	s := openTestStore(t, f.URI, mongotest.FreshDatabase("caps"))
	if s.caps.transactions || s.caps.ttlIndexes || s.caps.atomicUpdates {
		t.Errorf("FerretDB v1 capabilities = %+v, want none: it has no transactions, TTL indexes or atomic updates", s.caps)
	}
}

func TestFerretDBIndexes(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	database := mongotest.FreshDatabase("indexes")
	s := openTestStore(t, f.URI, database)
	checkIndexes(t, s, DefaultStatsRetention)
	// A second Open finds the indexes and adds none.
	again := openTestStore(t, f.URI, database)
	checkIndexes(t, again, DefaultStatsRetention)
}

func TestFerretDBDocumentLayout(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	checkDocumentLayout(t, openTestStore(t, f.URI, mongotest.FreshDatabase("layout")))
}

// TestFerretDBDataSurvives checks that what a store wrote is there after
// Close and a new Open, and after FerretDB itself restarts on its files.
func TestFerretDBDataSurvives(t *testing.T) {
	dir := t.TempDir()
	f := mongotest.StartFerretDB(t, dir)
	database := mongotest.FreshDatabase("reopen")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()

	s := openTestStore(t, f.URI, database)
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "durable", Prompt: "p"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "a", Instructions: "x"}, {Name: "b", Instructions: "y"}})
	if err != nil {
		t.Fatal(err)
	}
	logLine, err := s.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: "m", Data: json.RawMessage(`[1,[2]]`)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	wantFlows := []string{flows[0].ID, flows[1].ID}
	check := func(t *testing.T, s *Store) {
		t.Helper()
		got, err := s.GetTestSession(ctx, sess.ID)
		if err != nil {
			t.Fatalf("GetTestSession after reopen: %v", err)
		}
		if got.TotalFlows != len(wantFlows) || got.Name != "durable" {
			t.Errorf("session after reopen = %+v, want %d flows", got, len(wantFlows))
		}
		list, err := s.ListTestFlows(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, f := range list {
			ids = append(ids, f.ID)
		}
		if !slices.Equal(ids, wantFlows) {
			t.Errorf("flows after reopen = %v, want %v", ids, wantFlows)
		}
		page, err := s.ListExecutionLogs(ctx, db.LogQuery{SessionID: sess.ID, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Logs) != 1 || page.Logs[0].ID != logLine.ID || string(page.Logs[0].Data) != `[1,[2]]` {
			t.Errorf("logs after reopen = %+v", page.Logs)
		}
		// Orders continue after the reopen.
		_, more, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "more", Instructions: "z"}})
		if err != nil {
			t.Fatal(err)
		}
		if last := list[len(list)-1].Order; more[0].Order <= last {
			t.Errorf("flow created after reopen has order %d, not after %d", more[0].Order, last)
		}
		wantFlows = append(wantFlows, more[0].ID)
	}
	t.Run("Reopen", func(t *testing.T) { check(t, openTestStore(t, f.URI, database)) })

	f.Stop()
	restarted := mongotest.StartFerretDB(t, dir)
	t.Run("FerretDBRestart", func(t *testing.T) { check(t, openTestStore(t, restarted.URI, database)) })
}

// TestFerretDBOrphansAreInvisible plays a crash in the middle of a cascade
// delete: the session document is gone, its children are not. Clients must
// not reach the children.
func TestFerretDBOrphansAreInvisible(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	s := openTestStore(t, f.URI, mongotest.FreshDatabase("orphans"))
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "doomed"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "a", Instructions: "x"}, {Name: "b", Instructions: "y"}})
	if err != nil {
		t.Fatal(err)
	}
	oid, _ := bson.ObjectIDFromHex(sess.ID)
	if _, err := s.sessions.DeleteOne(ctx, bson.D{{Key: "_id", Value: oid}}); err != nil {
		t.Fatal(err)
	}

	orphan := flows[0].ID
	calls := map[string]func() error{
		"GetTestFlow": func() error { _, err := s.GetTestFlow(ctx, orphan); return err },
		"UpdateTestFlow": func() error {
			_, err := s.UpdateTestFlow(ctx, orphan, db.TestFlowUpdate{Name: ptr("n")})
			return err
		},
		"SetFlowsApproved": func() error { _, err := s.SetFlowsApproved(ctx, []string{orphan}, true); return err },
		"TransitionTestFlow": func() error {
			_, err := s.TransitionTestFlow(ctx, orphan, []db.FlowStatus{db.FlowPending}, db.FlowCompleted)
			return err
		},
		"DeleteTestFlow": func() error { _, err := s.DeleteTestFlow(ctx, flows[1].ID); return err },
		"ListTestFlows":  func() error { _, err := s.ListTestFlows(ctx, sess.ID); return err },
		"CreateTestFlows": func() error {
			_, _, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "c", Instructions: "z"}})
			return err
		},
		"DeleteTestSession":   func() error { _, err := s.DeleteTestSession(ctx, sess.ID); return err },
		"ListBrowserSessions": func() error { _, err := s.ListBrowserSessions(ctx, sess.ID); return err },
	}
	for name, call := range calls {
		if err := call(); db.ErrorCode(err) != db.ErrNotFound {
			t.Errorf("%s on an orphan: got %v, want %s", name, err, db.ErrNotFound)
		}
	}
}

// TestFerretDBStatsPruned checks the hand-made retention on a server
// without TTL indexes: expired samples are never listed, and they are
// deleted at the next Open.
func TestFerretDBStatsPruned(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	database := mongotest.FreshDatabase("prune")
	hour := func(o *Options) { o.StatsRetention = time.Hour }
	s := openTestStore(t, f.URI, database, hour)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	old, err := s.RecordSystemStats(ctx, db.SystemStats{Timestamp: db.Now().Add(-2 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := s.RecordSystemStats(ctx, db.SystemStats{Timestamp: db.Now().Add(-time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	checkOnlyFresh := func(what string, s *Store) {
		list, err := s.ListSystemStats(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].ID != fresh.ID {
			t.Errorf("stats %s = %d samples, want only the fresh one %s (not %s)", what, len(list), fresh.ID, old.ID)
		}
	}
	checkOnlyFresh("before a prune", s)
	stored := func() int64 {
		n, err := s.stats.CountDocuments(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := stored(); n != 2 {
		t.Fatalf("%d samples stored before the reopen, want 2 (the prune ran early?)", n)
	}
	checkOnlyFresh("after reopen", openTestStore(t, f.URI, database, hour))
	if n := stored(); n != 1 {
		t.Errorf("%d samples stored after the reopen, want 1: the expired one is not deleted", n)
	}
}

func ptr[T any](v T) *T { return &v }
