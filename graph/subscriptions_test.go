package graph_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph"
	"github.com/testing-agent/backend/graph/live"
)

// The subscription tests drive the real server with real websocket clients
// of both subprotocols; writes go through the HTTP API (or, for what only
// the executor writes, through the store) exactly as in production.

func TestSubscriptions(t *testing.T) {
	runSubscriptionSuite(t, newSQLiteStore)
	t.Run("BurstsAreCoalesced", func(t *testing.T) {
		testBurstsAreCoalesced(t, startAPIWith(t, newSQLiteStore(t), graph.Options{CoalesceWindow: 300 * time.Millisecond}))
	})
	// Goroutines are counted on the embedded store only: an in-process
	// FerretDB grows and shrinks its own with the driver's connection pool.
	t.Run("OpenAndCloseFreesEverything", func(t *testing.T) {
		testOpenAndCloseFreesEverything(t, startAPI(t, newSQLiteStore(t)))
	})
	t.Run("IdleLiveQueriesHoldNoGoroutine", func(t *testing.T) {
		testIdleLiveQueriesHoldNoGoroutine(t, startAPI(t, newSQLiteStore(t)))
	})
	t.Run("IdleLogStreamsHoldNoGoroutine", func(t *testing.T) {
		testIdleLogStreamsHoldNoGoroutine(t, startAPI(t, newSQLiteStore(t)))
	})
	t.Run("IdleSocketsHoldOnlyAReader", func(t *testing.T) {
		testIdleSocketsHoldOnlyAReader(t, startAPI(t, newSQLiteStore(t)))
	})
}

func runSubscriptionSuite(t *testing.T, newStore newStoreFunc) {
	for _, protocol := range []string{transportWS, legacyWS} {
		t.Run(protocol, func(t *testing.T) {
			t.Run("LiveSessionFollowsMutations", func(t *testing.T) {
				testLiveSessionFollowsMutations(t, startAPI(t, newStore(t)), protocol)
			})
			t.Run("LiveListAndStats", func(t *testing.T) {
				testLiveListAndStats(t, startAPI(t, newStore(t)), protocol)
			})
			t.Run("LogStreamResumes", func(t *testing.T) {
				testLogStreamResumes(t, startAPI(t, newStore(t)), protocol)
			})
		})
	}
	t.Run("BadSubscriptions", func(t *testing.T) { testBadSubscriptions(t, startAPI(t, newStore(t))) })
	t.Run("ConcurrentLogsExactlyOnce", func(t *testing.T) { testConcurrentLogsExactlyOnce(t, newStore) })
}

type liveSession struct {
	GetTestSession *struct {
		ID         string
		Name       string
		TotalFlows int
		Flows      []struct {
			Name     string
			Approved bool
		}
	}
}

