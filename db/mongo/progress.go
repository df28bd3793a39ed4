package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// A session's completedFlows and failedFlows count its flows of those
// statuses; every write that changes a flow's status moves them by $inc.

// outcomeCounts says how a flow of status st counts in its session's
// completedFlows and failedFlows.
func outcomeCounts(st db.FlowStatus) (completed, failed int64) {
	switch st {
	case db.FlowCompleted:
		return 1, 0
	case db.FlowFailed:
		return 0, 1
	}
	return 0, 0
}

// outcomeDelta is the $inc of a session's counters for one of its flows
// going from status from to status to; empty when neither changes.
func outcomeDelta(from, to db.FlowStatus) bson.D {
	oldCompleted, oldFailed := outcomeCounts(from)
	newCompleted, newFailed := outcomeCounts(to)
	var inc bson.D
	if d := newCompleted - oldCompleted; d != 0 {
		inc = append(inc, bson.E{Key: "completedFlows", Value: d})
	}
	if d := newFailed - oldFailed; d != 0 {
		inc = append(inc, bson.E{Key: "failedFlows", Value: d})
	}
	return inc
}

// countOutcome keeps a session's counters in step with one of its flows
// going from status from to status to, and reports whether they changed.
// When they do not, it only checks that the session exists.
func (s *Store) countOutcome(ctx context.Context, sessionID bson.ObjectID, from, to db.FlowStatus) (bool, error) {
	inc := outcomeDelta(from, to)
	if len(inc) == 0 {
		return false, s.requireSession(ctx, sessionID)
	}
	res, err := s.sessions.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: sessionID}},
		bson.D{{Key: "$inc", Value: inc}})
	if err != nil {
		return false, internal("count the session's finished flows", err)
	}
	if res.MatchedCount == 0 {
		return false, sessionNotFound(sessionID.Hex())
	}
	return true, nil
}
