import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { SignalDecoder } from '../engine';
import { BUILT_IN, flatten, hasConstraints } from './activity-input';

/**
 * The engine's signal decoder for class-validator DTOs: when a `@Signal` handler's parameter is
 * a class with constraints, the input becomes an instance of it and is validated (synchronously:
 * replay cannot wait on I/O). Problems skip the signal; the decider logs them.
 */
export const validateSignalInput: SignalDecoder = (signal, value) => {
  const dto = signal.inputType;
  if (!dto || BUILT_IN.includes(dto) || !hasConstraints(dto as new () => object)) return { value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [`expected an object for ${dto.name}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`],
    };
  }
  const instance = plainToInstance(dto as new () => object, value) as object;
  const errors = validateSync(instance, { forbidUnknownValues: false });
  return errors.length > 0 ? { problems: flatten(errors, '') } : { value: instance };
};
