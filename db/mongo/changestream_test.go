package mongo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// testBackoff keeps reopening quick in tests.
var testBackoff = backoff{min: time.Millisecond, max: 5 * time.Millisecond}

// waitLimit bounds every wait of these tests; none should come near it.
const waitLimit = 10 * time.Second

// errServerSelection stands in for the driver's error while no node answers.
var errServerSelection = errors.New("server selection error: context deadline exceeded, current topology: { Type: ReplicaSetNoPrimary }")

// startScripted starts a change-stream loop on server, publishing to a new
// Broadcaster, and returns it with a watcher registered before the first
// stream opens. The loop is closed when t ends.
func startScripted(t *testing.T, server *scriptedServer) (*changeStream, *db.Watcher) {
	t.Helper()
	sink := &db.Broadcaster{}
	w := sink.Watch()
	t.Cleanup(w.Close)
	stream := newChangeStream(server.open, sink, quietLogger(), testBackoff)
	if err := stream.start(t.Context()); err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(stream.Close)
	return stream, w
}

// collect drains w until it has n changes, failing t after waitLimit.
func collect(t *testing.T, w *db.Watcher, n int) []db.Change {
	t.Helper()
	var got []db.Change
	deadline := time.After(waitLimit)
	for len(got) < n {
		select {
		case <-w.Ready():
			got = append(got, w.Drain()...)
		case <-deadline:
			t.Fatalf("after %v the watcher had %d of %d changes: %v", waitLimit, len(got), n, got)
		}
	}
	return got
}

// waitUntil polls cond until it holds, failing t after waitLimit.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting after %v for %s", waitLimit, what)
		}
		time.Sleep(time.Millisecond)
	}
}

// waitOpens waits until server has been asked to open n streams and
// returns their startAfter tokens.
func waitOpens(t *testing.T, server *scriptedServer, n int) []bson.Raw {
	t.Helper()
	waitUntil(t, fmt.Sprintf("%d stream opens", n), func() bool { return len(server.openTokens()) >= n })
	return server.openTokens()
}

// checkOpens compares the startAfter tokens of the opens with want (nil
// for a fresh stream).
func checkOpens(t *testing.T, got, want []bson.Raw) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d opens (startAfter %v), want %d (%v)", len(got), got, len(want), want)
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("open %d started after %v, want %v", i+1, got[i], want[i])
		}
	}
}

func checkChanges(t *testing.T, got, want []db.Change) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("published\n  %v\nwant\n  %v", got, want)
	}
}

// expectNoMore fails t if w holds anything more.
func expectNoMore(t *testing.T, w *db.Watcher) {
	t.Helper()
	if extra := w.Drain(); len(extra) > 0 {
		t.Errorf("published more than expected: %v", extra)
	}
}

func TestChangeStreamPublishesRecordedLifecycle(t *testing.T) {
	events := loadChangeEvents(t)
	server := newScriptedServer(t)
	_, w := startScripted(t, server)
	server.commit(events...)

	got := collect(t, w, len(events))
	checkChanges(t, got, lifecycleChanges())

	// Invalidate ends the stream; the loop reopens after its token.
	opens := waitOpens(t, server, 2)
	checkOpens(t, opens, []bson.Raw{nil, tokenOf(t, events[len(events)-1])})
	expectNoMore(t, w)

	t.Run("transaction in commit order", func(t *testing.T) {
		var want, inTxn []db.Change
		first := -1
		for i, ev := range events {
			if _, ok := ev.Lookup("txnNumber").Int64OK(); ok {
				if first < 0 {
					first = i
				}
				want = append(want, lifecycleGolden[i].change)
			}
		}
		if len(want) != 3 {
			t.Fatalf("the recording has %d transaction events, want 3", len(want))
		}
		inTxn = got[first : first+len(want)]
		checkChanges(t, inTxn, want)
	})

	t.Run("after the reopen", func(t *testing.T) {
		// The database is back; its new writes arrive on the new stream.
		server.commit(events[0])
		checkChanges(t, collect(t, w, 1), lifecycleChanges()[:1])
	})
}

// streamErrorsExpecting returns the errors.json cases whose expect starts
// with prefix.
func streamErrorsExpecting(t *testing.T, prefix string) []streamErrorCase {
	t.Helper()
	var out []streamErrorCase
	for _, c := range loadStreamErrors(t) {
		if strings.HasPrefix(c.Expect, prefix) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("errors.json has no case expecting %q", prefix)
	}
	return out
}

