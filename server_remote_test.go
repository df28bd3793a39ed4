package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser/remotetest"
)

// holdSite serves /hold, a page whose response waits until the test
// releases it (or the browser goes away), and counts the requests waiting.
type holdSite struct {
	mu       sync.Mutex
	waiting  int
	changed  chan struct{} // closed and replaced when waiting changes
	released chan struct{}
	once     sync.Once
}

func newHoldSite() *holdSite {
	return &holdSite{changed: make(chan struct{}), released: make(chan struct{})}
}

func (h *holdSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/hold" {
		http.NotFound(w, r)
		return
	}
	h.add(1)
	defer h.add(-1)
	select {
	case <-h.released:
		fmt.Fprint(w, "<!doctype html><title>Held</title><h1>Released</h1>")
	case <-r.Context().Done():
	}
}

func (h *holdSite) add(n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.waiting += n
	close(h.changed)
	h.changed = make(chan struct{})
}

func (h *holdSite) release() { h.once.Do(func() { close(h.released) }) }

// awaitWaiting waits until n requests wait at /hold.
func (h *holdSite) awaitWaiting(t *testing.T, n int) {
	t.Helper()
	deadline := time.After(3 * time.Minute) // generous: only guards against hanging
	for {
		h.mu.Lock()
		got, changed := h.waiting, h.changed
		h.mu.Unlock()
		if got == n {
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("%d requests wait at /hold, want %d", got, n)
		}
	}
}

// launchedChromiums lists the Chromium processes this test process started
// itself, but for the process groups of the browsers the test runs as a
// farm: a server that launched a browser would show up here.
func launchedChromiums(farm ...*remotetest.Chromium) []string {
	var found []string
	for _, p := range remotetest.Processes() {
		if p.PPID != os.Getpid() || !strings.Contains(p.Comm, "chrom") {
			continue
		}
		if slices.ContainsFunc(farm, func(c *remotetest.Chromium) bool { return p.PGID == c.PID }) {
			continue
		}
		found = append(found, fmt.Sprintf("pid %d (%s)", p.PID, p.Comm))
	}
	return found
}

type remoteRun struct {
	GetTestSession struct {
		Status         string
		CompletedFlows int
		FailedFlows    int
		Flows          []struct {
			ID     string
			Name   string
			Status string
			Error  *string
		}
	}
	BrowserSessions []struct {
		FlowID   string
		Status   string
		Metadata *struct{ Endpoint string }
	}
}

const remoteRunQuery = `query($id: ID!) {
	getTestSession(sessionId: $id) { status completedFlows failedFlows flows { id name status error } }
	browserSessions(sessionId: $id) { flowId status metadata { endpoint } } }`

