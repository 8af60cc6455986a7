import 'reflect-metadata';
import { expect } from 'chai';
import {
  Activities,
  Activity,
  ChildWorkflow,
  InvalidDefinitionError,
  Lambda,
  Workflow,
  type ActivityCall,
  type ChildWorkflowCall,
  type LambdaCall,
  type WorkflowOptions,
} from '../../index';
import { TypeRegistry } from '../../lib/metadata';

function workflowError(name: string, version: string, options?: WorkflowOptions): string {
  @Workflow(name, version, options)
  class Subject {
    async run(): Promise<void> {}
  }
  try {
    new TypeRegistry({ workflows: [Subject] });
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected an InvalidDefinitionError');
}

describe("SWF's rules (lib/swf), checked when the registry is built", () => {
  it('rejects names longer than 256 characters', () => {
    expect(workflowError('x'.repeat(257), '1')).to.equal(
      '@Workflow Subject: the workflow type name is 257 characters long; SWF allows at most 256',
    );
  });

  it('rejects versions longer than 64 characters', () => {
    expect(workflowError('W', 'v'.repeat(65))).to.equal('@Workflow Subject: the version is 65 characters long; SWF allows at most 64');
  });

  for (const [bad, shown] of [
    ['a:b', "':'"],
    ['a/b', "'/'"],
    ['a|b', "'|'"],
    ['a\u0007b', "'\\u0007'"],
  ]) {
    it(`rejects ${shown} in a name`, () => {
      expect(workflowError(bad, '1')).to.match(/^@Workflow Subject: the workflow type name '.*' contains .*, which SWF forbids/);
    });
  }

  it("rejects the name 'arn' itself, as SWF does", () => {
    expect(workflowError('arn', '1')).to.equal(
      "@Workflow Subject: the workflow type name is the literal 'arn', which SWF forbids as a name",
    );
  });

  it("accepts names that merely contain 'arn' (Learning, warnCustomer)", () => {
    @Workflow('Learning', '1')
    class Learning {
      async run(): Promise<void> {}
    }
    @Activities({ version: '1' })
    class OrderActivities {
      @Activity()
      async warnCustomer(): Promise<void> {}
    }
    const registry = new TypeRegistry({ workflows: [Learning], activities: [OrderActivities] });
    expect(registry.workflows.map((w) => w.name)).to.deep.equal(['Learning']);
    expect(registry.activities.map((a) => a.name)).to.deep.equal(['OrderActivities.warnCustomer']);
  });

  it('rejects leading or trailing whitespace', () => {
    expect(workflowError(' W', '1')).to.contain('has leading or trailing whitespace');
  });

  it('rejects timeouts and priorities outside their ranges, listing every problem', () => {
    expect(
      workflowError('W', '1', {
        defaultTaskStartToCloseTimeout: -1,
        defaultExecutionStartToCloseTimeout: 40_000_000,
        defaultTaskPriority: 2 ** 31,
        defaultChildPolicy: 'KILL' as never,
        defaultLambdaRole: 'not-a-role',
      }),
    ).to.equal(
      '@Workflow Subject: defaultTaskStartToCloseTimeout is -1 s; SWF allows 0 to 9007199254740991 s; ' +
        'defaultExecutionStartToCloseTimeout is 40000000 s; SWF allows 1 to 31536000 s; ' +
        "defaultChildPolicy must be 'TERMINATE', 'REQUEST_CANCEL' or 'ABANDON', got 'KILL'; " +
        "defaultLambdaRole must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got 'not-a-role'; " +
        'defaultTaskPriority must be a whole number from -2147483648 to 2147483647, got 2147483648',
    );
  });

  it('accepts NONE where SWF allows no limit, and a role ARN', () => {
    @Workflow('Fine', '1', { defaultTaskStartToCloseTimeout: 'NONE', defaultLambdaRole: 'arn:aws:iam::123456789012:role/swf-lambda' })
    class Fine {
      async run(): Promise<void> {}
    }
    expect(new TypeRegistry({ workflows: [Fine] }).workflows).to.have.length(1);
  });

  it('rejects a Lambda timeout outside 1 to 900 seconds, naming the member', () => {
    @Workflow('Slow', '1')
    class Slow {
      @Lambda('f', { startToCloseTimeout: 901 }) f!: LambdaCall<string, string>;
      async run(): Promise<void> {}
    }
    expect(() => new TypeRegistry({ workflows: [Slow] })).to.throw(
      InvalidDefinitionError,
      '@Lambda Slow.f: startToCloseTimeout is 901 s; SWF allows 1 to 900 s',
    );
  });

  it('rejects fractional activity timeouts, naming the method', () => {
    @Activities({ version: '1', defaultTaskHeartbeatTimeout: 1.5 })
    class Beats {
      @Activity() async beat(): Promise<void> {}
    }
    expect(() => new TypeRegistry({ activities: [Beats] })).to.throw(
      InvalidDefinitionError,
      '@Activity Beats.beat: defaultTaskHeartbeatTimeout must be a whole number of seconds, got 1.5',
    );
  });

  it('rejects bad per-call options on activity and child members', () => {
    @Workflow('Calls', '1')
    class Calls {
      @Activity({ name: 'a', version: '1' }, { taskPriority: 0.5 }) a!: ActivityCall<string, string>;
      async run(): Promise<void> {}
    }
    expect(() => new TypeRegistry({ workflows: [Calls] })).to.throw(
      '@Activity Calls.a: taskPriority must be a whole number from -2147483648 to 2147483647, got 0.5',
    );
    @Workflow('Kids', '1')
    class Kids {
      @ChildWorkflow({ name: 'k', version: '1' }, { tagList: ['1', '2', '3', '4', '5', '6'] }) k!: ChildWorkflowCall<string, string>;
      async run(): Promise<void> {}
    }
    expect(() => new TypeRegistry({ workflows: [Kids] })).to.throw('@ChildWorkflow Kids.k: tagList must be an array of at most 5 tags');
  });
});
