import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Mocha from 'mocha';

/**
 * Mocha's spec reporter, plus the run's real counts written as JSON to the
 * file named by TSFLOW_TEST_STATS, so that CI prints them instead of guessing.
 */
class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const target = process.env.TSFLOW_TEST_STATS;
    if (!target) return;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0, tests = 0 } = runner.stats ?? {};
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify({ passed: passes, failed: failures, pending, tests }) + '\n');
    });
  }
}

module.exports = StatsReporter;
