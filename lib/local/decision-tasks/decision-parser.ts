import type { DecisionType } from '@aws-sdk/client-swf';
import { SwfFault } from '../swf-fault';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { attributesMember, CLOSING_DECISIONS, DECISION_TYPES, type ParsedDecision } from './decision-attributes';
import type { DecisionSpec, DecisionTable } from './decision-spec';

/**
 * Validates every decision of a RespondDecisionTaskCompleted before any of
 * them is applied, so a malformed response changes nothing.
 */
export function parseDecisions(request: InputReader, table: DecisionTable): ParsedDecision[] {
  const readers = request.objectList('decisions', LIMITS.decisionsPerResponse);
  const parsed = readers.map((r) => parseOne(r, table));
  const closing = parsed.findIndex((d) => CLOSING_DECISIONS.has(d.type));
  if (closing >= 0 && closing !== parsed.length - 1) {
    throw SwfFault.validation(
      `Close must be last decision in list: decisions.${closing + 1}.member is ${parsed[closing].type} ` +
        `but ${parsed.length - closing - 1} decision(s) follow it`,
    );
  }
  return parsed;
}

function parseOne(r: InputReader, table: DecisionTable): ParsedDecision {
  const type = r.requiredEnum('decisionType', DECISION_TYPES);
  const member = attributesMember(type);
  for (const other of DECISION_TYPES) {
    if (other !== type && r.has(attributesMember(other))) {
      r.fail(attributesMember(other), `Member must be absent for a decision of type ${type}`);
    }
  }
  const spec = table[type] as DecisionSpec<DecisionType>;
  const attributes = spec.attributesOptional ? r.optionalObject(member) : r.requiredObject(member);
  return { type, attributes: spec.parse(attributes ?? InputReader.of({}, member)) } as ParsedDecision;
}
