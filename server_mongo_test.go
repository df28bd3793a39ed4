package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db/mongo/mongotest"
)

// TestMongoBackendJourney starts the server with MONGODB_URI pointing at an
// embedded FerretDB: the TestPage journey passes, survives a restart, and
// the documents are in the seed's collections with ObjectIDs and BSON dates.
func TestMongoBackendJourney(t *testing.T) {
	ferret := mongotest.StartFerretDB(t, t.TempDir())
	database := mongotest.FreshDatabase("server")
	id := testRestartKeepsData(t, config{MongoURI: ferret.URI, MongoDatabase: database})

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := mongo.Connect(options.Client().ApplyURI(ferret.URI))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Disconnect(ctx)
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		t.Fatal(err)
	}
	var session bson.M
	if err := client.Database(database).Collection("testSessions").FindOne(ctx, bson.M{"_id": oid}).Decode(&session); err != nil {
		t.Fatalf("session %s not in testSessions: %v", id, err)
	}
	if _, ok := session["createdAt"].(bson.DateTime); !ok || session["name"] != "Login" {
		t.Errorf("stored session %v: want name Login and createdAt a BSON date", session)
	}
	flows, err := client.Database(database).Collection("testFlows").CountDocuments(ctx, bson.M{"sessionId": oid})
	if err != nil || flows != 3 {
		t.Errorf("testFlows holds %d flows of the session (err %v), want 3", flows, err)
	}
}

func TestUnreachableMongoEndsStartup(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		done <- run(context.Background(), config{Addr: "127.0.0.1:0", MongoURI: "mongodb://agent:secret@127.0.0.1:1/?serverSelectionTimeoutMS=500", MongoDatabase: "agent"}, nil)
	}()
	select {
	case err := <-done:
		msg := err.Error()
		if !strings.Contains(msg, "MongoDB") || !strings.Contains(msg, "127.0.0.1:1") || strings.Contains(msg, "secret") {
			t.Errorf("start-up error %q: want it to name MongoDB and the address, without the password", msg)
		}
	case <-time.After(40 * time.Second):
		t.Fatal("start-up with an unreachable MongoDB did not end within 40 s")
	}
}
