package browser

import (
	"context"
	"strings"
	"sync"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// EgressBlockedHeader marks a response an egress proxy answered in place of
// the request's destination, with the reason as its value (package egress
// sets it; its tests check the two agree).
const EgressBlockedHeader = "X-Egress-Blocked"

// egressBlocks records what the egress proxy refused a flow's pages, so the
// step that caused it fails saying so: a blocked page otherwise looks like
// any 403 page, or like a network error for https and websockets.
type egressBlocks struct {
	check func(ctx context.Context, url string) (message string, blocked bool)

	mu       sync.Mutex
	requests map[proto.NetworkRequestID]string // URLs of requests in flight
	blocked  []string                          // messages not yet reported
}

func newEgressBlocks(check func(context.Context, string) (string, bool)) *egressBlocks {
	return &egressBlocks{check: check, requests: map[proto.NetworkRequestID]string{}}
}

// watch follows the network events of page; it does nothing when the pool
// has no egress proxy.
func (b *egressBlocks) watch(ctx context.Context, page *rod.Page) {
	if b == nil {
		return
	}
	if err := (proto.NetworkEnable{}).Call(page); err != nil {
		return // the page is gone
	}
	wait := page.Context(ctx).EachEvent(
		func(e *proto.NetworkRequestWillBeSent) { b.remember(e.RequestID, e.Request.URL) },
		// Plain HTTP: the proxy's answer says why, in its header.
		func(e *proto.NetworkResponseReceived) {
			b.forget(e.RequestID)
			for name, value := range e.Response.Headers {
				if strings.EqualFold(name, EgressBlockedHeader) {
					b.add(value.Str())
				}
			}
		},
		// HTTPS (and websockets, which Chromium tunnels): a refused tunnel
		// is all Chromium sees, so ask the policy why.
		func(e *proto.NetworkLoadingFailed) {
			url := b.forget(e.RequestID)
			if url != "" && strings.Contains(e.ErrorText, "ERR_TUNNEL_CONNECTION_FAILED") {
				b.explain(ctx, url)
			}
		},
		func(e *proto.NetworkWebSocketCreated) { b.explain(ctx, e.URL) },
	)
	go wait()
}

func (b *egressBlocks) remember(id proto.NetworkRequestID, url string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.requests) < 10_000 { // a page that never finishes its requests cannot grow this for ever
		b.requests[id] = url
	}
}

func (b *egressBlocks) forget(id proto.NetworkRequestID) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	url := b.requests[id]
	delete(b.requests, id)
	return url
}

func (b *egressBlocks) explain(ctx context.Context, url string) {
	if b == nil || b.check == nil {
		return
	}
	if msg, blocked := b.check(ctx, url); blocked {
		b.add(msg)
	}
}

func (b *egressBlocks) add(msg string) {
	if msg == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.blocked) < 20 {
		b.blocked = append(b.blocked, msg)
	}
}

// take returns the first block not yet reported ("" when none) and forgets
// the rest: one step fails for them.
func (b *egressBlocks) take() string {
	if b == nil {
		return ""
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.blocked) == 0 {
		return ""
	}
	msg := b.blocked[0]
	b.blocked = nil
	return msg
}
