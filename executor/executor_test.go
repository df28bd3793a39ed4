package executor_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/executor/browser"
)

// The executor tests run real flows in real Chromium against pages served
// from testdata/site, on the real embedded store.

type harness struct {
	t     *testing.T
	store db.Store
	exec  *executor.Executor
	site  string // base URL of testdata/site
	stop  func()
}

func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v (make setup installs it)", err)
	}
}

func newHarness(t *testing.T, opts executor.Options) *harness {
	t.Helper()
	requireChromium(t)
	store, err := sqlite.Open(context.Background(), sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir("testdata/site")))
	t.Cleanup(func() {
		site.Close()
		store.Close()
	})
	return newHarnessOn(t, &harness{store: store, site: site.URL}, opts)
}

// newHarnessOn starts another executor on h's store and site, as a second
// server (or a restarted one) would.
func newHarnessOn(t *testing.T, h *harness, opts executor.Options) *harness {
	t.Helper()
	opts.Store = h.store
	if opts.StepTimeout == 0 {
		// Generous: only the flows meant to fail wait it out.
		opts.StepTimeout = 10 * time.Second
	}
	opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	exec, err := executor.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		exec.Run(ctx)
	}()
	next := &harness{t: t, store: h.store, exec: exec, site: h.site}
	stopped := false
	next.stop = func() {
		if !stopped {
			stopped = true
			cancel()
			<-done
		}
	}
	t.Cleanup(next.stop) // runs before the store closes
	return next
}

// session makes a session whose prompt names the site, with approved flows.
func (h *harness) session(flows ...db.NewTestFlow) (*db.TestSession, []*db.TestFlow) {
	h.t.Helper()
	s, err := h.store.CreateTestSession(h.t.Context(), db.NewTestSession{Name: "run", Prompt: "test the login of " + h.site})
	if err != nil {
		h.t.Fatal(err)
	}
	for i := range flows {
		flows[i].Approved = true
	}
	_, created, err := h.store.CreateTestFlows(h.t.Context(), s.ID, flows)
	if err != nil {
		h.t.Fatal(err)
	}
	return s, created
}

