package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// CreateTestSession inserts a pending session without flows.
func (s *Store) CreateTestSession(ctx context.Context, in db.NewTestSession) (*db.TestSession, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	doc := sessionDoc{
		ID:        bson.NewObjectID(),
		Name:      in.Name,
		Prompt:    in.Prompt,
		Status:    db.SessionPending,
		CreatedAt: db.Now(),
	}
	if _, err := s.sessions.InsertOne(ctx, doc); err != nil {
		return nil, writeErr("create test session", err)
	}
	s.publish(changeOf(db.CollTestSessions, db.ChangeInsert, doc.ID, doc.ID.Hex()))
	return doc.toDomain(), nil
}

// ListTestSessions returns the newest sessions first; sessions created in
// the same millisecond come newest ID first.
func (s *Store) ListTestSessions(ctx context.Context, limit int) ([]*db.TestSession, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	return s.findSessions(ctx, bson.D{}, -1, limit)
}

// ListSessionsWithStatus returns sessions with a status, oldest first (the
// status index serves the filter).
func (s *Store) ListSessionsWithStatus(ctx context.Context, status db.SessionStatus, limit int) ([]*db.TestSession, error) {
	if err := db.CheckLimit("limit", limit); err != nil {
		return nil, err
	}
	if !status.Valid() {
		return nil, db.Invalidf("status", "status %q is not a session status", status)
	}
	return s.findSessions(ctx, bson.D{{Key: "status", Value: status}}, 1, limit)
}

// findSessions reads sessions matching filter in (createdAt, _id) order,
// ascending (1) or descending (-1).
func (s *Store) findSessions(ctx context.Context, filter bson.D, direction, limit int) ([]*db.TestSession, error) {
	opts := options.Find().
		SetSort(bson.D{{Key: "createdAt", Value: direction}, {Key: "_id", Value: direction}}).
		SetLimit(int64(limit))
	var docs []sessionDoc
	if err := s.findAll(ctx, s.sessions, filter, opts, &docs); err != nil {
		return nil, internal("list test sessions", err)
	}
	out := make([]*db.TestSession, len(docs))
	for i := range docs {
		out[i] = docs[i].toDomain()
	}
	return out, nil
}

// GetTestSession returns one session.
func (s *Store) GetTestSession(ctx context.Context, id string) (*db.TestSession, error) {
	oid, err := parseID("sessionId", id)
	if err != nil {
		return nil, err
	}
	var doc sessionDoc
	err = s.sessions.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, sessionNotFound(id)
	}
	if err != nil {
		return nil, internal("get test session", err)
	}
	return doc.toDomain(), nil
}

// busySessionStatuses are the states in which a session cannot be deleted.
var busySessionStatuses = bson.A{db.SessionGenerating, db.SessionRunning}

// DeleteTestSession removes a session and everything that belongs to it.
// Steps: delete the session document if it is not busy (from then on the
// session and all its children are unreachable), then its flows, browser
// sessions and logs, and last, outside any transaction as every GridFS
// write, its artifacts (see SaveArtifact for one saved meanwhile). A crash
// after the first step leaves unreachable children.
func (s *Store) DeleteTestSession(ctx context.Context, id string) (*db.DeletedSession, error) {
	oid, err := parseID("sessionId", id)
	if err != nil {
		return nil, err
	}
	var out *db.DeletedSession
	err = s.atomically(ctx, func(ctx context.Context) error {
		out = nil
		filter := bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: bson.D{{Key: "$nin", Value: busySessionStatuses}}}}
		err := s.sessions.FindOneAndDelete(ctx, filter).Err()
		if errors.Is(err, mongo.ErrNoDocuments) {
			return s.whyNotDeletable(ctx, oid)
		}
		if err != nil {
			return internal("delete test session", err)
		}
		children := bson.D{{Key: "sessionId", Value: oid}}
		flowIDs, err := s.flowIDsOf(ctx, oid)
		if err != nil {
			return err
		}
		if _, err := s.flows.DeleteMany(ctx, children); err != nil {
			return internal("delete the session's test flows", err)
		}
		browsers, err := s.browsers.DeleteMany(ctx, children)
		if err != nil {
			return internal("delete the session's browser sessions", err)
		}
		logs, err := s.logs.DeleteMany(ctx, children)
		if err != nil {
			return internal("delete the session's execution logs", err)
		}
		out = &db.DeletedSession{
			SessionID:       id,
			FlowIDs:         flowIDs,
			BrowserSessions: int(browsers.DeletedCount),
			ExecutionLogs:   int(logs.DeletedCount),
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	changes := make([]db.Change, 0, len(out.FlowIDs)+1)
	for _, flowID := range out.FlowIDs {
		changes = append(changes, db.Change{Collection: db.CollTestFlows, Op: db.ChangeDelete, ID: flowID, SessionID: id})
	}
	s.publish(append(changes, changeOf(db.CollTestSessions, db.ChangeDelete, oid, id))...)
	if err := s.deleteSessionArtifacts(ctx, oid); err != nil {
		return nil, err
	}
	return out, nil
}

// whyNotDeletable explains why the conditional delete matched nothing.
func (s *Store) whyNotDeletable(ctx context.Context, oid bson.ObjectID) error {
	var doc struct {
		Status db.SessionStatus `bson:"status"`
	}
	err := s.sessions.FindOne(ctx, bson.D{{Key: "_id", Value: oid}},
		options.FindOne().SetProjection(bson.D{{Key: "status", Value: 1}})).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return sessionNotFound(oid.Hex())
	}
	if err != nil {
		return internal("get test session", err)
	}
	return db.Errorf(db.ErrConflict, "test session %s is %s: cancel it before deleting it", oid.Hex(), doc.Status)
}

// flowIDsOf lists a session's flow IDs in order.
func (s *Store) flowIDsOf(ctx context.Context, sessionID bson.ObjectID) ([]string, error) {
	opts := options.Find().
		SetSort(bson.D{{Key: "order", Value: 1}, {Key: "_id", Value: 1}}).
		SetProjection(bson.D{{Key: "_id", Value: 1}})
	var docs []struct {
		ID bson.ObjectID `bson:"_id"`
	}
	if err := s.findAll(ctx, s.flows, bson.D{{Key: "sessionId", Value: sessionID}}, opts, &docs); err != nil {
		return nil, internal("list the session's test flows", err)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID.Hex()
	}
	return ids, nil
}

// requireSession returns db.ErrNotFound unless the session exists.
func (s *Store) requireSession(ctx context.Context, oid bson.ObjectID) error {
	exists, err := s.exists(ctx, s.sessions, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return internal("look up test session", err)
	}
	if !exists {
		return sessionNotFound(oid.Hex())
	}
	return nil
}
