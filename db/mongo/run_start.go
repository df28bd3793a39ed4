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

// StartRun starts a run of a session's approved flows from scratch: every
// flow's last result is cleared. Steps: check that the session may start
// and count its approved flows; move the session to running with its
// counters zeroed and runFlows set to that count, with "not generating or
// running" in the filter, so of concurrent starts one wins; queue the
// approved flows; clear the others; correct runFlows if approvals changed
// meanwhile. If by the third step no flow is approved any more, the session
// is set back as it was and the start refused. A crash after the second step
// leaves the session running with fewer flows queued than runFlows says:
// the queued ones run, and CancelRun ends the session if none was.
func (s *Store) StartRun(ctx context.Context, sessionID string) (*db.TestSession, []*db.TestFlow, error) {
	oid, err := parseID("sessionId", sessionID)
	if err != nil {
		return nil, nil, err
	}
	var (
		session *db.TestSession
		queued  []*db.TestFlow
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		session, queued = nil, nil
		current, err := s.getSessionDoc(ctx, oid)
		if err != nil {
			return err
		}
		if current.Status == db.SessionGenerating || current.Status == db.SessionRunning {
			return db.Errorf(db.ErrConflict, "test session %s is already %s", sessionID, current.Status)
		}
		ofSession := bson.D{{Key: "sessionId", Value: oid}}
		approved, err := s.flows.CountDocuments(ctx, append(ofSession, bson.E{Key: "approved", Value: true}))
		if err != nil {
			return internal("count approved flows", err)
		}
		if approved == 0 {
			return noApprovedFlow(sessionID)
		}
		now := db.Now()
		before, err := s.beginRun(ctx, oid, now, approved)
		if err != nil {
			return err
		}
		res, err := s.flows.UpdateMany(ctx, append(ofSession, bson.E{Key: "approved", Value: true}),
			resetRun(bson.D{{Key: "queuedAt", Value: now}}))
		if err != nil {
			return internal("queue flows", err)
		}
		if res.MatchedCount == 0 {
			return s.undoBeginRun(ctx, before)
		}
		if _, err := s.flows.UpdateMany(ctx, append(ofSession, bson.E{Key: "approved", Value: bson.D{{Key: "$ne", Value: true}}}),
			resetRun(nil, "queuedAt")); err != nil {
			return internal("clear unapproved flows", err)
		}
		if n := res.MatchedCount; n != approved {
			if _, err := s.sessions.UpdateOne(ctx, bson.D{{Key: "_id", Value: oid}},
				bson.D{{Key: "$inc", Value: bson.D{{Key: "runFlows", Value: n - approved}}}}); err != nil {
				return internal("count the run's flows", err)
			}
		}
		doc, err := s.getSessionDoc(ctx, oid)
		if err != nil {
			return err
		}
		docs, err := s.findFlows(ctx, append(ofSession, isQueued))
		if err != nil {
			return err
		}
		session, queued = doc.toDomain(), flowsToDomain(docs)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(s.wholeSessionChanges(ctx, oid)...)
	return session, queued, nil
}

func noApprovedFlow(sessionID string) error {
	return db.Errorf(db.ErrConflict, "test session %s has no approved flow: approve at least one flow before starting it", sessionID)
}

// beginRun moves a session that is neither generating nor running to
// running for a run of n flows, and returns it as it was.
func (s *Store) beginRun(ctx context.Context, oid bson.ObjectID, now time.Time, n int64) (*sessionDoc, error) {
	update := bson.D{
		{Key: "$set", Value: bson.D{
			{Key: "status", Value: db.SessionRunning},
			{Key: "startedAt", Value: now},
			{Key: "completedFlows", Value: int64(0)},
			{Key: "failedFlows", Value: int64(0)},
			{Key: "runFlows", Value: n},
		}},
		{Key: "$unset", Value: bson.D{
			{Key: "completedAt", Value: ""},
			{Key: "metadata.actualDuration", Value: ""},
			{Key: "metadata.errorMessage", Value: ""},
		}},
	}
	var before sessionDoc
	err := s.sessions.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: bson.D{{Key: "$nin", Value: busySessionStatuses}}}},
		update,
		options.FindOneAndUpdate().SetReturnDocument(options.Before),
	).Decode(&before)
	if errors.Is(err, mongo.ErrNoDocuments) {
		current, err := s.getSessionDoc(ctx, oid)
		if err != nil {
			return nil, err
		}
		return nil, db.Errorf(db.ErrConflict, "test session %s is already %s", oid.Hex(), current.Status)
	}
	if err != nil {
		return nil, internal("start test session", err)
	}
	return &before, nil
}

// undoBeginRun sets a session that beginRun moved back to what it was,
// when its flows were unapproved before they could be queued, and refuses
// the start.
func (s *Store) undoBeginRun(ctx context.Context, before *sessionDoc) error {
	set := bson.D{
		{Key: "status", Value: before.Status},
		{Key: "completedFlows", Value: before.CompletedFlows},
		{Key: "failedFlows", Value: before.FailedFlows},
		{Key: "runFlows", Value: before.RunFlows},
	}
	unset := bson.D{}
	restore := func(key string, value any, present bool) {
		if present {
			set = append(set, bson.E{Key: key, Value: value})
		} else {
			unset = append(unset, bson.E{Key: key, Value: ""})
		}
	}
	restore("startedAt", before.StartedAt, before.StartedAt != nil)
	restore("completedAt", before.CompletedAt, before.CompletedAt != nil)
	m := before.Metadata
	if m == nil {
		m = &sessionMetadataDoc{}
	}
	restore("metadata.actualDuration", m.ActualDuration, m.ActualDuration != nil)
	restore("metadata.errorMessage", m.ErrorMessage, m.ErrorMessage != nil)
	update := bson.D{{Key: "$set", Value: set}}
	if len(unset) > 0 { // older servers refuse an empty $unset
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	_, err := s.sessions.UpdateOne(ctx,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "status", Value: db.SessionRunning}}, update)
	if err != nil {
		return internal("set back a session whose run could not start", err)
	}
	return noApprovedFlow(before.ID.Hex())
}
