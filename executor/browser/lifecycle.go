package browser

import "time"

// A browser's life in the pool: started on demand, discarded when it
// crashes, closed when idle, recycled after serving RecycleAfter contexts.

// startInstance launches a registered browser, then watches it for a crash.
func (p *Pool) startInstance(in *instance) {
	in.start(p.bin, p.opts)
	if in.startErr != nil {
		if !in.deliberate.Load() {
			p.log.Error("chromium failed to start", "browser", in.id, "err", in.startErr)
		}
		p.remove(in)
		return
	}
	p.mu.Lock()
	if in.state == starting {
		in.state = ready
		if in.served >= p.opts.RecycleAfter {
			in.state = draining
		}
		p.startIdleClockLocked(in) // its first caller may have given up waiting
	}
	closed := p.closed
	p.mu.Unlock()
	if closed {
		in.close(ErrPoolClosed)
		return
	}
	go p.refillSpare(in)
	p.log.Info("chromium started", "browser", in.id, "pid", in.proc.pid, "version", in.version)
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserStarted, PID: in.proc.pid, Version: in.version})
	go in.watch(p.crashed)
}

// crashed discards a browser that died; its sessions fail with the cause and
// the next Acquire starts a fresh one.
func (p *Pool) crashed(in *instance, err error) {
	p.remove(in)
	p.log.Error("chromium crashed", "browser", in.id, "pid", in.proc.pid, "err", err)
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserCrashed, PID: in.proc.pid, Version: in.version, Err: err})
}

// startIdleClockLocked closes in after IdleTimeout unless a context is
// opened on it first.
func (p *Pool) startIdleClockLocked(in *instance) {
	if in.state == ready && in.active == 0 && in.idleTimer == nil {
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
	p.log.Info("chromium closed", "browser", in.id, "pid", in.proc.pid, "reason", reason)
	p.emit(BrowserEvent{BrowserID: in.id, Kind: BrowserClosed, PID: in.proc.pid, Version: in.version, Reason: reason})
}

func (p *Pool) remove(in *instance) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.removeLocked(in)
}

func (p *Pool) removeLocked(in *instance) {
	in.state = gone
	p.stopIdleClockLocked(in)
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
