import { expect } from 'chai';
import { Writable } from 'node:stream';
import { painter, startProgress, type CliIo } from '../../lib/cli/cli-io';

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: string } {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; text: string };
  out.isTTY = isTTY;
  out.text = '';
  return out;
}

describe('painter', () => {
  it('colours on a terminal only, and never under NO_COLOR or TERM=dumb', () => {
    expect(painter(stream(true), {})('red', 'x')).to.equal('\u001b[31mx\u001b[39m');
    expect(painter(stream(false), {})('red', 'x')).to.equal('x');
    expect(painter(stream(true), { NO_COLOR: '' })('red', 'x')).to.equal('x');
    expect(painter(stream(true), { TERM: 'dumb' })('red', 'x')).to.equal('x');
  });

  it('follows FORCE_COLOR either way', () => {
    expect(painter(stream(false), { FORCE_COLOR: '1' })('green', 'x')).to.equal('\u001b[32mx\u001b[39m');
    expect(painter(stream(true), { FORCE_COLOR: '0' })('green', 'x')).to.equal('x');
  });
});

describe('startProgress', () => {
  it('redraws the elapsed time in place on a terminal, and clears its line when stopped', async () => {
    const err = stream(true);
    const io: CliIo = { out: stream(true), err, env: {} };
    const progress = startProgress(io, 'waiting for w-1 to close');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    progress.stop();
    expect(err.text).to.equal('\rwaiting for w-1 to close… 1s \r\u001b[K');
  });
});
