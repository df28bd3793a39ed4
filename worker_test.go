package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo"
	"github.com/testing-agent/backend/db/mongo/mongotest"
	"github.com/testing-agent/backend/executor/browser"
)

var (
	agentOnce sync.Once
	agentBin  string
	agentErr  error
)

// agentBinary builds this command once per test run, for tests that start
// it as its own process.
func agentBinary(t *testing.T) string {
	t.Helper()
	agentOnce.Do(func() {
		dir, err := os.MkdirTemp("", "testing-agent-bin-")
		if err != nil {
			agentErr = err
			return
		}
		agentBin = filepath.Join(dir, "agent")
		out, err := exec.Command("go", "build", "-o", agentBin, ".").CombinedOutput()
		if err != nil {
			agentErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if agentErr != nil {
		t.Fatal(agentErr)
	}
	return agentBin
}

// workerProcess is `agent worker` running as its own process.
type workerProcess struct {
	cmd    *exec.Cmd
	health string // http://127.0.0.1:PORT of its probes and metrics
	exited chan struct{}
	err    error // how it exited; read after exited is closed

	mu       sync.Mutex
	log      strings.Builder
	stopping chan struct{} // closed when it logs that it stops claiming
}

var healthAddr = regexp.MustCompile(`health=(http://\S+)`)

// startWorker starts a worker process on MongoDB database dbName at uri; it
// is killed when the test ends if still running.
func startWorker(t *testing.T, uri, dbName string) *workerProcess {
	t.Helper()
	w := &workerProcess{exited: make(chan struct{}), stopping: make(chan struct{})}
	w.cmd = exec.Command(agentBinary(t), "worker")
	w.cmd.Env = append(os.Environ(), "MONGODB_URI="+uri, "MONGODB_DATABASE="+dbName, "ADDR=127.0.0.1:0",
		"STEP_TIMEOUT=1m", "NAVIGATION_TIMEOUT=4m", "FLOW_TIMEOUT=5m", "SHUTDOWN_TIMEOUT=4m", "BROWSERS=1", "CONTEXTS_PER_BROWSER=2")
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stderr, err := w.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go w.readLog(stderr, found)
	go func() {
		w.err = w.cmd.Wait()
		close(w.exited)
	}()
	t.Cleanup(func() {
		_ = w.cmd.Process.Kill()
		<-w.exited
		if t.Failed() {
			t.Logf("worker %d log:\n%s", w.cmd.Process.Pid, w.logText())
		}
	})
	select {
	case w.health = <-found:
	case <-w.exited:
		t.Fatalf("worker exited at start (%v):\n%s", w.err, w.logText())
	case <-time.After(2 * time.Minute): // generous: only guards against hanging
		t.Fatalf("worker did not start:\n%s", w.logText())
	}
	return w
}

func (w *workerProcess) readLog(r io.Reader, found chan<- string) {
	sc := bufio.NewScanner(r)
	sent := false
	for sc.Scan() {
		line := sc.Text()
		w.mu.Lock()
		w.log.WriteString(line + "\n")
		w.mu.Unlock()
		if m := healthAddr.FindStringSubmatch(line); m != nil && !sent {
			found <- m[1]
			sent = true
		}
		if strings.Contains(line, "worker stopping") {
			close(w.stopping)
		}
	}
}

func (w *workerProcess) logText() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.log.String()
}

// stop sends SIGTERM and waits until the worker says it stopped claiming.
func (w *workerProcess) stop(t *testing.T) {
	t.Helper()
	if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.stopping:
	case <-w.exited:
	case <-time.After(2 * time.Minute):
		t.Fatalf("worker did not stop claiming after SIGTERM:\n%s", w.logText())
	}
}

func (w *workerProcess) wait(t *testing.T) error {
	t.Helper()
	select {
	case <-w.exited:
		return w.err
	case <-time.After(5 * time.Minute):
		t.Fatalf("worker did not exit:\n%s", w.logText())
		return nil
	}
}

func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
}

type workerRun struct {
	GetTestSession struct {
		Status         string
		CompletedFlows int
		Flows          []struct {
			Name     string
			Status   string
			Queued   bool
			Attempts int
			Error    *string
		}
	}
	BrowserSessions []struct{ FlowID string }
}

const workerRunQuery = `query($id: ID!) {
	getTestSession(sessionId: $id) { status completedFlows flows { name status queued attempts error } }
	browserSessions(sessionId: $id) { flowId } }`

