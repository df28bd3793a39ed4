package planner

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// flowsAtOnce bounds the flows verified side by side.
const flowsAtOnce = 2

// runOutcome is what running a proposal once before proposing it showed.
type runOutcome struct {
	ran, passed bool
	err         string
}

// verifyFlows runs every proposal once, in a fresh context each, as the
// executor will. A flow written from what exploring did (kind "app") that
// fails now is dropped: it records a step exploring got wrong, not the
// app. Any other flow that fails is kept as a finding: its name and
// description say it fails today, and why. Flows not run within the time
// allowed are kept, and the log says so.
func (p *Planner) verifyFlows(ctx context.Context, base string, flows []proposal, pr *progress) []proposal {
	if p.pool == nil || len(flows) == 0 {
		return flows
	}
	vctx, cancel := context.WithTimeout(ctx, p.opts.VerifyTimeout)
	defer cancel()
	pr.info(ctx, fmt.Sprintf("Running each of the %s once before proposing it", count(len(flows), "flow")), nil)
	outcomes := make([]runOutcome, len(flows))
	atOnce(vctx, len(flows), flowsAtOnce, func(i int) { outcomes[i] = p.runOnce(vctx, base, flows[i]) })
	var out []proposal
	passed, unrun := 0, 0
	for i, f := range flows {
		o := outcomes[i]
		switch {
		case !o.ran:
			unrun++
			out = append(out, f)
		case o.passed:
			passed++
			out = append(out, f)
		case f.kind == "app":
			pr.warn(ctx, fmt.Sprintf("Dropped %q: it did what exploring did, yet failed when run again (%s)", f.name, clip(o.err, 300)), nil)
		default:
			pr.warn(ctx, fmt.Sprintf("%q fails today: %s", f.name, clip(o.err, 300)), nil)
			f.name = "Fails today: " + f.name
			f.description = fmt.Sprintf("Fails today: %s. %s", clip(o.err, 500), f.description)
			out = append(out, f)
		}
	}
	if unrun > 0 {
		pr.warn(ctx, fmt.Sprintf("%s could not be run before proposing them, in the %s allowed", count(unrun, "flow"), p.opts.VerifyTimeout), nil)
	}
	pr.info(ctx, fmt.Sprintf("%d of %s passed when run", passed, count(len(flows)-unrun, "flow")), nil)
	return out
}

// runOnce runs one proposal; a flow that does not parse counts as failed.
func (p *Planner) runOnce(ctx context.Context, base string, f proposal) runOutcome {
	list, errs := steps.Parse(f.instructions())
	if errs != nil {
		return runOutcome{ran: true, err: errs.Error()}
	}
	sess, err := p.pool.Acquire(ctx)
	if err != nil {
		return runOutcome{}
	}
	defer sess.Release()
	res := sess.Run(ctx, list, browser.RunOptions{BaseURL: base, StepTimeout: p.opts.PageTimeout}, nil)
	if ctx.Err() != nil {
		return runOutcome{} // out of time: not a verdict on the flow
	}
	return runOutcome{ran: true, passed: res.Passed, err: res.Error}
}

// atOnce calls do(0) … do(n-1), at most limit at a time, and returns when
// all have returned; once ctx ends, calls not yet started are skipped.
func atOnce(ctx context.Context, n, limit int, do func(i int)) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, limit)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-slots }()
			do(i)
		}()
	}
	wg.Wait()
}

// opensAbsoluteURLs reports a flow that can run without a base URL: it
// parses, and each page it opens is a whole http(s) URL.
func opensAbsoluteURLs(f proposal) bool {
	list, errs := steps.Parse(f.instructions())
	if errs != nil {
		return false
	}
	for _, st := range list {
		if st.Kind == steps.Navigate && !strings.HasPrefix(st.URL, "http://") && !strings.HasPrefix(st.URL, "https://") {
			return false
		}
	}
	return true
}
