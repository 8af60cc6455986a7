/**
 * The sample's Lambda functions. On AWS they would be deployed Lambda functions
 * of these names; on the embedded service they run in-process.
 */
export const lambdas = {
  string_upcase(input: unknown): string {
    if (typeof input !== 'string') throw new TypeError(`string_upcase expects a string, got ${typeof input} ${JSON.stringify(input)}`);
    return input.toUpperCase();
  },
  string_reverse(input: string): string {
    return [...input].reverse().join('');
  },
  string_concat(input: string[]): string {
    return input.join('');
  },
};
