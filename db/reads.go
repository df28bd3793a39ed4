package db

import (
	"context"
	"sync"
)

// ReadSet is what one live evaluation read, as Convex records it: every
// read through a store wrapped by RecordReads, made in a context carrying
// the set, adds the interests whose changes could alter what it returned.
// Nested fields are covered because their resolvers read through the same
// store; nobody writes a change filter by hand.
type ReadSet struct {
	mu      sync.Mutex
	reads   map[Interest]struct{}
	missing bool
}

type readSetKey struct{}

// WithReadSet returns ctx carrying a new, empty read set.
func WithReadSet(ctx context.Context) (context.Context, *ReadSet) {
	r := &ReadSet{reads: map[Interest]struct{}{}}
	return context.WithValue(ctx, readSetKey{}, r), r
}

// Interests returns what was read, each interest once.
func (r *ReadSet) Interests() []Interest {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Interest, 0, len(r.reads))
	for i := range r.reads {
		out = append(out, i)
	}
	return out
}

// Missing reports whether a read by ID found nothing: the document the
// evaluation follows is gone (or never was).
func (r *ReadSet) Missing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.missing
}

// note records a read made in ctx, if ctx carries a read set, and whether
// it found its document.
func note(ctx context.Context, err error, reads ...Interest) {
	r, _ := ctx.Value(readSetKey{}).(*ReadSet)
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, i := range reads {
		r.reads[i] = struct{}{}
	}
	if ErrorCode(err) == ErrNotFound {
		r.missing = true
	}
}

// RecordReads wraps store so that its reads record, in the read set of the
// context they are made in, what they depend on. Writes pass through.
func RecordReads(store Store) Store { return recordingStore{store} }

type recordingStore struct{ Store }

func (s recordingStore) ListTestSessions(ctx context.Context, limit int) ([]*TestSession, error) {
	v, err := s.Store.ListTestSessions(ctx, limit)
	note(ctx, err, Interest{Collection: CollTestSessions})
	return v, err
}

func (s recordingStore) ListSessionsWithStatus(ctx context.Context, status SessionStatus, limit int) ([]*TestSession, error) {
	v, err := s.Store.ListSessionsWithStatus(ctx, status, limit)
	note(ctx, err, Interest{Collection: CollTestSessions})
	return v, err
}

func (s recordingStore) GetTestSession(ctx context.Context, id string) (*TestSession, error) {
	v, err := s.Store.GetTestSession(ctx, id)
	note(ctx, err, Interest{Collection: CollTestSessions, ID: id})
	return v, err
}

func (s recordingStore) ListTestFlows(ctx context.Context, sessionID string) ([]*TestFlow, error) {
	v, err := s.Store.ListTestFlows(ctx, sessionID)
	// The session is read too: the flows of a deleted one are gone.
	note(ctx, err, Interest{Collection: CollTestFlows, SessionID: sessionID}, Interest{Collection: CollTestSessions, ID: sessionID})
	return v, err
}

func (s recordingStore) GetTestFlow(ctx context.Context, id string) (*TestFlow, error) {
	v, err := s.Store.GetTestFlow(ctx, id)
	note(ctx, err, Interest{Collection: CollTestFlows, ID: id})
	return v, err
}

func (s recordingStore) ListBrowserSessions(ctx context.Context, sessionID string) ([]*BrowserSession, error) {
	v, err := s.Store.ListBrowserSessions(ctx, sessionID)
	note(ctx, err, Interest{Collection: CollBrowserSessions, SessionID: sessionID}, Interest{Collection: CollTestSessions, ID: sessionID})
	return v, err
}

func (s recordingStore) ListExecutionLogs(ctx context.Context, q LogQuery) (*LogPage, error) {
	v, err := s.Store.ListExecutionLogs(ctx, q)
	note(ctx, err, Interest{Collection: CollExecutionLogs, SessionID: q.SessionID}, Interest{Collection: CollTestSessions, ID: q.SessionID})
	return v, err
}

func (s recordingStore) LastExecutionLog(ctx context.Context, q LogQuery) (*ExecutionLog, error) {
	v, err := s.Store.LastExecutionLog(ctx, q)
	note(ctx, err, Interest{Collection: CollExecutionLogs, SessionID: q.SessionID}, Interest{Collection: CollTestSessions, ID: q.SessionID})
	return v, err
}

func (s recordingStore) ListSystemStats(ctx context.Context, limit int) ([]*SystemStats, error) {
	v, err := s.Store.ListSystemStats(ctx, limit)
	note(ctx, err, Interest{Collection: CollSystemStats})
	return v, err
}

func (s recordingStore) CountActivity(ctx context.Context) (Activity, error) {
	v, err := s.Store.CountActivity(ctx)
	note(ctx, err, Interest{Collection: CollTestSessions}, Interest{Collection: CollTestFlows})
	return v, err
}
