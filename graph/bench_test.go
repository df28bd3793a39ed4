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
	"github.com/testing-agent/backend/db/mongo"
	"github.com/testing-agent/backend/db/mongo/mongotest"
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

type fixtureKey struct {
	backend string
	n       int
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[fixtureKey]*benchFixture{}
)

// benchBackends are the stores the benchmarks run on: the embedded store,
// and the MongoDB backend on an embedded FerretDB (BENCH_MONGO=1, as seeding
// FerretDB is slow) or on MONGODB_URI.
func benchBackends() []string {
	backends := []string{"embedded"}
	if os.Getenv("BENCH_MONGO") != "" || os.Getenv("MONGODB_URI") != "" {
		backends = append(backends, "mongo")
	}
	return backends
}

// openBenchStore opens a fresh store of the named backend that outlives
// the benchmark (not b.TempDir: the fixture is shared by sub-benchmarks).
func openBenchStore(b *testing.B, backend string) db.Store {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "graph-bench-")
	if err != nil {
		b.Fatal(err)
	}
	if backend == "embedded" {
		store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		return store
	}
	uri := os.Getenv("MONGODB_URI")
	if uri == "" {
		uri = benchFerretDB(b, dir)
	}
	store, err := mongo.Open(ctx, mongo.Options{URI: uri, Database: mongotest.FreshDatabase("bench")})
	if err != nil {
		b.Fatal(err)
	}
	return store
}

var (
	ferretOnce sync.Once
	ferretURI  string
)

// benchFerretDB starts one FerretDB for every benchmark of the process.
func benchFerretDB(b *testing.B, dir string) string {
	ferretOnce.Do(func() { ferretURI = mongotest.StartFerretDB(processLifetime{b}, dir).URI })
	return ferretURI
}

// processLifetime is a testing.TB whose cleanups never run, for a server
// that lives as long as the benchmark process.
type processLifetime struct{ *testing.B }

func (processLifetime) Cleanup(func()) {}

// benchStore returns a handler over a store holding n sessions, made once
// per process (seeding 100,000 sessions through the store takes a while).
func benchStore(b *testing.B, backend string, n int) *benchFixture {
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	key := fixtureKey{backend, n}
	if f, ok := fixtures[key]; ok {
		return f
	}
	ctx := context.Background()
	store := openBenchStore(b, backend)
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
	fixtures[key] = f
	return f
}

func BenchmarkListTestSessions(b *testing.B) {
	const query = `query ListTestSessions($limit: Int!) { listTestSessions(limit: $limit) {
		_id name prompt status createdAt startedAt completedAt totalFlows completedFlows
		metadata { estimatedDuration actualDuration errorMessage } } }`
	for _, backend := range benchBackends() {
		for _, n := range []int{1_000, 100_000} {
			b.Run(fmt.Sprintf("store=%s/stored=%d", backend, n), func(b *testing.B) {
				f := benchStore(b, backend, n)
				body := requestBody(b, query, map[string]any{"limit": 20})
				benchRequests(b, f.handler, body, `"listTestSessions":[{`)
			})
		}
	}
}

func BenchmarkGetTestSession(b *testing.B) {
	const query = `query GetTestSession($sessionId: ID!) { getTestSession(sessionId: $sessionId) {
		_id name prompt status createdAt totalFlows completedFlows metadata { errorMessage }
		flows { _id name description instructions approved status order createdAt } } }`
	for _, backend := range benchBackends() {
		for _, n := range []int{1_000, 100_000} {
			b.Run(fmt.Sprintf("store=%s/stored=%d", backend, n), func(b *testing.B) {
				f := benchStore(b, backend, n)
				body := requestBody(b, query, map[string]any{"sessionId": f.sessionID})
				benchRequests(b, f.handler, body, `"order":9`)
			})
		}
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
