import { SwfFault } from '../swf-fault';
import { constraintMessage } from './validation-messages';
import { assertSwfName } from './swf-name';

/** Options for a string member: SWF's length limits, and whether SWF's name rules apply. */
export interface StringRule {
  min?: number;
  max: number;
  /** Apply SWF's identifier rules (no `:` `/` `|`, no control characters, not `arn`). */
  name?: boolean;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Reads one JSON request (or a nested member of it) with SWF's validation:
 * every failure is a ValidationException naming the member's path and the
 * rule it broke.
 */
export class InputReader {
  private constructor(
    private readonly body: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  static of(input: unknown, where: string): InputReader {
    if (input === undefined || input === null) return new InputReader({}, '');
    if (typeof input !== 'object' || Array.isArray(input)) {
      throw SwfFault.validation(`${where}: the request body must be a JSON object`);
    }
    return new InputReader(input as Record<string, unknown>, '');
  }

  path(field: string): string {
    return this.prefix ? `${this.prefix}.${field}` : field;
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  has(field: string): boolean {
    return this.body[field] !== undefined && this.body[field] !== null;
  }

  fail(field: string, constraint: string): never {
    throw SwfFault.validation(constraintMessage(this.path(field), this.body[field], constraint));
  }

  requiredString(field: string, rule: StringRule): string {
    const value = this.optionalString(field, rule);
    if (value === undefined) this.fail(field, 'Member must not be null');
    return value;
  }

  optionalString(field: string, rule: StringRule): string | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(field, 'Member must be a string');
    if (value.length < (rule.min ?? 0)) this.fail(field, `Member must have length greater than or equal to ${rule.min}`);
    if (value.length > rule.max) this.fail(field, `Member must have length less than or equal to ${rule.max}`);
    if (rule.name) assertSwfName(value, this.path(field));
    return value;
  }

  /** A duration in seconds as SWF writes it: a decimal integer string, or `NONE` when allowed. */
  optionalDuration(field: string, allowNone = true): string | undefined {
    const value = this.optionalString(field, { min: 1, max: 8 });
    if (value === undefined) return undefined;
    if (value === 'NONE') {
      if (!allowNone) this.fail(field, 'Member must be a number of seconds; NONE is not allowed here');
      return value;
    }
    if (!/^\d+$/.test(value)) this.fail(field, 'Member must be an integer number of seconds >= 0 or NONE');
    return value;
  }

  /** A task priority: an integer string within Java's int range. */
  optionalPriority(field: string): string | undefined {
    const value = this.optionalString(field, { max: 11 });
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < INT32_MIN || n > INT32_MAX) {
      this.fail(field, `Member must be an integer between ${INT32_MIN} and ${INT32_MAX}`);
    }
    return String(n);
  }

  optionalInteger(field: string, min: number, max: number): number | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(field, 'Member must be an integer');
    if (value < min) this.fail(field, `Member must have value greater than or equal to ${min}`);
    if (value > max) this.fail(field, `Member must have value less than or equal to ${max}`);
    return value;
  }

  optionalBoolean(field: string): boolean | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(field, 'Member must be a boolean');
    return value;
  }

  /** Epoch seconds, as SWF's JSON protocol sends timestamps. */
  requiredTimestamp(field: string): number {
    const value = this.body[field];
    if (value === undefined || value === null) this.fail(field, 'Member must not be null');
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'Member must be a timestamp in epoch seconds');
    return value;
  }

  optionalTimestamp(field: string): number | undefined {
    return this.has(field) ? this.requiredTimestamp(field) : undefined;
  }

  requiredEnum<T extends string>(field: string, values: readonly T[]): T {
    const value = this.optionalEnum(field, values);
    if (value === undefined) this.fail(field, 'Member must not be null');
    return value;
  }

  optionalEnum<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      this.fail(field, `Member must satisfy enum value set: [${values.join(', ')}]`);
    }
    return value as T;
  }

  requiredObject(field: string): InputReader {
    const reader = this.optionalObject(field);
    if (!reader) this.fail(field, 'Member must not be null');
    return reader;
  }

  optionalObject(field: string): InputReader | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(field, 'Member must be an object');
    return new InputReader(value as Record<string, unknown>, this.path(field));
  }

  optionalArray(field: string, maxItems: number): unknown[] | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) this.fail(field, 'Member must be a list');
    if (value.length > maxItems) this.fail(field, `Member must have length less than or equal to ${maxItems}`);
    return value;
  }

  /** Each element of a list member, read as an object. */
  objectList(field: string, maxItems: number): InputReader[] {
    const items = this.optionalArray(field, maxItems) ?? [];
    return items.map((item, i) => {
      const path = `${this.path(field)}.${i + 1}.member`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw SwfFault.validation(constraintMessage(path, item, 'Member must be an object'));
      }
      return new InputReader(item as Record<string, unknown>, path);
    });
  }

  stringList(field: string, maxItems: number, rule: StringRule): string[] | undefined {
    const items = this.optionalArray(field, maxItems);
    if (!items) return undefined;
    return items.map((item, i) => {
      const path = `${this.path(field)}.${i + 1}.member`;
      if (typeof item !== 'string') throw SwfFault.validation(constraintMessage(path, item, 'Member must be a string'));
      if (item.length < (rule.min ?? 0) || item.length > rule.max) {
        throw SwfFault.validation(constraintMessage(path, item, `Member must have length between ${rule.min ?? 0} and ${rule.max}`));
      }
      return item;
    });
  }
}
