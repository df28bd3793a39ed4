package mongo

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// A store on a deployment with change streams follows ONE database-level
// stream and publishes its events to the store's Broadcaster, which every
// watcher of the process shares; writes of other processes on the same
// database reach live queries that way. The store's own writes arrive
// through the stream too, so it then publishes nothing itself.
//
// Recovery, so that no change is lost or delivered twice:
//   - The loop keeps the resume token of the last event it published (or
//     the post-batch token of an empty batch) and reopens with startAfter
//     that token after a resumable error, backing off between attempts.
//   - When the server cannot continue from the token (history lost, token
//     unknown, any unlabelled server error), the loop opens a fresh stream
//     and, once it is open, publishes a ChangeReset: every live query
//     re-reads, and the new stream carries everything after the re-read.
//   - After invalidate (the database was dropped) the loop publishes a
//     reset and reopens with startAfter the invalidate token, which the
//     server accepts (resumeAfter would not), so nothing after the drop is
//     missed either.

// eventSource is one open change stream: an adapter over the driver's
// stream (changestream_driver.go), or a scripted one in tests.
type eventSource interface {
	// TryNext waits a bounded time (the server's await time) for an event.
	// It returns false when the wait ended without one (Err is nil, and
	// ResumeToken may have moved on) or on an error (Err says which).
	TryNext(ctx context.Context) bool
	// Current is the event TryNext returned, valid until the next call.
	Current() bson.Raw
	// ResumeToken is where a new stream continues after what TryNext has
	// returned so far.
	ResumeToken() bson.Raw
	Err() error
	Close(ctx context.Context) error
}

// opener opens a stream on the database: from now when startAfter is nil,
// else right after the event the token names.
type opener func(ctx context.Context, startAfter bson.Raw) (eventSource, error)

// backoff bounds the wait before reopening a stream that keeps failing.
type backoff struct{ min, max time.Duration }

var defaultStreamBackoff = backoff{min: 250 * time.Millisecond, max: 15 * time.Second}

// delay is the wait after failures consecutive failures: none after none,
// then min, doubling up to max.
func (b backoff) delay(failures int) time.Duration {
	if failures <= 0 {
		return 0
	}
	d := b.min
	for i := 1; i < failures && d < b.max; i++ {
		d *= 2
	}
	return min(d, b.max)
}

// sourceCloseTimeout bounds killing a stream's cursor on the server.
const sourceCloseTimeout = 5 * time.Second

// changeStream publishes a database's change stream to a Broadcaster.
type changeStream struct {
	open    opener
	sink    *db.Broadcaster
	log     *slog.Logger
	backoff backoff

	// Owned by the loop goroutine once it runs.
	token    bson.Raw
	failures int

	stop      context.CancelFunc
	done      chan struct{}
	closeOnce sync.Once
}

func newChangeStream(open opener, sink *db.Broadcaster, log *slog.Logger, b backoff) *changeStream {
	return &changeStream{open: open, sink: sink, log: log, backoff: b}
}

// start opens the first stream, so that every write committed after start
// returns is seen, and follows it in a goroutine until Close. When the
// deployment refuses the stream (no change streams, missing privileges)
// start returns the error and runs nothing. A resumable failure (say, an
// election under way) starts the loop anyway: it keeps trying and, once a
// stream is open, publishes a reset for what went unpublished meanwhile.
func (c *changeStream) start(ctx context.Context) error {
	src, err := c.open(ctx, nil)
	if err != nil && (ctx.Err() != nil || classifyStreamError(err) != streamErrResumable) {
		return err
	}
	if err != nil {
		c.log.WarnContext(ctx, "mongo: could not open the change stream yet; live updates wait until it opens",
			slog.Any("error", err))
		c.failures = 1
	}
	loopCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	c.stop = stop
	c.done = make(chan struct{})
	go c.run(loopCtx, src)
	return nil
}

// Close stops the loop and waits until its goroutine has returned and its
// stream is closed.
func (c *changeStream) Close() {
	c.closeOnce.Do(func() {
		c.stop()
		<-c.done
	})
}

