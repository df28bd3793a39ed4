package mongo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/testing-agent/backend/db"
)

// Collection names, as the seed names its tables.
const (
	testSessionsCollection    = "testSessions"
	testFlowsCollection       = "testFlows"
	browserSessionsCollection = "browserSessions"
	executionLogsCollection   = "executionLogs"
	systemStatsCollection     = "systemStats"
)

// Store is a db.Store on MongoDB.
type Store struct {
	client   *mongo.Client
	sessions *mongo.Collection
	flows    *mongo.Collection
	browsers *mongo.Collection
	logs     *mongo.Collection
	stats    *mongo.Collection
	// artifactFiles and artifactChunks are the GridFS bucket of artifacts
	// (artifacts.go).
	artifactFiles  *mongo.Collection
	artifactChunks *mongo.Collection

	opts Options
	// where names the server in messages, without credentials.
	where string
	caps  capabilities
	// serial, a one-slot semaphore, serialises read-modify-write
	// operations on servers whose single-document updates are not atomic
	// (see capabilities).
	serial chan struct{}
	// feed hands changes to live queries: those of the change stream when
	// stream is set, else the store's own writes.
	feed   db.Broadcaster
	stream *changeStream
	// lastStatsPrune is when expired stats were last deleted by hand
	// (Unix ms), on deployments without TTL indexes.
	lastStatsPrune atomic.Int64
	// logMu serialises this process's log appends, so their cursors grow
	// in commit order; lastLogTime is the newest timestamp it stamped.
	logMu       sync.Mutex
	lastLogTime time.Time
}

var (
	_ db.Store      = (*Store)(nil)
	_ db.ChangeFeed = (*Store)(nil)
)

// Open connects to MongoDB, checks that the server answers, learns what the
// deployment supports and creates the indexes. It returns within ctx's
// deadline and Options.ServerSelectionTimeout, whichever comes first, when
// the server cannot be reached.
func Open(ctx context.Context, opts Options) (*Store, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	where := redactURI(opts.URI)
	clientOpts := options.Client().
		ApplyURI(opts.URI).
		SetServerSelectionTimeout(opts.ServerSelectionTimeout).
		SetAppName("testing-agent")
	if err := clientOpts.Validate(); err != nil {
		return nil, fmt.Errorf("mongo: MongoDB URI %s is not valid: %w", where, err)
	}
	client, err := mongo.Connect(clientOpts)
	if err != nil {
		return nil, fmt.Errorf("mongo: connect to MongoDB at %s: %w", where, err)
	}
	s := newStore(client, opts, where)
	if err := s.start(ctx); err != nil {
		// Disconnect must not wait on an unreachable server longer than Open may.
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_ = client.Disconnect(closeCtx)
		return nil, err
	}
	return s, nil
}

func newStore(client *mongo.Client, opts Options, where string) *Store {
	database := client.Database(opts.Database)
	return &Store{
		client:   client,
		sessions: database.Collection(testSessionsCollection),
		flows:    database.Collection(testFlowsCollection),
		browsers: database.Collection(browserSessionsCollection),
		logs:     database.Collection(executionLogsCollection),
		stats:    database.Collection(systemStatsCollection),
		// The names GridFS gives a bucket's two collections.
		artifactFiles:  database.Collection(artifactBucket + ".files"),
		artifactChunks: database.Collection(artifactBucket + ".chunks"),
		opts:           opts,
		where:          where,
		serial:         make(chan struct{}, 1),
	}
}

