import 'reflect-metadata';
import { expect } from 'chai';
import { Activities, Activity, ChildWorkflow, Workflow, type ActivityCall, type ChildWorkflowCall, type LambdaCall } from '../../index';

// These classes are checked by the compiler: each `@ts-expect-error` below must
// stay an error, or the build (and so the suite) fails.

@Activities({ version: '1' })
class Mailer {
  @Activity() async send(input: { to: string }): Promise<number> {
    return input.to.length;
  }
}

@Workflow('Child', '1')
class Child {
  async run(count: number): Promise<string> {
    return String(count);
  }
}

@Workflow('Typed', '1')
class Typed {
  @Activity(Mailer, 'send') send!: ActivityCall<{ to: string }, number>;
  // @ts-expect-error the member's input type does not match Mailer.send's
  @Activity(Mailer, 'send') sendWrong!: ActivityCall<string, number>;
  // @ts-expect-error Mailer has no method 'receive'
  @Activity(Mailer, 'receive') receive!: ActivityCall<string, number>;
  @ChildWorkflow(Child) child!: ChildWorkflowCall<number, string>;
  // @ts-expect-error the child's run takes a number, not a string
  @ChildWorkflow(Child) childWrong!: ChildWorkflowCall<string, string>;
  upcase!: LambdaCall<string, string>;

  async run(): Promise<void> {
    await this.send({ to: 'a' });
    // @ts-expect-error a Lambda declared with a string input rejects a number
    await this.upcase(42);
    await this.child(3);
  }
}

describe('typed call members', () => {
  it('compile only when the member types match the implementation (see the @ts-expect-error lines)', () => {
    expect(Typed.name).to.equal('Typed');
  });
});
