package main

import (
	"fmt"
	"io"
	"time"
)

// report prints each side's passes, flows per minute and median flow, then
// the failures.
func report(w io.Writer, results []sideResult, verbose bool) {
	fmt.Fprintf(w, "%-11s %8s %10s %11s %12s  %s\n", "side", "passed", "wall", "flows/min", "median flow", "")
	for _, r := range results {
		if r.Skipped != "" {
			fmt.Fprintf(w, "%-11s skipped: %s\n", r.Side, r.Skipped)
			continue
		}
		passed := 0
		durations := make([]time.Duration, 0, len(r.Outcomes))
		for _, o := range r.Outcomes {
			if o.Passed {
				passed++
			}
			durations = append(durations, o.Duration)
		}
		perMinute := 0.0
		if r.Wall > 0 {
			perMinute = float64(len(r.Outcomes)) / r.Wall.Minutes()
		}
		fmt.Fprintf(w, "%-11s %4d/%-3d %10s %11.1f %12s  %s\n", r.Side, passed, len(r.Outcomes),
			r.Wall.Round(10*time.Millisecond), perMinute, median(durations).Round(time.Millisecond), r.Extra)
	}
	for _, r := range results {
		for _, o := range r.Outcomes {
			if !o.Passed || verbose {
				status := "FAIL"
				if o.Passed {
					status = "ok  "
				}
				fmt.Fprintf(w, "%s %-10s %-11s %-18s %6s %s\n", status, r.Side, o.App, o.Flow, o.Duration.Round(time.Millisecond), o.Error)
			}
		}
	}
}
