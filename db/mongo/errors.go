package mongo

import (
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/testing-agent/backend/db"
)

// Server error codes this package reacts to.
const (
	codeIndexOptionsConflict  = 85
	codeIndexKeySpecsConflict = 86
	codeNotImplemented        = 238 // FerretDB's answer to features it lacks
)

// internal wraps a driver error for the log. A *db.Error passes unchanged,
// so errors returned from inside a transaction keep their code.
func internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *db.Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("mongo: %s: %w", op, err)
}

// writeErr is internal for writes, except that a duplicate key means two
// callers raced for the same unique value: a conflict the caller can retry.
func writeErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if mongo.IsDuplicateKeyError(err) {
		return db.Errorf(db.ErrConflict, "a concurrent change got there first; try again")
	}
	return internal(op, err)
}

func hasServerCode(err error, code int) bool {
	var se mongo.ServerError
	return errors.As(err, &se) && se.HasErrorCode(code)
}

func sessionNotFound(id string) error {
	return db.Errorf(db.ErrNotFound, "test session %s does not exist", id)
}

func flowNotFound(id string) error {
	return db.Errorf(db.ErrNotFound, "test flow %s does not exist", id)
}

func flowRunning(id, verb string) error {
	return db.Errorf(db.ErrConflict, "test flow %s is running: cancel its session's run before you %s it", id, verb)
}

func flowQueued(id, verb string) error {
	return db.Errorf(db.ErrConflict, "test flow %s is queued to run: cancel its session's run before you %s it", id, verb)
}

func notRunningUnder(flowID, worker string) error {
	return db.Errorf(db.ErrConflict, "test flow %s is no longer running under worker %s", flowID, worker)
}

func artifactNotFound(id string) error {
	return db.Errorf(db.ErrNotFound, "artifact %s does not exist", id)
}

func browserSessionNotFound(id string) error {
	return db.Errorf(db.ErrNotFound, "browser session %s does not exist", id)
}
