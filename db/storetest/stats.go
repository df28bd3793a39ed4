package storetest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

func statsIDs(ss []*db.SystemStats) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		if s != nil {
			ids[i] = s.ID
		}
	}
	return ids
}

func mustRecordStats(t *testing.T, s db.Store, in db.SystemStats) *db.SystemStats {
	t.Helper()
	got, err := s.RecordSystemStats(ctx(t), in)
	if err != nil {
		t.Fatalf("RecordSystemStats: %v", err)
	}
	if got == nil {
		t.Fatal("RecordSystemStats returned nil and no error")
	}
	if !db.ValidID(got.ID) {
		t.Errorf("RecordSystemStats: ID %q is not a valid ID", got.ID)
	}
	return got
}

func mustListStats(t *testing.T, s db.Store, limit int) []*db.SystemStats {
	t.Helper()
	ss, err := s.ListSystemStats(ctx(t), limit)
	if err != nil {
		t.Fatalf("ListSystemStats(%d): %v", limit, err)
	}
	return ss
}

func testSystemStats(t *testing.T, open func(t *testing.T) db.Store) {
	base := recent()
	t.Run("RecordAndList", func(t *testing.T) {
		s := open(t)
		// Recorded out of time order: the list is by timestamp, newest first.
		samples := []db.SystemStats{
			{Timestamp: base.Add(2 * time.Second), ActiveSessions: 2, ActiveBrowsers: 3, TotalFlowsExecuted: 40,
				Metrics: &db.PerformanceMetrics{QueueDepth: 5, AvgFlowDurationMs: ptr(int64(1234)), MemoryBytes: ptr(int64(512 << 20)), Subscribers: 17}},
			{Timestamp: base, ActiveSessions: 0, ActiveBrowsers: 0, TotalFlowsExecuted: 0},
			{Timestamp: base.Add(4 * time.Second), ActiveSessions: 1, ActiveBrowsers: 1, TotalFlowsExecuted: 99,
				Metrics: &db.PerformanceMetrics{QueueDepth: 0, MemoryBytes: ptr(int64(1 << 40)), Subscribers: 0}},
			{Timestamp: base.Add(1 * time.Second), ActiveSessions: 7, ActiveBrowsers: 8, TotalFlowsExecuted: 9,
				Metrics: &db.PerformanceMetrics{QueueDepth: 1, AvgFlowDurationMs: ptr(int64(0)), Subscribers: 2}},
			{Timestamp: base.Add(3*time.Second + 456_789_123*time.Nanosecond), ActiveSessions: 3, ActiveBrowsers: 2, TotalFlowsExecuted: 1_000_000},
		}
		byTime := map[time.Duration]*db.SystemStats{}
		for i, in := range samples {
			got := mustRecordStats(t, s, in)
			checkTimeForm(t, fmt.Sprintf("sample %d Timestamp", i), got.Timestamp)
			want := in
			want.ID = got.ID
			want.Timestamp = in.Timestamp.Truncate(time.Millisecond)
			checkStatsEqual(t, fmt.Sprintf("sample %d as recorded", i), got, &want)
			byTime[want.Timestamp.Sub(base)] = &want
		}
		var want []*db.SystemStats
		for _, d := range []time.Duration{4 * time.Second, 3*time.Second + 456*time.Millisecond, 2 * time.Second, time.Second, 0} {
			want = append(want, byTime[d])
		}
		all := mustListStats(t, s, db.MaxListLimit)
		if !reflect.DeepEqual(statsIDs(all), statsIDs(want)) {
			t.Fatalf("ListSystemStats = %v, want newest first %v", statsIDs(all), statsIDs(want))
		}
		for i := range all {
			checkTimeForm(t, fmt.Sprintf("ListSystemStats[%d].Timestamp", i), all[i].Timestamp)
			checkStatsEqual(t, fmt.Sprintf("ListSystemStats[%d]", i), all[i], want[i])
		}
		for _, limit := range []int{1, 2, 5, 6} {
			got := mustListStats(t, s, limit)
			if w := statsIDs(want[:min(limit, len(want))]); !reflect.DeepEqual(statsIDs(got), w) {
				t.Errorf("ListSystemStats(%d) = %v, want %v", limit, statsIDs(got), w)
			}
		}
	})

	t.Run("ZeroTimestampMeansNow", func(t *testing.T) {
		s := open(t)
		w := begin()
		got := mustRecordStats(t, s, db.SystemStats{ActiveSessions: 1})
		w = w.end()
		w.checkNow(t, "Timestamp", got.Timestamp)
	})

	t.Run("SameTimestampNewestFirst", func(t *testing.T) {
		s := open(t)
		var want []string
		for i := range 5 {
			want = append(want, mustRecordStats(t, s, db.SystemStats{Timestamp: base, ActiveSessions: i}).ID)
		}
		for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
			want[i], want[j] = want[j], want[i]
		}
		if got := statsIDs(mustListStats(t, s, 10)); !reflect.DeepEqual(got, want) {
			t.Errorf("ListSystemStats of samples with one timestamp = %v, want the last recorded first %v", got, want)
		}
	})

	t.Run("ListEmpty", func(t *testing.T) {
		s := open(t)
		if got := mustListStats(t, s, 10); len(got) != 0 {
			t.Errorf("ListSystemStats on an empty store returned %d samples", len(got))
		}
	})

	t.Run("ListLimit", func(t *testing.T) {
		s := open(t)
		mustRecordStats(t, s, db.SystemStats{Timestamp: base})
		for _, limit := range []int{0, -1, db.MaxListLimit + 1} {
			_, err := s.ListSystemStats(ctx(t), limit)
			wantCode(t, err, db.ErrInvalid, fmt.Sprintf("ListSystemStats(%d)", limit))
		}
	})
}

func testCountActivity(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	c := ctx(t)
	count := func() db.Activity {
		t.Helper()
		a, err := s.CountActivity(c)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := count(); a != (db.Activity{}) {
		t.Errorf("an empty store counts %+v", a)
	}
	session := mustSession(t, s, "activity", "")
	mustFlows(t, s, session.ID, db.NewTestFlow{Name: "a", Instructions: "x", Approved: true},
		db.NewTestFlow{Name: "b", Instructions: "x", Approved: true}, db.NewTestFlow{Name: "c", Instructions: "x"})
	if _, _, err := s.StartRun(c, session.ID); err != nil {
		t.Fatal(err)
	}
	if a := count(); a != (db.Activity{RunningSessions: 1, QueuedFlows: 2}) {
		t.Errorf("after StartRun: %+v, want 1 running session and 2 queued flows", a)
	}
	f, err := s.ClaimFlow(c, "w", time.Minute)
	if err != nil || f == nil {
		t.Fatal(err)
	}
	if a := count(); a != (db.Activity{RunningSessions: 1, QueuedFlows: 1, RunningFlows: 1}) {
		t.Errorf("after a claim: %+v", a)
	}
	if _, _, err := s.FinishFlow(c, f.ID, "w", db.FlowOutcome{Passed: true}); err != nil {
		t.Fatal(err)
	}
	if a := count(); a != (db.Activity{RunningSessions: 1, QueuedFlows: 1, FinishedFlows: 1}) {
		t.Errorf("after a finish: %+v", a)
	}
}
