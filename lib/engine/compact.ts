/** Drops undefined properties, so decisions carry only what the workflow set (SWF applies its defaults to the rest). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
