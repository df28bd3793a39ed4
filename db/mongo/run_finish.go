package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// FinishFlow records worker's outcome of a flow and ends its session when
// it was the last of the run. Steps: finish the flow, with "running under
// worker" in the filter; $inc the session's counter of the outcome; then,
// if none of the session's flows is queued any more, end the session with
// "running" in the filter, so that of two finishers who both find nothing
// left only one ends it. In a transaction both $inc the session, so the
// later one waits for the earlier one's commit and sees its flow finished.
// A crash after the first step leaves the counter one short and, if the
// flow was the run's last, the session running with nothing queued:
// CancelRun ends it.
func (s *Store) FinishFlow(ctx context.Context, flowID, worker string, out db.FlowOutcome) (*db.TestFlow, *db.TestSession, error) {
	oid, err := parseID("flowId", flowID)
	if err != nil {
		return nil, nil, err
	}
	steps, err := newStepDocs(out.Steps)
	if err != nil {
		return nil, nil, err
	}
	to := db.FlowCompleted
	if !out.Passed {
		to = db.FlowFailed
	}
	set := bson.D{
		{Key: "status", Value: to},
		{Key: "durationMs", Value: out.Duration.Milliseconds()},
	}
	unset := bson.D{{Key: "queuedAt", Value: ""}, {Key: "leaseOwner", Value: ""}, {Key: "leaseExpires", Value: ""}}
	if out.Passed {
		unset = append(unset, bson.E{Key: "error", Value: ""})
	} else {
		set = append(set, bson.E{Key: "error", Value: out.Error})
	}
	if len(steps) > 0 {
		set = append(set, bson.E{Key: "steps", Value: steps})
	} else {
		unset = append(unset, bson.E{Key: "steps", Value: ""})
	}
	var (
		flow  *db.TestFlow
		ended *db.TestSession
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		flow, ended = nil, nil
		var doc flowDoc
		err := s.flows.FindOneAndUpdate(ctx,
			runningUnder(oid, worker),
			bson.D{{Key: "$set", Value: append(set, bson.E{Key: "completedAt", Value: db.Now()})}, {Key: "$unset", Value: unset}},
			options.FindOneAndUpdate().SetReturnDocument(options.After),
		).Decode(&doc)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return s.whyNotRunningUnder(ctx, oid, worker)
		}
		if err != nil {
			return internal("finish flow", err)
		}
		if _, err := s.insertLog(ctx, db.FlowEndLog(doc.toDomain(), out)); err != nil {
			return err
		}
		if _, err := s.countOutcome(ctx, doc.SessionID, db.FlowRunning, to); err != nil {
			return err
		}
		if ended, err = s.endSessionIfDone(ctx, doc.SessionID); err != nil {
			return err
		}
		flow = doc.toDomain()
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(flowChange(flow.ID, flow.SessionID), sessionChange(flow.SessionID))
	return flow, ended, nil
}

// endSessionIfDone ends a running session none of whose flows is queued
// any more: completed when none of its flows failed, else failed with a
// summary; the log saying so is written first, so a reader that sees the
// session ended finds it. It returns the ended session, or nil when the
// session goes on, was not running, or another caller ended it first.
func (s *Store) endSessionIfDone(ctx context.Context, sessionID bson.ObjectID) (*db.TestSession, error) {
	left, err := s.exists(ctx, s.flows, bson.D{{Key: "sessionId", Value: sessionID}, isQueued})
	if err != nil {
		return nil, internal("look for queued flows", err)
	}
	if left {
		return nil, nil
	}
	session, err := s.getSessionDoc(ctx, sessionID)
	if db.ErrorCode(err) == db.ErrNotFound {
		return nil, nil // an orphan's session: nothing to end
	}
	if err != nil || session.Status != db.SessionRunning {
		return nil, err
	}
	failed, err := s.findFlows(ctx, bson.D{{Key: "sessionId", Value: sessionID}, {Key: "status", Value: db.FlowFailed}})
	if err != nil {
		return nil, err
	}
	status, message := db.SessionCompleted, (*string)(nil)
	if len(failed) > 0 {
		failedFlows := make([]*db.TestFlow, len(failed))
		for i := range failed {
			failedFlows[i] = failed[i].toDomain()
		}
		summary := db.FailureSummary(failedFlows, int(session.RunFlows))
		status, message = db.SessionFailed, &summary
	}
	ends := session.toDomain()
	logged, err := s.insertLog(ctx, db.SessionEndLog(ends.ID, status, ends.CompletedFlows, ends.RunFlows))
	if err != nil {
		return nil, err
	}
	ended, err := s.endSession(ctx, session, status, message)
	if ended == nil {
		// Another caller ended it first, with its own log: take this back.
		if _, delErr := s.logs.DeleteOne(ctx, bson.D{{Key: "_id", Value: logged.ID}}); delErr != nil {
			return nil, internal("take back a session's end log", delErr)
		}
	}
	return ended, err
}

// endSession moves a running session to its final status, with message
// as its errorMessage (none when nil), and returns it; nil when it is not
// running any more.
func (s *Store) endSession(ctx context.Context, session *sessionDoc, status db.SessionStatus, message *string) (*db.TestSession, error) {
	now := db.Now()
	set := bson.D{{Key: "status", Value: status}, {Key: "completedAt", Value: now}}
	unset := bson.D{}
	if session.StartedAt != nil {
		set = append(set, bson.E{Key: "metadata.actualDuration", Value: now.Sub(*session.StartedAt).Milliseconds()})
	} else {
		unset = append(unset, bson.E{Key: "metadata.actualDuration", Value: ""})
	}
	if message != nil {
		set = append(set, bson.E{Key: "metadata.errorMessage", Value: *message})
	} else {
		unset = append(unset, bson.E{Key: "metadata.errorMessage", Value: ""})
	}
	update := bson.D{{Key: "$set", Value: set}}
	if len(unset) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	var doc sessionDoc
	err := s.sessions.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: session.ID}, {Key: "status", Value: db.SessionRunning}},
		update,
		options.FindOneAndUpdate().SetReturnDocument(options.After),
	).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, internal("end test session", err)
	}
	return doc.toDomain(), nil
}