func testLiveSessionFollowsMutations(t *testing.T, api *apiServer, protocol string) {
	session, flows := createSessionWithFlows(t, api, 1)
	other, otherFlows := createSessionWithFlows(t, api, 1)
	c := dialWS(t, api.url, protocol)
	c.subscribe("s1", `subscription($id: ID!) { getTestSession(sessionId: $id) { id name totalFlows flows { name approved } } }`,
		map[string]any{"id": session.ID})

	var got liveSession
	c.nextData("s1", &got)
	if got.GetTestSession == nil || got.GetTestSession.TotalFlows != 1 || len(got.GetTestSession.Flows) != 1 {
		t.Fatalf("first result %+v, want the session with its one flow at once", got.GetTestSession)
	}

	api.mustQuery(`mutation($id: ID!) { createTestFlows(sessionId: $id, flows: [{name: "second", instructions: "Reload"}]) { session { id } } }`,
		map[string]any{"id": session.ID}, &struct{}{})
	c.nextData("s1", &got)
	if g := got.GetTestSession; g.TotalFlows != 2 || len(g.Flows) != 2 || g.Flows[1].Name != "second" {
		t.Fatalf("after createTestFlows got %+v, want 2 flows", g)
	}

	api.mustQuery(`mutation($ids: [ID!]!) { approveTestFlows(flowIds: $ids, approved: true) { id } }`,
		map[string]any{"ids": []string{flows[0].ID}}, &struct{}{})
	c.nextData("s1", &got)
	if !got.GetTestSession.Flows[0].Approved {
		t.Fatalf("after approveTestFlows got %+v, want the first flow approved", got.GetTestSession)
	}

	// Changes to another session, and a change that leaves the selected
	// fields as they were, must not emit: the next message is the rename.
	api.mustQuery(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {name: "elsewhere"}) { id } }`,
		map[string]any{"id": otherFlows[0].ID}, &struct{}{})
	api.mustQuery(`mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`,
		map[string]any{"id": other.ID}, &struct{}{})
	api.mustQuery(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {description: "not selected"}) { id } }`,
		map[string]any{"id": flows[0].ID}, &struct{}{})
	api.mustQuery(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {name: "renamed"}) { id } }`,
		map[string]any{"id": flows[0].ID}, &struct{}{})
	c.nextData("s1", &got)
	if got.GetTestSession.Flows[0].Name != "renamed" {
		t.Fatalf("after unrelated changes and a rename the next result is %+v, want the rename", got.GetTestSession)
	}

	// The executor's status changes arrive the same way.
	if _, err := api.store.TransitionTestSession(t.Context(), session.ID, []db.SessionStatus{db.SessionPending}, db.SessionReady); err != nil {
		t.Fatal(err)
	}
	api.mustQuery(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {name: "after status"}) { id } }`,
		map[string]any{"id": flows[0].ID}, &struct{}{})
	c.nextData("s1", &got)
	if got.GetTestSession.Flows[0].Name != "after status" {
		t.Fatalf("a status change that alters no selected field emitted %+v", got.GetTestSession)
	}

	// A deleted session reads as null, then the subscription completes. (A
	// backend without transactions deletes the session, then its flows: an
	// evaluation between the two may see the session with no flows first.)
	api.mustQuery(`mutation($id: ID!) { deleteTestSession(sessionId: $id) { deletedSessionId } }`,
		map[string]any{"id": session.ID}, &struct{}{})
	for range 3 {
		c.nextData("s1", &got)
		if got.GetTestSession == nil {
			break
		}
		if len(got.GetTestSession.Flows) != 0 {
			t.Fatalf("after deleteTestSession got %+v, want null", got.GetTestSession)
		}
	}
	if got.GetTestSession != nil {
		t.Fatalf("after deleteTestSession got %+v, want null", got.GetTestSession)
	}
	c.expectType("s1", "complete")

	// Subscribing to a session or flow that does not exist answers as the
	// query does: null, then complete; no error.
	for i, query := range []string{
		`subscription($id: ID!) { getTestSession(sessionId: $id) { id } }`,
		`subscription($id: ID!) { testFlow(flowId: $id) { id } }`,
	} {
		id := fmt.Sprint("missing", i)
		c.subscribe(id, query, map[string]any{"id": session.ID})
		var missing map[string]any
		c.nextData(id, &missing)
		if len(missing) != 1 {
			t.Fatalf("%s of a deleted id gave %v, want one null field", query, missing)
		}
		for field, v := range missing {
			if v != nil {
				t.Errorf("%s of a deleted id gave %s = %v, want null", query, field, v)
			}
		}
		c.expectType(id, "complete")
	}
}

func testLiveListAndStats(t *testing.T, api *apiServer, protocol string) {
	c := dialWS(t, api.url, protocol)
	c.subscribe("list", `subscription { listTestSessions(limit: 2) { name totalFlows } }`, nil)
	c.subscribe("stats", `subscription { systemStats(limit: 1) { activeSessions } }`, nil)
	var list struct{ ListTestSessions []struct{ Name string } }
	var stats struct {
		SystemStats []struct{ ActiveSessions int }
	}
	// The two first results may come in either order.
	for range 2 {
		m := c.next()
		switch m.ID {
		case "list", "stats":
		default:
			t.Fatalf("unexpected message %+v", m)
		}
	}
	for i, name := range []string{"one", "two", "three"} {
		api.mustQuery(`mutation($name: String!) { createTestSession(name: $name, prompt: "") { id } }`, map[string]any{"name": name}, &struct{}{})
		c.nextData("list", &list)
		if l := list.ListTestSessions; len(l) != min(i+1, 2) || l[0].Name != name {
			t.Fatalf("after creating %q the live list is %+v", name, l)
		}
	}
	if _, err := api.store.RecordSystemStats(t.Context(), db.SystemStats{ActiveSessions: 3}); err != nil {
		t.Fatal(err)
	}
	c.nextData("stats", &stats)
	if s := stats.SystemStats; len(s) != 1 || s[0].ActiveSessions != 3 {
		t.Fatalf("live stats %+v, want the new sample", s)
	}
	// After a stop only the other subscription emits.
	c.unsubscribe("list")
	api.awaitLive(func(s live.Stats) bool { return s.Subscriptions == 1 })
	api.mustQuery(`mutation { createTestSession(name: "four", prompt: "") { id } }`, nil, &struct{}{})
	if _, err := api.store.RecordSystemStats(t.Context(), db.SystemStats{ActiveSessions: 4}); err != nil {
		t.Fatal(err)
	}
	if m := c.next(); m.ID != "stats" {
		t.Fatalf("after stopping list got %+v, want only stats", m)
	}

	// A nested field follows its own changes: a flow renamed under a live
	// list of sessions that selects flows.
	session, flows := createSessionWithFlows(t, api, 1)
	c.subscribe("nested", `subscription { listTestSessions(limit: 1) { id flows { name } } }`, nil)
	var nested struct {
		ListTestSessions []struct {
			ID    string
			Flows []struct{ Name string }
		}
	}
	c.nextData("nested", &nested)
	if l := nested.ListTestSessions; len(l) != 1 || l[0].ID != session.ID || len(l[0].Flows) != 1 {
		t.Fatalf("live list with flows = %+v", l)
	}
	api.mustQuery(`mutation($id: ID!) { updateTestFlow(flowId: $id, input: {name: "renamed under a list"}) { id } }`,
		map[string]any{"id": flows[0].ID}, &struct{}{})
	for {
		m := c.next()
		if m.ID != "nested" {
			continue // a stats sample
		}
		if !strings.Contains(string(m.Payload), "renamed under a list") {
			t.Fatalf("after renaming a flow the live list sent %s", m.Payload)
		}
		break
	}
}