// waitFor polls the session until done says it is there, within a minute.
func (h *harness) waitFor(sessionID string, what string, done func(*db.TestSession, []*db.TestFlow) bool) (*db.TestSession, []*db.TestFlow) {
	h.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		s, err := h.store.GetTestSession(h.t.Context(), sessionID)
		if err != nil {
			h.t.Fatal(err)
		}
		flows, err := h.store.ListTestFlows(h.t.Context(), sessionID)
		if err != nil {
			h.t.Fatal(err)
		}
		if done(s, flows) {
			return s, flows
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("session never got %s: %+v", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func ended(s *db.TestSession, _ []*db.TestFlow) bool {
	return s.Status == db.SessionCompleted || s.Status == db.SessionFailed
}

func TestRunRecordsEverything(t *testing.T) {
	h := newHarness(t, executor.Options{})
	session, flows := h.session(
		db.NewTestFlow{Name: "Log in", Instructions: strings.Join([]string{
			"Go to /login.html",
			`Type "alice@example.com" into the "Email" field`,
			`Type "secret" into "Password"`,
			`Click the "Sign in" button`,
			`Expect the page contains "Welcome, Alice"`,
			`Take a screenshot named "welcome"`,
		}, "\n")},
		db.NewTestFlow{Name: "Wrong button", Instructions: "Go to /login.html\nClick the \"Log in\" button"},
	)
	if _, err := h.exec.StartSession(t.Context(), session.ID); err != nil {
		t.Fatal(err)
	}
	final, got := h.waitFor(session.ID, "ended", ended)

	if final.Status != db.SessionFailed || final.CompletedFlows != 1 || final.FailedFlows != 1 || final.RunFlows != 2 {
		t.Errorf("session = %+v, want failed with 1 passed and 1 failed of 2", final)
	}
	if final.Metadata == nil || final.Metadata.ErrorMessage == nil || !strings.Contains(*final.Metadata.ErrorMessage, "Wrong button") ||
		final.Metadata.ActualDuration == nil || final.StartedAt == nil || final.CompletedAt == nil {
		t.Errorf("session metadata = %+v, want an error naming the failed flow and an actual duration", final.Metadata)
	}
	pass, fail := got[0], got[1]
	if pass.Status != db.FlowCompleted || len(pass.Steps) != 6 || pass.DurationMs == nil {
		t.Fatalf("passing flow = %+v with steps %+v", pass, pass.Steps)
	}
	if shot := pass.Steps[5].ScreenshotID; shot == nil {
		t.Error("the screenshot step kept no screenshot")
	} else if a, data, err := h.store.GetArtifact(t.Context(), *shot); err != nil || a.Name != "welcome" || !strings.HasPrefix(string(data), "\x89PNG") {
		t.Errorf("screenshot artifact = %+v, %d bytes, %v; want a PNG named welcome", a, len(data), err)
	}
	if fail.Status != db.FlowFailed || fail.Error == nil || !strings.Contains(*fail.Error, "line 2") || !strings.Contains(*fail.Error, "Log in") {
		t.Errorf("failing flow error = %v, want it to name line 2 and the target", fail.Error)
	}
	if n := len(fail.Steps); n != 2 || fail.Steps[1].Status != db.StepFailed || fail.Steps[1].ScreenshotID == nil {
		t.Errorf("failing flow steps = %+v, want the failed second step with a screenshot", fail.Steps)
	}

	// One log per step, naming its line, plus the flow's start and end.
	page, err := h.store.ListExecutionLogs(t.Context(), db.LogQuery{SessionID: session.ID, FlowID: &flows[0].ID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	stepLogs := 0
	for _, l := range page.Logs {
		if strings.HasPrefix(l.Message, "Line ") {
			stepLogs++
			if l.BrowserSessionID == nil || !strings.Contains(string(l.Data), `"durationMs"`) {
				t.Errorf("step log %q lacks its browser session or data: %s", l.Message, l.Data)
			}
		}
	}
	if stepLogs != 6 {
		t.Errorf("%d step logs for the passing flow, want 6", stepLogs)
	}

	browsers, err := h.store.ListBrowserSessions(t.Context(), session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(browsers) != 2 {
		t.Fatalf("%d browser sessions, want one per flow", len(browsers))
	}
	for _, b := range browsers {
		if b.Status != db.BrowserStopped || b.Metadata == nil || !strings.Contains(b.Metadata.Version, "Chrom") ||
			b.Metadata.UserAgent == "" || b.Metadata.Viewport == nil || b.Metadata.Viewport.Width != 1280 {
			t.Errorf("browser session = %+v (%+v), want stopped with version, user agent and viewport", b, b.Metadata)
		}
	}
}

func TestCancelStopsRunningFlowAtOnce(t *testing.T) {
	h := newHarness(t, executor.Options{StepTimeout: time.Minute, FlowTimeout: 5 * time.Minute})
	session, _ := h.session(db.NewTestFlow{Name: "Waits", Instructions: "Go to /slow.html\nWait for \"Done\""})
	if _, err := h.exec.StartSession(t.Context(), session.ID); err != nil {
		t.Fatal(err)
	}
	h.waitFor(session.ID, "the flow running in its browser", func(*db.TestSession, []*db.TestFlow) bool {
		b, _ := h.store.ListBrowserSessions(t.Context(), session.ID)
		return len(b) == 1 && b[0].Status == db.BrowserRunning
	})
	time.Sleep(300 * time.Millisecond) // let it reach the wait
	cancelled, err := h.exec.CancelSession(t.Context(), session.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cancelled.Status != db.SessionFailed || *cancelled.Metadata.ErrorMessage != db.CancelledMessage {
		t.Errorf("cancelled session = %+v", cancelled)
	}
	// The browser context is released well before the step's minute is up.
	h.waitFor(session.ID, "its browser stopped", func(*db.TestSession, []*db.TestFlow) bool {
		b, _ := h.store.ListBrowserSessions(t.Context(), session.ID)
		return len(b) == 1 && b[0].Status == db.BrowserStopped
	})
	f, _ := h.store.ListTestFlows(t.Context(), session.ID)
	if f[0].Status != db.FlowFailed || *f[0].Error != db.CancelledMessage {
		t.Errorf("flow after cancel = %+v", f[0])
	}
}

// TestLostWorkerIsRecovered leaves a flow claimed by a worker that is gone
// (a claim with a short lease nobody renews, as a crashed server leaves
// it); the executor fails it as worker lost and ends the session.
func TestLostWorkerIsRecovered(t *testing.T) {
	h := newHarness(t, executor.Options{Lease: 2 * time.Second})
	session, _ := h.session(db.NewTestFlow{Name: "Orphan", Instructions: "Go to /login.html"})
	h.stop() // our workers must not claim it first
	if _, _, err := h.store.StartRun(t.Context(), session.ID); err != nil {
		t.Fatal(err)
	}
	if f, err := h.store.ClaimFlow(t.Context(), "crashed-server", time.Second); err != nil || f == nil {
		t.Fatalf("claim as the crashed server: %v, %v", f, err)
	}
	h2 := newHarnessOn(t, h, executor.Options{Lease: 2 * time.Second})
	final, flows := h2.waitFor(session.ID, "ended", ended)
	if final.Status != db.SessionFailed || flows[0].Error == nil || *flows[0].Error != db.WorkerLostMessage {
		t.Errorf("after recovery session %s, flow %+v; want failed, worker lost", final.Status, flows[0])
	}
}

// TestBrowserCrashFailsOnlyItsFlow kills Chromium while a flow waits: that
// flow fails as a crash and its browser session ends in error; the next
// flow gets a new browser and passes.
func TestBrowserCrashFailsOnlyItsFlow(t *testing.T) {
	pids := make(chan int, 4)
	h := newHarness(t, executor.Options{StepTimeout: 30 * time.Second, Workers: 1,
		Pool: browser.PoolOptions{OnBrowserEvent: func(ev browser.BrowserEvent) {
			if ev.Kind == browser.BrowserStarted {
				pids <- ev.PID
			}
		}}})
	session, _ := h.session(
		db.NewTestFlow{Name: "Crashes", Instructions: "Go to /slow.html\nWait for \"Done\""},
		db.NewTestFlow{Name: "Runs after", Instructions: "Go to /login.html\nExpect the title is \"Sign in\""},
	)
	if _, err := h.exec.StartSession(t.Context(), session.ID); err != nil {
		t.Fatal(err)
	}
	h.waitFor(session.ID, "the first flow running in its browser", func(*db.TestSession, []*db.TestFlow) bool {
		b, _ := h.store.ListBrowserSessions(t.Context(), session.ID)
		return len(b) == 1 && b[0].Status == db.BrowserRunning
	})
	time.Sleep(300 * time.Millisecond) // let it reach the wait
	pid := <-pids
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill Chromium (pid %d): %v", pid, err)
	}
	final, flows := h.waitFor(session.ID, "ended", ended)
	if flows[0].Status != db.FlowFailed || flows[0].Error == nil || !strings.Contains(*flows[0].Error, "crash") {
		t.Errorf("crashed flow = %s, %v; want failed naming the crash", flows[0].Status, flows[0].Error)
	}
	if flows[1].Status != db.FlowCompleted || final.CompletedFlows != 1 {
		t.Logf("flow errors: %s / %s", deref(flows[0].Error), deref(flows[1].Error))
		t.Errorf("the flow after the crash = %s (session %+v), want completed on a new browser", flows[1].Status, final)
	}
	browsers, err := h.store.ListBrowserSessions(t.Context(), session.ID)
	if err != nil || len(browsers) != 2 || browsers[0].Status != db.BrowserError || browsers[1].Status != db.BrowserStopped {
		t.Errorf("browser sessions = %+v, %v; want the crashed one in error, the next stopped", browsers, err)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
