package mongo

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// claimSort is the order flows are claimed in; the index
// status_1_queuedAt_1_order_1 serves it.
var claimSort = bson.D{{Key: "queuedAt", Value: 1}, {Key: "order", Value: 1}}

// ClaimFlow gives worker the oldest queued flow. One findAndModify picks
// it (queued and pending, by queuedAt then order) and marks it running
// under a lease, so concurrent claims, of any number of processes, each
// take a different flow.
func (s *Store) ClaimFlow(ctx context.Context, worker string, lease time.Duration) (*db.TestFlow, error) {
	if err := db.ValidateWorker(worker, lease); err != nil {
		return nil, err
	}
	now := db.Now()
	update := bson.D{
		{Key: "$set", Value: bson.D{
			{Key: "status", Value: db.FlowRunning},
			{Key: "startedAt", Value: now},
			{Key: "leaseOwner", Value: worker},
			{Key: "leaseExpires", Value: now.Add(lease)},
		}},
		{Key: "$unset", Value: bson.D{{Key: "completedAt", Value: ""}}},
		{Key: "$inc", Value: bson.D{{Key: "attempts", Value: int64(1)}}},
	}
	var doc flowDoc
	err := s.serially(ctx, func() error {
		return s.flows.FindOneAndUpdate(ctx,
			bson.D{{Key: "status", Value: db.FlowPending}, isQueued},
			update,
			options.FindOneAndUpdate().SetSort(claimSort).SetReturnDocument(options.After),
		).Decode(&doc)
	})
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, internal("claim a queued flow", err)
	}
	flow := doc.toDomain()
	s.publish(flowChange(flow.ID, flow.SessionID))
	return flow, nil
}

// RenewLease extends worker's lease on a flow it runs, with "running under
// worker" in the update's filter.
func (s *Store) RenewLease(ctx context.Context, flowID, worker string, lease time.Duration) error {
	oid, err := parseID("flowId", flowID)
	if err != nil {
		return err
	}
	if err := db.ValidateWorker(worker, lease); err != nil {
		return err
	}
	var res *mongo.UpdateResult
	err = s.serially(ctx, func() error {
		var err error
		res, err = s.flows.UpdateOne(ctx,
			runningUnder(oid, worker),
			bson.D{{Key: "$set", Value: bson.D{{Key: "leaseExpires", Value: db.Now().Add(lease)}}}})
		return err
	})
	if err != nil {
		return internal("renew lease", err)
	}
	if res.MatchedCount == 0 {
		return s.whyNotRunningUnder(ctx, oid, worker)
	}
	return nil
}

// runningUnder is the filter of a flow that worker runs.
func runningUnder(oid bson.ObjectID, worker string) bson.D {
	return bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: db.FlowRunning}, {Key: "leaseOwner", Value: worker}}
}

// whyNotRunningUnder explains why a write filtered by runningUnder matched
// nothing.
func (s *Store) whyNotRunningUnder(ctx context.Context, oid bson.ObjectID, worker string) error {
	exists, err := s.exists(ctx, s.flows, bson.D{{Key: "_id", Value: oid}})
	if err != nil {
		return internal("look up test flow", err)
	}
	if !exists {
		return flowNotFound(oid.Hex())
	}
	return notRunningUnder(oid.Hex(), worker)
}
