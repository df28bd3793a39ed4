package mongo

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/testing-agent/backend/db/mongo/mongotest"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// trickyJSON are log data values that need the rules of logdata.go, with
// the compact JSON each reads back as.
var trickyJSON = []struct {
	what, in, out string
}{
	{"plain object keeps key order", `{"b":1,"a":2}`, `{"b":1,"a":2}`},
	{"dollar key", `{"$set":{"x":1}}`, `{"$set":{"x":1}}`},
	{"dollar inside a key", `{"a$b":1}`, `{"a$b":1}`},
	{"dotted key", `{"a.b":{"c.d":2}}`, `{"a.b":{"c.d":2}}`},
	{"percent key", `{"100%":1,"%24":2,"%array":3}`, `{"100%":1,"%24":2,"%array":3}`},
	{"NUL in key", `{"a\u0000b":1}`, `{"a\u0000b":1}`},
	{"empty key", `{"":1}`, `{"":1}`},
	{"nested arrays", `[[1,[2,[]]],[]]`, `[[1,[2,[]]],[]]`},
	{"array of arrays in object", `{"m":[[1,2],[3,4]]}`, `{"m":[[1,2],[3,4]]}`},
	{"single %array object in an array", `[{"%array":[1]}]`, `[{"%array":[1]}]`},
	{"repeated key keeps first place, last value", `{"a":1,"b":2,"a":3}`, `{"a":3,"b":2}`},
	{"int64 bounds", `[9223372036854775807,-9223372036854775808]`, `[9223372036854775807,-9223372036854775808]`},
	{"integer beyond int64 becomes a double", `18446744073709551616`, `18446744073709552000`},
	{"float spellings", `[1.0,1e2,-0.125,1.5e-7]`, `[1,100,-0.125,1.5e-7]`},
	{"HTML characters stay as sent", `"<a href='x'>&</a>"`, `"<a href='x'>&</a>"`},
	{"unicode and escapes", `"é🙂\n\"q\"\\\u2028"`, `"é🙂\n\"q\"\\\u2028"`}, // U+2028 stays escaped, as encoding/json writes it
	{"whitespace", " {\"k\" : [ 1 , 2 ] } ", `{"k":[1,2]}`},
	{"top-level null", `null`, `null`},
}

func TestLogDataRoundTripWithoutServer(t *testing.T) {
	for _, c := range trickyJSON {
		v, err := jsonToBSON(json.RawMessage(c.in))
		if err != nil {
			t.Errorf("%s: jsonToBSON(%s): %v", c.what, c.in, err)
			continue
		}
		out, err := bsonToJSON(v)
		if err != nil {
			t.Errorf("%s: bsonToJSON: %v", c.what, err)
			continue
		}
		if string(out) != c.out {
			t.Errorf("%s: %s reads back as %s, want %s", c.what, c.in, out, c.out)
		}
		if !sameJSON(t, out, []byte(c.out)) {
			t.Errorf("%s: %s is not the same JSON as %s", c.what, out, c.out)
		}
	}
}

func TestLogDataRejectsHugeExponent(t *testing.T) {
	_, err := jsonToBSON(json.RawMessage(`{"x":1e400}`))
	if db.ErrorCode(err) != db.ErrInvalid {
		t.Errorf("jsonToBSON(1e400) = %v, want %s", err, db.ErrInvalid)
	}
}

func TestEscapeKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"$set", "%24set"},
		{"a$", "a$"},
		{"a.b", "a%2Eb"},
		{"50%", "50%25"},
		{"%2E", "%252E"},
		{"a\x00", "a%00"},
		{"", ""},
	}
	for _, c := range cases {
		if got := escapeKey(c.in); got != c.want {
			t.Errorf("escapeKey(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := unescapeKey(escapeKey(c.in)); got != c.in {
			t.Errorf("unescapeKey(escapeKey(%q)) = %q", c.in, got)
		}
	}
}

// TestFerretDBStoresTrickyLogData sends the tricky values through FerretDB,
// which refuses '$' and '.' keys and nested arrays, and checks that each
// reads back as sent.
func TestFerretDBStoresTrickyLogData(t *testing.T) {
	f := mongotest.StartFerretDB(t, t.TempDir())
	checkTrickyLogData(t, openTestStore(t, f.URI, mongotest.FreshDatabase("logdata")))
}

func checkTrickyLogData(t *testing.T, s *Store) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "data"})
	if err != nil {
		t.Fatal(err)
	}
	base := db.Now()
	for i, c := range trickyJSON {
		_, err := s.AppendExecutionLog(ctx, db.NewExecutionLog{
			SessionID: sess.ID, Level: db.LogDebug, Message: c.what, Data: json.RawMessage(c.in),
			Timestamp: base.Add(time.Duration(i) * time.Millisecond),
		})
		if err != nil {
			t.Errorf("%s: AppendExecutionLog(%s): %v", c.what, c.in, err)
		}
	}
	page, err := s.ListExecutionLogs(ctx, db.LogQuery{SessionID: sess.ID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	byMessage := map[string]string{}
	for _, l := range page.Logs {
		byMessage[l.Message] = string(l.Data)
	}
	for _, c := range trickyJSON {
		if got, ok := byMessage[c.what]; ok && got != c.out {
			t.Errorf("%s: stored %s reads back as %s, want %s", c.what, c.in, got, c.out)
		}
	}
	// The stored value is the document itself, not a string of JSON.
	oid, _ := bson.ObjectIDFromHex(sess.ID)
	var doc struct {
		Data bson.D `bson:"data"`
	}
	err = s.logs.FindOne(ctx, bson.D{{Key: "sessionId", Value: oid}, {Key: "message", Value: trickyJSON[1].what}}).Decode(&doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := (bson.D{{Key: "%24set", Value: bson.D{{Key: "x", Value: int64(1)}}}}); !reflect.DeepEqual(doc.Data, want) {
		t.Errorf("stored data of %s = %v, want %v", trickyJSON[1].in, doc.Data, want)
	}
}

func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Errorf("%s: %v", a, err)
		return false
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Errorf("%s: %v", b, err)
		return false
	}
	return reflect.DeepEqual(x, y)
}
