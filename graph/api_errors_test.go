package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

func testBadArguments(t *testing.T, api *apiServer) {
	session, flows := createSessionWithFlows(t, api, 1)
	unknown := db.NewID()
	validFlow := map[string]any{"name": "ok", "instructions": "Reload"}
	tooManyFlows := make([]map[string]any, 101)
	for i := range tooManyFlows {
		tooManyFlows[i] = validFlow
	}
	long := func(n int) string { return strings.Repeat("é", n) } // runes, not bytes, count

	const (
		createSession = `mutation($name: String!, $prompt: String!) { createTestSession(name: $name, prompt: $prompt) { id } }`
		createFlows   = `mutation($sessionId: ID!, $flows: [TestFlowInput!]!) { createTestFlows(sessionId: $sessionId, flows: $flows) { flows { id } } }`
		updateFlow    = `mutation($flowId: ID!, $input: UpdateTestFlowInput!) { updateTestFlow(flowId: $flowId, input: $input) { id } }`
		approveFlows  = `mutation($ids: [ID!]!) { approveTestFlows(flowIds: $ids, approved: true) { id } }`
		deleteFlow    = `mutation($id: ID!) { deleteTestFlow(flowId: $id) { deletedFlowId } }`
		deleteSession = `mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`
		getSession    = `query($id: ID!) { getTestSession(sessionId: $id) { id } }`
		getFlow       = `query($id: ID!) { testFlow(flowId: $id) { id } }`
		browsers      = `query($id: ID!) { browserSessions(sessionId: $id) { id } }`
		logs          = `query($id: ID!, $flowId: ID, $first: Int, $after: String) { executionLogs(sessionId: $id, flowId: $flowId, first: $first, after: $after) { edges { cursor } } }`
		list          = `query($limit: Int!) { listTestSessions(limit: $limit) { id } }`
		stats         = `query($limit: Int) { systemStats(limit: $limit) { id } }`
	)
	tests := []struct {
		name     string
		query    string
		vars     map[string]any
		code     string
		messages []string
	}{
		{"empty name", createSession, map[string]any{"name": "", "prompt": "p"}, "BAD_USER_INPUT", []string{"name is empty"}},
		{"blank name", createSession, map[string]any{"name": "   ", "prompt": "p"}, "BAD_USER_INPUT", []string{"name is empty"}},
		{"name over 200 characters", createSession, map[string]any{"name": long(201), "prompt": "p"}, "BAD_USER_INPUT", []string{"201 characters", "at most 200"}},
		{"prompt over 20,000 characters", createSession, map[string]any{"name": "n", "prompt": long(20001)}, "BAD_USER_INPUT", []string{"prompt", "at most 20000"}},
		{"no flows", createFlows, map[string]any{"sessionId": session.ID, "flows": []any{}}, "BAD_USER_INPUT", []string{"at least one flow"}},
		{"101 flows", createFlows, map[string]any{"sessionId": session.ID, "flows": tooManyFlows}, "BAD_USER_INPUT", []string{"101 flows", "at most 100"}},
		{"flow without name", createFlows, map[string]any{"sessionId": session.ID, "flows": []any{map[string]any{"name": "", "instructions": "Reload"}}}, "BAD_USER_INPUT", []string{"flows[0].name is empty"}},
		{"flow without instructions", createFlows, map[string]any{"sessionId": session.ID, "flows": []any{validFlow, map[string]any{"name": "x", "instructions": " \n"}}}, "BAD_USER_INPUT", []string{"flows[1].instructions is empty"}},
		{"instructions over 20,000 characters", createFlows, map[string]any{"sessionId": session.ID, "flows": []any{map[string]any{"name": "x", "instructions": long(20001)}}}, "BAD_USER_INPUT", []string{"flows[0].instructions", "at most 20000"}},
		{"flow missing a required field", createFlows, map[string]any{"sessionId": session.ID, "flows": []any{map[string]any{"name": "x"}}}, "BAD_USER_INPUT", []string{`variable "flows[0].instructions"`, "must be defined"}},
		{"flows to a malformed session ID", createFlows, map[string]any{"sessionId": "123", "flows": []any{validFlow}}, "BAD_USER_INPUT", []string{"sessionId", "not a valid ID"}},
		{"flows to an unknown session", createFlows, map[string]any{"sessionId": unknown, "flows": []any{validFlow}}, "NOT_FOUND", []string{unknown}},
		{"update that changes nothing", updateFlow, map[string]any{"flowId": flows[0].ID, "input": map[string]any{}}, "BAD_USER_INPUT", []string{"changes nothing"}},
		{"update to an empty name", updateFlow, map[string]any{"flowId": flows[0].ID, "input": map[string]any{"name": ""}}, "BAD_USER_INPUT", []string{"input.name is empty"}},
		{"update of a malformed flow ID", updateFlow, map[string]any{"flowId": "zz", "input": map[string]any{"name": "n"}}, "BAD_USER_INPUT", []string{"flowId"}},
		{"update of an unknown flow", updateFlow, map[string]any{"flowId": unknown, "input": map[string]any{"name": "n"}}, "NOT_FOUND", []string{unknown}},
		{"approve no flows", approveFlows, map[string]any{"ids": []string{}}, "BAD_USER_INPUT", []string{"at least one"}},
		{"approve a malformed ID", approveFlows, map[string]any{"ids": []string{flows[0].ID, "nope"}}, "BAD_USER_INPUT", []string{"flowIds[1]"}},
		{"approve an unknown flow", approveFlows, map[string]any{"ids": []string{flows[0].ID, unknown}}, "NOT_FOUND", []string{unknown}},
		{"delete an unknown flow", deleteFlow, map[string]any{"id": unknown}, "NOT_FOUND", []string{unknown}},
		{"delete a malformed flow ID", deleteFlow, map[string]any{"id": strings.ToUpper(flows[0].ID)}, "BAD_USER_INPUT", []string{"lowercase"}},
		{"delete an unknown session", deleteSession, map[string]any{"id": unknown}, "NOT_FOUND", []string{unknown}},
		{"get a malformed session ID", getSession, map[string]any{"id": "not-an-id"}, "BAD_USER_INPUT", []string{"sessionId"}},
		{"browsers of an unknown session", browsers, map[string]any{"id": unknown}, "NOT_FOUND", []string{unknown}},
		{"logs of an unknown session", logs, map[string]any{"id": unknown}, "NOT_FOUND", []string{unknown}},
		{"logs with a malformed flow ID", logs, map[string]any{"id": session.ID, "flowId": "x"}, "BAD_USER_INPUT", []string{"flowId"}},
		{"logs first 0", logs, map[string]any{"id": session.ID, "first": 0}, "BAD_USER_INPUT", []string{"first must be between 1 and 1000"}},
		{"logs first 1001", logs, map[string]any{"id": session.ID, "first": 1001}, "BAD_USER_INPUT", []string{"first must be between 1 and 1000"}},
		{"logs after a made-up cursor", logs, map[string]any{"id": session.ID, "after": "bm90LWEtY3Vyc29y"}, "BAD_USER_INPUT", []string{"after", "cursor"}},
		{"list limit 0", list, map[string]any{"limit": 0}, "BAD_USER_INPUT", []string{"limit must be between 1 and 1000, got 0"}},
		{"list limit -1", list, map[string]any{"limit": -1}, "BAD_USER_INPUT", []string{"got -1"}},
		{"list limit 1001", list, map[string]any{"limit": 1001}, "BAD_USER_INPUT", []string{"got 1001"}},
		{"list limit of the wrong type", list, map[string]any{"limit": "ten"}, "BAD_USER_INPUT", []string{`variable "limit"`, "Int"}},
		{"list limit missing", list, map[string]any{}, "BAD_USER_INPUT", []string{`variable "limit"`, "must be defined"}},
		{"stats limit 0", stats, map[string]any{"limit": 0}, "BAD_USER_INPUT", []string{"limit must be between 1 and 1000"}},
		{"stats limit 5000", stats, map[string]any{"limit": 5000}, "BAD_USER_INPUT", []string{"limit must be between 1 and 1000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := *api
			api.t = t
			api.mustFail(tc.query, tc.vars, tc.code, tc.messages...)
		})
	}

	// A well-formed ID that names nothing reads as null, not an error.
	api.mustBeNull(getSession, map[string]any{"id": unknown}, "getTestSession")
	api.mustBeNull(getFlow, map[string]any{"id": unknown}, "testFlow")

	// Nothing above changed the session.
	var got struct{ GetTestSession sessionJSON }
	api.mustOp("GetTestSession", map[string]any{"sessionId": session.ID}, &got)
	if g := got.GetTestSession; g.TotalFlows != 1 || len(g.Flows) != 1 || g.Flows[0] != flows[0] {
		t.Errorf("after the bad requests the session is %+v, want it unchanged with its one flow", g)
	}
}

