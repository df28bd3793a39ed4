package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
)

const (
	workers    = 8
	perWorker  = 10
	concurrent = workers * perWorker
	// concurrencyTimeout bounds each concurrent phase, so a deadlocked
	// backend fails the test instead of hanging it.
	concurrencyTimeout = 2 * time.Minute
)

// parallel runs f(ctx, w, i) for w in [0, workers) and i in [0, perWorker),
// each worker in its own goroutine, and returns the errors, at most one a call.
func parallel(t *testing.T, f func(ctx context.Context, w, i int) error) []error {
	t.Helper()
	c, cancel := context.WithTimeout(ctx(t), concurrencyTimeout)
	defer cancel()
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	start := make(chan struct{})
	for w := range workers {
		wg.Go(func() {
			<-start
			for i := range perWorker {
				if err := f(c, w, i); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("worker %d call %d: %w", w, i, err))
					mu.Unlock()
				}
			}
		})
	}
	close(start)
	wg.Wait()
	return errs
}

func reportErrors(t *testing.T, what string, errs []error) {
	t.Helper()
	if len(errs) == 0 {
		return
	}
	msgs := make([]string, 0, 5)
	for _, err := range errs[:min(5, len(errs))] {
		msgs = append(msgs, err.Error())
	}
	t.Fatalf("%s: %d of %d concurrent calls failed, e.g.:\n\t%s", what, len(errs), concurrent, strings.Join(msgs, "\n\t"))
}

func testConcurrency(t *testing.T, open func(t *testing.T) db.Store) {
	t.Run("CreateTestFlows", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "concurrent flows", "")
		var (
			mu      sync.Mutex
			orders  []int
			created []string
		)
		errs := parallel(t, func(c context.Context, w, i int) error {
			got, flows, err := s.CreateTestFlows(c, sess.ID, []db.NewTestFlow{newFlow(fmt.Sprintf("w%d i%d", w, i))})
			if err != nil {
				return err
			}
			if len(flows) != 1 || flows[0] == nil || got == nil {
				return fmt.Errorf("CreateTestFlows returned %d flows and session %v", len(flows), got)
			}
			// The session returned counts at least the flows created so far.
			if got.TotalFlows < flows[0].Order || got.TotalFlows > concurrent {
				return fmt.Errorf("CreateTestFlows returned TotalFlows %d with a flow of Order %d", got.TotalFlows, flows[0].Order)
			}
			mu.Lock()
			orders = append(orders, flows[0].Order)
			created = append(created, flows[0].ID)
			mu.Unlock()
			return nil
		})
		reportErrors(t, "CreateTestFlows", errs)

		wantOrders := make([]int, concurrent)
		for i := range wantOrders {
			wantOrders[i] = i + 1
		}
		slices.Sort(orders)
		if !slices.Equal(orders, wantOrders) {
			t.Errorf("orders returned by concurrent CreateTestFlows = %v, want 1..%d each once", orders, concurrent)
		}
		if n := mustGetSession(t, s, sess.ID).TotalFlows; n != concurrent {
			t.Errorf("TotalFlows after %d concurrent creates = %d", concurrent, n)
		}
		list := mustListFlows(t, s, sess.ID)
		listed := make([]int, len(list))
		for i, f := range list {
			listed[i] = f.Order
		}
		if !slices.Equal(listed, wantOrders) {
			t.Errorf("ListTestFlows orders after concurrent creates = %v, want 1..%d in order", listed, concurrent)
		}
		slices.Sort(created)
		if got := slices.Sorted(slices.Values(flowIDs(list))); !slices.Equal(got, created) {
			t.Errorf("ListTestFlows does not hold exactly the %d flows created", len(created))
		}
	})

	t.Run("CreateTestSessions", func(t *testing.T) {
		s := open(t)
		var (
			mu      sync.Mutex
			created []string
		)
		errs := parallel(t, func(c context.Context, w, i int) error {
			got, err := s.CreateTestSession(c, db.NewTestSession{Name: fmt.Sprintf("w%d i%d", w, i)})
			if err != nil {
				return err
			}
			mu.Lock()
			created = append(created, got.ID)
			mu.Unlock()
			return nil
		})
		reportErrors(t, "CreateTestSession", errs)
		list := mustListSessions(t, s, db.MaxListLimit)
		if got, want := slices.Sorted(slices.Values(sessionIDs(list))), slices.Sorted(slices.Values(created)); !slices.Equal(got, want) {
			t.Fatalf("ListTestSessions returned %d sessions, want exactly the %d created", len(got), len(want))
		}
		for i := 1; i < len(list); i++ {
			a, b := list[i-1], list[i]
			if a.CreatedAt.Before(b.CreatedAt) || a.CreatedAt.Equal(b.CreatedAt) && a.ID < b.ID {
				t.Errorf("ListTestSessions[%d] (%v, %s) is listed before the newer [%d] (%v, %s)", i-1, a.CreatedAt, a.ID, i, b.CreatedAt, b.ID)
			}
		}
	})

	t.Run("AppendExecutionLog", func(t *testing.T) {
		s := open(t)
		sess := mustSession(t, s, "concurrent logs", "")
		var (
			mu   sync.Mutex
			logs []*db.ExecutionLog
		)
		errs := parallel(t, func(c context.Context, w, i int) error {
			l, err := s.AppendExecutionLog(c, db.NewExecutionLog{SessionID: sess.ID, Level: db.LogInfo, Message: fmt.Sprintf("w%d i%d", w, i)})
			if err != nil {
				return err
			}
			mu.Lock()
			logs = append(logs, l)
			mu.Unlock()
			return nil
		})
		reportErrors(t, "AppendExecutionLog", errs)
		checkPages(t, s, db.LogQuery{SessionID: sess.ID, Limit: 7}, sortedLogs(logs))
	})
}
