package planner

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// observation is one action of a trial and what the app showed just
// before and after it.
type observation struct {
	act           []steps.Step
	before, after browser.AppControls
	dismissed     bool // the act opened a dialog no step answered, so the runner dismissed it
}

// Bounds on watching an app after an action: it is read every appPause;
// unchanged for appQuietReads reads it is taken as showing nothing, and a
// change is followed until two reads agree or appMostReads is reached.
const (
	appPause      = 150 * time.Millisecond
	appQuietReads = 6
	appMostReads  = 20
)

// runTrial opens a fresh incognito context, runs setup there with the
// runner itself, then each act in turn, reading the app before and after
// each. It stops at the first act that fails; the observations made so far
// are returned with the error. With targets, the state the trial ends in
// (the start, when there is no act) carries checked targets, for planning
// trials from it.
func (p *Planner) runTrial(ctx context.Context, base string, targets bool, setup []steps.Step, acts ...[]steps.Step) (browser.AppControls, []observation, error) {
	return p.runTrialWhile(ctx, base, targets, nil, setup, acts...)
}

// runTrialWhile is runTrial that goes on to the next act only while
// keepOn (when set) accepts what the last one did.
func (p *Planner) runTrialWhile(ctx context.Context, base string, targets bool, keepOn func(observation) bool, setup []steps.Step, acts ...[]steps.Step) (browser.AppControls, []observation, error) {
	sess, err := p.pool.Acquire(ctx)
	if err != nil {
		return browser.AppControls{}, nil, fmt.Errorf("open a browser: %w", err)
	}
	defer sess.Release()
	opts := browser.RunOptions{BaseURL: base, StepTimeout: p.opts.PageTimeout}
	if res := sess.Run(ctx, numbered(setup), opts, nil); !res.Passed {
		return browser.AppControls{}, nil, fmt.Errorf("getting there failed: %s", res.Error)
	}
	start, err := settledControls(ctx, sess, nil)
	if err != nil {
		return start, nil, err
	}
	before := start
	var seen []observation
	for _, act := range acts {
		res := sess.Run(ctx, numbered(act), opts, nil)
		if !res.Passed {
			return start, seen, fmt.Errorf("%s", res.Error)
		}
		after, err := settledControls(ctx, sess, &before)
		if err != nil {
			return start, seen, err
		}
		seen = append(seen, observation{act: act, before: before, after: after, dismissed: dismissedDialog(res)})
		before = after
		if keepOn != nil && !keepOn(seen[len(seen)-1]) {
			break
		}
	}
	if targets {
		final, err := sess.Controls(ctx, true)
		if err != nil {
			return start, seen, err
		}
		if len(seen) == 0 {
			start = final
		} else {
			seen[len(seen)-1].after = final
		}
	}
	return start, seen, nil
}

// numbered gives steps their line numbers, as the runner's messages cite them.
func numbered(list []steps.Step) []steps.Step {
	out := make([]steps.Step, len(list))
	for i, st := range list {
		st.Line = i + 1
		if line, err := render(st); err == nil {
			st.Source = line
		}
		out[i] = st
	}
	return out
}

// settledControls reads the app until two reads agree. With prior, it
// first waits for the app to differ from prior, giving up (and answering
// what it shows) after appQuietReads unchanged reads.
func settledControls(ctx context.Context, sess *browser.Session, prior *browser.AppControls) (browser.AppControls, error) {
	var last browser.AppControls
	have, changed := false, prior == nil
	var lastErr error
	for i := 0; i < appMostReads; i++ {
		if i > 0 {
			if err := pause(ctx, appPause); err != nil {
				break
			}
		}
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		cur, err := sess.Controls(rctx, false)
		cancel()
		if err != nil {
			lastErr = err // a reload replaced the document; read again
			continue
		}
		if !changed {
			if reflect.DeepEqual(cur, *prior) {
				if i+1 >= appQuietReads {
					return cur, nil
				}
				continue
			}
			changed = true
		}
		if have && reflect.DeepEqual(cur, last) {
			return cur, nil
		}
		last, have = cur, true
	}
	if !have {
		if lastErr == nil {
			lastErr = context.Cause(ctx)
		}
		return last, fmt.Errorf("read the app: %w", lastErr)
	}
	return last, nil
}

// dismissedDialog reports a run during which the runner dismissed a
// dialog that no step expected: a confirm asking "Are you sure?".
func dismissedDialog(res browser.RunResult) bool {
	for _, st := range res.Steps {
		if list, ok := st.Data["dialogs"].([]string); ok && len(list) > 0 {
			return true
		}
	}
	return false
}
