package mongo

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// indexSummary is an index as the tests compare it.
type indexSummary struct {
	keys   string // "sessionId:1,order:1"
	unique bool
	ttl    *int32
}

// listIndexes returns the indexes of a collection by name, _id's left out.
func listIndexes(t *testing.T, s *Store, collection string) map[string]indexSummary {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	specs, err := s.sessions.Database().Collection(collection).Indexes().ListSpecifications(ctx)
	if err != nil {
		t.Fatalf("list indexes of %s: %v", collection, err)
	}
	out := map[string]indexSummary{}
	for _, spec := range specs {
		if spec.Name == "_id_" {
			continue
		}
		elems, err := spec.KeysDocument.Elements()
		if err != nil {
			t.Fatalf("index %s keys: %v", spec.Name, err)
		}
		var keys []string
		for _, e := range elems {
			keys = append(keys, fmt.Sprintf("%s:%d", e.Key(), e.Value().AsInt64()))
		}
		out[spec.Name] = indexSummary{
			keys:   strings.Join(keys, ","),
			unique: spec.Unique != nil && *spec.Unique,
			ttl:    spec.ExpireAfterSeconds,
		}
	}
	return out
}

// checkIndexes fails t unless every collection has exactly the indexes its
// queries need. Where the server has TTL indexes, systemStats has one.
func checkIndexes(t *testing.T, s *Store, retention time.Duration) {
	t.Helper()
	want := map[string]map[string]indexSummary{
		"testSessions": {"createdAt_-1__id_-1": {keys: "createdAt:-1,_id:-1"}, "status_1": {keys: "status:1"}},
		"testFlows": {
			"sessionId_1_order_1": {keys: "sessionId:1,order:1", unique: true},
			// ClaimFlow's query and sort, RecoverExpiredLeases' query.
			"status_1_queuedAt_1_order_1": {keys: "status:1,queuedAt:1,order:1"},
			"status_1_leaseExpires_1":     {keys: "status:1,leaseExpires:1"},
		},
		"browserSessions": {
			"sessionId_1_startedAt_1__id_1": {keys: "sessionId:1,startedAt:1,_id:1"},
		},
		"executionLogs": {
			"sessionId_1_timestamp_1__id_1":          {keys: "sessionId:1,timestamp:1,_id:1"},
			"sessionId_1_flowId_1_timestamp_1__id_1": {keys: "sessionId:1,flowId:1,timestamp:1,_id:1"},
			"sessionId_1_level_1_timestamp_1__id_1":  {keys: "sessionId:1,level:1,timestamp:1,_id:1"},
		},
		"systemStats": {"timestamp_-1__id_-1": {keys: "timestamp:-1,_id:-1"}},
		// The artifacts' GridFS bucket: the cascade delete's lookup, and the
		// two indexes the driver's GridFS expects.
		"artifacts.files": {
			"metadata.sessionId_1":    {keys: "metadata.sessionId:1"},
			"filename_1_uploadDate_1": {keys: "filename:1,uploadDate:1"},
		},
		"artifacts.chunks": {"files_id_1_n_1": {keys: "files_id:1,n:1", unique: true}},
	}
	if s.caps.ttlIndexes {
		seconds := int32(retention.Seconds())
		want["systemStats"]["timestamp_ttl"] = indexSummary{keys: "timestamp:1", ttl: &seconds}
	}
	for _, coll := range slices.Sorted(maps.Keys(want)) {
		got := listIndexes(t, s, coll)
		if len(got) != len(want[coll]) {
			t.Errorf("%s has indexes %v, want %v", coll, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want[coll])))
		}
		for name, w := range want[coll] {
			g, ok := got[name]
			switch {
			case !ok:
				t.Errorf("%s has no index %s", coll, name)
			case g.keys != w.keys || g.unique != w.unique:
				t.Errorf("%s index %s = keys %s unique %v, want keys %s unique %v", coll, name, g.keys, g.unique, w.keys, w.unique)
			case (g.ttl == nil) != (w.ttl == nil) || g.ttl != nil && *g.ttl != *w.ttl:
				t.Errorf("%s index %s expireAfterSeconds = %v, want %v", coll, name, fmtPtr(g.ttl), fmtPtr(w.ttl))
			}
		}
	}
}

func fmtPtr[T any](p *T) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// rawDoc reads one stored document as the server holds it.
func rawDoc(t *testing.T, s *Store, collection, id string) bson.Raw {
	t.Helper()
	oid, err := bson.ObjectIDFromHex(id)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	raw, err := s.sessions.Database().Collection(collection).FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Raw()
	if err != nil {
		t.Fatalf("read %s %s: %v", collection, id, err)
	}
	return raw
}

// checkFieldTypes fails t unless each dotted path of doc has the BSON type given.
func checkFieldTypes(t *testing.T, what string, doc bson.Raw, want map[string]bson.Type) {
	t.Helper()
	for _, path := range slices.Sorted(maps.Keys(want)) {
		v, err := doc.LookupErr(strings.Split(path, ".")...)
		if err != nil {
			t.Errorf("%s: no field %s in %s", what, path, doc)
			continue
		}
		if v.Type != want[path] {
			t.Errorf("%s: field %s is BSON %s, want %s", what, path, v.Type, want[path])
		}
	}
}

