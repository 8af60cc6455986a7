import { Activities, Activity, Lambda, Workflow, type ActivityCall, type LambdaCall } from '../index';

/** The benchmark's activity: as little work as possible, so what is timed is tsflow and the service. */
@Activities({
  version: '1',
  prefix: 'bench',
  defaultTaskList: 'bench-activities',
  defaultTaskStartToCloseTimeout: 60,
  defaultTaskScheduleToStartTimeout: 600,
  defaultTaskScheduleToCloseTimeout: 660,
})
export class BenchActivities {
  @Activity()
  async step(n: number): Promise<number> {
    return n + 1;
  }
}

/** `steps` activities one after another. */
@Workflow('SequentialActivities', '1', { defaultExecutionStartToCloseTimeout: 3600, defaultTaskStartToCloseTimeout: 60 })
export class SequentialActivities {
  @Activity(BenchActivities, 'step') step!: ActivityCall<number, number>;

  async run(steps: number): Promise<number> {
    let n = 0;
    for (let i = 0; i < steps; i++) n = await this.step(n);
    return n;
  }
}

/** `steps` Lambda calls one after another. */
@Workflow('SequentialLambdas', '1', {
  defaultExecutionStartToCloseTimeout: 3600,
  defaultTaskStartToCloseTimeout: 60,
  defaultLambdaRole: 'arn:aws:iam::000000000000:role/bench',
})
export class SequentialLambdas {
  @Lambda('bench_step') step!: LambdaCall<number, number>;

  async run(steps: number): Promise<number> {
    let n = 0;
    for (let i = 0; i < steps; i++) n = await this.step(n);
    return n;
  }
}

/** The Lambda function behind `bench_step`, run in process by the embedded service. */
export function benchStep(n: unknown): number {
  return (n as number) + 1;
}