// start is Open's work once a client exists.
func (s *Store) start(ctx context.Context) error {
	if err := s.client.Ping(ctx, nil); err != nil {
		return fmt.Errorf("mongo: cannot use MongoDB at %s (server selection timeout %s): %w",
			s.where, s.opts.ServerSelectionTimeout, err)
	}
	caps, err := s.detectCapabilities(ctx)
	if err != nil {
		return err
	}
	s.caps = caps
	if err := s.ensureIndexes(ctx); err != nil {
		return err
	}
	if err := s.startLiveFeed(ctx, s.openChangeStream); err != nil {
		return err
	}
	s.opts.Logger.InfoContext(ctx, "mongo: store open",
		slog.String("server", s.where),
		slog.String("database", s.opts.Database),
		slog.Bool("transactions", s.caps.transactions),
		slog.Bool("ttlIndexes", s.caps.ttlIndexes),
		slog.Bool("atomicUpdates", s.caps.atomicUpdates),
		slog.Bool("changeStream", s.stream != nil))
	return nil
}

// capabilities are the features of the deployment the store adapts to.
type capabilities struct {
	// transactions: multi-document transactions (replica sets and sharded
	// clusters; not standalone servers, not FerretDB v1).
	transactions bool
	// ttlIndexes: expireAfterSeconds indexes (not FerretDB v1). Known after
	// ensureIndexes.
	ttlIndexes bool
	// atomicUpdates: a findAndModify or update reads and writes a document
	// in one atomic step, so $inc never loses a count and a filter on status
	// guards the write. FerretDB v1 reads, then writes, with nothing in
	// between to stop a concurrent caller; there the store runs its
	// read-modify-write operations one at a time, which is correct as long
	// as one store (one process) writes to the database.
	atomicUpdates bool
	// changeStreams: a change stream can follow the database (replica sets
	// and sharded clusters; not standalone servers, not FerretDB v1).
	changeStreams bool
}

// helloReply holds the fields of the hello command's reply that say what
// kind of deployment answers.
type helloReply struct {
	SetName                      string `bson:"setName"`
	Msg                          string `bson:"msg"`
	LogicalSessionTimeoutMinutes *int64 `bson:"logicalSessionTimeoutMinutes"`
}

func (s *Store) detectCapabilities(ctx context.Context) (capabilities, error) {
	var reply helloReply
	admin := s.client.Database("admin")
	err := admin.RunCommand(ctx, bson.D{{Key: "hello", Value: 1}}).Decode(&reply)
	if err != nil {
		// Servers older than 4.4.2 only know the legacy name.
		err = admin.RunCommand(ctx, bson.D{{Key: "isMaster", Value: 1}}).Decode(&reply)
	}
	if err != nil {
		return capabilities{}, fmt.Errorf("mongo: ask MongoDB at %s what it supports (hello): %w", s.where, err)
	}
	replicated := reply.SetName != "" || reply.Msg == "isdbgrid"
	ferret, err := s.isFerretDB(ctx)
	if err != nil {
		return capabilities{}, err
	}
	return capabilities{
		transactions:  replicated && reply.LogicalSessionTimeoutMinutes != nil && !s.opts.NoTransactions,
		atomicUpdates: !ferret,
		changeStreams: replicated && !ferret && !s.opts.NoChangeStream,
	}, nil
}

// isFerretDB reports whether the server is FerretDB, which adds its own
// version to buildInfo's reply.
func (s *Store) isFerretDB(ctx context.Context) (bool, error) {
	var info struct {
		FerretDBVersion *string `bson:"ferretdbVersion"`
	}
	err := s.client.Database("admin").RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info)
	if err != nil {
		return false, fmt.Errorf("mongo: ask MongoDB at %s for its version (buildInfo): %w", s.where, err)
	}
	return info.FerretDBVersion != nil, nil
}

// Ping reports whether the server answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.client.Ping(ctx, nil); err != nil {
		return fmt.Errorf("mongo: ping MongoDB at %s: %w", s.where, err)
	}
	return nil
}

// Close disconnects. Every write acknowledged before it was acknowledged
// by the server under the connection's write concern, so it is durable as
// the deployment defines durable.
func (s *Store) Close() error {
	if s.stream != nil {
		s.stream.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.client.Disconnect(ctx); err != nil && !errors.Is(err, mongo.ErrClientDisconnected) {
		return fmt.Errorf("mongo: disconnect from MongoDB at %s: %w", s.where, err)
	}
	return nil
}
