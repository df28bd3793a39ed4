package storetest

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// testRuns checks the run lifecycle the executor drives: start, claim under
// a lease, finish, cancel, recover and retry.
func testRuns(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("StartRunQueuesApprovedFlows", func(t *testing.T) { testStartRun(t, open(t)) })
	t.Run("ClaimFinishEndsSession", func(t *testing.T) { testClaimAndFinish(t, open(t)) })
	t.Run("FinishWritesClosingLogs", func(t *testing.T) { testFinishWritesClosingLogs(t, open(t)) })
	t.Run("CancelRun", func(t *testing.T) { testCancelRun(t, open(t)) })
	t.Run("RecoverExpiredLeases", func(t *testing.T) { testRecoverExpiredLeases(t, open(t)) })
	t.Run("RetryFlow", func(t *testing.T) { testRetryFlow(t, open(t)) })
	t.Run("RetryAfterCancel", func(t *testing.T) { testRetryAfterCancel(t, open(t)) })
	t.Run("ConcurrentClaims", func(t *testing.T) { testConcurrentClaims(t, open(t)) })
	t.Run("Artifacts", func(t *testing.T) { testArtifacts(t, open(t)) })
}

const (
	workerA = "worker-a"
	workerB = "worker-b"
	lease   = 30 * time.Second
)

// sessionWithApproved makes a session with n flows, approving those listed.
func sessionWithApproved(t *testing.T, s db.Store, n int, approved ...int) (*db.TestSession, []*db.TestFlow) {
	t.Helper()
	in := make([]db.NewTestFlow, n)
	for i := range in {
		in[i] = newFlow(fmt.Sprint("flow ", i))
	}
	for _, i := range approved {
		in[i].Approved = true
	}
	return mustFlows(t, s, mustSession(t, s, "run", "").ID, in...)
}

func mustClaim(t *testing.T, s db.Store, worker string) *db.TestFlow {
	t.Helper()
	f, err := s.ClaimFlow(ctx(t), worker, lease)
	if err != nil || f == nil {
		t.Fatalf("ClaimFlow(%s) = %v, %v; want a flow", worker, f, err)
	}
	return f
}

