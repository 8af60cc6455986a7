import type { DecisionType } from '@aws-sdk/client-swf';
import type { InputReader } from '../validation/input-reader';
import type { DecisionAttributesMap } from './decision-attributes';
import type { DecisionScope } from './decision-scope';

/**
 * Everything the service knows about one decision type, kept together in
 * its concept's folder: how its attributes are read, what it records, and
 * what it records when the caller may not make it.
 */
export interface DecisionSpec<K extends DecisionType> {
  /** Reads and validates the attributes; nothing changes yet (a bad response changes nothing). */
  parse(r: InputReader): DecisionAttributesMap[K];
  /** Records the decision's events and starts what it asks for. */
  apply(scope: DecisionScope, attributes: DecisionAttributesMap[K]): void;
  /**
   * Records the `*Failed` event with cause OPERATION_NOT_PERMITTED for a
   * decision the permission policy refuses. Absent where SWF has no such
   * cause (ScheduleLambdaFunction: Lambda access is the execution's role).
   */
  deny?(scope: DecisionScope, attributes: DecisionAttributesMap[K]): void;
  /** SWF accepts the decision without its attributes member (it has no required member). */
  attributesOptional?: boolean;
}

/** One spec per decision type; adding a decision type is a compile error until it has one. */
export type DecisionTable = { [K in DecisionType]: DecisionSpec<K> };

/** The cause a denied decision's `*Failed` event carries. */
export const NOT_PERMITTED = 'OPERATION_NOT_PERMITTED';
