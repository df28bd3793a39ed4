package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/testing-agent/backend/db"
)

const flowColumns = `id, sessionId, name, description, instructions, approved, status, ord,
	createdAt, startedAt, completedAt, durationMs, error, queuedAt IS NOT NULL, attempts, steps`

func scanFlow(row interface{ Scan(...any) error }) (*db.TestFlow, error) {
	var (
		f                      db.TestFlow
		createdAt              int64
		startedAt, completedAt sql.NullInt64
		durationMs             sql.NullInt64
		flowError              sql.NullString
		stepsJSON              sql.NullString
	)
	if err := row.Scan(&f.ID, &f.SessionID, &f.Name, &f.Description, &f.Instructions, &f.Approved,
		&f.Status, &f.Order, &createdAt, &startedAt, &completedAt, &durationMs, &flowError, &f.Queued, &f.Attempts, &stepsJSON); err != nil {
		return nil, err
	}
	if stepsJSON.Valid {
		if err := json.Unmarshal([]byte(stepsJSON.String), &f.Steps); err != nil {
			return nil, fmt.Errorf("decode step results: %w", err)
		}
	}
	f.CreatedAt = fromMillis(createdAt)
	f.StartedAt = timePtr(startedAt)
	f.CompletedAt = timePtr(completedAt)
	f.DurationMs = int64Ptr(durationMs)
	f.Error = stringPtr(flowError)
	return &f, nil
}

