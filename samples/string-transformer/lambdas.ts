/**
 * The sample's Lambda functions. On AWS they would be deployed Lambda functions
 * of these names; on the embedded service they run in-process, and
 * `tsflow dev-server --lambdas dist/samples/string-transformer/lambdas.js`
 * loads them by their export names.
 */
export function string_upcase(input: unknown): string {
  if (typeof input !== 'string') throw new TypeError(`string_upcase expects a string, got ${typeof input} ${JSON.stringify(input)}`);
  return input.toUpperCase();
}

export function string_reverse(input: string): string {
  return [...input].reverse().join('');
}

export function string_concat(input: string[]): string {
  return input.join('');
}

/** Lambda functions by name, as `FlowFactory.create(…, { local: { lambdas } })` takes them. */
export const lambdas = { string_upcase, string_reverse, string_concat };
