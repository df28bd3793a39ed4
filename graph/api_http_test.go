package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"testing"

	"github.com/testing-agent/backend/db"
)

// testHTTPStatus checks statuses as the GraphQL-over-HTTP spec gives them:
// with application/json every well-formed request is answered 200, errors
// and all (Apollo then shows GraphQL errors, not a network error); with
// application/graphql-response+json a request that never executed is 400.
// Either way every error carries a code.
func testHTTPStatus(t *testing.T, api *apiServer) {
	session, _ := createSessionWithFlows(t, api, 1)
	const graphqlResponse = "application/graphql-response+json"
	tests := []struct {
		name      string
		query     string
		vars      map[string]any
		code      string
		executed  bool // a resolver ran: 200 whatever the media type
		plainJSON int  // the status under application/json
	}{
		{"parse error", `{ listTestSessions(limit: 1) { id }`, nil, "GRAPHQL_PARSE_FAILED", false, 200},
		{"unknown field", `{ listTestSessions(limit: 1) { password } }`, nil, "GRAPHQL_VALIDATION_FAILED", false, 200},
		{"variable of the wrong type", `query($n: Int!) { listTestSessions(limit: $n) { id } }`, map[string]any{"n": "ten"}, "BAD_USER_INPUT", false, 200},
		{"over the cost limit", `{ listTestSessions(limit: 1000) { id name flows { id name instructions } } }`, nil, "BAD_USER_INPUT", false, 200},
		{"argument out of range", `{ listTestSessions(limit: 0) { id } }`, nil, "BAD_USER_INPUT", true, 200},
		{"unknown session in a mutation", `mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`, map[string]any{"id": db.NewID()}, "NOT_FOUND", true, 200},
		{"missing session", `query($id: ID!) { getTestSession(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, "", true, 200},
	}
	for _, tc := range tests {
		for _, accept := range []string{"", "application/json", graphqlResponse} {
			t.Run(tc.name+"/accept "+accept, func(t *testing.T) {
				body, _ := json.Marshal(map[string]any{"query": tc.query, "variables": tc.vars})
				req, _ := http.NewRequest(http.MethodPost, api.url, bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if accept != "" {
					req.Header.Set("Accept", accept)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
				want := tc.plainJSON
				wantType := "application/json"
				if accept == graphqlResponse {
					wantType = graphqlResponse
					if !tc.executed {
						want = http.StatusBadRequest
					}
				}
				if resp.StatusCode != want || mediaType != wantType {
					t.Errorf("status %d %s, want %d %s", resp.StatusCode, mediaType, want, wantType)
				}
				out := api.decode(resp)
				if tc.code == "" {
					if len(out.Errors) > 0 {
						t.Errorf("errors %+v, want none", out.Errors)
					}
					return
				}
				checkOneError(t, out, tc.code)
			})
		}
	}

	// Requests no transport takes still get a GraphQL error with a code.
	requests := []struct {
		name, method, contentType, body string
		status                          int
	}{
		{"PUT", http.MethodPut, "application/json", `{"query": "{ __typename }"}`, http.StatusMethodNotAllowed},
		{"text/plain body", http.MethodPost, "text/plain", `{"query": "{ __typename }"}`, http.StatusUnsupportedMediaType},
		{"no content type", http.MethodPost, "", `{"query": "{ __typename }"}`, http.StatusUnsupportedMediaType},
		{"mutation over GET", http.MethodGet, "", "", http.StatusMethodNotAllowed},
	}
	for _, tc := range requests {
		t.Run(tc.name, func(t *testing.T) {
			target := api.url
			if tc.method == http.MethodGet {
				target += "?" + url.Values{"query": {`mutation { createTestSession(name: "x", prompt: "") { id } }`}}.Encode()
			}
			req, _ := http.NewRequest(tc.method, target, bytes.NewBufferString(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status {
				raw, _ := io.ReadAll(resp.Body)
				t.Fatalf("status %d (%s), want %d", resp.StatusCode, raw, tc.status)
			}
			out := api.decode(resp)
			if len(out.Errors) != 1 || out.Errors[0].code() == "" {
				t.Errorf("errors %+v, want one with a code", out.Errors)
			}
		})
	}
}
