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

// nullIfNotFound turns "no such document" into null, as a by-id read of the
// seed answers (a well-formed ID that names nothing is not an error there);
// malformed IDs and other failures stay errors.
func nullIfNotFound[T any](v *T, err error) (*T, error) {
	if db.ErrorCode(err) == db.ErrNotFound {
		return nil, nil
	}
	return v, err
}

// logStreamPage is how many logs a stream reads from the store at a time.
const logStreamPage = 500

// logStream sends each log after q.After (or, without it, after the last
// log there is) once, in (timestamp, id) order, then each log appended
// later. Changes only wake it up: it always reads from the store after the
// last cursor it sent, so a burst, a missed change or a reset cannot make
// it skip or repeat a log. Under graph/live's pump it holds no goroutine
// between reads; elsewhere (a subscription over HTTP) it sends what is
// there now.
func logStream(ctx context.Context, store db.LogStore, feed db.ChangeFeed, q db.LogQuery) (<-chan *model.ExecutionLogEdge, error) {
	pump := live.PumpFrom(ctx)
	wake := func() {}
	if pump != nil {
		wake = pump.Wake
	}
	// What the reads below record (the session's logs, and the session,
	// whose deletion ends the stream) is what wakes it.
	readCtx, tracker := feed.Track(ctx, wake)
	if q.After == nil {
		// Without a cursor the stream starts after the last log there is.
		last, err := store.LastExecutionLog(readCtx, q)
		if err != nil {
			tracker.Close()
			return nil, err
		}
		if last != nil {
			cursor := db.CursorOf(last)
			q.After = &cursor
		}
	}
	out := make(chan *model.ExecutionLogEdge, logStreamPage)
	settled := false
	fill := func() (int, bool) {
		q.Limit = cap(out) - len(out)
		page, err := store.ListExecutionLogs(readCtx, q)
		if !settled {
			// From now on only changes to what was read wake the stream.
			settled = true
			tracker.Settle()
		}
		switch {
		case db.ErrorCode(err) == db.ErrNotFound:
			tracker.Close()
			close(out) // the session was deleted: the stream is complete
			return 0, true
		case err != nil:
			if ctx.Err() == nil {
				slog.ErrorContext(ctx, "log stream read failed; retrying on the next change", "err", err)
			}
			return 0, false
		}
		for _, l := range page.Logs {
			cursor := db.CursorOf(l)
			out <- &model.ExecutionLogEdge{Node: l, Cursor: cursor.String()}
			q.After = &cursor
		}
		return len(page.Logs), false
	}
	if pump == nil {
		defer tracker.Close()
		fill()
		close(out)
		return out, nil
	}
	context.AfterFunc(ctx, tracker.Close)
	pump.Start(fill)
	return out, nil
}
