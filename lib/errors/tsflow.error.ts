/**
 * The base of every error tsflow raises, so that callers can tell tsflow's
 * errors from their own with one `instanceof`.
 */
export class TsflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
