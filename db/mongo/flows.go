package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// CreateTestFlows appends flows to a session. Steps: reserve a block of
// orders by $inc of the session's flowSeq (concurrent callers get disjoint
// blocks), insert the flows, then $inc the session's totalFlows. A crash
// leaves at worst a gap in the orders or flows not yet counted in
// totalFlows. If the session was deleted meanwhile, the new flows are
// removed again and the call reports the session as not found.
func (s *Store) CreateTestFlows(ctx context.Context, sessionID string, flows []db.NewTestFlow) (*db.TestSession, []*db.TestFlow, error) {
	oid, err := parseID("sessionId", sessionID)
	if err != nil {
		return nil, nil, err
	}
	if err := db.ValidateNewTestFlows(flows); err != nil {
		return nil, nil, err
	}
	n := int64(len(flows))
	var (
		session *db.TestSession
		created []*db.TestFlow
	)
	err = s.atomically(ctx, func(ctx context.Context) error {
		session, created = nil, nil
		first, err := s.reserveOrders(ctx, oid, n)
		if err != nil {
			return err
		}
		now := db.Now()
		docs := make([]flowDoc, len(flows))
		for i, f := range flows {
			docs[i] = flowDoc{
				ID:           bson.NewObjectID(),
				SessionID:    oid,
				Name:         f.Name,
				Description:  f.Description,
				Instructions: f.Instructions,
				Approved:     f.Approved,
				Status:       db.FlowPending,
				Order:        first + int64(i) + 1, // from 1, as the seed numbers flows
				CreatedAt:    now,
			}
		}
		if _, err := s.flows.InsertMany(ctx, docs); err != nil {
			return writeErr("insert test flows", err)
		}
		var doc sessionDoc
		err = s.sessions.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: oid}},
			bson.D{{Key: "$inc", Value: bson.D{{Key: "totalFlows", Value: n}}}},
			options.FindOneAndUpdate().SetReturnDocument(options.After),
		).Decode(&doc)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return s.undoFlowsOfDeletedSession(ctx, oid, docs)
		}
		if err != nil {
			return internal("count new test flows", err)
		}
		session = doc.toDomain()
		created = make([]*db.TestFlow, len(docs))
		for i := range docs {
			created[i] = docs[i].toDomain()
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	changes := make([]db.Change, 0, len(created)+1)
	for _, f := range created {
		changes = append(changes, db.Change{Collection: db.CollTestFlows, Op: db.ChangeInsert, ID: f.ID, SessionID: sessionID})
	}
	s.publish(append(changes, changeOf(db.CollTestSessions, db.ChangeUpdate, oid, sessionID))...)
	return session, created, nil
}

// reserveOrders takes n consecutive orders from the session's flowSeq and
// returns the first.
func (s *Store) reserveOrders(ctx context.Context, sessionID bson.ObjectID, n int64) (int64, error) {
	// No projection: FerretDB v1's findAndModify does not implement one.
	var doc sessionDoc
	err := s.sessions.FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: sessionID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "flowSeq", Value: n}}}},
		options.FindOneAndUpdate().SetReturnDocument(options.After),
	).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return 0, sessionNotFound(sessionID.Hex())
	}
	if err != nil {
		return 0, internal("reserve flow orders", err)
	}
	return doc.FlowSeq - n, nil
}

// undoFlowsOfDeletedSession removes flows inserted for a session that was
// deleted before they were counted.
func (s *Store) undoFlowsOfDeletedSession(ctx context.Context, sessionID bson.ObjectID, docs []flowDoc) error {
	ids := make(bson.A, len(docs))
	for i := range docs {
		ids[i] = docs[i].ID
	}
	if _, err := s.flows.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}); err != nil {
		return internal("remove test flows of a deleted session", err)
	}
	return sessionNotFound(sessionID.Hex())
}

// ListTestFlows returns a session's flows in order.
func (s *Store) ListTestFlows(ctx context.Context, sessionID string) ([]*db.TestFlow, error) {
	oid, err := parseID("sessionId", sessionID)
	if err != nil {
		return nil, err
	}
	if err := s.requireSession(ctx, oid); err != nil {
		return nil, err
	}
	opts := options.Find().SetSort(bson.D{{Key: "order", Value: 1}, {Key: "_id", Value: 1}})
	var docs []flowDoc
	if err := s.findAll(ctx, s.flows, bson.D{{Key: "sessionId", Value: oid}}, opts, &docs); err != nil {
		return nil, internal("list test flows", err)
	}
	out := make([]*db.TestFlow, len(docs))
	for i := range docs {
		out[i] = docs[i].toDomain()
	}
	return out, nil
}

// GetTestFlow returns one flow. A flow whose session is gone (left by a
// crash during a cascade delete) does not exist.
func (s *Store) GetTestFlow(ctx context.Context, id string) (*db.TestFlow, error) {
	oid, err := parseID("flowId", id)
	if err != nil {
		return nil, err
	}
	var doc flowDoc
	err = s.flows.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, flowNotFound(id)
	}
	if err != nil {
		return nil, internal("get test flow", err)
	}
	if err := s.requireFlowSessions(ctx, []flowDoc{doc}); err != nil {
		return nil, err
	}
	return doc.toDomain(), nil
}

// requireFlowSessions returns ErrNotFound naming the first flow whose
// session no longer exists.
func (s *Store) requireFlowSessions(ctx context.Context, flows []flowDoc) error {
	seen := map[bson.ObjectID]bool{}
	ids := bson.A{}
	for _, f := range flows {
		if !seen[f.SessionID] {
			seen[f.SessionID] = true
			ids = append(ids, f.SessionID)
		}
	}
	var found []struct {
		ID bson.ObjectID `bson:"_id"`
	}
	filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}
	if err := s.findAll(ctx, s.sessions, filter, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}), &found); err != nil {
		return internal("look up the flows' test sessions", err)
	}
	live := map[bson.ObjectID]bool{}
	for _, f := range found {
		live[f.ID] = true
	}
	for _, f := range flows {
		if !live[f.SessionID] {
			return flowNotFound(f.ID.Hex())
		}
	}
	return nil
}

