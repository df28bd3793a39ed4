package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph/live"
	"github.com/testing-agent/backend/graph/opstats"
)

// DefaultMaxBodyBytes bounds a request body.
const DefaultMaxBodyBytes = 1 << 20

// defaultListLength is what list queries return when no limit is given.
const defaultListLength = 100

// Options configure the GraphQL endpoint.
type Options struct {
	Store db.Store
	// Feed wakes live queries.
	Feed db.ChangeFeed
	// Runner starts, cancels and retries runs (the executor).
	Runner Runner
	// Generator turns prompts into flows (the planner).
	Generator      Generator
	CoalesceWindow time.Duration // zero means DefaultCoalesceWindow
	// AllowedOrigins may open websockets besides same-host pages; "*" allows
	// all. Ignored when CheckOrigin is set.
	AllowedOrigins []string
	// CheckOrigin decides which pages may open websockets (the rule HTTP
	// CORS follows too); nil uses AllowedOrigins.
	CheckOrigin func(r *http.Request) bool
	// Keys are the API keys callers must present; nil or empty lets every
	// caller write (the server then listens on loopback only).
	Keys *auth.Keys
	// PublicURL starts the links the API hands out (screenshots); empty uses
	// the address each request came to.
	PublicURL string
	// Signer signs artifact links so pages can load them without a key;
	// nil gives plain links.
	Signer *auth.Signer
	// KeepAlive is the websocket ping interval; zero means live's default.
	KeepAlive    time.Duration
	Limits       Limits // zero means DefaultLimits
	MaxBodyBytes int64  // zero means DefaultMaxBodyBytes
}

// Handler is the /graphql endpoint: POST, GET and websockets (both
// subprotocols), with body, depth and cost limits, and errors that carry
// `extensions.code`.
type Handler struct {
	http.Handler
	live *live.Handler
}

// LiveStats counts the websocket connections and live evaluations.
func (h *Handler) LiveStats() live.Stats { return h.live.Stats() }

// CloseWebsockets closes every websocket (1001 going away); the HTTP
// server's Shutdown does not, as they are hijacked connections.
func (h *Handler) CloseWebsockets() { h.live.Close() }

// NewHandler returns the /graphql endpoint.
func NewHandler(cfg Options) *Handler {
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.CoalesceWindow == 0 {
		cfg.CoalesceWindow = DefaultCoalesceWindow
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	links := links{publicURL: cfg.PublicURL, signer: cfg.Signer}
	operations := &opstats.Recorder{}
	schema := NewExecutableSchema(Config{
		// Reads are recorded, so a live query knows what it read.
		Resolvers: &Resolver{Store: db.RecordReads(cfg.Store), Feed: cfg.Feed, Runner: cfg.Runner, Generator: cfg.Generator,
			links: links, operations: operations},
		Complexity: complexityRoot(),
	})
	ws := live.NewHandler(live.Options{
		KeepAlive:      cfg.KeepAlive,
		AllowedOrigins: cfg.AllowedOrigins,
		CheckOrigin:    cfg.CheckOrigin,
		// Logs are an append stream: each subscriber has its own position.
		Streams: map[string]bool{"executionLogs": true},
		InitFunc: func(ctx context.Context, payload map[string]any) (context.Context, error) {
			role, err := cfg.Keys.InitPayloadRole(ctx, payload)
			if err != nil {
				return nil, err
			}
			return auth.WithRole(ctx, role), nil
		},
		// Results hold links built from the address a client connected to.
		ScopeKey: publicBase,
		// Live queries re-run as queries when what they read changes.
		Invalidator: feedInvalidator{cfg.Feed},
		LiveWindow:  cfg.CoalesceWindow,
	})
	srv := handler.New(schema)
	// The websocket transport runs on this server's executor, so operations
	// over websockets get the same limits, errors and query cache as HTTP.
	srv.AddTransport(ws)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(cfg.Limits.MaxTokens)
	srv.Use(extension.Introspection{})
	srv.Use(operationTimer{operations})
	srv.Use(accessExtension{})
	srv.Use(&limitsExtension{limits: cfg.Limits})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	api := withHTTPStatus(limitBody(cfg.MaxBodyBytes, srv))
	return &Handler{Handler: links.withPublicBase(cfg.Keys.Require(auth.RoleRead, api)), live: ws}
}

// limitBody refuses bodies over max bytes and POST bodies that are not a JSON
// object, with a GraphQL error a client can read, before gqlgen sees them
// (gqlgen would echo the whole body back inside its error message).
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		tooLarge := fmt.Sprintf("the request body is larger than %d bytes: send smaller documents and variables", max)
		if r.ContentLength > max {
			auth.WriteError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, tooLarge)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
		var maxErr *http.MaxBytesError
		switch {
		case errors.As(err, &maxErr):
			auth.WriteError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, tooLarge)
			return
		case err != nil:
			auth.WriteError(w, http.StatusBadRequest, CodeBadUserInput, "the request body could not be read")
			return
		}
		if isJSON(r.Header.Get("Content-Type")) {
			if msg := checkJSONObject(body); msg != "" {
				auth.WriteError(w, http.StatusBadRequest, CodeBadUserInput, msg)
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func isJSON(contentType string) bool {
	mediaType, _, _ := mime.ParseMediaType(contentType)
	return mediaType == "application/json" || mediaType == "application/graphql-response+json"
}

// checkJSONObject returns what is wrong with body as a GraphQL-over-HTTP
// request, or "". Variables stay raw here; gqlgen decodes them.
func checkJSONObject(body []byte) string {
	const want = `send a JSON object such as {"query": "{ listTestSessions(limit: 10) { id } }", "variables": {}}`
	var probe struct {
		Query         *string         `json:"query"`
		OperationName *string         `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
		Extensions    json.RawMessage `json:"extensions"`
	}
	err := json.Unmarshal(body, &probe)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("the request body is not valid JSON (at byte %d): %s", syntaxErr.Offset, want)
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Sprintf("the request body's %q should be a %s: %s", typeErr.Field, jsonKind(typeErr.Field), want)
	case err != nil:
		return "the request body is not a JSON object: " + want
	}
	for name, raw := range map[string]json.RawMessage{"variables": probe.Variables, "extensions": probe.Extensions} {
		if len(raw) > 0 && raw[0] != '{' && string(raw) != "null" {
			return fmt.Sprintf("the request body's %q should be an object: %s", name, want)
		}
	}
	return ""
}

func jsonKind(field string) string {
	if field == "query" || field == "operationName" {
		return "string"
	}
	return "object"
}
