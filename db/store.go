package db

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Store keeps the five collections of the seed. Every backend implements it
// and passes the conformance suite in db/storetest. Methods validate their
// arguments and return *Error values for anything a caller can fix; any other
// error is internal.
type Store interface {
	SessionStore
	FlowStore
	BrowserSessionStore
	LogStore
	StatsStore
	RunStore

	// Ping reports whether the store can serve requests.
	Ping(ctx context.Context) error
	// Close releases the store; writes acknowledged before it are durable.
	Close() error
}

// SessionStore keeps test sessions.
type SessionStore interface {
	CreateTestSession(ctx context.Context, in NewTestSession) (*TestSession, error)
	// ListTestSessions returns at most limit sessions, newest first.
	ListTestSessions(ctx context.Context, limit int) ([]*TestSession, error)
	// ListSessionsWithStatus returns at most limit sessions with the status,
	// oldest first (for recovery sweeps).
	ListSessionsWithStatus(ctx context.Context, status SessionStatus, limit int) ([]*TestSession, error)
	GetTestSession(ctx context.Context, id string) (*TestSession, error)
	// DeleteTestSession removes a session with its flows, browser sessions and
	// logs. A session that is generating or running cannot be deleted.
	DeleteTestSession(ctx context.Context, id string) (*DeletedSession, error)
	// TransitionTestSession moves a session to status to, atomically, only
	// if its status is one of from; otherwise ErrConflict. Moving to running
	// sets startedAt and clears completedAt; to completed or failed sets
	// completedAt.
	TransitionTestSession(ctx context.Context, id string, from []SessionStatus, to SessionStatus) (*TestSession, error)
	// SetSessionMetadata sets metadata.estimatedDuration (milliseconds) and
	// metadata.errorMessage exactly as given: nil clears. actualDuration is
	// the run's to set.
	SetSessionMetadata(ctx context.Context, id string, estimatedDuration *int64, errorMessage *string) (*TestSession, error)
}

// FlowStore keeps test flows.
type FlowStore interface {
	// CreateTestFlows appends flows to a session, continuing its order, and
	// returns the session with its new totals and the created flows.
	CreateTestFlows(ctx context.Context, sessionID string, flows []NewTestFlow) (*TestSession, []*TestFlow, error)
	// ListTestFlows returns a session's flows in order.
	ListTestFlows(ctx context.Context, sessionID string) ([]*TestFlow, error)
	GetTestFlow(ctx context.Context, id string) (*TestFlow, error)
	// UpdateTestFlow edits a flow that is not running.
	UpdateTestFlow(ctx context.Context, id string, upd TestFlowUpdate) (*TestFlow, error)
	// SetFlowsApproved approves or unapproves flows, all or none: an unknown
	// ID or a running flow changes nothing. Flows return in the order asked.
	SetFlowsApproved(ctx context.Context, ids []string, approved bool) ([]*TestFlow, error)
	// DeleteTestFlow removes a flow that is not running and returns its
	// session with updated totals.
	DeleteTestFlow(ctx context.Context, id string) (*TestSession, error)
	// TransitionTestFlow moves a flow to status to, atomically, only if its
	// status is one of from; otherwise ErrConflict. Moving to running sets
	// startedAt and clears completedAt; to completed or failed sets completedAt. The session's
	// completedFlows follows the flows entering and leaving completed.
	TransitionTestFlow(ctx context.Context, id string, from []FlowStatus, to FlowStatus) (*TestFlow, error)
}

// BrowserSessionStore keeps browser sessions.
type BrowserSessionStore interface {
	CreateBrowserSession(ctx context.Context, in NewBrowserSession) (*BrowserSession, error)
	// UpdateBrowserSession sets a browser session's status (and metadata,
	// when not nil) and stamps lastActivity now.
	UpdateBrowserSession(ctx context.Context, id string, status BrowserStatus, metadata *BrowserMetadata) (*BrowserSession, error)
	// ListBrowserSessions returns a test session's browser sessions, oldest first.
	ListBrowserSessions(ctx context.Context, sessionID string) ([]*BrowserSession, error)
}

// LogStore keeps execution logs.
type LogStore interface {
	AppendExecutionLog(ctx context.Context, in NewExecutionLog) (*ExecutionLog, error)
	// ListExecutionLogs returns a page of a session's logs, oldest first.
	ListExecutionLogs(ctx context.Context, q LogQuery) (*LogPage, error)
	// LastExecutionLog returns the last log, in (timestamp, id) order, that
	// q's session, flow and level select (q.After and q.Limit are ignored),
	// or nil when there is none. A log stream without a cursor starts there.
	LastExecutionLog(ctx context.Context, q LogQuery) (*ExecutionLog, error)
}