func TestClassifyRecordedStreamErrors(t *testing.T) {
	for _, c := range loadStreamErrors(t) {
		var want streamErrorKind
		switch {
		case strings.HasPrefix(c.Expect, "resumable"):
			want = streamErrResumable
		case strings.HasPrefix(c.Expect, "not resumable"):
			want = streamErrLost
		case strings.Contains(c.Expect, "replica set"):
			want = streamErrUnsupported
		default:
			t.Fatalf("errors.json expects %q for %s: teach this test what that means", c.Expect, c.Reply.CodeName)
		}
		// The store wraps errors; classification must see through that.
		err := fmt.Errorf("mongo: change stream: %w", c.err())
		if got := classifyStreamError(err); got != want {
			t.Errorf("%s (%s): classified %d, want %d (%s)", c.Reply.CodeName, c.When, got, want, c.Expect)
		}
	}
	for _, err := range []error{errServerSelection, context.DeadlineExceeded, errStreamClosedByServer} {
		if got := classifyStreamError(err); got != streamErrResumable {
			t.Errorf("%v: classified %d, want resumable", err, got)
		}
	}
}

// TestChangeStreamResumesAfterResumableErrors breaks the stream mid-way
// with each resumable reply of errors.json, then fails the first reopens
// as a server does while it shuts down and no node answers: the loop must
// resume after the last event it published, losing and repeating nothing.
func TestChangeStreamResumesAfterResumableErrors(t *testing.T) {
	events := loadChangeEvents(t)
	const breakAfter = 7
	for _, c := range streamErrorsExpecting(t, "resumable") {
		t.Run(c.Reply.CodeName, func(t *testing.T) {
			server := newScriptedServer(t)
			server.breakStreams(streamBreak{after: breakAfter, err: c.err()})
			_, w := startScripted(t, server)
			server.failOpens(c.err(), errServerSelection) // the reopens
			server.commit(events...)

			checkChanges(t, collect(t, w, len(events)), lifecycleChanges())
			last := tokenOf(t, events[breakAfter-1])
			checkOpens(t, waitOpens(t, server, 5), []bson.Raw{nil, last, last, last, tokenOf(t, events[len(events)-1])})
			expectNoMore(t, w)
		})
	}
}

// TestChangeStreamKeepsPostBatchToken: a stream that read past writes it
// does not deliver (an empty batch) resumes after them, not after its last
// event, so a quiet database keeps its token inside the oplog window.
func TestChangeStreamKeepsPostBatchToken(t *testing.T) {
	events := loadChangeEvents(t)
	server := newScriptedServer(t)
	server.breakStreams(streamBreak{after: 2, caughtUp: true, err: streamErrorNamed(t, "NotWritablePrimary")})
	_, w := startScripted(t, server)
	hidden := hiddenEvent(t, 1)
	server.commitEntries(oplogEntry{event: events[0]}, oplogEntry{event: events[1]}, oplogEntry{event: hidden, hidden: true})

	checkOpens(t, waitOpens(t, server, 2), []bson.Raw{nil, tokenOf(t, hidden)})
	server.commit(events[2:5]...)
	checkChanges(t, collect(t, w, 5), lifecycleChanges()[:5])
	expectNoMore(t, w)
}

// TestChangeStreamResumesBeforeFirstEvent breaks streams before they
// deliver anything: one opened on a database with history resumes after the
// token the server gave with its first batch; one with no token at all can
// only start afresh, and then publishes a reset for what it may have missed.
func TestChangeStreamResumesBeforeFirstEvent(t *testing.T) {
	events := loadChangeEvents(t)
	notPrimary := streamErrorNamed(t, "NotWritablePrimary")

	t.Run("with the first batch's token", func(t *testing.T) {
		server := newScriptedServer(t)
		server.commit(events[:2]...) // before the store opened: not published
		server.breakStreams(streamBreak{after: 0, err: notPrimary})
		_, w := startScripted(t, server)
		checkOpens(t, waitOpens(t, server, 2), []bson.Raw{nil, tokenOf(t, events[1])})
		server.commit(events[2])
		checkChanges(t, collect(t, w, 1), lifecycleChanges()[2:3])
		expectNoMore(t, w)
	})

	t.Run("without a token", func(t *testing.T) {
		server := newScriptedServer(t)
		server.breakStreams(streamBreak{after: 0, err: notPrimary})
		_, w := startScripted(t, server)
		checkOpens(t, waitOpens(t, server, 2), []bson.Raw{nil, nil})
		server.commit(events[0])
		checkChanges(t, collect(t, w, 2), []db.Change{resetChange, lifecycleGolden[0].change})
		expectNoMore(t, w)
	})
}

