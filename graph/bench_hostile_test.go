package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// BenchmarkHostileOperations measures the process CPU the handler spends
// refusing each hostile document of testHostileOperations (target: under
// 50 ms each), called directly so no client work is counted.
//
//	go test ./graph -run '^$' -bench HostileOperations
func BenchmarkHostileOperations(b *testing.B) {
	api := startAPI(b, newSQLiteStore(b))
	for _, op := range append(hostileOperations(), hostileOperation{name: "normal query", query: `{ listTestSessions(limit: 20) { id name flows { id } } }`}) {
		body, err := json.Marshal(map[string]any{"query": op.query})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(op.name, func(b *testing.B) {
			start := processCPU()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				api.handler.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64(processCPU()-start)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
		})
	}
}

// processCPU is the CPU time (user and system) the process has used.
func processCPU() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
