package sqlite_test

import (
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/db/storetest"
)

// TestConformance runs the suite every db.Store backend must pass, on a fresh
// store per subtest: in memory, and in a data directory (the default mode,
// with its separate reader pool).
func TestConformance(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts func(t *testing.T) sqlite.Options
	}{
		{"InMemory", func(*testing.T) sqlite.Options { return sqlite.Options{InMemory: true} }},
		{"OnDisk", func(t *testing.T) sqlite.Options { return sqlite.Options{Dir: t.TempDir()} }},
	} {
		t.Run(mode.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) db.Store {
				s, err := sqlite.Open(t.Context(), mode.opts(t))
				if err != nil {
					t.Fatalf("sqlite.Open: %v", err)
				}
				return s
			})
		})
	}
}
