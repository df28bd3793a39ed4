package planner

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

// BenchmarkGenerateSinglePageApp times a whole generation (crawl,
// trials, running every proposed flow once) on each vendored app, with the
// planner's default bounds, as the server runs it:
//
//	go test ./planner/ -run '^$' -bench GenerateSinglePageApp -benchtime 1x
func BenchmarkGenerateSinglePageApp(b *testing.B) {
	pool := pool(b)
	spec := readAppSpec(b)
	apps := httptest.NewServer(http.FileServer(http.Dir(appsDir)))
	defer apps.Close()
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range spec.Apps {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			prompt := strings.ReplaceAll(spec.Prompt, "{url}", apps.URL+"/"+name+"/")
			flows := 0
			for b.Loop() {
				store := newStore(b)
				session := newSession(b, store, prompt)
				p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
				ended, proposed := generateWithin(b, p, store, session.ID, 5*time.Minute)
				if ended.Status != db.SessionReady {
					b.Fatalf("status %s (%s)", ended.Status, errorMessage(ended))
				}
				flows = len(proposed)
			}
			b.ReportMetric(float64(flows), "flows")
		})
	}
}
