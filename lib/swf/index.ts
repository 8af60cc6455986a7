export { durationProblem, executionTimeoutProblem, formatDuration, lambdaTimeoutProblem } from './durations';
export type { Duration } from './durations';
export {
  MAX_DECISIONS_PER_RESPONSE,
  MAX_HEARTBEAT_DETAILS_LENGTH,
  MAX_ID_LENGTH,
  MAX_MARKER_NAME_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PAYLOAD_LENGTH,
  MAX_REASON_LENGTH,
  MAX_VERSION_LENGTH,
  SWF_LIMITS,
} from './limits';
export { FORBIDDEN_NAME, FORBIDDEN_NAME_CHARACTERS, nameProblem } from './names';
export { childPolicyProblem, descriptionProblem, formatPriority, priorityProblem, roleProblem } from './options-rules';
export { decodePayload, encodeDetails, encodePayload } from './payload';
export { PayloadDecodingError, PayloadEncodingError, PayloadError, PayloadTooLargeError } from './payload.errors';
export { printable, show } from './show';
export { truncate, truncateOptional, utf8Length } from './truncate';
