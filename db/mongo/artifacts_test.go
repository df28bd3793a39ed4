package mongo

import (
	"bytes"
	"context"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/testing-agent/backend/db"
)

// checkArtifactsOnGridFS fails t unless artifacts are stored in the
// artifacts GridFS bucket, in chunks, read back whole whether they fill
// no chunk, one or several, and leave nothing behind when their session is
// deleted.
func checkArtifactsOnGridFS(t *testing.T, s *Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	newSession := func(name string) (*db.TestSession, *db.TestFlow) {
		sess, err := s.CreateTestSession(ctx, db.NewTestSession{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		_, flows, err := s.CreateTestFlows(ctx, sess.ID, []db.NewTestFlow{{Name: "f", Instructions: "x"}})
		if err != nil {
			t.Fatal(err)
		}
		return sess, flows[0]
	}
	sess, flow := newSession("doomed")
	keep, keepFlow := newSession("kept")

	pattern := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i * 7 % 251)
		}
		return b
	}
	const chunk = 255 << 10 // the driver's GridFS chunk size
	cases := []struct {
		name   string
		data   []byte
		chunks int64
	}{
		{"empty", []byte{}, 0},
		{"small", []byte("\x89PNG"), 1},
		{"three chunks", pattern(2*chunk + 1), 3},
	}
	var saved []*db.Artifact
	for _, c := range cases {
		a, err := s.SaveArtifact(ctx, db.NewArtifact{SessionID: sess.ID, FlowID: flow.ID, Name: c.name, ContentType: "image/png", Data: c.data})
		if err != nil {
			t.Fatalf("SaveArtifact(%s): %v", c.name, err)
		}
		saved = append(saved, a)
		got, data, err := s.GetArtifact(ctx, a.ID)
		if err != nil {
			t.Fatalf("GetArtifact(%s): %v", c.name, err)
		}
		if !bytes.Equal(data, c.data) || *got != *a || got.Size != len(c.data) {
			t.Errorf("artifact %s read back as %+v with %d bytes, want %+v with %d", c.name, got, len(data), a, len(c.data))
		}
		oid, _ := bson.ObjectIDFromHex(a.ID)
		if n := countDocs(t, s.artifactChunks, bson.D{{Key: "files_id", Value: oid}}); n != c.chunks {
			t.Errorf("artifact %s is stored in %d chunks, want %d", c.name, n, c.chunks)
		}
	}
	other, err := s.SaveArtifact(ctx, db.NewArtifact{SessionID: keep.ID, FlowID: keepFlow.ID, Name: "kept", ContentType: "image/png", Data: []byte("k")})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := s.DeleteTestSession(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	for _, a := range saved {
		oid, _ := bson.ObjectIDFromHex(a.ID)
		if n := countDocs(t, s.artifactFiles, bson.D{{Key: "_id", Value: oid}}) + countDocs(t, s.artifactChunks, bson.D{{Key: "files_id", Value: oid}}); n != 0 {
			t.Errorf("artifact %s of the deleted session left %d documents", a.Name, n)
		}
	}
	if _, data, err := s.GetArtifact(ctx, other.ID); err != nil || string(data) != "k" {
		t.Errorf("another session's artifact after the delete = %q, %v", data, err)
	}

	// An artifact whose session document is gone (a crash in the middle of
	// a cascade delete) does not exist.
	keepID, _ := bson.ObjectIDFromHex(keep.ID)
	if _, err := s.sessions.DeleteOne(ctx, bson.D{{Key: "_id", Value: keepID}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.GetArtifact(ctx, other.ID); db.ErrorCode(err) != db.ErrNotFound {
		t.Errorf("GetArtifact of an orphan = %v, want %s", err, db.ErrNotFound)
	}
}

func countDocs(t *testing.T, coll *mongo.Collection, filter bson.D) int64 {
	t.Helper()
	n, err := coll.CountDocuments(t.Context(), filter)
	if err != nil {
		t.Fatalf("count %s: %v", coll.Name(), err)
	}
	return n
}
