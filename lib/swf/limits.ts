/**
 * SWF's documented field lengths and quotas (Amazon SWF API reference and quotas), in one place:
 * the engine and the workers turn them into clear errors before an API call could be rejected,
 * and the local service enforces them as SWF does.
 */
export const SWF_LIMITS = {
  name: 256,
  version: 64,
  description: 1024,
  reason: 256,
  /** Inputs, results, details, control data and execution contexts, in characters. */
  payload: 32768,
  /** `RecordActivityTaskHeartbeat` details, in characters. */
  heartbeatDetails: 2048,
  identity: 256,
  id: 256,
  markerName: 256,
  tag: 256,
  tagsPerExecution: 5,
  runId: 64,
  lambdaName: 64,
  lambdaRole: 1600,
  taskToken: 1024,
  pageToken: 2048,
  pageSize: 1000,
  retentionDays: 90,
  resourceTags: 50,
  tagKey: 128,
  decisionsPerResponse: 100,
  /** The body of one request (`RespondDecisionTaskCompleted` among them), in bytes. */
  requestBytes: 1_048_576,
  openActivities: 1000,
  openTimers: 1000,
  openChildren: 1000,
  openLambdas: 1000,
  typesPerDomain: 10000,
  domains: 100,
  openExecutionsPerDomain: 100000,
  maxExecutionSeconds: 31536000,
  lambdaDefaultTimeoutSeconds: 900,
  lambdaMaxTimeoutSeconds: 900,
  historyEvents: 25000,
} as const;

export const MAX_PAYLOAD_LENGTH = SWF_LIMITS.payload;
export const MAX_REASON_LENGTH = SWF_LIMITS.reason;
export const MAX_MARKER_NAME_LENGTH = SWF_LIMITS.markerName;
export const MAX_ID_LENGTH = SWF_LIMITS.id;
export const MAX_NAME_LENGTH = SWF_LIMITS.name;
export const MAX_VERSION_LENGTH = SWF_LIMITS.version;
export const MAX_DECISIONS_PER_RESPONSE = SWF_LIMITS.decisionsPerResponse;
export const MAX_HEARTBEAT_DETAILS_LENGTH = SWF_LIMITS.heartbeatDetails;
