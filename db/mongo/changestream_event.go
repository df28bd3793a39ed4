package mongo

import (
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// eventKind says what the change-stream loop does with a decoded event.
type eventKind int

const (
	// eventIgnored: nothing of ours changed (another collection, or an
	// operation live queries need not hear about).
	eventIgnored eventKind = iota
	// eventChange: publish the change (a document write, or a reset after a
	// collection or the database was dropped or renamed).
	eventChange
	// eventInvalidate: publish the reset; the server has closed the stream.
	eventInvalidate
)

// watchedCollections are the collections whose events reach live queries.
var watchedCollections = map[string]bool{
	db.CollTestSessions:    true,
	db.CollTestFlows:       true,
	db.CollBrowserSessions: true,
	db.CollExecutionLogs:   true,
	db.CollSystemStats:     true,
}

// changeEventDoc holds the fields of a change event that decodeChangeEvent
// reads; changeStreamPipeline projects events down to them.
type changeEventDoc struct {
	OperationType string       `bson:"operationType"`
	NS            namespaceDoc `bson:"ns"`
	// To is where a rename went.
	To          namespaceDoc `bson:"to"`
	DocumentKey struct {
		ID bson.RawValue `bson:"_id"`
	} `bson:"documentKey"`
	// FullDocument is the document after the write (updateLookup for
	// updates); absent on deletes, null when the update's document was
	// already gone when the server looked it up.
	FullDocument bson.RawValue `bson:"fullDocument"`
}

type namespaceDoc struct {
	Coll string `bson:"coll"`
}

var resetChange = db.Change{Op: db.ChangeReset}

// decodeChangeEvent turns a change event into the change live queries
// see. An error means the event could not be read; the caller cannot tell
// what changed and should publish a reset.
func decodeChangeEvent(raw bson.Raw) (db.Change, eventKind, error) {
	var ev changeEventDoc
	if err := bson.Unmarshal(raw, &ev); err != nil {
		return db.Change{}, eventIgnored, fmt.Errorf("mongo: decode change event: %w", err)
	}
	switch ev.OperationType {
	case "insert", "update", "replace", "delete":
		return documentChange(ev)
	case "drop", "rename":
		// The database-level stream goes on; only our collections matter.
		if watchedCollections[ev.NS.Coll] || watchedCollections[ev.To.Coll] {
			return resetChange, eventChange, nil
		}
		return db.Change{}, eventIgnored, nil
	case "dropDatabase":
		return resetChange, eventChange, nil
	case "invalidate":
		return resetChange, eventInvalidate, nil
	case "":
		return db.Change{}, eventIgnored, fmt.Errorf("mongo: change event without operationType")
	default:
		// Other types (index and collection DDL) only come with
		// showExpandedEvents, which the store does not ask for; none of
		// them changes a document.
		return db.Change{}, eventIgnored, nil
	}
}

// documentChange describes an insert, update, replace or delete.
func documentChange(ev changeEventDoc) (db.Change, eventKind, error) {
	if !watchedCollections[ev.NS.Coll] {
		return db.Change{}, eventIgnored, nil
	}
	id, ok := ev.DocumentKey.ID.ObjectIDOK()
	if !ok {
		// The store only writes ObjectIDs; the API cannot name anything else.
		return db.Change{}, eventIgnored, nil
	}
	change := db.Change{Collection: ev.NS.Coll, ID: id.Hex()}
	switch ev.OperationType {
	case "insert":
		change.Op = db.ChangeInsert
	case "delete":
		change.Op = db.ChangeDelete
	default: // update, replace
		change.Op = db.ChangeUpdate
	}
	switch ev.NS.Coll {
	case db.CollTestSessions:
		change.SessionID = change.ID
	case db.CollSystemStats:
		// Statistics belong to no session.
	default:
		change.SessionID = sessionIDOf(ev.FullDocument)
	}
	return change, eventChange, nil
}

// sessionIDOf returns the hex sessionId of a full document, or "" when the
// event carries none (a delete, or an update of a document already gone).
func sessionIDOf(fullDocument bson.RawValue) string {
	doc, ok := fullDocument.DocumentOK()
	if !ok {
		return ""
	}
	oid, ok := doc.Lookup("sessionId").ObjectIDOK()
	if !ok {
		return ""
	}
	return oid.Hex()
}
