import 'reflect-metadata';
import { expect } from 'chai';
import { inject, injectable } from 'tsyringe';
import {
  Activities,
  Activity,
  FlowFactory,
  WorkerModule,
  Workflow,
  type ActivityCall,
  type OnModuleDestroy,
  type OnModuleInit,
} from '../../index';
import { RecordingLogger } from '../helpers/quiet-logger';

const boot = (module: new () => unknown) =>
  FlowFactory.create(module, { domain: 'wiring', taskList: 'wiring', local: true, logger: new RecordingLogger(), handleSignals: false });

const failureOf = async (module: new () => unknown): Promise<Error> => {
  const error = await boot(module).then(
    async (app) => {
      await app.close();
      return undefined;
    },
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('bootstrap succeeded');
  return error;
};

@injectable()
class Mailer {}

describe('FlowFactory wiring', () => {
  it('runs an activity class’s onModuleInit at bootstrap and its onModuleDestroy on close', async () => {
    const calls: string[] = [];
    @Activities({ version: '1', defaultTaskList: 'wiring-acts' })
    class HookedActivities implements OnModuleInit, OnModuleDestroy {
      constructor(readonly mailer: Mailer) {}
      @Activity({ defaultTaskStartToCloseTimeout: 10 })
      async send(): Promise<void> {}
      onModuleInit(): void {
        calls.push(`init with ${this.mailer.constructor.name}`);
      }
      async onModuleDestroy(): Promise<void> {
        calls.push('destroy');
      }
    }
    @WorkerModule({ activities: [HookedActivities], providers: [Mailer] })
    class HookedModule {}
    const app = await boot(HookedModule);
    expect(calls).to.deep.equal(['init with Mailer']);
    await app.close();
    expect(calls).to.deep.equal(['init with Mailer', 'destroy']);
  });

  it('fails at bootstrap when a workflow calls an activity class the module does not list', async () => {
    @Activities({ version: '1', defaultTaskList: 'wiring-acts' })
    class ForgottenActivities {
      @Activity({ defaultTaskStartToCloseTimeout: 10 })
      async work(): Promise<void> {}
    }
    @Workflow('UsesForgotten', '1')
    class UsesForgotten {
      @Activity(ForgottenActivities, 'work') work!: ActivityCall<void, void>;
      async run(): Promise<void> {
        await this.work();
      }
    }
    @WorkerModule({ workflows: [UsesForgotten] })
    class ForgetfulModule {}
    const error = await failureOf(ForgetfulModule);
    expect(error.name).to.equal('WiringError');
    expect(error.message).to.equal(
      'UsesForgotten.work calls activity class ForgottenActivities, which is not in the activities of module ForgetfulModule (or a module it imports). ' +
        'Add it: @WorkerModule({ activities: [ForgottenActivities] }); if another worker serves it, refer to the type by name: ' +
        '@Activity({ name, version }) or set workers: { activities: false }.',
    );
  });

  it('fails at bootstrap when an activity class depends on a class that is not a provider', async () => {
    @injectable()
    class Unlisted {}
    @Activities({ version: '1', defaultTaskList: 'wiring-acts' })
    class NeedyActivities {
      constructor(readonly unlisted: Unlisted) {}
      @Activity({ defaultTaskStartToCloseTimeout: 10 })
      async work(): Promise<void> {}
    }
    @WorkerModule({ activities: [NeedyActivities] })
    class NeedyModule {}
    const error = await failureOf(NeedyModule);
    expect(error.name).to.equal('WiringError');
    expect(error.message).to.equal(
      'NeedyActivities needs Unlisted (constructor parameter 1), which is not a provider of module NeedyModule. ' +
        'Add it: @WorkerModule({ providers: [Unlisted] }), or register it in the container passed as options.container.',
    );
  });

  it('fails at bootstrap when a dependency is a token nobody provides', async () => {
    @Activities({ version: '1', defaultTaskList: 'wiring-acts' })
    class TokenActivities {
      constructor(@inject('API_URL') readonly url: string) {}
      @Activity({ defaultTaskStartToCloseTimeout: 10 })
      async work(): Promise<void> {}
    }
    @WorkerModule({ activities: [TokenActivities] })
    class TokenModule {}
    const error = await failureOf(TokenModule);
    expect(error.message).to.equal(
      'TokenActivities needs API_URL (constructor parameter 1), which is not a provider of module TokenModule. ' +
        "Add it: @WorkerModule({ providers: [{ provide: 'API_URL', useValue: … }] }), or register it in the container passed as options.container.",
    );
  });

  it('fails at bootstrap when a provider with constructor parameters is not @injectable', async () => {
    class Plain {
      constructor(readonly mailer: Mailer) {}
    }
    @WorkerModule({ providers: [Mailer, Plain] })
    class PlainModule {}
    const error = await failureOf(PlainModule);
    expect(error.name).to.equal('WiringError');
    expect(error.message).to.equal(
      'Provider Plain takes 1 constructor parameter(s) but has no decorator metadata: decorate it with @injectable() from tsyringe. ' +
        'If it is decorated, compile with tsc and set "experimentalDecorators" and "emitDecoratorMetadata" in tsconfig.json ' +
        '(esbuild-based loaders such as tsx emit no decorator metadata).',
    );
  });

  it('fails at bootstrap when a dependency is typed as an interface without @inject', async () => {
    interface Clock {
      now(): number;
    }
    @injectable()
    class UsesClock {
      constructor(readonly clock: Clock) {}
    }
    @WorkerModule({ providers: [UsesClock] })
    class ClockModule {}
    const error = await failureOf(ClockModule);
    expect(error.message).to.equal(
      'UsesClock needs Object (constructor parameter 1), which DI cannot build: the parameter is typed as an interface or a primitive. ' +
        'Give it a token: @inject(TOKEN), and provide TOKEN in @WorkerModule({ providers: [{ provide: TOKEN, useValue: … }] }).',
    );
  });
});
