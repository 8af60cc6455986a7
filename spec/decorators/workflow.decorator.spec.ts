import 'reflect-metadata';
import { expect } from 'chai';
import { container, injectable } from 'tsyringe';
import { Lambda, Workflow, type LambdaCall } from '../../index';
import { describeWorkflow } from '../../lib/metadata';

@injectable()
class Greeter {
  greet(name: string): string {
    return `hello ${name}`;
  }
}

describe('@Workflow', () => {
  it('records the type name, version and registration defaults', () => {
    @Workflow('Orders', '2.1', { defaultTaskList: 'orders', defaultExecutionStartToCloseTimeout: 3600, defaultChildPolicy: 'ABANDON' })
    class Orders {
      async run(): Promise<void> {}
    }
    const definition = describeWorkflow(Orders);
    expect(definition).to.include({ name: 'Orders', version: '2.1', target: Orders });
    expect(definition.options).to.deep.equal({
      defaultTaskList: 'orders',
      defaultExecutionStartToCloseTimeout: 3600,
      defaultChildPolicy: 'ABANDON',
    });
  });

  it('makes the class constructible by the DI container, injecting by type', () => {
    @Workflow('Greeting', '1')
    class Greeting {
      constructor(readonly greeter: Greeter) {}
      async run(name: string): Promise<string> {
        return this.greeter.greet(name);
      }
    }
    const child = container.createChildContainer();
    const instance = child.resolve(Greeting);
    expect(instance.greeter).to.be.instanceOf(Greeter);
    expect(container.isRegistered(Greeting)).to.equal(false);
  });

  it('rejects an unknown option when applied, naming the class and the option', () => {
    expect(() => {
      @Workflow('Typo', '1', { defaultTasklist: 'x' } as never)
      class Typo {
        async run(): Promise<void> {}
      }
      return Typo;
    }).to.throw(TypeError, "@Workflow on Typo: unknown option 'defaultTasklist'");
  });

  it('keeps call members in declaration order', () => {
    @Workflow('Ordered', '1')
    class Ordered {
      @Lambda('b') b!: LambdaCall<string, string>;
      @Lambda('a') a!: LambdaCall<string, string>;
      async run(): Promise<void> {}
    }
    expect(describeWorkflow(Ordered).calls.map((c) => c.member)).to.deep.equal(['b', 'a']);
  });
});
