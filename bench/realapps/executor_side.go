package main

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// runExecutor runs every flow on every app in the executor's browser pool.
func runExecutor(site string, apps []string, flows map[string]string, contexts, rounds int, logger *slog.Logger) sideResult {
	res := sideResult{Side: "executor"}
	pool, err := browser.NewPool(browser.PoolOptions{Browsers: 1, ContextsPerBrowser: contexts, Logger: logger})
	if err != nil {
		res.Skipped = err.Error()
		return res
	}
	defer pool.Close()
	// Start the browser before the clock, as the Playwright side launches its own first.
	if s, err := pool.Acquire(context.Background()); err == nil {
		s.Release()
	} else {
		res.Skipped = "no browser: " + err.Error()
		return res
	}

	type job struct{ app, name string }
	var jobs []job
	for range rounds {
		for _, app := range apps {
			for _, name := range sortedKeys(flows) {
				jobs = append(jobs, job{app, name})
			}
		}
	}
	parsed := map[string][]steps.Step{}
	for name, src := range flows {
		list, errs := steps.Parse(src)
		if errs != nil {
			res.Skipped = fmt.Sprintf("flow %s does not parse: %v", name, errs)
			return res
		}
		parsed[name] = list
	}

	var mu sync.Mutex
	var opens []time.Duration
	queue := make(chan job)
	var wg sync.WaitGroup
	start := time.Now()
	for range contexts {
		wg.Go(func() {
			for j := range queue {
				t0 := time.Now()
				s, err := pool.Acquire(context.Background())
				if err != nil {
					mu.Lock()
					res.Outcomes = append(res.Outcomes, outcome{App: j.app, Flow: j.name, Error: err.Error(), Duration: time.Since(t0)})
					mu.Unlock()
					continue
				}
				opened := time.Since(t0)
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				run := s.Run(ctx, parsed[j.name], browser.RunOptions{BaseURL: site + "/" + j.app + "/"}, nil)
				cancel()
				s.Release()
				mu.Lock()
				opens = append(opens, opened)
				res.Outcomes = append(res.Outcomes, outcome{App: j.app, Flow: j.name, Passed: run.Passed, Error: run.Error, Duration: time.Since(t0)})
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	res.Wall = time.Since(start)
	res.Extra = fmt.Sprintf("context open: median %s", median(opens).Round(100*time.Microsecond))
	return res
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
