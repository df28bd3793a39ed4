package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/testing-agent/backend/db"
)

// SaveArtifact stores a file of a flow of an existing session.
func (s *Store) SaveArtifact(ctx context.Context, in db.NewArtifact) (*db.Artifact, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	a := &db.Artifact{ID: db.NewID(), SessionID: in.SessionID, FlowID: in.FlowID, Name: in.Name,
		ContentType: in.ContentType, Size: len(in.Data), CreatedAt: db.Now()}
	err := s.inTx(ctx, func(tx *writeTx) error {
		if err := sessionExists(ctx, tx, in.SessionID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO artifacts (id, sessionId, flowId, name, contentType, size, createdAt, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, a.SessionID, a.FlowID, a.Name, a.ContentType, a.Size, millis(a.CreatedAt), in.Data)
		if err != nil {
			return fmt.Errorf("insert artifact: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// GetArtifact returns an artifact and its bytes.
func (s *Store) GetArtifact(ctx context.Context, id string) (*db.Artifact, []byte, error) {
	if err := db.CheckID("artifactId", id); err != nil {
		return nil, nil, err
	}
	var (
		a         db.Artifact
		createdAt int64
		data      []byte
	)
	err := s.reader.QueryRowContext(ctx, `SELECT id, sessionId, flowId, name, contentType, size, createdAt, data
		FROM artifacts WHERE id = ?`, id).Scan(&a.ID, &a.SessionID, &a.FlowID, &a.Name, &a.ContentType, &a.Size, &createdAt, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("artifact", id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("get artifact: %w", err)
	}
	a.CreatedAt = fromMillis(createdAt)
	return &a, data, nil
}
