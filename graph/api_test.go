package graph_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// TestAPI runs the API suite on the embedded store. Other backends run the
// same suite from their own tests.
func TestAPI(t *testing.T) {
	runAPISuite(t, newSQLiteStore)
}

func runAPISuite(t *testing.T, newStore newStoreFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, api *apiServer)
	}{
		{"TestPageJourney", testTestPageJourney},
		{"EditApproveDeleteFlows", testEditApproveDeleteFlows},
		{"DeleteSessionCascades", testDeleteSessionCascades},
		{"BrowserSessions", testBrowserSessions},
		{"ExecutionLogsConnection", testExecutionLogsConnection},
		{"SystemStats", testSystemStats},
		{"BadArguments", testBadArguments},
		{"IllegalStateChanges", testIllegalStateChanges},
		{"BadRequests", testBadRequests},
		{"QueryLimits", testQueryLimits},
		{"GetRequests", testGetRequests},
		{"HTTPStatus", testHTTPStatus},
		{"HostileOperations", testHostileOperations},
		{"OperationStats", testOperationStats},
		{"InstructionsAreChecked", testInstructionsAreChecked},
		{"RunConflicts", testRunConflicts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, startAPI(t, newStore(t)))
		})
	}
	t.Run("ResponseSizeCap", func(t *testing.T) { testResponseSizeCap(t, newStore) })
}

// isoMillis is what JavaScript's Date#toISOString prints.
var isoMillis = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)

func checkTimestamp(t *testing.T, field, value string) time.Time {
	t.Helper()
	if !isoMillis.MatchString(value) {
		t.Errorf("%s = %q, want an ISO-8601 UTC string like 2026-11-25T15:04:05.123Z", field, value)
	}
	ts, err := time.Parse(time.RFC3339, value)
	if err != nil {
		t.Errorf("%s: %v", field, err)
	}
	if d := time.Since(ts); d < -time.Minute || d > time.Hour {
		t.Errorf("%s = %s is not about now", field, value)
	}
	return ts
}

// createSessionWithFlows makes a session with n flows through the API.
func createSessionWithFlows(t *testing.T, api *apiServer, n int) (sessionJSON, []flowJSON) {
	t.Helper()
	var created struct{ CreateTestSession sessionJSON }
	api.mustOp("CreateTestSession", map[string]any{"name": "Sign-up and login", "prompt": "test sign-up and login on http://localhost:3000"}, &created)
	if n == 0 {
		return created.CreateTestSession, nil
	}
	flows := make([]map[string]any, n)
	for i := range flows {
		flows[i] = map[string]any{
			"name":         "Flow " + string(rune('A'+i)),
			"description":  "checks part " + string(rune('A'+i)),
			"instructions": "Go to http://localhost:3000\nExpect the page contains \"Welcome\"",
		}
	}
	var out struct {
		CreateTestFlows struct {
			Session sessionJSON
			Flows   []flowJSON
		}
	}
	api.mustOp("CreateTestFlows", map[string]any{"sessionId": created.CreateTestSession.ID, "flows": flows}, &out)
	return out.CreateTestFlows.Session, out.CreateTestFlows.Flows
}