// run follows src, and the streams that replace it, until ctx ends. A nil
// src means none could be opened yet.
func (c *changeStream) run(ctx context.Context, src eventSource) {
	defer close(c.done)
	needReset := src == nil
	for {
		if src == nil {
			if src = c.reopen(ctx, needReset); src == nil {
				return
			}
		}
		err := c.follow(ctx, src)
		src, needReset = nil, false
		switch {
		case ctx.Err() != nil:
			return
		case err == nil:
			// Invalidated: reopen at once after the invalidate token.
			continue
		}
		c.failures++
		kind := classifyStreamError(err)
		if kind != streamErrResumable || c.token == nil {
			// Without a usable token the new stream starts from now.
			c.token, needReset = nil, true
		}
		c.log.WarnContext(ctx, "mongo: change stream interrupted; reopening",
			slog.Bool("resumable", kind == streamErrResumable),
			slog.Any("error", err))
	}
}

// follow publishes src's events until ctx ends, src fails (the error is
// returned) or the server invalidates it (nil is returned). It closes src.
func (c *changeStream) follow(ctx context.Context, src eventSource) error {
	defer closeSource(src)
	// A new stream already has a token: the one it started after, or the
	// server's post-batch token of its first, empty batch.
	c.remember(src.ResumeToken())
	for {
		if !src.TryNext(ctx) {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := src.Err(); err != nil {
				return err
			}
			// An empty batch: its post-batch token keeps ours from falling
			// behind the oplog while the database is quiet.
			c.failures = 0
			c.remember(src.ResumeToken())
			continue
		}
		c.failures = 0
		change, kind, err := decodeChangeEvent(src.Current())
		if err != nil {
			// What changed is unknown; re-reading is always correct.
			c.log.WarnContext(ctx, "mongo: unreadable change event; live queries re-read", slog.Any("error", err))
			change, kind = resetChange, eventChange
		}
		if kind != eventIgnored {
			c.sink.Publish(change)
		}
		c.remember(src.ResumeToken())
		if kind == eventInvalidate {
			return nil
		}
	}
}

// reopen opens a stream after the kept token (fresh when there is none),
// backing off between failures, and returns nil once ctx ends. With
// needReset, or once the token turns out unusable, it publishes a reset
// after the new stream is open, so live queries re-read no earlier than
// the point the stream starts from.
func (c *changeStream) reopen(ctx context.Context, needReset bool) eventSource {
	for {
		if !sleep(ctx, c.backoff.delay(c.failures)) {
			return nil
		}
		src, err := c.open(ctx, c.token)
		if err == nil {
			if needReset {
				c.sink.Publish(resetChange)
			}
			if c.failures > 0 {
				c.log.InfoContext(ctx, "mongo: change stream reopened",
					slog.Bool("resumed", c.token != nil), slog.Bool("reset", needReset))
			}
			return src
		}
		if ctx.Err() != nil {
			return nil
		}
		c.failures++
		kind := classifyStreamError(err)
		if kind != streamErrResumable && c.token != nil {
			c.token, needReset = nil, true
		}
		c.log.WarnContext(ctx, "mongo: cannot reopen the change stream; retrying",
			slog.Int("failures", c.failures),
			slog.Duration("retryIn", c.backoff.delay(c.failures)),
			slog.Bool("resumable", kind == streamErrResumable),
			slog.Any("error", err))
	}
}

// remember keeps a copy of token: the driver may reuse its bytes.
func (c *changeStream) remember(token bson.Raw) {
	if token != nil {
		c.token = slices.Clone(token)
	}
}

func closeSource(src eventSource) {
	ctx, cancel := context.WithTimeout(context.Background(), sourceCloseTimeout)
	defer cancel()
	_ = src.Close(ctx) // the server drops a cursor nobody reads anyway
}

// sleep waits d, or less when ctx ends; it reports whether ctx is alive.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