// checkDocumentLayout writes one of everything and fails t unless the
// stored documents use the collections, names and BSON types the design
// promises.
func checkDocumentLayout(t *testing.T, s *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: "layout", Prompt: "p"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "f", Instructions: "Go to http://localhost/"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionTestFlow(ctx, flows[0].ID, []db.FlowStatus{db.FlowPending}, db.FlowRunning); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionTestSession(ctx, sess.ID, []db.SessionStatus{db.SessionPending}, db.SessionFailed); err != nil {
		t.Fatal(err)
	}
	browser, err := s.CreateBrowserSession(ctx, db.NewBrowserSession{
		SessionID: sess.ID, FlowID: &flows[0].ID, Status: db.BrowserRunning, BrowserType: "chromium",
		Metadata: &db.BrowserMetadata{Version: "120", UserAgent: "ua", Viewport: &db.Viewport{Width: 1280, Height: 720}},
	})
	if err != nil {
		t.Fatal(err)
	}
	logLine, err := s.AppendExecutionLog(ctx, db.NewExecutionLog{
		SessionID: sess.ID, FlowID: &flows[0].ID, BrowserSessionID: &browser.ID, Level: db.LogInfo, Message: "m",
		Data: json.RawMessage(`{"step":3,"ratio":0.5,"ok":true,"tags":["a"],"nested":{"x":null}}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.RecordSystemStats(ctx, db.SystemStats{ActiveSessions: 1, Metrics: &db.PerformanceMetrics{QueueDepth: 2}})
	if err != nil {
		t.Fatal(err)
	}

	checkFieldTypes(t, "testSessions", rawDoc(t, s, "testSessions", sess.ID), map[string]bson.Type{
		"_id": bson.TypeObjectID, "name": bson.TypeString, "prompt": bson.TypeString, "status": bson.TypeString,
		"createdAt": bson.TypeDateTime, "completedAt": bson.TypeDateTime,
		"totalFlows": bson.TypeInt64, "completedFlows": bson.TypeInt64, "flowSeq": bson.TypeInt64,
	})
	checkFieldTypes(t, "testFlows", rawDoc(t, s, "testFlows", flows[0].ID), map[string]bson.Type{
		"_id": bson.TypeObjectID, "sessionId": bson.TypeObjectID, "name": bson.TypeString,
		"description": bson.TypeString, "instructions": bson.TypeString, "approved": bson.TypeBoolean,
		"status": bson.TypeString, "order": bson.TypeInt64, "createdAt": bson.TypeDateTime, "startedAt": bson.TypeDateTime,
	})
	checkFieldTypes(t, "browserSessions", rawDoc(t, s, "browserSessions", browser.ID), map[string]bson.Type{
		"_id": bson.TypeObjectID, "sessionId": bson.TypeObjectID, "flowId": bson.TypeObjectID,
		"status": bson.TypeString, "browserType": bson.TypeString,
		"startedAt": bson.TypeDateTime, "lastActivity": bson.TypeDateTime,
		"metadata": bson.TypeEmbeddedDocument, "metadata.userAgent": bson.TypeString,
		"metadata.viewport.width": bson.TypeInt64,
	})
	checkFieldTypes(t, "executionLogs", rawDoc(t, s, "executionLogs", logLine.ID), map[string]bson.Type{
		"_id": bson.TypeObjectID, "sessionId": bson.TypeObjectID, "flowId": bson.TypeObjectID,
		"browserSessionId": bson.TypeObjectID, "level": bson.TypeString, "message": bson.TypeString,
		"timestamp": bson.TypeDateTime, "data": bson.TypeEmbeddedDocument, "data.step": bson.TypeInt64,
		"data.ratio": bson.TypeDouble, "data.ok": bson.TypeBoolean, "data.tags": bson.TypeArray,
		"data.nested.x": bson.TypeNull,
	})
	checkFieldTypes(t, "systemStats", rawDoc(t, s, "systemStats", stats.ID), map[string]bson.Type{
		"_id": bson.TypeObjectID, "timestamp": bson.TypeDateTime, "activeSessions": bson.TypeInt64,
		"activeBrowsers": bson.TypeInt64, "totalFlowsExecuted": bson.TypeInt64,
		"metrics": bson.TypeEmbeddedDocument, "metrics.queueDepth": bson.TypeInt64,
	})
	// Absent optional values are absent, not null.
	flowDoc := rawDoc(t, s, "testFlows", flows[0].ID)
	for _, field := range []string{"completedAt", "durationMs", "error"} {
		if _, err := flowDoc.LookupErr(field); err == nil {
			t.Errorf("testFlows: a running flow has field %s: %s", field, flowDoc)
		}
	}
}
