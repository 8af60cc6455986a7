import 'reflect-metadata';
import { expect } from 'chai';
import { InvalidDefinitionError, Workflow, WorkerModule } from '../../index';
import { scanModule } from '../../lib/module/module-scanner';

@Workflow('A', '1')
class A {
  async run(): Promise<void> {}
}
@Workflow('B', '1')
class B {
  async run(): Promise<void> {}
}
class Service {}

@WorkerModule({ workflows: [A], providers: [Service] })
class Shared {}

@WorkerModule({ imports: [Shared], workflows: [B, A], providers: [Service] })
class App {}

describe('scanModule', () => {
  it('flattens imports first, each class once', () => {
    expect(scanModule(App)).to.deep.equal({ workflows: [A, B], activities: [], providers: [Service], interceptors: [] });
  });

  it('says which module imported something that is not a module', () => {
    @WorkerModule({ imports: [Service] })
    class Broken {}
    expect(() => scanModule(Broken)).to.throw(
      InvalidDefinitionError,
      'Service is not a module: decorate it with @WorkerModule({ … }) (imported by Broken).',
    );
  });

  it('rejects unknown keys and undefined entries when applied', () => {
    expect(() => WorkerModule({ workflow: [A] } as never)(class X {})).to.throw("@WorkerModule on X: unknown option 'workflow'");
    expect(() => WorkerModule({ workflows: [undefined as never] })(class Y {})).to.throw(
      '@WorkerModule on Y: workflows[0] is undefined (a circular import between files?).',
    );
  });
});
