package browser

import "time"

// A browser's life in the pool: started on demand, discarded when it
// crashes, closed when idle, recycled after serving RecycleAfter contexts.

// startInstance launches (or dials) a registered browser, then watches it
// for a crash or a loss.
func (p *Pool) startInstance(in *instance) {
	in.start(p.bin, p.opts)
	if in.startErr != nil {
		if !in.deliberate.Load() {
			p.log.Error("browser failed to start", "browser", in.id, "where", in.where(), "err", in.startErr)
		}
		p.mu.Lock()
		if in.ep != nil {
			in.ep.failedLocked(in.startErr)
		}
		p.removeLocked(in)
		p.mu.Unlock()
		return
	}
	p.mu.Lock()
	if in.state == starting {
		in.state = ready
		if in.served >= p.opts.RecycleAfter && in.ep == nil {
			in.state = draining
		}
		p.startIdleClockLocked(in) // its first caller may have given up waiting
	}
	if in.ep != nil {
		in.ep.connectedLocked()
	}
	p.signalLocked()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		in.close(ErrPoolClosed)
		return
	}
	go p.refillSpare(in)
	if in.ep != nil {
		p.log.Info("remote browser connected", "browser", in.id, "endpoint", in.ep.name, "version", in.version)
	} else {
		p.log.Info("chromium started", "browser", in.id, "pid", in.pid(), "version", in.version)
	}
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserStarted, PID: in.pid(), Version: in.version})
	go in.watch(p.crashed)
}

// crashed discards a browser that died or was lost; its sessions fail with
// the cause and the next Acquire starts (or dials) a fresh one.
func (p *Pool) crashed(in *instance, err error) {
	p.mu.Lock()
	if in.ep != nil {
		in.ep.failedLocked(err)
	}
	p.removeLocked(in)
	p.mu.Unlock()
	p.log.Error("browser crashed or lost", "browser", in.id, "where", in.where(), "err", err)
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserCrashed, PID: in.pid(), Version: in.version, Err: err})
}

// startIdleClockLocked closes in after IdleTimeout unless a context is
// opened on it first.
func (p *Pool) startIdleClockLocked(in *instance) {
	// A remote connection stays open: the farm, not the pool, owns the browser.
	if in.ep == nil && in.state == ready && in.active == 0 && in.idleTimer == nil {
		in.idleGen++
		gen := in.idleGen
		in.idleTimer = time.AfterFunc(p.opts.IdleTimeout, func() { p.closeIdle(in, gen) })
	}
}

// stopIdleClockLocked stops the clock; a timer already firing sees the
// generation change and does nothing.
func (p *Pool) stopIdleClockLocked(in *instance) {
	if in.idleTimer != nil {
		in.idleTimer.Stop()
		in.idleTimer = nil
		in.idleGen++
	}
}

// closeIdle closes in if the idle clock gen is still current.
func (p *Pool) closeIdle(in *instance, gen int) {
	p.mu.Lock()
	if in.idleGen != gen || in.state != ready || in.active > 0 {
		p.mu.Unlock()
		return
	}
	p.removeLocked(in)
	p.mu.Unlock()
	p.closeInstance(in, "idle")
}

// closeInstance closes a browser already removed from the pool.
func (p *Pool) closeInstance(in *instance, reason string) {
	in.close(ErrPoolClosed)
	if in.startErr != nil {
		return
	}
	p.log.Info("browser closed", "browser", in.id, "where", in.where(), "reason", reason)
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserClosed, PID: in.pid(), Version: in.version, Reason: reason})
}

func (p *Pool) remove(in *instance) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.removeLocked(in)
}

func (p *Pool) removeLocked(in *instance) {
	in.state = gone
	p.stopIdleClockLocked(in)
	if in.ep != nil && in.ep.in == in {
		in.ep.in = nil
	}
	p.signalLocked()
	for i, other := range p.instances {
		if other == in {
			p.instances = append(p.instances[:i], p.instances[i+1:]...)
			return
		}
	}
}

func (p *Pool) emit(ev BrowserEvent) {
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	if p.opts.OnBrowserEvent != nil {
		p.opts.OnBrowserEvent(ev)
	}
}
