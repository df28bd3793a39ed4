package mongo

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// changeStreamPipeline trims each event to what decodeChangeEvent reads.
// The server still looks up the document of every update, but sends only
// its sessionId instead of all of it (log data, flow instructions). The
// event's _id, its resume token, must stay as it is.
var changeStreamPipeline = mongo.Pipeline{
	{{Key: "$project", Value: bson.D{
		{Key: "operationType", Value: 1},
		{Key: "ns", Value: 1},
		{Key: "to", Value: 1},
		{Key: "documentKey", Value: 1},
		{Key: "fullDocument.sessionId", Value: 1},
	}}},
}

// openChangeStream is the store's opener: a database-level stream with
// updateLookup, so updates say which session their document belongs to.
// It always resumes with startAfter, which takes an invalidate token too
// (the driver's floor, server 4.4, has it).
func (s *Store) openChangeStream(ctx context.Context, startAfter bson.Raw) (eventSource, error) {
	opts := options.ChangeStream().SetFullDocument(options.UpdateLookup)
	if startAfter != nil {
		opts.SetStartAfter(startAfter)
	}
	cs, err := s.sessions.Database().Watch(ctx, changeStreamPipeline, opts)
	if err != nil {
		return nil, fmt.Errorf("mongo: watch database %s at %s: %w", s.opts.Database, s.where, err)
	}
	return driverStream{cs}, nil
}

// errStreamClosedByServer: the server closed the cursor without an error,
// which it does after invalidate; resumable from the last token.
var errStreamClosedByServer = errors.New("mongo: change stream closed by the server")

// driverStream is an eventSource over the driver's change stream. The
// driver resumes by itself once per resumable error; what it cannot fix
// surfaces through Err.
type driverStream struct{ cs *mongo.ChangeStream }

func (d driverStream) TryNext(ctx context.Context) bool { return d.cs.TryNext(ctx) }
func (d driverStream) Current() bson.Raw                { return d.cs.Current }

// ResumeToken is the driver's cached token: the post-batch token after the
// last event of a batch or an empty batch, else the current event's _id.
func (d driverStream) ResumeToken() bson.Raw { return d.cs.ResumeToken() }

func (d driverStream) Err() error {
	if err := d.cs.Err(); err != nil {
		return fmt.Errorf("mongo: change stream: %w", err)
	}
	if d.cs.ID() == 0 {
		return errStreamClosedByServer
	}
	return nil
}

func (d driverStream) Close(ctx context.Context) error { return d.cs.Close(ctx) }
