package live

import (
	"bytes"
	"context"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// hub owns the evaluations. Lock order: hub.mu, then evaluation.mu, then
// connection.mu; a connection never calls into the hub while holding its
// own lock.
type hub struct {
	log         *slog.Logger
	invalidator Invalidator   // nil: every subscription runs its resolver's stream
	window      time.Duration // shortest time between two evaluations of a live query
	limit       int           // evaluations (live and streams) held at most

	mu            sync.Mutex
	shared        map[string]*evaluation // by sharing key
	live          int                    // live-query evaluations, shared or not
	streams       int                    // stream evaluations
	subscriptions int
}

// evaluation is one execution of a subscription whose results go to every
// subscriber: a live query evaluated when what it read changes (with an
// Invalidator), else a resolver's stream read by one goroutine.
type evaluation struct {
	key    string // set when shared
	stream bool   // no dedup, no latest, never dropped
	ctx    context.Context
	cancel context.CancelFunc
	evaluator

	mu      sync.Mutex
	subs    map[*operation]struct{}
	latest  []byte // last result sent, for dedup and late joiners
	done    bool   // finished: no more results, no more subscribers
	counted bool   // still counted in the hub's numbers
}

func newHub(opts Options) *hub {
	return &hub{log: opts.Logger, invalidator: opts.Invalidator, window: opts.LiveWindow, limit: opts.MaxEvaluations,
		shared: make(map[string]*evaluation)}
}

func (h *hub) stats() Stats {
	h.mu.Lock()
	defer h.mu.Unlock()
	return Stats{Subscriptions: h.subscriptions, SharedQueries: h.live, Streams: h.streams}
}

// subscribe adds op to the evaluation of key, or starts one with ctx (which
// must not end with the subscriber) and opCtx. A subscriber joining a running
// live query gets its latest result at once. It returns false, and does
// nothing, when a new evaluation would pass the limit.
func (h *hub) subscribe(ctx context.Context, op *operation, key string, shared, stream bool, exec graphql.GraphExecutor, opCtx *graphql.OperationContext) bool {
	h.mu.Lock()
	var e *evaluation
	if shared {
		e = h.shared[key]
	}
	started := e == nil
	if started && h.live+h.streams >= h.limit {
		h.mu.Unlock()
		return false
	}
	h.subscriptions++
	if started {
		e = &evaluation{stream: stream, subs: make(map[*operation]struct{}), counted: true}
		if !stream && h.invalidator != nil {
			e.exec, e.opCtx = exec, opCtx
			e.rerun = &rerunner{window: h.window, job: func() { h.evaluate(e) }}
		}
		e.ctx, e.cancel = context.WithCancel(ctx)
		if stream {
			h.streams++
		} else {
			h.live++
		}
		if shared {
			e.key = key
			h.shared[key] = e
		}
	}
	op.eval = e
	e.mu.Lock()
	e.subs[op] = struct{}{}
	if e.latest != nil {
		op.conn.deliverLive(op, e.latest)
	}
	e.mu.Unlock()
	h.mu.Unlock()
	switch {
	case !started:
	case e.rerun != nil:
		go e.rerun.fire()
	case stream:
		go h.runStream(e, exec, opCtx)
	default:
		go h.run(e, exec, opCtx)
	}
	return true
}

// leave removes a subscriber; the last one to leave stops the evaluation.
// Calling it twice is harmless.
func (h *hub) leave(op *operation) {
	e := op.eval
	h.mu.Lock()
	e.mu.Lock()
	_, member := e.subs[op]
	if member {
		delete(e.subs, op)
		h.subscriptions--
	}
	last := member && len(e.subs) == 0 && !e.done
	var tracking Tracking
	if last {
		h.uncount(e)
		if e.opCtx != nil {
			// Evaluated on invalidation: nothing runs that could finish it.
			e.done = true
			tracking = e.stopEvaluator()
		}
	}
	e.mu.Unlock()
	h.mu.Unlock()
	if tracking != nil {
		tracking.Close()
	}
	if last {
		e.cancel() // a running resolver sees its context end and stops
	}
}

// uncount forgets e in the hub's map and numbers; h.mu must be held.
func (h *hub) uncount(e *evaluation) {
	if !e.counted {
		return
	}
	e.counted = false
	if e.stream {
		h.streams--
	} else {
		h.live--
	}
	if e.key != "" && h.shared[e.key] == e {
		delete(h.shared, e.key)
	}
}

// run executes the operation once and fans every result out until the
// resolver ends the stream or the last subscriber leaves.
func (h *hub) run(e *evaluation, exec graphql.GraphExecutor, opCtx *graphql.OperationContext) {
	responses, ctx := exec.DispatchOperation(e.ctx, opCtx)
	h.drainBlocking(e, responses, ctx)
}

// drainBlocking reads a resolver's results in this goroutine until they
// end, publishing each, then finishes e.
func (h *hub) drainBlocking(e *evaluation, responses graphql.ResponseHandler, ctx context.Context) {
	defer h.finish(e)
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("live: panic in a subscription", "panic", r, "stack", string(debug.Stack()))
			h.publish(e, internalErrorResult)
		}
	}()
	for {
		resp := responses(ctx)
		if resp == nil {
			return
		}
		h.publish(e, encodeResult(h, resp))
	}
}

// publish sends payload to every subscriber unless, for a live query, it
// equals the previous result. It never blocks on a client.
func (h *hub) publish(e *evaluation, payload []byte) {
	var behind []*operation
	e.mu.Lock()
	switch {
	case e.done:
	case e.stream:
		for op := range e.subs {
			if !op.conn.deliverStream(op, payload) {
				behind = append(behind, op)
			}
		}
	case bytes.Equal(payload, e.latest):
		// Re-evaluated after a change that did not alter this result.
	default:
		e.latest = payload
		for op := range e.subs {
			op.conn.deliverLive(op, payload)
		}
	}
	e.mu.Unlock()
	for _, op := range behind {
		op.conn.failStream(op)
		h.leave(op)
	}
}

// finish completes every remaining subscriber after the last result.
func (h *hub) finish(e *evaluation) {
	h.mu.Lock()
	h.uncount(e)
	e.mu.Lock()
	e.done = true
	subs := e.subs
	e.subs = nil
	h.subscriptions -= len(subs)
	tracking := e.stopEvaluator()
	e.mu.Unlock()
	h.mu.Unlock()
	if tracking != nil {
		tracking.Close()
	}
	e.cancel()
	for op := range subs {
		op.conn.complete(op)
	}
}
