package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/graph"
)

// The benchmarks serve listTestSessions(limit: 20) and getTestSession (10
// flows) through the real handler on the real, file-backed embedded store
// holding 1,000 and 100,000 sessions: the cost per request must not grow
// with the number of sessions stored.
//
//	go test ./graph -run '^$' -bench . -benchmem

type benchFixture struct {
	handler   http.Handler
	sessionID string // a session with 10 flows
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*benchFixture{}
)

// benchStore returns a handler over a store holding n sessions, made once
// per process (seeding 100,000 sessions through the store takes a while).
func benchStore(b *testing.B, n int) *benchFixture {
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[n]; ok {
		return f
	}
	ctx := context.Background()
	// Not b.TempDir: the fixture outlives this benchmark.
	dir, err := osMkdirTemp()
	if err != nil {
		b.Fatal(err)
	}
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	var withFlows string
	for i := range n {
		s, err := store.CreateTestSession(ctx, db.NewTestSession{Name: fmt.Sprintf("session %d", i), Prompt: "test sign-up and login on http://localhost:3000"})
		if err != nil {
			b.Fatal(err)
		}
		if i == n/2 {
			withFlows = s.ID
		}
	}
	flows := make([]db.NewTestFlow, 10)
	for i := range flows {
		flows[i] = db.NewTestFlow{Name: fmt.Sprintf("flow %d", i), Description: "checks one thing",
			Instructions: "Go to http://localhost:3000/login\nType \"alice@example.com\" into the \"Email\" field\nClick the \"Sign in\" button\nExpect the url to contain \"/dashboard\""}
	}
	if _, _, err := store.CreateTestFlows(ctx, withFlows, flows); err != nil {
		b.Fatal(err)
	}
	f := &benchFixture{handler: graph.NewHandler(graph.Options{Store: store}), sessionID: withFlows}
	fixtures[n] = f
	return f
}

func BenchmarkListTestSessions(b *testing.B) {
	const query = `query ListTestSessions($limit: Int!) { listTestSessions(limit: $limit) {
		_id name prompt status createdAt startedAt completedAt totalFlows completedFlows
		metadata { estimatedDuration actualDuration errorMessage } } }`
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			f := benchStore(b, n)
			body := requestBody(b, query, map[string]any{"limit": 20})
			benchRequests(b, f.handler, body, `"listTestSessions":[{`)
		})
	}
}

func BenchmarkGetTestSession(b *testing.B) {
	const query = `query GetTestSession($sessionId: ID!) { getTestSession(sessionId: $sessionId) {
		_id name prompt status createdAt totalFlows completedFlows metadata { errorMessage }
		flows { _id name description instructions approved status order createdAt } } }`
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			f := benchStore(b, n)
			body := requestBody(b, query, map[string]any{"sessionId": f.sessionID})
			benchRequests(b, f.handler, body, `"order":9`)
		})
	}
}

func requestBody(b *testing.B, query string, variables map[string]any) string {
	raw, err := json.Marshal(map[string]any{"query": query, "variables": variables})
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

// benchRequests serves body b.N times; every response must contain want
// (checked on the first and last, so a broken response fails the benchmark).
func benchRequests(b *testing.B, h http.Handler, body, want string) {
	serve := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	check := func(rec *httptest.ResponseRecorder) {
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) || strings.Contains(rec.Body.String(), `"errors"`) {
			b.Fatalf("unexpected response %d: %.300s", rec.Code, rec.Body.String())
		}
	}
	check(serve())
	b.ReportAllocs()
	b.ResetTimer()
	var last *httptest.ResponseRecorder
	for b.Loop() {
		last = serve()
	}
	b.StopTimer()
	check(last)
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "graph-bench-") }
