package mongo

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/testing-agent/backend/db/mongo/mongotest"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/storetest"
)

// TestConformanceFerretDB runs the suite every backend passes against an
// embedded FerretDB: no transactions, no TTL indexes, so it covers the
// crash-ordered write paths.
func TestConformanceFerretDB(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	storetest.Run(t, func(t *testing.T) db.Store {
		return openSuiteStore(t, f.URI, Options{})
	})
}

// mongoURIEnv names the variable that points the tests at a real MongoDB.
const mongoURIEnv = "MONGODB_URI"

// realMongoURI returns $MONGODB_URI or skips t.
func realMongoURI(t *testing.T) string {
	uri := os.Getenv(mongoURIEnv)
	if uri == "" {
		t.Skipf("set %s to a MongoDB connection string (a replica set covers transactions) to run this test", mongoURIEnv)
	}
	return uri
}

// TestConformanceMongoDB runs the suite against $MONGODB_URI, once with the
// transactions the deployment supports and once without them.
func TestConformanceMongoDB(t *testing.T) {
	uri := realMongoURI(t)
	for _, c := range []struct {
		name           string
		noTransactions bool
	}{{"Detected", false}, {"NoTransactions", true}} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) db.Store {
				return openSuiteStore(t, uri, Options{NoTransactions: c.noTransactions})
			})
		})
	}
}

// openSuiteStore opens a store on a fresh database of uri for one subtest
// of the suite (which closes the store) and drops the database afterwards.
func openSuiteStore(t *testing.T, uri string, opts Options) db.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts.URI = uri
	opts.Database = mongotest.FreshDatabase("conformance")
	opts.Logger = quietLogger()
	s, err := Open(ctx, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { dropDatabase(t, uri, opts.Database) })
	return s
}
