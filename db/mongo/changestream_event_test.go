package mongo

import (
	"fmt"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// IDs of session-lifecycle.jsonl.
const (
	lcSession = "6afd86c0a1b2c3d4e5f60001"
	lcFlowA   = "6afd86c0a1b2c3d4e5f60002"
	lcFlowB   = "6afd86c0a1b2c3d4e5f60003"
	lcBrowser = "6afd86c0a1b2c3d4e5f60004"
	lcLog1    = "6afd86c0a1b2c3d4e5f60005"
	lcLog2    = "6afd86c0a1b2c3d4e5f60006"
	lcStats   = "6afd86c0a1b2c3d4e5f60007"
)

// lifecycleEvent is the golden decoding of one line of
// session-lifecycle.jsonl.
type lifecycleEvent struct {
	what   string
	change db.Change
	kind   eventKind
}

func docChange(coll string, op db.ChangeOp, id, sessionID string) db.Change {
	return db.Change{Collection: coll, Op: op, ID: id, SessionID: sessionID}
}

// lifecycleGolden lists, line by line, what session-lifecycle.jsonl must
// decode to.
var lifecycleGolden = []lifecycleEvent{
	{"session created", docChange(db.CollTestSessions, db.ChangeInsert, lcSession, lcSession), eventChange},
	{"session generating", docChange(db.CollTestSessions, db.ChangeUpdate, lcSession, lcSession), eventChange},
	{"txn: flow A inserted", docChange(db.CollTestFlows, db.ChangeInsert, lcFlowA, lcSession), eventChange},
	{"txn: flow B inserted", docChange(db.CollTestFlows, db.ChangeInsert, lcFlowB, lcSession), eventChange},
	{"txn: session ready", docChange(db.CollTestSessions, db.ChangeUpdate, lcSession, lcSession), eventChange},
	{"flow A approved", docChange(db.CollTestFlows, db.ChangeUpdate, lcFlowA, lcSession), eventChange},
	{"flow B approved", docChange(db.CollTestFlows, db.ChangeUpdate, lcFlowB, lcSession), eventChange},
	{"session running", docChange(db.CollTestSessions, db.ChangeUpdate, lcSession, lcSession), eventChange},
	{"browser started", docChange(db.CollBrowserSessions, db.ChangeInsert, lcBrowser, lcSession), eventChange},
	{"flow A running", docChange(db.CollTestFlows, db.ChangeUpdate, lcFlowA, lcSession), eventChange},
	{"log 1", docChange(db.CollExecutionLogs, db.ChangeInsert, lcLog1, lcSession), eventChange},
	{"log 2", docChange(db.CollExecutionLogs, db.ChangeInsert, lcLog2, lcSession), eventChange},
	{"flow A failed", docChange(db.CollTestFlows, db.ChangeUpdate, lcFlowA, lcSession), eventChange},
	{"session progress", docChange(db.CollTestSessions, db.ChangeUpdate, lcSession, lcSession), eventChange},
	{"flow A retried", docChange(db.CollTestFlows, db.ChangeUpdate, lcFlowA, lcSession), eventChange},
	{"browser replaced", docChange(db.CollBrowserSessions, db.ChangeUpdate, lcBrowser, lcSession), eventChange},
	{"browser updated, document gone", docChange(db.CollBrowserSessions, db.ChangeUpdate, lcBrowser, ""), eventChange},
	{"statistics sample", docChange(db.CollSystemStats, db.ChangeInsert, lcStats, ""), eventChange},
	{"log 1 deleted", docChange(db.CollExecutionLogs, db.ChangeDelete, lcLog1, ""), eventChange},
	{"log 2 deleted", docChange(db.CollExecutionLogs, db.ChangeDelete, lcLog2, ""), eventChange},
	{"browser deleted", docChange(db.CollBrowserSessions, db.ChangeDelete, lcBrowser, ""), eventChange},
	{"flow A deleted", docChange(db.CollTestFlows, db.ChangeDelete, lcFlowA, ""), eventChange},
	{"flow B deleted", docChange(db.CollTestFlows, db.ChangeDelete, lcFlowB, ""), eventChange},
	{"session deleted", docChange(db.CollTestSessions, db.ChangeDelete, lcSession, lcSession), eventChange},
	{"database dropped", resetChange, eventChange},
	{"stream invalidated", resetChange, eventInvalidate},
}

// lifecycleChanges is what the loop publishes for session-lifecycle.jsonl.
func lifecycleChanges() []db.Change {
	out := make([]db.Change, len(lifecycleGolden))
	for i, e := range lifecycleGolden {
		out[i] = e.change
	}
	return out
}

func TestDecodeRecordedChangeEvents(t *testing.T) {
	events := loadChangeEvents(t)
	if len(events) != len(lifecycleGolden) {
		t.Fatalf("session-lifecycle.jsonl has %d events, the golden list %d", len(events), len(lifecycleGolden))
	}
	for i, want := range lifecycleGolden {
		t.Run(fmt.Sprintf("%02d_%s", i+1, want.what), func(t *testing.T) {
			change, kind, err := decodeChangeEvent(events[i])
			if err != nil {
				t.Fatal(err)
			}
			if change != want.change || kind != want.kind {
				t.Errorf("decoded %+v (kind %d), want %+v (kind %d)", change, kind, want.change, want.kind)
			}
		})
	}
}

// TestDecodeOtherChangeEvents covers shapes the recording lacks, among them
// events as changeStreamPipeline trims them.
func TestDecodeOtherChangeEvents(t *testing.T) {
	oid := bson.NewObjectID()
	session := bson.NewObjectID()
	key := bson.D{{Key: "_id", Value: oid}}
	event := func(op, coll string, extra ...bson.E) bson.Raw {
		d := bson.D{
			{Key: "_id", Value: bson.D{{Key: "_data", Value: "82"}}},
			{Key: "operationType", Value: op},
			{Key: "ns", Value: bson.D{{Key: "db", Value: "agent"}, {Key: "coll", Value: coll}}},
		}
		raw, err := bson.Marshal(append(d, extra...))
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	cases := []struct {
		what  string
		event bson.Raw
		want  db.Change
		kind  eventKind
	}{
		{"trimmed update", event("update", db.CollTestFlows, bson.E{Key: "documentKey", Value: key},
			bson.E{Key: "fullDocument", Value: bson.D{{Key: "sessionId", Value: session}}}),
			docChange(db.CollTestFlows, db.ChangeUpdate, oid.Hex(), session.Hex()), eventChange},
		{"trimmed update, document gone (no fullDocument at all)", event("update", db.CollExecutionLogs, bson.E{Key: "documentKey", Value: key}),
			docChange(db.CollExecutionLogs, db.ChangeUpdate, oid.Hex(), ""), eventChange},
		{"sessionId of another type", event("insert", db.CollBrowserSessions, bson.E{Key: "documentKey", Value: key},
			bson.E{Key: "fullDocument", Value: bson.D{{Key: "sessionId", Value: "not an id"}}}),
			docChange(db.CollBrowserSessions, db.ChangeInsert, oid.Hex(), ""), eventChange},
		{"another collection", event("insert", "audit", bson.E{Key: "documentKey", Value: key}), db.Change{}, eventIgnored},
		{"an _id that is no ObjectID", event("insert", db.CollTestSessions, bson.E{Key: "documentKey", Value: bson.D{{Key: "_id", Value: "x"}}}), db.Change{}, eventIgnored},
		{"one of ours dropped", event("drop", db.CollExecutionLogs), resetChange, eventChange},
		{"another collection dropped", event("drop", "audit"), db.Change{}, eventIgnored},
		{"renamed onto one of ours", event("rename", "staging", bson.E{Key: "to", Value: bson.D{{Key: "db", Value: "agent"}, {Key: "coll", Value: db.CollTestFlows}}}), resetChange, eventChange},
		{"index created (expanded events)", event("createIndexes", db.CollTestFlows), db.Change{}, eventIgnored},
	}
	for _, c := range cases {
		t.Run(c.what, func(t *testing.T) {
			change, kind, err := decodeChangeEvent(c.event)
			if err != nil {
				t.Fatal(err)
			}
			if change != c.want || kind != c.kind {
				t.Errorf("decoded %+v (kind %d), want %+v (kind %d)", change, kind, c.want, c.kind)
			}
		})
	}

	for _, bad := range []bson.Raw{{0x05, 0, 0}, mustMarshal(t, bson.D{{Key: "ns", Value: "x"}})} {
		if _, _, err := decodeChangeEvent(bad); err == nil {
			t.Errorf("decodeChangeEvent(%x) accepted a malformed event", []byte(bad))
		}
	}
}

func mustMarshal(t testing.TB, v any) bson.Raw {
	t.Helper()
	raw, err := bson.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
