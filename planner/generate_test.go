package planner

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

func wantErrorMessage(t *testing.T, s *db.TestSession, parts ...string) {
	t.Helper()
	msg := errorMessage(s)
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("errorMessage %q should contain %q", msg, p)
		}
	}
}

func TestPromptWithoutURLOrSteps(t *testing.T) {
	store := newStore(t)
	session := newSession(t, store, "test the sign-up and the login please")
	p := New(Options{Store: store, Logger: quietLogger()})
	ended, flows := generate(t, p, store, session.ID)
	if ended.Status != db.SessionReady || len(flows) != 0 {
		t.Fatalf("status %s with %d flows, want ready with none", ended.Status, len(flows))
	}
	wantErrorMessage(t, ended, "add the URL of the site to test", "http://localhost:3000", "steps one per line")
	logs := logMessages(t, store, session.ID)
	if len(logs) == 0 || !strings.HasPrefix(logs[0], "info: ") {
		t.Errorf("logs %q, want info lines saying what happened", logs)
	}
}

func TestPromptStepsBecomeOneFlow(t *testing.T) {
	store := newStore(t)
	prompt := `Please check the login page:
1. Go to http://localhost:3000/login
2. Type "ada@example.com" into the "Email" field
3. Remember the text of the "Welcome" element as greeting
4. Expect the page contains "{{greeting}}"
That is all.`
	session := newSession(t, store, prompt)
	p := New(Options{Store: store, Logger: quietLogger()}) // no pool: a URL inside a step is not explored anyway
	ended, flows := generate(t, p, store, session.ID)
	if ended.Status != db.SessionReady || len(flows) != 1 {
		t.Fatalf("status %s with %d flows, want ready with one", ended.Status, len(flows))
	}
	f := flows[0]
	want := strings.Join(strings.Split(prompt, "\n")[1:5], "\n")
	if f.Instructions != want {
		t.Errorf("instructions\n%s\nwant the four steps as written\n%s", f.Instructions, want)
	}
	if f.Approved || f.Name == "" || f.Description == "" {
		t.Errorf("flow %+v: want an unapproved flow with a name and a description", f)
	}
	if _, errs := steps.Parse(f.Instructions); errs != nil {
		t.Errorf("the flow does not parse: %v", errs)
	}
	if ended.Metadata == nil || ended.Metadata.EstimatedDuration == nil || *ended.Metadata.EstimatedDuration <= 0 {
		t.Errorf("metadata %+v, want an estimated duration", ended.Metadata)
	}
}

func TestUnreachableSiteFails(t *testing.T) {
	pool := pool(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL + "/"
	closed.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "database is down", http.StatusInternalServerError)
	}))
	defer broken.Close()

	for _, tc := range []struct {
		name, url string
		reason    string
	}{
		{"connection refused", closedURL, "connection refused"},
		{"HTTP 500", broken.URL + "/", "HTTP 500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := newStore(t)
			session := newSession(t, store, "test "+tc.url)
			p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
			ended, flows := generate(t, p, store, session.ID)
			if ended.Status != db.SessionFailed || len(flows) != 0 {
				t.Fatalf("status %s with %d flows, want failed with none", ended.Status, len(flows))
			}
			t.Logf("errorMessage: %s", errorMessage(ended))
			wantErrorMessage(t, ended, tc.url, tc.reason)
		})
	}
}

func TestGenerateRefusesBusySessions(t *testing.T) {
	ctx := context.Background()
	store := newStore(t)
	p := New(Options{Store: store, Logger: quietLogger()})
	for _, status := range []db.SessionStatus{db.SessionGenerating, db.SessionRunning} {
		session := newSession(t, store, "test http://127.0.0.1:1/")
		if _, err := store.TransitionTestSession(ctx, session.ID, []db.SessionStatus{db.SessionPending}, status); err != nil {
			t.Fatal(err)
		}
		_, err := p.Generate(ctx, session.ID)
		if db.ErrorCode(err) != db.ErrConflict {
			t.Errorf("Generate on a %s session: %v, want a conflict", status, err)
		}
		got, _ := store.GetTestSession(ctx, session.ID)
		if got.Status != status {
			t.Errorf("status %s after a refused Generate, want %s unchanged", got.Status, status)
		}
	}
	if _, err := p.Generate(ctx, db.NewID()); db.ErrorCode(err) != db.ErrNotFound {
		t.Errorf("Generate on an unknown session: %v, want not found", err)
	}
}

// TestGenerateAgainAddsNoDuplicates checks that generating twice for one
// session keeps the flows it already has rather than proposing them again.
func TestGenerateAgainAddsNoDuplicates(t *testing.T) {
	store := newStore(t)
	session := newSession(t, store, "1. Go to /\n2. Expect the page contains \"Welcome\"")
	p := New(Options{Store: store, Logger: quietLogger()})
	generate(t, p, store, session.ID)
	ended, flows := generate(t, p, store, session.ID)
	if ended.Status != db.SessionReady || len(flows) != 1 {
		t.Errorf("status %s with %d flows after generating twice, want ready with one", ended.Status, len(flows))
	}
}

// TestGenerateAgainAfterFailure checks that a session whose site was down
// can be generated again once it is up, and that the old error is cleared.
func TestGenerateAgainAfterFailure(t *testing.T) {
	pool := pool(t)
	var down atomic.Bool
	down.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if down.Load() {
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(`<!doctype html><title>Up again</title><h1>Back online</h1>`))
	}))
	defer srv.Close()
	store := newStore(t)
	session := newSession(t, store, "test "+srv.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})

	ended, _ := generate(t, p, store, session.ID)
	if ended.Status != db.SessionFailed {
		t.Fatalf("status %s while the site is down, want failed", ended.Status)
	}
	wantErrorMessage(t, ended, "HTTP 503")
	down.Store(false)
	ended, flows := generate(t, p, store, session.ID)
	if ended.Status != db.SessionReady || len(flows) != 1 || errorMessage(ended) != "" {
		t.Errorf("status %s, %d flows, errorMessage %q; want ready with the smoke flow and no error", ended.Status, len(flows), errorMessage(ended))
	}
}

// TestCancelledGenerationFails checks that a generation cancelled while it
// explores ends failed rather than staying generating.
func TestCancelledGenerationFails(t *testing.T) {
	pool := pool(t)
	hold := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // a page that never finishes loading
		case <-r.Context().Done():
		case <-hold:
		}
	}))
	defer srv.Close()
	defer close(hold)
	store := newStore(t)
	session := newSession(t, store, "test "+srv.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(500*time.Millisecond, cancel)
	ended, err := p.Generate(ctx, session.ID)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	if ended.Status != db.SessionFailed {
		t.Errorf("status %s after cancelling, want failed", ended.Status)
	}
	wantErrorMessage(t, ended, "cancelled")
}
