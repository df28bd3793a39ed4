package live

import (
	"sync"
	"time"
)

// rerunner runs a job (a live query's evaluation, a log stream's read) in
// a goroutine of its own when woken: never two at once, at most once per
// window, and once more when woken while it ran. Between runs it holds no
// goroutine.
type rerunner struct {
	window time.Duration
	job    func() // calls end when done

	mu        sync.Mutex
	scheduled bool // a timer will run the job
	running   bool
	stale     bool // woken while running: run again after
	stopped   bool
	timer     *time.Timer
	lastRun   time.Time
}

// wake schedules the job no sooner than one window after the last run
// began, or marks a running one stale; it never blocks.
func (r *rerunner) wake() {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.stopped || r.scheduled:
	case r.running:
		r.stale = true
	default:
		r.scheduled = true
		wait := time.Until(r.lastRun.Add(r.window))
		r.timer = time.AfterFunc(max(wait, 0), r.fire)
	}
}

// fire runs the job unless it runs already or was stopped.
func (r *rerunner) fire() {
	if r.begin() {
		r.job()
	}
}

// begin marks the job running; false when it is running or stopped.
func (r *rerunner) begin() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped || r.running {
		return false
	}
	r.scheduled, r.running, r.stale = false, true, false
	r.lastRun = time.Now()
	return true
}

// end marks the job done, and schedules it again if it was woken meanwhile.
func (r *rerunner) end() {
	r.mu.Lock()
	r.running = false
	again := r.stale && !r.stopped
	r.mu.Unlock()
	if again {
		r.wake()
	}
}

// stop ends the rerunner: the job is not scheduled again.
func (r *rerunner) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopped = true
	if r.timer != nil {
		r.timer.Stop()
	}
}
