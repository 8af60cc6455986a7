/** How much of an offending value SWF's messages quote. */
const QUOTE_LENGTH = 64;

/** Renders a value the way SWF's validation messages quote it. */
function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? value : jsonPreview(value, QUOTE_LENGTH + 1);
  return `'${text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 3)}...` : text}'`;
}

/**
 * The start of `value`'s JSON, at least `max` characters of it when there are
 * that many. It stops walking once it has them: a request can nest 10,000
 * levels deep, and quoting it must neither overflow the stack nor cost more
 * than the quote. Every level adds a character, so the walk is at most `max` deep.
 */
export function jsonPreview(value: unknown, max: number): string {
  let out = '';
  const visit = (v: unknown): void => {
    if (out.length >= max) return;
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && out.length < max; i++) {
        if (i > 0) out += ',';
        visit(v[i] ?? null);
      }
      out += ']';
    } else if (typeof v === 'object' && v !== null) {
      out += '{';
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length && out.length < max; i++) {
        out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i].slice(0, max))}:`;
        visit((v as Record<string, unknown>)[keys[i]] ?? null);
      }
      out += '}';
    } else {
      out += typeof v === 'string' ? JSON.stringify(v.slice(0, max)) : String(JSON.stringify(v) ?? null);
    }
  };
  visit(value);
  return out;
}

/** SWF's wording: "Value 'x' at 'field' failed to satisfy constraint: Member must …". */
export function constraintMessage(path: string, value: unknown, constraint: string): string {
  return `1 validation error detected: Value ${show(value)} at '${path}' failed to satisfy constraint: ${constraint}`;
}
