package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser"
)

type runSession struct {
	GetTestSession struct {
		Status         string
		CompletedFlows int
		FailedFlows    int
		RunFlows       int
		Metadata       *struct{ ErrorMessage *string }
		Flows          []struct {
			Status string
			Error  *string
			Steps  []struct {
				Line          int
				Status        string
				ScreenshotURL *string
			}
		}
	}
}

const runSessionQuery = `query($id: ID!) { getTestSession(sessionId: $id) {
	status completedFlows failedFlows runFlows metadata { errorMessage }
	flows { status error steps { line status screenshotUrl } } } }`

// startRun creates a session on site with one approved flow and starts it.
func startRun(t *testing.T, url, site, instructions string) string {
	t.Helper()
	var created struct{ CreateTestSession struct{ ID string } }
	graphql(t, url, `mutation($p: String!) { createTestSession(name: "run", prompt: $p) { id } }`, map[string]any{"p": "test " + site}, &created)
	id := created.CreateTestSession.ID
	var added struct{}
	graphql(t, url, `mutation($id: ID!, $i: String!) { createTestFlows(sessionId: $id, flows: [{name: "flow", instructions: $i, approved: true}]) { session { id } } }`,
		map[string]any{"id": id, "i": instructions}, &added)
	var started struct{ StartTestSession struct{ Status string } }
	graphql(t, url, `mutation($id: ID!) { startTestSession(sessionId: $id) { status } }`, map[string]any{"id": id}, &started)
	if started.StartTestSession.Status != "running" {
		t.Fatalf("startTestSession gave status %q, want running", started.StartTestSession.Status)
	}
	return id
}

func awaitSession(t *testing.T, url, id string, done func(runSession) bool) runSession {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		var s runSession
		graphql(t, url, runSessionQuery, map[string]any{"id": id}, &s)
		if done(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("session never got there: %+v", s.GetTestSession)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func finished(s runSession) bool {
	return s.GetTestSession.Status == "completed" || s.GetTestSession.Status == "failed"
}

// TestRunThroughServer starts a run through the API; the failed step's
// screenshot is served over HTTP.
func TestRunThroughServer(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir("executor/testdata/site")))
	defer site.Close()
	cfg := config{DataDir: t.TempDir()}
	cfg.Executor.StepTimeout = 2 * time.Second
	url, _ := startServerWith(t, cfg)
	id := startRun(t, url, site.URL, "Go to /login.html\nExpect the title is \"Sign in\"\nExpect the page contains \"Nobody home\"")
	s := awaitSession(t, url, id, finished).GetTestSession
	if s.Status != "failed" || s.FailedFlows != 1 || s.RunFlows != 1 || s.Metadata == nil || s.Metadata.ErrorMessage == nil {
		t.Fatalf("session = %+v, want failed with an error message", s)
	}
	steps := s.Flows[0].Steps
	if len(steps) != 3 || steps[1].Status != "passed" {
		t.Fatalf("steps = %+v, want the title check to pass on the served page", steps)
	}
	failed := steps[2]
	if failed.Status != "failed" || failed.ScreenshotURL == nil {
		t.Fatalf("failed step = %+v, want a screenshot URL", failed)
	}
	// Absolute, so a front end on another origin loads it from this server.
	if !strings.HasPrefix(*failed.ScreenshotURL, url+"/artifacts/") {
		t.Errorf("screenshot URL %q does not start with %s/artifacts/", *failed.ScreenshotURL, url)
	}
	resp, err := http.Get(*failed.ScreenshotURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(string(body), "\x89PNG") {
		t.Errorf("GET %s: %d %s, %d bytes; want a PNG", *failed.ScreenshotURL, resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
	resp, err = http.Get(url + "/artifacts/" + strings.Repeat("0", 24))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown artifact gave %d, want 404", resp.StatusCode)
	}
}

// TestRestartMidRun stops the server while a flow runs: the flow fails as
// interrupted, and after a restart nothing is left running.
func TestRestartMidRun(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir("executor/testdata/site")))
	defer site.Close()
	dataDir := t.TempDir()
	url, stop := startServerWith(t, config{DataDir: dataDir})
	id := startRun(t, url, site.URL, "Go to /slow.html\nWait for \"Done\"")
	awaitSession(t, url, id, func(s runSession) bool { return s.GetTestSession.Flows[0].Status == "running" })
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	url, _ = startServerWith(t, config{DataDir: dataDir})
	s := awaitSession(t, url, id, finished).GetTestSession
	if s.Status != "failed" || s.Flows[0].Status != "failed" || s.Flows[0].Error == nil || !strings.Contains(*s.Flows[0].Error, "interrupted") {
		t.Errorf("after a restart mid-run: session %s, flow %+v; want both failed as interrupted", s.Status, s.Flows[0])
	}
}
