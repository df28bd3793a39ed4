package db

import "sync"

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
}

// MaxPendingChanges bounds a watcher's queue. A watcher that falls this far
// behind loses its queue and gets one ChangeReset instead, so a stuck reader
// never makes writers wait or memory grow.
const MaxPendingChanges = 4096

// Broadcaster is a ChangeFeed that backends publish to. Publish never blocks.
type Broadcaster struct {
	mu       sync.Mutex
	watchers map[*Watcher]struct{}
}

var _ ChangeFeed = (*Broadcaster)(nil)

// Watch registers a new watcher.
func (b *Broadcaster) Watch() *Watcher {
	w := &Watcher{ready: make(chan struct{}, 1), owner: b}
	b.mu.Lock()
	if b.watchers == nil {
		b.watchers = make(map[*Watcher]struct{})
	}
	b.watchers[w] = struct{}{}
	b.mu.Unlock()
	return w
}

// Publish hands changes to every watcher. Backends call it after the write
// committed, in commit order.
func (b *Broadcaster) Publish(changes ...Change) {
	if len(changes) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for w := range b.watchers {
		w.push(changes)
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
	owner   *Broadcaster
	ready   chan struct{}
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
	w.owner.mu.Lock()
	delete(w.owner.watchers, w)
	w.owner.mu.Unlock()
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
