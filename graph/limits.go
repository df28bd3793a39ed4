package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/testing-agent/backend/db"
)

// Limits bound what one GraphQL operation may ask for.
type Limits struct {
	// MaxDepth is the deepest field nesting allowed, fragments expanded.
	// GraphiQL's introspection query needs 13.
	MaxDepth int
	// MaxComplexity bounds the estimated cost; see complexityRoot for how
	// list fields are weighed.
	MaxComplexity int
}

// DefaultLimits fit every screen of the UI and the introspection query of
// GraphiQL, Apollo and urql with room to spare.
var DefaultLimits = Limits{MaxDepth: 15, MaxComplexity: 25_000}

// limitsExtension rejects operations over the limits before they run.
type limitsExtension struct {
	limits Limits
	schema graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*limitsExtension)(nil)

func (e *limitsExtension) ExtensionName() string { return "QueryLimits" }

func (e *limitsExtension) Validate(schema graphql.ExecutableSchema) error {
	e.schema = schema
	return nil
}

func (e *limitsExtension) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if depth := selectionDepth(op.SelectionSet, opCtx.Doc.Fragments); depth > e.limits.MaxDepth {
		return limitError(op, "the operation nests fields %d deep, more than the limit of %d: ask for fewer nested fields", depth, e.limits.MaxDepth)
	}
	if cost := complexity.Calculate(ctx, e.schema, op, opCtx.Variables); cost > e.limits.MaxComplexity {
		return limitError(op, "the operation's estimated cost is %d, more than the limit of %d: lower `limit`/`first` or ask for fewer fields", cost, e.limits.MaxComplexity)
	}
	return nil
}

func limitError(op *ast.OperationDefinition, format string, args ...any) *gqlerror.Error {
	err := &gqlerror.Error{Message: fmt.Sprintf(format, args...)}
	if op.Position != nil {
		err.Locations = []gqlerror.Location{{Line: op.Position.Line, Column: op.Position.Column}}
	}
	errcode.Set(err, CodeBadUserInput)
	return err
}

// selectionDepth returns how deep fields nest in set. Validation has already
// rejected fragment cycles, so the recursion ends.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch sel := sel.(type) {
		case *ast.Field:
			d = 1 + selectionDepth(sel.SelectionSet, fragments)
		case *ast.InlineFragment:
			d = selectionDepth(sel.SelectionSet, fragments)
		case *ast.FragmentSpread:
			if def := fragments.ForName(sel.Name); def != nil {
				d = selectionDepth(def.SelectionSet, fragments)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// complexityRoot weighs list fields by how many items they may return, so
// the cost of `listTestSessions(limit: 1000) { flows { … } }` reflects the
// rows it reads. A session's flows count as flowsPerSessionEstimate.
func complexityRoot() ComplexityRoot {
	const flowsPerSessionEstimate = 10
	var c ComplexityRoot
	c.Query.ListTestSessions = func(child int, limit int) int { return limit * child }
	c.Query.SystemStats = func(child int, limit *int) int { return orDefault(limit, defaultListLength) * child }
	c.Query.ExecutionLogs = func(child int, _ string, _ *string, _ *db.LogLevel, first *int, _ *string) int {
		return orDefault(first, defaultListLength) * child
	}
	c.TestSession.Flows = func(child int) int { return flowsPerSessionEstimate * child }
	return c
}

func orDefault(n *int, def int) int {
	if n == nil {
		return def
	}
	return *n
}
