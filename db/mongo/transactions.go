package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readconcern"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"
)

// atomically runs fn, a change of several documents, in one multi-document
// transaction where the deployment has them, and plainly elsewhere. fn must
// order its writes as if no transaction protected it (see the package
// comment), and may run more than once: the driver retries it on transient
// errors, so it must reset any result it collects.
func (s *Store) atomically(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.serially(ctx, func() error {
		if !s.caps.transactions {
			return fn(ctx)
		}
		sess, err := s.client.StartSession()
		if err != nil {
			return fmt.Errorf("mongo: start session: %w", err)
		}
		defer sess.EndSession(context.WithoutCancel(ctx))
		txn := options.Transaction().
			SetReadConcern(readconcern.Snapshot()).
			SetWriteConcern(writeconcern.Majority())
		_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
			return nil, fn(ctx)
		}, txn)
		return internal("transaction", err)
	})
}

// serially runs fn, a write whose effect depends on the state it finds, on
// its own where single-document updates are not atomic (FerretDB v1, see
// capabilities.atomicUpdates); elsewhere the server makes each such write
// atomic and fn runs at once. Waiting for its turn ends with ctx.
func (s *Store) serially(ctx context.Context, fn func() error) error {
	if !s.caps.atomicUpdates {
		select {
		case s.serial <- struct{}{}:
			defer func() { <-s.serial }()
		case <-ctx.Done():
			return fmt.Errorf("mongo: wait for a concurrent write: %w", context.Cause(ctx))
		}
	}
	return fn()
}
