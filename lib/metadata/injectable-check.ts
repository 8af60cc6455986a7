import { assertDecoratorMetadata } from '../reflect-check';
import { InvalidDefinitionError } from './definition.error';
import type { Constructor } from './records';

/** Turns a missing-metadata failure into a definition error, so bootstrap reports it with the others. */
export function checkInjectable(target: Constructor): void {
  try {
    assertDecoratorMetadata(target);
  } catch (error) {
    throw new InvalidDefinitionError((error as Error).message);
  }
}
