import { type DecisionSpec, NOT_PERMITTED } from '../decision-tasks/decision-spec';
import { readPayload } from '../validation/common-readers';
import { LIMITS } from '../validation/swf-limits';

export const RECORD_MARKER: DecisionSpec<'RecordMarker'> = {
  parse: (r) => ({
    markerName: r.requiredString('markerName', { min: 1, max: LIMITS.name }),
    details: readPayload(r, 'details'),
  }),
  apply: (scope, a) =>
    void scope.execution.addEvent('MarkerRecorded', {
      markerName: a.markerName,
      details: a.details,
      decisionTaskCompletedEventId: scope.completedEventId,
    }),
  deny: ({ execution, completedEventId }, a) =>
    void execution.addEvent('RecordMarkerFailed', {
      markerName: a.markerName,
      cause: NOT_PERMITTED,
      decisionTaskCompletedEventId: completedEventId,
    }),
};
