package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph"
)

// doublingFragments is the 1.2 KB document that used to keep a core busy
// for minutes: each fragment spreads the next twice, 2^depth fields in all.
func doublingFragments(depth int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range depth {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { listTestSessions(limit: 1) { id } }\n", depth)
	return b.String()
}

// testHostileOperations checks that documents built to exhaust the server
// are refused with a coded error before the expensive work (validation,
// cost, execution), and that the server answers normally right after. How
// little CPU a refusal costs is measured by BenchmarkHostileOperations.
func testHostileOperations(t *testing.T, api *apiServer) {
	session, _ := createSessionWithFlows(t, api, 1)
	for _, tc := range hostileOperations() {
		t.Run(tc.name, func(t *testing.T) {
			checkOneError(t, api.do(tc.query, nil), tc.code, tc.message)
			var ok struct{ GetTestSession struct{ ID string } }
			api.mustQuery(`query($id: ID!) { getTestSession(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, &ok)
			if ok.GetTestSession.ID != session.ID {
				t.Errorf("the query after the hostile one got %+v", ok)
			}
		})
	}
	t.Run("subscription over the cost limit", func(t *testing.T) {
		c := dialWS(t, api.url, transportWS)
		c.subscribe("costly", `subscription { listTestSessions(limit: 1000) { id name flows { id name instructions } } }`, nil)
		m := c.next()
		if m.Type != "error" || !containsCode(m.Payload, "BAD_USER_INPUT") || !strings.Contains(string(m.Payload), "estimated cost") {
			t.Errorf("got %s %s, want the cost limit's error", m.Type, m.Payload)
		}
	})
	t.Run("error lists are capped", func(t *testing.T) {
		var q strings.Builder
		q.WriteString("{")
		for i := range 120 {
			fmt.Fprintf(&q, ` a%d: getTestSession(sessionId: "bad-%d") { id }`, i, i)
		}
		q.WriteString(" }")
		resp := api.do(q.String(), nil)
		if n := len(resp.Errors); n != graph.DefaultLimits.MaxErrors+1 || !strings.Contains(resp.Errors[n-1].Message, "70 more errors") {
			t.Fatalf("%d errors, the last %+v; want %d and a note of the 70 left out", n, resp.Errors[n-1], graph.DefaultLimits.MaxErrors+1)
		}
		for _, e := range resp.Errors {
			if e.code() == "" {
				t.Errorf("error without a code: %+v", e)
			}
		}
	})
}

type hostileOperation struct {
	name, query, code, message string
}

func hostileOperations() []hostileOperation {
	return []hostileOperation{
		{"doubling fragments", doublingFragments(30), "BAD_USER_INPUT", "more than 500 fields"},
		{"deep through doubling fragments", `query { ...A } fragment A on Query { __schema { types { fields { type { ...B ...B } } } } }
			fragment B on __Type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`,
			"BAD_USER_INPUT", "nests fields"},
		{"90,000 repeated fields", "{ listTestSessions(limit: 1) { " + strings.Repeat("id ", 90_000) + "} }", "GRAPHQL_PARSE_FAILED", "token limit"},
		{"8,000 repeated fields", "{ listTestSessions(limit: 1) { " + strings.Repeat("id ", 8_000) + "} }", "GRAPHQL_PARSE_FAILED", "token limit"},
		{"4,000 repeated fields", "{ listTestSessions(limit: 1) { " + strings.Repeat("id ", 4_000) + "} }", "BAD_USER_INPUT", "more than 500 fields"},
		{"fragment cycle", `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, "GRAPHQL_VALIDATION_FAILED", "Cannot spread fragment"},
	}
}

// testResponseSizeCap checks that a small request cannot make the server
// build a huge response: past the byte budget fields are null and one
// error says why.
func testResponseSizeCap(t *testing.T, store newStoreFunc) {
	limits := graph.DefaultLimits
	limits.MaxResponseBytes = 256 << 10
	api := startAPIWith(t, store(t), graph.Options{Limits: limits})
	prompt := strings.Repeat("p", db.MaxTextLength)
	for range 40 { // 40 × 20,000 characters: 800 KB of prompts
		if _, err := api.store.CreateTestSession(t.Context(), db.NewTestSession{Name: "big", Prompt: prompt}); err != nil {
			t.Fatal(err)
		}
	}
	// 1 KB of aliases asking for the prompts ten times over: 8 MB uncapped.
	var q strings.Builder
	q.WriteString("{")
	for i := range 10 {
		fmt.Fprintf(&q, " a%d: listTestSessions(limit: 40) { prompt }", i)
	}
	q.WriteString(" }")
	resp := api.do(q.String(), nil)
	if len(resp.Data) > 2*limits.MaxResponseBytes {
		t.Errorf("response data is %d bytes, over twice the cap of %d", len(resp.Data), limits.MaxResponseBytes)
	}
	if len(resp.Errors) != 1 || resp.Errors[0].code() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "larger than the limit") {
		t.Fatalf("errors %+v, want one saying the response is too large", resp.Errors)
	}
	// A response under the cap is whole.
	var one struct{ ListTestSessions []struct{ Prompt string } }
	api.mustQuery(`{ listTestSessions(limit: 5) { prompt } }`, nil, &one)
	if len(one.ListTestSessions) != 5 || one.ListTestSessions[4].Prompt != prompt {
		t.Errorf("a response under the cap lost data")
	}
}
