package browser

import "context"

// Each ready browser keeps spare incognito contexts open, one for each flow
// it can run at once, so that a flow does not wait for a context and page
// to be made (about a quarter of a second, a good part of a short flow):
// Acquire takes a spare and a new one is opened in the background while
// the flow runs. A spare is never reused after a flow: every flow gets a
// fresh context.

// takeSpare hands out one of in's spares, if it has a live one.
func (p *Pool) takeSpare(in *instance) *Session {
	for {
		p.mu.Lock()
		if len(in.spares) == 0 {
			p.mu.Unlock()
			return nil
		}
		s := in.spares[0]
		in.spares = in.spares[1:]
		p.mu.Unlock()
		if s.ctx.Err() == nil {
			return s
		}
		s.dispose() // its browser died while it waited
	}
}

// refillSpare opens spares for in until it has one per concurrent flow,
// unless in no longer takes new flows.
func (p *Pool) refillSpare(in *instance) {
	for {
		p.mu.Lock()
		if p.closed || in.state != ready || len(in.spares)+in.spareOpening >= p.opts.ContextsPerBrowser {
			p.mu.Unlock()
			return
		}
		in.spareOpening++
		p.mu.Unlock()

		s, err := p.openSession(context.Background(), in)

		p.mu.Lock()
		in.spareOpening--
		keep := err == nil && !p.closed && in.state == ready
		if keep {
			in.spares = append(in.spares, s)
		}
		p.mu.Unlock()
		if err != nil {
			return
		}
		if !keep {
			s.cancel(errReleased)
			s.dispose()
			return
		}
	}
}
