package browser

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/steps"
)

// loadsPage reports the steps whose whole job is a page load; they run under
// the navigation timeout instead of the step timeout.
func loadsPage(k steps.Kind) bool {
	switch k {
	case steps.Navigate, steps.GoBack, steps.GoForward, steps.Reload:
		return true
	}
	return false
}

// loadAfter runs act (a click, a key press) and, when act made the main
// frame navigate, waits until the new page has loaded, under the navigation
// timeout: the next step then starts on the new page with its whole step
// timeout, however slow the load was.
func (r *stepRun) loadAfter(act func() error) error {
	navCtx, cancel := r.s.stepContext(r.flow, r.opts.NavigationTimeout)
	defer cancel()
	watch, stop := r.s.page.Context(navCtx).WithCancel()
	defer stop()
	var requested atomic.Bool
	mainFrame := watch.FrameID
	wait := watch.EachEvent(
		func(e *proto.PageFrameRequestedNavigation) bool {
			if e.FrameID == mainFrame {
				requested.Store(true)
			}
			return false
		},
		func(e *proto.PageFrameStartedLoading) bool {
			if e.FrameID == mainFrame {
				requested.Store(true)
			}
			return false
		},
		func(*proto.PageLoadEventFired) bool { return requested.Load() },
		func(e *proto.PageNavigatedWithinDocument) bool { return requested.Load() && e.FrameID == mainFrame },
		func(e *proto.PageFrameStoppedLoading) bool { return requested.Load() && e.FrameID == mainFrame },
	)
	loaded := make(chan struct{})
	go func() {
		wait()
		close(loaded)
	}()
	if err := act(); err != nil {
		return err
	}
	// A round trip to the page: the events the act caused arrive before its answer.
	_, _ = r.page.Eval(`() => 0`)
	if !requested.Load() {
		return nil
	}
	r.data["navigated"] = true
	select {
	case <-loaded:
	case <-navCtx.Done():
	}
	if navCtx.Err() != nil && r.flow.Err() == nil && r.s.ctx.Err() == nil {
		return fmt.Errorf("the page it opened did not finish loading after %s", roundDuration(r.opts.NavigationTimeout))
	}
	return context.Cause(r.flow)
}
