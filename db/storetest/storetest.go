// Package storetest is the conformance suite that every backend of db.Store
// must pass. A backend runs it from one of its own tests:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) db.Store {
//			s, err := mybackend.Open(...)
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// newStore must return a fresh, empty store each time it is called; the suite
// closes it when the subtest ends. The suite checks only behaviour visible
// through db.Store while the store is open: restarts and durability are each
// backend's own tests.
//
// Where the db package's comments leave a choice, the suite decides:
//   - every time a store returns is UTC with whole milliseconds; explicit
//     timestamps (logs, stats) are truncated to the millisecond; a zero
//     SystemStats.Timestamp means now, as for logs;
//   - ListTestFlows, ListBrowserSessions and ListExecutionLogs of a session
//     that does not exist (or was deleted) are ErrNotFound, not empty;
//   - ties in time order by ID: sessions and stats samples newest first (ID
//     descending), browser sessions and logs oldest first (ID ascending);
//   - a flow created after a delete orders after every remaining flow;
//     orders are not required to be renumbered;
//   - log Data `null` stays a JSON null (non-nil); nil Data stays nil;
//   - a well-formed ID of the wrong kind (a session's ID given as a flow's)
//     is ErrNotFound; an unknown flow or browser session ID inside a new
//     browser session or log is not checked.
package storetest

import (
	"context"
	"testing"

	"github.com/testing-agent/backend/db"
)

// Run runs the conformance suite. newStore returns a fresh, empty store for
// each subtest; the suite closes it when that subtest ends.
func Run(t *testing.T, newStore func(t *testing.T) db.Store) {
	t.Helper()
	open := func(t *testing.T) db.Store {
		t.Helper()
		s := newStore(t)
		if s == nil {
			t.Fatal("newStore returned a nil store")
		}
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}

	groups := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) db.Store)
	}{
		{"Ping", testPing},
		{"Sessions", testSessions},
		{"Flows", testFlows},
		{"DeleteTestSession", testDeleteSession},
		{"Transitions", testTransitions},
		{"BrowserSessions", testBrowserSessions},
		{"Logs", testLogs},
		{"SystemStats", testSystemStats},
		{"IDValidation", testIDValidation},
		{"Concurrency", testConcurrency},
		{"ChangeFeed", testChangeFeed},
		{"LastExecutionLog", testLastExecutionLog},
		{"Runs", testRuns},
		{"UpdateBrowserSession", testUpdateBrowserSession},
		{"SetSessionMetadata", testSetSessionMetadata},
		{"CountActivity", testCountActivity},
		{"ListSessionsWithStatus", testListSessionsWithStatus},
		{"Claimers", testClaimers},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) { g.run(t, open) })
	}
}

func testPing(t *testing.T, open func(t *testing.T) db.Store) {
	s := open(t)
	if err := s.Ping(ctx(t)); err != nil {
		t.Fatalf("Ping on a fresh store: %v", err)
	}
}

// ctx returns the context for store calls in t.
func ctx(t *testing.T) context.Context {
	return t.Context()
}
