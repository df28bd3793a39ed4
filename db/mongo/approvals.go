package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// SetFlowsApproved approves or unapproves flows, all or none. Steps: read
// all the flows and refuse (changing nothing) if one is unknown, orphaned,
// running or queued; then update them with "not running, not queued" in the
// filter. Without transactions a flow may start running or be queued
// between the two steps; the update then matches fewer flows, and the flows
// it did change are set back before the call reports the conflict.
func (s *Store) SetFlowsApproved(ctx context.Context, ids []string, approved bool) ([]*db.TestFlow, error) {
	if err := db.ValidateFlowIDs(ids); err != nil {
		return nil, err
	}
	oids := make([]bson.ObjectID, len(ids))
	unique := bson.A{}
	seen := map[bson.ObjectID]bool{}
	for i, id := range ids {
		oid, err := parseID("flowIds", id)
		if err != nil {
			return nil, err
		}
		oids[i] = oid
		if !seen[oid] {
			seen[oid] = true
			unique = append(unique, oid)
		}
	}
	var out []*db.TestFlow
	err := s.atomically(ctx, func(ctx context.Context) error {
		out = nil
		byID, err := s.loadFlowsForApproval(ctx, oids, unique)
		if err != nil {
			return err
		}
		inIDs := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: unique}}}}
		res, err := s.flows.UpdateMany(ctx,
			append(inIDs, notRunning, notQueued),
			bson.D{{Key: "$set", Value: bson.D{{Key: "approved", Value: approved}}}})
		if err != nil {
			return internal("set flows approved", err)
		}
		if res.MatchedCount != int64(len(unique)) {
			return s.undoApproval(ctx, byID, approved)
		}
		out = make([]*db.TestFlow, len(oids))
		for i, oid := range oids {
			doc := byID[oid]
			doc.Approved = approved
			out[i] = doc.toDomain()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	changes := make([]db.Change, len(out))
	for i, f := range out {
		changes[i] = db.Change{Collection: db.CollTestFlows, Op: db.ChangeUpdate, ID: f.ID, SessionID: f.SessionID}
	}
	s.publish(changes...)
	return out, nil
}

// loadFlowsForApproval reads the flows and checks, naming the first flow
// that fails, that every one exists (in the order asked), belongs to a live
// session, and is neither running nor queued.
func (s *Store) loadFlowsForApproval(ctx context.Context, oids []bson.ObjectID, unique bson.A) (map[bson.ObjectID]flowDoc, error) {
	var docs []flowDoc
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: unique}}}}
	if err := s.findAll(ctx, s.flows, filter, options.Find(), &docs); err != nil {
		return nil, internal("load test flows", err)
	}
	byID := make(map[bson.ObjectID]flowDoc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, oid := range oids {
		if _, ok := byID[oid]; !ok {
			return nil, flowNotFound(oid.Hex())
		}
	}
	if err := s.requireFlowSessions(ctx, docs); err != nil {
		return nil, err
	}
	for _, oid := range oids {
		switch f := byID[oid]; {
		case f.Status == db.FlowRunning:
			return nil, flowRunning(oid.Hex(), "approve or unapprove")
		case f.QueuedAt != nil:
			return nil, flowQueued(oid.Hex(), "approve or unapprove")
		}
	}
	return byID, nil
}

// undoApproval restores the approval of flows an UpdateMany changed when it
// could not change them all, and reports the conflict.
func (s *Store) undoApproval(ctx context.Context, before map[bson.ObjectID]flowDoc, approved bool) error {
	changed := bson.A{}
	for oid, d := range before {
		if d.Approved != approved {
			changed = append(changed, oid)
		}
	}
	if len(changed) > 0 {
		_, err := s.flows.UpdateMany(ctx,
			bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: changed}}}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "approved", Value: !approved}}}})
		if err != nil {
			return internal("undo a partial approval", err)
		}
	}
	return db.Errorf(db.ErrConflict, "a flow started running, was queued or was deleted while approving; nothing changed, try again")
}
