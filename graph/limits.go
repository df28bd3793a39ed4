package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/testing-agent/backend/db"
)

// Limits bound what one GraphQL operation may ask for. Each is checked
// before the work it protects, at a cost linear in the document's size, so
// a hostile document is refused in microseconds.
type Limits struct {
	// MaxTokens bounds the tokens the parser reads (CVE-2023-49559: an
	// unbounded parse of a huge document).
	MaxTokens int
	// MaxFields bounds the field selections an operation has once its
	// fragments are inlined (counted with each fragment's size remembered,
	// so doubling fragments cannot make the count itself explode). It also
	// bounds gqlparser's overlapping-fields check, which is quadratic in the
	// fields that share a name.
	MaxFields int
	// MaxDepth is the deepest field nesting allowed, fragments expanded.
	// GraphiQL's introspection query needs 13.
	MaxDepth int
	// MaxComplexity bounds the estimated cost; see complexityRoot for how
	// list fields are weighed. Subscriptions count as their queries do.
	MaxComplexity int
	// MaxResponseBytes bounds the text a response carries (strings and JSON
	// values, roughly its size); past it the remaining fields are null with
	// one error.
	MaxResponseBytes int
	// MaxErrors bounds the errors one response lists.
	MaxErrors int
}

// DefaultLimits fit every screen of the UI and the introspection query of
// GraphiQL, Apollo and urql with room to spare.
var DefaultLimits = Limits{
	MaxTokens:        5_000,
	MaxFields:        500,
	MaxDepth:         15,
	MaxComplexity:    25_000,
	MaxResponseBytes: 16 << 20,
	MaxErrors:        50,
}

// limitsExtension rejects operations over the limits before they run.
type limitsExtension struct {
	limits Limits
	schema graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
	graphql.FieldInterceptor
} = (*limitsExtension)(nil)

func (e *limitsExtension) ExtensionName() string { return "QueryLimits" }

func (e *limitsExtension) Validate(schema graphql.ExecutableSchema) error {
	e.schema = schema
	return nil
}

// MutateOperationParameters runs before gqlgen parses and validates: it
// parses the document under the token limit and measures its operations
// with fragments inlined, so validation and the cost walk below only ever
// see documents of bounded size.
func (e *limitsExtension) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, e.limits.MaxTokens)
	if err != nil {
		return nil // gqlgen parses again and reports it, coded GRAPHQL_PARSE_FAILED
	}
	w := shapeWalker{fragments: doc.Fragments, memo: map[string]shape{}, visiting: map[string]bool{}, cap: e.limits.MaxFields + 1}
	for _, op := range doc.Operations {
		if params.OperationName != "" && op.Name != params.OperationName {
			continue
		}
		s := w.selectionSet(op.SelectionSet)
		switch {
		case s.fields > e.limits.MaxFields:
			return limitError(op, "the operation selects more than %d fields once its fragments are expanded: ask for fewer fields", e.limits.MaxFields)
		case s.depth > e.limits.MaxDepth:
			return limitError(op, "the operation nests fields %d deep, more than the limit of %d: ask for fewer nested fields", s.depth, e.limits.MaxDepth)
		}
	}
	return nil
}

// MutateOperationContext weighs the operation that will run, queries and
// subscriptions alike.
func (e *limitsExtension) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if cost := complexity.Calculate(ctx, e.schema, op, opCtx.Variables); cost > e.limits.MaxComplexity {
		return limitError(op, "the operation's estimated cost is %d, more than the limit of %d: lower `limit`/`first` or ask for fewer fields", cost, e.limits.MaxComplexity)
	}
	return nil
}

// InterceptResponse gives each response (each result of a subscription
// too) its own byte budget, and caps its error list.
func (e *limitsExtension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	budget := &responseBudget{left: e.limits.MaxResponseBytes}
	resp := next(context.WithValue(ctx, budgetKey{}, budget))
	if resp != nil && budget.spent.Load() {
		resp.Errors = oneOverBudgetError(resp.Errors, e.overBudgetMessage())
	}
	if resp != nil && len(resp.Errors) > e.limits.MaxErrors {
		more := len(resp.Errors) - e.limits.MaxErrors
		resp.Errors = append(resp.Errors[:e.limits.MaxErrors:e.limits.MaxErrors],
			limitError(nil, "%d more errors were left out: fix the ones above first", more))
	}
	return resp
}

// InterceptField charges each resolved value to the response's budget; once
// it is spent, fields fail (and so are null) without resolving, so a small
// request cannot make the server build a response of hundreds of megabytes.
// InterceptResponse then keeps one of their errors.
func (e *limitsExtension) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	budget, _ := ctx.Value(budgetKey{}).(*responseBudget)
	if budget != nil && budget.spent.Load() {
		return nil, limitError(nil, "%s", e.overBudgetMessage())
	}
	res, err := next(ctx)
	if budget == nil || err != nil {
		return res, err
	}
	if !budget.charge(sizeOf(res)) {
		return nil, limitError(nil, "%s", e.overBudgetMessage())
	}
	return res, nil
}

func (e *limitsExtension) overBudgetMessage() string {
	return fmt.Sprintf("the response is larger than the limit of %d bytes: lower `limit`/`first` or ask for fewer fields", e.limits.MaxResponseBytes)
}

// oneOverBudgetError keeps the first of the errors that say the budget is
// spent, and every other error.
func oneOverBudgetError(errs gqlerror.List, message string) gqlerror.List {
	out := errs[:0:0]
	seen := false
	for _, err := range errs {
		if err.Message == message {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, err)
	}
	return out
}

func limitError(op *ast.OperationDefinition, format string, args ...any) *gqlerror.Error {
	err := &gqlerror.Error{Message: fmt.Sprintf(format, args...)}
	if op != nil && op.Position != nil {
		err.Locations = []gqlerror.Location{{Line: op.Position.Line, Column: op.Position.Column}}
	}
	errcode.Set(err, CodeBadUserInput)
	return err
}

// complexityRoot weighs list fields by how many items they may return, so
// the cost of `listTestSessions(limit: 1000) { flows { … } }` reflects the
// rows it reads. A session's flows count as flowsPerSessionEstimate. Live
// queries weigh what their queries weigh.
func complexityRoot() ComplexityRoot {
	const flowsPerSessionEstimate = 10
	var c ComplexityRoot
	c.Query.ListTestSessions = func(child int, limit int) int { return limit * child }
	c.Query.SystemStats = func(child int, limit *int) int { return orDefault(limit, defaultListLength) * child }
	c.Query.ExecutionLogs = func(child int, _ string, _ *string, _ *db.LogLevel, first *int, _ *string) int {
		return orDefault(first, defaultListLength) * child
	}
	c.Subscription.ListTestSessions = c.Query.ListTestSessions
	c.Subscription.SystemStats = c.Query.SystemStats
	c.Subscription.ExecutionLogs = func(child int, _ string, _ *string, _ *db.LogLevel, _ *string) int {
		// A stream sends logs one at a time, but reads them in pages.
		return logStreamPage * child
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
