// Package opstats counts the GraphQL operations a server answers, by name:
// how many, how many failed, and how long they took (mean and 95th
// percentile over the most recent ones), as the seed's dashboard showed
// function performance.
package opstats

import (
	"slices"
	"sync"
	"time"
)

const (
	// recent is how many durations per operation the percentile is taken
	// over.
	recent = 256
	// maxOperations bounds the names tracked; further ones count as Other,
	// so clients that invent names cannot grow the table without end.
	maxOperations = 200
	// Other names the operations past maxOperations.
	Other = "(other)"
)

// Stat is one operation's figures.
type Stat struct {
	Operation  string
	Count      int64
	ErrorCount int64
	MeanMs     float64
	P95Ms      float64
}

type entry struct {
	count, errors int64
	total         time.Duration
	recent        [recent]time.Duration
	next          int // where the next duration goes in recent
}

// Recorder collects figures; its zero value is ready to use.
type Recorder struct {
	mu  sync.Mutex
	ops map[string]*entry
}

// Record notes that operation took d and failed or not.
func (r *Recorder) Record(operation string, d time.Duration, failed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ops == nil {
		r.ops = map[string]*entry{}
	}
	e := r.ops[operation]
	if e == nil {
		if len(r.ops) >= maxOperations {
			operation = Other
			e = r.ops[Other]
		}
		if e == nil {
			e = &entry{}
			r.ops[operation] = e
		}
	}
	e.count++
	if failed {
		e.errors++
	}
	e.total += d
	e.recent[e.next%recent] = d
	e.next++
}

// Stats returns every operation's figures, busiest first.
func (r *Recorder) Stats() []Stat {
	r.mu.Lock()
	out := make([]Stat, 0, len(r.ops))
	for name, e := range r.ops {
		n := min(e.next, recent)
		durations := slices.Clone(e.recent[:n])
		slices.Sort(durations)
		out = append(out, Stat{
			Operation:  name,
			Count:      e.count,
			ErrorCount: e.errors,
			MeanMs:     ms(e.total) / float64(e.count),
			P95Ms:      ms(durations[(n*95+99)/100-1]),
		})
	}
	r.mu.Unlock()
	slices.SortFunc(out, func(a, b Stat) int {
		if a.Count != b.Count {
			return int(b.Count - a.Count)
		}
		if a.Operation < b.Operation {
			return -1
		}
		return 1
	})
	return out
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
