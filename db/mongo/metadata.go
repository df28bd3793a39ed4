package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// SetSessionMetadata sets metadata.estimatedDuration and metadata.errorMessage
// exactly as given (nil unsets) in one update.
func (s *Store) SetSessionMetadata(ctx context.Context, id string, estimatedDuration *int64, errorMessage *string) (*db.TestSession, error) {
	oid, err := parseID("sessionId", id)
	if err != nil {
		return nil, err
	}
	if errorMessage != nil {
		if err := db.CheckText("errorMessage", *errorMessage); err != nil {
			return nil, err
		}
	}
	set, unset := bson.D{}, bson.D{}
	for _, field := range []struct {
		key   string
		value any
		isSet bool
	}{
		{"metadata.estimatedDuration", estimatedDuration, estimatedDuration != nil},
		{"metadata.errorMessage", errorMessage, errorMessage != nil},
	} {
		if field.isSet {
			set = append(set, bson.E{Key: field.key, Value: field.value})
		} else {
			unset = append(unset, bson.E{Key: field.key, Value: ""})
		}
	}
	update := bson.D{}
	if len(set) > 0 {
		update = append(update, bson.E{Key: "$set", Value: set})
	}
	if len(unset) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	var doc sessionDoc
	err = s.sessions.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: oid}}, update,
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, db.Errorf(db.ErrNotFound, "no test session has id %s", id)
	}
	if err != nil {
		return nil, internal("set session metadata", err)
	}
	s.publish(changeOf(db.CollTestSessions, db.ChangeUpdate, oid, id))
	return doc.toDomain(), nil
}
