package browser

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// A remote pool launches nothing: it opens its incognito contexts on
// browsers others run (browserless, Chromium with --remote-debugging-port),
// ContextsPerBrowser on each, least busy first. A browser whose connection
// drops is lost: only its flows fail, the others wait for room on the rest,
// and it is dialled again (backing off up to maxRetryDelay) until it comes
// back.

// Heartbeat of a remote browser: a host that vanishes can leave its TCP
// connection open without an error, so an unanswered call counts as a loss.
const (
	heartbeatEvery   = 10 * time.Second
	heartbeatTimeout = 30 * time.Second
)

// NewRemotePool returns a pool on the browsers at endpoints (see
// ParseEndpoints); opts.Browsers and opts.Bin are ignored. With
// opts.ProxyServer set, every context is created with it as its own proxy
// (CDP Target.createBrowserContext), so the browser must reach that address.
// Nothing is dialled before the first Acquire.
func NewRemotePool(endpoints []string, opts PoolOptions) (*Pool, error) {
	endpoints, err := ParseEndpoints(endpoints)
	if err != nil {
		return nil, err
	}
	opts.Browsers = len(endpoints)
	opts = opts.withDefaults()
	p := &Pool{
		opts:    opts,
		log:     opts.Logger.With("component", "browser-pool"),
		slots:   make(chan struct{}, opts.Browsers*opts.ContextsPerBrowser),
		done:    make(chan struct{}),
		changed: make(chan struct{}),
	}
	for _, u := range endpoints {
		p.remote = append(p.remote, &endpoint{url: u, name: redact(u)})
	}
	return p, nil
}

// acquireRemote reserves room on the least busy remote browser, waiting
// while every reachable one is full, and opens a context there. A browser
// lost while opening is skipped for another.
func (p *Pool) acquireRemote(ctx context.Context) (*Session, error) {
	for {
		p.mu.Lock()
		in, retry, err := p.reserveRemoteLocked()
		changed := p.changed
		p.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if in == nil {
			if err := p.waitForRoom(ctx, changed, retry); err != nil {
				return nil, err
			}
			continue
		}
		s, err := p.open(ctx, in)
		if err == nil {
			return s, nil
		}
		p.unreserve(in)
		if dead, _ := in.dead(); !dead || ctx.Err() != nil {
			return nil, err
		}
	}
}

// waitForRoom waits until the pool changes or, if retry > 0, an endpoint's
// back-off ends.
func (p *Pool) waitForRoom(ctx context.Context, changed <-chan struct{}, retry time.Duration) error {
	var timer <-chan time.Time
	if retry > 0 {
		t := time.NewTimer(retry)
		defer t.Stop()
		timer = t.C
	}
	select {
	case <-changed:
	case <-timer:
	case <-ctx.Done():
		return fmt.Errorf("wait for a browser: %w", context.Cause(ctx))
	case <-p.done:
		return ErrPoolClosed
	}
	return nil
}

// reserveRemoteLocked dials every endpoint that is neither connected nor
// backing off, then reserves a context on the least busy browser with room.
// When all are full it returns no instance (wait for a change, or retry
// later); when none is connected or connecting it returns why.
func (p *Pool) reserveRemoteLocked() (in *instance, retry time.Duration, err error) {
	if p.closed {
		return nil, 0, ErrPoolClosed
	}
	now := time.Now()
	for _, ep := range p.remote {
		switch {
		case ep.in != nil:
		case now.Before(ep.retryAt):
			if wait := ep.retryAt.Sub(now); retry == 0 || wait < retry {
				retry = wait
			}
		default:
			ep.in = newInstance(ep)
			p.instances = append(p.instances, ep.in)
			go p.startInstance(ep.in)
		}
	}
	var best *instance
	live := 0
	for _, cand := range p.instances {
		if cand.state != starting && cand.state != ready {
			continue
		}
		if dead, _ := cand.dead(); dead {
			continue
		}
		live++
		if cand.active >= p.opts.ContextsPerBrowser {
			continue
		}
		if best == nil || cand.active < best.active || cand.active == best.active && cand.state == ready && best.state != ready {
			best = cand
		}
	}
	if best != nil {
		best.active++
		best.served++
		return best, 0, nil
	}
	if live > 0 {
		return nil, retry, nil
	}
	return nil, 0, p.unreachableLocked()
}

// unreachableLocked says why no remote browser can take a flow.
func (p *Pool) unreachableLocked() error {
	reasons := make([]string, 0, len(p.remote))
	for _, ep := range p.remote {
		why := "not connected"
		if ep.lastErr != nil {
			why = ep.lastErr.Error()
		}
		reasons = append(reasons, fmt.Sprintf("%s (%s)", ep.name, why))
	}
	return fmt.Errorf("%w: no browser of BROWSER_URLS is reachable: %s", ErrBrowserLost, strings.Join(reasons, "; "))
}

// signalLocked wakes Acquire calls waiting for room.
func (p *Pool) signalLocked() {
	if p.changed != nil {
		close(p.changed)
		p.changed = make(chan struct{})
	}
}

// heartbeat asks a remote browser for its version every heartbeatEvery; the
// channel returned closes when a call goes unanswered for heartbeatTimeout.
// A dropped connection fails the call at once: watch sees that by itself.
func (in *instance) heartbeat() <-chan struct{} {
	silent := make(chan struct{})
	go func() {
		tick := time.NewTicker(heartbeatEvery)
		defer tick.Stop()
		for {
			select {
			case <-in.ctx.Done():
				return
			case <-tick.C:
			}
			ctx, cancel := context.WithTimeout(in.ctx, heartbeatTimeout)
			_, err := proto.BrowserGetVersion{}.Call(in.browser.Context(ctx))
			cancel()
			if errors.Is(err, context.DeadlineExceeded) && in.ctx.Err() == nil {
				close(silent)
				return
			}
		}
	}()
	return silent
}