type logEvent struct {
	ExecutionLogs struct {
		Cursor string
		Node   struct{ Message string }
	}
}

func testLogStreamResumes(t *testing.T, api *apiServer, protocol string) {
	ctx := t.Context()
	session, _ := createSessionWithFlows(t, api, 0)
	appendLogs := func(from, to int) {
		for i := from; i < to; i++ {
			if _, err := api.store.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: fmt.Sprintf("log %d", i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	const query = `subscription($id: ID!, $after: String) { executionLogs(sessionId: $id, after: $after) { cursor node { message } } }`
	var seen []string
	receive := func(c *wsClient, n int) string {
		var ev logEvent
		for range n {
			c.nextData("logs", &ev)
			seen = append(seen, ev.ExecutionLogs.Node.Message)
		}
		return ev.ExecutionLogs.Cursor
	}

	// A client reads the logs there are, then streams from their end cursor.
	appendLogs(0, 2)
	var page struct{ ExecutionLogs logConnectionJSON }
	api.mustOp("ExecutionLogs", map[string]any{"sessionId": session.ID}, &page)
	first := dialWS(t, api.url, protocol)
	first.subscribe("logs", query, map[string]any{"id": session.ID, "after": *page.ExecutionLogs.PageInfo.EndCursor})
	appendLogs(2, 5)
	cursor := receive(first, 3)
	first.conn.Close() // the client drops off

	appendLogs(5, 9) // written while it was away
	second := dialWS(t, api.url, protocol)
	second.subscribe("logs", query, map[string]any{"id": session.ID, "after": cursor})
	receive(second, 4)
	appendLogs(9, 11)
	receive(second, 2)

	want := []string{"log 2", "log 3", "log 4", "log 5", "log 6", "log 7", "log 8", "log 9", "log 10"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("the stream gave %v, want %v: each log once, in order, nothing from before its cursor", seen, want)
	}

	// Without a cursor a stream starts after the newest log: the first log
	// it sends is one appended after it began, never an old one. When it
	// began is not visible to the client, so logs keep coming until one
	// arrives.
	third := dialWS(t, api.url, protocol)
	third.subscribe("logs", `subscription($id: ID!) { executionLogs(sessionId: $id) { cursor node { message } } }`, map[string]any{"id": session.ID})
	stop := make(chan struct{})
	writer := make(chan struct{})
	go func() {
		defer close(writer)
		for i := 100; i < 200; i++ { // at most 100 logs, 10 s
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			if _, err := api.store.AppendExecutionLog(context.Background(), db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: fmt.Sprintf("log %d", i)}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var ev logEvent
	third.nextData("logs", &ev)
	close(stop)
	<-writer
	var n int
	if _, err := fmt.Sscanf(ev.ExecutionLogs.Node.Message, "log %d", &n); err != nil || n < 100 {
		t.Errorf("a stream without a cursor first sent %q, an old log", ev.ExecutionLogs.Node.Message)
	}
}

func testBadSubscriptions(t *testing.T, api *apiServer) {
	c := dialWS(t, api.url, transportWS)
	tests := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"malformed ID", `subscription { getTestSession(sessionId: "x") { id } }`, nil, "BAD_USER_INPUT"},
		{"unknown session", `subscription($id: ID!) { browserSessions(sessionId: $id) { id } }`, map[string]any{"id": db.NewID()}, "NOT_FOUND"},
		{"limit out of range", `subscription { listTestSessions(limit: 0) { id } }`, nil, "BAD_USER_INPUT"},
		{"bad cursor", `subscription($id: ID!) { executionLogs(sessionId: $id, after: "nope") { cursor } }`, map[string]any{"id": db.NewID()}, "BAD_USER_INPUT"},
		{"unknown field", `subscription { nothing }`, nil, "GRAPHQL_VALIDATION_FAILED"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c.t = t
			id := fmt.Sprint("bad", i)
			c.subscribe(id, tc.query, tc.vars)
			// An error before execution ends the operation; an error from a
			// resolver comes as a result, then complete.
			m := c.next()
			if m.ID != id || (m.Type != "error" && m.Type != "next" && m.Type != "data") {
				t.Fatalf("got %+v, want an error for %s", m, id)
			}
			if !containsCode(m.Payload, tc.code) {
				t.Errorf("payload %s lacks code %s", m.Payload, tc.code)
			}
			if m.Type != "error" {
				c.expectType(id, "complete")
			}
		})
	}
}

func containsCode(payload []byte, code string) bool {
	return strings.Contains(string(payload), `"code":"`+code+`"`)
}

// testOpenAndCloseFreesEverything opens 500 subscriptions on 100
// connections, some sharing a query, and closes them: goroutines return to
// where they were.
func testOpenAndCloseFreesEverything(t *testing.T, api *apiServer) {
	session, _ := createSessionWithFlows(t, api, 2)
	baseline := runtime.NumGoroutine()
	var clients []*wsClient
	for i := range 100 {
		protocol := transportWS
		if i%2 == 1 {
			protocol = legacyWS
		}
		c := dialWS(t, api.url, protocol)
		for j := range 5 {
			id := fmt.Sprint("s", j)
			switch j {
			case 0, 1: // shared by every connection
				c.subscribe(id, `subscription($id: ID!) { getTestSession(sessionId: $id) { totalFlows } }`, map[string]any{"id": session.ID})
			case 2:
				c.subscribe(id, `subscription { listTestSessions(limit: 5) { id } }`, nil)
			default: // one of their own
				c.subscribe(id, `subscription($n: Int) { systemStats(limit: $n) { id } }`, map[string]any{"n": i*5 + j})
			}
		}
		for range 5 {
			if m := c.next(); m.Type != "next" && m.Type != "data" {
				t.Fatalf("connection %d got %+v", i, m)
			}
		}
		clients = append(clients, c)
	}
	for i, c := range clients {
		if i%2 == 0 {
			c.unsubscribe("s0") // some stop first, the rest just hang up
		}
		c.conn.Close()
	}
	deadline := time.Now().Add(15 * time.Second)
	for runtime.NumGoroutine() > baseline+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("%d goroutines 15 s after closing, baseline %d:\n%.4000s", runtime.NumGoroutine(), baseline, buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sessionsAndWarmSocket creates n sessions and opens a socket whose first
// subscription has answered, and returns them with the goroutines held
// then: what the idle-cost tests measure from.
func sessionsAndWarmSocket(t *testing.T, api *apiServer, n int) ([]sessionJSON, *wsClient, int) {
	t.Helper()
	sessions := make([]sessionJSON, n)
	for i := range sessions {
		sessions[i], _ = createSessionWithFlows(t, api, 0)
	}
	c := dialWS(t, api.url, transportWS)
	c.subscribe("warm", `subscription { systemStats(limit: 1) { id } }`, nil)
	c.expectType("warm", "next")
	return sessions, c, runtime.NumGoroutine()
}

// testIdleLiveQueriesHoldNoGoroutine holds 200 distinct live queries on one
// socket: once their first results are in they hold no goroutine (each is
// evaluated again only when a change touches what it read), and a write
// still reaches the one it concerns (and only it: nextData fails on a
// result for another).
func testIdleLiveQueriesHoldNoGoroutine(t *testing.T, api *apiServer) {
	const queries = 200
	sessions, c, baseline := sessionsAndWarmSocket(t, api, queries)
	for i, s := range sessions {
		c.subscribe(fmt.Sprint("s", i), `subscription($id: ID!) { getTestSession(sessionId: $id) { id totalFlows } }`, map[string]any{"id": s.ID})
	}
	for range queries {
		if m := c.next(); m.Type != "next" {
			t.Fatalf("got %+v, want first results", m)
		}
	}
	api.awaitLive(func(s live.Stats) bool { return s.SharedQueries == queries+1 })
	// Evaluations that just sent their result may still be returning.
	awaitGoroutines(t, baseline+queries/20, fmt.Sprintf("%d idle live queries (%d goroutines before them): want no goroutine per idle query", queries, baseline))
	target := sessions[queries/2]
	api.mustQuery(`mutation($id: ID!) { createTestFlows(sessionId: $id, flows: [{name: "added while idle", instructions: "Reload"}]) { session { id } } }`,
		map[string]any{"id": target.ID}, &struct{}{})
	var got liveSession
	c.nextData(fmt.Sprint("s", queries/2), &got)
	if got.GetTestSession == nil || got.GetTestSession.TotalFlows != 1 {
		t.Fatalf("after adding a flow got %+v", got.GetTestSession)
	}
}

// testIdleLogStreamsHoldNoGoroutine holds 100 log streams of distinct
// sessions on one socket: idle, they hold no goroutine (each reads the store
// only when a log of its session is committed), and a new log still reaches
// the stream of its session.
func testIdleLogStreamsHoldNoGoroutine(t *testing.T, api *apiServer) {
	const streams = 100
	sessions, c, baseline := sessionsAndWarmSocket(t, api, streams)
	for i, s := range sessions {
		c.subscribe(fmt.Sprint("logs", i), `subscription($id: ID!) { executionLogs(sessionId: $id) { cursor node { message } } }`, map[string]any{"id": s.ID})
	}
	api.awaitLive(func(s live.Stats) bool { return s.Streams == streams })
	awaitGoroutines(t, baseline+streams/20, fmt.Sprintf("%d idle log streams (%d goroutines before them): want no goroutine per idle stream", streams, baseline))
	target := streams / 2
	if _, err := api.store.AppendExecutionLog(t.Context(), db.NewExecutionLog{SessionID: sessions[target].ID, Level: db.LogInfo, Message: "written while idle"}); err != nil {
		t.Fatal(err)
	}
	var ev logEvent
	c.nextData(fmt.Sprint("logs", target), &ev)
	if ev.ExecutionLogs.Node.Message != "written while idle" {
		t.Fatalf("the stream sent %+v", ev.ExecutionLogs)
	}
}

// testIdleSocketsHoldOnlyAReader opens 100 sockets on one live query: once
// their results are written each holds one goroutine in the server (its
// reader; a writer runs only while frames are queued) beside the test
// client's own reader.
func testIdleSocketsHoldOnlyAReader(t *testing.T, api *apiServer) {
	const sockets = 100
	session, _ := createSessionWithFlows(t, api, 1)
	baseline := runtime.NumGoroutine()
	for range sockets {
		c := dialWS(t, api.url, transportWS)
		c.subscribe("s", `subscription($id: ID!) { getTestSession(sessionId: $id) { totalFlows } }`, map[string]any{"id": session.ID})
		c.expectType("s", "next")
	}
	awaitGoroutines(t, baseline+2*sockets+sockets/10, fmt.Sprintf("%d idle sockets and their %[1]d test clients (%d goroutines before them)", sockets, baseline))
}

// awaitGoroutines waits, within 15 s, for the process to hold at most
// atMost goroutines, and fails saying what it held them for.
func awaitGoroutines(t *testing.T, atMost int, what string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for runtime.NumGoroutine() > atMost {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines, want at most %d, with %s", runtime.NumGoroutine(), atMost, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// testBurstsAreCoalesced writes 30 renames in a burst, far inside one
// coalescing window: the subscriber gets far fewer results than writes, and
// the last one is the final state.
func testBurstsAreCoalesced(t *testing.T, api *apiServer) {
	session, flows := createSessionWithFlows(t, api, 1)
	c := dialWS(t, api.url, transportWS)
	c.subscribe("s", `subscription($id: ID!) { getTestSession(sessionId: $id) { flows { name } } }`, map[string]any{"id": session.ID})
	var got liveSession
	c.nextData("s", &got)
	const writes = 30
	for i := range writes {
		name := fmt.Sprint("burst ", i)
		if _, err := api.store.UpdateTestFlow(t.Context(), flows[0].ID, db.TestFlowUpdate{Name: &name}); err != nil {
			t.Fatal(err)
		}
	}
	results := 0
	for got.GetTestSession == nil || got.GetTestSession.Flows[0].Name != fmt.Sprint("burst ", writes-1) {
		c.nextData("s", &got)
		results++
	}
	if results > writes/3 {
		t.Errorf("%d writes in a burst gave %d results, want them coalesced", writes, results)
	}
}
