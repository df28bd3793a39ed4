package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/testing-agent/backend/executor/browser"
)

// TestGenerateThroughServer asks the API to generate flows: the session is
// generating at once, then ready with unapproved flows that validate.
func TestGenerateThroughServer(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir("executor/testdata/site")))
	defer site.Close()
	url, _ := startServerWith(t, config{DataDir: t.TempDir()})

	generate := func(prompt string) (string, string) {
		var created struct{ CreateTestSession struct{ ID string } }
		graphql(t, url, `mutation($p: String!) { createTestSession(name: "plan", prompt: $p) { id } }`, map[string]any{"p": prompt}, &created)
		var started struct{ GenerateTestFlows struct{ Status string } }
		graphql(t, url, `mutation($id: ID!) { generateTestFlows(sessionId: $id) { status } }`, map[string]any{"id": created.CreateTestSession.ID}, &started)
		return created.CreateTestSession.ID, started.GenerateTestFlows.Status
	}
	id, status := generate("test the login on " + site.URL + "/login.html")
	if status != "generating" {
		t.Fatalf("generateTestFlows returned status %q, want generating", status)
	}
	s := awaitSession(t, url, id, func(s runSession) bool { return s.GetTestSession.Status != "generating" }).GetTestSession
	if s.Status != "ready" || len(s.Flows) == 0 {
		t.Fatalf("after generating: %+v, want ready with flows", s)
	}
	var flows struct {
		GetTestSession struct {
			Flows []struct {
				Name         string
				Instructions string
				Approved     bool
			}
		}
	}
	graphql(t, url, `query($id: ID!) { getTestSession(sessionId: $id) { flows { name instructions approved } } }`, map[string]any{"id": id}, &flows)
	for _, f := range flows.GetTestSession.Flows {
		var v struct{ ValidateInstructions struct{ Valid bool } }
		graphql(t, url, `query($i: String!) { validateInstructions(instructions: $i) { valid } }`, map[string]any{"i": f.Instructions}, &v)
		if !v.ValidateInstructions.Valid || f.Approved || f.Name == "" {
			t.Errorf("proposed flow %q (approved %v) does not validate:\n%s", f.Name, f.Approved, f.Instructions)
		}
	}

	id, _ = generate("make sure everything works")
	s = awaitSession(t, url, id, func(s runSession) bool { return s.GetTestSession.Status != "generating" }).GetTestSession
	if s.Status != "ready" || len(s.Flows) != 0 || s.Metadata == nil || s.Metadata.ErrorMessage == nil || !strings.Contains(*s.Metadata.ErrorMessage, "URL") {
		t.Errorf("a prompt with nothing to explore gave %+v, want ready, no flows, a message asking for a URL", s)
	}
}
