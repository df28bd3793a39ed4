package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/testing-agent/backend/db"
)

// CreateBrowserSession records a browser session of an existing test session.
func (s *Store) CreateBrowserSession(ctx context.Context, in db.NewBrowserSession) (*db.BrowserSession, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	now := db.Now()
	b := &db.BrowserSession{
		ID:           db.NewID(),
		SessionID:    in.SessionID,
		FlowID:       in.FlowID,
		Status:       in.Status,
		BrowserType:  in.BrowserType,
		StartedAt:    now,
		LastActivity: now,
		Metadata:     in.Metadata,
	}
	var (
		hasMetadata                  bool
		version, userAgent, endpoint sql.NullString
		width, height                sql.NullInt64
	)
	if m := in.Metadata; m != nil {
		hasMetadata = true
		version = sql.NullString{String: m.Version, Valid: true}
		userAgent = sql.NullString{String: m.UserAgent, Valid: true}
		endpoint = sql.NullString{String: m.Endpoint, Valid: true}
		if m.Viewport != nil {
			width = sql.NullInt64{Int64: int64(m.Viewport.Width), Valid: true}
			height = sql.NullInt64{Int64: int64(m.Viewport.Height), Valid: true}
		}
	}
	err := s.inTx(ctx, func(tx *writeTx) error {
		if err := sessionExists(ctx, tx, in.SessionID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO browserSessions
			(id, sessionId, flowId, status, browserType, startedAt, lastActivity,
			 hasMetadata, version, userAgent, viewportWidth, viewportHeight, endpoint)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			b.ID, b.SessionID, nullString(b.FlowID), b.Status, b.BrowserType, millis(now), millis(now),
			hasMetadata, version, userAgent, width, height, endpoint)
		if err != nil {
			return fmt.Errorf("insert browser session: %w", err)
		}
		tx.changed(db.CollBrowserSessions, db.ChangeInsert, b.ID, b.SessionID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// ListBrowserSessions returns a test session's browser sessions, oldest first.
func (s *Store) ListBrowserSessions(ctx context.Context, sessionID string) ([]*db.BrowserSession, error) {
	if err := db.CheckID("sessionId", sessionID); err != nil {
		return nil, err
	}
	list, err := listBrowserSessions(ctx, s.reader, `sessionId = ?`, sessionID)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		if err := sessionExists(ctx, s.reader, sessionID); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// UpdateBrowserSession sets a browser session's status (and metadata) and
// stamps its activity.
func (s *Store) UpdateBrowserSession(ctx context.Context, id string, status db.BrowserStatus, metadata *db.BrowserMetadata) (*db.BrowserSession, error) {
	if err := db.CheckID("browserSessionId", id); err != nil {
		return nil, err
	}
	if err := db.CheckBrowserStatus(status); err != nil {
		return nil, err
	}
	var updated *db.BrowserSession
	err := s.inTx(ctx, func(tx *writeTx) error {
		var sessionID string
		err := tx.QueryRowContext(ctx, `SELECT sessionId FROM browserSessions WHERE id = ?`, id).Scan(&sessionID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("browser session", id)
		}
		if err != nil {
			return fmt.Errorf("look up browser session: %w", err)
		}
		set, args := `status = ?, lastActivity = ?`, []any{status, millis(db.Now())}
		if m := metadata; m != nil {
			var width, height sql.NullInt64
			if m.Viewport != nil {
				width = sql.NullInt64{Int64: int64(m.Viewport.Width), Valid: true}
				height = sql.NullInt64{Int64: int64(m.Viewport.Height), Valid: true}
			}
			set += `, hasMetadata = 1, version = ?, userAgent = ?, viewportWidth = ?, viewportHeight = ?, endpoint = ?`
			args = append(args, m.Version, m.UserAgent, width, height, m.Endpoint)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE browserSessions SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
			return fmt.Errorf("update browser session: %w", err)
		}
		tx.changed(db.CollBrowserSessions, db.ChangeUpdate, id, sessionID)
		list, err := listBrowserSessions(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		updated = list[0]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// listBrowserSessions returns the browser sessions matching a condition,
// oldest first.
func listBrowserSessions(ctx context.Context, q queryer, where string, args ...any) ([]*db.BrowserSession, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, sessionId, flowId, status, browserType, startedAt,
		lastActivity, hasMetadata, version, userAgent, viewportWidth, viewportHeight, endpoint
		FROM browserSessions WHERE `+where+` ORDER BY startedAt, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list browser sessions: %w", err)
	}
	defer rows.Close()
	list := []*db.BrowserSession{}
	for rows.Next() {
		var (
			b                            db.BrowserSession
			flowID                       sql.NullString
			startedAt, lastActive        int64
			hasMetadata                  bool
			version, userAgent, endpoint sql.NullString
			width, height                sql.NullInt64
		)
		if err := rows.Scan(&b.ID, &b.SessionID, &flowID, &b.Status, &b.BrowserType, &startedAt, &lastActive,
			&hasMetadata, &version, &userAgent, &width, &height, &endpoint); err != nil {
			return nil, fmt.Errorf("scan browser session: %w", err)
		}
		b.FlowID = stringPtr(flowID)
		b.StartedAt = fromMillis(startedAt)
		b.LastActivity = fromMillis(lastActive)
		if hasMetadata {
			b.Metadata = &db.BrowserMetadata{Version: version.String, UserAgent: userAgent.String, Endpoint: endpoint.String}
			if width.Valid {
				b.Metadata.Viewport = &db.Viewport{Width: int(width.Int64), Height: int(height.Int64)}
			}
		}
		list = append(list, &b)
	}
	return list, rows.Err()
}
