package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// AppendExecutionLog adds a log line to a session. A zero timestamp means now.
func (s *Store) AppendExecutionLog(ctx context.Context, in db.NewExecutionLog) (*db.ExecutionLog, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	sessionID, err := parseID("sessionId", in.SessionID)
	if err != nil {
		return nil, err
	}
	// Only the session must exist; flow and browser session are references
	// for filtering, not constraints (as in every backend).
	if err := s.requireSession(ctx, sessionID); err != nil {
		return nil, err
	}
	doc, err := s.insertLog(ctx, in)
	if err != nil {
		return nil, err
	}
	return doc.toDomain()
}

// insertLog stamps and inserts a valid log of an existing session, and
// publishes it.
func (s *Store) insertLog(ctx context.Context, in db.NewExecutionLog) (*executionLogDoc, error) {
	sessionID, err := parseID("sessionId", in.SessionID)
	if err != nil {
		return nil, err
	}
	flowID, err := parseOptionalID("flowId", in.FlowID)
	if err != nil {
		return nil, err
	}
	browserSessionID, err := parseOptionalID("browserSessionId", in.BrowserSessionID)
	if err != nil {
		return nil, err
	}
	doc := executionLogDoc{
		SessionID:        sessionID,
		FlowID:           flowID,
		BrowserSessionID: browserSessionID,
		Level:            in.Level,
		Message:          in.Message,
		Timestamp:        storedTime(in.Timestamp),
	}
	if in.Data != nil {
		if doc.Data, err = jsonToBSON(in.Data); err != nil {
			return nil, err
		}
	}
	// A log's cursor is its (timestamp, ID). This process stamps and
	// inserts its logs one at a time, so their cursors grow in the order
	// they commit and a reader past a cursor never meets an earlier log
	// later. (Across processes, clock skew can still interleave them.)
	s.logMu.Lock()
	defer s.logMu.Unlock()
	doc.ID = bson.NewObjectID()
	if in.Timestamp.IsZero() {
		doc.Timestamp = db.Now()
		if doc.Timestamp.Before(s.lastLogTime) {
			doc.Timestamp = s.lastLogTime
		}
		s.lastLogTime = doc.Timestamp
	}
	if _, err := s.logs.InsertOne(ctx, doc); err != nil {
		return nil, writeErr("append execution log", err)
	}
	s.publish(changeOf(db.CollExecutionLogs, db.ChangeInsert, doc.ID, in.SessionID))
	return &doc, nil
}

// ListExecutionLogs returns a page of a session's logs in (timestamp, ID)
// order, after q.After when set. It reads one line more than the page to
// learn whether another page follows.
func (s *Store) ListExecutionLogs(ctx context.Context, q db.LogQuery) (*db.LogPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	return s.findLogs(ctx, q, 1)
}

// LastExecutionLog returns the newest log q selects, or nil.
func (s *Store) LastExecutionLog(ctx context.Context, q db.LogQuery) (*db.ExecutionLog, error) {
	q.After, q.Limit = nil, 1
	if err := q.Validate(); err != nil {
		return nil, err
	}
	page, err := s.findLogs(ctx, q, -1)
	if err != nil || len(page.Logs) == 0 {
		return nil, err
	}
	return page.Logs[0], nil
}

// findLogs reads logs in (timestamp, ID) order, ascending (direction 1)
// or descending (-1), after q.After when set (ascending only).
func (s *Store) findLogs(ctx context.Context, q db.LogQuery, direction int) (*db.LogPage, error) {
	sessionID, err := parseID("sessionId", q.SessionID)
	if err != nil {
		return nil, err
	}
	filter := bson.D{{Key: "sessionId", Value: sessionID}}
	if q.FlowID != nil {
		flowID, err := parseID("flowId", *q.FlowID)
		if err != nil {
			return nil, err
		}
		filter = append(filter, bson.E{Key: "flowId", Value: flowID})
	}
	if q.Level != nil {
		filter = append(filter, bson.E{Key: "level", Value: *q.Level})
	}
	if q.After != nil {
		afterID, err := parseID("after", q.After.ID)
		if err != nil {
			return nil, err
		}
		t := storedTime(q.After.Timestamp)
		filter = append(filter, bson.E{Key: "$or", Value: bson.A{
			bson.D{{Key: "timestamp", Value: bson.D{{Key: "$gt", Value: t}}}},
			bson.D{{Key: "timestamp", Value: t}, {Key: "_id", Value: bson.D{{Key: "$gt", Value: afterID}}}},
		}})
	}
	if err := s.requireSession(ctx, sessionID); err != nil {
		return nil, err
	}
	opts := options.Find().
		SetSort(bson.D{{Key: "timestamp", Value: direction}, {Key: "_id", Value: direction}}).
		SetLimit(int64(q.Limit) + 1)
	var docs []executionLogDoc
	if err := s.findAll(ctx, s.logs, filter, opts, &docs); err != nil {
		return nil, internal("list execution logs", err)
	}
	page := &db.LogPage{HasNextPage: len(docs) > q.Limit}
	docs = docs[:min(len(docs), q.Limit)]
	page.Logs = make([]*db.ExecutionLog, len(docs))
	for i := range docs {
		if page.Logs[i], err = docs[i].toDomain(); err != nil {
			return nil, err
		}
	}
	return page, nil
}
