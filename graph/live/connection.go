package live

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/gorilla/websocket"
)

// connection is one websocket. Its reader goroutine owns the operation
// lifecycle on the client's side; a writer goroutine runs only while frames
// are queued, and a timer sends keep-alives. Nothing else runs per
// connection.
type connection struct {
	h       *Handler
	ws      *websocket.Conn
	proto   *wireProtocol
	exec    graphql.GraphExecutor
	headers http.Header

	ctx       context.Context // after connection_init: what InitFunc returned; reader-owned
	cancel    context.CancelFunc
	initTimer *time.Timer
	initSeen  atomic.Bool // connection_init arrived
	acked     atomic.Bool // connection_ack queued: keep-alives may flow
	pinger    *time.Timer
	writers   sync.WaitGroup // the writer, while one runs

	starts tokenBucket // operation starts; reader-owned

	mu          sync.Mutex
	ops         map[string]*operation // active operations by client id
	out         outQueue
	closing     bool   // no new frames; a close frame follows the queued ones
	closeMsg    []byte // the close frame's payload once closing
	closeSent   bool
	writing     bool // a writer runs (or is about to)
	writeFailed bool // a write failed: the socket is being torn down
	stopped     bool // the reader has finished: no writer starts
}

func newConnection(ctx context.Context, h *Handler, ws *websocket.Conn, proto *wireProtocol, exec graphql.GraphExecutor, headers http.Header) *connection {
	ctx, cancel := context.WithCancel(ctx)
	return &connection{
		h:       h,
		ws:      ws,
		proto:   proto,
		exec:    exec,
		headers: headers,
		ctx:     ctx,
		cancel:  cancel,
		ops:     make(map[string]*operation),
		starts:  newTokenBucket(h.opts.MaxStartsPerSecond, 10*h.opts.MaxStartsPerSecond),
	}
}

// run reads messages until the socket ends, then frees everything the
// connection held.
func (c *connection) run() {
	c.ws.SetReadLimit(maxMessageBytes)
	c.initTimer = time.AfterFunc(c.h.opts.InitTimeout, func() {
		if !c.initSeen.Load() {
			c.closeWith(closeInitTimeout, "Connection initialisation timeout")
		}
	})
	// A peer that neither sends nor answers our pings within a keep-alive
	// interval and the pong wait is gone (a laptop closed, a network
	// dropped): its socket is cut rather than held for ever.
	alive := func() error {
		return c.ws.SetReadDeadline(time.Now().Add(c.h.opts.KeepAlive + c.h.opts.PongWait))
	}
	_ = alive()
	c.ws.SetPongHandler(func(string) error { return alive() })
	c.mu.Lock()
	c.pinger = time.AfterFunc(c.h.opts.KeepAlive, c.keepAlive)
	c.mu.Unlock()
	defer c.shutdown()
	for {
		_, data, err := c.ws.ReadMessage()
		if err == nil {
			_ = alive()
		}
		if err != nil {
			if !websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived) && !c.isClosing() {
				c.h.opts.Logger.Debug("live: websocket read ended", "err", err)
			}
			return
		}
		if c.isClosing() {
			continue // waiting for the peer to answer our close frame
		}
		c.handleOffStack(data)
	}
}

// handleOffStack handles a message in a goroutine of its own and waits for
// it: parsing and validating an operation grows a stack to tens of KB, and
// the reader, which then waits for ever on an idle socket, should not keep
// that (Go shrinks stacks only gradually). Messages stay in order.
func (c *connection) handleOffStack(data []byte) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.handle(data)
	}()
	<-done
}

// closeWith sends a close frame after the frames already queued; the reader
// then waits a little for the peer's answer before the socket is torn down
// (closing at once can reset the TCP connection and lose the close frame).
func (c *connection) closeWith(code int, reason string) {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return
	}
	c.closing = true
	c.closeMsg = websocket.FormatCloseMessage(code, truncateReason(reason))
	c.mu.Unlock()
	c.signal()
}

func (c *connection) isClosing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closing
}

// shutdown frees everything the connection held; it runs once, when the
// reader stops.
func (c *connection) shutdown() {
	c.initTimer.Stop()
	c.mu.Lock()
	c.pinger.Stop()
	c.closing = true
	c.stopped = true
	ops := c.ops
	c.ops = map[string]*operation{}
	for _, op := range ops {
		op.done = true
		op.pending = nil
	}
	c.out.reset()
	c.mu.Unlock()

	_ = c.ws.Close() // also unblocks a writer stuck on a slow peer
	c.writers.Wait()
	for _, op := range ops {
		c.release(op)
	}
	c.cancel()
}

// abort tears the socket down after a failed write; the reader notices.
func (c *connection) abort(err error) {
	if !c.isClosing() && !errors.Is(err, websocket.ErrCloseSent) {
		c.h.opts.Logger.Debug("live: websocket write failed; dropping the connection", "err", err)
	}
	_ = c.ws.NetConn().Close()
}
