package db

import (
	"context"
	"sync"
)

// Collection names, as the seed names its tables.
const (
	CollTestSessions    = "testSessions"
	CollTestFlows       = "testFlows"
	CollBrowserSessions = "browserSessions"
	CollExecutionLogs   = "executionLogs"
	CollSystemStats     = "systemStats"
)

// ChangeOp says what a change did.
type ChangeOp string

const (
	ChangeInsert ChangeOp = "insert"
	ChangeUpdate ChangeOp = "update"
	ChangeDelete ChangeOp = "delete"
	// ChangeReset means changes may have been missed (a watcher fell behind,
	// or a change stream could not resume): re-read everything watched.
	ChangeReset ChangeOp = "reset"
)

// Change is one committed write, described just enough for a live query to
// decide whether its result may have changed.
type Change struct {
	Collection string
	Op         ChangeOp
	ID         string
	// SessionID is the test session the document belongs to (its own ID for
	// a session), or "" when unknown (a delete seen without its document) or
	// when it belongs to none (statistics). Watchers treat "" on a
	// session-scoped collection as possibly theirs.
	SessionID string
}

// ChangeFeed delivers committed changes. Every backend provides one: the
// embedded store from its own writes, MongoDB from a change stream.
type ChangeFeed interface {
	// Watch returns a watcher that sees every change committed after Watch
	// returns, in commit order, until it is closed.
	Watch() *Watcher
	// WatchOnly is Watch for the changes that match one of reads (and
	// resets): what a live query read. A write costs only the watchers it
	// concerns, however many others there are.
	WatchOnly(reads ...Interest) *Watcher
	// Track follows one evaluation of a live query; see Tracker.
	Track(ctx context.Context, notify func()) (context.Context, *Tracker)
}

// Interest names changes a reader depends on: those of a collection, of
// one session's documents in it (SessionID), or of one document (ID).
type Interest struct {
	Collection string
	SessionID  string
	ID         string
}

// Matches reports whether c may alter what i names. A change whose session
// is unknown ("") may concern any session.
func (i Interest) Matches(c Change) bool {
	return c.Op == ChangeReset || (c.Collection == i.Collection &&
		(i.SessionID == "" || c.SessionID == "" || c.SessionID == i.SessionID) &&
		(i.ID == "" || c.ID == i.ID))
}

// MaxPendingChanges bounds a watcher's queue. A watcher that falls this far
// behind loses its queue and gets one ChangeReset instead, so a stuck reader
// never makes writers wait or memory grow.
const MaxPendingChanges = 4096

// Broadcaster is a ChangeFeed that backends publish to. Publish never
// blocks, and routes each change through an index of what watchers read,
// so it costs the watchers the change concerns, not all of them.
type Broadcaster struct {
	mu       sync.Mutex
	watchers map[*Watcher]struct{}              // every registered watcher
	routes   map[Interest]map[*Watcher]struct{} // interests as given
	// bySession holds, per collection, the watchers of one session's
	// documents: a change of unknown session goes to all of them.
	bySession map[string]map[*Watcher]struct{}
}

var _ ChangeFeed = (*Broadcaster)(nil)

// everything is the interest of a Watch: every change.
var everything = Interest{Collection: "*"}

// Watch registers a watcher of every change.
func (b *Broadcaster) Watch() *Watcher { return b.WatchOnly(everything) }

// WatchOnly registers a watcher of the changes matching reads.
func (b *Broadcaster) WatchOnly(reads ...Interest) *Watcher {
	w := &Watcher{ready: make(chan struct{}, 1), owner: b, reads: reads}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.watchers == nil {
		b.watchers = make(map[*Watcher]struct{})
		b.routes = make(map[Interest]map[*Watcher]struct{})
		b.bySession = make(map[string]map[*Watcher]struct{})
	}
	b.watchers[w] = struct{}{}
	b.route(w)
	return w
}

func addTo[K comparable](m map[K]map[*Watcher]struct{}, k K, w *Watcher) {
	set := m[k]
	if set == nil {
		set = make(map[*Watcher]struct{})
		m[k] = set
	}
	set[w] = struct{}{}
}

func removeFrom[K comparable](m map[K]map[*Watcher]struct{}, k K, w *Watcher) {
	if set := m[k]; set != nil {
		delete(set, w)
		if len(set) == 0 {
			delete(m, k)
		}
	}
}

