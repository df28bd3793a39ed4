package live

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/gorilla/websocket"
)

// Handler upgrades HTTP requests to GraphQL websockets. It is an
// http.Handler, and also a gqlgen transport (graphql.Transport), so that it
// can be added to a *handler.Server and run on that server's executor.
type Handler struct {
	opts         Options
	upgrader     websocket.Upgrader
	hub          *hub
	writeTimeout time.Duration // a write that takes longer drops the connection

	mu     sync.Mutex
	conns  map[*connection]struct{}
	closed bool
	active sync.WaitGroup // one per upgrade in progress or open connection
}

var _ graphql.Transport = (*Handler)(nil)

// NewHandler returns a Handler; see Options for the defaults.
func NewHandler(opts Options) *Handler {
	opts = opts.withDefaults()
	return &Handler{
		opts:         opts,
		hub:          newHub(opts),
		writeTimeout: defaultWriteTimeout,
		conns:        make(map[*connection]struct{}),
		upgrader: websocket.Upgrader{
			HandshakeTimeout: 10 * time.Second,
			// A small read buffer and pooled write buffers keep an idle
			// connection cheap; messages larger than a buffer still work.
			ReadBufferSize:  1024,
			WriteBufferPool: &sync.Pool{},
			Subprotocols:    []string{transportWS.name, legacyWS.name},
			// Origins are checked before upgrading, to answer with a
			// readable error.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
}

// IsUpgrade reports whether r asks for a websocket, so that one route can
// send upgrades to a Handler and everything else to the HTTP handler.
func IsUpgrade(r *http.Request) bool {
	return websocket.IsWebSocketUpgrade(r)
}

// ServeHTTP upgrades the request and serves the websocket on Options.Exec
// in the background.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.serve(w, r, h.opts.Exec)
}

// Supports implements graphql.Transport: a Handler takes websocket upgrades.
func (h *Handler) Supports(r *http.Request) bool {
	return IsUpgrade(r)
}

// Do implements graphql.Transport: it upgrades the request and serves the
// websocket on the gqlgen server's executor. Options.Exec is not used then.
func (h *Handler) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	h.serve(w, r, exec)
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if exec == nil {
		h.opts.Logger.Error("live: no GraphQL executor: set Options.Exec or add the Handler to a gqlgen server as a transport")
		writeHTTPError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
		return
	}
	if !IsUpgrade(r) {
		writeHTTPError(w, http.StatusBadRequest, "BAD_USER_INPUT", "this endpoint expects a websocket upgrade")
		return
	}
	proto := negotiate(websocket.Subprotocols(r))
	if proto == nil {
		writeHTTPError(w, http.StatusBadRequest, "BAD_USER_INPUT", unsupportedSubprotocol)
		return
	}
	if !h.originAllowed(r) {
		writeHTTPError(w, http.StatusForbidden, "FORBIDDEN", "websocket connections from origin "+r.Header.Get("Origin")+" are not allowed")
		return
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		writeHTTPError(w, http.StatusServiceUnavailable, "INTERNAL", "the server is shutting down: reconnect shortly")
		return
	}
	if len(h.conns) >= h.opts.MaxConnections {
		h.mu.Unlock()
		w.Header().Set("Retry-After", "5")
		writeHTTPError(w, http.StatusTooManyRequests, "RATE_LIMITED", "this server holds as many websockets as it may: retry shortly")
		return
	}
	h.active.Add(1)
	h.mu.Unlock()

	ws, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		// The upgrader has answered the request already.
		h.active.Done()
		h.opts.Logger.Debug("live: websocket upgrade failed", "err", err)
		return
	}
	// The HTTP server's read and write timeouts are for requests; a socket
	// lives as long as its peer answers.
	_ = ws.NetConn().SetDeadline(time.Time{})
	// The request's context ends when this method returns; the
	// connection keeps its values.
	c := newConnection(context.WithoutCancel(r.Context()), h, ws, proto, exec, r.Header)
	h.mu.Lock()
	closed := h.closed
	h.conns[c] = struct{}{}
	h.mu.Unlock()
	if closed {
		c.closeWith(websocket.CloseGoingAway, "server shutting down")
	}
	// Returning lets net/http free what it holds for the request (its
	// buffers and goroutine stack); the connection reads in a goroutine
	// of its own.
	go func() {
		defer h.active.Done()
		c.run()
		h.mu.Lock()
		delete(h.conns, c)
		h.mu.Unlock()
	}()
}

// Stats returns what the Handler holds now.
func (h *Handler) Stats() Stats {
	h.mu.Lock()
	conns := len(h.conns)
	h.mu.Unlock()
	s := h.hub.stats()
	s.Connections = conns
	return s
}

// Close refuses new sockets, closes every open one with 1001 (going away)
// after its queued frames, and returns when all are gone. A peer that does
// not answer within a few seconds has its socket cut.
func (h *Handler) Close() {
	h.mu.Lock()
	h.closed = true
	conns := make([]*connection, 0, len(h.conns))
	for c := range h.conns {
		conns = append(conns, c)
	}
	h.mu.Unlock()
	for _, c := range conns {
		c.closeWith(websocket.CloseGoingAway, "server shutting down")
	}

	done := make(chan struct{})
	go func() {
		h.active.Wait()
		close(done)
	}()
	select {
	case <-done:
		return
	case <-time.After(closeGrace + h.writeTimeout):
	}
	h.mu.Lock()
	for c := range h.conns {
		_ = c.ws.NetConn().Close()
	}
	h.mu.Unlock()
	<-done
}

// originAllowed accepts requests without Origin (not from a browser),
// same-host origins, and the configured ones.
func (h *Handler) originAllowed(r *http.Request) bool {
	if h.opts.CheckOrigin != nil {
		return h.opts.CheckOrigin(r)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err == nil && strings.EqualFold(u.Host, r.Host) {
		return true
	}
	origin = strings.TrimSuffix(origin, "/")
	for _, allowed := range h.opts.AllowedOrigins {
		if allowed == "*" || strings.EqualFold(strings.TrimSuffix(allowed, "/"), origin) {
			return true
		}
	}
	return false
}

// writeHTTPError answers a request that was not upgraded in the shape of a
// GraphQL response, as the HTTP side does.
func writeHTTPError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{
			"message":    message,
			"extensions": map[string]any{"code": code},
		}},
	})
}
