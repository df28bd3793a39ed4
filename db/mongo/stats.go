package mongo

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// statsPruneInterval is how often, at most, the store deletes expired
// samples itself on servers without TTL indexes.
const statsPruneInterval = time.Minute

// RecordSystemStats stores a sample under a new ID. A zero timestamp means now.
func (s *Store) RecordSystemStats(ctx context.Context, in db.SystemStats) (*db.SystemStats, error) {
	doc := systemStatsDoc{
		ID:                 bson.NewObjectID(),
		Timestamp:          storedTime(in.Timestamp),
		ActiveSessions:     int64(in.ActiveSessions),
		ActiveBrowsers:     int64(in.ActiveBrowsers),
		TotalFlowsExecuted: int64(in.TotalFlowsExecuted),
	}
	if in.Timestamp.IsZero() {
		doc.Timestamp = db.Now()
	}
	if m := in.Metrics; m != nil {
		doc.Metrics = &performanceMetricsDoc{
			QueueDepth:        int64(m.QueueDepth),
			AvgFlowDurationMs: m.AvgFlowDurationMs,
			MemoryBytes:       m.MemoryBytes,
			Subscribers:       int64(m.Subscribers),
		}
	}
	if _, err := s.stats.InsertOne(ctx, doc); err != nil {
		return nil, writeErr("record system stats", err)
	}
	s.publish(changeOf(db.CollSystemStats, db.ChangeInsert, doc.ID, ""))
	if !s.caps.ttlIndexes {
		last := s.lastStatsPrune.Load()
		if time.Since(time.UnixMilli(last)) >= statsPruneInterval && s.lastStatsPrune.CompareAndSwap(last, time.Now().UnixMilli()) {
			if err := s.pruneStats(ctx); err != nil {
				return nil, err
			}
		}
	}
	return doc.toDomain(), nil
}

// ListSystemStats returns the newest samples first. Samples past the
// retention are left out even before a TTL monitor or a prune deletes them,
// so the list does not depend on when that happens.
func (s *Store) ListSystemStats(ctx context.Context, limit int) ([]*db.SystemStats, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "timestamp", Value: -1}, {Key: "_id", Value: -1}}).
		SetLimit(int64(limit))
	filter := bson.D{{Key: "timestamp", Value: bson.D{{Key: "$gte", Value: s.statsCutoff()}}}}
	var docs []systemStatsDoc
	if err := s.findAll(ctx, s.stats, filter, opts, &docs); err != nil {
		return nil, internal("list system stats", err)
	}
	out := make([]*db.SystemStats, len(docs))
	for i := range docs {
		out[i] = docs[i].toDomain()
	}
	return out, nil
}

// pruneStats deletes samples older than the retention, as a TTL index would.
func (s *Store) pruneStats(ctx context.Context) error {
	_, err := s.stats.DeleteMany(ctx, bson.D{{Key: "timestamp", Value: bson.D{{Key: "$lt", Value: s.statsCutoff()}}}})
	if err != nil {
		return internal("delete expired system stats", err)
	}
	s.lastStatsPrune.Store(time.Now().UnixMilli())
	return nil
}

// statsCutoff is the oldest timestamp the retention keeps.
func (s *Store) statsCutoff() time.Time {
	return db.Now().Add(-s.opts.StatsRetention)
}

// CountActivity counts running sessions and flows by state, one indexed
// count each.
func (s *Store) CountActivity(ctx context.Context) (db.Activity, error) {
	var a db.Activity
	counts := []struct {
		coll   *mongo.Collection
		filter bson.D
		into   *int
	}{
		{s.sessions, bson.D{{Key: "status", Value: db.SessionRunning}}, &a.RunningSessions},
		{s.flows, bson.D{{Key: "status", Value: db.FlowPending}, {Key: "queuedAt", Value: bson.D{{Key: "$ne", Value: nil}}}}, &a.QueuedFlows},
		{s.flows, bson.D{{Key: "status", Value: db.FlowRunning}}, &a.RunningFlows},
		{s.flows, bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: bson.A{db.FlowCompleted, db.FlowFailed}}}}}, &a.FinishedFlows},
	}
	for _, c := range counts {
		n, err := c.coll.CountDocuments(ctx, c.filter)
		if err != nil {
			return db.Activity{}, internal("count activity", err)
		}
		*c.into = int(n)
	}
	return a, nil
}
