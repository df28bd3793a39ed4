package planner

import (
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

// Rough costs of a flow in the runner, from the executor's own timings on
// small sites: opening a context, loading a page, acting, checking.
const (
	flowOverhead = 500 * time.Millisecond
	pageLoad     = 800 * time.Millisecond
	actionCost   = 250 * time.Millisecond
	checkCost    = 150 * time.Millisecond
)

// estimate is how long running the flows one after another takes, in
// milliseconds: an upper bound, as the executor runs several at once.
func estimate(flows []proposal) int64 {
	var total time.Duration
	for _, f := range flows {
		list, _ := steps.Parse(f.instructions())
		total += flowOverhead
		for _, st := range list {
			switch st.Kind {
			case steps.Navigate, steps.Reload, steps.GoBack, steps.GoForward:
				total += pageLoad
			case steps.Wait:
				total += st.Duration
			case steps.Assert, steps.Remember, steps.WaitForURL, steps.Screenshot:
				total += checkCost
			default:
				total += actionCost
			}
		}
	}
	return total.Milliseconds()
}
