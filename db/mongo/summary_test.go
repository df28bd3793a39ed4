package mongo

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo/mongotest"
	"github.com/testing-agent/backend/db/sqlite"
)

func TestFailureSummary(t *testing.T) {
	failed := func(name string, reason *string) flowDoc { return flowDoc{Name: name, Error: reason} }
	long := strings.Repeat("é", 201)
	cases := []struct {
		what   string
		failed []flowDoc
		ran    int64
		want   string
	}{
		{"one", []flowDoc{failed("Log in", ptr("line 3: no button"))}, 3,
			`1 of 3 flows failed: "Log in" (line 3: no button)`},
		{"no reason, quotes in the name", []flowDoc{failed(`Say "hi"`, nil)}, 1,
			`1 of 1 flows failed: "Say \"hi\"" ()`},
		{"long reason", []flowDoc{failed("a", &long)}, 1,
			`1 of 1 flows failed: "a" (` + strings.Repeat("é", 200) + `…)`},
		{"more ran than counted", []flowDoc{failed("a", ptr("x")), failed("b", ptr("y"))}, 1,
			`2 of 2 flows failed: "a" (x), "b" (y)`},
		{"more than five", []flowDoc{failed("1", ptr("x")), failed("2", ptr("x")), failed("3", ptr("x")),
			failed("4", ptr("x")), failed("5", ptr("x")), failed("6", ptr("x")), failed("7", ptr("x"))}, 9,
			`7 of 9 flows failed: "1" (x), "2" (x), "3" (x), "4" (x), "5" (x) and 2 more`},
	}
	for _, c := range cases {
		if got := failureSummary(c.failed, c.ran); got != c.want {
			t.Errorf("%s: failureSummary = %q, want %q", c.what, got, c.want)
		}
	}
}

// TestRunMessagesMatchSQLite plays the same runs on both backends and
// fails unless they store the same error messages: a failed run's summary,
// a cancelled run's and a lost worker's.
func TestRunMessagesMatchSQLite(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	onMongo := playFailingRuns(t, openTestStore(t, f.URI, mongotest.FreshDatabase("messages")))
	lite, err := sqlite.Open(t.Context(), sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	onSQLite := playFailingRuns(t, lite)
	for i := range onSQLite {
		if onMongo[i] != onSQLite[i] {
			t.Errorf("message %d:\n  mongo:  %q\n  sqlite: %q", i, onMongo[i], onSQLite[i])
		}
	}
}

// playFailingRuns returns the session and flow errors of a run where most
// flows fail, one that is cancelled, and one whose worker is lost.
func playFailingRuns(t *testing.T, s db.Store) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	start := func(names ...string) string {
		sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "messages"})
		if err != nil {
			t.Fatal(err)
		}
		in := make([]db.NewTestFlow, len(names))
		for i, n := range names {
			in[i] = db.NewTestFlow{Name: n, Instructions: "x", Approved: true}
		}
		if _, _, err := s.CreateTestFlows(ctx, sess.ID, in); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.StartRun(ctx, sess.ID); err != nil {
			t.Fatal(err)
		}
		return sess.ID
	}
	message := func(id string) string {
		sess, err := s.GetTestSession(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if sess.Metadata == nil || sess.Metadata.ErrorMessage == nil {
			return fmt.Sprintf("(%s, no message)", sess.Status)
		}
		return string(sess.Status) + ": " + *sess.Metadata.ErrorMessage
	}
	var out []string

	names := []string{`Log "in"`, "Ünïcødé", "c", "d", "e", "f", "g", "passes"}
	failing := start(names...)
	for i := range names {
		claimed, err := s.ClaimFlow(ctx, "w", time.Minute)
		if err != nil || claimed == nil {
			t.Fatalf("ClaimFlow = %v, %v", claimed, err)
		}
		outcome := db.FlowOutcome{Passed: claimed.Name == "passes", Error: fmt.Sprintf("line %d: failed", i)}
		if i == 1 {
			outcome.Error = strings.Repeat("ß", 250)
		}
		if _, _, err := s.FinishFlow(ctx, claimed.ID, "w", outcome); err != nil {
			t.Fatal(err)
		}
	}
	out = append(out, message(failing))

	cancelled := start("a", "b")
	if _, err := s.ClaimFlow(ctx, "w", time.Minute); err != nil {
		t.Fatal(err)
	}
	_, stopped, err := s.CancelRun(ctx, cancelled)
	if err != nil || len(stopped) != 1 {
		t.Fatalf("CancelRun = %v, %v", stopped, err)
	}
	out = append(out, message(cancelled), *stopped[0].Error)

	lost := start("lost")
	if _, err := s.ClaimFlow(ctx, "w", time.Second); err != nil {
		t.Fatal(err)
	}
	recovered, err := s.RecoverExpiredLeases(ctx, db.Now().Add(time.Minute))
	if err != nil || len(recovered) != 1 {
		t.Fatalf("RecoverExpiredLeases = %v, %v", recovered, err)
	}
	return append(out, message(lost), *recovered[0].Error)
}
