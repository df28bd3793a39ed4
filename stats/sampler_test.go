package stats_test

import (
	"context"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/stats"
)

func TestRecordSamplesActivityAndGauges(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "s"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "a", Instructions: "x", Approved: true}, {Name: "b", Instructions: "x", Approved: true}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.StartRun(ctx, session.ID); err != nil {
		t.Fatal(err)
	}
	sampler := stats.Sampler{Store: store,
		ActiveBrowsers:  func() int { return 1 },
		Subscribers:     func() int { return 7 },
		AvgFlowDuration: func() (time.Duration, bool) { return 1500 * time.Millisecond, true },
	}
	got, err := sampler.Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := got.Metrics
	if got.ActiveSessions != 1 || got.ActiveBrowsers != 1 || got.TotalFlowsExecuted != 0 || m == nil || m.QueueDepth != 2 ||
		m.Subscribers != 7 || m.AvgFlowDurationMs == nil || *m.AvgFlowDurationMs != 1500 || m.MemoryBytes == nil || *m.MemoryBytes <= 0 {
		t.Errorf("sample = %+v, metrics %+v", got, m)
	}
	list, err := store.ListSystemStats(ctx, 10)
	if err != nil || len(list) != 1 || list[0].ID != got.ID {
		t.Errorf("stored samples = %v, %v; want the one recorded", list, err)
	}
}