// TestChangeStreamStartsFreshWhenHistoryIsLost: after each not-resumable
// reply of errors.json the loop opens a fresh stream and, once it is open,
// publishes a reset so every live query re-reads; what was committed in
// between is covered by that re-read, what comes after arrives.
func TestChangeStreamStartsFreshWhenHistoryIsLost(t *testing.T) {
	events := loadChangeEvents(t)
	want := append(append(lifecycleChanges()[:3:3], resetChange), lifecycleChanges()[5:8]...)
	for _, c := range streamErrorsExpecting(t, "not resumable") {
		t.Run(c.Reply.CodeName+"_mid-stream", func(t *testing.T) {
			server := newScriptedServer(t)
			server.breakStreams(streamBreak{after: 3, err: c.err()})
			_, w := startScripted(t, server)
			server.commit(events[:5]...)

			checkOpens(t, waitOpens(t, server, 2), []bson.Raw{nil, nil})
			server.commit(events[5:8]...)
			checkChanges(t, collect(t, w, len(want)), want)
			expectNoMore(t, w)
		})
		t.Run(c.Reply.CodeName+"_on_resume", func(t *testing.T) {
			server := newScriptedServer(t)
			server.breakStreams(streamBreak{after: 3, err: streamErrorNamed(t, "NotWritablePrimary")})
			_, w := startScripted(t, server)
			server.failOpens(c.err()) // the reopen
			server.commit(events[:5]...)

			checkOpens(t, waitOpens(t, server, 3), []bson.Raw{nil, tokenOf(t, events[2]), nil})
			server.commit(events[5:8]...)
			checkChanges(t, collect(t, w, len(want)), want)
			expectNoMore(t, w)
		})
	}

}

func TestChangeStreamStart(t *testing.T) {
	events := loadChangeEvents(t)

	t.Run("standalone server refuses", func(t *testing.T) {
		server := newScriptedServer(t)
		standalone := streamErrorNamed(t, "Location40573")
		server.failOpens(standalone)
		stream := newChangeStream(server.open, &db.Broadcaster{}, quietLogger(), testBackoff)
		err := stream.start(t.Context())
		if classifyStreamError(err) != streamErrUnsupported {
			t.Fatalf("start returned %v, want the standalone reply", err)
		}
		time.Sleep(5 * scriptedAwait) // a loop, had one started, would reopen
		if n := len(server.openTokens()); n != 1 {
			t.Errorf("%d opens after a refused start, want 1", n)
		}
	})

	t.Run("no node answers yet", func(t *testing.T) {
		server := newScriptedServer(t)
		server.failOpens(errServerSelection, errServerSelection)
		_, w := startScripted(t, server)
		checkOpens(t, waitOpens(t, server, 3), []bson.Raw{nil, nil, nil})
		server.commit(events[0])
		// The process's writes went unpublished until the stream opened.
		checkChanges(t, collect(t, w, 2), []db.Change{resetChange, lifecycleGolden[0].change})
	})
}

// TestChangeStreamCloseStopsLoop closes the loop in each of its states and
// checks that its goroutine is gone.
func TestChangeStreamCloseStopsLoop(t *testing.T) {
	cases := []struct {
		what  string
		setup func(*scriptedServer)
		b     backoff
	}{
		{"following a quiet stream", func(*scriptedServer) {}, testBackoff},
		{"backing off between failed opens", func(s *scriptedServer) {
			s.failOpens(errServerSelection)
		}, backoff{min: time.Hour, max: time.Hour}},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			baseline := runtime.NumGoroutine()
			server := newScriptedServer(t)
			c.setup(server)
			stream := newChangeStream(server.open, &db.Broadcaster{}, quietLogger(), c.b)
			if err := stream.start(t.Context()); err != nil {
				t.Fatal(err)
			}
			time.Sleep(5 * scriptedAwait)
			closed := make(chan struct{})
			go func() {
				stream.Close()
				stream.Close() // idempotent
				close(closed)
			}()
			select {
			case <-closed:
			case <-time.After(waitLimit):
				t.Fatalf("Close did not return within %v", waitLimit)
			}
			waitUntil(t, fmt.Sprintf("goroutines back to %d", baseline), func() bool { return runtime.NumGoroutine() <= baseline })
		})
	}
}

func TestChangeStreamPublishesResetForUnreadableEvent(t *testing.T) {
	events := loadChangeEvents(t)
	server := newScriptedServer(t)
	_, w := startScripted(t, server)
	server.commit(events[0], mustMarshal(t, bson.D{{Key: "_id", Value: bson.D{{Key: "_data", Value: "bad"}}}, {Key: "ns", Value: "x"}}), events[1])
	checkChanges(t, collect(t, w, 3), []db.Change{lifecycleGolden[0].change, resetChange, lifecycleGolden[1].change})
}

func TestBackoffDelay(t *testing.T) {
	b := backoff{min: 100 * time.Millisecond, max: time.Second}
	want := []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second, time.Second}
	for failures, w := range want {
		if got := b.delay(failures); got != w {
			t.Errorf("delay(%d) = %v, want %v", failures, got, w)
		}
	}
	if got := b.delay(1000); got != time.Second {
		t.Errorf("delay(1000) = %v, want the cap", got)
	}
}
