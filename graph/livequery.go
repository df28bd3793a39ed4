package graph

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph/model"
)

// DefaultCoalesceWindow is the shortest time between two emissions of one
// live query: a burst of writes becomes one update.
const DefaultCoalesceWindow = 50 * time.Millisecond

// liveQuery implements a live query: eval's result at once, then a new
// result after each change to what it reads (reads: its read set, as
// Convex records it), at most once per window. The feed routes a change
// only to the watchers whose read set it touches, so a write costs the
// queries it concerns, not every subscriber. The watcher starts before the
// first evaluation, so no change between the two is missed. When the
// watched entity is gone (ErrNotFound), at the start or later, a nullable
// query emits nil, and every query completes. Identical consecutive results
// are dropped downstream, where they are encoded.
func liveQuery[T any](ctx context.Context, feed db.ChangeFeed, window time.Duration, reads []db.Interest,
	nullable bool, eval func(context.Context) (T, error)) (<-chan T, error) {
	watcher := feed.WatchOnly(reads...)
	first, err := eval(ctx)
	if nullable && db.ErrorCode(err) == db.ErrNotFound {
		// As the query answers: null, not an error; nothing more will come.
		watcher.Close()
		out := make(chan T, 1)
		out <- first
		close(out)
		return out, nil
	}
	if err != nil {
		watcher.Close()
		return nil, err
	}
	out := make(chan T, 1)
	out <- first
	go func() {
		defer close(out)
		defer watcher.Close()
		lastEval := time.Now()
		for waitForChange(ctx, watcher, lastEval.Add(window)) {
			lastEval = time.Now()
			v, err := eval(ctx)
			switch {
			case db.ErrorCode(err) == db.ErrNotFound:
				if nullable {
					var gone T
					send(ctx, out, gone)
				}
				return
			case err != nil:
				if ctx.Err() == nil {
					slog.ErrorContext(ctx, "live query evaluation failed; retrying on the next change", "err", err)
				}
				continue
			}
			if !send(ctx, out, v) {
				return
			}
		}
	}()
	return out, nil
}

// waitForChange blocks until a change to what the query read is pending and
// notBefore has passed, taking every pending change. It returns false when
// ctx ends.
func waitForChange(ctx context.Context, watcher *db.Watcher, notBefore time.Time) bool {
	for {
		select {
		case <-ctx.Done():
			return false
		case <-watcher.Ready():
		}
		if wait := time.Until(notBefore); wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				timer.Stop()
				return false
			case <-timer.C:
			}
		}
		// The feed routes only changes to what the query read (and resets).
		if len(watcher.Drain()) > 0 {
			return true
		}
	}
}

// selects reports whether the field being resolved selects a sub-field of
// that name, so a live query watches what its nested fields read.
func selects(ctx context.Context, name string) bool {
	return slices.Contains(graphql.CollectAllFields(ctx), name)
}

// nullIfNotFound turns "no such document" into null, as a by-id read of the
// seed answers (a well-formed ID that names nothing is not an error there);
// malformed IDs and other failures stay errors.
func nullIfNotFound[T any](v *T, err error) (*T, error) {
	if db.ErrorCode(err) == db.ErrNotFound {
		return nil, nil
	}
	return v, err
}

func send[T any](ctx context.Context, out chan<- T, v T) bool {
	select {
	case out <- v:
		return true
	case <-ctx.Done():
		return false
	}
}

// logStreamPage is how many logs a stream reads from the store at a time.
const logStreamPage = 500

// logStream sends each log after q.After (or, without it, after the last
// log there is) once, in (timestamp, id) order, then each log appended later. Changes only wake it up: it always reads
// from the store after the last cursor it sent, so a burst, a missed change
// or a reset cannot make it skip or repeat a log.
func logStream(ctx context.Context, store db.LogStore, feed db.ChangeFeed, window time.Duration, q db.LogQuery) (<-chan *model.ExecutionLogEdge, error) {
	// The session is read too: its deletion ends the stream.
	watcher := feed.WatchOnly(db.Interest{Collection: db.CollExecutionLogs, SessionID: q.SessionID},
		db.Interest{Collection: db.CollTestSessions, ID: q.SessionID})
	if q.After == nil {
		// Without a cursor the stream starts after the last log there is.
		last, err := store.LastExecutionLog(ctx, q)
		if err != nil {
			watcher.Close()
			return nil, err
		}
		if last != nil {
			cursor := db.CursorOf(last)
			q.After = &cursor
		}
	}
	q.Limit = logStreamPage
	page, err := store.ListExecutionLogs(ctx, q)
	if err != nil {
		watcher.Close()
		return nil, err
	}
	out := make(chan *model.ExecutionLogEdge, 16)
	go func() {
		defer close(out)
		defer watcher.Close()
		lastRead := time.Now()
		for {
			for _, l := range page.Logs {
				cursor := db.CursorOf(l)
				if !send(ctx, out, &model.ExecutionLogEdge{Node: l, Cursor: cursor.String()}) {
					return
				}
				q.After = &cursor
			}
			if !page.HasNextPage && !waitForChange(ctx, watcher, lastRead.Add(window)) {
				return
			}
			lastRead = time.Now()
			next, err := store.ListExecutionLogs(ctx, q)
			switch {
			case db.ErrorCode(err) == db.ErrNotFound:
				return // the session was deleted: the stream is complete
			case err != nil:
				if ctx.Err() == nil {
					slog.ErrorContext(ctx, "log stream read failed; retrying on the next change", "err", err)
				}
				page = &db.LogPage{}
				continue
			}
			page = next
		}
	}()
	return out, nil
}