// notRunning is the filter clause that guards writes to idle flows.
var notRunning = bson.E{Key: "status", Value: bson.D{{Key: "$ne", Value: db.FlowRunning}}}

// notQueued is the filter clause that keeps a run's flows from being
// approved, unapproved, edited or deleted while the run holds them. It
// matches a missing queuedAt too.
var notQueued = bson.E{Key: "queuedAt", Value: nil}

// UpdateTestFlow edits a flow's texts unless it is running or queued; new
// instructions unapprove it. The status checks are part of the update's
// filter, so a flow that starts running concurrently is never edited, and
// so is the comparison of the instructions: one update sets them and
// unapproves when they differ, the other leaves the approval when they do
// not.
func (s *Store) UpdateTestFlow(ctx context.Context, id string, upd db.TestFlowUpdate) (*db.TestFlow, error) {
	oid, err := parseID("flowId", id)
	if err != nil {
		return nil, err
	}
	if err := upd.Validate(); err != nil {
		return nil, err
	}
	set := bson.D{}
	for _, f := range []struct {
		name  string
		value *string
	}{{"name", upd.Name}, {"description", upd.Description}, {"instructions", upd.Instructions}} {
		if f.value != nil {
			set = append(set, bson.E{Key: f.name, Value: *f.value})
		}
	}
	var doc flowDoc
	err = s.serially(ctx, func() error {
		filter := bson.D{{Key: "_id", Value: oid}, notRunning, notQueued}
		if upd.Instructions != nil {
			changed := append(filter, bson.E{Key: "instructions", Value: bson.D{{Key: "$ne", Value: *upd.Instructions}}})
			err := s.flows.FindOneAndUpdate(ctx, changed,
				bson.D{{Key: "$set", Value: append(set, bson.E{Key: "approved", Value: false})}},
				options.FindOneAndUpdate().SetReturnDocument(options.After),
			).Decode(&doc)
			if !errors.Is(err, mongo.ErrNoDocuments) {
				return err
			}
			filter = append(filter, bson.E{Key: "instructions", Value: *upd.Instructions})
		}
		return s.flows.FindOneAndUpdate(ctx, filter,
			bson.D{{Key: "$set", Value: set}},
			options.FindOneAndUpdate().SetReturnDocument(options.After),
		).Decode(&doc)
	})
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, s.whyFlowNotChanged(ctx, oid, "edit")
	}
	if err != nil {
		return nil, internal("update test flow", err)
	}
	if err := s.requireFlowSessions(ctx, []flowDoc{doc}); err != nil {
		return nil, err
	}
	s.publish(changeOf(db.CollTestFlows, db.ChangeUpdate, doc.ID, doc.SessionID.Hex()))
	return doc.toDomain(), nil
}

// whyFlowNotChanged explains why a write guarded by notRunning (and
// notQueued) matched nothing.
func (s *Store) whyFlowNotChanged(ctx context.Context, oid bson.ObjectID, verb string) error {
	var doc flowDoc
	err := s.flows.FindOne(ctx, bson.D{{Key: "_id", Value: oid}}).Decode(&doc)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return flowNotFound(oid.Hex())
	case err != nil:
		return internal("look up test flow", err)
	case doc.Status == db.FlowRunning:
		return flowRunning(oid.Hex(), verb)
	case doc.QueuedAt != nil:
		return flowQueued(oid.Hex(), verb)
	}
	// It was running or queued a moment ago.
	return db.Errorf(db.ErrConflict, "test flow %s changed while you tried to %s it; try again", oid.Hex(), verb)
}

// DeleteTestFlow removes a flow that is neither running nor queued and
// updates its session's totals. Steps: delete the flow with "not running,
// not queued" in the filter, then $inc the session's totalFlows (and
// completedFlows or failedFlows) by -1. A crash between them leaves the
// totals one too high.
func (s *Store) DeleteTestFlow(ctx context.Context, id string) (*db.TestSession, error) {
	oid, err := parseID("flowId", id)
	if err != nil {
		return nil, err
	}
	var session *db.TestSession
	err = s.atomically(ctx, func(ctx context.Context) error {
		session = nil
		var flow flowDoc
		err := s.flows.FindOneAndDelete(ctx, bson.D{{Key: "_id", Value: oid}, notRunning, notQueued}).Decode(&flow)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return s.whyFlowNotChanged(ctx, oid, "delete")
		}
		if err != nil {
			return internal("delete test flow", err)
		}
		dec := append(bson.D{{Key: "totalFlows", Value: -1}}, outcomeDelta(flow.Status, db.FlowPending)...)
		var doc sessionDoc
		err = s.sessions.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: flow.SessionID}},
			bson.D{{Key: "$inc", Value: dec}},
			options.FindOneAndUpdate().SetReturnDocument(options.After),
		).Decode(&doc)
		if errors.Is(err, mongo.ErrNoDocuments) {
			// An orphan of an interrupted cascade delete: gone now, and it
			// was never visible.
			return flowNotFound(id)
		}
		if err != nil {
			return internal("count deleted test flow", err)
		}
		session = doc.toDomain()
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(
		changeOf(db.CollTestFlows, db.ChangeDelete, oid, session.ID),
		db.Change{Collection: db.CollTestSessions, Op: db.ChangeUpdate, ID: session.ID, SessionID: session.ID})
	return session, nil
}
