package live

import (
	"context"
	"encoding/json"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
)

// Pump runs a subscription resolver's stream without a goroutine while it
// is idle. A resolver that finds one in its context (PumpFrom) returns a
// buffered channel and calls Start with a fill function instead of feeding
// the channel from a goroutine; the hub calls fill when Wake says there may
// be something new (at most once per live window), and reads exactly the
// results fill put in the channel, so nothing blocks and nothing waits.
type Pump struct {
	h   *hub
	e   *evaluation
	ctx context.Context

	// Set once, by the goroutine that dispatched the operation.
	fill      func() (n int, done bool)
	responses graphql.ResponseHandler

	started bool
	rerun   *rerunner // runs pumpOnce
}

type pumpKey struct{}

// PumpFrom returns the pump of a stream subscription's context, or nil when
// the resolver must feed its channel itself (no hub runs it).
func PumpFrom(ctx context.Context) *Pump {
	p, _ := ctx.Value(pumpKey{}).(*Pump)
	return p
}

// Start hands the pump the resolver's fill function: it puts at most the
// channel's capacity of results in the channel and returns how many, and
// done once it has closed the channel (the stream is over). The pump calls
// it at once, then after each Wake, and again while it returns results.
func (p *Pump) Start(fill func() (n int, done bool)) {
	p.fill = fill
	p.started = true
}

// Wake says the stream may have new results; it never blocks.
func (p *Pump) Wake() { p.rerun.wake() }

// pumpOnce drains the stream; it is the job of the pump's rerunner.
func (p *Pump) pumpOnce() {
	defer p.rerun.end()
	if finished := p.drain(); finished {
		p.rerun.stop()
		p.h.finish(p.e)
	}
}

// drain publishes what fill puts in the channel until it puts nothing; it
// reports whether the stream is over.
func (p *Pump) drain() (finished bool) {
	defer func() {
		if r := recover(); r != nil {
			p.h.log.Error("live: panic in a stream", "panic", r, "stack", string(debug.Stack()))
			p.h.publish(p.e, internalErrorResult)
			finished = true
		}
	}()
	for p.e.ctx.Err() == nil {
		n, done := p.fill()
		for range n {
			resp := p.responses(p.ctx)
			if resp == nil {
				return true
			}
			p.h.publish(p.e, encodeResult(p.h, resp))
		}
		if done {
			return true
		}
		if n == 0 {
			return false
		}
	}
	return true
}

// runStream dispatches a stream subscription with a pump in its context.
// A resolver that starts the pump leaves this goroutine free at once; one
// that does not (or fails) is read here until it ends, as run does.
func (h *hub) runStream(e *evaluation, exec graphql.GraphExecutor, opCtx *graphql.OperationContext) {
	p := &Pump{h: h, e: e}
	p.rerun = &rerunner{window: h.window, job: p.pumpOnce}
	// Running from the start: a Wake while the resolver sets up only marks
	// the pump stale.
	p.rerun.begin()
	responses, ctx := exec.DispatchOperation(context.WithValue(e.ctx, pumpKey{}, p), opCtx)
	if !p.started {
		p.rerun.stop()
		h.drainBlocking(e, responses, ctx)
		return
	}
	p.responses, p.ctx = responses, ctx
	// When the last subscriber leaves, nothing more is scheduled.
	context.AfterFunc(e.ctx, p.rerun.stop)
	p.pumpOnce()
}

// encodeResult encodes a result once, whatever the number of subscribers.
func encodeResult(h *hub, resp *graphql.Response) []byte {
	payload, err := json.Marshal(resp)
	if err != nil {
		h.log.Error("live: encode a subscription result", "err", err)
		return internalErrorResult
	}
	return payload
}