// testTestPageJourney is what the seed's TestPage does: create a session,
// add three flows, list sessions, open one.
func testTestPageJourney(t *testing.T, api *apiServer) {
	var created struct{ CreateTestSession sessionJSON }
	api.mustOp("CreateTestSession", map[string]any{"name": "Sign-up and login", "prompt": "test sign-up and login on http://localhost:3000"}, &created)
	s := created.CreateTestSession
	if !db.ValidID(s.ID) || s.UnderscoreID != s.ID {
		t.Fatalf("id = %q, _id = %q: want one ObjectID in both", s.ID, s.UnderscoreID)
	}
	if s.Name != "Sign-up and login" || s.Prompt != "test sign-up and login on http://localhost:3000" {
		t.Errorf("session = %+v, want the name and prompt sent", s)
	}
	if s.Status != "pending" || s.TotalFlows != 0 || s.CompletedFlows != 0 || s.StartedAt != nil || s.CompletedAt != nil || s.Metadata != nil {
		t.Errorf("new session = %+v, want pending with zero totals and no run times or metadata", s)
	}
	checkTimestamp(t, "createdAt", s.CreatedAt)

	flowsIn := []map[string]any{
		{"name": "Sign up", "description": "new account", "instructions": "Go to /signup\nClick \"Create account\""},
		{"name": "Log in", "instructions": "Go to /login\nType \"alice@example.com\" into the \"Email\" field", "approved": true},
		{"name": "Log out", "description": "ends the session", "instructions": "Click \"Log out\""},
	}
	var added struct {
		CreateTestFlows struct {
			Session sessionJSON
			Flows   []flowJSON
		}
	}
	api.mustOp("CreateTestFlows", map[string]any{"sessionId": s.ID, "flows": flowsIn}, &added)
	if got := added.CreateTestFlows.Session.TotalFlows; got != 3 {
		t.Errorf("createTestFlows session.totalFlows = %d, want 3", got)
	}
	for i, f := range added.CreateTestFlows.Flows {
		if f.Order != i+1 || f.SessionID != s.ID || f.Status != "pending" || f.Name != flowsIn[i]["name"] || !db.ValidID(f.ID) || f.UnderscoreID != f.ID {
			t.Errorf("flow %d = %+v, want order %d of session %s, pending, named %q", i, f, i, s.ID, flowsIn[i]["name"])
		}
		checkTimestamp(t, "flow createdAt", f.CreatedAt)
	}
	if f := added.CreateTestFlows.Flows; len(f) != 3 || f[0].Approved || !f[1].Approved || f[1].Description != "" {
		t.Errorf("flows = %+v, want 3 with approved defaulting to false and description to \"\"", f)
	}

	var other struct{ CreateTestSession sessionJSON }
	api.mustOp("CreateTestSession", map[string]any{"name": "Checkout", "prompt": ""}, &other)

	var list struct{ ListTestSessions []sessionJSON }
	api.mustOp("ListTestSessions", map[string]any{"limit": 10}, &list)
	if got := list.ListTestSessions; len(got) != 2 || got[0].ID != other.CreateTestSession.ID || got[1].ID != s.ID || got[1].TotalFlows != 3 {
		t.Errorf("listTestSessions = %+v, want the newest (Checkout) then the first with 3 flows", got)
	}
	api.mustOp("ListTestSessions", map[string]any{"limit": 1}, &list)
	if len(list.ListTestSessions) != 1 {
		t.Errorf("listTestSessions(limit: 1) returned %d sessions", len(list.ListTestSessions))
	}

	var got struct{ GetTestSession sessionJSON }
	api.mustOp("GetTestSession", map[string]any{"sessionId": s.ID}, &got)
	g := got.GetTestSession
	if g.ID != s.ID || g.CreatedAt != s.CreatedAt || g.TotalFlows != 3 || len(g.Flows) != 3 {
		t.Fatalf("getTestSession = %+v, want the session with its 3 flows", g)
	}
	for i, f := range g.Flows {
		if f.Order != i+1 || f.Name != flowsIn[i]["name"] || f.Instructions != flowsIn[i]["instructions"] {
			t.Errorf("flows[%d] = %+v, want %v in order", i, f, flowsIn[i])
		}
	}

	var one struct{ TestFlow flowJSON }
	api.mustOp("TestFlow", map[string]any{"flowId": g.Flows[1].ID}, &one)
	if one.TestFlow != g.Flows[1] {
		t.Errorf("testFlow = %+v, want %+v", one.TestFlow, g.Flows[1])
	}
}

