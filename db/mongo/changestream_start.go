package mongo

import (
	"context"
	"fmt"
	"log/slog"
)

// startLiveFeed decides, at Open, where the store's feed comes from: the
// database's change stream where the deployment has one, else the store's
// own writes (feed.go), which it logs once, since live queries then miss
// what other processes write.
func (s *Store) startLiveFeed(ctx context.Context, open opener) error {
	log := s.opts.Logger
	switch {
	case s.opts.NoChangeStream:
		log.InfoContext(ctx, "mongo: change streams turned off (Options.NoChangeStream): live updates see only this process's writes",
			slog.String("server", s.where))
		return nil
	case !s.caps.changeStreams:
		log.WarnContext(ctx, "mongo: no change streams (they need a replica set, a sharded cluster or Atlas; FerretDB and standalone servers have none): live updates see only this process's writes; to run several servers on this database with live updates, make it a replica set (one node is enough)",
			slog.String("server", s.where))
		return nil
	}
	stream := newChangeStream(open, &s.feed, log, defaultStreamBackoff)
	err := stream.start(ctx)
	switch {
	case err == nil:
		s.stream = stream
		return nil
	case ctx.Err() != nil:
		return fmt.Errorf("mongo: open a change stream on MongoDB at %s: %w", s.where, err)
	case classifyStreamError(err) == streamErrUnsupported:
		log.WarnContext(ctx, "mongo: MongoDB refuses change streams, which need a replica set (or Atlas): live updates see only this process's writes",
			slog.String("server", s.where), slog.Any("error", err))
	default:
		log.WarnContext(ctx, "mongo: MongoDB refused a change stream (it needs a replica set, and the changeStream and find privileges on the database): live updates see only this process's writes",
			slog.String("server", s.where), slog.Any("error", err))
	}
	return nil
}
