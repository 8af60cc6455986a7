import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import type { ActivityTypeDefinition } from '../metadata/activity-definition';
import { TsflowError } from '../errors/tsflow.error';

/** An activity's input failed its DTO's class-validator constraints; `violations` lists each one. */
export class ActivityInputValidationError extends TsflowError {
  constructor(
    readonly activity: string,
    readonly violations: string[],
  ) {
    super(`The input of ${activity} is invalid:\n${violations.map((v) => `- ${v}`).join('\n')}`);
    this.name = 'ValidationError';
  }
}

/** The input of an activity could not be decoded as JSON. */
export class ActivityInputDecodeError extends TsflowError {}

export const BUILT_IN: readonly unknown[] = [Object, String, Number, Boolean, Array, Function, Promise, Date, Map, Set];

/**
 * Decodes an activity task's JSON input and, when the method's parameter type
 * is a class with class-validator constraints, turns it into an instance of
 * that class and validates it, listing every violated constraint.
 */
export async function decodeActivityInput(definition: ActivityTypeDefinition, json: string | undefined): Promise<unknown> {
  const where = `${definition.target.name}.${definition.method} (activity ${definition.name} ${definition.version})`;
  let value: unknown;
  try {
    value = json === undefined || json === '' ? undefined : JSON.parse(json);
  } catch (error) {
    throw new ActivityInputDecodeError(`The input of ${where} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const dto = parameterClass(definition);
  if (!dto || !hasConstraints(dto)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ActivityInputValidationError(where, [
      `expected an object for ${dto.name}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    ]);
  }
  const instance = plainToInstance(dto, value) as object;
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ActivityInputValidationError(where, flatten(errors, ''));
  return instance;
}

function parameterClass({ target, method }: ActivityTypeDefinition): (new () => object) | undefined {
  const types = Reflect.getMetadata('design:paramtypes', target.prototype as object, method) as unknown[] | undefined;
  const first = types?.[0];
  if (typeof first !== 'function' || BUILT_IN.includes(first)) return undefined;
  return first as new () => object;
}

export function hasConstraints(dto: new () => object): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
}

export function flatten(errors: ValidationError[], prefix: string): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => `${path}: ${message} (${rule})`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
