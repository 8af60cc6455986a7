import 'reflect-metadata';
import { expect } from 'chai';
import { container } from 'tsyringe';
import { DeciderWorker, TypeRegistry, WorkflowClient } from '../../index';
import { InProcessLambdaInvoker, LocalSwfService } from '../../lib/local';
import { registerDomain } from '../../lib/workers/register-types';
import { lambdas } from '../../samples/string-transformer/lambdas';
import { StringConcatter, StringTransformer } from '../../samples/string-transformer/workflows';
import { RecordingLogger } from '../helpers/quiet-logger';

async function runTransformer(cacheSize: number): Promise<{ result: string; types: string[]; hits: number; misses: number }> {
  const lambdaInvoker = new InProcessLambdaInvoker();
  for (const [name, fn] of Object.entries(lambdas)) lambdaInvoker.register(name, fn as (input: unknown) => unknown);
  const service = new LocalSwfService({ lambdaInvoker });
  const swf = service.client();
  await registerDomain(swf, 'decider-spec');
  const registry = new TypeRegistry({ workflows: [StringTransformer, StringConcatter] });
  const decider = new DeciderWorker(swf, registry, container.createChildContainer(), {
    domain: 'decider-spec',
    taskList: 'deciders',
    identity: 'spec',
    logger: new RecordingLogger(),
    cacheSize,
  });
  await decider.start();
  try {
    const client = new WorkflowClient(swf, { domain: 'decider-spec', taskList: 'deciders', identity: 'spec' });
    const run = await client.start(StringTransformer, ['ab', 'cd'], { workflowId: 'cached' });
    const result = await run.result({ timeoutMs: 20_000 });
    // Timing decides how events interleave with decision tasks; what was decided must not differ.
    const types = (await run.history())
      .map((e) => e.eventType!)
      .filter((t) => !t.startsWith('DecisionTask'))
      .sort();
    return { result, types, hits: decider.cache.hits, misses: decider.cache.misses };
  } finally {
    await decider.close();
    await service.close();
  }
}

describe('DeciderWorker', () => {
  it('replays only new events on a cache hit, and decides exactly as a full replay does', async () => {
    const cached = await runTransformer(1000);
    const uncached = await runTransformer(0);
    expect(cached.result).to.equal('BADC');
    expect(uncached.result).to.equal('BADC');
    expect(cached.types).to.deep.equal(uncached.types);
    expect(cached.hits).to.be.greaterThan(2);
    expect(uncached.hits).to.equal(0);
  });
});