// TestRemoteBrowsersRunFlows runs a server on two Chromiums started outside
// it (BROWSER_URLS): flows run on both and the server launches none; one
// browser killed mid-run fails only the flows running on it ("browser
// lost"), and the flows still queued finish on the other. The egress policy
// still applies to remote browsers on this machine.
func TestRemoteBrowsersRunFlows(t *testing.T) {
	a, b := remotetest.Start(t), remotetest.Start(t)
	hold := newHoldSite()
	site := httptest.NewServer(hold)
	defer site.Close()
	defer hold.release()

	cfg := config{DataDir: t.TempDir()}
	cfg.Executor.BrowserURLs = []string{a.HTTP, b.WS}
	cfg.Executor.Pool.ContextsPerBrowser = 2
	// Generous: flows wait at /hold until the test has seen all of them.
	cfg.Executor.StepTimeout = time.Minute
	cfg.Executor.NavigationTimeout = 4 * time.Minute
	cfg.Executor.FlowTimeout = 5 * time.Minute
	url, _ := startServerWith(t, cfg)

	var created struct{ CreateTestSession struct{ ID string } }
	graphql(t, url, `mutation($p: String!) { createTestSession(name: "farm", prompt: $p) { id } }`, map[string]any{"p": "test " + site.URL}, &created)
	id := created.CreateTestSession.ID
	flows := make([]map[string]any, 6)
	for i := range flows {
		flows[i] = map[string]any{"name": fmt.Sprint("flow ", i+1), "instructions": "Go to /hold\nExpect the page contains \"Released\"", "approved": true}
	}
	var ignored struct{}
	graphql(t, url, `mutation($id: ID!, $f: [TestFlowInput!]!) { createTestFlows(sessionId: $id, flows: $f) { session { id } } }`,
		map[string]any{"id": id, "f": flows}, &ignored)
	graphql(t, url, `mutation($id: ID!) { startTestSession(sessionId: $id) { status } }`, map[string]any{"id": id}, &ignored)

	// Four flows wait at /hold, two a browser (two contexts each); two
	// more are queued.
	hold.awaitWaiting(t, 4)
	if launched := launchedChromiums(a, b); len(launched) > 0 {
		t.Errorf("the server launched Chromium itself: %v", launched)
	}
	var mid remoteRun
	graphql(t, url, remoteRunQuery, map[string]any{"id": id}, &mid)
	onA := map[string]bool{}
	for _, bs := range mid.BrowserSessions {
		if bs.Metadata != nil && bs.Metadata.Endpoint == a.HTTP && bs.Status == "running" {
			onA[bs.FlowID] = true
		}
	}
	if len(onA) != 2 {
		t.Fatalf("%d flows run on %s, want 2; browser sessions %+v", len(onA), a.HTTP, mid.BrowserSessions)
	}

	a.Kill()
	// The flows of the killed browser fail; then the held ones may finish,
	// and the queued ones run on the other browser.
	awaitQuery(t, url, remoteRunQuery, id, func(r remoteRun) bool { return r.GetTestSession.FailedFlows == 2 })
	hold.release()
	end := awaitQuery(t, url, remoteRunQuery, id, func(r remoteRun) bool {
		return r.GetTestSession.Status == "completed" || r.GetTestSession.Status == "failed"
	})
	s := end.GetTestSession
	if s.Status != "failed" || s.FailedFlows != 2 || s.CompletedFlows != 4 {
		t.Fatalf("session = %+v, want 4 completed and the 2 of the killed browser failed", s)
	}
	for _, f := range s.Flows {
		lost := onA[f.ID]
		if lost != (f.Status == "failed") || lost && (f.Error == nil || !strings.Contains(*f.Error, "browser lost")) {
			t.Errorf("flow %s (on the killed browser: %v): status %s, error %v", f.Name, lost, f.Status, deref(f.Error))
		}
	}
	ranOn := map[string]string{}
	for _, bs := range end.BrowserSessions {
		if bs.Metadata != nil {
			ranOn[bs.FlowID] = bs.Metadata.Endpoint
		}
	}
	for _, f := range s.Flows {
		if want := map[bool]string{true: a.HTTP, false: b.WS}[onA[f.ID]]; ranOn[f.ID] != want {
			t.Errorf("flow %s ran on %q, want %s", f.Name, ranOn[f.ID], want)
		}
	}
	if launched := launchedChromiums(a, b); len(launched) > 0 {
		t.Errorf("the server launched Chromium itself: %v", launched)
	}

	// A remote browser on this machine goes through the egress proxy: the
	// server's own port stays out of reach.
	own := startRun(t, url, site.URL, "Go to "+url+"/healthz")
	blocked := awaitSession(t, url, own, finished).GetTestSession
	if blocked.Status != "failed" || len(blocked.Flows) != 1 || blocked.Flows[0].Error == nil || !strings.Contains(*blocked.Flows[0].Error, "egress") {
		t.Errorf("a flow to the server's own port on a remote browser: %+v; want it blocked by the egress policy", blocked)
	}
}

// awaitQuery asks query about session id until done holds for the answer.
func awaitQuery[T any](t *testing.T, url, query, id string, done func(T) bool) T {
	t.Helper()
	deadline := time.Now().Add(4 * time.Minute) // generous: only guards against hanging
	for {
		var r T
		graphql(t, url, query, map[string]any{"id": id}, &r)
		if done(r) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("session never got there: %+v", r)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestParseConfigRemoteBrowsers(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string // part of the error; "" for none
	}{
		{"loopback endpoints", map[string]string{"BROWSER_URLS": "http://127.0.0.1:9222, ws://localhost:9223/devtools/browser/x"}, ""},
		{"farm without egress", map[string]string{"BROWSER_URLS": "ws://browserless:3000?token=t", "BROWSER_EGRESS": "direct"}, ""},
		{"farm with the proxy", map[string]string{"BROWSER_URLS": "ws://browserless:3000?token=t"}, "BROWSER_EGRESS=direct"},
		{"direct with a policy", map[string]string{"BROWSER_URLS": "ws://browserless:3000", "BROWSER_EGRESS": "direct", "EGRESS_DENY": "10.0.0.0/8"}, "no effect"},
		{"direct without endpoints", map[string]string{"BROWSER_EGRESS": "direct"}, "BROWSER_URLS only"},
		{"unknown egress mode", map[string]string{"BROWSER_URLS": "ws://127.0.0.1:1", "BROWSER_EGRESS": "none"}, "neither proxy nor direct"},
		{"bad endpoint", map[string]string{"BROWSER_URLS": "127.0.0.1:9222"}, "BROWSER_URLS"},
		{"queue only on the embedded store", map[string]string{"RUN_FLOWS": "false"}, "MONGODB_URI"},
		{"queue only on MongoDB", map[string]string{"RUN_FLOWS": "false", "MONGODB_URI": "mongodb://127.0.0.1:27017"}, ""},
		{"bad RUN_FLOWS", map[string]string{"RUN_FLOWS": "sometimes"}, "RUN_FLOWS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := parseConfig(nil, func(k string) string { return tc.env[k] })
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("parseConfig: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("parseConfig = %v, want an error containing %q", err, tc.want)
			case err == nil && tc.env["BROWSER_URLS"] != "" && len(cfg.Executor.BrowserURLs) == 0:
				t.Errorf("BROWSER_URLS %q gave no endpoints", tc.env["BROWSER_URLS"])
			}
		})
	}
}
