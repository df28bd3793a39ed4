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
