/** Renders a value the way SWF's validation messages quote it. */
function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 64 ? `${text.slice(0, 61)}...` : text}'`;
}

/** SWF's wording: "Value 'x' at 'field' failed to satisfy constraint: Member must …". */
export function constraintMessage(path: string, value: unknown, constraint: string): string {
  return `1 validation error detected: Value ${show(value)} at '${path}' failed to satisfy constraint: ${constraint}`;
}
