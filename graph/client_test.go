package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/graph"
	"github.com/testing-agent/backend/graph/live"
)

// apiServer is the real /graphql handler on a real store, over real HTTP.
type apiServer struct {
	t       testing.TB
	url     string
	store   db.Store
	handler *graph.Handler
}

// newStoreFunc makes a fresh, empty store for one test.
type newStoreFunc func(t testing.TB) db.Store

func newSQLiteStore(t testing.TB) db.Store {
	store, err := sqlite.Open(context.Background(), sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func startAPI(t testing.TB, store db.Store) *apiServer {
	return startAPIWith(t, store, graph.Options{})
}

// startAPIWith starts the API with opts; Store and Feed are filled in.
func startAPIWith(t testing.TB, store db.Store, opts graph.Options) *apiServer {
	feed, ok := store.(db.ChangeFeed)
	if !ok {
		t.Fatalf("%T has no change feed", store)
	}
	opts.Store, opts.Feed = store, feed
	if opts.Runner == nil {
		runner, err := executor.New(executor.Options{Store: store, StepTimeout: 3 * time.Second,
			Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			runner.Run(ctx)
		}()
		t.Cleanup(func() {
			cancel()
			<-done
		})
		opts.Runner = runner
	}
	h := graph.NewHandler(opts)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(h.CloseWebsockets)
	return &apiServer{t: t, url: srv.URL, store: store, handler: h}
}

// awaitLive waits until the websocket side's counters satisfy ok: the way to
// know a subscription is registered when it has nothing to emit yet.
func (s *apiServer) awaitLive(ok func(live.Stats) bool) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok(s.handler.LiveStats()) {
		if time.Now().After(deadline) {
			s.t.Fatalf("live stats %+v never got there", s.handler.LiveStats())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	status int
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string {
	code, _ := e.Extensions["code"].(string)
	return code
}

// do POSTs a GraphQL document the way Apollo Client and urql send it.
func (s *apiServer) do(query string, variables map[string]any) gqlResponse {
	s.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": variables})
	if err != nil {
		s.t.Fatal(err)
	}
	return s.post("application/json", body)
}

func (s *apiServer) post(contentType string, body []byte) gqlResponse {
	s.t.Helper()
	resp, err := http.Post(s.url, contentType, bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	return s.decode(resp)
}

func (s *apiServer) decode(resp *http.Response) gqlResponse {
	s.t.Helper()
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		s.t.Fatalf("response is not GraphQL JSON (status %d): %v\n%s", resp.StatusCode, err, raw)
	}
	out.status = resp.StatusCode
	return out
}

// mustQuery runs a document that must succeed and decodes its data into out.
func (s *apiServer) mustQuery(query string, variables map[string]any, out any) {
	s.t.Helper()
	resp := s.do(query, variables)
	if len(resp.Errors) > 0 {
		s.t.Fatalf("unexpected errors: %+v\nquery: %s", resp.Errors, query)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		s.t.Fatalf("decode data: %v\n%s", err, resp.Data)
	}
}

// mustBeNull runs a by-id read of something that does not exist: it must
// answer data {field: null} and no error, as the seed's queries do.
func (s *apiServer) mustBeNull(query string, variables map[string]any, field string) {
	s.t.Helper()
	resp := s.do(query, variables)
	if len(resp.Errors) > 0 {
		s.t.Fatalf("errors for a missing %s: %+v, want none", field, resp.Errors)
	}
	var data map[string]json.RawMessage
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		s.t.Fatalf("decode data: %v\n%s", err, resp.Data)
	}
	if got, ok := data[field]; !ok || string(got) != "null" {
		s.t.Errorf("data = %s, want {%q: null}", resp.Data, field)
	}
}

// mustFail runs a document that must fail with one error of the given code
// whose message contains every one of wantInMessage.
func (s *apiServer) mustFail(query string, variables map[string]any, wantCode string, wantInMessage ...string) gqlError {
	s.t.Helper()
	resp := s.do(query, variables)
	return checkOneError(s.t, resp, wantCode, wantInMessage...)
}

func checkOneError(t testing.TB, resp gqlResponse, wantCode string, wantInMessage ...string) gqlError {
	t.Helper()
	if len(resp.Errors) != 1 {
		t.Fatalf("got %d errors, want 1 with code %s: %+v", len(resp.Errors), wantCode, resp.Errors)
	}
	e := resp.Errors[0]
	if e.code() != wantCode {
		t.Errorf("extensions.code = %q, want %q (message %q)", e.code(), wantCode, e.Message)
	}
	for _, want := range wantInMessage {
		if !strings.Contains(e.Message, want) {
			t.Errorf("message %q does not say %q", e.Message, want)
		}
	}
	for _, leak := range []string{"sqlite", "SQL", "mongo", "goroutine", ".go:", "panic"} {
		if strings.Contains(e.Message, leak) {
			t.Errorf("message %q leaks internals (%q)", e.Message, leak)
		}
	}
	return e
}

var testPageDocument = func() string {
	raw, err := os.ReadFile("testdata/testpage.graphql")
	if err != nil {
		panic(err)
	}
	return string(raw)
}()

// op sends one named operation of testdata/testpage.graphql.
func (s *apiServer) op(name string, variables map[string]any) gqlResponse {
	s.t.Helper()
	body, err := json.Marshal(map[string]any{"query": testPageDocument, "operationName": name, "variables": variables})
	if err != nil {
		s.t.Fatal(err)
	}
	return s.post("application/json", body)
}

// mustOp sends a named operation that must succeed and decodes its data.
func (s *apiServer) mustOp(name string, variables map[string]any, out any) {
	s.t.Helper()
	resp := s.op(name, variables)
	if len(resp.Errors) > 0 {
		s.t.Fatalf("%s: unexpected errors: %+v", name, resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		s.t.Fatalf("%s: decode data: %v\n%s", name, err, resp.Data)
	}
}

// The shapes a front end reads, with timestamps as the strings it receives.
type sessionJSON struct {
	UnderscoreID   string  `json:"_id"`
	ID             string  `json:"id"`
	Name           string  `json:"name"`
	Prompt         string  `json:"prompt"`
	Status         string  `json:"status"`
	CreatedAt      string  `json:"createdAt"`
	StartedAt      *string `json:"startedAt"`
	CompletedAt    *string `json:"completedAt"`
	TotalFlows     int     `json:"totalFlows"`
	CompletedFlows int     `json:"completedFlows"`
	Metadata       *struct {
		EstimatedDuration *int    `json:"estimatedDuration"`
		ActualDuration    *int    `json:"actualDuration"`
		ErrorMessage      *string `json:"errorMessage"`
	} `json:"metadata"`
	Flows []flowJSON `json:"flows"`
}

type flowJSON struct {
	UnderscoreID string  `json:"_id"`
	ID           string  `json:"id"`
	SessionID    string  `json:"sessionId"`
	Name         string  `json:"name"`
	Description  string  `json:"description"`
	Instructions string  `json:"instructions"`
	Approved     bool    `json:"approved"`
	Status       string  `json:"status"`
	Order        int     `json:"order"`
	CreatedAt    string  `json:"createdAt"`
	StartedAt    *string `json:"startedAt"`
	CompletedAt  *string `json:"completedAt"`
	DurationMs   *int    `json:"durationMs"`
	Error        *string `json:"error"`
}

var introspectionQuery = func() string {
	raw, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		panic(err)
	}
	return string(raw)
}()
