/** What can be said of a thrown value, whatever it is: a name, a message, a stack when there is one, and JSON details for plain data. */
export interface ThrownDescription {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** The value as JSON, when it is not an Error and JSON can encode it (`{ code: 42 }` keeps its fields). */
  readonly json?: string;
}

/**
 * Describes anything a `throw` can carry (an Error, `Object.create(null)`, a
 * frozen object, a Symbol, `undefined`, an object whose `toString` or getters throw)
 * without ever throwing itself: an error handler that throws would crash the process.
 */
export function describeThrown(value: unknown): ThrownDescription {
  try {
    if (value instanceof Error) {
      const name = safeString(() => value.name, 'Error');
      const message = safeString(() => value.message, '');
      const stack = safeString(() => value.stack, '') || undefined;
      return { name, message, stack };
    }
  } catch {
    // Fall through to the generic description: a Proxy can make even instanceof throw.
  }
  if (typeof value === 'string') return { name: 'Error', message: value };
  const json = safeJson(value);
  const kind = kindOf(value);
  const message = json !== undefined ? `a non-Error value was thrown: ${clip(json)}` : `a non-Error value was thrown: ${kind}`;
  return { name: 'NonErrorThrown', message, ...(json === undefined ? {} : { json }) };
}

function safeString(read: () => unknown, fallback: string): string {
  try {
    const value = read();
    return typeof value === 'string' ? value : fallback;
  } catch {
    return fallback;
  }
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) ?? undefined;
  } catch {
    return undefined;
  }
}

function kindOf(value: unknown): string {
  try {
    if (typeof value === 'symbol') return value.toString();
    if (value === null || typeof value !== 'object') return String(value);
    return Object.prototype.toString.call(value);
  } catch {
    return typeof value;
  }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