func testStartRun(t *testing.T, s db.Store) {
	c := ctx(t)
	empty, _ := sessionWithApproved(t, s, 2)
	_, _, err := s.StartRun(c, empty.ID)
	wantCode(t, err, db.ErrConflict, "StartRun without an approved flow")
	if got := mustGetSession(t, s, empty.ID); got.Status != db.SessionPending {
		t.Errorf("a refused StartRun left the session %s", got.Status)
	}

	session, flows := sessionWithApproved(t, s, 3, 0, 2)
	w := begin()
	started, queued, err := s.StartRun(c, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	w = w.end()
	if started.Status != db.SessionRunning || started.RunFlows != 2 || started.CompletedFlows != 0 || started.FailedFlows != 0 || started.CompletedAt != nil {
		t.Errorf("started session = %+v, want running with runFlows 2", started)
	}
	if started.StartedAt == nil {
		t.Fatal("started session has no startedAt")
	}
	w.checkNow(t, "startedAt", *started.StartedAt)
	if len(queued) != 2 || queued[0].ID != flows[0].ID || queued[1].ID != flows[2].ID || !queued[0].Queued || queued[0].Status != db.FlowPending {
		t.Errorf("queued = %+v, want flows 0 and 2, queued and pending", queued)
	}
	if f := mustGetFlow(t, s, flows[1].ID); f.Queued {
		t.Error("an unapproved flow was queued")
	}
	_, _, err = s.StartRun(c, session.ID)
	wantCode(t, err, db.ErrConflict, "StartRun of a running session")
	_, err = s.DeleteTestFlow(c, flows[0].ID)
	wantCode(t, err, db.ErrConflict, "DeleteTestFlow of a queued flow")
	_, err = s.SetFlowsApproved(c, []string{flows[0].ID}, false)
	wantCode(t, err, db.ErrConflict, "unapproving a queued flow")
	// Nor may its steps change between approval and run.
	_, err = s.UpdateTestFlow(c, flows[0].ID, db.TestFlowUpdate{Instructions: ptr("Go to /elsewhere")})
	wantCode(t, err, db.ErrConflict, "editing a queued flow")
	_, _, err = s.StartRun(c, db.NewID())
	wantCode(t, err, db.ErrNotFound, "StartRun of an unknown session")
	_, _, err = s.StartRun(c, "nope")
	wantCode(t, err, db.ErrInvalid, "StartRun with a malformed ID")
}

func testClaimAndFinish(t *testing.T, s db.Store) {
	c := ctx(t)
	if f, err := s.ClaimFlow(c, workerA, lease); err != nil || f != nil {
		t.Fatalf("ClaimFlow with nothing queued = %v, %v; want nil, nil", f, err)
	}
	_, err := s.ClaimFlow(c, "", lease)
	wantCode(t, err, db.ErrInvalid, "ClaimFlow without a worker")

	session, flows := sessionWithApproved(t, s, 3, 0, 1, 2)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	first := mustClaim(t, s, workerA)
	second := mustClaim(t, s, workerB)
	if first.ID != flows[0].ID || second.ID != flows[1].ID {
		t.Errorf("claims took %s then %s, want the flows in order", first.Name, second.Name)
	}
	if first.Status != db.FlowRunning || first.Attempts != 1 || first.StartedAt == nil || !first.Queued {
		t.Errorf("claimed flow = %+v, want running, attempt 1, started, still queued", first)
	}
	if err := s.RenewLease(c, first.ID, workerA, lease); err != nil {
		t.Errorf("RenewLease by its worker: %v", err)
	}
	wantCode(t, s.RenewLease(c, first.ID, workerB, lease), db.ErrConflict, "RenewLease by another worker")
	wantCode(t, s.RenewLease(c, db.NewID(), workerA, lease), db.ErrNotFound, "RenewLease of an unknown flow")

	_, _, err = s.FinishFlow(c, first.ID, workerB, db.FlowOutcome{Passed: true})
	wantCode(t, err, db.ErrConflict, "FinishFlow by another worker")
	stepErr := "line 2: no button named \"Go\""
	shot := db.NewID()
	steps := []db.StepResult{
		{Line: 1, Source: "Go to /", Status: db.StepPassed, DurationMs: 120},
		{Line: 2, Source: "Click \"Go\"", Status: db.StepFailed, DurationMs: 10000, Error: &stepErr, ScreenshotID: &shot},
	}
	done, ended, err := s.FinishFlow(c, first.ID, workerA, db.FlowOutcome{Passed: false, Error: stepErr, Duration: 10120 * time.Millisecond, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	if ended != nil {
		t.Errorf("the session ended with flows still queued: %+v", ended)
	}
	if done.Status != db.FlowFailed || done.Error == nil || *done.Error != stepErr || done.DurationMs == nil || *done.DurationMs != 10120 ||
		done.Queued || done.CompletedAt == nil || len(done.Steps) != 2 || *done.Steps[1].Error != stepErr || *done.Steps[1].ScreenshotID != shot {
		t.Errorf("finished flow = %+v, want failed with its error, duration and both steps", done)
	}
	if got := mustGetFlow(t, s, first.ID); len(got.Steps) != 2 || got.Steps[0].Source != "Go to /" || got.Steps[0].Error != nil {
		t.Errorf("stored steps = %+v", got.Steps)
	}
	if got := mustGetSession(t, s, session.ID); got.FailedFlows != 1 || got.CompletedFlows != 0 || got.Status != db.SessionRunning {
		t.Errorf("session after one failure = %+v", got)
	}
	if _, _, err := s.FinishFlow(c, second.ID, workerB, db.FlowOutcome{Passed: true, Duration: time.Second}); err != nil {
		t.Fatal(err)
	}
	third := mustClaim(t, s, workerA)
	_, ended, err = s.FinishFlow(c, third.ID, workerA, db.FlowOutcome{Passed: true})
	if err != nil {
		t.Fatal(err)
	}
	if ended == nil || ended.Status != db.SessionFailed || ended.CompletedAt == nil || ended.Metadata == nil ||
		ended.Metadata.ErrorMessage == nil || ended.Metadata.ActualDuration == nil || ended.CompletedFlows != 2 || ended.FailedFlows != 1 {
		t.Fatalf("after the last flow the session is %+v, want failed with an error message and actual duration", ended)
	}
	if msg := *ended.Metadata.ErrorMessage; !bytes.Contains([]byte(msg), []byte("1 of 3 flows failed")) || !bytes.Contains([]byte(msg), []byte(flows[0].Name)) {
		t.Errorf("errorMessage %q should say 1 of 3 flows failed and name %q", msg, flows[0].Name)
	}
	_, _, err = s.FinishFlow(c, third.ID, workerA, db.FlowOutcome{Passed: true})
	wantCode(t, err, db.ErrConflict, "finishing a flow twice")

	// A run where everything passes completes the session.
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f := mustClaim(t, s, workerA)
		_, ended, err = s.FinishFlow(c, f.ID, workerA, db.FlowOutcome{Passed: true})
		if err != nil {
			t.Fatal(err)
		}
	}
	if ended == nil || ended.Status != db.SessionCompleted || ended.CompletedFlows != 3 || ended.FailedFlows != 0 || ended.RunFlows != 3 {
		t.Errorf("a run where all pass ended %+v, want completed 3/3", ended)
	}
	if ended != nil && ended.Metadata != nil && ended.Metadata.ErrorMessage != nil {
		t.Errorf("a completed run kept the error message %q", *ended.Metadata.ErrorMessage)
	}
}

// testFinishWritesClosingLogs: a flow's outcome and a session's end come
// with their logs in the same write, so whoever sees the session ended
// finds the run's last logs already there (the seed's UI showed the
// summary line with the final status).
func testFinishWritesClosingLogs(t *testing.T, s db.Store) {
	c := ctx(t)
	session, _ := sessionWithApproved(t, s, 2, 0, 1)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	first, second := mustClaim(t, s, workerA), mustClaim(t, s, workerB)
	browser := db.NewID()
	if _, _, err := s.FinishFlow(c, first.ID, workerA, db.FlowOutcome{Passed: true, Duration: 1500 * time.Millisecond, BrowserSessionID: &browser}); err != nil {
		t.Fatal(err)
	}
	_, ended, err := s.FinishFlow(c, second.ID, workerB, db.FlowOutcome{Error: "line 1: no button", Duration: time.Second})
	if err != nil || ended == nil {
		t.Fatalf("the last flow's FinishFlow = %v, %v; want the session ended", ended, err)
	}
	page, err := s.ListExecutionLogs(c, db.LogQuery{SessionID: session.ID, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		flowID  *string
		level   db.LogLevel
		message string
	}{
		{&first.ID, db.LogInfo, fmt.Sprintf("Flow %q passed in 1.5s", first.Name)},
		{&second.ID, db.LogError, fmt.Sprintf("Flow %q failed: line 1: no button", second.Name)},
		{nil, db.LogError, "Session failed: 1 of 2 flow(s) passed"},
	}
	if len(page.Logs) != len(want) {
		t.Fatalf("logs after the run: %d, want %d: %+v", len(page.Logs), len(want), page.Logs)
	}
	for i, w := range want {
		got := page.Logs[i]
		if got.Message != w.message || got.Level != w.level || (got.FlowID == nil) != (w.flowID == nil) || (w.flowID != nil && *got.FlowID != *w.flowID) {
			t.Errorf("log %d = %q (%s, flow %v), want %q (%s, flow %v)", i, got.Message, got.Level, got.FlowID, w.message, w.level, w.flowID)
		}
	}
	if id := page.Logs[0].BrowserSessionID; id == nil || *id != browser {
		t.Errorf("the first flow's log names browser session %v, want %s", id, browser)
	}
}

func testCancelRun(t *testing.T, s db.Store) {
	c := ctx(t)
	session, flows := sessionWithApproved(t, s, 3, 0, 1, 2)
	_, _, err := s.CancelRun(c, session.ID)
	wantCode(t, err, db.ErrConflict, "CancelRun of a session that is not running")
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	running := mustClaim(t, s, workerA)
	cancelled, stopped, err := s.CancelRun(c, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cancelled.Status != db.SessionFailed || cancelled.Metadata == nil || cancelled.Metadata.ErrorMessage == nil ||
		*cancelled.Metadata.ErrorMessage != db.CancelledMessage || cancelled.CompletedAt == nil {
		t.Errorf("cancelled session = %+v, want failed with errorMessage %q", cancelled, db.CancelledMessage)
	}
	if len(stopped) != 1 || stopped[0].ID != running.ID || stopped[0].Status != db.FlowFailed || *stopped[0].Error != db.CancelledMessage {
		t.Errorf("CancelRun returned %+v, want the running flow, failed as cancelled", stopped)
	}
	for _, f := range flows[1:] {
		if got := mustGetFlow(t, s, f.ID); got.Queued || got.Status != db.FlowPending {
			t.Errorf("flow %s after cancel = %+v, want pending and no longer queued", f.Name, got)
		}
	}
	if f, err := s.ClaimFlow(c, workerB, lease); err != nil || f != nil {
		t.Errorf("ClaimFlow after cancel = %v, %v; want nothing", f, err)
	}
	_, _, err = s.FinishFlow(c, running.ID, workerA, db.FlowOutcome{Passed: true})
	wantCode(t, err, db.ErrConflict, "FinishFlow of a cancelled flow")
	wantCode(t, s.RenewLease(c, running.ID, workerA, lease), db.ErrConflict, "RenewLease of a cancelled flow")
}

func testRecoverExpiredLeases(t *testing.T, s db.Store) {
	c := ctx(t)
	session, _ := sessionWithApproved(t, s, 2, 0, 1)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	lost, err := s.ClaimFlow(c, workerA, time.Second)
	if err != nil || lost == nil {
		t.Fatal(err)
	}
	kept := mustClaim(t, s, workerB)
	if got, err := s.RecoverExpiredLeases(c, db.Now()); err != nil || len(got) != 0 {
		t.Fatalf("RecoverExpiredLeases before any lease ended = %v, %v", got, err)
	}
	recovered, err := s.RecoverExpiredLeases(c, db.Now().Add(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if len(recovered) != 1 || recovered[0].ID != lost.ID || recovered[0].Status != db.FlowFailed || *recovered[0].Error != db.WorkerLostMessage {
		t.Fatalf("recovered %+v, want the flow with the short lease, failed as worker lost", recovered)
	}
	if got := mustGetSession(t, s, session.ID); got.Status != db.SessionRunning {
		t.Errorf("session ended while a flow still runs: %+v", got)
	}
	_, ended, err := s.FinishFlow(c, kept.ID, workerB, db.FlowOutcome{Passed: true})
	if err != nil || ended == nil || ended.Status != db.SessionFailed {
		t.Errorf("after the last flow the session = %+v, %v; want failed", ended, err)
	}

	// When the recovered flow is the last, recovery ends the session.
	other, _ := sessionWithApproved(t, s, 1, 0)
	if _, _, err := s.StartRun(c, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClaimFlow(c, workerA, time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecoverExpiredLeases(c, db.Now().Add(5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := mustGetSession(t, s, other.ID); got.Status != db.SessionFailed || got.FailedFlows != 1 {
		t.Errorf("a session whose last flow was recovered = %+v, want failed", got)
	}
}

func testRetryFlow(t *testing.T, s db.Store) {
	c := ctx(t)
	session, flows := sessionWithApproved(t, s, 2, 0, 1)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.RetryFlow(c, flows[0].ID)
	wantCode(t, err, db.ErrConflict, "RetryFlow of a queued flow")
	a := mustClaim(t, s, workerA)
	s.FinishFlow(c, a.ID, workerA, db.FlowOutcome{Passed: false, Error: "boom"})
	b := mustClaim(t, s, workerA)
	_, ended, _ := s.FinishFlow(c, b.ID, workerA, db.FlowOutcome{Passed: true})
	if ended == nil || ended.Status != db.SessionFailed {
		t.Fatalf("run ended %+v, want failed", ended)
	}
	retried, resumed, err := s.RetryFlow(c, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if retried.Status != db.FlowPending || !retried.Queued || retried.Error != nil || len(retried.Steps) != 0 {
		t.Errorf("retried flow = %+v, want pending, queued, its last result cleared", retried)
	}
	if resumed.Status != db.SessionRunning || resumed.RunFlows != 2 || resumed.FailedFlows != 0 || resumed.CompletedFlows != 1 {
		t.Errorf("session after retry = %+v, want running again with 1 of 2 done", resumed)
	}
	again := mustClaim(t, s, workerB)
	if again.ID != a.ID || again.Attempts != 2 {
		t.Errorf("claimed %+v, want the retried flow on its second attempt", again)
	}
	_, ended, err = s.FinishFlow(c, again.ID, workerB, db.FlowOutcome{Passed: true})
	if err != nil || ended == nil || ended.Status != db.SessionCompleted || ended.CompletedFlows != 2 {
		t.Errorf("after the retry passed the session = %+v, %v; want completed 2/2", ended, err)
	}
	_, _, err = s.RetryFlow(c, db.NewID())
	wantCode(t, err, db.ErrNotFound, "RetryFlow of an unknown flow")
}

func testConcurrentClaims(t *testing.T, s db.Store) {
	c := ctx(t)
	const flows, workers = 20, 8
	approved := make([]int, flows)
	for i := range approved {
		approved[i] = i
	}
	session, _ := sessionWithApproved(t, s, flows, approved...)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		claimed = map[string]string{}
		wg      sync.WaitGroup
		ends    int
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker := fmt.Sprint("worker-", w)
			for range flows { // bounded: no worker can need more turns
				f, err := s.ClaimFlow(c, worker, lease)
				if err != nil {
					t.Errorf("%s: ClaimFlow: %v", worker, err)
					return
				}
				if f == nil {
					return
				}
				mu.Lock()
				if other, dup := claimed[f.ID]; dup {
					t.Errorf("flow %s claimed by %s and %s", f.Name, other, worker)
				}
				claimed[f.ID] = worker
				mu.Unlock()
				_, ended, err := s.FinishFlow(c, f.ID, worker, db.FlowOutcome{Passed: true})
				if err != nil {
					t.Errorf("%s: FinishFlow: %v", worker, err)
				}
				if ended != nil {
					mu.Lock()
					ends++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(claimed) != flows || ends != 1 {
		t.Errorf("%d flows claimed and the session ended %d times; want %d and once", len(claimed), ends, flows)
	}
	if got := mustGetSession(t, s, session.ID); got.Status != db.SessionCompleted || got.CompletedFlows != flows {
		t.Errorf("session = %+v, want completed %d/%d", got, flows, flows)
	}
}

func testArtifacts(t *testing.T, s db.Store) {
	c := ctx(t)
	session, flows := sessionWithApproved(t, s, 1)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 5000)...)
	a, err := s.SaveArtifact(c, db.NewArtifact{SessionID: session.ID, FlowID: flows[0].ID, Name: "dashboard", ContentType: "image/png", Data: png})
	if err != nil {
		t.Fatal(err)
	}
	got, data, err := s.GetArtifact(c, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, png) || got.Name != "dashboard" || got.ContentType != "image/png" || got.Size != len(png) || got.FlowID != flows[0].ID {
		t.Errorf("artifact = %+v (%d bytes), want what was saved", got, len(data))
	}
	_, err = s.SaveArtifact(c, db.NewArtifact{SessionID: session.ID, FlowID: flows[0].ID, Name: "big", ContentType: "image/png", Data: make([]byte, db.MaxArtifactBytes+1)})
	wantCode(t, err, db.ErrInvalid, "an artifact over the size limit")
	_, err = s.SaveArtifact(c, db.NewArtifact{SessionID: db.NewID(), FlowID: flows[0].ID, Name: "x", ContentType: "image/png"})
	wantCode(t, err, db.ErrNotFound, "an artifact of an unknown session")
	_, _, err = s.GetArtifact(c, db.NewID())
	wantCode(t, err, db.ErrNotFound, "GetArtifact of an unknown ID")
	if _, err := s.DeleteTestSession(c, session.ID); err != nil {
		t.Fatal(err)
	}
	_, _, err = s.GetArtifact(c, a.ID)
	wantCode(t, err, db.ErrNotFound, "GetArtifact after its session was deleted")
}

// testRetryAfterCancel: flows a cancel took off the queue before they
// started leave the run, so retrying one counts it once.
func testRetryAfterCancel(t *testing.T, s db.Store) {
	c := ctx(t)
	session, flows := sessionWithApproved(t, s, 3, 0, 1, 2)
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	first := mustClaim(t, s, workerA)
	if _, _, err := s.FinishFlow(c, first.ID, workerA, db.FlowOutcome{Passed: true}); err != nil {
		t.Fatal(err)
	}
	mustClaim(t, s, workerA) // the second runs when the cancel comes
	cancelled, _, err := s.CancelRun(c, session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cancelled.RunFlows != 2 {
		t.Errorf("after cancel runFlows = %d, want 2 (the third never started)", cancelled.RunFlows)
	}
	_, resumed, err := s.RetryFlow(c, flows[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if resumed.RunFlows != 3 || resumed.CompletedFlows != 1 || resumed.FailedFlows != 1 {
		t.Errorf("after retrying the third: %+v, want runFlows 3 with 1 passed and 1 failed", resumed)
	}
}
