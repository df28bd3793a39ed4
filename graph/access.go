package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/testing-agent/backend/auth"
)

// The codes of refused callers.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
)

// accessExtension lets readers query and subscribe and only writers
// mutate. The role comes from the request's context: the HTTP middleware
// (auth.Keys.Require) or the websocket's connection_init put it there.
type accessExtension struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = accessExtension{}

func (accessExtension) ExtensionName() string                   { return "Access" }
func (accessExtension) Validate(graphql.ExecutableSchema) error { return nil }

func (accessExtension) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	role := auth.RoleFrom(ctx)
	switch {
	case role == auth.RoleNone:
		return accessError(CodeUnauthenticated, "this server needs an API key: send `Authorization: Bearer KEY`, or {\"authorization\": \"Bearer KEY\"} in connection_init")
	case opCtx.Operation.Operation == ast.Mutation && role < auth.RoleWrite:
		return accessError(CodeForbidden, "a read key may not run mutations: use a write key")
	}
	return nil
}

func accessError(code, message string) *gqlerror.Error {
	err := &gqlerror.Error{Message: message}
	errcode.Set(err, code)
	return err
}

func init() {
	// Refused before anything ran: a request error, answered 400 (or 200
	// under application/json) like the other request errors.
	errcode.RegisterErrorType(CodeUnauthenticated, errcode.KindProtocol)
	errcode.RegisterErrorType(CodeForbidden, errcode.KindProtocol)
}