// startFlows creates a session on site with n approved flows of
// instructions and starts it through the API server at url.
func startFlows(t *testing.T, url, site string, n int, instructions string) string {
	t.Helper()
	var created struct{ CreateTestSession struct{ ID string } }
	graphql(t, url, `mutation($p: String!) { createTestSession(name: "workers", prompt: $p) { id } }`, map[string]any{"p": "test " + site}, &created)
	id := created.CreateTestSession.ID
	flows := make([]map[string]any, n)
	for i := range flows {
		flows[i] = map[string]any{"name": fmt.Sprint("flow ", i+1), "instructions": instructions, "approved": true}
	}
	var ignored struct{}
	graphql(t, url, `mutation($id: ID!, $f: [TestFlowInput!]!) { createTestFlows(sessionId: $id, flows: $f) { session { id } } }`,
		map[string]any{"id": id, "f": flows}, &ignored)
	graphql(t, url, `mutation($id: ID!) { startTestSession(sessionId: $id) { status } }`, map[string]any{"id": id}, &ignored)
	return id
}

// checkRanOnce fails unless every flow of r completed after exactly one
// claim and one browser session.
func checkRanOnce(t *testing.T, r workerRun) {
	t.Helper()
	sessions := map[string]int{}
	for _, b := range r.BrowserSessions {
		sessions[b.FlowID]++
	}
	if len(r.BrowserSessions) != len(r.GetTestSession.Flows) {
		t.Errorf("%d browser sessions for %d flows, want one each", len(r.BrowserSessions), len(r.GetTestSession.Flows))
	}
	for flowID, n := range sessions {
		if n != 1 {
			t.Errorf("flow %s ran in %d browser sessions, want 1", flowID, n)
		}
	}
	for _, f := range r.GetTestSession.Flows {
		if f.Status != "completed" || f.Attempts != 1 {
			t.Errorf("flow %s: status %s after %d attempts (error %s); want completed once", f.Name, f.Status, f.Attempts, deref(f.Error))
		}
	}
}

// TestWorkerProcessRunsTheQueue: an API server that runs no flows
// (RUN_FLOWS=false) queues a run on MongoDB (an embedded FerretDB); a
// worker process runs it. On SIGTERM the worker stops claiming, finishes
// the flows it runs and exits 0; the flow still queued is run by the next
// worker, and no flow runs twice.
func TestWorkerProcessRunsTheQueue(t *testing.T) {
	requireChromium(t)
	ferret := mongotest.StartFerretDB(t, t.TempDir())
	database := mongotest.FreshDatabase("workers")
	hold := newHoldSite()
	site := httptest.NewServer(hold)
	defer site.Close()
	defer hold.release()

	cfg := config{MongoURI: ferret.URI, MongoDatabase: database}
	cfg.Executor.QueueOnly = true
	url, _ := startServerWith(t, cfg)
	id := startFlows(t, url, site.URL, 3, "Go to /hold\nExpect the page contains \"Released\"")

	first := startWorker(t, ferret.URI, database)
	hold.awaitWaiting(t, 2) // the worker's two contexts; the third flow waits in the queue
	if launched := launchedChromiums(); len(launched) > 0 {
		t.Errorf("the API server (RUN_FLOWS=false) launched Chromium: %v", launched)
	}
	checkWorkerEndpoints(t, first.health, 2)

	first.stop(t)
	hold.release()
	if err := first.wait(t); err != nil {
		t.Fatalf("worker exit after SIGTERM: %v\n%s", err, first.logText())
	}
	mid := awaitQuery(t, url, workerRunQuery, id, func(r workerRun) bool { return r.GetTestSession.CompletedFlows == 2 })
	queued := 0
	for _, f := range mid.GetTestSession.Flows {
		if f.Status == "pending" && f.Queued && f.Attempts == 0 {
			queued++
		}
	}
	if queued != 1 || mid.GetTestSession.Status != "running" {
		t.Fatalf("after the worker stopped: %+v; want 2 flows finished by it and 1 still queued", mid.GetTestSession)
	}

	startWorker(t, ferret.URI, database)
	end := awaitQuery(t, url, workerRunQuery, id, func(r workerRun) bool { return r.GetTestSession.Status != "running" })
	if end.GetTestSession.Status != "completed" {
		t.Fatalf("session = %+v, want completed", end.GetTestSession)
	}
	checkRanOnce(t, end)
}

