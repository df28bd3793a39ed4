package sqlite

// schemaVersion is stored in PRAGMA user_version; bump it with a migration
// step in migrate when the schema changes.
const schemaVersion = 1

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
