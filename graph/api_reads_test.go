package graph_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// Browser sessions, logs and stats are written by the executor; these tests
// write them through the store, as it will, and read them through the API.

func testBrowserSessions(t *testing.T, api *apiServer) {
	ctx := t.Context()
	session, flows := createSessionWithFlows(t, api, 1)
	first, err := api.store.CreateBrowserSession(ctx, db.NewBrowserSession{
		SessionID: session.ID, FlowID: &flows[0].ID, Status: db.BrowserRunning, BrowserType: "chromium",
		Metadata: &db.BrowserMetadata{Version: "Chromium 156", UserAgent: "Mozilla/5.0", Viewport: &db.Viewport{Width: 1280, Height: 720}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.store.CreateBrowserSession(ctx, db.NewBrowserSession{SessionID: session.ID, Status: db.BrowserStarting, BrowserType: "chromium"}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		BrowserSessions []struct {
			UnderscoreID string `json:"_id"`
			ID           string
			SessionID    string
			FlowID       *string
			Status       string
			BrowserType  string
			StartedAt    string
			LastActivity string
			Metadata     *struct {
				Version   string
				UserAgent string
				Viewport  *struct{ Width, Height int }
			}
		}
	}
	api.mustOp("BrowserSessions", map[string]any{"sessionId": session.ID}, &out)
	b := out.BrowserSessions
	if len(b) != 2 {
		t.Fatalf("browserSessions returned %d, want 2", len(b))
	}
	if b[0].ID != first.ID || b[0].UnderscoreID != first.ID || b[0].SessionID != session.ID || b[0].FlowID == nil ||
		*b[0].FlowID != flows[0].ID || b[0].Status != "running" || b[0].BrowserType != "chromium" {
		t.Errorf("browserSessions[0] = %+v, want the running one of flow %s", b[0], flows[0].ID)
	}
	if m := b[0].Metadata; m == nil || m.Version != "Chromium 156" || m.UserAgent != "Mozilla/5.0" || m.Viewport == nil || m.Viewport.Width != 1280 || m.Viewport.Height != 720 {
		t.Errorf("metadata = %+v, want version, user agent and a 1280x720 viewport", b[0].Metadata)
	}
	checkTimestamp(t, "startedAt", b[0].StartedAt)
	checkTimestamp(t, "lastActivity", b[0].LastActivity)
	if b[1].Status != "starting" || b[1].FlowID != nil || b[1].Metadata != nil {
		t.Errorf("browserSessions[1] = %+v, want starting with no flow and no metadata", b[1])
	}

	empty, _ := createSessionWithFlows(t, api, 0)
	api.mustOp("BrowserSessions", map[string]any{"sessionId": empty.ID}, &out)
	if len(out.BrowserSessions) != 0 {
		t.Errorf("a session without browsers lists %d", len(out.BrowserSessions))
	}
}

type logConnectionJSON struct {
	Edges []struct {
		Cursor string
		Node   struct {
			UnderscoreID     string `json:"_id"`
			ID               string
			SessionID        string
			FlowID           *string
			BrowserSessionID *string
			Level            string
			Message          string
			Timestamp        string
			Data             json.RawMessage
		}
	}
	PageInfo struct {
		HasNextPage     bool
		HasPreviousPage bool
		StartCursor     *string
		EndCursor       *string
	}
}

func testExecutionLogsConnection(t *testing.T, api *apiServer) {
	ctx := t.Context()
	session, flows := createSessionWithFlows(t, api, 2)
	base := db.Now().Add(-time.Minute)
	levels := []db.LogLevel{db.LogInfo, db.LogDebug, db.LogWarning, db.LogError}
	var want []string // messages in order
	for i := range 12 {
		flowID := &flows[i%2].ID
		in := db.NewExecutionLog{
			SessionID: session.ID, FlowID: flowID, Level: levels[i%4],
			Message: fmt.Sprintf("step %d", i),
			// Pairs share a millisecond, so order within one depends on IDs.
			Timestamp: base.Add(time.Duration(i/2) * time.Millisecond),
			Data:      json.RawMessage(fmt.Sprintf(`{"line":%d,"ok":true,"names":["a","b"]}`, i)),
		}
		if i == 0 {
			in.Data = nil
		}
		if _, err := api.store.AppendExecutionLog(ctx, in); err != nil {
			t.Fatal(err)
		}
		want = append(want, in.Message)
	}

	// Walk every page of 5: each log once, in order, cursors chaining.
	var got []string
	var after any
	for page := 0; ; page++ {
		var out struct{ ExecutionLogs logConnectionJSON }
		api.mustOp("ExecutionLogs", map[string]any{"sessionId": session.ID, "first": 5, "after": after}, &out)
		c := out.ExecutionLogs
		if c.PageInfo.HasPreviousPage != (page > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
		}
		for _, e := range c.Edges {
			got = append(got, e.Node.Message)
			if e.Node.SessionID != session.ID || e.Node.UnderscoreID != e.Node.ID {
				t.Errorf("log %+v: wrong session or _id", e.Node)
			}
			checkTimestamp(t, "timestamp", e.Node.Timestamp)
		}
		if n := len(c.Edges); n > 0 && (*c.PageInfo.StartCursor != c.Edges[0].Cursor || *c.PageInfo.EndCursor != c.Edges[n-1].Cursor) {
			t.Errorf("page %d: start/end cursors do not match the edges", page)
		}
		if !c.PageInfo.HasNextPage {
			if len(c.Edges) != 2 {
				t.Errorf("last page has %d logs, want 2", len(c.Edges))
			}
			break
		}
		if page > 5 {
			t.Fatal("pagination does not end")
		}
		after = *c.PageInfo.EndCursor
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pages gave %v, want %v", got, want)
	}

	// data comes back as the JSON it was.
	var all struct{ ExecutionLogs logConnectionJSON }
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": session.ID}, &all)
	edges := all.ExecutionLogs.Edges
	if string(edges[0].Node.Data) != "null" {
		t.Errorf("log without data has data %s, want null", edges[0].Node.Data)
	}
	var data struct {
		Line  int
		OK    bool
		Names []string
	}
	if err := json.Unmarshal(edges[3].Node.Data, &data); err != nil || data.Line != 3 || !data.OK || len(data.Names) != 2 {
		t.Errorf("data = %s, want {line: 3, ok: true, names: [a b]}", edges[3].Node.Data)
	}

	// Filters.
	var filtered struct{ ExecutionLogs logConnectionJSON }
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": session.ID, "flowId": flows[1].ID}, &filtered)
	if n := len(filtered.ExecutionLogs.Edges); n != 6 {
		t.Errorf("flowId filter returned %d logs, want 6", n)
	}
	for _, e := range filtered.ExecutionLogs.Edges {
		if e.Node.FlowID == nil || *e.Node.FlowID != flows[1].ID {
			t.Errorf("flowId filter returned a log of flow %v", e.Node.FlowID)
		}
	}
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": session.ID, "level": "error"}, &filtered)
	if n := len(filtered.ExecutionLogs.Edges); n != 3 {
		t.Errorf("level filter returned %d logs, want 3", n)
	}
	for _, e := range filtered.ExecutionLogs.Edges {
		if e.Node.Level != "error" {
			t.Errorf("level filter returned a %s log", e.Node.Level)
		}
	}
	empty, _ := createSessionWithFlows(t, api, 0)
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": empty.ID}, &filtered)
	if c := filtered.ExecutionLogs; len(c.Edges) != 0 || c.PageInfo.HasNextPage || c.PageInfo.EndCursor != nil {
		t.Errorf("a session without logs gives %+v", c)
	}
}

func testSystemStats(t *testing.T, api *apiServer) {
	ctx := t.Context()
	avg, mem := int64(1500), int64(5<<30) // 5 GiB: past a 32-bit Int
	base := db.Now().Add(-time.Hour)
	for i := range 5 {
		in := db.SystemStats{Timestamp: base.Add(time.Duration(i) * time.Minute), ActiveSessions: i, ActiveBrowsers: 1, TotalFlowsExecuted: 10 * i}
		if i == 4 {
			in.Metrics = &db.PerformanceMetrics{QueueDepth: 3, AvgFlowDurationMs: &avg, MemoryBytes: &mem, Subscribers: 7}
		}
		if _, err := api.store.RecordSystemStats(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	var out struct {
		SystemStats []struct {
			UnderscoreID       string `json:"_id"`
			ID                 string
			Timestamp          string
			ActiveSessions     int
			TotalFlowsExecuted int
			Metrics            *struct {
				QueueDepth        int
				AvgFlowDurationMs *int
				MemoryBytes       *float64
				Subscribers       int
			}
		}
	}
	api.mustOp("SystemStats", map[string]any{"limit": 3}, &out)
	s := out.SystemStats
	if len(s) != 3 || s[0].ActiveSessions != 4 || s[1].ActiveSessions != 3 || s[2].ActiveSessions != 2 {
		t.Fatalf("systemStats(limit: 3) = %+v, want the 3 newest, newest first", s)
	}
	if m := s[0].Metrics; m == nil || m.QueueDepth != 3 || *m.AvgFlowDurationMs != 1500 || *m.MemoryBytes != 5<<30 || m.Subscribers != 7 {
		t.Errorf("metrics = %+v, want what was recorded", s[0].Metrics)
	}
	if s[1].Metrics != nil || s[0].ID != s[0].UnderscoreID {
		t.Errorf("sample without metrics = %+v", s[1])
	}
	api.mustOp("SystemStats", nil, &out)
	if len(out.SystemStats) != 5 {
		t.Errorf("systemStats without limit returned %d, want all 5", len(out.SystemStats))
	}
}

// testOperationStats: each query and mutation is counted under its name (or
// its first field), failures apart.
func testOperationStats(t *testing.T, api *apiServer) {
	for range 3 {
		var out struct{ ListTestSessions []struct{ ID string } }
		api.mustQuery(`query Sessions { listTestSessions(limit: 5) { id } }`, nil, &out)
	}
	api.mustFail(`mutation { deleteTestSession(sessionId: "`+db.NewID()+`") { deletedSessionId } }`, nil, "NOT_FOUND")
	var got struct {
		OperationStats []struct {
			Operation         string
			Count, ErrorCount int
			MeanMs, P95Ms     float64
		}
	}
	api.mustQuery(`{ operationStats { operation count errorCount meanMs p95Ms } }`, nil, &got)
	byName := map[string]int{}
	for i, s := range got.OperationStats {
		byName[s.Operation] = i
	}
	sessions, ok := byName["Sessions"]
	if !ok || got.OperationStats[sessions].Count != 3 || got.OperationStats[sessions].ErrorCount != 0 || got.OperationStats[sessions].P95Ms < 0 {
		t.Errorf("Sessions: %+v, want 3 calls without errors", got.OperationStats)
	}
	deleted, ok := byName["deleteTestSession"]
	if !ok || got.OperationStats[deleted].Count != 1 || got.OperationStats[deleted].ErrorCount != 1 {
		t.Errorf("deleteTestSession: %+v, want 1 call that failed", got.OperationStats)
	}
}
