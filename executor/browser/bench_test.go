package browser

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchFlows are the two ~6-step flows BenchmarkFlows alternates.
var benchFlows = []string{
	`Go to /form.html
Select "Pro" from the "Plan" dropdown
Check "I agree to the terms"
Click "Continue"
Expect the page contains "Plan: Pro"
Expect there are no console errors`,
	`Go to /list.html#still
Type "Bread" into "New item"
Press Enter
Expect there are 3 "Delete" buttons
Click the 2nd "Delete" button
Expect the page does not contain "Eggs"`,
}

// BenchmarkFlows runs 40 flows per iteration with 2 concurrent contexts on
// one warm browser and reports throughput, the cost of opening and closing a
// context, and the memory one context with a loaded page adds.
func BenchmarkFlows(b *testing.B) {
	const flowsPerOp, workers = 40, 2
	p := newPool(b, PoolOptions{Browsers: 1, ContextsPerBrowser: workers})
	warm := acquire(b, p) // start Chromium outside the measurement
	warm.Release()

	var opened, closed, flows atomic.Int64
	var openNanos, closeNanos atomic.Int64
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= flowsPerOp {
						return
					}
					t0 := time.Now()
					s := acquire(b, p)
					openNanos.Add(int64(time.Since(t0)))
					opened.Add(1)
					res := s.Run(context.Background(), parse(b, benchFlows[i%int64(len(benchFlows))]), runOpts(passTimeout), nil)
					if !res.Passed {
						b.Errorf("flow %d failed: %s", i, res.Error)
					}
					flows.Add(1)
					t1 := time.Now()
					s.Release()
					closeNanos.Add(int64(time.Since(t1)))
					closed.Add(1)
				}
			})
		}
		wg.Wait()
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(flows.Load())/elapsed.Minutes(), "flows/min")
	b.ReportMetric(float64(openNanos.Load())/float64(opened.Load())/1e6, "open-ms/flow")
	b.ReportMetric(float64(closeNanos.Load())/float64(closed.Load())/1e6, "close-ms/flow")
	if mb, ok := memoryPerContext(b); ok {
		b.ReportMetric(mb, "MB/context")
	}
}

// memoryPerContext opens contexts with a loaded page on a fresh browser and
// divides the growth of the browser's proportional set size (PSS of all its
// processes) by their number.
func memoryPerContext(b *testing.B) (float64, bool) {
	const n = 4
	p := newPool(b, PoolOptions{Browsers: 1, ContextsPerBrowser: n})
	warm := acquire(b, p)
	pid := warm.Info().PID
	warm.Release()
	time.Sleep(500 * time.Millisecond) // let the disposed renderer exit
	before, ok := groupMemory(pid)
	if !ok {
		return 0, false
	}
	sessions := make([]*Session, 0, n)
	for range n {
		s := acquire(b, p)
		sessions = append(sessions, s)
		if res := s.Run(context.Background(), parse(b, "Go to /form.html"), runOpts(passTimeout), nil); !res.Passed {
			b.Fatalf("load a page: %s", res.Error)
		}
	}
	after, ok := groupMemory(pid)
	for _, s := range sessions {
		s.Release()
	}
	if !ok {
		return 0, false
	}
	return float64(after-before) / n / (1 << 20), true
}

// groupMemory sums the PSS (or RSS where PSS is unknown) of every process in
// the process group, in bytes.
func groupMemory(pgid int) (int64, bool) {
	var total int64
	members := groupMembers(pgid)
	for _, pid := range members {
		kb, ok := procKB(filepath.Join("/proc", strconv.Itoa(pid), "smaps_rollup"), "Pss:")
		if !ok {
			kb, ok = procKB(filepath.Join("/proc", strconv.Itoa(pid), "status"), "VmRSS:")
		}
		if ok {
			total += kb << 10
		}
	}
	return total, len(members) > 0 && total > 0
}

func procKB(path, field string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

// BenchmarkOpenContext measures what the warm spare saves each flow:
// opening an incognito context with its prepared page, and closing it.
func BenchmarkOpenContext(b *testing.B) {
	p := newPool(b, PoolOptions{Browsers: 1, ContextsPerBrowser: 1})
	warm := acquire(b, p)
	in := warm.in
	warm.Release()
	for b.Loop() {
		s, err := p.openSession(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		s.cancel(errReleased)
		s.dispose()
	}
}
