/** Where a command writes, and whether a person is watching (colour and in-place progress only then). */
export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { out: process.stdout, err: process.stderr, env: process.env };
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** ANSI styling for one stream: colour on a terminal, plain text in pipes, files and under NO_COLOR. */
export function painter(stream: CliIo['out'], env: NodeJS.ProcessEnv): (style: Style, text: string) => string {
  const colour = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : !!stream.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return (style, text) => (colour ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

/** The colour of a status word: green completed, red failed/timed out/terminated, yellow open or canceled. */
export function statusStyle(status: string): Style {
  if (status === 'COMPLETED') return 'green';
  if (status === 'OPEN') return 'cyan';
  if (/FAILED|TIMED_OUT|TERMINATED/.test(status)) return 'red';
  return 'yellow';
}

/**
 * Shows that a long wait is still going: redrawn in place every second on a
 * terminal, a plain line every 10 s otherwise (CI logs stay short).
 */
export function startProgress(io: CliIo, label: string): { stop(): void } {
  const started = Date.now();
  const tty = !!io.err.isTTY;
  const tick = (): void => {
    const seconds = Math.round((Date.now() - started) / 1000);
    io.err.write(tty ? `\r${label}… ${seconds}s ` : `${label}… ${seconds}s\n`);
  };
  const timer = setInterval(tick, tty ? 1000 : 10_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (tty) io.err.write('\r\u001b[K');
    },
  };
}
