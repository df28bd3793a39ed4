package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/testing-agent/backend/egress"
	"github.com/testing-agent/backend/executor/browser"
)

// TestEgressThroughServer runs flows through the API that try to reach what
// the server must keep Chromium from: its own API port, the cloud-metadata
// address and a port EGRESS_DENY names. Each flow fails saying the egress
// policy blocked it, and the denied listener sees no request.
func TestEgressThroughServer(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	var hits atomic.Int64
	denied := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("internal secrets"))
	}))
	defer denied.Close()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, denied.URL+"/secrets", http.StatusFound)
	}))
	defer site.Close()

	policy, err := egress.ParsePolicy("", strings.TrimPrefix(denied.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	url, _ := startServerWith(t, config{DataDir: t.TempDir(), Egress: policy})
	tests := []struct{ name, instructions, reason string }{
		{"the server's own API", "Go to " + url + "/metrics", "own API listener, always denied"},
		{"cloud metadata", "Go to http://169.254.169.254/latest/meta-data/", "cloud-metadata address, always denied"},
		{"a denied port", "Go to " + denied.URL + "/secrets", "EGRESS_DENY"},
		{"a redirect to a denied port", "Go to " + site.URL + "/", "EGRESS_DENY"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := startRun(t, url, site.URL, tc.instructions+"\nExpect the page contains \"secrets\"")
			s := awaitSession(t, url, id, finished).GetTestSession
			if s.Status != "failed" || len(s.Flows) != 1 || s.Flows[0].Error == nil {
				t.Fatalf("session %+v, want its flow failed", s)
			}
			msg := *s.Flows[0].Error
			if !strings.Contains(msg, "line 1") || !strings.Contains(msg, "blocked by the egress policy") || !strings.Contains(msg, tc.reason) {
				t.Errorf("flow error %q, want line 1 blocked by the egress policy (%s)", msg, tc.reason)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the denied listener saw %d requests, want none", n)
	}
}