func testIllegalStateChanges(t *testing.T, api *apiServer) {
	ctx := t.Context()
	session, flows := createSessionWithFlows(t, api, 2)
	// The executor moves flows and sessions to running through the store.
	if _, err := api.store.TransitionTestFlow(ctx, flows[0].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning); err != nil {
		t.Fatal(err)
	}
	api.mustFail(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {name: "x"}) { id } }`, map[string]any{"id": flows[0].ID}, "CONFLICT", "running")
	api.mustFail(`mutation($id: ID!) { deleteTestFlow(flowId: $id) { deletedFlowId } }`, map[string]any{"id": flows[0].ID}, "CONFLICT", "running")
	// All or none: the pending flow listed first is not approved either.
	api.mustFail(`mutation($ids: [ID!]!) { approveTestFlows(flowIds: $ids, approved: true) { id } }`,
		map[string]any{"ids": []string{flows[1].ID, flows[0].ID}}, "CONFLICT", flows[0].ID)
	var one struct{ TestFlow flowJSON }
	api.mustOp("TestFlow", map[string]any{"flowId": flows[1].ID}, &one)
	if one.TestFlow.Approved {
		t.Error("a refused approveTestFlows approved a flow anyway")
	}

	if _, err := api.store.TransitionTestSession(ctx, session.ID, []db.SessionStatus{db.SessionPending}, db.SessionRunning); err != nil {
		t.Fatal(err)
	}
	api.mustFail(`mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`, map[string]any{"id": session.ID}, "CONFLICT", "cancel it")
	var got struct{ GetTestSession sessionJSON }
	api.mustOp("GetTestSession", map[string]any{"sessionId": session.ID}, &got)
	if g := got.GetTestSession; g.Status != "running" || len(g.Flows) != 2 || g.Flows[0].Status != "running" || g.StartedAt == nil {
		t.Errorf("after the refused changes the session is %+v, want it running with both flows", g)
	}
}

func testBadRequests(t *testing.T, api *apiServer) {
	tests := []struct {
		name        string
		contentType string
		body        []byte
		status      int
		messages    []string
	}{
		{"malformed JSON", "application/json", []byte(`{"query": "{ listTestSessions(limit: 1) { id } }"`), http.StatusBadRequest, []string{"not valid JSON"}},
		{"JSON that is not an object", "application/json", []byte(`["query"]`), http.StatusBadRequest, []string{"not a JSON object"}},
		{"query of the wrong type", "application/json", []byte(`{"query": 42}`), http.StatusBadRequest, []string{`"query" should be a string`}},
		{"variables of the wrong type", "application/json", []byte(`{"query": "{ __typename }", "variables": [1]}`), http.StatusBadRequest, []string{`"variables" should be an object`}},
		{"body over 1 MiB", "application/json", bytes.Repeat([]byte(" "), 1<<20+1), http.StatusRequestEntityTooLarge, []string{"larger than 1048576 bytes"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := api.post(tc.contentType, tc.body)
			if resp.status != tc.status {
				t.Errorf("status %d, want %d", resp.status, tc.status)
			}
			checkOneError(t, resp, "BAD_USER_INPUT", tc.messages...)
		})
	}
	t.Run("no query", func(t *testing.T) {
		checkOneError(t, api.post("application/json", []byte(`{}`)), "GRAPHQL_VALIDATION_FAILED", "no operation")
	})
	t.Run("not GraphQL", func(t *testing.T) {
		checkOneError(t, api.do("{ listTestSessions(limit: 1) { id }", nil), "GRAPHQL_PARSE_FAILED")
	})
	t.Run("unknown field", func(t *testing.T) {
		checkOneError(t, api.do("{ listTestSessions(limit: 1) { password } }", nil), "GRAPHQL_VALIDATION_FAILED", "password")
	})
	t.Run("internal errors say nothing of internals", func(t *testing.T) {
		// A store that fails underneath: the real one, closed.
		broken := newSQLiteStore(t)
		brokenAPI := startAPI(t, broken)
		broken.Close()
		e := brokenAPI.mustFail(`{ listTestSessions(limit: 5) { id } }`, nil, "INTERNAL")
		if e.Message != "internal error" {
			t.Errorf("message %q, want just \"internal error\"", e.Message)
		}
	})
}

func testQueryLimits(t *testing.T, api *apiServer) {
	// nest returns "ofType { … { name } … }" with n ofType levels.
	nest := func(n int) string {
		return strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n)
	}
	t.Run("too deep", func(t *testing.T) {
		// __schema, types, fields, type, 11 × ofType, name: 16 levels.
		deep := "{ __schema { types { fields { type { " + nest(11) + " } } } } }"
		checkOneError(t, api.do(deep, nil), "BAD_USER_INPUT", "nests fields 16 deep", "limit of 15")
	})
	t.Run("as deep as allowed", func(t *testing.T) {
		var out map[string]any
		api.mustQuery("{ __schema { types { fields { type { "+nest(10)+" } } } } }", nil, &out)
	})
	t.Run("too costly", func(t *testing.T) {
		costly := `{ listTestSessions(limit: 1000) { id name flows { id name instructions } } }`
		checkOneError(t, api.do(costly, nil), "BAD_USER_INPUT", "estimated cost", "limit of 25000")
	})
	t.Run("deep through fragments", func(t *testing.T) {
		q := `query { __schema { ...A } }
		fragment A on __Schema { types { ...B } }
		fragment B on __Type { fields { type { ` + nest(11) + ` } } }`
		checkOneError(t, api.do(q, nil), "BAD_USER_INPUT", "nests fields 16 deep")
	})
	t.Run("GraphiQL's introspection query fits", func(t *testing.T) {
		var out struct {
			Schema struct{ Types []struct{ Name string } } `json:"__schema"`
		}
		api.mustQuery(introspectionQuery, nil, &out)
		if len(out.Schema.Types) < 10 {
			t.Errorf("introspection listed %d types", len(out.Schema.Types))
		}
	})
}

func testGetRequests(t *testing.T, api *apiServer) {
	session, _ := createSessionWithFlows(t, api, 2)
	q := url.Values{
		"query":     {`query($id: ID!) { getTestSession(sessionId: $id) { id totalFlows flows { order } } }`},
		"variables": {`{"id":"` + session.ID + `"}`},
	}
	resp, err := http.Get(api.url + "?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	out := api.decode(resp)
	var data struct {
		GetTestSession struct {
			ID         string
			TotalFlows int
			Flows      []struct{ Order int }
		}
	}
	if len(out.Errors) > 0 || json.Unmarshal(out.Data, &data) != nil || data.GetTestSession.TotalFlows != 2 || len(data.GetTestSession.Flows) != 2 {
		t.Errorf("GET query gave %s %+v", out.Data, out.Errors)
	}
	// GET must not run mutations (a link or image could trigger them).
	q = url.Values{"query": {`mutation { createTestSession(name: "x", prompt: "") { id } }`}}
	resp, err = http.Get(api.url + "?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if out := api.decode(resp); len(out.Errors) != 1 {
		t.Errorf("GET ran a mutation: %s", out.Data)
	}
}
