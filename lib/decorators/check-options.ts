/**
 * Decorators validate the shape of their arguments when applied, so a typo in
 * an option name fails at class definition, naming the class and the option.
 */
export function checkOptions(decorator: string, where: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`@${decorator} on ${where}: options must be an object, got ${describe(options)}.`);
  }
  const unknown = Object.keys(options).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `@${decorator} on ${where}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; ` +
        `allowed: ${allowed.join(', ')}.`,
    );
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}
