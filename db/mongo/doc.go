// Package mongo keeps the testing agent's data in MongoDB with the official
// Go driver. Nothing of the driver leaves this package: IDs cross the
// boundary as the db package's hex strings, errors as db errors or wrapped
// internal errors.
//
// # Layout
//
// Five collections, named as the seed names its tables: testSessions,
// testFlows, browserSessions, executionLogs and systemStats. Documents have an
// ObjectID `_id`, BSON dates for times and camelCase field names; a log
// line's JSON `data` is stored as a native BSON value (see logdata.go).
// testSessions documents also carry `flowSeq`, the next flow order to hand
// out; clients never see it.
//
// Runs (run.go) keep their state on the flows: `queuedAt` (set while a run
// holds the flow, waiting or running), `attempts`, `steps` (one
// subdocument per step) and, while a worker runs the flow, `leaseOwner`
// and `leaseExpires`; sessions count `failedFlows` and `runFlows`.
// Documents written before runs existed lack these fields and read as
// zero. Artifacts (screenshots) are files in the GridFS bucket `artifacts`
// (collections artifacts.files and artifacts.chunks), with metadata
// sessionId, flowId, name and contentType; FerretDB v1 serves GridFS too.
//
// Live queries watch the store's change feed (feed.go). On a replica set or
// sharded cluster it carries one database-level change stream per store,
// resumed by token across errors (changestream.go), so writes of every
// process on the database reach them. Elsewhere (standalone servers,
// FerretDB) each successful write is published in-process, and only this
// process's writes are seen.
//
// # Atomicity
//
// Counters change by $inc, flow orders are reserved in blocks by one
// find-and-modify on the session, and state checks ("not running") sit in
// the filter of the write they guard. Where the deployment supports
// multi-document transactions (replica set or sharded cluster) every
// multi-document change runs in one. Elsewhere (standalone servers,
// FerretDB) the steps run in an order chosen so that a crash between two of
// them leaves nothing a client can see: the document that makes the others
// reachable is written last on create and removed first on delete, and reads
// of a flow check that its session still exists. A crash may leave orphans
// (children of a deleted session, a skipped range of flow orders, totals off
// by the flows of an interrupted call); clients cannot reach the orphans, and
// the methods that meet them treat them as absent. Each method's comment says
// what its steps are.
//
// A run's steps follow the same rules. ClaimFlow is one findAndModify, so
// concurrent workers of any number of processes never take the same flow;
// RenewLease and FinishFlow name the worker in their filter; a session ends
// by an update filtered on "running", so of two finishers who both see no
// flow left only one ends it. Where a crash between two steps leaves a
// session running with nothing queued, CancelRun ends it. GridFS writes
// (artifacts) never run in a transaction.
//
// FerretDB v1 lacks more than transactions: its findAndModify and update
// read a document and write it back with nothing in between, so neither $inc
// nor a status in the filter is atomic there. On FerretDB the store runs
// those writes one at a time itself, which holds while one store (one
// process) writes to the database. It also has no TTL indexes, so the store
// deletes expired systemStats samples itself (stats.go), and it refuses keys
// with '$' or '.' and arrays nested in arrays, which logdata.go encodes.
package mongo
