package opstats

import (
	"fmt"
	"testing"
	"time"
)

func TestRecorder(t *testing.T) {
	var r Recorder
	for i := 1; i <= 100; i++ {
		r.Record("ListSessions", time.Duration(i)*time.Millisecond, i%10 == 0)
	}
	r.Record("CreateSession", 4*time.Millisecond, false)
	stats := r.Stats()
	if len(stats) != 2 || stats[0].Operation != "ListSessions" || stats[1].Operation != "CreateSession" {
		t.Fatalf("stats %+v, want the busiest first", stats)
	}
	s := stats[0]
	if s.Count != 100 || s.ErrorCount != 10 || s.MeanMs != 50.5 || s.P95Ms != 95 {
		t.Errorf("ListSessions %+v, want 100 calls, 10 errors, mean 50.5 ms, p95 95 ms", s)
	}
	if c := stats[1]; c.Count != 1 || c.MeanMs != 4 || c.P95Ms != 4 {
		t.Errorf("CreateSession %+v", c)
	}
}

func TestRecorderBoundsNames(t *testing.T) {
	var r Recorder
	for i := range maxOperations + 50 {
		r.Record(fmt.Sprint("op", i), time.Millisecond, false)
	}
	stats := r.Stats()
	if len(stats) != maxOperations+1 {
		t.Fatalf("%d operations tracked, want %d and %s", len(stats), maxOperations, Other)
	}
	if stats[0].Operation != Other || stats[0].Count != 50 {
		t.Errorf("busiest is %+v, want %s with the 50 past the bound", stats[0], Other)
	}
}

func TestPercentileOverRecentDurations(t *testing.T) {
	var r Recorder
	for range recent {
		r.Record("q", time.Second, false)
	}
	for range recent {
		r.Record("q", time.Millisecond, false) // the slow ones are no longer recent
	}
	if p := r.Stats()[0].P95Ms; p != 1 {
		t.Errorf("p95 %v ms, want 1 (over the most recent %d)", p, recent)
	}
}
