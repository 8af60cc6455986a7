import type { SignalDefinition, WorkflowDefinition } from '../metadata';
import { describeThrown } from '../errors/thrown-value';
import { decodePayload } from '../swf';

/** A signal as history delivered it, waiting for the start of its activation. */
export interface ReceivedSignal {
  readonly name: string;
  readonly input?: string;
  readonly eventId: number;
}

/**
 * Turns a signal's decoded input into what its handler takes: the workers pass
 * one that builds and validates class-validator DTOs. `problems` skips the signal.
 */
export type SignalDecoder = (signal: SignalDefinition, value: unknown) => { value: unknown } | { problems: string[] };

/**
 * Delivers signals to the workflow's `@Signal` handlers in event order, at the start of the
 * activation in which they appear (so a handler's state is always ready, even for a signal that
 * arrived before the first decision task). Invalid or unhandled signals are skipped with a warning.
 */
export class SignalInbox {
  private queue: ReceivedSignal[] = [];

  constructor(
    private readonly definition: WorkflowDefinition,
    private readonly decode: SignalDecoder | undefined,
  ) {}

  receive(signal: ReceivedSignal): void {
    this.queue.push(signal);
  }

  /** Workflows with handlers can always be woken by a signal. */
  get listening(): boolean {
    return this.definition.signals.length > 0;
  }

  /**
   * Calls the handlers on `instance`; returns warnings for skipped signals. A handler that
   * throws (or whose promise rejects) fails the workflow through `fail`.
   */
  deliver(instance: object, fail: (error: unknown) => void): string[] {
    const warnings: string[] = [];
    const queue = this.queue;
    this.queue = [];
    for (const signal of queue) {
      const where = `signal '${signal.name}' (event ${signal.eventId}) of ${this.definition.target.name}`;
      const handler = this.definition.signals.find((s) => s.name === signal.name);
      if (!handler) {
        if (this.listening) warnings.push(`${where} skipped: no @Signal handler is named '${signal.name}'.`);
        continue;
      }
      let value: unknown;
      try {
        value = decodePayload(signal.input, `The input of ${where}`);
      } catch (error) {
        warnings.push(`${where} skipped: ${describeThrown(error).message}`);
        continue;
      }
      const decoded = this.decode ? this.decode(handler, value) : { value };
      if ('problems' in decoded) {
        warnings.push(`${where} skipped: its input is invalid:\n${decoded.problems.map((p) => `- ${p}`).join('\n')}`);
        continue;
      }
      try {
        const returned = (instance as Record<string, (input: unknown) => unknown>)[handler.member](decoded.value);
        if (returned !== null && typeof (returned as { then?: unknown })?.then === 'function')
          (returned as Promise<unknown>).then(undefined, fail);
      } catch (error) {
        fail(error);
      }
    }
    return warnings;
  }
}
