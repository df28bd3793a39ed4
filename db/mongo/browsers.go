package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
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
