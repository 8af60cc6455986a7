import type { CommandState } from './command-state';
import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { compact } from '../compact';
import { Command } from './command';

const FROM_SENT: readonly CommandState[] = ['sent'];

/** `RecordMarker`: a side effect's value (or a version marker), written once and read back on replay. */
export class MarkerCommand extends Command {
  readonly kind = 'marker';

  constructor(
    readonly label: string,
    private readonly details: string | undefined,
  ) {
    super(label);
  }

  decisionType(): DecisionType {
    return 'RecordMarker';
  }

  decision(): Decision {
    return { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: compact({ markerName: this.label, details: this.details }) };
  }

  override payloadLength(): number {
    return this.details?.length ?? 0;
  }

  /** `MarkerRecorded`. */
  recorded(): void {
    this.move('closed', 'MarkerRecorded', FROM_SENT);
  }

  /** `RecordMarkerFailed`: the value was already given to the workflow; replay reads it from the same code. */
  refused(): void {
    this.move('failed-to-schedule', 'RecordMarkerFailed', FROM_SENT);
  }
}
