package mongo

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// CancelRun stops a running session's run. Steps: check that the session
// runs; unqueue its waiting flows, so no worker claims one from then on;
// fail its running flows ("cancelled"), each with "running" in its filter,
// and $inc failedFlows by those failed; end the session (failed,
// "cancelled") with "running" in the filter. A crash part-way leaves the
// session running with fewer flows queued or running: those still running
// finish as usual, the last one ends the session, and CancelRun may be
// called again. Should the last running flow's finisher end the session
// between the steps, its end stands and is returned.
func (s *Store) CancelRun(ctx context.Context, sessionID string) (*db.TestSession, []*db.TestFlow, error) {
	oid, err := parseID("sessionId", sessionID)
	if err != nil {
		return nil, nil, err
	}
	var (
		session   *db.TestSession
		cancelled []*db.TestFlow
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		session, cancelled = nil, nil
		current, err := s.getSessionDoc(ctx, oid)
		if err != nil {
			return err
		}
		if current.Status != db.SessionRunning {
			return db.Errorf(db.ErrConflict, "test session %s is %s, not running: there is nothing to cancel", sessionID, current.Status)
		}
		ofSession := bson.D{{Key: "sessionId", Value: oid}}
		unqueued, err := s.flows.UpdateMany(ctx,
			append(ofSession, isQueued, bson.E{Key: "status", Value: db.FlowPending}),
			bson.D{{Key: "$unset", Value: bson.D{{Key: "queuedAt", Value: ""}}}})
		if err != nil {
			return internal("unqueue flows", err)
		}
		// Flows that never started leave the run: a retry counts them again.
		if n := unqueued.ModifiedCount; n > 0 {
			if _, err := s.sessions.UpdateOne(ctx, bson.D{{Key: "_id", Value: oid}},
				bson.D{{Key: "$inc", Value: bson.D{{Key: "runFlows", Value: -n}}}}); err != nil {
				return internal("update run size", err)
			}
		}
		running, err := s.findFlows(ctx, append(ofSession, bson.E{Key: "status", Value: db.FlowRunning}))
		if err != nil {
			return err
		}
		for _, f := range running {
			done, err := s.failUnfinished(ctx, &f, db.CancelledMessage, nil)
			if err != nil {
				return err
			}
			if done != nil {
				cancelled = append(cancelled, done.toDomain())
			}
		}
		if len(cancelled) > 0 {
			if _, err := s.sessions.UpdateOne(ctx, bson.D{{Key: "_id", Value: oid}},
				bson.D{{Key: "$inc", Value: bson.D{{Key: "failedFlows", Value: int64(len(cancelled))}}}}); err != nil {
				return internal("count cancelled flows", err)
			}
		}
		message := db.CancelledMessage
		if session, err = s.endSession(ctx, current, db.SessionFailed, &message); err != nil || session != nil {
			return err
		}
		// Its last flow's finisher ended it first.
		doc, err := s.getSessionDoc(ctx, oid)
		if err != nil {
			return err
		}
		session = doc.toDomain()
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(s.wholeSessionChanges(ctx, oid)...)
	return session, cancelled, nil
}

// RecoverExpiredLeases fails the running flows whose lease ended before
// now ("worker lost"), each on its own: fail it with "running, lease ended
// before now" in the filter (so a lease renewed meanwhile stands), $inc its
// session's failedFlows, and end the session if that flow was its last, as
// FinishFlow does and with the same crash ordering.
func (s *Store) RecoverExpiredLeases(ctx context.Context, now time.Time) ([]*db.TestFlow, error) {
	expired := bson.E{Key: "leaseExpires", Value: bson.D{{Key: "$lt", Value: now}}}
	candidates, err := s.findFlows(ctx, bson.D{{Key: "status", Value: db.FlowRunning}, expired})
	if err != nil {
		return nil, err
	}
	var recovered []*db.TestFlow
	for _, f := range candidates {
		var flow *db.TestFlow
		err := s.atomically(ctx, func(ctx context.Context) error {
			flow = nil
			done, err := s.failUnfinished(ctx, &f, db.WorkerLostMessage, bson.D{expired})
			if err != nil || done == nil {
				return err
			}
			_, err = s.countOutcome(ctx, done.SessionID, db.FlowRunning, db.FlowFailed)
			if db.ErrorCode(err) == db.ErrNotFound {
				return nil // an orphan of an interrupted cascade delete: invisible
			}
			if err != nil {
				return err
			}
			if _, err := s.endSessionIfDone(ctx, done.SessionID); err != nil {
				return err
			}
			flow = done.toDomain()
			return nil
		})
		if err != nil {
			return nil, err
		}
		if flow != nil {
			s.publish(flowChange(flow.ID, flow.SessionID), sessionChange(flow.SessionID))
			recovered = append(recovered, flow)
		}
	}
	return recovered, nil
}

// failUnfinished fails a running flow that its worker did not finish, for
// reason, with "running" and more in the filter, and returns it; nil when
// it no longer matches (it finished meanwhile). The caller counts it.
func (s *Store) failUnfinished(ctx context.Context, f *flowDoc, reason string, more bson.D) (*flowDoc, error) {
	now := db.Now()
	set := bson.D{
		{Key: "status", Value: db.FlowFailed},
		{Key: "completedAt", Value: now},
		{Key: "error", Value: reason},
	}
	unset := bson.D{{Key: "queuedAt", Value: ""}, {Key: "leaseOwner", Value: ""}, {Key: "leaseExpires", Value: ""}}
	if f.StartedAt != nil {
		set = append(set, bson.E{Key: "durationMs", Value: now.Sub(*f.StartedAt).Milliseconds()})
	} else {
		unset = append(unset, bson.E{Key: "durationMs", Value: ""})
	}
	filter := append(bson.D{{Key: "_id", Value: f.ID}, {Key: "status", Value: db.FlowRunning}}, more...)
	var doc flowDoc
	err := s.flows.FindOneAndUpdate(ctx, filter,
		bson.D{{Key: "$set", Value: set}, {Key: "$unset", Value: unset}},
		options.FindOneAndUpdate().SetReturnDocument(options.After),
	).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, internal("fail unfinished flow", err)
	}
	return &doc, nil
}
