import * as sdk from '@aws-sdk/client-swf';
import {
  DomainAlreadyExistsFault,
  DomainDeprecatedFault,
  TypeAlreadyExistsFault,
  TypeDeprecatedFault,
  UnknownResourceFault,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { expect } from 'chai';
import { ACT, CHILD, D, MAIN, ROLE, type SessionTarget } from './conformance-fixture';
import { expectFault } from './swf-session-helpers';

/** The registration half of the conformance session: domains, tags and types. */
export function registrationSteps(target: () => SessionTarget): void {
  let swf: SWFClient;

  before(() => {
    swf = target().swf;
  });

  it('registers, describes, lists, tags and faults on domains', async () => {
    await swf.send(new sdk.RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1', description: 'conformance' }));
    await expectFault(
      swf.send(new sdk.RegisterDomainCommand({ name: D, workflowExecutionRetentionPeriodInDays: '1' })),
      DomainAlreadyExistsFault,
    );
    const described = await swf.send(new sdk.DescribeDomainCommand({ name: D }));
    expect(described.domainInfo).to.include({ name: D, status: 'REGISTERED', description: 'conformance' });
    expect(described.configuration?.workflowExecutionRetentionPeriodInDays).to.equal('1');
    await expectFault(swf.send(new sdk.DescribeDomainCommand({ name: 'no-such-domain' })), UnknownResourceFault);
    await expectFault(
      swf.send(new sdk.RegisterDomainCommand({ name: 'x', workflowExecutionRetentionPeriodInDays: 'ten' })),
      'ValidationException',
    );

    await swf.send(new sdk.RegisterDomainCommand({ name: 'old', workflowExecutionRetentionPeriodInDays: '0' }));
    await swf.send(new sdk.DeprecateDomainCommand({ name: 'old' }));
    const deprecated = await swf.send(new sdk.ListDomainsCommand({ registrationStatus: 'DEPRECATED' }));
    expect(deprecated.domainInfos?.map((d) => d.name)).to.deep.equal(['old']);
    // SWF answers a deprecated domain with DomainDeprecatedFault only on DeprecateDomain itself
    await expectFault(swf.send(new sdk.DeprecateDomainCommand({ name: 'old' })), DomainDeprecatedFault);
    await expectFault(swf.send(new sdk.RegisterWorkflowTypeCommand({ domain: 'old', name: 'W', version: '1' })), UnknownResourceFault);
    await swf.send(new sdk.UndeprecateDomainCommand({ name: 'old' }));
    const registered = await swf.send(new sdk.ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
    expect(registered.domainInfos?.map((d) => d.name)).to.have.members([D, 'old']);

    const arn = described.domainInfo?.arn as string;
    expect(arn).to.match(/^arn:aws:swf:[a-z0-9-]+:\d{12}:\/domain\/conformance$/);
    await swf.send(new sdk.TagResourceCommand({ resourceArn: arn, tags: [{ key: 'team', value: 'flow' }, { key: 'env' }] }));
    await swf.send(new sdk.UntagResourceCommand({ resourceArn: arn, tagKeys: ['env'] }));
    const tags = await swf.send(new sdk.ListTagsForResourceCommand({ resourceArn: arn }));
    expect(tags.tags).to.deep.equal([{ key: 'team', value: 'flow' }]);
  });

  it('registers, describes, lists, deprecates and deletes workflow and activity types', async () => {
    await swf.send(
      new sdk.RegisterWorkflowTypeCommand({
        domain: D,
        ...MAIN,
        defaultTaskList: { name: 'deciders' },
        defaultExecutionStartToCloseTimeout: '3600',
        defaultTaskStartToCloseTimeout: '30',
        defaultChildPolicy: 'TERMINATE',
        defaultLambdaRole: ROLE,
      }),
    );
    await expectFault(swf.send(new sdk.RegisterWorkflowTypeCommand({ domain: D, ...MAIN })), TypeAlreadyExistsFault);
    await swf.send(
      new sdk.RegisterWorkflowTypeCommand({
        domain: D,
        ...CHILD,
        defaultTaskList: { name: 'child-deciders' },
        defaultExecutionStartToCloseTimeout: '600',
        defaultTaskStartToCloseTimeout: '30',
        defaultChildPolicy: 'ABANDON',
      }),
    );
    await swf.send(
      new sdk.RegisterActivityTypeCommand({
        domain: D,
        ...ACT,
        defaultTaskList: { name: 'acts' },
        defaultTaskScheduleToStartTimeout: '300',
        defaultTaskStartToCloseTimeout: '300',
        defaultTaskScheduleToCloseTimeout: '600',
        defaultTaskHeartbeatTimeout: '200',
      }),
    );
    const workflowType = await swf.send(new sdk.DescribeWorkflowTypeCommand({ domain: D, workflowType: MAIN }));
    expect(workflowType.typeInfo?.status).to.equal('REGISTERED');
    expect(workflowType.configuration).to.include({ defaultTaskStartToCloseTimeout: '30', defaultChildPolicy: 'TERMINATE' });
    const activityType = await swf.send(new sdk.DescribeActivityTypeCommand({ domain: D, activityType: ACT }));
    expect(activityType.configuration).to.include({ defaultTaskHeartbeatTimeout: '200', defaultTaskScheduleToCloseTimeout: '600' });
    await expectFault(
      swf.send(new sdk.DescribeActivityTypeCommand({ domain: D, activityType: { name: 'nope', version: '1' } })),
      UnknownResourceFault,
    );

    // a throwaway pair goes the whole way: deprecate, refuse new work, undeprecate, deprecate, delete
    const oldFlow = { name: 'OldFlow', version: '1' };
    const oldAct = { name: 'oldWork', version: '1' };
    await swf.send(new sdk.RegisterWorkflowTypeCommand({ domain: D, ...oldFlow, defaultTaskList: { name: 'old' } }));
    await swf.send(new sdk.RegisterActivityTypeCommand({ domain: D, ...oldAct }));
    await swf.send(new sdk.DeprecateWorkflowTypeCommand({ domain: D, workflowType: oldFlow }));
    await swf.send(new sdk.DeprecateActivityTypeCommand({ domain: D, activityType: oldAct }));
    await expectFault(
      swf.send(new sdk.StartWorkflowExecutionCommand({ domain: D, workflowId: 'old-1', workflowType: oldFlow })),
      TypeDeprecatedFault,
    );
    await swf.send(new sdk.UndeprecateWorkflowTypeCommand({ domain: D, workflowType: oldFlow }));
    await swf.send(new sdk.UndeprecateActivityTypeCommand({ domain: D, activityType: oldAct }));
    const listedActs = await swf.send(new sdk.ListActivityTypesCommand({ domain: D, registrationStatus: 'REGISTERED' }));
    expect(listedActs.typeInfos?.map((t) => t.activityType?.name)).to.have.members(['work', 'oldWork']);
    await swf.send(new sdk.DeprecateWorkflowTypeCommand({ domain: D, workflowType: oldFlow }));
    await swf.send(new sdk.DeprecateActivityTypeCommand({ domain: D, activityType: oldAct }));
    await swf.send(new sdk.DeleteWorkflowTypeCommand({ domain: D, workflowType: oldFlow }));
    await swf.send(new sdk.DeleteActivityTypeCommand({ domain: D, activityType: oldAct }));
    const listedFlows = await swf.send(new sdk.ListWorkflowTypesCommand({ domain: D, registrationStatus: 'REGISTERED' }));
    expect(listedFlows.typeInfos?.map((t) => t.workflowType?.name)).to.have.members(['Main', 'Child']);
    await expectFault(swf.send(new sdk.DescribeWorkflowTypeCommand({ domain: D, workflowType: oldFlow })), UnknownResourceFault);
  });
}
