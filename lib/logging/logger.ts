/** Fields that make a log line findable: domain, task list, workflow id, run id, … */
export type LogFields = Record<string, unknown>;

/**
 * What tsflow logs through; pino, winston and console-like loggers fit with a one-line adapter.
 *
 * @example
 * ```ts
 * const logger: Logger = { debug: (m, f) => pino.debug(f, m), info: (m, f) => pino.info(f, m),
 *                          warn: (m, f) => pino.warn(f, m), error: (m, f) => pino.error(f, m) };
 * await FlowFactory.create(AppModule, { domain, taskList, logger });
 * ```
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** The lowest level a `ConsoleLogger` writes; `silent` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** How the default logger writes. */
export interface ConsoleLoggerOptions {
  /** The lowest level written (default `info`). */
  level?: LogLevel;
  /** `text`: one readable line per entry; `json`: one JSON object per line, for log pipelines. */
  format?: 'text' | 'json';
  /** Where lines go; standard error by default, so a program's own output stays clean. */
  write?: (line: string) => void;
  /** Fields added to every line. */
  fields?: LogFields;
}

/** The default logger: structured lines on standard error. */
export class ConsoleLogger implements Logger {
  private readonly threshold: number;
  private readonly write: (line: string) => void;

  constructor(private readonly options: ConsoleLoggerOptions = {}) {
    this.threshold = RANK[options.level ?? (process.env.TSFLOW_LOG_LEVEL as LogLevel | undefined) ?? 'info'] ?? RANK.info;
    this.write = options.write ?? ((line) => process.stderr.write(line + '\n'));
  }

  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): ConsoleLogger {
    return new ConsoleLogger({ ...this.options, fields: { ...this.options.fields, ...fields } });
  }

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }

  private log(level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void {
    if (RANK[level] < this.threshold) return;
    const all = { ...this.options.fields, ...fields };
    const time = new Date().toISOString();
    if (this.options.format === 'json') {
      this.write(JSON.stringify({ time, level, msg: message, ...all }));
      return;
    }
    const pairs = Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`);
    this.write(`${time} ${level.toUpperCase().padEnd(5)} ${message}${pairs.length ? ' ' + pairs.join(' ') : ''}`);
  }
}

/** Wraps a logger so that every line carries `fields`. */
export function withFields(logger: Logger, fields: LogFields): Logger {
  return {
    debug: (m, f) => logger.debug(m, { ...fields, ...f }),
    info: (m, f) => logger.info(m, { ...fields, ...f }),
    warn: (m, f) => logger.warn(m, { ...fields, ...f }),
    error: (m, f) => logger.error(m, { ...fields, ...f }),
  };
}
