package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/testing-agent/backend/db"
)

// AppendExecutionLog appends a log line to an existing test session.
//
// A log's cursor is its (timestamp, id). Both are assigned inside the
// serialised write, so cursors grow in commit order: a reader that has seen
// a cursor never meets a log before it committed later (which two writers
// stamping their logs before queueing for the lock would cause). An
// explicit Timestamp is kept as given.
func (s *Store) AppendExecutionLog(ctx context.Context, in db.NewExecutionLog) (*db.ExecutionLog, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var l *db.ExecutionLog
	err := s.inTx(ctx, func(tx *writeTx) error {
		if err := sessionExists(ctx, tx, in.SessionID); err != nil {
			return err
		}
		var err error
		l, err = s.insertLog(ctx, tx, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// insertLog stamps and inserts a valid log of an existing session in tx.
// Stamping inside the serialised write makes cursors grow in commit order.
func (s *Store) insertLog(ctx context.Context, tx *writeTx, in db.NewExecutionLog) (*db.ExecutionLog, error) {
	l := &db.ExecutionLog{
		ID:               db.NewID(),
		SessionID:        in.SessionID,
		FlowID:           in.FlowID,
		BrowserSessionID: in.BrowserSessionID,
		Level:            in.Level,
		Message:          in.Message,
		Timestamp:        in.Timestamp.UTC().Truncate(time.Millisecond),
		Data:             in.Data,
	}
	var data []byte
	if in.Data != nil {
		data = []byte(in.Data)
	}
	if in.Timestamp.IsZero() {
		// Never earlier than the last stamped log, even if the clock steps
		// back.
		l.Timestamp = db.Now()
		if last := fromMillis(s.lastLogMillis); l.Timestamp.Before(last) {
			l.Timestamp = last
		}
		s.lastLogMillis = millis(l.Timestamp)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO executionLogs
		(id, sessionId, flowId, browserSessionId, level, message, timestamp, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ID, l.SessionID, nullString(l.FlowID), nullString(l.BrowserSessionID), l.Level, l.Message,
		millis(l.Timestamp), data)
	if err != nil {
		return nil, fmt.Errorf("insert execution log: %w", err)
	}
	tx.changed(db.CollExecutionLogs, db.ChangeInsert, l.ID, l.SessionID)
	return l, nil
}

// ListExecutionLogs returns a page of logs ordered by (timestamp, id), using
// keyset pagination so every page costs the same however deep it is.
func (s *Store) ListExecutionLogs(ctx context.Context, q db.LogQuery) (*db.LogPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	return s.queryLogs(ctx, q, "ASC")
}

// LastExecutionLog returns the newest log q selects, or nil.
func (s *Store) LastExecutionLog(ctx context.Context, q db.LogQuery) (*db.ExecutionLog, error) {
	q.After, q.Limit = nil, 1
	if err := q.Validate(); err != nil {
		return nil, err
	}
	page, err := s.queryLogs(ctx, q, "DESC")
	if err != nil || len(page.Logs) == 0 {
		return nil, err
	}
	return page.Logs[0], nil
}

// queryLogs reads logs in (timestamp, id) order, ascending or descending,
// after q.After when set (ascending only).
func (s *Store) queryLogs(ctx context.Context, q db.LogQuery, direction string) (*db.LogPage, error) {
	var (
		where = []string{"sessionId = ?"}
		args  = []any{q.SessionID}
	)
	if q.FlowID != nil {
		where = append(where, "flowId = ?")
		args = append(args, *q.FlowID)
	}
	if q.Level != nil {
		where = append(where, "level = ?")
		args = append(args, string(*q.Level))
	}
	if q.After != nil {
		where = append(where, "(timestamp, id) > (?, ?)")
		args = append(args, millis(q.After.Timestamp), q.After.ID)
	}
	args = append(args, q.Limit+1)
	rows, err := s.reader.QueryContext(ctx, `SELECT id, sessionId, flowId, browserSessionId, level, message, timestamp, data
		FROM executionLogs WHERE `+strings.Join(where, " AND ")+` ORDER BY timestamp `+direction+`, id `+direction+` LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list execution logs: %w", err)
	}
	defer rows.Close()
	page := &db.LogPage{Logs: make([]*db.ExecutionLog, 0, min(q.Limit, 128))}
	for rows.Next() {
		if len(page.Logs) == q.Limit {
			page.HasNextPage = true
			break
		}
		var (
			l                        db.ExecutionLog
			flowID, browserSessionID sql.NullString
			timestamp                int64
			data                     []byte
		)
		if err := rows.Scan(&l.ID, &l.SessionID, &flowID, &browserSessionID, &l.Level, &l.Message, &timestamp, &data); err != nil {
			return nil, fmt.Errorf("scan execution log: %w", err)
		}
		l.FlowID = stringPtr(flowID)
		l.BrowserSessionID = stringPtr(browserSessionID)
		l.Timestamp = fromMillis(timestamp)
		if data != nil {
			l.Data = data
		}
		page.Logs = append(page.Logs, &l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list execution logs: %w", err)
	}
	if len(page.Logs) == 0 {
		if err := sessionExists(ctx, s.reader, q.SessionID); err != nil {
			return nil, err
		}
	}
	return page, nil
}