// StatsStore keeps system statistics samples.
type StatsStore interface {
	RecordSystemStats(ctx context.Context, in SystemStats) (*SystemStats, error)
	// ListSystemStats returns at most limit samples, newest first.
	ListSystemStats(ctx context.Context, limit int) ([]*SystemStats, error)
	// CountActivity counts what a statistics sample reports.
	CountActivity(ctx context.Context) (Activity, error)
}

// Activity is the state of all runs at one moment.
type Activity struct {
	RunningSessions int // sessions whose status is running
	QueuedFlows     int // flows queued and not yet claimed
	RunningFlows    int // flows running now
	FinishedFlows   int // flows whose status is completed or failed
}

// DeletedSession says what a cascade delete removed.
type DeletedSession struct {
	SessionID       string
	FlowIDs         []string
	BrowserSessions int
	ExecutionLogs   int
}

// Limits on what callers may send. They bound memory and keep documents far
// below MongoDB's 16 MiB.
const (
	MaxNameLength         = 200
	MaxTextLength         = 20_000 // prompts, descriptions, instructions, log messages
	MaxFlowsPerCall       = 100
	MaxListLimit          = 1000
	MaxLogDataBytes       = 64 << 10
	MaxBrowserTypeLength  = 100
	MaxApproveIDsPerCall  = 1000
	DefaultLogsPageLength = 100
)

// NewTestSession is what creating a session takes.
type NewTestSession struct {
	Name   string
	Prompt string
}

// Validate checks a new session.
func (in NewTestSession) Validate() error {
	if err := checkName("name", in.Name); err != nil {
		return err
	}
	return checkText("prompt", in.Prompt)
}

// NewTestFlow is one flow to create.
type NewTestFlow struct {
	Name         string
	Description  string
	Instructions string
	Approved     bool
}

// ValidateNewTestFlows checks a batch of flows, naming the first bad one.
func ValidateNewTestFlows(flows []NewTestFlow) error {
	if len(flows) == 0 {
		return Invalidf("flows", "flows is empty: send at least one flow")
	}
	if len(flows) > MaxFlowsPerCall {
		return Invalidf("flows", "%d flows in one call is too many: send at most %d per call", len(flows), MaxFlowsPerCall)
	}
	for i, f := range flows {
		prefix := "flows[" + strconv.Itoa(i) + "]."
		if err := checkName(prefix+"name", f.Name); err != nil {
			return err
		}
		if err := checkText(prefix+"description", f.Description); err != nil {
			return err
		}
		if err := checkInstructions(prefix+"instructions", f.Instructions); err != nil {
			return err
		}
	}
	return nil
}

// TestFlowUpdate edits a flow; nil fields stay as they are.
type TestFlowUpdate struct {
	Name         *string
	Description  *string
	Instructions *string
}

// Validate checks an update.
func (u TestFlowUpdate) Validate() error {
	if u.Name == nil && u.Description == nil && u.Instructions == nil {
		return Invalidf("input", "input changes nothing: set name, description or instructions")
	}
	if u.Name != nil {
		if err := checkName("input.name", *u.Name); err != nil {
			return err
		}
	}
	if u.Description != nil {
		if err := checkText("input.description", *u.Description); err != nil {
			return err
		}
	}
	if u.Instructions != nil {
		if err := checkInstructions("input.instructions", *u.Instructions); err != nil {
			return err
		}
	}
	return nil
}

// ValidateFlowIDs checks the IDs of a batch operation on flows.
func ValidateFlowIDs(ids []string) error {
	if len(ids) == 0 {
		return Invalidf("flowIds", "flowIds is empty: send at least one flow ID")
	}
	if len(ids) > MaxApproveIDsPerCall {
		return Invalidf("flowIds", "%d flow IDs in one call is too many: send at most %d", len(ids), MaxApproveIDsPerCall)
	}
	for i, id := range ids {
		if err := CheckID("flowIds["+strconv.Itoa(i)+"]", id); err != nil {
			return err
		}
	}
	return nil
}

// NewBrowserSession is what the executor records when it opens a browser context.
type NewBrowserSession struct {
	SessionID   string
	FlowID      *string
	Status      BrowserStatus
	BrowserType string
	Metadata    *BrowserMetadata
}

// Validate checks a new browser session.
func (in NewBrowserSession) Validate() error {
	if err := CheckID("sessionId", in.SessionID); err != nil {
		return err
	}
	if in.FlowID != nil {
		if err := CheckID("flowId", *in.FlowID); err != nil {
			return err
		}
	}
	if err := CheckBrowserStatus(in.Status); err != nil {
		return err
	}
	if in.BrowserType == "" || len(in.BrowserType) > MaxBrowserTypeLength {
		return Invalidf("browserType", "browserType must be 1 to %d characters", MaxBrowserTypeLength)
	}
	return nil
}

// NewExecutionLog is one log line to append. A zero Timestamp means now.
type NewExecutionLog struct {
	SessionID        string
	FlowID           *string
	BrowserSessionID *string
	Level            LogLevel
	Message          string
	Timestamp        time.Time
	Data             json.RawMessage
}

