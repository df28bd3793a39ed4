package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// Where the deployment has change streams, the store's feed carries the
// events of one database-level stream (changestream.go): every write to the
// database, this process's and others'. Elsewhere the store publishes each
// write it makes, once the write succeeded, and writes made by other
// processes on the same database do not reach its watchers.

// Watch returns a watcher of the store's feed.
func (s *Store) Watch() *db.Watcher { return s.feed.Watch() }

// publish hands changes of a successful write to the watchers, unless a
// change stream feeds them: the write arrives through it, and publishing
// here too would deliver it twice.
func (s *Store) publish(changes ...db.Change) {
	if s.stream != nil {
		return
	}
	s.feed.Publish(changes...)
}

// changeOf describes a change to a document; sessionID is "" for documents
// of no session (statistics).
func changeOf(collection string, op db.ChangeOp, id bson.ObjectID, sessionID string) db.Change {
	return db.Change{Collection: collection, Op: op, ID: id.Hex(), SessionID: sessionID}
}

// WatchOnly returns a watcher of the changes matching reads.
func (s *Store) WatchOnly(reads ...db.Interest) *db.Watcher { return s.feed.WatchOnly(reads...) }

// Track follows one evaluation of a live query (db.Tracker).
func (s *Store) Track(ctx context.Context, notify func()) (context.Context, *db.Tracker) {
	return s.feed.Track(ctx, notify)
}
