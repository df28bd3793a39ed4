package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/testing-agent/backend/db"
)

// RecordSystemStats stores a sample and drops samples older than the retention.
func (s *Store) RecordSystemStats(ctx context.Context, in db.SystemStats) (*db.SystemStats, error) {
	sample := in
	sample.ID = db.NewID()
	if sample.Timestamp.IsZero() {
		sample.Timestamp = db.Now()
	} else {
		sample.Timestamp = sample.Timestamp.UTC().Truncate(time.Millisecond)
	}
	var (
		hasMetrics          bool
		queueDepth, subs    sql.NullInt64
		avgDuration, memory sql.NullInt64
	)
	if m := in.Metrics; m != nil {
		hasMetrics = true
		queueDepth = sql.NullInt64{Int64: int64(m.QueueDepth), Valid: true}
		subs = sql.NullInt64{Int64: int64(m.Subscribers), Valid: true}
		avgDuration = nullInt64(m.AvgFlowDurationMs)
		memory = nullInt64(m.MemoryBytes)
	}
	err := s.inTx(ctx, func(tx *writeTx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO systemStats
			(id, timestamp, activeSessions, activeBrowsers, totalFlowsExecuted,
			 hasMetrics, queueDepth, avgFlowDurationMs, memoryBytes, subscribers)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			sample.ID, millis(sample.Timestamp), sample.ActiveSessions, sample.ActiveBrowsers, sample.TotalFlowsExecuted,
			hasMetrics, queueDepth, avgDuration, memory, subs); err != nil {
			return fmt.Errorf("insert system stats: %w", err)
		}
		cutoff := db.Now().Add(-s.statsRetention)
		if _, err := tx.ExecContext(ctx, `DELETE FROM systemStats WHERE timestamp < ?`, millis(cutoff)); err != nil {
			return fmt.Errorf("expire system stats: %w", err)
		}
		tx.changed(db.CollSystemStats, db.ChangeInsert, sample.ID, "")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &sample, nil
}

// ListSystemStats returns the newest samples first.
func (s *Store) ListSystemStats(ctx context.Context, limit int) ([]*db.SystemStats, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT id, timestamp, activeSessions, activeBrowsers, totalFlowsExecuted,
		hasMetrics, queueDepth, avgFlowDurationMs, memoryBytes, subscribers
		FROM systemStats ORDER BY timestamp DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list system stats: %w", err)
	}
	defer rows.Close()
	list := []*db.SystemStats{}
	for rows.Next() {
		var (
			st                  db.SystemStats
			timestamp           int64
			hasMetrics          bool
			queueDepth, subs    sql.NullInt64
			avgDuration, memory sql.NullInt64
		)
		if err := rows.Scan(&st.ID, &timestamp, &st.ActiveSessions, &st.ActiveBrowsers, &st.TotalFlowsExecuted,
			&hasMetrics, &queueDepth, &avgDuration, &memory, &subs); err != nil {
			return nil, fmt.Errorf("scan system stats: %w", err)
		}
		st.Timestamp = fromMillis(timestamp)
		if hasMetrics {
			st.Metrics = &db.PerformanceMetrics{
				QueueDepth:        int(queueDepth.Int64),
				Subscribers:       int(subs.Int64),
				AvgFlowDurationMs: int64Ptr(avgDuration),
				MemoryBytes:       int64Ptr(memory),
			}
		}
		list = append(list, &st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list system stats: %w", err)
	}
	return list, nil
}

// CountActivity counts running sessions and flows by state.
func (s *Store) CountActivity(ctx context.Context) (db.Activity, error) {
	var a db.Activity
	err := s.reader.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM testSessions WHERE status = 'running'),
		(SELECT count(*) FROM testFlows WHERE status = 'pending' AND queuedAt IS NOT NULL),
		(SELECT count(*) FROM testFlows WHERE status = 'running'),
		(SELECT count(*) FROM testFlows WHERE status IN ('completed', 'failed'))`).
		Scan(&a.RunningSessions, &a.QueuedFlows, &a.RunningFlows, &a.FinishedFlows)
	if err != nil {
		return db.Activity{}, fmt.Errorf("count activity: %w", err)
	}
	return a, nil
}
