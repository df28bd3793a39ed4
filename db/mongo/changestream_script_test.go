package mongo

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// No replica set can run here, so the change-stream loop meets a scripted
// server instead: an oplog of recorded change events, streams that start
// where MongoDB's would (after a startAfter token, or at the end when
// fresh), and failures scripted per open. It stands in for the server; the
// code under test is all the store's own.

const changeEventsDir = "testdata/mongo-change-events"

// loadChangeEvents reads session-lifecycle.jsonl, one event a line.
func loadChangeEvents(t testing.TB) []bson.Raw {
	t.Helper()
	f, err := os.Open(filepath.Join(changeEventsDir, "session-lifecycle.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var events []bson.Raw
	lines := bufio.NewScanner(f)
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		if len(bytes.TrimSpace(lines.Bytes())) == 0 {
			continue
		}
		var doc bson.D
		if err := bson.UnmarshalExtJSON(lines.Bytes(), false, &doc); err != nil {
			t.Fatalf("event %d: %v", len(events)+1, err)
		}
		raw, err := bson.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, raw)
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	return events
}

// streamErrorCase is one entry of errors.json.
type streamErrorCase struct {
	When  string `json:"when"`
	Reply struct {
		Errmsg      string   `json:"errmsg"`
		Code        int32    `json:"code"`
		CodeName    string   `json:"codeName"`
		ErrorLabels []string `json:"errorLabels"`
	} `json:"reply"`
	Expect string `json:"expect"`
}

// err is the error the driver returns for the reply.
func (c streamErrorCase) err() error {
	return mongo.CommandError{Code: c.Reply.Code, Message: c.Reply.Errmsg, Name: c.Reply.CodeName, Labels: c.Reply.ErrorLabels}
}

func loadStreamErrors(t testing.TB) []streamErrorCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(changeEventsDir, "errors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []streamErrorCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// streamErrorNamed returns the errors.json reply with codeName name.
func streamErrorNamed(t testing.TB, name string) error {
	t.Helper()
	for _, c := range loadStreamErrors(t) {
		if c.Reply.CodeName == name {
			return c.err()
		}
	}
	t.Fatalf("errors.json has no %s", name)
	return nil
}

// tokenOf is an event's resume token, its _id.
func tokenOf(t testing.TB, event bson.Raw) bson.Raw {
	t.Helper()
	token, ok := event.Lookup("_id").DocumentOK()
	if !ok {
		t.Fatalf("event without a resume token: %s", event)
	}
	return token
}

// streamBreak makes an opened stream fail after delivering after events;
// with caughtUp, only once it has also read all the oplog holds.
type streamBreak struct {
	after    int
	caughtUp bool
	err      error
}

// oplogEntry is a change the server saw. Hidden entries (writes to other
// databases) are not delivered, but a stream that reads past them moves its
// post-batch resume token past them, as MongoDB's does.
type oplogEntry struct {
	event  bson.Raw
	hidden bool
}

// scriptedServer is the oplog of one database and the streams on it.
type scriptedServer struct {
	t        testing.TB
	mu       sync.Mutex
	oplog    []oplogEntry
	appended chan struct{} // closed and replaced on every commit
	opens    []bson.Raw    // the startAfter of every open, nil when fresh
	openErrs []error       // what the next opens fail with, in order
	breaks   []streamBreak // how the next opened streams fail, in order
}

func newScriptedServer(t testing.TB) *scriptedServer {
	return &scriptedServer{t: t, appended: make(chan struct{})}
}

// commit appends events to the oplog.
func (s *scriptedServer) commit(events ...bson.Raw) {
	entries := make([]oplogEntry, len(events))
	for i, ev := range events {
		entries[i] = oplogEntry{event: ev}
	}
	s.commitEntries(entries...)
}

// commitEntries appends entries to the oplog at once.
func (s *scriptedServer) commitEntries(entries ...oplogEntry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.oplog = append(s.oplog, entries...)
	close(s.appended)
	s.appended = make(chan struct{})
}

// hiddenEvent is the n-th write to another database.
func hiddenEvent(t testing.TB, n int) bson.Raw {
	return mustMarshal(t, bson.D{
		{Key: "_id", Value: bson.D{{Key: "_data", Value: fmt.Sprintf("hidden-%d", n)}}},
		{Key: "operationType", Value: "insert"},
		{Key: "ns", Value: bson.D{{Key: "db", Value: "elsewhere"}, {Key: "coll", Value: "x"}}},
	})
}

// failOpens makes the next opens fail with errs, in order.
func (s *scriptedServer) failOpens(errs ...error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.openErrs = append(s.openErrs, errs...)
}

// breakStreams makes the next opened streams fail as told, in order.
func (s *scriptedServer) breakStreams(breaks ...streamBreak) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.breaks = append(s.breaks, breaks...)
}

// openTokens returns the startAfter of every open so far.
func (s *scriptedServer) openTokens() []bson.Raw {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.opens)
}

