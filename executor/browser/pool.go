package browser

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
)

// Pool runs flows on a bounded set of Chromium processes, each serving a
// bounded number of isolated incognito contexts. The processes are its own
// (NewPool) or run by others and reached over DevTools (NewRemotePool).
type Pool struct {
	opts   PoolOptions
	bin    string
	log    *slog.Logger
	slots  chan struct{} // one token per open context, Browsers*ContextsPerBrowser in all
	remote []*endpoint   // the browsers of a remote pool; nil when it launches its own

	done      chan struct{} // closed by Close
	closeOnce sync.Once
	disposing sync.WaitGroup // released contexts still closing

	mu        sync.Mutex
	instances []*instance // not gone
	closed    bool
	waiting   int
	launched  int
	changed   chan struct{} // closed and replaced when room may have appeared
}

// Stats is a snapshot of the pool for statistics.
type Stats struct {
	Browsers int // processes starting or running
	Contexts int // contexts open or being opened
	Waiting  int // Acquire calls waiting for a free slot
	Capacity int // contexts the pool can hold at once
	Launched int // Chromium processes this pool started itself, ever (0 for a remote pool)
}

// NewPool checks that Chromium exists and returns a pool; browsers start on
// first Acquire.
func NewPool(opts PoolOptions) (*Pool, error) {
	opts = opts.withDefaults()
	bin, err := FindChromium(opts.Bin)
	if err != nil {
		return nil, err
	}
	capacity := opts.Browsers * opts.ContextsPerBrowser
	return &Pool{
		opts:    opts,
		bin:     bin,
		log:     opts.Logger.With("component", "browser-pool"),
		slots:   make(chan struct{}, capacity),
		done:    make(chan struct{}),
		changed: make(chan struct{}),
	}, nil
}

// Acquire waits for a free slot (honouring ctx), starts a browser if none
// has room, and returns a fresh incognito context with one blank page.
func (p *Pool) Acquire(ctx context.Context) (*Session, error) {
	if err := p.takeSlot(ctx); err != nil {
		return nil, err
	}
	if p.remote != nil {
		s, err := p.acquireRemote(ctx)
		if err != nil {
			<-p.slots
		}
		return s, err
	}
	for attempt := 0; ; attempt++ {
		in, err := p.reserve()
		if err != nil {
			<-p.slots
			return nil, err
		}
		s, err := p.open(ctx, in)
		if err == nil {
			return s, nil
		}
		p.unreserve(in)
		// A browser that died under us is replaced; anything else is final.
		if dead, _ := in.dead(); !dead || attempt >= 1 || ctx.Err() != nil {
			<-p.slots
			return nil, err
		}
	}
}

func (p *Pool) takeSlot(ctx context.Context) error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrPoolClosed
	}
	p.waiting++
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.waiting--
		p.mu.Unlock()
	}()
	select {
	case p.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for a browser: %w", context.Cause(ctx))
	case <-p.done:
		return ErrPoolClosed
	}
}

// reserve picks the least busy running browser with room, or registers a new
// one and starts it. The slot token guarantees one of the two is possible.
func (p *Pool) reserve() (*instance, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrPoolClosed
	}
	var best *instance
	live := 0
	for _, in := range p.instances {
		if in.state != starting && in.state != ready {
			continue // draining browsers finish their contexts and close
		}
		if dead, _ := in.dead(); dead {
			continue // crashed: its watcher removes it; never hand it out again
		}
		live++
		if in.active < p.opts.ContextsPerBrowser && (best == nil || in.active < best.active) {
			best = in
		}
	}
	if best == nil {
		if live >= p.opts.Browsers {
			return nil, errors.New("browser pool: no room although a slot was free") // a bug, not a state
		}
		best = newInstance(nil)
		p.launched++
		p.instances = append(p.instances, best)
		go p.startInstance(best)
	}
	best.active++
	best.served++
	p.stopIdleClockLocked(best)
	if best.served >= p.opts.RecycleAfter && best.state == ready {
		best.state = draining
	}
	return best, nil
}

// unreserve gives back a context reservation; an idle browser starts its
// idle clock, a drained one closes.
func (p *Pool) unreserve(in *instance) {
	p.mu.Lock()
	in.active--
	var closeNow bool
	switch {
	case in.state == draining && in.active == 0:
		closeNow = true
		p.removeLocked(in)
	default:
		p.startIdleClockLocked(in)
	}
	p.signalLocked()
	p.mu.Unlock()
	if closeNow {
		go p.closeInstance(in, "recycled")
	}
}

// Stats returns a snapshot of the pool.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := Stats{Browsers: len(p.instances), Waiting: p.waiting, Capacity: cap(p.slots), Launched: p.launched}
	for _, in := range p.instances {
		st.Contexts += in.active
	}
	return st
}

// Close ends every browser; open sessions fail with ErrPoolClosed and
// waiting Acquire calls return it.
func (p *Pool) Close() error {
	p.closeOnce.Do(func() {
		p.mu.Lock()
		p.closed = true
		list := p.instances
		p.instances = nil
		for _, in := range list {
			in.state = gone
			p.stopIdleClockLocked(in)
		}
		p.mu.Unlock()
		close(p.done)
		var wg sync.WaitGroup
		for _, in := range list {
			wg.Go(func() { p.closeInstance(in, "pool closed") })
		}
		wg.Wait()
		p.disposing.Wait()
	})
	return nil
}
