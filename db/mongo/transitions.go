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

// statusUpdate is the update that moves a session or flow to status `to`
// at time now: running sets startedAt and clears completedAt, completed
// and failed set completedAt. apply makes the same change to decoded times.
func statusUpdate(to string, now time.Time) (update bson.D, apply func(started, completed **time.Time)) {
	set := bson.D{{Key: "status", Value: to}}
	var unset bson.D
	apply = func(_, _ **time.Time) {}
	switch to {
	case "running":
		set = append(set, bson.E{Key: "startedAt", Value: now})
		unset = bson.D{{Key: "completedAt", Value: ""}}
		apply = func(started, completed **time.Time) { *started, *completed = &now, nil }
	case "completed", "failed":
		set = append(set, bson.E{Key: "completedAt", Value: now})
		apply = func(_, completed **time.Time) { *completed = &now }
	}
	update = bson.D{{Key: "$set", Value: set}}
	if unset != nil {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	return update, apply
}

// TransitionTestSession changes a session's status if it is one of from.
// The allowed statuses are part of the update's filter, so the check and
// the change are one atomic step.
func (s *Store) TransitionTestSession(ctx context.Context, id string, from []db.SessionStatus, to db.SessionStatus) (*db.TestSession, error) {
	oid, err := parseID("sessionId", id)
	if err != nil {
		return nil, err
	}
	if err := db.ValidateTransition(from, to); err != nil {
		return nil, err
	}
	update, _ := statusUpdate(string(to), db.Now())
	var doc sessionDoc
	err = s.serially(ctx, func() error {
		return s.sessions.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: bson.D{{Key: "$in", Value: from}}}},
			update,
			options.FindOneAndUpdate().SetReturnDocument(options.After),
		).Decode(&doc)
	})
	if errors.Is(err, mongo.ErrNoDocuments) {
		current, err := s.GetTestSession(ctx, id)
		if err != nil {
			return nil, err
		}
		return nil, db.Errorf(db.ErrConflict, "test session %s is %s, so it cannot become %s", id, current.Status, to)
	}
	if err != nil {
		return nil, internal("change test session status", err)
	}
	s.publish(changeOf(db.CollTestSessions, db.ChangeUpdate, oid, id))
	return doc.toDomain(), nil
}

// TransitionTestFlow changes a flow's status if it is one of from and keeps
// its session's completedFlows and failedFlows in step. Steps: update the
// flow with the allowed statuses in the filter, reading the status it had;
// then $inc the session's counters if the flow entered or left completed or
// failed. A crash between them leaves a counter off by one.
func (s *Store) TransitionTestFlow(ctx context.Context, id string, from []db.FlowStatus, to db.FlowStatus) (*db.TestFlow, error) {
	oid, err := parseID("flowId", id)
	if err != nil {
		return nil, err
	}
	if err := db.ValidateTransition(from, to); err != nil {
		return nil, err
	}
	var (
		flow     *db.TestFlow
		progress bool
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		flow, progress = nil, false
		update, apply := statusUpdate(string(to), db.Now())
		var doc flowDoc
		err := s.flows.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: bson.D{{Key: "$in", Value: from}}}},
			update,
			options.FindOneAndUpdate().SetReturnDocument(options.Before),
		).Decode(&doc)
		if errors.Is(err, mongo.ErrNoDocuments) {
			current, err := s.GetTestFlow(ctx, id)
			if err != nil {
				return err
			}
			return db.Errorf(db.ErrConflict, "test flow %s is %s, so it cannot become %s", id, current.Status, to)
		}
		if err != nil {
			return internal("change test flow status", err)
		}
		if progress, err = s.countOutcome(ctx, doc.SessionID, doc.Status, to); err != nil {
			if db.ErrorCode(err) == db.ErrNotFound {
				// An orphan of an interrupted cascade delete: it does not
				// exist for clients.
				return flowNotFound(id)
			}
			return err
		}
		doc.Status = to
		apply(&doc.StartedAt, &doc.CompletedAt)
		flow = doc.toDomain()
		return nil
	})
	if err != nil {
		return nil, err
	}
	changes := []db.Change{{Collection: db.CollTestFlows, Op: db.ChangeUpdate, ID: flow.ID, SessionID: flow.SessionID}}
	if progress {
		changes = append(changes, db.Change{Collection: db.CollTestSessions, Op: db.ChangeUpdate, ID: flow.SessionID, SessionID: flow.SessionID})
	}
	s.publish(changes...)
	return flow, nil
}
