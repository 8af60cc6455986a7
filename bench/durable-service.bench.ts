import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSwfBackend } from '../lib/local/swf-backend';

/**
 * What `db` costs the local service: the time per accepted call in memory
 * and on a SQLite state file (each call committed before it is answered),
 * and how long a restart on the file takes. Prints the figures; asserts nothing.
 */

const RUNS = 2_000;

async function workload(backend: LocalSwfBackend): Promise<number> {
  await backend.dispatch('RegisterDomain', { name: 'd', workflowExecutionRetentionPeriodInDays: '1' });
  await backend.dispatch('RegisterWorkflowType', {
    domain: 'd',
    name: 'W',
    version: '1',
    defaultTaskList: { name: 't' },
    defaultTaskStartToCloseTimeout: '30',
    defaultExecutionStartToCloseTimeout: '3600',
    defaultChildPolicy: 'TERMINATE',
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) {
    await backend.dispatch('StartWorkflowExecution', { domain: 'd', workflowId: `w${i}`, workflowType: { name: 'W', version: '1' } });
  }
  for (let i = 0; i < RUNS; i++) await backend.dispatch('SignalWorkflowExecution', { domain: 'd', workflowId: `w${i}`, signalName: 's' });
  return Number(process.hrtime.bigint() - start) / 1e6 / (2 * RUNS);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tsflow-bench-'));
  try {
    const memory = new LocalSwfBackend();
    const inMemory = await workload(memory);
    await memory.close();
    const db = join(dir, 'swf.db');
    const durable = new LocalSwfBackend({ db });
    const onFile = await workload(durable);
    await durable.close();
    const start = process.hrtime.bigint();
    const restarted = new LocalSwfBackend({ db });
    const restart = Number(process.hrtime.bigint() - start) / 1e6;
    await restarted.close();
    const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    console.log(`accepted calls (${2 * RUNS}: starts and signals), per call:`);
    console.log(`  in memory        ${us(inMemory)}`);
    console.log(`  db (SQLite file) ${us(onFile)}   ratio ${(onFile / inMemory).toFixed(1)}x`);
    console.log(`restart on the file: ${RUNS} open runs, ${RUNS * 3} events, ${restart.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
