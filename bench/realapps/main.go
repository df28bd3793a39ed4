// Command realapps runs the everyday flows on the vendored real apps
// (executor/testdata/apps) twice, side by side: in the executor, from the
// step-language flows, and in Playwright, from the same flows written for it
// (playwright/flows.mjs). It reports the passes on each side and flows per
// minute. Both use Debian's Chromium and the same number of concurrent
// browser contexts.
//
//	go run ./bench/realapps                      # both sides
//	go run ./bench/realapps -side executor       # no Node needed
//
// The Playwright side needs Node and, once, `npm ci` (or `npm install`) in
// bench/realapps/playwright; it is skipped, saying so, without them.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// outcome is one flow run on one side.
type outcome struct {
	App, Flow string
	Passed    bool
	Duration  time.Duration
	Error     string
}

// sideResult is one side's run of every flow on every app.
type sideResult struct {
	Side     string
	Outcomes []outcome
	Wall     time.Duration
	Skipped  string // why the side did not run
	Extra    string // side-specific numbers
}

func main() {
	appsDir := flag.String("apps", "executor/testdata/apps", "the vendored apps, with their flows in flows/")
	pwDir := flag.String("playwright", "bench/realapps/playwright", "the Playwright side (run.mjs, flows.mjs, node_modules)")
	side := flag.String("side", "both", "executor, playwright or both")
	contexts := flag.Int("contexts", 2, "flows run at once on each side, each in its own browser context")
	rounds := flag.Int("rounds", 1, "times every flow runs on each side")
	only := flag.String("only", "", "comma-separated app names to run (default: all)")
	verbose := flag.Bool("v", false, "print every flow's outcome")
	flag.Parse()

	apps, flows, err := load(*appsDir, *only)
	if err != nil {
		fmt.Fprintln(os.Stderr, "realapps:", err)
		os.Exit(1)
	}
	site := httptest.NewServer(http.FileServer(http.Dir(*appsDir))) // loopback only
	defer site.Close()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	fmt.Printf("%d apps × %d flows × %d round(s), %d contexts at a time, site %s\n\n", len(apps), len(flows), *rounds, *contexts, site.URL)
	// The sides take turns, round by round, so that a machine whose load
	// changes meanwhile (it is shared) weighs on both alike.
	var exec, pw *sideResult
	for range *rounds {
		if *side == "both" || *side == "executor" {
			exec = merge(exec, runExecutor(site.URL, apps, flows, *contexts, 1, logger))
		}
		if *side == "both" || *side == "playwright" {
			pw = merge(pw, runPlaywright(*pwDir, site.URL, apps, *contexts, 1))
		}
	}
	var results []sideResult
	for _, r := range []*sideResult{exec, pw} {
		if r != nil {
			results = append(results, *r)
		}
	}
	report(os.Stdout, results, *verbose)
}

// merge adds one round of a side to the rounds before it.
func merge(acc *sideResult, r sideResult) *sideResult {
	if acc == nil {
		return &r
	}
	acc.Outcomes = append(acc.Outcomes, r.Outcomes...)
	acc.Wall += r.Wall
	if r.Skipped != "" {
		acc.Skipped = r.Skipped
	}
	acc.Extra = r.Extra
	return acc
}

// load lists the apps (directories with an index.html) and reads the flows.
func load(dir, only string) ([]string, map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read the apps: %w (run from the repository root, or pass -apps)", err)
	}
	var apps []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "index.html")); err != nil {
			continue
		}
		if only == "" || slices.Contains(strings.Split(only, ","), e.Name()) {
			apps = append(apps, e.Name())
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "flows", "*.flow"))
	if err != nil || len(files) == 0 {
		return nil, nil, fmt.Errorf("no flows in %s/flows", dir)
	}
	flows := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, fmt.Errorf("read a flow: %w", err)
		}
		flows[strings.TrimSuffix(filepath.Base(f), ".flow")] = string(src)
	}
	return apps, flows, nil
}
