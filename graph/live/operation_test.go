package live

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func TestSubscribeNextComplete(t *testing.T) {
	both(t, func(t *testing.T, proto string) {
		e := newEnv(t)
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("1", `subscription { name }`, nil)
		waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })
		e.feed.publish(t, "name", event{data: `{"name":"a"}`})
		c.expectNext("1", `{"data":{"name":"a"}}`)
		e.feed.publish(t, "name", event{data: `{"name":"b"}`})
		c.expectNext("1", `{"data":{"name":"b"}}`)
		e.waitStats(Stats{Connections: 1, Subscriptions: 1, SharedQueries: 1})
		// The resolver ends its stream: the subscriber hears complete.
		e.feed.end("name")
		c.expect("complete", "1")
		e.waitStats(Stats{Connections: 1})
	})
}

func TestClientStopEndsTheResolver(t *testing.T) {
	both(t, func(t *testing.T, proto string) {
		e := newEnv(t)
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("1", `subscription { name }`, nil)
		waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })
		e.feed.publish(t, "name", event{data: `{"name":"a"}`})
		c.expectNext("1", `{"data":{"name":"a"}}`)
		c.unsubscribe("1")
		waitFor(t, "the resolver to end", func() bool { return e.feed.count("name") == 0 })
		e.waitStats(Stats{Connections: 1})
		// The id is free again; stopping an unknown id is no error.
		c.unsubscribe("nope")
		c.subscribe("1", `subscription { name }`, nil)
		waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })
		e.feed.publish(t, "name", event{data: `{"name":"again"}`})
		c.expectNext("1", `{"data":{"name":"again"}}`)
	})
}

func TestQueryAndMutationRunOnce(t *testing.T) {
	both(t, func(t *testing.T, proto string) {
		e := newEnv(t)
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("q", `query { name }`, nil)
		c.expectNext("q", `{"data":{"name":"test"}}`)
		c.expect("complete", "q")
		c.subscribe("m", `mutation { rename }`, nil)
		c.expectNext("m", `{"data":{"rename":"renamed"}}`)
		c.expect("complete", "m")
		e.waitStats(Stats{Connections: 1})
		if n := e.exec.dispatches.Load(); n != 2 {
			t.Fatalf("dispatches = %d, want 2", n)
		}
	})
}

// gqlError is enough of a GraphQL error for the tests.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

func TestValidationErrorsBeforeExecution(t *testing.T) {
	both(t, func(t *testing.T, proto string) {
		e := newEnv(t)
		c := e.dial(proto)
		c.init(nil)
		for i, tt := range []struct{ query, code, mentions string }{
			{`subscription { nope }`, "GRAPHQL_VALIDATION_FAILED", "nope"},
			{`subscription {`, "GRAPHQL_PARSE_FAILED", "Expected"},
			{`subscription($room: String!) { name(room: $room) }`, "GRAPHQL_VALIDATION_FAILED", "must be defined"},
		} {
			id := string(rune('a' + i))
			c.subscribe(id, tt.query, nil)
			var errs []gqlError
			if c.legacy() {
				// As subscriptions-transport-ws servers do: a result with
				// the errors, then complete.
				m := c.expect("data", id)
				var result struct{ Errors []gqlError }
				if err := json.Unmarshal(m.Payload, &result); err != nil {
					t.Fatal(err)
				}
				errs = result.Errors
				c.expect("complete", id)
			} else {
				m := c.expect("error", id)
				if err := json.Unmarshal(m.Payload, &errs); err != nil {
					t.Fatalf("error payload %s: %v", m.Payload, err)
				}
			}
			if len(errs) == 0 || errs[0].Extensions["code"] != tt.code || errs[0].Extensions["presented"] != true ||
				!strings.Contains(errs[0].Message, tt.mentions) {
				t.Fatalf("%s: errors = %+v, want code %s through the error presenter", tt.query, errs, tt.code)
			}
		}
		if n := e.exec.dispatches.Load(); n != 0 {
			t.Fatalf("dispatches = %d, want 0", n)
		}
		// The connection is still good.
		c.subscribe("q", `{ name }`, nil)
		c.expectNext("q", `{"data":{"name":"test"}}`)
	})
}

func TestResolverErrorsPassThroughThePresenter(t *testing.T) {
	e := newEnv(t)
	c := e.dial(transportWS.name)
	c.init(nil)
	c.subscribe("1", `subscription { name }`, nil)
	waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })
	e.feed.publish(t, "name", event{err: "session not found"})
	c.expectNext("1", `{"errors":[{"message":"session not found","extensions":{"presented":true}}],"data":null}`)
}

func TestIsStreamSeesThroughFragments(t *testing.T) {
	c := &connection{h: &Handler{opts: Options{Streams: map[string]bool{"executionLogs": true}}}}
	tests := []struct {
		query string
		want  bool
	}{
		{`subscription { executionLogs }`, true},
		{`subscription { name }`, false},
		{`subscription { ... on Subscription { executionLogs } }`, true},
		{`subscription { ...F } fragment F on Subscription { ...G } fragment G on Subscription { executionLogs }`, true},
		{`subscription { ...F } fragment F on Subscription { name }`, false},
	}
	for _, tc := range tests {
		doc, err := parser.ParseQuery(&ast.Source{Input: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		opCtx := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]}
		if got := c.isStream(opCtx); got != tc.want {
			t.Errorf("isStream(%s) = %v, want %v", tc.query, got, tc.want)
		}
	}
}
