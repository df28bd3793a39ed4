package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// tooSlow is what a stream subscriber hears when it cannot keep up.
const tooSlow = "too slow: subscribe again with `after` set to the cursor of the last event you received"

// operation is what one client id stands for on a connection: a
// subscription (live query or stream) or a query or mutation run once. It
// holds no goroutine of its own.
type operation struct {
	conn   *connection
	id     string
	prefix []byte             // the result frame up to its payload
	eval   *evaluation        // subscriptions
	cancel context.CancelFunc // queries and mutations

	// Guarded by conn.mu.
	pending []byte // latest live result not yet written
	queued  bool   // a frame in the queue will write pending
	done    bool   // completed by either side: nothing more is queued
}

// start runs the operation a subscribe (or legacy start) message asks for.
func (c *connection) start(id string, raw json.RawMessage) {
	params, err := decodeParams(raw)
	if err != nil {
		c.badMessage(id, "Invalid message: "+err.Error())
		return
	}
	if n := c.h.opts.MaxOperations; c.operationCount() >= n {
		c.operationError(id, "RATE_LIMITED", fmt.Sprintf("this connection has %d operations open: complete some before starting more", n))
		return
	}
	if !c.starts.take(time.Now()) {
		c.operationError(id, "RATE_LIMITED", fmt.Sprintf("this connection starts operations faster than %d a second: slow down and subscribe again", c.h.opts.MaxStartsPerSecond))
		return
	}
	params.Headers = c.headers
	ctx := graphql.StartOperationTrace(c.ctx)
	opCtx, errs := c.exec.CreateOperationContext(ctx, params)
	if errs != nil {
		c.reject(id, c.exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs))
		return
	}
	op := &operation{conn: c, id: id, prefix: framePrefix(c.proto.nextType, id)}
	if opCtx.Operation.Operation != ast.Subscription {
		c.runOnce(ctx, op, opCtx)
		return
	}
	stream := c.isStream(opCtx)
	key, shared := "", false
	if !stream {
		scope := ""
		if fn := c.h.opts.ScopeKey; fn != nil {
			scope = fn(c.ctx)
		}
		// Extension hooks may have rewritten params: key on what runs.
		key, shared = sharingKey(scope, params.OperationName, opCtx.RawQuery, params.Variables)
	}
	c.add(op)
	// The evaluation outlives this subscriber when others share it.
	if !c.h.hub.subscribe(context.WithoutCancel(ctx), op, key, shared, stream, c.exec, opCtx) {
		c.mu.Lock()
		delete(c.ops, id)
		c.mu.Unlock()
		c.operationError(id, "RATE_LIMITED", fmt.Sprintf("this server holds %d live queries and streams, as many as it may: retry shortly", c.h.opts.MaxEvaluations))
	}
}

// runOnce executes a query or mutation: its results, then complete.
func (c *connection) runOnce(ctx context.Context, op *operation, opCtx *graphql.OperationContext) {
	ctx, op.cancel = context.WithCancel(ctx)
	c.add(op)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				c.h.opts.Logger.Error("live: panic while executing an operation", "panic", r, "stack", string(debug.Stack()))
				c.push(outFrame{head: op.prefix, body: internalErrorResult}, op)
			}
			c.complete(op)
			op.cancel()
		}()
		responses, ctx := c.exec.DispatchOperation(ctx, opCtx)
		for {
			resp := responses(ctx)
			if resp == nil {
				return
			}
			payload, err := json.Marshal(resp)
			if err != nil {
				c.h.opts.Logger.Error("live: encode a result", "err", err)
				payload = internalErrorResult
			}
			c.push(outFrame{head: op.prefix, body: payload}, op)
		}
	}()
}

// isStream reports whether the subscription's root field is an append
// stream. It walks the document rather than calling graphql.CollectFields,
// whose cache would stay in the operation context of an idle live query.
func (c *connection) isStream(opCtx *graphql.OperationContext) bool {
	if len(c.h.opts.Streams) == 0 {
		return false
	}
	return c.selectsStream(opCtx.Operation.SelectionSet, opCtx.Doc)
}

// selectsStream walks a validated selection set (fragments form no cycles).
func (c *connection) selectsStream(set ast.SelectionSet, doc *ast.QueryDocument) bool {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if c.h.opts.Streams[sel.Name] {
				return true
			}
		case *ast.InlineFragment:
			if c.selectsStream(sel.SelectionSet, doc) {
				return true
			}
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(sel.Name); f != nil && c.selectsStream(f.SelectionSet, doc) {
				return true
			}
		}
	}
	return false
}

func decodeParams(raw json.RawMessage) (*graphql.RawParams, error) {
	if !isJSONObject(raw) {
		return nil, errors.New(`the payload must be an object such as {"query": "subscription { … }", "variables": {}}`)
	}
	var params graphql.RawParams
	if err := decodeJSON(raw, &params); err != nil {
		return nil, fmt.Errorf("the payload is not a GraphQL request: %w", err)
	}
	return &params, nil
}

func (c *connection) add(op *operation) {
	c.mu.Lock()
	c.ops[op.id] = op
	c.mu.Unlock()
}

func (c *connection) hasOperation(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ops[id] != nil
}

func (c *connection) operationCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.ops)
}

// stop ends an operation the client no longer wants; nothing more is sent
// for it.
func (c *connection) stop(id string) {
	c.mu.Lock()
	op := c.ops[id]
	if op != nil {
		delete(c.ops, id)
		op.done = true
		op.pending = nil
	}
	c.mu.Unlock()
	if op != nil {
		c.release(op)
	}
}

// release frees what an ended operation held elsewhere.
func (c *connection) release(op *operation) {
	switch {
	case op.eval != nil:
		c.h.hub.leave(op)
	case op.cancel != nil:
		op.cancel()
	}
}

// reject answers an operation that failed before execution (parse,
// validation, limits) with errors the executor already presented.
func (c *connection) reject(id string, resp *graphql.Response) {
	if c.proto.legacy {
		// As the reference server did: a result with errors, then complete.
		payload, err := json.Marshal(resp)
		if err != nil {
			payload = internalErrorResult
		}
		c.push(outFrame{head: frame("data", id, payload)}, nil)
		c.push(outFrame{head: frame("complete", id, nil)}, nil)
		return
	}
	payload, err := json.Marshal(resp.Errors)
	if err != nil {
		payload = errorList("INTERNAL", "internal error")
	}
	c.push(outFrame{head: frame("error", id, payload)}, nil)
}

// operationError refuses an operation with one message.
func (c *connection) operationError(id, code, message string) {
	if c.proto.legacy {
		c.push(outFrame{head: frame("error", id, legacyError(message))}, nil)
		return
	}
	c.push(outFrame{head: frame("error", id, errorList(code, message))}, nil)
}
