// The GraphQL documents the app sends (see schema.graphqls).

export const SESSION_FIELDS = `
  id name prompt status createdAt startedAt completedAt
  totalFlows completedFlows failedFlows runFlows
  metadata { estimatedDuration actualDuration errorMessage }`;

export const FLOW_FIELDS = `
  id sessionId name description instructions approved status order
  startedAt completedAt durationMs error queued attempts
  steps { line source status durationMs error screenshotUrl }`;

export const LIST_SESSIONS = `subscription Sessions($limit: Int!) {
  listTestSessions(limit: $limit) { ${SESSION_FIELDS} }
}`;

export const CREATE_SESSION = `mutation CreateTestSession($name: String!, $prompt: String!) {
  createTestSession(name: $name, prompt: $prompt) { id }
}`;

export const SESSION = `subscription Session($sessionId: ID!) {
  getTestSession(sessionId: $sessionId) { ${SESSION_FIELDS} flows { ${FLOW_FIELDS} } }
}`;

export const BROWSERS = `subscription Browsers($sessionId: ID!) {
  browserSessions(sessionId: $sessionId) {
    id flowId status browserType startedAt lastActivity
    metadata { version userAgent viewport { width height } }
  }
}`;

const LOG_NODE = `id flowId level message timestamp data`;

export const LOGS_PAGE = `query Logs($sessionId: ID!, $flowId: ID, $level: LogLevel, $first: Int, $after: String) {
  executionLogs(sessionId: $sessionId, flowId: $flowId, level: $level, first: $first, after: $after) {
    edges { cursor node { ${LOG_NODE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const LOGS_STREAM = `subscription LogStream($sessionId: ID!, $flowId: ID, $level: LogLevel, $after: String) {
  executionLogs(sessionId: $sessionId, flowId: $flowId, level: $level, after: $after) {
    cursor node { ${LOG_NODE} }
  }
}`;

export const GENERATE = `mutation Generate($sessionId: ID!) { generateTestFlows(sessionId: $sessionId) { id status } }`;
export const START = `mutation Start($sessionId: ID!) { startTestSession(sessionId: $sessionId) { id status } }`;
export const CANCEL = `mutation Cancel($sessionId: ID!) { cancelTestSession(sessionId: $sessionId) { id status } }`;
export const DELETE_SESSION = `mutation DeleteSession($sessionId: ID!) { deleteTestSession(sessionId: $sessionId) { deletedSessionId } }`;
export const RETRY = `mutation Retry($flowId: ID!) { retryTestFlow(flowId: $flowId) { flow { id status } session { id status } } }`;
export const APPROVE = `mutation Approve($flowIds: [ID!]!, $approved: Boolean!) { approveTestFlows(flowIds: $flowIds, approved: $approved) { id approved } }`;
export const UPDATE_FLOW = `mutation UpdateFlow($flowId: ID!, $input: UpdateTestFlowInput!) { updateTestFlow(flowId: $flowId, input: $input) { id name instructions } }`;
export const DELETE_FLOW = `mutation DeleteFlow($flowId: ID!) { deleteTestFlow(flowId: $flowId) { deletedFlowId } }`;
export const ADD_FLOW = `mutation AddFlow($sessionId: ID!, $flows: [TestFlowInput!]!) { createTestFlows(sessionId: $sessionId, flows: $flows) { flows { id } } }`;

export const VALIDATE = `query Validate($instructions: String!) {
  validateInstructions(instructions: $instructions) {
    valid
    steps { line kind }
    errors { line source reason suggestion }
  }
}`;

export const STATS = `subscription Stats($limit: Int) {
  systemStats(limit: $limit) {
    id timestamp activeSessions activeBrowsers totalFlowsExecuted
    metrics { queueDepth avgFlowDurationMs memoryBytes subscribers }
  }
}`;

// operationStats is coming to the schema; until then the server refuses it
// with GRAPHQL_VALIDATION_FAILED and the panel stays hidden.
export const OPERATION_STATS = `query OperationStats {
  operationStats { operation count errorCount meanMs p95Ms }
}`;