// CreateTestFlows appends flows to a session in one transaction.
func (s *Store) CreateTestFlows(ctx context.Context, sessionID string, flows []db.NewTestFlow) (*db.TestSession, []*db.TestFlow, error) {
	if err := db.CheckID("sessionId", sessionID); err != nil {
		return nil, nil, err
	}
	if err := db.ValidateNewTestFlows(flows); err != nil {
		return nil, nil, err
	}
	created := make([]*db.TestFlow, len(flows))
	var session *db.TestSession
	err := s.inTx(ctx, func(tx *writeTx) error {
		var nextOrder int
		err := tx.QueryRowContext(ctx,
			`UPDATE testSessions SET nextOrder = nextOrder + ?1, totalFlows = totalFlows + ?1
			 WHERE id = ?2 RETURNING nextOrder - ?1`, len(flows), sessionID).Scan(&nextOrder)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("test session", sessionID)
		}
		if err != nil {
			return fmt.Errorf("reserve flow order: %w", err)
		}
		insert, err := tx.PrepareContext(ctx, `INSERT INTO testFlows
			(id, sessionId, name, description, instructions, approved, status, ord, createdAt)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("prepare flow insert: %w", err)
		}
		defer insert.Close()
		now := db.Now()
		for i, in := range flows {
			f := &db.TestFlow{
				ID:           db.NewID(),
				SessionID:    sessionID,
				Name:         in.Name,
				Description:  in.Description,
				Instructions: in.Instructions,
				Approved:     in.Approved,
				Status:       db.FlowPending,
				Order:        nextOrder + i + 1, // from 1, as the seed numbers flows
				CreatedAt:    now,
			}
			if _, err := insert.ExecContext(ctx, f.ID, f.SessionID, f.Name, f.Description, f.Instructions,
				f.Approved, f.Status, f.Order, millis(f.CreatedAt)); err != nil {
				return fmt.Errorf("insert test flow: %w", err)
			}
			created[i] = f
			tx.changed(db.CollTestFlows, db.ChangeInsert, f.ID, sessionID)
		}
		tx.changed(db.CollTestSessions, db.ChangeUpdate, sessionID, sessionID)
		session, err = getSession(ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return session, created, nil
}

// ListTestFlows returns a session's flows in order.
func (s *Store) ListTestFlows(ctx context.Context, sessionID string) ([]*db.TestFlow, error) {
	if err := db.CheckID("sessionId", sessionID); err != nil {
		return nil, err
	}
	rows, err := s.reader.QueryContext(ctx,
		`SELECT `+flowColumns+` FROM testFlows WHERE sessionId = ? ORDER BY ord`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("list test flows: %w", err)
	}
	defer rows.Close()
	flows := []*db.TestFlow{}
	for rows.Next() {
		f, err := scanFlow(rows)
		if err != nil {
			return nil, fmt.Errorf("scan test flow: %w", err)
		}
		flows = append(flows, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list test flows: %w", err)
	}
	if len(flows) == 0 {
		// Tell an empty session from a missing one.
		if err := sessionExists(ctx, s.reader, sessionID); err != nil {
			return nil, err
		}
	}
	return flows, nil
}

// GetTestFlow returns one flow.
func (s *Store) GetTestFlow(ctx context.Context, id string) (*db.TestFlow, error) {
	if err := db.CheckID("flowId", id); err != nil {
		return nil, err
	}
	return getFlow(ctx, s.reader, id)
}

func getFlow(ctx context.Context, q queryer, id string) (*db.TestFlow, error) {
	f, err := scanFlow(q.QueryRowContext(ctx, `SELECT `+flowColumns+` FROM testFlows WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("test flow", id)
	}
	if err != nil {
		return nil, fmt.Errorf("get test flow: %w", err)
	}
	return f, nil
}

// getChangeableFlow returns a flow inside tx, or ErrConflict when it is running.
func getChangeableFlow(ctx context.Context, tx queryer, id, action string) (*db.TestFlow, error) {
	f, err := getFlow(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if f.Status == db.FlowRunning {
		return nil, db.Errorf(db.ErrConflict, "test flow %s is running: cancel its session before you %s it", id, action)
	}
	if f.Queued {
		return nil, db.Errorf(db.ErrConflict, "test flow %s is queued to run: cancel its session before you %s it", id, action)
	}
	return f, nil
}

// UpdateTestFlow edits the given fields of a flow that is neither running
// nor queued; new instructions unapprove it.
func (s *Store) UpdateTestFlow(ctx context.Context, id string, upd db.TestFlowUpdate) (*db.TestFlow, error) {
	if err := db.CheckID("flowId", id); err != nil {
		return nil, err
	}
	if err := upd.Validate(); err != nil {
		return nil, err
	}
	var updated *db.TestFlow
	err := s.inTx(ctx, func(tx *writeTx) error {
		f, err := getChangeableFlow(ctx, tx, id, "edit")
		if err != nil {
			return err
		}
		if upd.Name != nil {
			f.Name = *upd.Name
		}
		if upd.Description != nil {
			f.Description = *upd.Description
		}
		if upd.Instructions != nil && *upd.Instructions != f.Instructions {
			// Steps nobody reviewed must not run: approve them again.
			f.Instructions, f.Approved = *upd.Instructions, false
		}
		if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET name = ?, description = ?, instructions = ?, approved = ? WHERE id = ?`,
			f.Name, f.Description, f.Instructions, f.Approved, id); err != nil {
			return fmt.Errorf("update test flow: %w", err)
		}
		tx.changed(db.CollTestFlows, db.ChangeUpdate, id, f.SessionID)
		updated = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// SetFlowsApproved approves or unapproves flows, all or none.
func (s *Store) SetFlowsApproved(ctx context.Context, ids []string, approved bool) ([]*db.TestFlow, error) {
	if err := db.ValidateFlowIDs(ids); err != nil {
		return nil, err
	}
	flows := make([]*db.TestFlow, len(ids))
	err := s.inTx(ctx, func(tx *writeTx) error {
		for i, id := range ids {
			f, err := getChangeableFlow(ctx, tx, id, "approve or unapprove")
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE testFlows SET approved = ? WHERE id = ?`, approved, id); err != nil {
				return fmt.Errorf("set flow approval: %w", err)
			}
			f.Approved = approved
			flows[i] = f
			tx.changed(db.CollTestFlows, db.ChangeUpdate, id, f.SessionID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return flows, nil
}

// DeleteTestFlow removes a flow that is not running and adjusts its session's totals.
func (s *Store) DeleteTestFlow(ctx context.Context, id string) (*db.TestSession, error) {
	if err := db.CheckID("flowId", id); err != nil {
		return nil, err
	}
	var session *db.TestSession
	err := s.inTx(ctx, func(tx *writeTx) error {
		f, err := getChangeableFlow(ctx, tx, id, "delete")
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM testFlows WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete test flow: %w", err)
		}
		completed, failed := outcomeCounts(f.Status)
		if _, err := tx.ExecContext(ctx,
			`UPDATE testSessions SET totalFlows = totalFlows - 1, completedFlows = completedFlows - ?, failedFlows = failedFlows - ? WHERE id = ?`,
			completed, failed, f.SessionID); err != nil {
			return fmt.Errorf("update session totals: %w", err)
		}
		tx.changed(db.CollTestFlows, db.ChangeDelete, id, f.SessionID)
		tx.changed(db.CollTestSessions, db.ChangeUpdate, f.SessionID, f.SessionID)
		session, err = getSession(ctx, tx, f.SessionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return session, nil
}
