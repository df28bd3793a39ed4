package live

import (
	"context"
	"encoding/json"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Invalidator tells the hub when a live query's result may have changed,
// from what its last evaluation read (its read set, as Convex records it).
// With one, a live query is the same operation run as a query: once at
// subscribe, then again only when a change touches what it read. Between
// evaluations it holds no goroutine and no buffer.
type Invalidator interface {
	// Track begins one evaluation: the resolvers run in the returned
	// context and record there what they read. onChange, which must not
	// block, is called whenever a change may have altered that.
	Track(ctx context.Context, onChange func()) (context.Context, Tracking)
}

// Tracking is one evaluation's watch on what it read.
type Tracking interface {
	// Settle is called once the evaluation has run: from then on only
	// changes to what it read call onChange (one already committed since
	// Track calls it at once). gone reports that a document the evaluation
	// read by ID does not exist: the live query then completes after this
	// result, as its subject is gone.
	Settle() (gone bool)
	// Close stops calling onChange.
	Close()
}

type evaluationKey struct{}

// IsReevaluation reports whether ctx is that of a live query's evaluation
// rather than of a request, for extensions that count requests.
func IsReevaluation(ctx context.Context) bool {
	return ctx.Value(evaluationKey{}) != nil
}

// evaluate runs e's operation as a query once and publishes the result;
// it is the job of e's rerunner, which calls it again when a change touches
// what this evaluation read.
func (h *hub) evaluate(e *evaluation) {
	defer e.rerun.end()
	e.mu.Lock()
	previous := e.tracking
	e.mu.Unlock()

	ctx, tracking := h.invalidator.Track(e.ctx, e.rerun.wake)
	if previous != nil {
		previous.Close() // the new tracking sees every change from here on
	}
	payload, failed, empty := h.runAsQuery(ctx, e)
	// Gone: a document it read by ID is missing and the result is empty (a
	// nested read racing a delete leaves the result standing; the change
	// that deleted the root evaluates it again).
	gone := tracking.Settle() && empty

	e.mu.Lock()
	e.tracking = tracking
	first := e.latest == nil
	done := e.done
	e.mu.Unlock()
	switch {
	case done:
		tracking.Close()
	case gone, failed && first:
		// Null (or, as a subscription whose resolver fails, the errors),
		// then complete.
		h.publish(e, payload)
		h.finish(e)
	case failed:
		// Keep the last good result; the next change evaluates again.
		h.log.Error("live: a live query's evaluation failed; it keeps its last result", "result", string(payload))
	default:
		h.publish(e, payload)
	}
}

// runAsQuery executes the subscription's operation as a query (the live
// root fields are the Query type's fields, with the same arguments and
// results) and returns the encoded result; empty means its root fields are
// null, failed that they are with errors.
func (h *hub) runAsQuery(ctx context.Context, e *evaluation) (payload []byte, failed, empty bool) {
	defer func() {
		if r := recover(); r != nil {
			h.log.Error("live: panic in a live query", "panic", r, "stack", string(debug.Stack()))
			payload, failed, empty = internalErrorResult, true, true
		}
	}()
	ctx = context.WithValue(ctx, evaluationKey{}, true)
	// A fresh operation context per evaluation: gqlgen caches collected
	// fields in it, which an idle live query should not keep.
	responses, ctx := e.exec.DispatchOperation(ctx, asQuery(e.opCtx))
	resp := responses(ctx)
	if resp == nil {
		return internalErrorResult, true, true
	}
	payload, err := json.Marshal(resp)
	if err != nil {
		h.log.Error("live: encode a live query result", "err", err)
		return internalErrorResult, true, true
	}
	empty = noData(resp.Data)
	return payload, len(resp.Errors) > 0 && empty, empty
}

// noData reports whether a result's data is null or has only null root
// fields: what a root field that failed leaves.
func noData(data json.RawMessage) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return true
	}
	for _, v := range fields {
		if string(v) != "null" {
			return false
		}
	}
	return true
}

// evaluator is what a live query evaluated on invalidation keeps between
// evaluations; it is part of evaluation.
type evaluator struct {
	exec  graphql.GraphExecutor
	opCtx *graphql.OperationContext // the subscription, run as a query

	rerun *rerunner // runs evaluate

	tracking Tracking // guarded by evaluation.mu
}

// asQuery returns the subscription's operation context as a query's: the
// same document, variables and request, the root operation type changed.
func asQuery(sub *graphql.OperationContext) *graphql.OperationContext {
	op := *sub.Operation
	op.Operation = ast.Query
	return &graphql.OperationContext{
		RawQuery:               sub.RawQuery,
		Variables:              sub.Variables,
		OperationName:          sub.OperationName,
		Doc:                    sub.Doc,
		Extensions:             sub.Extensions,
		Headers:                sub.Headers,
		Operation:              &op,
		DisableIntrospection:   sub.DisableIntrospection,
		RecoverFunc:            sub.RecoverFunc,
		ResolverMiddleware:     sub.ResolverMiddleware,
		RootResolverMiddleware: sub.RootResolverMiddleware,
		Stats:                  sub.Stats,
	}
}

// stopEvaluator stops what an evaluated live query holds; e.mu is held and
// e.done set, so nothing new is scheduled.
func (e *evaluation) stopEvaluator() Tracking {
	if e.rerun != nil {
		e.rerun.stop()
	}
	tracking := e.tracking
	e.tracking = nil
	return tracking
}
