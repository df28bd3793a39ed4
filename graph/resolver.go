// Package graph is the GraphQL layer: thin resolvers over db.Store, the
// mapping of errors to `extensions.code`, and the limits every request obeys.
package graph

//go:generate go run github.com/99designs/gqlgen generate

import (
	"context"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph/opstats"
)

// Resolver is the root of the resolvers; it holds what they depend on.
type Resolver struct {
	Store db.Store
	// Feed wakes live queries when the store changes.
	Feed db.ChangeFeed
	// Runner runs sessions' flows.
	Runner Runner
	// Generator turns prompts into flows (the planner).
	Generator  Generator
	links      links
	operations *opstats.Recorder
}

// Generator starts turning a session's prompt into flows and returns the
// session, generating.
type Generator interface {
	StartGeneration(ctx context.Context, sessionID string) (*db.TestSession, error)
}

// Runner starts, cancels and retries runs: the executor.
type Runner interface {
	StartSession(ctx context.Context, sessionID string) (*db.TestSession, error)
	CancelSession(ctx context.Context, sessionID string) (*db.TestSession, error)
	RetryFlow(ctx context.Context, flowID string) (*db.TestFlow, *db.TestSession, error)
}