// Publish hands changes to the watchers they concern, each change once and
// in order. Backends call it after the write committed, in commit order.
func (b *Broadcaster) Publish(changes ...Change) {
	if len(changes) == 0 {
		return
	}
	b.mu.Lock()
	batches := map[*Watcher][]Change{}
	last := map[*Watcher]int{} // the index of the change a watcher got last, plus one
	var i int
	deliver := func(set map[*Watcher]struct{}, c Change) {
		for w := range set {
			if last[w] == i+1 {
				continue // reached through two of its interests
			}
			last[w] = i + 1
			batches[w] = append(batches[w], c)
		}
	}
	for ; i < len(changes); i++ {
		c := changes[i]
		if c.Op == ChangeReset {
			deliver(b.watchers, c)
			continue
		}
		deliver(b.routes[everything], c)
		deliver(b.routes[Interest{Collection: c.Collection}], c)
		if c.ID != "" {
			deliver(b.routes[Interest{Collection: c.Collection, ID: c.ID}], c)
		}
		if c.SessionID == "" {
			deliver(b.bySession[c.Collection], c)
		} else {
			deliver(b.routes[Interest{Collection: c.Collection, SessionID: c.SessionID}], c)
		}
	}
	var notify []func()
	for w, batch := range batches {
		if w.notify != nil {
			notify = append(notify, w.notify)
			continue
		}
		w.push(batch)
	}
	b.mu.Unlock()
	// Called after the lock is released: notify may take locks of its own
	// that are held while watchers are closed.
	for _, fn := range notify {
		fn()
	}
}

// Watchers returns how many watchers are registered.
func (b *Broadcaster) Watchers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.watchers)
}

// Watcher is one reader of a ChangeFeed.
type Watcher struct {
	owner *Broadcaster
	reads []Interest
	ready chan struct{}
	// notify, when set, is called instead of queueing changes (a settled
	// Tracker); it must not block.
	notify  func()
	mu      sync.Mutex
	pending []Change
}

// Ready is signalled when changes are pending; call Drain to take them.
func (w *Watcher) Ready() <-chan struct{} { return w.ready }

// Drain returns and clears the pending changes.
func (w *Watcher) Drain() []Change {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.pending
	w.pending = nil
	return out
}

// Close stops the watcher; it receives nothing more.
func (w *Watcher) Close() {
	b := w.owner
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.watchers, w)
	b.unroute(w)
}

// route and unroute add and remove w's reads in the index; b.mu is held.
func (b *Broadcaster) route(w *Watcher) {
	for _, i := range w.reads {
		addTo(b.routes, i, w)
		if i.SessionID != "" {
			addTo(b.bySession, i.Collection, w)
		}
	}
}

func (b *Broadcaster) unroute(w *Watcher) {
	for _, i := range w.reads {
		removeFrom(b.routes, i, w)
		if i.SessionID != "" {
			removeFrom(b.bySession, i.Collection, w)
		}
	}
}

func (w *Watcher) push(changes []Change) {
	w.mu.Lock()
	if len(w.pending)+len(changes) > MaxPendingChanges {
		w.pending = append(w.pending[:0], Change{Op: ChangeReset})
	} else {
		w.pending = append(w.pending, changes...)
	}
	w.mu.Unlock()
	select {
	case w.ready <- struct{}{}:
	default:
	}
}

// Tracker follows one evaluation of a live query, so that a change is
// never missed between what the evaluation read and what it watches: from
// Track until Settle it keeps every change; Settle then narrows it to what
// the evaluation read (its ReadSet) and keeps only the changes that touched
// that. From then on each such change calls notify, and nothing is queued:
// an idle live query holds no goroutine and no buffer.
type Tracker struct {
	w      *Watcher
	reads  *ReadSet
	notify func()
}

// Track starts a Tracker; resolvers must read through a RecordReads store
// in the returned context.
func (b *Broadcaster) Track(ctx context.Context, notify func()) (context.Context, *Tracker) {
	ctx, reads := WithReadSet(ctx)
	return ctx, &Tracker{w: b.Watch(), reads: reads, notify: notify}
}

// Settle narrows the tracker to what the evaluation read, calls notify if a
// change to that was committed since Track, and reports whether a document
// the evaluation read by ID was missing (the live query's subject is gone).
func (t *Tracker) Settle() (missing bool) {
	w, b := t.w, t.w.owner
	reads := t.reads.Interests()
	b.mu.Lock()
	b.unroute(w)
	w.reads = reads
	b.route(w)
	w.mu.Lock()
	touched := false
	for _, c := range w.pending {
		for _, i := range reads {
			if i.Matches(c) {
				touched = true
			}
		}
	}
	w.pending = nil
	w.mu.Unlock()
	w.notify = t.notify
	b.mu.Unlock()
	missing = t.reads.Missing()
	t.reads = nil // what it read is in the index now
	if touched {
		t.notify()
	}
	return missing
}

// Close stops the tracker.
func (t *Tracker) Close() { t.w.Close() }
