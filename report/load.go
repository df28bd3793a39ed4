// Package report turns a session's last run into reports for people and CI
// servers: JUnit XML and a self-contained HTML page. It reads only through
// db.Store.
package report

import (
	"context"
	"fmt"
	"time"

	"github.com/testing-agent/backend/db"
)

// Run is a session's last run as the reports show it.
type Run struct {
	Session *db.TestSession
	Flows   []*db.TestFlow
}

// Load reads a session and its flows.
func Load(ctx context.Context, store db.Store, sessionID string) (*Run, error) {
	session, err := store.GetTestSession(ctx, sessionID)
	if err != nil {
		return nil, fmt.Errorf("read session %s: %w", sessionID, err)
	}
	flows, err := store.ListTestFlows(ctx, sessionID)
	if err != nil {
		return nil, fmt.Errorf("read the flows of session %s: %w", sessionID, err)
	}
	return &Run{Session: session, Flows: flows}, nil
}

// outcome is how a report counts one flow.
type outcome int

const (
	passed outcome = iota
	failed
	skipped // not part of the run, or not finished when the report was made
)

// outcomeOf classifies a flow: only completed and failed flows ran to an end.
func outcomeOf(f *db.TestFlow) outcome {
	switch f.Status {
	case db.FlowCompleted:
		return passed
	case db.FlowFailed:
		return failed
	}
	return skipped
}

// seconds formats a duration in milliseconds as JUnit's decimal seconds.
func seconds(ms *int64) string {
	if ms == nil {
		return "0.000"
	}
	return fmt.Sprintf("%.3f", float64(*ms)/1000)
}

// runDuration is the run's length: the session's actualDuration, else the
// sum of its flows'.
func (r *Run) runDuration() *int64 {
	if m := r.Session.Metadata; m != nil && m.ActualDuration != nil {
		return m.ActualDuration
	}
	var sum int64
	for _, f := range r.Flows {
		if f.DurationMs != nil {
			sum += *f.DurationMs
		}
	}
	return &sum
}

// startedAt is when the run started, or when the session was created.
func (r *Run) startedAt() time.Time {
	if r.Session.StartedAt != nil {
		return *r.Session.StartedAt
	}
	return r.Session.CreatedAt
}

// failedStep is a flow's first failed step, or nil.
func failedStep(f *db.TestFlow) *db.StepResult {
	for i := range f.Steps {
		if f.Steps[i].Status == db.StepFailed {
			return &f.Steps[i]
		}
	}
	return nil
}
