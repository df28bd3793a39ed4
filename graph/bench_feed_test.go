package graph_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/graph"
)

// BenchmarkWritesBesideIdleSubscribers measures createTestFlows on one
// session while 0 or 10,000 live getTestSession queries watch other
// sessions (target: at least 0.8× the writes a second of none). Each live
// query is the resolver's own, on the real embedded store and its feed.
//
//	go test ./graph -run '^$' -bench WritesBesideIdleSubscribers
func BenchmarkWritesBesideIdleSubscribers(b *testing.B) {
	for _, idle := range []int{0, 10_000} {
		b.Run(fmt.Sprintf("idle=%d", idle), func(b *testing.B) {
			store := newSQLiteStore(b)
			feed := store.(db.ChangeFeed)
			resolver := &graph.Resolver{Store: store, Feed: feed, CoalesceWindow: graph.DefaultCoalesceWindow}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			for i := range idle {
				s, err := store.CreateTestSession(ctx, db.NewTestSession{Name: fmt.Sprint("idle ", i)})
				if err != nil {
					b.Fatal(err)
				}
				results, err := resolver.Subscription().GetTestSession(ctx, s.ID)
				if err != nil {
					b.Fatal(err)
				}
				<-results // the first result: the query is live
			}
			target, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "written"})
			if err != nil {
				b.Fatal(err)
			}
			flow := []db.NewTestFlow{{Name: "f", Instructions: "Reload"}}
			start := time.Now()
			for b.Loop() {
				if _, _, err := store.CreateTestFlows(ctx, target.ID, flow); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "writes/s")
		})
	}
}
