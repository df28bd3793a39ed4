package mongo

import (
	"context"
	"errors"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// A run's state lives on its flows: queuedAt is set from the moment a run
// takes a flow until the flow ends, so "queued" covers waiting and running
// flows; a claimed flow is running with leaseOwner and leaseExpires set.
// The run's files are artifacts.go's; StartRun and RetryFlow queue flows
// (run_start.go), ClaimFlow and RenewLease hand them to workers
// (run_claim.go), FinishFlow ends them and their session (run_finish.go),
// CancelRun and RecoverExpiredLeases end flows no worker finished
// (run_stop.go).

// isQueued is the filter clause of a run's flows, waiting or running.
var isQueued = bson.E{Key: "queuedAt", Value: bson.D{{Key: "$ne", Value: nil}}}

// runResultFields are what a run leaves on a flow.
var runResultFields = []string{"startedAt", "completedAt", "durationMs", "error", "steps", "leaseOwner", "leaseExpires"}

// resetRun is the update that forgets a flow's last run, leaves it
// pending, sets set and unsets unset.
func resetRun(set bson.D, unset ...string) bson.D {
	u := bson.D{}
	for _, f := range slices.Concat(runResultFields, unset) {
		u = append(u, bson.E{Key: f, Value: ""})
	}
	return bson.D{
		{Key: "$set", Value: append(bson.D{{Key: "status", Value: db.FlowPending}}, set...)},
		{Key: "$unset", Value: u},
	}
}

// getFlowDoc reads a flow; ErrNotFound when it does not exist.
func (s *Store) getFlowDoc(ctx context.Context, oid bson.ObjectID) (*flowDoc, error) {
	var doc flowDoc
	err := s.flows.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, flowNotFound(oid.Hex())
	}
	if err != nil {
		return nil, internal("get test flow", err)
	}
	return &doc, nil
}

// getSessionDoc reads a session; ErrNotFound when it does not exist.
func (s *Store) getSessionDoc(ctx context.Context, oid bson.ObjectID) (*sessionDoc, error) {
	var doc sessionDoc
	err := s.sessions.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, sessionNotFound(oid.Hex())
	}
	if err != nil {
		return nil, internal("get test session", err)
	}
	return &doc, nil
}

// findFlows returns the flows filter matches, in session order.
func (s *Store) findFlows(ctx context.Context, filter bson.D) ([]flowDoc, error) {
	opts := options.Find().SetSort(bson.D{{Key: "sessionId", Value: 1}, {Key: "order", Value: 1}})
	var docs []flowDoc
	if err := s.findAll(ctx, s.flows, filter, opts, &docs); err != nil {
		return nil, internal("list test flows", err)
	}
	return docs, nil
}

func flowsToDomain(docs []flowDoc) []*db.TestFlow {
	out := make([]*db.TestFlow, len(docs))
	for i := range docs {
		out[i] = docs[i].toDomain()
	}
	return out
}

// flowChange and sessionChange describe updates for the feed.
func flowChange(id, sessionID string) db.Change {
	return db.Change{Collection: db.CollTestFlows, Op: db.ChangeUpdate, ID: id, SessionID: sessionID}
}

func sessionChange(id string) db.Change {
	return db.Change{Collection: db.CollTestSessions, Op: db.ChangeUpdate, ID: id, SessionID: id}
}

// wholeSessionChanges describes an update of every flow of a session and
// of the session, for writes that touch them all. It reads the flow IDs
// after the write; if that fails, a reset stands in for them, so live
// queries re-read rather than miss the change. With a change stream it
// reads nothing: the stream reports the writes.
func (s *Store) wholeSessionChanges(ctx context.Context, oid bson.ObjectID) []db.Change {
	if s.stream != nil {
		return nil
	}
	id := oid.Hex()
	ids, err := s.flowIDsOf(ctx, oid)
	if err != nil {
		return []db.Change{resetChange}
	}
	changes := make([]db.Change, 0, len(ids)+1)
	for _, flowID := range ids {
		changes = append(changes, flowChange(flowID, id))
	}
	return append(changes, sessionChange(id))
}
