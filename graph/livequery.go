package graph

import (
	"context"
	"log/slog"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph/live"
	"github.com/testing-agent/backend/graph/model"
)

// DefaultCoalesceWindow is the shortest time between two evaluations of one
// live query, or two reads of a log stream: a burst of writes becomes one
// update.
const DefaultCoalesceWindow = 50 * time.Millisecond

// feedInvalidator runs live queries as Convex does: each evaluation
// records what it read (the resolvers read through db.RecordReads), and the
// feed calls back only when a committed change touches that. A write costs
// the evaluations it concerns; an idle live query holds no goroutine.
type feedInvalidator struct{ feed db.ChangeFeed }

func (f feedInvalidator) Track(ctx context.Context, onChange func()) (context.Context, live.Tracking) {
	return f.feed.Track(ctx, onChange)
}

// snapshot is a live root field's subscription resolver: graph/live runs
// live queries as queries and never calls it, but a subscription sent over
// HTTP gets the current result once.
func snapshot[T any](v T, err error) (<-chan T, error) {
	if err != nil {
		return nil, err
	}
	out := make(chan T, 1)
	out <- v
	close(out)
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
