package mongo

import (
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// The store publishes each write it makes, once the write succeeded, to the
// watchers of its in-process feed. Writes made by other processes on the
// same database do not reach it; a change stream (replica sets only) would
// carry those.

// Watch returns a watcher of the changes this store makes.
func (s *Store) Watch() *db.Watcher { return s.feed.Watch() }

// publish hands changes of a successful write to the watchers.
func (s *Store) publish(changes ...db.Change) { s.feed.Publish(changes...) }

// changeOf describes a change to a document; sessionID is "" for documents
// of no session (statistics).
func changeOf(collection string, op db.ChangeOp, id bson.ObjectID, sessionID string) db.Change {
	return db.Change{Collection: collection, Op: op, ID: id.Hex(), SessionID: sessionID}
}
