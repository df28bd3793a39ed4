package mongo

import (
	"bytes"
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// artifactBucket names the GridFS bucket that holds artifacts: its files
// documents are in artifacts.files (metadata: sessionId, flowId, name,
// contentType), its bytes in artifacts.chunks.
const artifactBucket = "artifacts"

// bucket returns a handle on the artifacts' bucket. The driver's
// GridFSBucket keeps upload state (a read buffer, whether it checked its
// indexes) without a lock, so each call takes a handle of its own.
func (s *Store) bucket() *mongo.GridFSBucket {
	return s.sessions.Database().GridFSBucket(options.GridFSBucket().SetName(artifactBucket))
}

// SaveArtifact stores a file of a session's run. Steps: check that the
// session exists; upload (the driver writes the chunks, then the files
// document that makes them reachable); check again that the session
// exists. If it was deleted meanwhile, the artifact is removed and the call
// reports the session as not found: either this check sees the session
// gone, or the cascade delete, which removes a session's artifacts after
// the session, finds the file. GridFS writes run outside transactions. A
// crash during the upload leaves unreachable chunks.
func (s *Store) SaveArtifact(ctx context.Context, in db.NewArtifact) (*db.Artifact, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	sessionID, err := parseID("sessionId", in.SessionID)
	if err != nil {
		return nil, err
	}
	flowID, err := parseID("flowId", in.FlowID)
	if err != nil {
		return nil, err
	}
	if err := s.requireSession(ctx, sessionID); err != nil {
		return nil, err
	}
	id := bson.NewObjectID()
	meta := artifactMetadataDoc{SessionID: sessionID, FlowID: flowID, Name: in.Name, ContentType: in.ContentType}
	if err := s.bucket().UploadFromStreamWithID(ctx, id, in.Name, bytes.NewReader(in.Data),
		options.GridFSUpload().SetMetadata(meta)); err != nil {
		return nil, internal("store artifact", err)
	}
	if err := s.requireSession(ctx, sessionID); err != nil {
		if db.ErrorCode(err) == db.ErrNotFound {
			if err := s.deleteArtifacts(ctx, bson.A{id}); err != nil {
				return nil, err
			}
		}
		return nil, err
	}
	// The driver stamps uploadDate; read it back so both calls agree.
	doc, err := s.getArtifactDoc(ctx, id)
	if err != nil {
		return nil, err
	}
	return doc.toDomain(), nil
}

// GetArtifact returns an artifact and its bytes. An artifact whose session
// is gone (left by a crash during a cascade delete) does not exist.
func (s *Store) GetArtifact(ctx context.Context, id string) (*db.Artifact, []byte, error) {
	oid, err := parseID("artifactId", id)
	if err != nil {
		return nil, nil, err
	}
	doc, err := s.getArtifactDoc(ctx, oid)
	if err != nil {
		return nil, nil, err
	}
	if err := s.requireSession(ctx, doc.Metadata.SessionID); err != nil {
		if db.ErrorCode(err) == db.ErrNotFound {
			return nil, nil, artifactNotFound(id)
		}
		return nil, nil, err
	}
	var data bytes.Buffer
	data.Grow(int(min(doc.Length, db.MaxArtifactBytes)))
	_, err = s.bucket().DownloadToStream(ctx, oid, &data)
	if errors.Is(err, mongo.ErrFileNotFound) {
		return nil, nil, artifactNotFound(id) // deleted since it was read
	}
	if err != nil {
		return nil, nil, internal("read artifact", err)
	}
	return doc.toDomain(), data.Bytes(), nil
}

func (s *Store) getArtifactDoc(ctx context.Context, oid bson.ObjectID) (*artifactFileDoc, error) {
	var doc artifactFileDoc
	err := s.artifactFiles.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, artifactNotFound(oid.Hex())
	}
	if err != nil {
		return nil, internal("get artifact", err)
	}
	return &doc, nil
}

// deleteSessionArtifacts removes a session's artifacts, as the last step
// of its cascade delete.
func (s *Store) deleteSessionArtifacts(ctx context.Context, sessionID bson.ObjectID) error {
	var files []struct {
		ID bson.ObjectID `bson:"_id"`
	}
	opts := options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}})
	if err := s.findAll(ctx, s.artifactFiles, bson.D{{Key: "metadata.sessionId", Value: sessionID}}, opts, &files); err != nil {
		return internal("list the session's artifacts", err)
	}
	if len(files) == 0 {
		return nil
	}
	ids := make(bson.A, len(files))
	for i, f := range files {
		ids[i] = f.ID
	}
	return s.deleteArtifacts(ctx, ids)
}

// deleteArtifacts removes artifacts: their files documents first, which
// makes the chunks unreachable, then the chunks.
func (s *Store) deleteArtifacts(ctx context.Context, ids bson.A) error {
	in := bson.D{{Key: "$in", Value: ids}}
	if _, err := s.artifactFiles.DeleteMany(ctx, bson.D{{Key: "_id", Value: in}}); err != nil {
		return internal("delete artifacts", err)
	}
	if _, err := s.artifactChunks.DeleteMany(ctx, bson.D{{Key: "files_id", Value: in}}); err != nil {
		return internal("delete artifact chunks", err)
	}
	return nil
}
