package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzMutations is every mutation, each taking all its arguments as
// variables, so the fuzzer drives the variables.
var fuzzMutations = []string{
	`mutation($name: String!, $prompt: String!) { createTestSession(name: $name, prompt: $prompt) { id name } }`,
	`mutation($sessionId: ID!, $flows: [TestFlowInput!]!) { createTestFlows(sessionId: $sessionId, flows: $flows) { flows { id order } } }`,
	`mutation($flowId: ID!, $input: UpdateTestFlowInput!) { updateTestFlow(flowId: $flowId, input: $input) { id approved } }`,
	`mutation($flowIds: [ID!]!, $approved: Boolean!) { approveTestFlows(flowIds: $flowIds, approved: $approved) { id } }`,
	`mutation($flowId: ID!) { deleteTestFlow(flowId: $flowId) { deletedFlowId } }`,
	`mutation($sessionId: ID!) { deleteTestSession(sessionId: $sessionId) { deletedSessionId } }`,
	`mutation($sessionId: ID!) { generateTestFlows(sessionId: $sessionId) { id status } }`,
	`mutation($sessionId: ID!) { startTestSession(sessionId: $sessionId) { id status } }`,
	`mutation($sessionId: ID!) { cancelTestSession(sessionId: $sessionId) { id status } }`,
	`mutation($flowId: ID!) { retryTestFlow(flowId: $flowId) { flow { id } } }`,
}

// FuzzMutationVariables sends every mutation with fuzzed variables: whatever
// they hold, the answer is a GraphQL response whose errors all carry a
// code, none of them INTERNAL, and none leaking internals.
//
//	go test ./graph -run '^$' -fuzz FuzzMutationVariables -fuzztime 30s
func FuzzMutationVariables(f *testing.F) {
	seeds := []string{
		`{"name": "n", "prompt": "p"}`,
		`{"name": "", "prompt": "p"}`,
		`{"name": "n", "prompt": null}`,
		`{"sessionId": "6b0700aa0000000000000001", "flows": [{"name": "a", "instructions": "Reload"}]}`,
		`{"sessionId": "x", "flows": [{"name": "a", "instructions": "Clik the \"Go\" button"}]}`,
		`{"sessionId": "6b0700aa0000000000000001", "flows": [{"name": "a"}]}`,
		`{"flowId": "6b0700aa0000000000000001", "input": {"instructions": "Go to /\nExpect the title is \"x\""}}`,
		`{"flowId": "6B0700AA0000000000000001", "input": {}}`,
		`{"flowIds": [], "approved": true}`,
		`{"flowIds": ["6b0700aa0000000000000001", 7], "approved": "yes"}`,
		`{"sessionId": 12}`,
		`{"flowId": "6b0700aa0000000000000001"}`,
		`{"limit": 1e400}`,
		`[]`,
		`{"sessionId": "\u0000"}`,
	}
	for i := range fuzzMutations {
		for _, s := range seeds {
			f.Add(uint8(i), s)
		}
	}
	api := startAPI(f, newSQLiteStore(f))
	f.Fuzz(func(t *testing.T, which uint8, variables string) {
		body, err := json.Marshal(map[string]any{"query": fuzzMutations[int(which)%len(fuzzMutations)], "variables": json.RawMessage(variables)})
		if err != nil {
			body = []byte(`{"query": "` + fuzzMutations[int(which)%len(fuzzMutations)] + `", "variables": ` + variables + `}`)
		}
		checkFuzzedResponse(t, api, body)
	})
}

// FuzzParserLimits sends fuzzed documents: every answer is a coded GraphQL
// response, never INTERNAL, whatever the document's size or shape.
//
//	go test ./graph -run '^$' -fuzz FuzzParserLimits -fuzztime 30s
func FuzzParserLimits(f *testing.F) {
	for _, op := range hostileOperations() {
		if len(op.query) < 4096 {
			f.Add(op.query)
		}
	}
	for _, q := range []string{
		`{ listTestSessions(limit: 5) { id name flows { id name } } }`,
		`query Q($id: ID!) { getTestSession(sessionId: $id) { ...S } } fragment S on TestSession { id flows { id } }`,
		introspectionQuery,
		"{ " + strings.Repeat("a: __typename ", 50) + "}",
		`subscription { listTestSessions(limit: 1) { id } }`,
		`{ validateInstructions(instructions: "Go to /\nClick \"x\"") { valid } }`,
		`{`, `}`, `"`, `{ ...on Query { __typename } }`,
	} {
		f.Add(q)
	}
	api := startAPI(f, newSQLiteStore(f))
	f.Fuzz(func(t *testing.T, query string) {
		body, err := json.Marshal(map[string]any{"query": query})
		if err != nil {
			t.Skip()
		}
		checkFuzzedResponse(t, api, body)
	})
}

func checkFuzzedResponse(t *testing.T, api *apiServer, body []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.handler.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("status %d, not a GraphQL response: %v\n%s", rec.Code, err, rec.Body)
	}
	if len(resp.Errors) == 0 && len(resp.Data) == 0 {
		t.Fatalf("status %d, neither data nor errors: %s", rec.Code, rec.Body)
	}
	for _, e := range resp.Errors {
		if e.code() == "" || e.code() == "INTERNAL" {
			t.Errorf("error %+v for %s", e, body)
		}
		for _, leak := range []string{"sqlite", "goroutine", ".go:", "panic"} {
			if strings.Contains(e.Message, leak) {
				t.Errorf("message %q leaks internals", e.Message)
			}
		}
	}
}
