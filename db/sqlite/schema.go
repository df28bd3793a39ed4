package sqlite

// migrations[i] brings the schema from version i to i+1; PRAGMA
// user_version holds the version a database is at. Append, never edit.
var migrations = []string{schemaV1, schemaV2, schemaV3, schemaV4, schemaV5}

// schemaVersion is the version this code expects.
var schemaVersion = len(migrations)

// The tables carry the seed's collection names. Times are Unix milliseconds
// (UTC), which sort and range like BSON dates. IDs are ObjectID hex strings.
const schemaV1 = `
CREATE TABLE testSessions (
	id                 TEXT PRIMARY KEY,
	name               TEXT NOT NULL,
	prompt             TEXT NOT NULL,
	status             TEXT NOT NULL,
	createdAt          INTEGER NOT NULL,
	startedAt          INTEGER,
	completedAt        INTEGER,
	totalFlows         INTEGER NOT NULL DEFAULT 0,
	completedFlows     INTEGER NOT NULL DEFAULT 0,
	nextOrder          INTEGER NOT NULL DEFAULT 0,
	estimatedDuration  INTEGER,
	actualDuration     INTEGER,
	errorMessage       TEXT
) WITHOUT ROWID;
CREATE INDEX testSessions_createdAt ON testSessions (createdAt DESC, id DESC);

CREATE TABLE testFlows (
	id            TEXT PRIMARY KEY,
	sessionId     TEXT NOT NULL,
	name          TEXT NOT NULL,
	description   TEXT NOT NULL,
	instructions  TEXT NOT NULL,
	approved      INTEGER NOT NULL,
	status        TEXT NOT NULL,
	ord           INTEGER NOT NULL,
	createdAt     INTEGER NOT NULL,
	startedAt     INTEGER,
	completedAt   INTEGER,
	durationMs    INTEGER,
	error         TEXT
) WITHOUT ROWID;
CREATE UNIQUE INDEX testFlows_session_order ON testFlows (sessionId, ord);

CREATE TABLE browserSessions (
	id            TEXT PRIMARY KEY,
	sessionId     TEXT NOT NULL,
	flowId        TEXT,
	status        TEXT NOT NULL,
	browserType   TEXT NOT NULL,
	startedAt     INTEGER NOT NULL,
	lastActivity  INTEGER NOT NULL,
	hasMetadata   INTEGER NOT NULL,
	version       TEXT,
	userAgent     TEXT,
	viewportWidth  INTEGER,
	viewportHeight INTEGER
) WITHOUT ROWID;
CREATE INDEX browserSessions_session ON browserSessions (sessionId, startedAt, id);

CREATE TABLE executionLogs (
	id                TEXT PRIMARY KEY,
	sessionId         TEXT NOT NULL,
	flowId            TEXT,
	browserSessionId  TEXT,
	level             TEXT NOT NULL,
	message           TEXT NOT NULL,
	timestamp         INTEGER NOT NULL,
	data              BLOB
);
CREATE INDEX executionLogs_session_time ON executionLogs (sessionId, timestamp, id);
CREATE INDEX executionLogs_session_level_time ON executionLogs (sessionId, level, timestamp, id);
CREATE INDEX executionLogs_flow_time ON executionLogs (flowId, timestamp, id) WHERE flowId IS NOT NULL;

CREATE TABLE systemStats (
	id                  TEXT PRIMARY KEY,
	timestamp           INTEGER NOT NULL,
	activeSessions      INTEGER NOT NULL,
	activeBrowsers      INTEGER NOT NULL,
	totalFlowsExecuted  INTEGER NOT NULL,
	hasMetrics          INTEGER NOT NULL,
	queueDepth          INTEGER,
	avgFlowDurationMs   INTEGER,
	memoryBytes         INTEGER,
	subscribers         INTEGER
);
CREATE INDEX systemStats_time ON systemStats (timestamp DESC, id DESC);
`

// schemaV2 adds what runs need: progress counters, claims with leases, step
// results, and artifacts (screenshots).
const schemaV2 = `
ALTER TABLE testSessions ADD COLUMN failedFlows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE testSessions ADD COLUMN runFlows INTEGER NOT NULL DEFAULT 0;

ALTER TABLE testFlows ADD COLUMN queuedAt INTEGER;
ALTER TABLE testFlows ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE testFlows ADD COLUMN steps TEXT;
ALTER TABLE testFlows ADD COLUMN leaseOwner TEXT;
ALTER TABLE testFlows ADD COLUMN leaseExpires INTEGER;
CREATE INDEX testFlows_queue ON testFlows (queuedAt, ord) WHERE queuedAt IS NOT NULL AND status = 'pending';
CREATE INDEX testFlows_leases ON testFlows (leaseExpires) WHERE status = 'running';

CREATE TABLE artifacts (
	id           TEXT PRIMARY KEY,
	sessionId    TEXT NOT NULL,
	flowId       TEXT NOT NULL,
	name         TEXT NOT NULL,
	contentType  TEXT NOT NULL,
	size         INTEGER NOT NULL,
	createdAt    INTEGER NOT NULL,
	data         BLOB NOT NULL
);
CREATE INDEX artifacts_session ON artifacts (sessionId);
`

// schemaV3 indexes what statistics samples count.
const schemaV3 = `
CREATE INDEX testSessions_status ON testSessions (status);
CREATE INDEX testFlows_status ON testFlows (status);
`

// schemaV4 numbers flows from 1, as the seed does (earlier versions started
// at 0). The detour through negative numbers keeps (sessionId, ord) unique
// while rows are updated one at a time.
const schemaV4 = `
UPDATE testFlows SET ord = -ord - 1;
UPDATE testFlows SET ord = -ord;
`

// schemaV5 records which remote browser (BROWSER_URLS) ran a flow.
const schemaV5 = `
ALTER TABLE browserSessions ADD COLUMN endpoint TEXT;
`
