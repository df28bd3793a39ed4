package db

import (
	"fmt"
	"time"
)

// The logs that close a run are written by the store in the same write as
// the outcome they tell of, so a reader that sees a flow finished or a
// session ended finds its last logs already there.

// FlowEndLog is the log of a flow's outcome.
func FlowEndLog(flow *TestFlow, out FlowOutcome) NewExecutionLog {
	in := NewExecutionLog{SessionID: flow.SessionID, FlowID: &flow.ID, BrowserSessionID: out.BrowserSessionID,
		Level: LogInfo, Message: fmt.Sprintf("Flow %q passed in %s", flow.Name, out.Duration.Round(time.Millisecond))}
	if !out.Passed {
		in.Level, in.Message = LogError, fmt.Sprintf("Flow %q failed: %s", flow.Name, out.Error)
	}
	return in
}

// SessionEndLog is the log of a run's end: the session with the status it
// ends in and its final counts.
func SessionEndLog(sessionID string, status SessionStatus, completedFlows, runFlows int) NewExecutionLog {
	level := LogInfo
	if status == SessionFailed {
		level = LogError
	}
	return NewExecutionLog{SessionID: sessionID, Level: level,
		Message: fmt.Sprintf("Session %s: %d of %d flow(s) passed", status, completedFlows, runFlows)}
}
