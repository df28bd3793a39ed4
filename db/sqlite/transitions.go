package sqlite

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/testing-agent/backend/db"
)

// runTimes returns the startedAt and completedAt a change to status `to`
// leaves, given the current ones.
func runTimes(to string, startedAt, completedAt *time.Time) (*time.Time, *time.Time) {
	now := db.Now()
	switch to {
	case "running":
		return &now, nil
	case "completed", "failed":
		return startedAt, &now
	}
	return startedAt, completedAt
}

// TransitionTestSession changes a session's status if it is one of from.
func (s *Store) TransitionTestSession(ctx context.Context, id string, from []db.SessionStatus, to db.SessionStatus) (*db.TestSession, error) {
	if err := db.CheckID("sessionId", id); err != nil {
		return nil, err
	}
	if err := db.ValidateTransition(from, to); err != nil {
		return nil, err
	}
	var session *db.TestSession
	err := s.inTx(ctx, func(tx *writeTx) error {
		var err error
		if session, err = getSession(ctx, tx, id); err != nil {
			return err
		}
		if !slices.Contains(from, session.Status) {
			return db.Errorf(db.ErrConflict, "test session %s is %s, so it cannot become %s", id, session.Status, to)
		}
		session.Status = to
		session.StartedAt, session.CompletedAt = runTimes(string(to), session.StartedAt, session.CompletedAt)
		_, err = tx.ExecContext(ctx, `UPDATE testSessions SET status = ?, startedAt = ?, completedAt = ? WHERE id = ?`,
			to, nullMillis(session.StartedAt), nullMillis(session.CompletedAt), id)
		if err != nil {
			return fmt.Errorf("update session status: %w", err)
		}
		tx.changed(db.CollTestSessions, db.ChangeUpdate, id, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return session, nil
}

// TransitionTestFlow changes a flow's status if it is one of from, keeping
// its session's completedFlows in step.
func (s *Store) TransitionTestFlow(ctx context.Context, id string, from []db.FlowStatus, to db.FlowStatus) (*db.TestFlow, error) {
	if err := db.CheckID("flowId", id); err != nil {
		return nil, err
	}
	if err := db.ValidateTransition(from, to); err != nil {
		return nil, err
	}
	var flow *db.TestFlow
	err := s.inTx(ctx, func(tx *writeTx) error {
		var err error
		if flow, err = getFlow(ctx, tx, id); err != nil {
			return err
		}
		if !slices.Contains(from, flow.Status) {
			return db.Errorf(db.ErrConflict, "test flow %s is %s, so it cannot become %s", id, flow.Status, to)
		}
		from := flow.Status
		flow.Status = to
		flow.StartedAt, flow.CompletedAt = runTimes(string(to), flow.StartedAt, flow.CompletedAt)
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET status = ?, startedAt = ?, completedAt = ? WHERE id = ?`,
			to, nullMillis(flow.StartedAt), nullMillis(flow.CompletedAt), id); err != nil {
			return fmt.Errorf("update flow status: %w", err)
		}
		tx.changed(db.CollTestFlows, db.ChangeUpdate, id, flow.SessionID)
		return countOutcome(ctx, tx, flow.SessionID, from, to)
	})
	if err != nil {
		return nil, err
	}
	return flow, nil
}

// outcomeCounts says how a flow of status st counts in its session's
// completedFlows and failedFlows.
func outcomeCounts(st db.FlowStatus) (completed, failed int) {
	switch st {
	case db.FlowCompleted:
		return 1, 0
	case db.FlowFailed:
		return 0, 1
	}
	return 0, 0
}

// countOutcome keeps a session's completedFlows and failedFlows in step
// with one of its flows going from status from to status to.
func countOutcome(ctx context.Context, tx *writeTx, sessionID string, from, to db.FlowStatus) error {
	oldCompleted, oldFailed := outcomeCounts(from)
	newCompleted, newFailed := outcomeCounts(to)
	dc, df := newCompleted-oldCompleted, newFailed-oldFailed
	if dc == 0 && df == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE testSessions SET completedFlows = completedFlows + ?, failedFlows = failedFlows + ? WHERE id = ?`,
		dc, df, sessionID); err != nil {
		return fmt.Errorf("update session progress: %w", err)
	}
	tx.changed(db.CollTestSessions, db.ChangeUpdate, sessionID, sessionID)
	return nil
}
