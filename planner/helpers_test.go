package planner

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/executor/browser"
)

// Every wait in these tests is bounded; these are the bounds.
const (
	generateBound = 3 * time.Minute
	flowBound     = 60 * time.Second
)

var (
	siteServer *httptest.Server // testdata/site, loopback only
	poolOnce   sync.Once
	sharedPool *browser.Pool
	poolErr    error
)

func TestMain(m *testing.M) {
	siteServer = httptest.NewServer(http.FileServer(http.Dir("testdata/site")))
	code := m.Run()
	if sharedPool != nil {
		_ = sharedPool.Close()
	}
	siteServer.Close()
	os.Exit(code)
}

func quietLogger() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// pool is one warm pool for the tests that explore or run flows; they skip,
// saying why, when Chromium is missing.
func pool(t testing.TB) *browser.Pool {
	t.Helper()
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("skipping: %v", err)
	}
	poolOnce.Do(func() {
		sharedPool, poolErr = browser.NewPool(browser.PoolOptions{Browsers: 1, ContextsPerBrowser: 4, Logger: quietLogger()})
	})
	if poolErr != nil {
		t.Fatalf("NewPool: %v", poolErr)
	}
	return sharedPool
}

// newStore is the real embedded store, in memory.
func newStore(t testing.TB) db.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func newSession(t testing.TB, store db.Store, prompt string) *db.TestSession {
	t.Helper()
	s, err := store.CreateTestSession(context.Background(), db.NewTestSession{Name: "planner test", Prompt: prompt})
	if err != nil {
		t.Fatalf("create session: %v", err)
	}
	return s
}

// generate runs Generate with a bound and returns the ended session and
// its flows.
func generate(t testing.TB, p *Planner, store db.Store, sessionID string) (*db.TestSession, []*db.TestFlow) {
	t.Helper()
	return generateWithin(t, p, store, sessionID, generateBound)
}

// generateWithin is generate with its own bound.
func generateWithin(t testing.TB, p *Planner, store db.Store, sessionID string, bound time.Duration) (*db.TestSession, []*db.TestFlow) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	session, err := p.Generate(ctx, sessionID)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	flows, err := store.ListTestFlows(ctx, sessionID)
	if err != nil {
		t.Fatalf("list flows: %v", err)
	}
	return session, flows
}

func errorMessage(s *db.TestSession) string {
	if s.Metadata == nil || s.Metadata.ErrorMessage == nil {
		return ""
	}
	return *s.Metadata.ErrorMessage
}

// logMessages are the session's execution log lines, oldest first.
func logMessages(t testing.TB, store db.Store, sessionID string) []string {
	t.Helper()
	page, err := store.ListExecutionLogs(context.Background(), db.LogQuery{SessionID: sessionID, Limit: db.MaxListLimit})
	if err != nil {
		t.Fatalf("list logs: %v", err)
	}
	var out []string
	for _, l := range page.Logs {
		out = append(out, string(l.Level)+": "+l.Message)
	}
	return out
}
