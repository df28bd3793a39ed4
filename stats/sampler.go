// Package stats records systemStats samples: what is running, how deep the
// queue is, browsers, subscribers and memory, every interval, so the UI's
// statistics screen has data and keeps it live.
package stats

import (
	"context"
	"log/slog"
	"runtime/metrics"
	"time"

	"github.com/testing-agent/backend/db"
)

// DefaultInterval is how often a sample is recorded.
const DefaultInterval = 10 * time.Second

// Sampler records samples from the store's counts and this process's
// gauges. The gauge functions may be nil.
type Sampler struct {
	Store           db.Store
	Interval        time.Duration
	ActiveBrowsers  func() int
	Subscribers     func() int
	AvgFlowDuration func() (time.Duration, bool)
	Logger          *slog.Logger
}

// Run records a sample at once and then every interval until ctx ends.
func (s *Sampler) Run(ctx context.Context) {
	interval := s.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	log := s.Logger
	if log == nil {
		log = slog.Default()
	}
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		if _, err := s.Record(ctx); err != nil && ctx.Err() == nil {
			log.Warn("record system stats", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// Record takes and stores one sample.
func (s *Sampler) Record(ctx context.Context) (*db.SystemStats, error) {
	activity, err := s.Store.CountActivity(ctx)
	if err != nil {
		return nil, err
	}
	sample := db.SystemStats{
		ActiveSessions:     activity.RunningSessions,
		TotalFlowsExecuted: activity.FinishedFlows,
		Metrics:            &db.PerformanceMetrics{QueueDepth: activity.QueuedFlows},
	}
	if s.ActiveBrowsers != nil {
		sample.ActiveBrowsers = s.ActiveBrowsers()
	}
	if s.Subscribers != nil {
		sample.Metrics.Subscribers = s.Subscribers()
	}
	if s.AvgFlowDuration != nil {
		if d, ok := s.AvgFlowDuration(); ok {
			ms := d.Milliseconds()
			sample.Metrics.AvgFlowDurationMs = &ms
		}
	}
	memory := liveMemory()
	sample.Metrics.MemoryBytes = &memory
	return s.Store.RecordSystemStats(ctx, sample)
}

// liveMemory is the memory the Go runtime holds mapped for this process.
func liveMemory() int64 {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}
