import 'reflect-metadata';
import { expect } from 'chai';
import { WorkflowExecution } from '../../lib/engine';
import { ExecutionCache } from '../../lib/workers/execution-cache';
import { Steps } from '../fixtures/workflows';

const execution = (runId: string) => WorkflowExecution.start(Steps, { workflowId: `wf-${runId}`, runId });

describe('ExecutionCache', () => {
  it('evicts the least recently used execution beyond its count', () => {
    const cache = new ExecutionCache(2);
    for (const id of ['a', 'b', 'c']) cache.put(execution(id), 10);
    expect(cache.take('a')).to.equal(undefined);
    expect(cache.take('b')?.execution.runId).to.equal('b');
    expect(cache).to.include({ size: 1, hits: 1, misses: 1, evictions: 1 });
  });

  it('evicts the least recently used executions beyond its byte budget, and keeps none bigger than the budget', () => {
    const cache = new ExecutionCache(100, 1000);
    cache.put(execution('a'), 400);
    cache.put(execution('b'), 400);
    cache.put(execution('c'), 400);
    expect(cache.size).to.equal(2);
    expect(cache.bytes).to.equal(800);
    expect(cache.take('a')).to.equal(undefined);
    cache.put(execution('huge'), 1001);
    expect(cache.take('huge')).to.equal(undefined);
    expect(cache.bytes).to.equal(800);
  });

  it('hands a taken execution out once, with the bytes it was put with, until it is put back', () => {
    const cache = new ExecutionCache(10, 1000);
    const a = execution('a');
    cache.put(a, 300);
    expect(cache.take('a')).to.deep.equal({ execution: a, bytes: 300 });
    expect(cache.take('a')).to.equal(undefined);
    expect(cache.bytes).to.equal(0);
    cache.put(a, 350);
    cache.put(a, 360);
    expect(cache).to.include({ size: 1, bytes: 360 });
  });

  it('rejects a negative or fractional size and a negative budget', () => {
    expect(() => new ExecutionCache(-1)).to.throw(RangeError, 'whole number ≥ 0, got -1');
    expect(() => new ExecutionCache(1.5)).to.throw(RangeError);
    expect(() => new ExecutionCache(1, -1)).to.throw(RangeError, 'must be a number of bytes ≥ 0, got -1');
  });
});
