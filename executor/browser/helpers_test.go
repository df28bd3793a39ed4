package browser

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

// Every wait in these tests is bounded; these are the bounds.
const (
	acquireBound = 30 * time.Second
	flowBound    = 60 * time.Second
)

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

var (
	sharedOnce sync.Once
	sharedPool *Pool
	sharedErr  error
	site       *httptest.Server
	closedURL  string // where nothing listens
)

func TestMain(m *testing.M) {
	// Loopback only: httptest listens on 127.0.0.1.
	site = httptest.NewServer(http.FileServer(http.Dir("testdata")))
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL = closed.URL
	closed.Close()
	code := m.Run()
	if sharedPool != nil {
		_ = sharedPool.Close()
	}
	site.Close()
	os.Exit(code)
}

// requireChromium skips the test, saying why, when no Chromium is installed.
func requireChromium(t testing.TB) {
	t.Helper()
	if _, err := FindChromium(""); err != nil {
		t.Skipf("skipping: %v", err)
	}
}

func quietLogger() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// pool is one warm pool shared by the tests that need nothing special.
func pool(t testing.TB) *Pool {
	t.Helper()
	requireChromium(t)
	sharedOnce.Do(func() {
		sharedPool, sharedErr = NewPool(PoolOptions{Browsers: 1, ContextsPerBrowser: 3, Logger: quietLogger()})
	})
	if sharedErr != nil {
		t.Fatalf("NewPool: %v", sharedErr)
	}
	return sharedPool
}

func newPool(t testing.TB, opts PoolOptions) *Pool {
	t.Helper()
	requireChromium(t)
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	p, err := NewPool(opts)
	if err != nil {
		t.Fatalf("NewPool: %v", err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

func acquire(t testing.TB, p *Pool) *Session {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), acquireBound)
	defer cancel()
	s, err := p.Acquire(ctx)
	if err != nil {
		t.Fatalf("Acquire: %v", err)
	}
	return s
}

// parse turns instructions into steps with the real step parser.
func parse(t testing.TB, src string) []steps.Step {
	t.Helper()
	list, errs := steps.Parse(src)
	if errs != nil {
		t.Fatalf("instructions do not parse: %v", errs)
	}
	return list
}

func runOpts(stepTimeout time.Duration) RunOptions {
	return RunOptions{BaseURL: site.URL, StepTimeout: stepTimeout}
}

// runFlow runs src in a fresh session of p.
func runFlow(t testing.TB, p *Pool, src string, opts RunOptions) RunResult {
	t.Helper()
	s := acquire(t, p)
	defer s.Release()
	ctx, cancel := context.WithTimeout(context.Background(), flowBound)
	defer cancel()
	return s.Run(ctx, parse(t, src), opts, nil)
}

// describe renders a run for a failing test's log.
func describe(res RunResult) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "passed=%v error=%q console=%q\n", res.Passed, res.Error, res.ConsoleErrors)
	for _, st := range res.Steps {
		fmt.Fprintf(&b, "  line %d %-8s %6s %q %v\n", st.Line, st.Status, st.Duration.Round(time.Millisecond), st.Source, st.Data)
	}
	return b.String()
}
