package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/testing-agent/backend/db"
)

// clearRun is the SET clause that forgets a flow's last run.
const clearRun = `status = 'pending', startedAt = NULL, completedAt = NULL, durationMs = NULL,
	error = NULL, steps = NULL, leaseOwner = NULL, leaseExpires = NULL`

// StartRun starts a run of a session's approved flows. A run starts from
// scratch: every flow's previous result is cleared.
func (s *Store) StartRun(ctx context.Context, sessionID string) (*db.TestSession, []*db.TestFlow, error) {
	if err := db.CheckID("sessionId", sessionID); err != nil {
		return nil, nil, err
	}
	var (
		session *db.TestSession
		queued  []*db.TestFlow
	)
	err := s.inTx(ctx, func(tx *writeTx) error {
		current, err := getSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if current.Status == db.SessionGenerating || current.Status == db.SessionRunning {
			return db.Errorf(db.ErrConflict, "test session %s is already %s", sessionID, current.Status)
		}
		now := millis(db.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET `+clearRun+`,
			queuedAt = CASE WHEN approved THEN ? ELSE NULL END WHERE sessionId = ?`, now, sessionID); err != nil {
			return fmt.Errorf("queue flows: %w", err)
		}
		if queued, err = listFlowsWhere(ctx, tx, `sessionId = ? AND queuedAt IS NOT NULL`, sessionID); err != nil {
			return err
		}
		if len(queued) == 0 {
			return db.Errorf(db.ErrConflict, "test session %s has no approved flow: approve at least one flow before starting it", sessionID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE testSessions SET status = 'running', startedAt = ?, completedAt = NULL,
			completedFlows = 0, failedFlows = 0, runFlows = ?, actualDuration = NULL, errorMessage = NULL WHERE id = ?`,
			now, len(queued), sessionID); err != nil {
			return fmt.Errorf("start session: %w", err)
		}
		for _, id := range mustFlowIDs(ctx, tx, sessionID) {
			tx.changed(db.CollTestFlows, db.ChangeUpdate, id, sessionID)
		}
		tx.changed(db.CollTestSessions, db.ChangeUpdate, sessionID, sessionID)
		session, err = getSession(ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return session, queued, nil
}

// mustFlowIDs lists a session's flow IDs for change records; a failure
// here only loses change records, which a later read repairs, so it is not
// an error of the write.
func mustFlowIDs(ctx context.Context, q queryer, sessionID string) []string {
	ids, _ := flowIDs(ctx, q, sessionID)
	return ids
}

// RetryFlow queues a flow that is not queued or running again.
func (s *Store) RetryFlow(ctx context.Context, flowID string) (*db.TestFlow, *db.TestSession, error) {
	if err := db.CheckID("flowId", flowID); err != nil {
		return nil, nil, err
	}
	var (
		flow    *db.TestFlow
		session *db.TestSession
	)
	err := s.inTx(ctx, func(tx *writeTx) error {
		current, err := getFlow(ctx, tx, flowID)
		if err != nil {
			return err
		}
		if current.Queued || current.Status == db.FlowRunning {
			return db.Errorf(db.ErrConflict, "test flow %s is already queued or running", flowID)
		}
		if session, err = getSession(ctx, tx, current.SessionID); err != nil {
			return err
		}
		if session.Status == db.SessionGenerating {
			return db.Errorf(db.ErrConflict, "test session %s is generating flows: wait until it is ready", session.ID)
		}
		now := millis(db.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET `+clearRun+`, approved = 1, queuedAt = ? WHERE id = ?`, now, flowID); err != nil {
			return fmt.Errorf("queue flow: %w", err)
		}
		if err := countOutcome(ctx, tx, session.ID, current.Status, db.FlowPending); err != nil {
			return err
		}
		newToRun := 0
		if current.Status == db.FlowPending {
			newToRun = 1 // it was not part of the last run
		}
		if session.Status == db.SessionRunning {
			_, err = tx.ExecContext(ctx, `UPDATE testSessions SET runFlows = runFlows + ? WHERE id = ?`, newToRun, session.ID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE testSessions SET status = 'running', startedAt = ?, completedAt = NULL,
				runFlows = runFlows + ?, actualDuration = NULL, errorMessage = NULL WHERE id = ?`, now, newToRun, session.ID)
		}
		if err != nil {
			return fmt.Errorf("resume session: %w", err)
		}
		tx.changed(db.CollTestFlows, db.ChangeUpdate, flowID, session.ID)
		tx.changed(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID)
		if flow, err = getFlow(ctx, tx, flowID); err != nil {
			return err
		}
		session, err = getSession(ctx, tx, session.ID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return flow, session, nil
}

// ClaimFlow gives worker the oldest queued flow.
func (s *Store) ClaimFlow(ctx context.Context, worker string, lease time.Duration) (*db.TestFlow, error) {
	if err := db.ValidateWorker(worker, lease); err != nil {
		return nil, err
	}
	var flow *db.TestFlow
	err := s.inTx(ctx, func(tx *writeTx) error {
		var id string
		err := tx.QueryRowContext(ctx, `SELECT id FROM testFlows WHERE queuedAt IS NOT NULL AND status = 'pending'
			ORDER BY queuedAt, ord LIMIT 1`).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("find a queued flow: %w", err)
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET status = 'running', startedAt = ?, completedAt = NULL,
			leaseOwner = ?, leaseExpires = ?, attempts = attempts + 1 WHERE id = ?`,
			millis(now), worker, millis(now.Add(lease)), id); err != nil {
			return fmt.Errorf("claim flow: %w", err)
		}
		if flow, err = getFlow(ctx, tx, id); err != nil {
			return err
		}
		tx.changed(db.CollTestFlows, db.ChangeUpdate, id, flow.SessionID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return flow, nil
}

// RenewLease extends worker's lease on flowID.
func (s *Store) RenewLease(ctx context.Context, flowID, worker string, lease time.Duration) error {
	if err := db.CheckID("flowId", flowID); err != nil {
		return err
	}
	if err := db.ValidateWorker(worker, lease); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE testFlows SET leaseExpires = ? WHERE id = ? AND status = 'running' AND leaseOwner = ?`,
			millis(db.Now().Add(lease)), flowID, worker)
		if err != nil {
			return fmt.Errorf("renew lease: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := getFlow(ctx, tx, flowID); err != nil {
				return err
			}
			return db.Errorf(db.ErrConflict, "test flow %s is no longer running under worker %s", flowID, worker)
		}
		return nil
	})
}

// FinishFlow records worker's outcome of a flow and ends its session when
// it was the last.
func (s *Store) FinishFlow(ctx context.Context, flowID, worker string, out db.FlowOutcome) (*db.TestFlow, *db.TestSession, error) {
	if err := db.CheckID("flowId", flowID); err != nil {
		return nil, nil, err
	}
	stepsJSON, err := json.Marshal(out.Steps)
	if err != nil {
		return nil, nil, fmt.Errorf("encode step results: %w", err)
	}
	var (
		flow  *db.TestFlow
		ended *db.TestSession
	)
	err = s.inTx(ctx, func(tx *writeTx) error {
		current, err := getFlow(ctx, tx, flowID)
		if err != nil {
			return err
		}
		var owner sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT leaseOwner FROM testFlows WHERE id = ?`, flowID).Scan(&owner); err != nil {
			return fmt.Errorf("read lease: %w", err)
		}
		if current.Status != db.FlowRunning || owner.String != worker {
			return db.Errorf(db.ErrConflict, "test flow %s is no longer running under worker %s", flowID, worker)
		}
		to, flowErr := db.FlowCompleted, sql.NullString{}
		if !out.Passed {
			to, flowErr = db.FlowFailed, sql.NullString{String: out.Error, Valid: true}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET status = ?, completedAt = ?, durationMs = ?, error = ?,
			steps = ?, queuedAt = NULL, leaseOwner = NULL, leaseExpires = NULL WHERE id = ?`,
			to, millis(db.Now()), out.Duration.Milliseconds(), flowErr, string(stepsJSON), flowID); err != nil {
			return fmt.Errorf("finish flow: %w", err)
		}
		tx.changed(db.CollTestFlows, db.ChangeUpdate, flowID, current.SessionID)
		if _, err := s.insertLog(ctx, tx, db.FlowEndLog(current, out)); err != nil {
			return err
		}
		if err := countOutcome(ctx, tx, current.SessionID, db.FlowRunning, to); err != nil {
			return err
		}
		if ended, err = s.endSessionIfDone(ctx, tx, current.SessionID); err != nil {
			return err
		}
		flow, err = getFlow(ctx, tx, flowID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return flow, ended, nil
}

// endSessionIfDone ends a running session none of whose flows is queued or
// running any more, with the log that says how the run ended, and returns
// it; nil when it goes on.
func (s *Store) endSessionIfDone(ctx context.Context, tx *writeTx, sessionID string) (*db.TestSession, error) {
	var left int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM testFlows WHERE sessionId = ? AND queuedAt IS NOT NULL`, sessionID).Scan(&left); err != nil {
		return nil, fmt.Errorf("count queued flows: %w", err)
	}
	session, err := getSession(ctx, tx, sessionID)
	if err != nil || left > 0 || session.Status != db.SessionRunning {
		return nil, err
	}
	failed, err := listFlowsWhere(ctx, tx, `sessionId = ? AND status = 'failed'`, sessionID)
	if err != nil {
		return nil, err
	}
	status, message := db.SessionCompleted, sql.NullString{}
	if len(failed) > 0 {
		status, message = db.SessionFailed, sql.NullString{String: db.FailureSummary(failed, session.RunFlows), Valid: true}
	}
	if err := finishSession(ctx, tx, session, status, message); err != nil {
		return nil, err
	}
	if session, err = getSession(ctx, tx, sessionID); err != nil {
		return nil, err
	}
	if _, err := s.insertLog(ctx, tx, db.SessionEndLog(session.ID, session.Status, session.CompletedFlows, session.RunFlows)); err != nil {
		return nil, err
	}
	return session, nil
}

// finishSession moves a running session to its final status.
func finishSession(ctx context.Context, tx *writeTx, session *db.TestSession, status db.SessionStatus, message sql.NullString) error {
	now := db.Now()
	var actual sql.NullInt64
	if session.StartedAt != nil {
		actual = sql.NullInt64{Int64: now.Sub(*session.StartedAt).Milliseconds(), Valid: true}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE testSessions SET status = ?, completedAt = ?, actualDuration = ?, errorMessage = ? WHERE id = ?`,
		status, millis(now), actual, message, session.ID); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	tx.changed(db.CollTestSessions, db.ChangeUpdate, session.ID, session.ID)
	return nil
}

// CancelRun stops a running session.
func (s *Store) CancelRun(ctx context.Context, sessionID string) (*db.TestSession, []*db.TestFlow, error) {
	if err := db.CheckID("sessionId", sessionID); err != nil {
		return nil, nil, err
	}
	var (
		session   *db.TestSession
		cancelled []*db.TestFlow
	)
	err := s.inTx(ctx, func(tx *writeTx) error {
		current, err := getSession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if current.Status != db.SessionRunning {
			return db.Errorf(db.ErrConflict, "test session %s is %s, not running: there is nothing to cancel", sessionID, current.Status)
		}
		running, err := listFlowsWhere(ctx, tx, `sessionId = ? AND status = 'running'`, sessionID)
		if err != nil {
			return err
		}
		for _, f := range running {
			if err := failFlow(ctx, tx, f, db.CancelledMessage); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE testFlows SET queuedAt = NULL WHERE sessionId = ? AND queuedAt IS NOT NULL`, sessionID)
		if err != nil {
			return fmt.Errorf("unqueue flows: %w", err)
		}
		// Flows that never started leave the run: a retry counts them again.
		if unqueued, _ := res.RowsAffected(); unqueued > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE testSessions SET runFlows = runFlows - ? WHERE id = ?`, unqueued, sessionID); err != nil {
				return fmt.Errorf("update run size: %w", err)
			}
		}
		for _, id := range mustFlowIDs(ctx, tx, sessionID) {
			tx.changed(db.CollTestFlows, db.ChangeUpdate, id, sessionID)
		}
		if err := finishSession(ctx, tx, current, db.SessionFailed, sql.NullString{String: db.CancelledMessage, Valid: true}); err != nil {
			return err
		}
		for _, f := range running {
			stopped, err := getFlow(ctx, tx, f.ID)
			if err != nil {
				return err
			}
			cancelled = append(cancelled, stopped)
		}
		session, err = getSession(ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return session, cancelled, nil
}

// failFlow fails a running flow that its worker did not finish.
func failFlow(ctx context.Context, tx *writeTx, f *db.TestFlow, reason string) error {
	now := db.Now()
	var duration sql.NullInt64
	if f.StartedAt != nil {
		duration = sql.NullInt64{Int64: now.Sub(*f.StartedAt).Milliseconds(), Valid: true}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET status = 'failed', completedAt = ?, durationMs = ?, error = ?,
		queuedAt = NULL, leaseOwner = NULL, leaseExpires = NULL WHERE id = ?`, millis(now), duration, reason, f.ID); err != nil {
		return fmt.Errorf("fail flow: %w", err)
	}
	tx.changed(db.CollTestFlows, db.ChangeUpdate, f.ID, f.SessionID)
	return countOutcome(ctx, tx, f.SessionID, db.FlowRunning, db.FlowFailed)
}

// RecoverExpiredLeases fails the running flows whose worker stopped renewing.
func (s *Store) RecoverExpiredLeases(ctx context.Context, now time.Time) ([]*db.TestFlow, error) {
	var recovered []*db.TestFlow
	err := s.inTx(ctx, func(tx *writeTx) error {
		expired, err := listFlowsWhere(ctx, tx, `status = 'running' AND leaseExpires < ?`, millis(now))
		if err != nil {
			return err
		}
		for _, f := range expired {
			if err := failFlow(ctx, tx, f, db.WorkerLostMessage); err != nil {
				return err
			}
			if _, err := s.endSessionIfDone(ctx, tx, f.SessionID); err != nil {
				return err
			}
			if f, err = getFlow(ctx, tx, f.ID); err != nil {
				return err
			}
			recovered = append(recovered, f)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recovered, nil
}

// listFlowsWhere returns the flows matching a condition, in session order.
func listFlowsWhere(ctx context.Context, q queryer, where string, args ...any) ([]*db.TestFlow, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+flowColumns+` FROM testFlows WHERE `+where+` ORDER BY sessionId, ord`, args...)
	if err != nil {
		return nil, fmt.Errorf("list flows: %w", err)
	}
	defer rows.Close()
	var flows []*db.TestFlow
	for rows.Next() {
		f, err := scanFlow(rows)
		if err != nil {
			return nil, fmt.Errorf("scan flow: %w", err)
		}
		flows = append(flows, f)
	}
	return flows, rows.Err()
}