// Validate checks a log line.
func (in NewExecutionLog) Validate() error {
	if err := CheckID("sessionId", in.SessionID); err != nil {
		return err
	}
	if in.FlowID != nil {
		if err := CheckID("flowId", *in.FlowID); err != nil {
			return err
		}
	}
	if in.BrowserSessionID != nil {
		if err := CheckID("browserSessionId", *in.BrowserSessionID); err != nil {
			return err
		}
	}
	if !in.Level.Valid() {
		return Invalidf("level", "log level %q is not one of info, warning, error, debug", in.Level)
	}
	if err := checkText("message", in.Message); err != nil {
		return err
	}
	if in.Data != nil {
		if len(in.Data) > MaxLogDataBytes {
			return Invalidf("data", "log data is %d bytes: at most %d are kept", len(in.Data), MaxLogDataBytes)
		}
		if !json.Valid(in.Data) {
			return Invalidf("data", "log data is not valid JSON")
		}
	}
	return nil
}

// LogQuery selects a page of a session's logs.
type LogQuery struct {
	SessionID string
	FlowID    *string   // only this flow's logs
	Level     *LogLevel // only logs of this level
	After     *LogCursor
	Limit     int
}

// Validate checks a log query.
func (q LogQuery) Validate() error {
	if err := CheckID("sessionId", q.SessionID); err != nil {
		return err
	}
	if q.FlowID != nil {
		if err := CheckID("flowId", *q.FlowID); err != nil {
			return err
		}
	}
	if q.Level != nil && !q.Level.Valid() {
		return Invalidf("level", "log level %q is not one of info, warning, error, debug", *q.Level)
	}
	return CheckLimit("first", q.Limit)
}

// LogPage is one page of logs.
type LogPage struct {
	Logs        []*ExecutionLog
	HasNextPage bool
}

// LogCursor is a position in a session's logs: logs sort by timestamp, then ID.
type LogCursor struct {
	Timestamp time.Time
	ID        string
}

// CursorOf returns the cursor just after log l.
func CursorOf(l *ExecutionLog) LogCursor {
	return LogCursor{Timestamp: l.Timestamp, ID: l.ID}
}

// String encodes the cursor as an opaque string for clients.
func (c LogCursor) String() string {
	raw := strconv.FormatInt(c.Timestamp.UnixMilli(), 10) + ":" + c.ID
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// ParseLogCursor decodes a cursor made by LogCursor.String.
func ParseLogCursor(field, s string) (LogCursor, error) {
	bad := Invalidf(field, "%s is not a cursor returned by this API: pass an edge's `cursor` or pageInfo's `endCursor` unchanged", field)
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return LogCursor{}, bad
	}
	ms, id, ok := strings.Cut(string(raw), ":")
	if !ok || !ValidID(id) {
		return LogCursor{}, bad
	}
	n, err := strconv.ParseInt(ms, 10, 64)
	if err != nil || n < 0 {
		return LogCursor{}, bad
	}
	return LogCursor{Timestamp: time.UnixMilli(n).UTC(), ID: id}, nil
}

// CheckLimit returns an ErrInvalid error unless 1 <= n <= MaxListLimit.
func CheckLimit(field string, n int) error {
	if n < 1 || n > MaxListLimit {
		return Invalidf(field, "%s must be between 1 and %d, got %d", field, MaxListLimit, n)
	}
	return nil
}

func checkName(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return Invalidf(field, "%s is empty: give it a short descriptive name", field)
	}
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return Invalidf(field, "%s is %d characters long: at most %d are allowed", field, n, MaxNameLength)
	}
	return nil
}

func checkInstructions(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return Invalidf(field, "%s is empty: write the flow's steps, one per line", field)
	}
	return checkText(field, s)
}

// CheckText returns an ErrInvalid error when s is longer than MaxTextLength.
func CheckText(field, s string) error { return checkText(field, s) }

func checkText(field, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxTextLength {
		return Invalidf(field, "%s is %d characters long: at most %d are allowed", field, n, MaxTextLength)
	}
	return nil
}

// ValidateTransition checks the statuses of a status change.
func ValidateTransition[S interface {
	~string
	Valid() bool
}](from []S, to S) error {
	if len(from) == 0 {
		return Invalidf("from", "name at least one status the change may start from")
	}
	for _, s := range from {
		if !s.Valid() {
			return Invalidf("from", "status %q is not a known status", s)
		}
	}
	if !to.Valid() {
		return Invalidf("to", "status %q is not a known status", to)
	}
	return nil
}

// CheckBrowserStatus returns an ErrInvalid error unless st is a browser status.
func CheckBrowserStatus(st BrowserStatus) error {
	switch st {
	case BrowserStarting, BrowserReady, BrowserRunning, BrowserIdle, BrowserStopped, BrowserError:
		return nil
	}
	return Invalidf("status", "browser status %q is not one of starting, ready, running, idle, stopped, error", st)
}
