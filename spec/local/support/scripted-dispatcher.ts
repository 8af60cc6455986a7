import type { SwfDispatcher } from '../../../lib/local/transport/swf-json-protocol';

export interface RecordedCall {
  action: string;
  input: unknown;
  signal?: AbortSignal;
}

/**
 * Stands in for the service when a spec is about the transport alone:
 * records each call and answers with whatever the spec scripted.
 */
export class ScriptedDispatcher implements SwfDispatcher {
  readonly calls: RecordedCall[] = [];

  constructor(private readonly answer: (action: string, input: unknown) => unknown = () => ({})) {}

  async dispatch(action: string, input: unknown, options: { signal?: AbortSignal } = {}): Promise<unknown> {
    this.calls.push({ action, input, signal: options.signal });
    return this.answer(action, input);
  }
}
