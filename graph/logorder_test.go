package graph_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph"
	"github.com/testing-agent/backend/graph/live"
)

// testConcurrentLogsExactlyOnce has 32 writers log at once under a 1 ms live
// window, 20 rounds in a row: the stream and cursor paging each deliver
// every log exactly once, in cursor order. (A log stamped before waiting
// for the write lock used to commit after a later one and be skipped.)
func testConcurrentLogsExactlyOnce(t *testing.T, newStore newStoreFunc) {
	const (
		writers   = 32
		perWriter = 5
		rounds    = 20
	)
	api := startAPIWith(t, newStore(t), graph.Options{CoalesceWindow: time.Millisecond})
	c := dialWS(t, api.url, transportWS)
	for round := range rounds {
		created, _ := createSessionWithFlows(t, api, 0)
		session := created.ID
		first, err := api.store.AppendExecutionLog(t.Context(), db.NewExecutionLog{SessionID: session, Level: db.LogInfo, Message: "start"})
		if err != nil {
			t.Fatal(err)
		}
		id := fmt.Sprint("logs", round)
		c.subscribe(id, `subscription($id: ID!, $after: String) { executionLogs(sessionId: $id, after: $after) { cursor node { id message } } }`,
			map[string]any{"id": session, "after": db.CursorOf(first).String()})
		api.awaitLive(func(s live.Stats) bool { return s.Streams >= 1 })

		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for i := range perWriter {
					msg := fmt.Sprintf("w%d-%d", w, i)
					if _, err := api.store.AppendExecutionLog(t.Context(), db.NewExecutionLog{SessionID: session, Level: db.LogInfo, Message: msg}); err != nil {
						t.Error(err)
					}
				}
			})
		}
		// Read while they write, as a page does: a client that stops reading
		// answers no pings and is dropped as dead.
		want := writers * perWriter
		seen := map[string]bool{}
		var lastCursor string
		for len(seen) < want {
			var ev struct {
				ExecutionLogs struct {
					Cursor string
					Node   struct{ ID, Message string }
				}
			}
			c.nextData(id, &ev)
			if seen[ev.ExecutionLogs.Node.ID] {
				t.Fatalf("round %d: the stream sent %q twice", round, ev.ExecutionLogs.Node.Message)
			}
			seen[ev.ExecutionLogs.Node.ID] = true
			lastCursor = ev.ExecutionLogs.Cursor
		}
		wg.Wait()
		c.unsubscribe(id)

		// Paging from the first log's cursor sees the same logs, in order.
		paged := 0
		after := db.CursorOf(first).String()
		for {
			var page struct{ ExecutionLogs logConnectionJSON }
			api.mustQuery(`query($id: ID!, $after: String) { executionLogs(sessionId: $id, first: 37, after: $after) {
				edges { cursor node { id message timestamp level } } pageInfo { hasNextPage endCursor } } }`,
				map[string]any{"id": session, "after": after}, &page)
			for _, e := range page.ExecutionLogs.Edges {
				if !seen[e.Node.ID] {
					t.Fatalf("round %d: paging found %q, which the stream never sent", round, e.Node.Message)
				}
				paged++
			}
			if !page.ExecutionLogs.PageInfo.HasNextPage {
				break
			}
			after = *page.ExecutionLogs.PageInfo.EndCursor
		}
		if paged != want {
			t.Fatalf("round %d: paging found %d logs, want %d", round, paged, want)
		}
		api.awaitLive(func(s live.Stats) bool { return s.Streams == 0 })
		if lastCursor == "" {
			t.Fatal("no cursor")
		}
	}
}