func testEditApproveDeleteFlows(t *testing.T, api *apiServer) {
	session, flows := createSessionWithFlows(t, api, 3)

	var updated struct{ UpdateTestFlow flowJSON }
	api.mustOp("UpdateTestFlow", map[string]any{"flowId": flows[0].ID, "input": map[string]any{"instructions": "Go to /home"}}, &updated)
	if u := updated.UpdateTestFlow; u.Instructions != "Go to /home" || u.Name != flows[0].Name || u.Description != flows[0].Description {
		t.Errorf("updateTestFlow = %+v, want only instructions changed", u)
	}

	var approved struct {
		ApproveTestFlows []struct {
			ID       string
			Approved bool
		}
	}
	ids := []string{flows[2].ID, flows[0].ID}
	api.mustOp("ApproveTestFlows", map[string]any{"flowIds": ids, "approved": true}, &approved)
	if a := approved.ApproveTestFlows; len(a) != 2 || a[0].ID != ids[0] || a[1].ID != ids[1] || !a[0].Approved || !a[1].Approved {
		t.Errorf("approveTestFlows = %+v, want both approved in the order asked", a)
	}
	var got struct{ GetTestSession sessionJSON }
	api.mustOp("GetTestSession", map[string]any{"sessionId": session.ID}, &got)
	if f := got.GetTestSession.Flows; !f[0].Approved || f[1].Approved || !f[2].Approved {
		t.Errorf("after approval flows = %+v, want 0 and 2 approved, 1 not", f)
	}

	var deleted struct {
		DeleteTestFlow struct {
			DeletedFlowID string
			Session       struct {
				ID         string
				TotalFlows int
			}
		}
	}
	api.mustOp("DeleteTestFlow", map[string]any{"flowId": flows[1].ID}, &deleted)
	if d := deleted.DeleteTestFlow; d.DeletedFlowID != flows[1].ID || d.Session.ID != session.ID || d.Session.TotalFlows != 2 {
		t.Errorf("deleteTestFlow = %+v, want flow %s gone and totalFlows 2", d, flows[1].ID)
	}
	api.mustBeNull(`query($id: ID!) { testFlow(flowId: $id) { id } }`, map[string]any{"id": flows[1].ID}, "testFlow")

	// Order continues after the last flow ever created, even once deleted.
	var added struct {
		CreateTestFlows struct{ Flows []flowJSON }
	}
	api.mustOp("CreateTestFlows", map[string]any{"sessionId": session.ID, "flows": []map[string]any{{"name": "D", "instructions": "Reload"}}}, &added)
	if f := added.CreateTestFlows.Flows; len(f) != 1 || f[0].Order != 4 {
		t.Errorf("appended flow = %+v, want order 4", f)
	}
}

func testDeleteSessionCascades(t *testing.T, api *apiServer) {
	ctx := t.Context()
	session, flows := createSessionWithFlows(t, api, 2)
	keep, keepFlows := createSessionWithFlows(t, api, 1)
	for _, id := range []string{session.ID, keep.ID} {
		if _, err := api.store.CreateBrowserSession(ctx, db.NewBrowserSession{SessionID: id, Status: db.BrowserReady, BrowserType: "chromium"}); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			if _, err := api.store.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: id, Level: db.LogInfo, Message: "step"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	var out struct {
		DeleteTestSession struct {
			DeletedSessionID       string
			DeletedFlowIds         []string
			DeletedBrowserSessions int
			DeletedExecutionLogs   int
		}
	}
	api.mustOp("DeleteTestSession", map[string]any{"sessionId": session.ID}, &out)
	d := out.DeleteTestSession
	if d.DeletedSessionID != session.ID || len(d.DeletedFlowIds) != 2 || d.DeletedFlowIds[0] != flows[0].ID ||
		d.DeletedFlowIds[1] != flows[1].ID || d.DeletedBrowserSessions != 1 || d.DeletedExecutionLogs != 3 {
		t.Errorf("deleteTestSession = %+v, want the session, its 2 flows, 1 browser session and 3 logs", d)
	}
	api.mustBeNull(`query($id: ID!) { getTestSession(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, "getTestSession")
	api.mustBeNull(`query($id: ID!) { testFlow(flowId: $id) { id } }`, map[string]any{"id": flows[0].ID}, "testFlow")
	api.mustFail(`query($id: ID!) { browserSessions(sessionId: $id) { id } }`, map[string]any{"id": session.ID}, "NOT_FOUND")
	api.mustFail(`mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`, map[string]any{"id": session.ID}, "NOT_FOUND")

	var kept struct{ GetTestSession sessionJSON }
	api.mustOp("GetTestSession", map[string]any{"sessionId": keep.ID}, &kept)
	if len(kept.GetTestSession.Flows) != 1 || kept.GetTestSession.Flows[0].ID != keepFlows[0].ID {
		t.Errorf("the other session lost its flows: %+v", kept.GetTestSession)
	}
	var logs struct{ ExecutionLogs logConnectionJSON }
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": keep.ID}, &logs)
	if len(logs.ExecutionLogs.Edges) != 3 {
		t.Errorf("the other session has %d logs, want 3", len(logs.ExecutionLogs.Edges))
	}
}
