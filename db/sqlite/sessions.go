package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/testing-agent/backend/db"
)

const sessionColumns = `id, name, prompt, status, createdAt, startedAt, completedAt,
	totalFlows, completedFlows, failedFlows, runFlows, estimatedDuration, actualDuration, errorMessage`

func scanSession(row interface{ Scan(...any) error }) (*db.TestSession, error) {
	var (
		s                      db.TestSession
		createdAt              int64
		startedAt, completedAt sql.NullInt64
		estimated, actual      sql.NullInt64
		errorMessage           sql.NullString
	)
	if err := row.Scan(&s.ID, &s.Name, &s.Prompt, &s.Status, &createdAt, &startedAt, &completedAt,
		&s.TotalFlows, &s.CompletedFlows, &s.FailedFlows, &s.RunFlows, &estimated, &actual, &errorMessage); err != nil {
		return nil, err
	}
	s.CreatedAt = fromMillis(createdAt)
	s.StartedAt = timePtr(startedAt)
	s.CompletedAt = timePtr(completedAt)
	if estimated.Valid || actual.Valid || errorMessage.Valid {
		s.Metadata = &db.SessionMetadata{
			EstimatedDuration: int64Ptr(estimated),
			ActualDuration:    int64Ptr(actual),
			ErrorMessage:      stringPtr(errorMessage),
		}
	}
	return &s, nil
}

// CreateTestSession stores a new pending session.
func (s *Store) CreateTestSession(ctx context.Context, in db.NewTestSession) (*db.TestSession, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	session := &db.TestSession{
		ID:        db.NewID(),
		Name:      in.Name,
		Prompt:    in.Prompt,
		Status:    db.SessionPending,
		CreatedAt: db.Now(),
	}
	err := s.inTx(ctx, func(tx *writeTx) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO testSessions (id, name, prompt, status, createdAt) VALUES (?, ?, ?, ?, ?)`,
			session.ID, session.Name, session.Prompt, session.Status, millis(session.CreatedAt)); err != nil {
			return fmt.Errorf("insert test session: %w", err)
		}
		tx.changed(db.CollTestSessions, db.ChangeInsert, session.ID, session.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return session, nil
}

// ListTestSessions returns the newest sessions first.
func (s *Store) ListTestSessions(ctx context.Context, limit int) ([]*db.TestSession, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	rows, err := s.reader.QueryContext(ctx,
		`SELECT `+sessionColumns+` FROM testSessions ORDER BY createdAt DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list test sessions: %w", err)
	}
	defer rows.Close()
	sessions := make([]*db.TestSession, 0, min(limit, 64))
	for rows.Next() {
		session, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("scan test session: %w", err)
		}
		sessions = append(sessions, session)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list test sessions: %w", err)
	}
	return sessions, nil
}

// GetTestSession returns one session.
func (s *Store) GetTestSession(ctx context.Context, id string) (*db.TestSession, error) {
	if err := db.CheckID("sessionId", id); err != nil {
		return nil, err
	}
	return getSession(ctx, s.reader, id)
}

func getSession(ctx context.Context, q queryer, id string) (*db.TestSession, error) {
	session, err := scanSession(q.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM testSessions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("test session", id)
	}
	if err != nil {
		return nil, fmt.Errorf("get test session: %w", err)
	}
	return session, nil
}

// sessionExists returns ErrNotFound unless the session exists.
func sessionExists(ctx context.Context, q queryer, id string) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM testSessions WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("test session", id)
	}
	if err != nil {
		return fmt.Errorf("look up test session: %w", err)
	}
	return nil
}

// DeleteTestSession removes a session and everything that belongs to it, in
// one transaction.
func (s *Store) DeleteTestSession(ctx context.Context, id string) (*db.DeletedSession, error) {
	if err := db.CheckID("sessionId", id); err != nil {
		return nil, err
	}
	deleted := &db.DeletedSession{SessionID: id, FlowIDs: []string{}}
	err := s.inTx(ctx, func(tx *writeTx) error {
		session, err := getSession(ctx, tx, id)
		if err != nil {
			return err
		}
		if session.Status == db.SessionGenerating || session.Status == db.SessionRunning {
			return db.Errorf(db.ErrConflict, "test session %s is %s: cancel it before deleting it", id, session.Status)
		}
		if deleted.FlowIDs, err = flowIDs(ctx, tx, id); err != nil {
			return err
		}
		var counts [5]int64
		for i, table := range []string{"testFlows", "browserSessions", "executionLogs", "artifacts", "testSessions"} {
			column := "sessionId"
			if table == "testSessions" {
				column = "id"
			}
			res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+column+` = ?`, id)
			if err != nil {
				return fmt.Errorf("delete from %s: %w", table, err)
			}
			if counts[i], err = res.RowsAffected(); err != nil {
				return fmt.Errorf("delete from %s: %w", table, err)
			}
		}
		for _, flowID := range deleted.FlowIDs {
			tx.changed(db.CollTestFlows, db.ChangeDelete, flowID, id)
		}
		tx.changed(db.CollTestSessions, db.ChangeDelete, id, id)
		deleted.BrowserSessions = int(counts[1])
		deleted.ExecutionLogs = int(counts[2])
		return nil
	})
	if err != nil {
		return nil, err
	}
	return deleted, nil
}

func flowIDs(ctx context.Context, q queryer, sessionID string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM testFlows WHERE sessionId = ? ORDER BY ord`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("list flow ids: %w", err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan flow id: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SetSessionMetadata sets a session's estimated duration and error message.
func (s *Store) SetSessionMetadata(ctx context.Context, id string, estimatedDuration *int64, errorMessage *string) (*db.TestSession, error) {
	if err := db.CheckID("sessionId", id); err != nil {
		return nil, err
	}
	if errorMessage != nil {
		if err := db.CheckText("errorMessage", *errorMessage); err != nil {
			return nil, err
		}
	}
	var session *db.TestSession
	err := s.inTx(ctx, func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE testSessions SET estimatedDuration = ?, errorMessage = ? WHERE id = ?`,
			nullInt64(estimatedDuration), nullString(errorMessage), id)
		if err != nil {
			return fmt.Errorf("set session metadata: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("test session", id)
		}
		tx.changed(db.CollTestSessions, db.ChangeUpdate, id, id)
		session, err = getSession(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return session, nil
}

// ListSessionsWithStatus returns sessions with a status, oldest first.
func (s *Store) ListSessionsWithStatus(ctx context.Context, status db.SessionStatus, limit int) ([]*db.TestSession, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	if !status.Valid() {
		return nil, db.Invalidf("status", "status %q is not a session status", status)
	}
	rows, err := s.reader.QueryContext(ctx,
		`SELECT `+sessionColumns+` FROM testSessions WHERE status = ? ORDER BY createdAt, id LIMIT ?`, status, limit)
	if err != nil {
		return nil, fmt.Errorf("list sessions by status: %w", err)
	}
	defer rows.Close()
	sessions := []*db.TestSession{}
	for rows.Next() {
		session, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("scan test session: %w", err)
		}
		sessions = append(sessions, session)
	}
	return sessions, rows.Err()
}