// checkWorkerEndpoints checks a worker's probes, and that its metrics count
// the flows it runs.
func checkWorkerEndpoints(t *testing.T, health string, running int) {
	t.Helper()
	for path, want := range map[string]string{
		"/healthz": "ok",
		"/readyz":  "ready",
		"/metrics": fmt.Sprintf("testing_agent_flows_running %d", running),
		"/graphql": "404 page not found",
	} {
		resp, err := http.Get(health + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), want) {
			t.Errorf("worker %s: %d %.300q, want %q in it", path, resp.StatusCode, body, want)
		}
	}
}

// TestTwoWorkerProcessesOnMongoDB runs two worker processes on a real
// MongoDB (MONGODB_URI) beside an API server that runs no flows: every flow
// runs, and none twice. FerretDB cannot host this test: its updates are not
// atomic across processes (see the README's storage table).
func TestTwoWorkerProcessesOnMongoDB(t *testing.T) {
	uri := os.Getenv("MONGODB_URI")
	if uri == "" {
		t.Skip("set MONGODB_URI to a MongoDB connection string to run two worker processes on it")
	}
	testTwoWorkers(t, uri)
}

func testTwoWorkers(t *testing.T, uri string) {
	requireChromium(t)
	database := mongotest.FreshDatabase("workers")
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><title>Ok</title><h1>Ok</h1>")
	}))
	defer site.Close()
	cfg := config{MongoURI: uri, MongoDatabase: database}
	cfg.Executor.QueueOnly = true
	url, _ := startServerWith(t, cfg)
	startWorker(t, uri, database)
	startWorker(t, uri, database)
	id := startFlows(t, url, site.URL, 16, "Go to /\nExpect the page contains \"Ok\"")
	end := awaitQuery(t, url, workerRunQuery, id, func(r workerRun) bool { return r.GetTestSession.Status != "running" })
	if end.GetTestSession.Status != "completed" {
		t.Errorf("session = %+v, want completed", end.GetTestSession)
	}
	checkRanOnce(t, end)
}

func TestWorkerSettings(t *testing.T) {
	queueOnly := config{MongoURI: "mongodb://127.0.0.1:1"}
	queueOnly.Executor.QueueOnly = true
	for _, tc := range []struct {
		name string
		cfg  config
		want string
	}{
		{"embedded store", config{DataDir: "unused"}, "needs MONGODB_URI"},
		{"runs no flows", queueOnly, "RUN_FLOWS=false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			err := runWorker(ctx, tc.cfg, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("runWorker = %v, want an error containing %q", err, tc.want)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Error("runWorker waited instead of refusing")
			}
		})
	}
}

// TestWorkerRecoversLostFlows: a flow claimed by a process that died (its
// lease ran out) is failed as "worker lost" by a worker at its start, as a
// server does.
func TestWorkerRecoversLostFlows(t *testing.T) {
	requireChromium(t)
	ferret := mongotest.StartFerretDB(t, t.TempDir())
	database := mongotest.FreshDatabase("recover")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	store, err := mongo.Open(ctx, mongo.Options{URI: ferret.URI, Database: database})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "lost", Prompt: "test"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "orphan", Instructions: "Reload", Approved: true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.StartRun(ctx, session.ID); err != nil {
		t.Fatal(err)
	}
	claimed, err := store.ClaimFlow(ctx, "a-process-that-died/1", time.Second)
	if err != nil || claimed == nil || claimed.ID != flows[0].ID {
		t.Fatalf("ClaimFlow = %v, %v; want the orphan", claimed, err)
	}
	for !db.Now().After(claimed.StartedAt.Add(2 * time.Second)) { // its lease is over
		time.Sleep(100 * time.Millisecond)
	}

	startWorker(t, ferret.URI, database)
	deadline := time.Now().Add(4 * time.Minute) // generous: only guards against hanging
	for {
		f, err := store.GetTestFlow(ctx, claimed.ID)
		if err != nil {
			t.Fatal(err)
		}
		if f.Status == db.FlowFailed {
			if f.Error == nil || *f.Error != db.WorkerLostMessage {
				t.Errorf("recovered flow error = %v, want %q", deref(f.Error), db.WorkerLostMessage)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the orphan is still %s", f.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
