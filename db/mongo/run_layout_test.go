package mongo

import (
	"context"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// checkRunLayout runs a flow and fails t unless the run's fields are
// stored under their names with their BSON types, and the fields of a
// claim are gone once the flow ends.
func checkRunLayout(t *testing.T, s *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "run layout"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{
		{Name: "a", Instructions: "x", Approved: true}, {Name: "b", Instructions: "y", Approved: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkFieldTypes(t, "a new flow", rawDoc(t, s, "testFlows", flows[0].ID), map[string]bson.Type{"attempts": bson.TypeInt64})
	checkFieldTypes(t, "a new session", rawDoc(t, s, "testSessions", sess.ID), map[string]bson.Type{
		"failedFlows": bson.TypeInt64, "runFlows": bson.TypeInt64,
	})
	if _, _, err := s.StartRun(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	claimed, err := s.ClaimFlow(ctx, "worker-1", time.Minute)
	if err != nil || claimed == nil {
		t.Fatalf("ClaimFlow = %v, %v", claimed, err)
	}
	checkFieldTypes(t, "a claimed flow", rawDoc(t, s, "testFlows", claimed.ID), map[string]bson.Type{
		"status": bson.TypeString, "queuedAt": bson.TypeDateTime, "attempts": bson.TypeInt64,
		"leaseOwner": bson.TypeString, "leaseExpires": bson.TypeDateTime, "startedAt": bson.TypeDateTime,
	})
	checkFieldTypes(t, "a running session", rawDoc(t, s, "testSessions", sess.ID), map[string]bson.Type{
		"status": bson.TypeString, "startedAt": bson.TypeDateTime, "completedFlows": bson.TypeInt64,
		"failedFlows": bson.TypeInt64, "runFlows": bson.TypeInt64,
	})

	shot, err := s.SaveArtifact(ctx, db.NewArtifact{SessionID: sess.ID, FlowID: claimed.ID, Name: "shot", ContentType: "image/png", Data: []byte("png")})
	if err != nil {
		t.Fatal(err)
	}
	stepErr := "no button"
	steps := []db.StepResult{
		{Line: 1, Source: "Go to /", Status: db.StepPassed, DurationMs: 5},
		{Line: 2, Source: "Click", Status: db.StepFailed, DurationMs: 7, Error: &stepErr, ScreenshotID: &shot.ID},
	}
	if _, _, err := s.FinishFlow(ctx, claimed.ID, "worker-1", db.FlowOutcome{Error: stepErr, Duration: 12 * time.Millisecond, Steps: steps}); err != nil {
		t.Fatal(err)
	}
	finished := rawDoc(t, s, "testFlows", claimed.ID)
	checkFieldTypes(t, "a finished flow", finished, map[string]bson.Type{
		"status": bson.TypeString, "completedAt": bson.TypeDateTime, "durationMs": bson.TypeInt64,
		"error": bson.TypeString, "attempts": bson.TypeInt64, "steps": bson.TypeArray,
		"steps.0.line": bson.TypeInt64, "steps.0.source": bson.TypeString, "steps.0.status": bson.TypeString,
		"steps.0.durationMs": bson.TypeInt64, "steps.1.error": bson.TypeString, "steps.1.screenshotId": bson.TypeObjectID,
	})
	for _, field := range []string{"queuedAt", "leaseOwner", "leaseExpires"} {
		if _, err := finished.LookupErr(field); err == nil {
			t.Errorf("testFlows: a finished flow still has %s: %s", field, finished)
		}
	}
	for _, path := range [][]string{{"steps", "0", "error"}, {"steps", "0", "screenshotId"}} {
		if _, err := finished.LookupErr(path...); err == nil {
			t.Errorf("testFlows: a passed step has %v: %s", path, finished)
		}
	}
	checkFieldTypes(t, "an artifact", rawDoc(t, s, "artifacts.files", shot.ID), map[string]bson.Type{
		"length": bson.TypeInt64, "uploadDate": bson.TypeDateTime, "filename": bson.TypeString,
		"metadata.sessionId": bson.TypeObjectID, "metadata.flowId": bson.TypeObjectID,
		"metadata.name": bson.TypeString, "metadata.contentType": bson.TypeString,
	})
}

// checkOldDocuments stores a session and flows as the store wrote them
// before runs existed, and fails t unless they read with zero run fields
// and a run over them works.
func checkOldDocuments(t *testing.T, s *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	created := db.Now().Add(-time.Hour)
	sessionID := bson.NewObjectID()
	flowIDs := []bson.ObjectID{bson.NewObjectID(), bson.NewObjectID()}
	if _, err := s.sessions.InsertOne(ctx, bson.D{
		{Key: "_id", Value: sessionID}, {Key: "name", Value: "old"}, {Key: "prompt", Value: "p"},
		{Key: "status", Value: "completed"}, {Key: "createdAt", Value: created},
		{Key: "startedAt", Value: created}, {Key: "completedAt", Value: created.Add(time.Minute)},
		{Key: "totalFlows", Value: int64(2)}, {Key: "completedFlows", Value: int64(1)},
		{Key: "metadata", Value: bson.D{{Key: "estimatedDuration", Value: int64(5000)}}},
		{Key: "flowSeq", Value: int64(2)},
	}); err != nil {
		t.Fatal(err)
	}
	oldFlow := func(i int, approved bool, status string) bson.D {
		d := bson.D{
			{Key: "_id", Value: flowIDs[i]}, {Key: "sessionId", Value: sessionID}, {Key: "name", Value: []string{"done", "idle"}[i]},
			{Key: "description", Value: ""}, {Key: "instructions", Value: "x"}, {Key: "approved", Value: approved},
			{Key: "status", Value: status}, {Key: "order", Value: int64(i)}, {Key: "createdAt", Value: created},
		}
		if status == "completed" {
			d = append(d, bson.E{Key: "startedAt", Value: created}, bson.E{Key: "completedAt", Value: created},
				bson.E{Key: "durationMs", Value: int64(1200)})
		}
		return d
	}
	if _, err := s.flows.InsertMany(ctx, []any{oldFlow(0, true, "completed"), oldFlow(1, false, "pending")}); err != nil {
		t.Fatal(err)
	}

	sess, err := s.GetTestSession(ctx, sessionID.Hex())
	if err != nil {
		t.Fatal(err)
	}
	if sess.FailedFlows != 0 || sess.RunFlows != 0 || sess.CompletedFlows != 1 || sess.TotalFlows != 2 ||
		sess.Metadata == nil || sess.Metadata.EstimatedDuration == nil || *sess.Metadata.EstimatedDuration != 5000 {
		t.Errorf("old session = %+v, want its counters, zero failedFlows and runFlows, its metadata", sess)
	}
	flows, err := s.ListTestFlows(ctx, sessionID.Hex())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range flows {
		if f.Queued || f.Attempts != 0 || f.Steps != nil {
			t.Errorf("old flow %s = %+v, want not queued, no attempts, no steps", f.Name, f)
		}
	}
	if flows[0].DurationMs == nil || *flows[0].DurationMs != 1200 || flows[0].Status != db.FlowCompleted {
		t.Errorf("old flow %s lost its result: %+v", flows[0].Name, flows[0])
	}

	// A run over old documents.
	started, queued, err := s.StartRun(ctx, sessionID.Hex())
	if err != nil {
		t.Fatal(err)
	}
	if started.RunFlows != 1 || started.CompletedFlows != 0 || len(queued) != 1 || queued[0].ID != flowIDs[0].Hex() {
		t.Errorf("StartRun over old documents = %+v, %v; want the approved flow queued", started, queued)
	}
	claimed, err := s.ClaimFlow(ctx, "w", time.Minute)
	if err != nil || claimed == nil || claimed.Attempts != 1 {
		t.Fatalf("ClaimFlow = %+v, %v; want the old flow on attempt 1", claimed, err)
	}
	checkFieldTypes(t, "an old flow once claimed", rawDoc(t, s, "testFlows", claimed.ID), map[string]bson.Type{"attempts": bson.TypeInt64})
	if _, ended, err := s.FinishFlow(ctx, claimed.ID, "w", db.FlowOutcome{Passed: true}); err != nil || ended == nil || ended.Status != db.SessionCompleted {
		t.Fatalf("FinishFlow = %+v, %v; want the session completed", ended, err)
	}
	// An old flow that never ran is retried into the finished session's run.
	retried, resumed, err := s.RetryFlow(ctx, flowIDs[1].Hex())
	if err != nil {
		t.Fatal(err)
	}
	if !retried.Queued || !retried.Approved || resumed.Status != db.SessionRunning || resumed.RunFlows != 2 || resumed.CompletedFlows != 1 {
		t.Errorf("RetryFlow of an old flow = %+v, %+v; want it queued and the session running 1 of 2", retried, resumed)
	}
	got, err := s.GetTestSession(ctx, sessionID.Hex())
	if err != nil {
		t.Fatal(err)
	}
	if got.Metadata == nil || got.Metadata.EstimatedDuration == nil || *got.Metadata.EstimatedDuration != 5000 {
		t.Errorf("the run lost the old session's estimatedDuration: %+v", got.Metadata)
	}
}
