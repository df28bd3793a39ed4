package planner

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestVerifyFlowsDropsOrMarksFailures runs proposals with the real runner:
// a flow written from exploring that fails now is dropped, any other that
// fails is kept marked as a finding, and passing flows are kept as they are.
func TestVerifyFlowsDropsOrMarksFailures(t *testing.T) {
	pool := pool(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`<!doctype html><title>Hello</title><h1>Hello</h1>`))
	}))
	defer srv.Close()
	store := newStore(t)
	session := newSession(t, store, "test "+srv.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger(), PageTimeout: 2 * time.Second, VerifyTimeout: 3 * time.Minute})
	flows := []proposal{
		{name: "Greets", kind: "app", lines: []string{"Go to /", `Expect the page contains "Hello"`}},
		{name: "Says goodbye", kind: "app", lines: []string{"Go to /", `Expect the page contains "Goodbye"`}},
		{name: "Home page loads", description: "Opens /.", kind: "smoke", lines: []string{"Go to /", `Expect the title contains "Welcome"`}},
	}
	pr := &progress{store: store, sessionID: session.ID, log: quietLogger()}
	ctx, cancel := context.WithTimeout(context.Background(), generateBound)
	defer cancel()
	got := p.verifyFlows(ctx, srv.URL, flows, pr)
	if len(got) != 2 || got[0].name != "Greets" {
		t.Fatalf("kept %+v, want the passing flow and the marked smoke flow", got)
	}
	smoke := got[1]
	if !strings.HasPrefix(smoke.name, "Fails today: ") || !strings.HasPrefix(smoke.description, "Fails today: ") || !strings.Contains(smoke.description, "Welcome") {
		t.Errorf("failing smoke flow kept as %q: %q; want it marked as a finding saying why", smoke.name, smoke.description)
	}
	logs := strings.Join(logMessages(t, store, session.ID), "\n")
	if !strings.Contains(logs, `Dropped "Says goodbye"`) || !strings.Contains(logs, "1 of 3 flows passed") {
		t.Errorf("logs do not say what was dropped and what passed:\n%s", logs)
	}
}

func TestOpensAbsoluteURLs(t *testing.T) {
	for src, want := range map[string]bool{
		"Go to http://127.0.0.1:3000/login\nClick \"Sign in\"": true,
		"Go to /login\nClick \"Sign in\"":                      false,
		"Go to {{baseUrl}}/login":                              false,
		"Click \"Sign in\"":                                    true,
		"Clik \"Sign in\"":                                     false,
	} {
		if got := opensAbsoluteURLs(proposal{lines: strings.Split(src, "\n")}); got != want {
			t.Errorf("opensAbsoluteURLs(%q) = %v, want %v", src, got, want)
		}
	}
}
