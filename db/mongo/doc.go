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
// FerretDB v1 lacks more than transactions: its findAndModify and update
// read a document and write it back with nothing in between, so neither $inc
// nor a status in the filter is atomic there. On FerretDB the store runs
// those writes one at a time itself, which holds while one store (one
// process) writes to the database. It also has no TTL indexes, so the store
// deletes expired systemStats samples itself (stats.go), and it refuses keys
// with '$' or '.' and arrays nested in arrays, which logdata.go encodes.
package mongo