// open is the server's side of an opener.
func (s *scriptedServer) open(_ context.Context, startAfter bson.Raw) (eventSource, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opens = append(s.opens, slices.Clone(startAfter))
	if len(s.openErrs) > 0 {
		err := s.openErrs[0]
		s.openErrs = s.openErrs[1:]
		return nil, err
	}
	next := len(s.oplog)
	token := slices.Clone(startAfter)
	if startAfter == nil && next > 0 {
		// The post-batch token of a fresh stream's empty first batch.
		token = tokenOf(s.t, s.oplog[next-1].event)
	}
	if startAfter != nil {
		i := slices.IndexFunc(s.oplog, func(e oplogEntry) bool { return bytes.Equal(tokenOf(s.t, e.event), startAfter) })
		if i < 0 {
			return nil, mongo.CommandError{Code: 280, Name: "ChangeStreamFatalError", Message: "cannot resume stream; the resume token was not found."}
		}
		next = i + 1
	}
	src := &scriptedSource{server: s, next: next, token: token}
	if len(s.breaks) > 0 {
		src.brk, s.breaks = &s.breaks[0], s.breaks[1:]
	}
	return src, nil
}

// entryAt returns oplog entry i, or a channel closed once more are
// committed.
func (s *scriptedServer) entryAt(i int) (*oplogEntry, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i < len(s.oplog) {
		e := s.oplog[i]
		return &e, nil
	}
	return nil, s.appended
}

// scriptedAwait is how long an empty getMore of the scripted server waits.
const scriptedAwait = 10 * time.Millisecond

// scriptedSource is one stream of a scriptedServer. Like the driver's, it
// is read by one goroutine only.
type scriptedSource struct {
	server    *scriptedServer
	next      int
	delivered int
	token     bson.Raw
	current   bson.Raw
	brk       *streamBreak
	err       error
	closed    bool
}

func (s *scriptedSource) TryNext(ctx context.Context) bool {
	if s.closed {
		s.server.t.Error("TryNext on a closed stream")
		return false
	}
	if s.err != nil {
		return false
	}
	if s.brk != nil && s.delivered == s.brk.after {
		if entry, _ := s.server.entryAt(s.next); !s.brk.caughtUp || entry == nil {
			s.err = s.brk.err
			return false
		}
	}
	for {
		entry, more := s.server.entryAt(s.next)
		if entry == nil {
			// An empty batch: the token stays past what was read.
			select {
			case <-more:
			case <-time.After(scriptedAwait):
			case <-ctx.Done():
				s.err = ctx.Err()
			}
			return false
		}
		s.next++
		s.token = tokenOf(s.server.t, entry.event)
		if entry.hidden {
			continue
		}
		s.current = entry.event
		s.delivered++
		return true
	}
}

func (s *scriptedSource) Current() bson.Raw     { return s.current }
func (s *scriptedSource) ResumeToken() bson.Raw { return s.token }
func (s *scriptedSource) Err() error            { return s.err }

func (s *scriptedSource) Close(context.Context) error {
	s.closed = true
	return nil
}
