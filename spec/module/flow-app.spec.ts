import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TRANSPORTS, type LocalTransport } from '../helpers/local-transports';

/** Runs the shutdown fixture to its exit; `signal` sends SIGTERM once it says it is ready. */
function runShutdown(mode: 'close' | 'signal', endpoint: string): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'shutdown-process.js'), mode, endpoint], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (mode === 'signal' && !signalled && out.includes('ready for SIGTERM\n')) signalled = child.kill('SIGTERM');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean) }));
  });
}

describe('FlowApp shutdown with an activity in flight', () => {
  let local: LocalTransport;
  before(async () => (local = await TRANSPORTS[1].start()));
  after(() => local.close());

  it('app.close() waits up to shutdownTimeoutMs, aborts the activity, runs destroy hooks, then resolves', async () => {
    const { code, lines } = await runShutdown('close', local.url!);
    expect(lines).to.deep.equal([
      'activity started',
      'closing',
      'activity aborted',
      'activities destroyed',
      'app.closed resolved',
      'after close',
    ]);
    expect(code).to.equal(0);
  });

  it('SIGTERM does the same, and app.closed resolves', async () => {
    const { code, lines } = await runShutdown('signal', local.url!);
    expect(lines).to.deep.equal([
      'activity started',
      'ready for SIGTERM',
      'activity aborted',
      'activities destroyed',
      'app.closed resolved',
      'after closed',
    ]);
    expect(code).to.equal(0);
  });
});
