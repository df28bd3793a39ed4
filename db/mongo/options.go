package mongo

import (
	"errors"
	"log/slog"
	"time"
)

// Defaults for Options fields left zero.
const (
	DefaultStatsRetention         = 7 * 24 * time.Hour
	DefaultServerSelectionTimeout = 10 * time.Second
)

// Options configure Open.
type Options struct {
	// URI is a MongoDB connection string, e.g. mongodb://localhost:27017.
	URI string
	// Database holds the five collections.
	Database string
	// StatsRetention is how long systemStats samples are kept; zero means
	// DefaultStatsRetention.
	StatsRetention time.Duration
	// ServerSelectionTimeout bounds how long an operation waits for a
	// usable server; zero means DefaultServerSelectionTimeout. It keeps Open
	// from hanging on an unreachable address.
	ServerSelectionTimeout time.Duration
	// NoTransactions makes the store use its crash-ordered writes even where
	// the deployment supports transactions (tests use it to cover both paths
	// on one server).
	NoTransactions bool
	// NoChangeStream makes live updates come from the store's own writes,
	// published as they succeed, even where the deployment has change
	// streams; they then miss other processes' writes. Tests use it where
	// they expect a write's change the moment the write returns (a stream
	// delivers it a little later).
	NoChangeStream bool
	// Logger receives the store's few log lines; nil means slog.Default().
	Logger *slog.Logger
}

// withDefaults fills zero fields and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.URI == "" {
		return o, errors.New("mongo: Options.URI is empty: pass a MongoDB connection string such as mongodb://localhost:27017")
	}
	if o.Database == "" {
		return o, errors.New("mongo: Options.Database is empty: name the database that holds the collections")
	}
	if o.StatsRetention < 0 || o.ServerSelectionTimeout < 0 {
		return o, errors.New("mongo: Options.StatsRetention and Options.ServerSelectionTimeout must not be negative")
	}
	if o.StatsRetention == 0 {
		o.StatsRetention = DefaultStatsRetention
	}
	if o.StatsRetention < time.Second {
		return o, errors.New("mongo: Options.StatsRetention must be at least one second")
	}
	if o.ServerSelectionTimeout == 0 {
		o.ServerSelectionTimeout = DefaultServerSelectionTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o, nil
}
