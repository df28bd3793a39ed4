package browser

import "context"

// Each ready browser keeps one spare incognito context open, so that a flow
// does not wait for a context and page to be made (a good part of a short
// flow): Acquire takes the spare and a new one is opened in the background.
// A spare is never reused after a flow: every flow gets a fresh context.

// takeSpare hands out in's spare, if it has a live one.
func (p *Pool) takeSpare(in *instance) *Session {
	p.mu.Lock()
	s := in.spare
	in.spare = nil
	p.mu.Unlock()
	if s == nil {
		return nil
	}
	if s.ctx.Err() != nil { // its browser died while it waited
		s.dispose()
		return nil
	}
	return s
}

// refillSpare opens a spare for in unless it has one, one is being opened,
// or in no longer takes new flows.
func (p *Pool) refillSpare(in *instance) {
	p.mu.Lock()
	if p.closed || in.state != ready || in.spare != nil || in.spareOpening {
		p.mu.Unlock()
		return
	}
	in.spareOpening = true
	p.mu.Unlock()

	s, err := p.openSession(context.Background(), in)

	p.mu.Lock()
	in.spareOpening = false
	keep := err == nil && !p.closed && in.state == ready && in.spare == nil
	if keep {
		in.spare = s
	}
	p.mu.Unlock()
	if err == nil && !keep {
		s.cancel(errReleased)
		s.dispose()
	}
}
