import { TsflowError } from '../errors/tsflow.error';

/** A module whose classes DI cannot build as declared, found at bootstrap instead of at the first task. */
export class WiringError extends TsflowError {}
