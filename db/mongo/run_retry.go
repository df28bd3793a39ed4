package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// RetryFlow queues a flow that is neither queued nor running again,
// approving it and clearing its last result. Steps: check the flow and its
// session; queue the flow, with "neither queued nor running" in the filter,
// reading the status it had; then move the session's counters, and the
// session to running unless it runs already, by one update conditional on
// the session's status. A crash between the two writes leaves the counters
// off by one and, if the session was not running, the flow queued under a
// finished session: a worker runs it, and the session keeps its status until
// its next run.
func (s *Store) RetryFlow(ctx context.Context, flowID string) (*db.TestFlow, *db.TestSession, error) {
	oid, err := parseID("flowId", flowID)
	if err != nil {
		return nil, nil, err
	}
	var (
		flow    *db.TestFlow
		session *db.TestSession
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		flow, session = nil, nil
		current, err := s.getFlowDoc(ctx, oid)
		if err != nil {
			return err
		}
		if err := s.requireFlowSessions(ctx, []flowDoc{*current}); err != nil {
			return err
		}
		if current.QueuedAt != nil || current.Status == db.FlowRunning {
			return db.Errorf(db.ErrConflict, "test flow %s is already queued or running", flowID)
		}
		sess, err := s.getSessionDoc(ctx, current.SessionID)
		if err != nil {
			return err
		}
		if sess.Status == db.SessionGenerating {
			return sessionGenerating(sess.ID.Hex())
		}
		var before flowDoc
		err = s.flows.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: oid}, notRunning, notQueued},
			resetRun(bson.D{{Key: "approved", Value: true}, {Key: "queuedAt", Value: db.Now()}}),
			options.FindOneAndUpdate().SetReturnDocument(options.Before),
		).Decode(&before)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return s.whyFlowNotChanged(ctx, oid, "retry")
		}
		if err != nil {
			return internal("queue flow", err)
		}
		inc := outcomeDelta(before.Status, db.FlowPending)
		if before.Status == db.FlowPending {
			// It was not part of the last run.
			inc = append(inc, bson.E{Key: "runFlows", Value: int64(1)})
		}
		if err := s.resumeSession(ctx, sess, inc); err != nil {
			return err
		}
		doc, err := s.getFlowDoc(ctx, oid)
		if err != nil {
			return err
		}
		if sess, err = s.getSessionDoc(ctx, doc.SessionID); err != nil {
			return err
		}
		flow, session = doc.toDomain(), sess.toDomain()
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(flowChange(flow.ID, flow.SessionID), sessionChange(session.ID))
	return flow, session, nil
}

func sessionGenerating(id string) error {
	return db.Errorf(db.ErrConflict, "test session %s is generating flows: wait until it is ready", id)
}

// resumeSession applies inc to a session's counters and, unless it is
// running, moves it to running. The status it was read with is part of the
// filter; if it changed meanwhile, the session is read again and the update
// chosen anew, a few times.
func (s *Store) resumeSession(ctx context.Context, sess *sessionDoc, inc bson.D) error {
	const attempts = 3
	for range attempts {
		filter := bson.D{{Key: "_id", Value: sess.ID}, {Key: "status", Value: sess.Status}}
		var update bson.D
		if len(inc) > 0 {
			update = bson.D{{Key: "$inc", Value: inc}}
		}
		if sess.Status != db.SessionRunning {
			update = append(update,
				bson.E{Key: "$set", Value: bson.D{{Key: "status", Value: db.SessionRunning}, {Key: "startedAt", Value: db.Now()}}},
				bson.E{Key: "$unset", Value: bson.D{
					{Key: "completedAt", Value: ""},
					{Key: "metadata.actualDuration", Value: ""},
					{Key: "metadata.errorMessage", Value: ""},
				}})
		}
		if len(update) == 0 {
			return nil // running already, and no counter moves
		}
		res, err := s.sessions.UpdateOne(ctx, filter, update)
		if err != nil {
			return internal("resume test session", err)
		}
		if res.MatchedCount > 0 {
			return nil
		}
		if sess, err = s.getSessionDoc(ctx, sess.ID); err != nil {
			return err
		}
		if sess.Status == db.SessionGenerating {
			return sessionGenerating(sess.ID.Hex())
		}
	}
	return db.Errorf(db.ErrConflict, "test session %s kept changing while a flow was retried; try again", sess.ID.Hex())
}
