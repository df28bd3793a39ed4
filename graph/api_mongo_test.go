package graph_test

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/mongo"
	"github.com/testing-agent/backend/db/mongo/mongotest"
)

// TestAPIOnMongo runs the API suite once on the MongoDB backend, connected
// to an embedded FerretDB, and again on a real MongoDB when MONGODB_URI is set.
func TestAPIOnMongo(t *testing.T) {
	t.Run("FerretDB", func(t *testing.T) {
		ferret := mongotest.StartFerretDB(t, t.TempDir())
		runAPISuite(t, newMongoStore(ferret.URI))
		runSubscriptionSuite(t, newMongoStore(ferret.URI))
	})
	t.Run("MongoDB", func(t *testing.T) {
		uri := os.Getenv("MONGODB_URI")
		if uri == "" {
			t.Skip("set MONGODB_URI to run the API suite on a real MongoDB")
		}
		runAPISuite(t, newMongoStore(uri))
		runSubscriptionSuite(t, newMongoStore(uri))
	})
}

func newMongoStore(uri string) newStoreFunc {
	return func(t testing.TB) db.Store {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		store, err := mongo.Open(ctx, mongo.Options{URI: uri, Database: mongotest.FreshDatabase("graph"), Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		return store
	}
}
