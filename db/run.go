package db

import (
	"context"
	"time"
)

// RunStore is what the executor needs to run flows, possibly from several
// server processes on one database: a run queues approved flows, workers
// claim them one at a time under a lease they renew, and the last flow to
// finish finishes the session.
type RunStore interface {
	// StartRun moves a session that is not generating or running to
	// running and queues its approved flows, clearing their previous
	// results. ErrConflict when it is generating or running, or has no
	// approved flow.
	StartRun(ctx context.Context, sessionID string) (*TestSession, []*TestFlow, error)
	// RetryFlow queues one finished flow again (approving it), moving its
	// session to running if it was not. ErrConflict while the flow is
	// queued or running or the session is generating.
	RetryFlow(ctx context.Context, flowID string) (*TestFlow, *TestSession, error)
	// ClaimFlow takes the oldest queued flow for worker, marks it running
	// with a lease until now+lease, and returns it; nil when none waits.
	ClaimFlow(ctx context.Context, worker string, lease time.Duration) (*TestFlow, error)
	// RenewLease extends worker's lease on a running flow; ErrConflict when
	// the flow is no longer running under worker (cancelled, or recovered).
	RenewLease(ctx context.Context, flowID, worker string, lease time.Duration) error
	// FinishFlow records the outcome of worker's run of a flow. When it was
	// the session's last queued or running flow the session ends too:
	// completed when every flow of the run passed, failed otherwise; that
	// session is returned, else nil. ErrConflict when the flow is no longer
	// running under worker.
	FinishFlow(ctx context.Context, flowID, worker string, out FlowOutcome) (*TestFlow, *TestSession, error)
	// CancelRun fails a running session ("cancelled"), fails its running
	// flows and unqueues the rest, returning the flows that were running.
	CancelRun(ctx context.Context, sessionID string) (*TestSession, []*TestFlow, error)
	// RecoverExpiredLeases fails running flows whose lease ended before
	// now (their worker died): "worker lost". Sessions whose last flow that
	// was end too.
	RecoverExpiredLeases(ctx context.Context, now time.Time) ([]*TestFlow, error)

	// SaveArtifact stores a file of a run (a screenshot).
	SaveArtifact(ctx context.Context, in NewArtifact) (*Artifact, error)
	// GetArtifact returns an artifact and its bytes.
	GetArtifact(ctx context.Context, id string) (*Artifact, []byte, error)
}

// FlowOutcome is what a finished run of a flow reports.
type FlowOutcome struct {
	Passed   bool
	Error    string // why it failed; empty when it passed
	Duration time.Duration
	Steps    []StepResult
	// BrowserSessionID is the browser session that ran the flow, for the
	// log the outcome writes; nil when none was opened.
	BrowserSessionID *string
}

// Errors the runner reports for flows it did not finish itself.
const (
	CancelledMessage  = "cancelled"
	WorkerLostMessage = "worker lost: the server running this flow stopped before it finished"
)

// MaxArtifactBytes bounds one artifact.
const MaxArtifactBytes = 10 << 20

// Artifact is a stored file of a run.
type Artifact struct {
	ID          string
	SessionID   string
	FlowID      string
	Name        string
	ContentType string
	Size        int
	CreatedAt   time.Time
}

// NewArtifact is a file to store.
type NewArtifact struct {
	SessionID   string
	FlowID      string
	Name        string
	ContentType string
	Data        []byte
}

// Validate checks an artifact.
func (in NewArtifact) Validate() error {
	if err := CheckID("sessionId", in.SessionID); err != nil {
		return err
	}
	if err := CheckID("flowId", in.FlowID); err != nil {
		return err
	}
	if err := checkName("name", in.Name); err != nil {
		return err
	}
	if in.ContentType == "" || len(in.ContentType) > MaxBrowserTypeLength {
		return Invalidf("contentType", "contentType must be 1 to %d characters", MaxBrowserTypeLength)
	}
	if len(in.Data) > MaxArtifactBytes {
		return Invalidf("data", "artifact is %d bytes: at most %d are kept", len(in.Data), MaxArtifactBytes)
	}
	return nil
}

// ValidateWorker checks a worker ID and lease.
func ValidateWorker(worker string, lease time.Duration) error {
	if worker == "" || len(worker) > MaxNameLength {
		return Invalidf("worker", "worker ID must be 1 to %d characters", MaxNameLength)
	}
	if lease < time.Second {
		return Invalidf("lease", "lease %s is shorter than a second", lease)
	}
	return nil
}
