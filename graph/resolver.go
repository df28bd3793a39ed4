// Package graph is the GraphQL layer: thin resolvers over db.Store, the
// mapping of errors to `extensions.code`, and the limits every request obeys.
package graph

//go:generate go run github.com/99designs/gqlgen generate

import "github.com/testing-agent/backend/db"

// Resolver is the root of the resolvers; it holds what they depend on.
type Resolver struct {
	Store db.Store
}
