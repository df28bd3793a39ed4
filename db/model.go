// Package db holds the domain of the testing agent: its entities, the Store
// that keeps them, and the errors a store returns. It imports nothing of the
// project and no database driver; each backend lives in a sub-package.
package db

import (
	"encoding/json"
	"time"
)

// SessionStatus is a test session's state, spelled as the seed spells it.
type SessionStatus string

const (
	SessionPending    SessionStatus = "pending"
	SessionGenerating SessionStatus = "generating"
	SessionReady      SessionStatus = "ready"
	SessionRunning    SessionStatus = "running"
	SessionCompleted  SessionStatus = "completed"
	SessionFailed     SessionStatus = "failed"
)

// FlowStatus is a test flow's state.
type FlowStatus string

const (
	FlowPending   FlowStatus = "pending"
	FlowRunning   FlowStatus = "running"
	FlowCompleted FlowStatus = "completed"
	FlowFailed    FlowStatus = "failed"
)

// BrowserStatus is a browser session's state.
type BrowserStatus string

const (
	BrowserStarting BrowserStatus = "starting"
	BrowserReady    BrowserStatus = "ready"
	BrowserRunning  BrowserStatus = "running"
	BrowserIdle     BrowserStatus = "idle"
	BrowserStopped  BrowserStatus = "stopped"
	BrowserError    BrowserStatus = "error"
)

// LogLevel is an execution log entry's severity.
type LogLevel string

const (
	LogInfo    LogLevel = "info"
	LogWarning LogLevel = "warning"
	LogError   LogLevel = "error"
	LogDebug   LogLevel = "debug"
)

// Valid reports whether l is one of the four levels.
func (l LogLevel) Valid() bool {
	switch l {
	case LogInfo, LogWarning, LogError, LogDebug:
		return true
	}
	return false
}

// TestSession is one prompt and the flows made from it (collection testSessions).
type TestSession struct {
	ID             string
	Name           string
	Prompt         string
	Status         SessionStatus
	CreatedAt      time.Time
	StartedAt      *time.Time
	CompletedAt    *time.Time
	TotalFlows     int // number of flows the session has
	CompletedFlows int // number of its flows whose status is completed
	FailedFlows    int // number of its flows whose status is failed
	// RunFlows is how many flows the current (or last) run set out to run:
	// the approved flows when it started, plus flows retried since.
	// Progress is (CompletedFlows+FailedFlows)/RunFlows.
	RunFlows int
	Metadata *SessionMetadata
}

// SessionMetadata is the seed's optional metadata object. Durations are in
// milliseconds.
type SessionMetadata struct {
	EstimatedDuration *int64
	ActualDuration    *int64
	ErrorMessage      *string
}

// TestFlow is one named sequence of steps in a session (collection testFlows).
type TestFlow struct {
	ID           string
	SessionID    string
	Name         string
	Description  string
	Instructions string
	Approved     bool
	Status       FlowStatus
	Order        int // position in the session, from 1 (as the seed numbers them), in creation order
	CreatedAt    time.Time
	// Run metadata, set by the executor.
	StartedAt   *time.Time
	CompletedAt *time.Time
	DurationMs  *int64
	Error       *string
	// Queued is true from the moment a run takes the flow until it ends.
	Queued bool
	// Attempts counts the runs that claimed the flow.
	Attempts int
	// Steps are the results of the last run's steps, in order.
	Steps []StepResult
}

// StepResult is the outcome of one step of a run.
type StepResult struct {
	Line       int    // line in the instructions
	Source     string // the step as written
	Status     string // "passed" or "failed"
	DurationMs int64
	Error      *string
	// ScreenshotID names an artifact: a failed step's screenshot, or what
	// a screenshot step took.
	ScreenshotID *string
}

// Step statuses.
const (
	StepPassed = "passed"
	StepFailed = "failed"
)

// BrowserSession is one browser context as the UI shows it (collection browserSessions).
type BrowserSession struct {
	ID           string
	SessionID    string
	FlowID       *string
	Status       BrowserStatus
	BrowserType  string
	StartedAt    time.Time
	LastActivity time.Time
	Metadata     *BrowserMetadata
}

// BrowserMetadata describes the browser behind a browser session.
type BrowserMetadata struct {
	Version   string
	UserAgent string
	Viewport  *Viewport
	// Endpoint is the DevTools endpoint of the remote browser (BROWSER_URLS)
	// that ran the flow, without query values such as tokens; empty when
	// the server launched the browser itself.
	Endpoint string
}

// Viewport is a page's size in CSS pixels.
type Viewport struct {
	Width  int
	Height int
}

// ExecutionLog is one log line of a session's run (collection executionLogs).
type ExecutionLog struct {
	ID               string
	SessionID        string
	FlowID           *string
	BrowserSessionID *string
	Level            LogLevel
	Message          string
	Timestamp        time.Time
	// Data is any JSON value, kept as its encoded bytes; nil when absent.
	Data json.RawMessage
}

// SystemStats is one sample of the system's activity (collection systemStats).
type SystemStats struct {
	ID                 string
	Timestamp          time.Time
	ActiveSessions     int
	ActiveBrowsers     int
	TotalFlowsExecuted int
	Metrics            *PerformanceMetrics
}

// PerformanceMetrics are the optional performance figures of a stats sample.
type PerformanceMetrics struct {
	QueueDepth        int
	AvgFlowDurationMs *int64
	MemoryBytes       *int64
	Subscribers       int
}

// Valid reports whether s is one of the seed's session statuses.
func (s SessionStatus) Valid() bool {
	switch s {
	case SessionPending, SessionGenerating, SessionReady, SessionRunning, SessionCompleted, SessionFailed:
		return true
	}
	return false
}

// Valid reports whether s is one of the seed's flow statuses.
func (s FlowStatus) Valid() bool {
	switch s {
	case FlowPending, FlowRunning, FlowCompleted, FlowFailed:
		return true
	}
	return false
}
