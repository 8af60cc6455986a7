import type { LogFields, Logger } from '../../lib/logging';

/** Collects log lines instead of printing them, so specs can assert on them. */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; message: string; fields?: LogFields }> = [];

  debug(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'debug', message, fields });
  }
  info(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'error', message, fields });
  }

  find(message: string): { level: string; message: string; fields?: LogFields } | undefined {
    return this.lines.find((line) => line.message.includes(message));
  }
}
