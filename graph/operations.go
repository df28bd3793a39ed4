package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/testing-agent/backend/graph/live"
	"github.com/testing-agent/backend/graph/opstats"
)

// operationTimer records each query and mutation this server answers in
// operationStats: its name, whether it failed, how long it took.
// Subscriptions are not timed: they last as long as their clients.
type operationTimer struct{ recorder *opstats.Recorder }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = operationTimer{}

func (operationTimer) ExtensionName() string                   { return "OperationStats" }
func (operationTimer) Validate(graphql.ExecutableSchema) error { return nil }

func (t operationTimer) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	if !graphql.HasOperationContext(ctx) {
		return resp
	}
	opCtx := graphql.GetOperationContext(ctx)
	if opCtx.Operation == nil || opCtx.Operation.Operation == ast.Subscription || live.IsReevaluation(ctx) {
		return resp // counted once, as the subscription it is
	}
	t.recorder.Record(operationName(opCtx.Operation), time.Since(start), resp != nil && len(resp.Errors) > 0)
	return resp
}

// operationName is an operation's name, or its first root field when it
// has none ("listTestSessions").
func operationName(op *ast.OperationDefinition) string {
	if op.Name != "" {
		return op.Name
	}
	for _, sel := range op.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			return f.Name
		}
	}
	return string(op.Operation)
}
