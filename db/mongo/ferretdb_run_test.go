package mongo

import (
	"context"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo/mongotest"
)

func TestFerretDBRunLayout(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	checkRunLayout(t, openTestStore(t, f.URI, mongotest.FreshDatabase("runlayout")))
}

func TestFerretDBOldDocuments(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	checkOldDocuments(t, openTestStore(t, f.URI, mongotest.FreshDatabase("old")))
}

func TestFerretDBArtifactsOnGridFS(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	checkArtifactsOnGridFS(t, openTestStore(t, f.URI, mongotest.FreshDatabase("artifacts")))
}

// TestFerretDBUndoBeginRun covers the path StartRun takes when a session's
// flows were all unapproved between its check and its queueing (a race
// only possible without transactions across processes): the session is set
// back as it was.
func TestFerretDBUndoBeginRun(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	s := openTestStore(t, f.URI, mongotest.FreshDatabase("undo"))
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "undo"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "a", Instructions: "x", Approved: true}}); err != nil {
		t.Fatal(err)
	}
	// A finished run leaves counters, times and metadata to restore.
	if _, _, err := s.StartRun(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	claimed, err := s.ClaimFlow(ctx, "w", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.FinishFlow(ctx, claimed.ID, "w", db.FlowOutcome{Error: "boom"}); err != nil {
		t.Fatal(err)
	}
	want, err := s.GetTestSession(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want.Metadata == nil || want.Metadata.ErrorMessage == nil || want.CompletedAt == nil || want.FailedFlows != 1 {
		t.Fatalf("after a failed run the session is %+v: nothing to restore", want)
	}

	oid, _ := bson.ObjectIDFromHex(sess.ID)
	before, err := s.beginRun(ctx, oid, db.Now(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.undoBeginRun(ctx, before); db.ErrorCode(err) != db.ErrConflict {
		t.Errorf("undoBeginRun = %v, want the start refused with %s", err, db.ErrConflict)
	}
	got, err := s.GetTestSession(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != want.Status || !got.StartedAt.Equal(*want.StartedAt) || !got.CompletedAt.Equal(*want.CompletedAt) ||
		got.CompletedFlows != want.CompletedFlows || got.FailedFlows != want.FailedFlows || got.RunFlows != want.RunFlows ||
		got.Metadata == nil || *got.Metadata.ErrorMessage != *want.Metadata.ErrorMessage || *got.Metadata.ActualDuration != *want.Metadata.ActualDuration {
		t.Errorf("session set back = %+v (%+v), want %+v (%+v)", got, got.Metadata, want, want.Metadata)
	}
}
