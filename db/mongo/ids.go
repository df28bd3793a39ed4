package mongo

import (
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// parseID checks a db ID and converts it to an ObjectID. A bad ID returns
// db.CheckID's error naming field.
func parseID(field, id string) (bson.ObjectID, error) {
	if err := db.CheckID(field, id); err != nil {
		return bson.ObjectID{}, err
	}
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		// CheckID accepted it, so this cannot happen; keep it internal if it does.
		return bson.ObjectID{}, fmt.Errorf("mongo: convert ID %q: %w", id, err)
	}
	return oid, nil
}

// parseOptionalID is parseID for an optional reference.
func parseOptionalID(field string, id *string) (*bson.ObjectID, error) {
	if id == nil {
		return nil, nil
	}
	oid, err := parseID(field, *id)
	if err != nil {
		return nil, err
	}
	return &oid, nil
}

// hexOf is the db form of an optional ObjectID.
func hexOf(oid *bson.ObjectID) *string {
	if oid == nil {
		return nil
	}
	s := oid.Hex()
	return &s
}
