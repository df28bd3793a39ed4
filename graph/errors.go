package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/testing-agent/backend/db"
)

// The values of `extensions.code` this API returns, besides gqlgen's
// GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED for documents that are
// not valid GraphQL against the schema.
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeConflict     = "CONFLICT"
	CodeInternal     = "INTERNAL"
	// CodeCancelled answers an operation whose client left; it is seldom
	// read, as there is nobody left to read it.
	CodeCancelled = "CANCELLED"
)

var codeOf = map[string]string{
	db.ErrInvalid:  CodeBadUserInput,
	db.ErrNotFound: CodeNotFound,
	db.ErrConflict: CodeConflict,
	db.ErrInternal: CodeInternal,
}

// presentError is the one place where errors become what clients see: a
// db.Error keeps its user-safe message and gets its code; an error a resolver
// did not expect is logged and replaced by a generic message, so no driver
// text, path or stack ever leaves the process.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		gqlErr = gqlerror.WrapPath(graphql.GetPath(ctx), err)
	}
	var dbErr *db.Error
	switch {
	case clientGone(ctx, err):
		// The client left (closed the tab, cancelled the request): nobody
		// reads this answer, and it is no fault of the server's.
		slog.DebugContext(ctx, "request ended by the client", "path", gqlErr.Path.String())
		return &gqlerror.Error{Message: "the request was cancelled", Path: gqlErr.Path, Locations: gqlErr.Locations,
			Extensions: map[string]any{"code": CodeCancelled}}
	case errors.As(err, &dbErr):
		out := &gqlerror.Error{Message: dbErr.Message, Path: gqlErr.Path, Locations: gqlErr.Locations,
			Extensions: map[string]any{"code": codeOf[dbErr.Code]}}
		if dbErr.Code == db.ErrInternal {
			slog.ErrorContext(ctx, "internal error", "path", gqlErr.Path.String(), "err", err)
		} else if dbErr.Field != "" {
			out.Extensions["field"] = dbErr.Field
		}
		return out
	case gqlErr.Extensions["code"] != nil:
		// gqlgen's own parse and validation errors, and ours from limits.
		if gqlErr.Extensions["code"] == errcode.ValidationFailed && isVariableError(gqlErr) {
			// A variable of the wrong type is bad input, as Apollo Server
			// reports it; say which one, as gqlparser's message does not.
			gqlErr.Extensions["code"] = CodeBadUserInput
			gqlErr.Message = fmt.Sprintf("variable %q: %s", variablePath(gqlErr.Path[1:]), gqlErr.Message)
		}
		return gqlErr
	case gqlErr.Err == nil:
		// Made by gqlgen from a message alone, such as "must not be null"
		// when a resolver broke the schema: the server's fault, and the
		// message names nothing internal.
		slog.ErrorContext(ctx, "schema violation", "path", gqlErr.Path.String(), "message", gqlErr.Message)
		errcode.Set(gqlErr, CodeInternal)
		return gqlErr
	default:
		slog.ErrorContext(ctx, "internal error", "path", gqlErr.Path.String(), "err", err)
		return &gqlerror.Error{Message: "internal error", Path: gqlErr.Path, Locations: gqlErr.Locations,
			Extensions: map[string]any{"code": CodeInternal}}
	}
}

// clientGone reports whether err is only the request's context ending
// because its client went away.
func clientGone(ctx context.Context, err error) bool {
	return errors.Is(ctx.Err(), context.Canceled) && errors.Is(err, context.Canceled)
}

// variablePath writes a path inside a variable as flows[0].instructions.
func variablePath(path ast.Path) string {
	var b strings.Builder
	for _, el := range path {
		switch el := el.(type) {
		case ast.PathName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(el))
		case ast.PathIndex:
			fmt.Fprintf(&b, "[%d]", int(el))
		}
	}
	return b.String()
}

func isVariableError(err *gqlerror.Error) bool {
	if len(err.Path) == 0 {
		return false
	}
	name, ok := err.Path[0].(ast.PathName)
	return ok && string(name) == "variable"
}

// recoverPanic turns a resolver panic into an internal error and logs it with
// its stack, which clients never see.
func recoverPanic(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "resolver panic", "panic", p, "path", graphql.GetPath(ctx).String(), "stack", string(debug.Stack()))
	return errors.New("internal error: panic in resolver")
}
