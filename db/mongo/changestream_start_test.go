package mongo

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo/mongotest"
)

// logBuffer collects log lines; the loop goroutine may write concurrently.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// feedOnlyStore is a Store with what startLiveFeed and publish use, and no
// client: the opener stands in for the server.
func feedOnlyStore(changeStreams bool, log *logBuffer) *Store {
	return &Store{
		opts:  Options{Database: "agent", Logger: slog.New(slog.NewTextHandler(log, nil))},
		where: "mongodb://db.example:27017",
		caps:  capabilities{changeStreams: changeStreams},
	}
}

const inProcessOnly = "live updates see only this process's writes"

// TestStoreFallsBackToItsOwnWrites: without change streams the store
// publishes its own writes, and says so once.
func TestStoreFallsBackToItsOwnWrites(t *testing.T) {
	unauthorized := mongo.CommandError{Code: 13, Name: "Unauthorized", Message: "not authorized on agent to execute command { aggregate: 1 }"}
	cases := []struct {
		what          string
		changeStreams bool
		openErr       error
		mention       string
	}{
		{"none detected (standalone or FerretDB)", false, nil, "replica set"},
		{"standalone reply from watch", true, streamErrorNamed(t, "Location40573"), "replica set"},
		{"watch refused otherwise", true, unauthorized, "refused"},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			var log logBuffer
			s := feedOnlyStore(c.changeStreams, &log)
			opens := 0
			open := func(context.Context, bson.Raw) (eventSource, error) {
				opens++
				if c.openErr == nil {
					t.Error("opened a change stream where none was detected")
				}
				return nil, c.openErr
			}
			if err := s.startLiveFeed(t.Context(), open); err != nil {
				t.Fatalf("startLiveFeed: %v", err)
			}
			if s.stream != nil {
				t.Fatal("a change stream runs after the fallback")
			}
			if c.openErr != nil && opens != 1 {
				t.Errorf("%d opens, want 1", opens)
			}
			logged := log.String()
			if n := strings.Count(logged, inProcessOnly); n != 1 {
				t.Errorf("logged %d times that %s, want once:\n%s", n, inProcessOnly, logged)
			}
			if !strings.Contains(logged, c.mention) || !strings.Contains(logged, s.where) {
				t.Errorf("log does not mention %q and the server:\n%s", c.mention, logged)
			}

			w := s.Watch()
			defer w.Close()
			own := docChange(db.CollTestSessions, db.ChangeInsert, lcSession, lcSession)
			s.publish(own)
			checkChanges(t, w.Drain(), []db.Change{own})
		})
	}
}

// TestStoreFeedFromChangeStream: with a stream, every write, the store's
// own included, reaches watchers once, through the stream.
func TestStoreFeedFromChangeStream(t *testing.T) {
	events := loadChangeEvents(t)
	var log logBuffer
	s := feedOnlyStore(true, &log)
	server := newScriptedServer(t)
	if err := s.startLiveFeed(t.Context(), server.open); err != nil {
		t.Fatal(err)
	}
	if s.stream == nil {
		t.Fatalf("no change stream runs; log:\n%s", log.String())
	}
	t.Cleanup(s.stream.Close)
	w := s.Watch()
	defer w.Close()

	// The store's write publishes nothing itself; its event does.
	s.publish(lifecycleGolden[0].change)
	server.commit(events[:2]...)
	checkChanges(t, collect(t, w, 2), lifecycleChanges()[:2])
	expectNoMore(t, w)
	if strings.Contains(log.String(), inProcessOnly) {
		t.Errorf("logged that %s while a stream runs:\n%s", inProcessOnly, log.String())
	}
}

// TestFerretDBHasNoChangeStream opens a store on a real wire-protocol server
// without change streams: detection must keep the in-process feed. Had
// detection missed it, FerretDB's refusal of a database-level watch (it
// answers FailedToParse) must still make Open fall back, not retry.
func TestFerretDBHasNoChangeStream(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	var log logBuffer
	s := openTestStore(t, f.URI, mongotest.FreshDatabase("changestream"), func(o *Options) {
		o.Logger = slog.New(slog.NewTextHandler(&log, nil))
	})
	if s.stream != nil {
		t.Fatal("a change stream runs on FerretDB")
	}
	if !strings.Contains(log.String(), inProcessOnly) {
		t.Errorf("Open did not log that %s:\n%s", inProcessOnly, log.String())
	}
	_, err := s.openChangeStream(t.Context(), nil)
	if err == nil {
		t.Fatal("FerretDB opened a change stream")
	}
	if classifyStreamError(err) == streamErrResumable {
		t.Errorf("FerretDB's watch error %v counts as resumable: Open would retry instead of falling back", err)
	}
}
