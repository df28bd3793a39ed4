package mongo

import (
	"context"
	"fmt"
	"log/slog"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// statsTTLIndexName names the TTL index, so a changed retention can find it.
const statsTTLIndexName = "timestamp_ttl"

// index is one index of one collection.
type index struct {
	coll   *mongo.Collection
	name   string
	keys   bson.D
	unique bool
}

// indexes are the indexes every query of the store runs on. Their names are
// fixed so that a second Open finds them instead of adding copies.
func (s *Store) indexes() []index {
	asc := func(fields ...string) bson.D {
		d := bson.D{}
		for _, f := range fields {
			d = append(d, bson.E{Key: f, Value: 1})
		}
		return d
	}
	return []index{
		// ListTestSessions: newest first.
		{s.sessions, "createdAt_-1__id_-1", bson.D{{Key: "createdAt", Value: -1}, {Key: "_id", Value: -1}}, false},
		// CountActivity: running sessions.
		{s.sessions, "status_1", asc("status"), false},
		// ListTestFlows; unique, so a bug in order allocation cannot give two
		// flows one position.
		{s.flows, "sessionId_1_order_1", asc("sessionId", "order"), true},
		// ClaimFlow: the oldest queued pending flow, by (queuedAt, order).
		{s.flows, "status_1_queuedAt_1_order_1", asc("status", "queuedAt", "order"), false},
		// RecoverExpiredLeases: running flows whose lease has ended.
		{s.flows, "status_1_leaseExpires_1", asc("status", "leaseExpires"), false},
		// ListBrowserSessions: a session's, oldest first.
		{s.browsers, "sessionId_1_startedAt_1__id_1", asc("sessionId", "startedAt", "_id"), false},
		// ListExecutionLogs, with and without its filters, and the cascade delete.
		{s.logs, "sessionId_1_timestamp_1__id_1", asc("sessionId", "timestamp", "_id"), false},
		{s.logs, "sessionId_1_flowId_1_timestamp_1__id_1", asc("sessionId", "flowId", "timestamp", "_id"), false},
		{s.logs, "sessionId_1_level_1_timestamp_1__id_1", asc("sessionId", "level", "timestamp", "_id"), false},
		// ListSystemStats: newest first; also serves pruning where TTL is missing.
		{s.stats, "timestamp_-1__id_-1", bson.D{{Key: "timestamp", Value: -1}, {Key: "_id", Value: -1}}, false},
		// The cascade delete finds a session's artifacts.
		{s.artifactFiles, "metadata.sessionId_1", asc("metadata.sessionId"), false},
		// The indexes the driver's GridFS creates before a bucket's first
		// upload, under the names and keys it gives them, so it finds them
		// and concurrent first uploads do not race to create them.
		{s.artifactFiles, "filename_1_uploadDate_1", asc("filename", "uploadDate"), false},
		{s.artifactChunks, "files_id_1_n_1", asc("files_id", "n"), true},
	}
}

// ensureIndexes creates the indexes that are missing; existing ones are
// left alone, so it is safe on every Open.
func (s *Store) ensureIndexes(ctx context.Context) error {
	for _, ix := range s.indexes() {
		model := mongo.IndexModel{Keys: ix.keys, Options: options.Index().SetName(ix.name)}
		if ix.unique {
			model.Options.SetUnique(true)
		}
		if _, err := ix.coll.Indexes().CreateOne(ctx, model); err != nil {
			return fmt.Errorf("mongo: create index %s on %s: %w", ix.name, ix.coll.Name(), err)
		}
	}
	return s.ensureStatsTTL(ctx)
}

// ensureStatsTTL makes MongoDB delete stats samples older than
// StatsRetention. A changed retention updates the existing index. FerretDB
// v1 has no TTL indexes; the store then prunes by hand (see stats.go).
func (s *Store) ensureStatsTTL(ctx context.Context) error {
	seconds := int32(min(s.opts.StatsRetention.Seconds(), float64(1<<31-1)))
	model := mongo.IndexModel{
		Keys:    bson.D{{Key: "timestamp", Value: 1}},
		Options: options.Index().SetName(statsTTLIndexName).SetExpireAfterSeconds(seconds),
	}
	_, err := s.stats.Indexes().CreateOne(ctx, model)
	switch {
	case err == nil:
		s.caps.ttlIndexes = true
		return nil
	case hasServerCode(err, codeNotImplemented):
		s.opts.Logger.InfoContext(ctx, "mongo: server has no TTL indexes; old systemStats samples are deleted by the store",
			slog.String("server", s.where))
		return s.pruneStats(ctx)
	case hasServerCode(err, codeIndexOptionsConflict), hasServerCode(err, codeIndexKeySpecsConflict):
		// The index exists with another retention.
		cmd := bson.D{
			{Key: "collMod", Value: systemStatsCollection},
			{Key: "index", Value: bson.D{{Key: "name", Value: statsTTLIndexName}, {Key: "expireAfterSeconds", Value: seconds}}},
		}
		if err := s.stats.Database().RunCommand(ctx, cmd).Err(); err != nil {
			return fmt.Errorf("mongo: change the retention of %s: %w", systemStatsCollection, err)
		}
		s.caps.ttlIndexes = true
		return nil
	default:
		return fmt.Errorf("mongo: create TTL index on %s: %w", systemStatsCollection, err)
	}
}
