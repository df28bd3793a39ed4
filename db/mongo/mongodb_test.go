package mongo

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db/mongo/mongotest"

	"github.com/testing-agent/backend/db"
)

// The tests here need a real MongoDB: set MONGODB_URI. Those about
// transactions need a replica set or sharded cluster and skip, by what the
// server reports, on a standalone server.

// openRealStore opens a store on a fresh database of $MONGODB_URI and drops
// the database when t ends.
func openRealStore(t *testing.T, edit ...func(*Options)) (*Store, string) {
	t.Helper()
	uri := realMongoURI(t)
	database := mongotest.FreshDatabase("mongotest")
	t.Cleanup(func() { dropDatabase(t, uri, database) })
	return openTestStore(t, uri, database, edit...), database
}

func TestMongoDBIndexes(t *testing.T) {
	s, database := openRealStore(t)
	// Only FerretDB (which also lacks atomic updates) may lack TTL indexes.
	if s.caps.atomicUpdates && !s.caps.ttlIndexes {
		t.Errorf("%s reports no TTL indexes; every MongoDB has them", redactURI(realMongoURI(t)))
	}
	checkIndexes(t, s, DefaultStatsRetention)
	if !s.caps.ttlIndexes {
		t.Skipf("%s has no TTL indexes (FerretDB v1): nothing more to check", redactURI(realMongoURI(t)))
	}

	// A new retention updates the TTL index in place.
	again := openTestStore(t, realMongoURI(t), database, func(o *Options) { o.StatsRetention = 2 * time.Hour })
	checkIndexes(t, again, 2*time.Hour)
}

func TestMongoDBDocumentLayout(t *testing.T) {
	s, _ := openRealStore(t)
	checkDocumentLayout(t, s)
}

func TestMongoDBStoresTrickyLogData(t *testing.T) {
	s, _ := openRealStore(t)
	checkTrickyLogData(t, s)
}

// TestMongoDBTransactions checks that a replica set is detected as one and
// that multi-document changes from two stores (two processes, as when the
// server scales out) stay consistent.
func TestMongoDBTransactions(t *testing.T) {
	s, database := openRealStore(t)
	if !s.caps.transactions {
		t.Skipf("%s is a standalone server (hello reports no setName and no mongos): point %s at a replica set to test transactions",
			redactURI(realMongoURI(t)), mongoURIEnv)
	}
	other := openTestStore(t, realMongoURI(t), database)
	checkTwoStores(t, s, other)
}

// TestMongoDBTwoStoresWithoutTransactions is TestMongoDBTransactions on the
// crash-ordered path, which relies on atomic single-document updates only.
func TestMongoDBTwoStoresWithoutTransactions(t *testing.T) {
	noTxn := func(o *Options) { o.NoTransactions = true }
	s, database := openRealStore(t, noTxn)
	if !s.caps.atomicUpdates {
		t.Skipf("%s has no atomic single-document updates (FerretDB v1): only one store may write to a database", redactURI(realMongoURI(t)))
	}
	checkTwoStores(t, s, openTestStore(t, realMongoURI(t), database, noTxn))
}

// checkTwoStores runs concurrent flow creation and status claims through two
// stores on one database and fails t unless the orders are unique, the
// totals right and every claim won exactly once.
func checkTwoStores(t *testing.T, a, b *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	sess, err := a.CreateTestSession(ctx, db.NewTestSession{Name: "two stores"})
	if err != nil {
		t.Fatal(err)
	}
	const perStore, batch = 10, 3
	var (
		mu     sync.Mutex
		orders []int
		ids    []string
		errs   []error
		wg     sync.WaitGroup
	)
	for _, s := range []*Store{a, b, a, b} {
		wg.Go(func() {
			for i := range perStore {
				flows := make([]db.NewTestFlow, batch)
				for j := range flows {
					flows[j] = db.NewTestFlow{Name: fmt.Sprintf("f%d.%d", i, j), Instructions: "x"}
				}
				_, created, err := s.CreateTestFlows(ctx, sess.ID, flows)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				for _, f := range created {
					orders = append(orders, f.Order)
					ids = append(ids, f.ID)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d concurrent CreateTestFlows failed, first: %v", len(errs), errs[0])
	}
	total := 4 * perStore * batch
	slices.Sort(orders)
	if distinct := len(slices.Compact(orders)); distinct != total {
		t.Errorf("concurrent CreateTestFlows through two stores gave %d distinct orders for %d flows", distinct, total)
	}
	got, err := b.GetTestSession(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.TotalFlows != total {
		t.Errorf("TotalFlows = %d, want %d", got.TotalFlows, total)
	}

	// Every flow is claimed by both stores at once; each claim must win once,
	// and completing them all must count each once.
	var wins, conflicts int
	for _, id := range ids {
		for _, s := range []*Store{a, b} {
			wg.Go(func() {
				_, err := s.TransitionTestFlow(ctx, id, []db.FlowStatus{db.FlowPending}, db.FlowCompleted)
				mu.Lock()
				defer mu.Unlock()
				switch db.ErrorCode(err) {
				case "":
					wins++
				case db.ErrConflict:
					conflicts++
				default:
					errs = append(errs, err)
				}
			})
		}
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d concurrent TransitionTestFlow failed, first: %v", len(errs), errs[0])
	}
	if wins != total || conflicts != total {
		t.Errorf("concurrent claims: %d won and %d conflicted, want %d each", wins, conflicts, total)
	}
	if got, err = a.GetTestSession(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	if got.CompletedFlows != total {
		t.Errorf("CompletedFlows = %d, want %d", got.CompletedFlows, total)
	}
}
