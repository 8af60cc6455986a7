/**
 * Orders two strings by Unicode code point, as a byte-wise sort of their
 * UTF-8 would. Unlike `localeCompare` it does not depend on the host's
 * locale, so list results come out the same on every machine; unlike `<` it
 * does not split characters outside the Basic Multilingual Plane into
 * surrogates (which sort below U+E000–U+FFFF by code unit).
 *
 * @example
 * ['b', 'B', 'a'].sort(compareCodePoints); // ['B', 'a', 'b']
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const diff = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
}
