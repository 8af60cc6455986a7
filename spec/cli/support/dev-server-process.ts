import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const MAIN_JS = resolve(__dirname, '../../../lib/cli/main.js');

export interface RunningDevServer {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
}

/** Child env without the machine's AWS settings, so nothing the spec runs can find real credentials. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** Spawns `node dist/lib/cli/main.js <args>` and waits for its whole start banner (URL first). */
export function startDevServer(args: string[], env: NodeJS.ProcessEnv = isolatedEnv()): Promise<RunningDevServer> {
  const child = spawn(process.execPath, [MAIN_JS, ...args], { env });
  let out = '';
  let err = '';
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? -1)));
  return new Promise((resolveStart, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      // the banner's last line: everything the spec reads about the start is in by then
      if (match && out.includes('Ctrl-C stops the server')) resolveStart({ child, url: match[1], output: () => out + err, exited });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    exited.then((code) => reject(new Error(`dev-server exited (${code}) before listening:\n${out}${err}`)));
  });
}

/** Runs the CLI to completion and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN_JS, ...args], { env: isolatedEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}
