package graph_test

import (
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
)

// testInstructionsAreChecked: flows whose instructions do not parse are
// refused with each bad line and its nearest valid form; editors can ask
// validateInstructions first.
func testInstructionsAreChecked(t *testing.T, api *apiServer) {
	session, flows := createSessionWithFlows(t, api, 1)
	bad := "Go to /login\ntpye \"alice\" into the \"Email\" field\nClick"
	e := api.mustFail(`mutation($id: ID!, $i: String!) { createTestFlows(sessionId: $id, flows: [{name: "x", instructions: $i}]) { flows { id } } }`,
		map[string]any{"id": session.ID, "i": bad}, "BAD_USER_INPUT", "flows[0].instructions", "line 2", "line 3", "type")
	if e.Extensions["field"] != "flows[0].instructions" {
		t.Errorf("extensions.field = %v", e.Extensions["field"])
	}
	api.mustFail(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {instructions: "Clik \"Go\""}) { id } }`,
		map[string]any{"id": flows[0].ID}, "BAD_USER_INPUT", "line 1", "click")

	var out struct {
		ValidateInstructions struct {
			Valid bool
			Steps []struct {
				Line int
				Kind string
			}
			Errors []struct {
				Line       int
				Reason     string
				Suggestion *string
			}
		}
	}
	api.mustQuery(`query($i: String!) { validateInstructions(instructions: $i) { valid steps { line kind } errors { line reason suggestion } } }`,
		map[string]any{"i": bad}, &out)
	v := out.ValidateInstructions
	if v.Valid || len(v.Steps) != 1 || v.Steps[0].Kind != "navigate" || len(v.Errors) != 2 || v.Errors[0].Line != 2 || v.Errors[0].Suggestion == nil {
		t.Errorf("validateInstructions = %+v, want line 1 parsed and errors with suggestions on lines 2 and 3", v)
	}
	api.mustQuery(`query { validateInstructions(instructions: "Go to /\nExpect the title contains \"Home\"") { valid steps { line kind } errors { line reason suggestion } } }`, nil, &out)
	if !out.ValidateInstructions.Valid || len(out.ValidateInstructions.Steps) != 2 {
		t.Errorf("valid instructions gave %+v", out.ValidateInstructions)
	}
}

// testRunConflicts: what cannot start, stop or retry says why.
func testRunConflicts(t *testing.T, api *apiServer) {
	session, flows := createSessionWithFlows(t, api, 2)
	api.mustFail(`mutation($id: ID!) { startTestSession(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, "CONFLICT", "approve at least one flow")
	api.mustFail(`mutation($id: ID!) { cancelTestSession(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, "CONFLICT", "not running")
	api.mustFail(`mutation($id: ID!) { startTestSession(sessionId: $id) { id } }`, map[string]any{"id": db.NewID()}, "NOT_FOUND")
	api.mustFail(`mutation($id: ID!) { retryTestFlow(flowId: $id) { flow { id } } }`, map[string]any{"id": "nope"}, "BAD_USER_INPUT")
	// A session being generated cannot start.
	if _, err := api.store.TransitionTestSession(t.Context(), session.ID, []db.SessionStatus{db.SessionPending}, db.SessionGenerating); err != nil {
		t.Fatal(err)
	}
	e := api.mustFail(`mutation($id: ID!) { retryTestFlow(flowId: $id) { flow { id } } }`, map[string]any{"id": flows[0].ID}, "CONFLICT")
	if !strings.Contains(e.Message, "generating") {
		t.Errorf("message %q should say the session is generating", e.Message)
	}
}
