// Package live serves GraphQL operations over websockets, speaking both
// graphql-transport-ws (the graphql-ws library) and the legacy graphql-ws
// subprotocol (subscriptions-transport-ws), and makes live queries cost one
// evaluation per distinct query instead of one per subscriber.
//
// gqlgen parses, validates and executes every operation. Subscribers whose
// operation name, query text, variables and auth scope are equal share one
// evaluation: each result is JSON-encoded once and written to every subscriber
// as pre-encoded bytes, only the message id differs. Root fields listed in
// Options.Streams are append streams and are never shared, deduplicated or
// dropped.
package live

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

const (
	defaultKeepAlive    = 12 * time.Second
	defaultPongWait     = 12 * time.Second
	defaultInitTimeout  = 3 * time.Second
	defaultSendQueue    = 256
	defaultPendingBytes = 32 << 20
	defaultWriteTimeout = 10 * time.Second
	defaultLiveWindow   = 50 * time.Millisecond

	// closeGrace bounds how long a connection waits for the peer to answer
	// our close frame before the socket is torn down.
	closeGrace = 2 * time.Second
	// maxMessageBytes bounds one incoming websocket message.
	maxMessageBytes           = 1 << 20
	defaultMaxConnections     = 20_000
	defaultMaxOperations      = 10_000
	defaultMaxStartsPerSecond = 200
	defaultMaxEvaluations     = 100_000
)

// Options configure a Handler.
type Options struct {
	// Exec parses, validates and executes operations. It must carry the same
	// extensions as the HTTP side (error presenter, recover func, query
	// cache, limits, introspection). Optional when the Handler is registered
	// as a gqlgen transport (srv.AddTransport(h)): then the server's own
	// executor is used.
	Exec graphql.GraphExecutor
	// KeepAlive is the interval of graphql-transport-ws "ping" and legacy
	// "ka" messages, and of websocket ping frames; default 12s.
	KeepAlive time.Duration
	// PongWait is how long past a KeepAlive interval a peer may stay silent
	// (no message, no pong to our ping frames: browsers answer those by
	// themselves) before it is taken for dead and dropped; default 12s.
	PongWait time.Duration
	// InitTimeout is how long a socket may stay without connection_init
	// before it is closed with 4408; default 3s.
	InitTimeout time.Duration
	// AllowedOrigins lists origins (such as "https://app.example.com") that
	// may open sockets besides requests without Origin and same-host ones;
	// "*" allows every origin.
	AllowedOrigins []string
	// CheckOrigin, when set, decides which pages may open sockets instead
	// of AllowedOrigins (one rule for HTTP CORS and websockets).
	CheckOrigin func(r *http.Request) bool
	// SendQueue bounds the frames queued per connection besides the one
	// latest result kept per live query; default 256.
	SendQueue int
	// MaxPendingBytes bounds the bytes of those frames (answers to queries
	// and mutations, stream events) waiting for one client; default 32 MiB.
	// A client that lets more pile up is disconnected, as with SendQueue.
	MaxPendingBytes int
	// MaxConnections bounds the open sockets; past it upgrades are refused
	// with HTTP 429 (RATE_LIMITED). Default 20,000.
	MaxConnections int
	// MaxOperations bounds the operations one socket holds open (one client
	// multiplexing thousands of subscriptions is normal, millions is not);
	// past it a subscribe gets RATE_LIMITED. Default 10,000.
	MaxOperations int
	// MaxStartsPerSecond bounds how fast one socket may start operations
	// (subscribe and unsubscribe churn), with bursts of ten times as many;
	// past it a subscribe gets RATE_LIMITED. Default 200.
	MaxStartsPerSecond int
	// MaxEvaluations bounds the distinct live-query evaluations and log
	// streams the server holds; past it a subscribe that would start one
	// gets RATE_LIMITED (joining a shared one still works). Default 100,000.
	MaxEvaluations int
	// Streams names root subscription fields that are append streams (such
	// as "executionLogs"): never shared, never deduplicated, never dropped. A
	// stream whose client cannot keep up gets an error and is ended.
	Streams map[string]bool
	// InitFunc sees the connection_init payload and returns the context that
	// the connection's operations run in. An error closes the socket with
	// 4403; its message is sent to legacy clients in connection_error.
	InitFunc func(ctx context.Context, payload map[string]any) (context.Context, error)
	// ScopeKey returns the auth scope of a connection's context; only
	// subscribers with the same scope share an evaluation. A shared
	// evaluation runs in its first subscriber's context (InitFunc's values,
	// upgrade headers), so the scope must cover whatever resolvers read
	// from those. nil means one scope for everybody.
	ScopeKey func(ctx context.Context) string
	// Invalidator, when set, makes live queries (subscriptions that are
	// not Streams) re-run as queries when what they read changes, holding
	// nothing between evaluations; see Invalidator. Without one each
	// subscription's resolver streams its results.
	Invalidator Invalidator
	// LiveWindow is the shortest time between two evaluations of one live
	// query, so a burst of writes costs one evaluation; default 50ms.
	LiveWindow time.Duration
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.KeepAlive <= 0 {
		o.KeepAlive = defaultKeepAlive
	}
	if o.MaxConnections <= 0 {
		o.MaxConnections = defaultMaxConnections
	}
	if o.MaxOperations <= 0 {
		o.MaxOperations = defaultMaxOperations
	}
	if o.MaxEvaluations <= 0 {
		o.MaxEvaluations = defaultMaxEvaluations
	}
	if o.MaxStartsPerSecond <= 0 {
		o.MaxStartsPerSecond = defaultMaxStartsPerSecond
	}
	if o.PongWait <= 0 {
		o.PongWait = defaultPongWait
	}
	if o.InitTimeout <= 0 {
		o.InitTimeout = defaultInitTimeout
	}
	if o.SendQueue <= 0 {
		o.SendQueue = defaultSendQueue
	}
	if o.MaxPendingBytes <= 0 {
		o.MaxPendingBytes = defaultPendingBytes
	}
	if o.LiveWindow <= 0 {
		o.LiveWindow = defaultLiveWindow
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Stats is a snapshot of what a Handler holds.
type Stats struct {
	Connections   int // open websockets
	Subscriptions int // active subscription operations, shared or not
	SharedQueries int // distinct live-query evaluations
	Streams       int // append-stream evaluations, one per subscriber
}
