import { TsflowError } from '../errors/tsflow.error';

/** A decorated class or member that SWF could not accept, found when the registry is built. */
export class InvalidDefinitionError extends TsflowError {}
