/**
 * The DI token of the app's logger: inject it where a provider or activity
 * class should log with the app's settings.
 *
 * @example
 * ```ts
 * @injectable()
 * class Mailer {
 *   constructor(@inject(LOGGER) private readonly logger: Logger) {}
 * }
 * ```
 */
export const LOGGER = Symbol.for('tsflow:logger');
