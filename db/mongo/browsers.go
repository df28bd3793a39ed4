package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// CreateBrowserSession records a browser context of a session, and of one
// of its flows when FlowID is set.
func (s *Store) CreateBrowserSession(ctx context.Context, in db.NewBrowserSession) (*db.BrowserSession, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	sessionID, err := parseID("sessionId", in.SessionID)
	if err != nil {
		return nil, err
	}
	flowID, err := parseOptionalID("flowId", in.FlowID)
	if err != nil {
		return nil, err
	}
	// Only the session must exist, as in every backend: the flow is a
	// reference the executor keeps for the UI, not a constraint.
	if err := s.requireSession(ctx, sessionID); err != nil {
		return nil, err
	}
	now := db.Now()
	doc := browserSessionDoc{
		ID:           bson.NewObjectID(),
		SessionID:    sessionID,
		FlowID:       flowID,
		Status:       in.Status,
		BrowserType:  in.BrowserType,
		StartedAt:    now,
		LastActivity: now,
		Metadata:     newBrowserMetadataDoc(in.Metadata),
	}
	if _, err := s.browsers.InsertOne(ctx, doc); err != nil {
		return nil, writeErr("create browser session", err)
	}
	s.publish(changeOf(db.CollBrowserSessions, db.ChangeInsert, doc.ID, in.SessionID))
	return doc.toDomain(), nil
}

// ListBrowserSessions returns a session's browser sessions, oldest first.
func (s *Store) ListBrowserSessions(ctx context.Context, sessionID string) ([]*db.BrowserSession, error) {
	oid, err := parseID("sessionId", sessionID)
	if err != nil {
		return nil, err
	}
	if err := s.requireSession(ctx, oid); err != nil {
		return nil, err
	}
	opts := options.Find().SetSort(bson.D{{Key: "startedAt", Value: 1}, {Key: "_id", Value: 1}})
	var docs []browserSessionDoc
	if err := s.findAll(ctx, s.browsers, bson.D{{Key: "sessionId", Value: oid}}, opts, &docs); err != nil {
		return nil, internal("list browser sessions", err)
	}
	out := make([]*db.BrowserSession, len(docs))
	for i := range docs {
		out[i] = docs[i].toDomain()
	}
	return out, nil
}

// UpdateBrowserSession sets a browser session's status, and its metadata
// when given, and stamps its activity: one update of one document. A
// browser session whose test session is gone (left by a crash during a
// cascade delete) does not exist.
func (s *Store) UpdateBrowserSession(ctx context.Context, id string, status db.BrowserStatus, metadata *db.BrowserMetadata) (*db.BrowserSession, error) {
	oid, err := parseID("browserSessionId", id)
	if err != nil {
		return nil, err
	}
	if err := db.CheckBrowserStatus(status); err != nil {
		return nil, err
	}
	set := bson.D{{Key: "status", Value: status}, {Key: "lastActivity", Value: db.Now()}}
	if metadata != nil {
		set = append(set, bson.E{Key: "metadata", Value: newBrowserMetadataDoc(metadata)})
	}
	var doc browserSessionDoc
	err = s.browsers.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: oid}},
		bson.D{{Key: "$set", Value: set}},
		options.FindOneAndUpdate().SetReturnDocument(options.After),
	).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, browserSessionNotFound(id)
	}
	if err != nil {
		return nil, internal("update browser session", err)
	}
	if err := s.requireSession(ctx, doc.SessionID); err != nil {
		if db.ErrorCode(err) == db.ErrNotFound {
			return nil, browserSessionNotFound(id)
		}
		return nil, err
	}
	s.publish(changeOf(db.CollBrowserSessions, db.ChangeUpdate, oid, doc.SessionID.Hex()))
	return doc.toDomain(), nil
}
