package mongo

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// Run tests on a real MongoDB: set MONGODB_URI (see mongodb_test.go).

func TestMongoDBRunLayout(t *testing.T) {
	s, _ := openRealStore(t)
	checkRunLayout(t, s)
	checkOldDocuments(t, s)
	checkArtifactsOnGridFS(t, s)
}

// TestMongoDBRunQueriesUseIndexes fails unless the planner serves
// ClaimFlow's query and sort, and RecoverExpiredLeases' query, from their
// indexes.
func TestMongoDBRunQueriesUseIndexes(t *testing.T) {
	s, _ := openRealStore(t)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	// Enough flows, queued and running, that a plan on the wrong index
	// loses its trial.
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "plans"})
	if err != nil {
		t.Fatal(err)
	}
	in := make([]db.NewTestFlow, 60)
	for i := range in {
		in[i] = db.NewTestFlow{Name: fmt.Sprint("f", i), Instructions: "x", Approved: true}
	}
	if _, _, err := s.CreateTestFlows(ctx, sess.ID, in); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.StartRun(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		lease := time.Hour
		if i == 0 {
			lease = time.Second
		}
		if _, err := s.ClaimFlow(ctx, "w", lease); err != nil {
			t.Fatal(err)
		}
	}

	claim := explainFind(t, s, bson.D{{Key: "status", Value: db.FlowPending}, isQueued}, claimSort)
	if !slices.Contains(claim.indexes, "status_1_queuedAt_1_order_1") || claim.sorts {
		t.Errorf("ClaimFlow's query runs on indexes %v (blocking sort: %v), want status_1_queuedAt_1_order_1 and no sort", claim.indexes, claim.sorts)
	}
	expired := bson.D{{Key: "status", Value: db.FlowRunning}, {Key: "leaseExpires", Value: bson.D{{Key: "$lt", Value: db.Now().Add(time.Minute)}}}}
	recovery := explainFind(t, s, expired, nil)
	if !slices.Contains(recovery.indexes, "status_1_leaseExpires_1") {
		t.Errorf("RecoverExpiredLeases' query runs on indexes %v, want status_1_leaseExpires_1", recovery.indexes)
	}
}

// plan is what the tests read from a winning query plan.
type plan struct {
	indexes []string // the indexes it scans
	sorts   bool     // whether it sorts in memory
}

func explainFind(t *testing.T, s *Store, filter, sort bson.D) plan {
	t.Helper()
	find := bson.D{{Key: "find", Value: testFlowsCollection}, {Key: "filter", Value: filter}, {Key: "limit", Value: 1}}
	if sort != nil {
		find = append(find, bson.E{Key: "sort", Value: sort})
	}
	raw, err := s.flows.Database().RunCommand(t.Context(),
		bson.D{{Key: "explain", Value: find}, {Key: "verbosity", Value: "queryPlanner"}}).Raw()
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	winning, err := raw.LookupErr("queryPlanner", "winningPlan")
	if err != nil {
		t.Fatalf("explain has no winning plan: %s", raw)
	}
	var p plan
	walkPlan(winning, &p)
	return p
}

// walkPlan collects the stages of a plan, however the server nests them
// (inputStage, inputStages, queryPlan).
func walkPlan(v bson.RawValue, p *plan) {
	var doc bson.Raw
	switch v.Type {
	case bson.TypeEmbeddedDocument:
		doc = v.Document()
	case bson.TypeArray:
		doc = bson.Raw(v.Array())
	default:
		return
	}
	elems, err := doc.Elements()
	if err != nil {
		return
	}
	for _, e := range elems {
		switch value := e.Value(); {
		case e.Key() == "indexName" && value.Type == bson.TypeString:
			p.indexes = append(p.indexes, value.StringValue())
		case e.Key() == "stage" && value.Type == bson.TypeString && value.StringValue() == "SORT":
			p.sorts = true
		default:
			walkPlan(value, p)
		}
	}
}

// TestMongoDBClaimsAcrossStores has workers of two stores (two processes)
// claim and finish one run's flows, with the transactions the deployment
// has and without them.
func TestMongoDBClaimsAcrossStores(t *testing.T) {
	for _, c := range []struct {
		name           string
		noTransactions bool
	}{{"Detected", false}, {"NoTransactions", true}} {
		t.Run(c.name, func(t *testing.T) {
			edit := func(o *Options) { o.NoTransactions = c.noTransactions }
			a, database := openRealStore(t, edit)
			if !a.caps.atomicUpdates {
				t.Skipf("%s has no atomic single-document updates (FerretDB v1): only one store may write to a database", redactURI(realMongoURI(t)))
			}
			checkClaimsAcrossStores(t, a, openTestStore(t, realMongoURI(t), database, edit))
		})
	}
}

// checkClaimsAcrossStores fails t unless every flow is claimed exactly
// once and the session ends exactly once, completed.
func checkClaimsAcrossStores(t *testing.T, a, b *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	const flows, workersPerStore = 30, 4
	sess, err := a.CreateTestSession(ctx, db.NewTestSession{Name: "two stores"})
	if err != nil {
		t.Fatal(err)
	}
	in := make([]db.NewTestFlow, flows)
	for i := range in {
		in[i] = db.NewTestFlow{Name: fmt.Sprint("f", i), Instructions: "x", Approved: true}
	}
	if _, _, err := a.CreateTestFlows(ctx, sess.ID, in); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.StartRun(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		claimed = map[string]string{}
		ends    int
		errs    []error
		wg      sync.WaitGroup
	)
	for w := range 2 * workersPerStore {
		s := []*Store{a, b}[w%2]
		worker := fmt.Sprint("worker-", w)
		wg.Go(func() {
			for range flows {
				f, err := s.ClaimFlow(ctx, worker, time.Minute)
				if err != nil || f == nil {
					mu.Lock()
					if err != nil {
						errs = append(errs, err)
					}
					mu.Unlock()
					return
				}
				_, ended, err := s.FinishFlow(ctx, f.ID, worker, db.FlowOutcome{Passed: true})
				mu.Lock()
				if other, dup := claimed[f.ID]; dup {
					errs = append(errs, fmt.Errorf("flow %s claimed by %s and %s", f.Name, other, worker))
				}
				claimed[f.ID] = worker
				if err != nil {
					errs = append(errs, err)
				}
				if ended != nil {
					ends++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d errors, first: %v", len(errs), errs[0])
	}
	if len(claimed) != flows || ends != 1 {
		t.Errorf("%d flows claimed and the session ended %d times; want %d and once", len(claimed), ends, flows)
	}
	got, err := a.GetTestSession(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != db.SessionCompleted || got.CompletedFlows != flows || got.FailedFlows != 0 {
		t.Errorf("session = %+v, want completed %d/%d", got, flows, flows)
	}
}
