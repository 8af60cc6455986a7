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
} from '../../index';
import { TypeRegistry } from '../../lib/metadata';

@Activities({ version: '1', defaultTaskList: 'mail' })
class MailActivities {
  @Activity() async send(to: string): Promise<void> {
    void to;
  }
}

@Workflow('Mailer', '1')
class MailerWorkflow {
  @Activity(MailActivities, 'send') send!: ActivityCall<string, void>;
  async run(to: string): Promise<void> {
    await this.send(to);
  }
}

function definitionError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected an InvalidDefinitionError');
}

describe('TypeRegistry', () => {
  it('looks workflow and activity types up by name and version', () => {
    const registry = new TypeRegistry({ workflows: [MailerWorkflow], activities: [MailActivities] });
    expect(registry.findWorkflow({ name: 'Mailer', version: '1' })?.target).to.equal(MailerWorkflow);
    expect(registry.findActivity({ name: 'MailActivities.send', version: '1' })?.method).to.equal('send');
    expect(registry.findWorkflow({ name: 'Mailer', version: '2' })).to.equal(undefined);
    expect(registry.activityTaskLists('default')).to.deep.equal(['mail']);
  });

  it('accepts the same class listed twice', () => {
    expect(new TypeRegistry({ workflows: [MailerWorkflow, MailerWorkflow] }).workflows).to.have.length(1);
  });

  it('rejects two classes with the same workflow type, naming both', () => {
    @Workflow('Mailer', '1')
    class OtherMailer {
      async run(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ workflows: [MailerWorkflow, OtherMailer] }))).to.equal(
      "Workflow type 'Mailer' version '1' is defined twice: by MailerWorkflow and by OtherMailer.",
    );
  });

  it('rejects two methods with the same activity type, naming both', () => {
    @Activities({ version: '1', prefix: 'MailActivities' })
    class MoreMail {
      @Activity() async send(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ activities: [MailActivities, MoreMail] }))).to.equal(
      "Activity type 'MailActivities.send' version '1' is defined twice: by MailActivities.send and by MoreMail.send.",
    );
  });

  it('rejects an empty workflow name or version', () => {
    @Workflow('', '1')
    class NoName {
      async run(): Promise<void> {}
    }
    @Workflow('Versionless', undefined as unknown as string)
    class NoVersion {
      async run(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ workflows: [NoName] }))).to.equal(
      "@Workflow NoName: the workflow type name must be a non-empty string, got ''",
    );
    expect(definitionError(() => new TypeRegistry({ workflows: [NoVersion] }))).to.equal(
      '@Workflow NoVersion: the version must be a non-empty string, got nothing',
    );
  });

  it('rejects an activities class without a version', () => {
    @Activities({} as never)
    class Unversioned {
      @Activity() async go(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ activities: [Unversioned] }))).to.equal(
      '@Activity Unversioned.go: @Activities version must be a non-empty string, got nothing',
    );
  });

  it('rejects call members on a class that is not a @Workflow', () => {
    class Helper {
      @Lambda('f') f!: LambdaCall<string, string>;
      @ChildWorkflow(MailerWorkflow) child!: ChildWorkflowCall<string, void>;
    }
    expect(definitionError(() => new TypeRegistry({ workflows: [Helper] }))).to.equal(
      'Helper has workflow call members (f, child) but is not a @Workflow; @Lambda, @ChildWorkflow and ' +
        "@Activity(Class, 'method') members belong on a @Workflow class.",
    );
    expect(definitionError(() => new TypeRegistry({ providers: [Helper] }))).to.contain('Helper has workflow call members (f, child)');
  });

  it('rejects @Activity methods on a class that is not @Activities', () => {
    class Loose {
      @Activity() async go(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ activities: [Loose] }))).to.equal(
      'Loose has @Activity methods (go) but is not decorated with @Activities({ version }).',
    );
  });

  it('rejects an @Activities class with no @Activity method', () => {
    @Activities({ version: '1' })
    class Empty {}
    expect(definitionError(() => new TypeRegistry({ activities: [Empty] }))).to.equal(
      'Empty is decorated with @Activities but none of its methods is decorated with @Activity().',
    );
  });

  it('rejects a call to a method that is not an @Activity', () => {
    @Workflow('Caller', '1')
    class Caller {
      @Activity(MailActivities, 'receive' as never) receive!: ActivityCall<never, never>;
      async run(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ workflows: [Caller] }))).to.equal(
      '@Activity Caller.receive refers to MailActivities.receive, which is not an @Activity() method of MailActivities.',
    );
  });

  it('rejects a workflow without run', () => {
    @Workflow('Runless', '1')
    class Runless {}
    expect(definitionError(() => new TypeRegistry({ workflows: [Runless] }))).to.equal(
      'Workflow Runless has no run method: a workflow class needs `async run(input)`.',
    );
  });

  it('rejects a class that is not decorated at all', () => {
    class Bare {
      async run(): Promise<void> {}
    }
    expect(definitionError(() => new TypeRegistry({ workflows: [Bare] }))).to.equal(
      'Bare is not a workflow: decorate it with @Workflow(name, version).',
    );
  });
});

describe('decorator metadata', () => {
  it('says how to fix a class compiled without emitDecoratorMetadata', () => {
    class Dependency {}
    @Workflow('NoMetadata', '1')
    class NoMetadata {
      constructor(readonly dependency: Dependency) {}
      async run(): Promise<void> {}
    }
    // What a class compiled by an esbuild-based loader looks like: no emitted parameter types.
    Reflect.deleteMetadata('design:paramtypes', NoMetadata);
    expect(definitionError(() => new TypeRegistry({ workflows: [NoMetadata] }))).to.equal(
      'NoMetadata takes 1 constructor parameter(s), but no decorator metadata was emitted for it. Compile with tsc and set ' +
        '"experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json; loaders built on esbuild ' +
        '(tsx, ts-node --swc) do not emit decorator metadata.',
    );
  });
});
