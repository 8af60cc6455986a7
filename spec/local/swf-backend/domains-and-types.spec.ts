import { expect } from 'chai';
import { DOMAIN, faultOf, Harness } from '../support/backend-harness';

describe('LocalSwfBackend domains and types', () => {
  let h: Harness;
  beforeEach(async () => (h = await Harness.create()));
  afterEach(() => h.backend.close());

  it('describes a domain with its ARN and retention period', async () => {
    const described = await h.call('DescribeDomain', { name: DOMAIN });
    expect(described).to.deep.equal({
      domainInfo: { name: DOMAIN, status: 'REGISTERED', arn: `arn:aws:swf:us-east-1:000000000000:/domain/${DOMAIN}` },
      configuration: { workflowExecutionRetentionPeriodInDays: '1' },
    });
  });

  it('refuses a second domain of the same name with DomainAlreadyExistsFault', async () => {
    const fault = await faultOf(h.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' }));
    expect(fault.type).to.equal('DomainAlreadyExistsFault');
    expect(fault.statusCode).to.equal(400);
  });

  it('refuses a 101st domain with LimitExceededFault', async () => {
    for (let i = 1; i < 100; i++) await h.call('RegisterDomain', { name: `d${i}`, workflowExecutionRetentionPeriodInDays: '1' });
    const fault = await faultOf(h.call('RegisterDomain', { name: 'd100', workflowExecutionRetentionPeriodInDays: '1' }));
    expect(fault.type).to.equal('LimitExceededFault');
    expect(fault.message).to.contain('limit of 100 domains');
  });

  it('names the member and the rule in a ValidationException', async () => {
    const missing = await faultOf(h.call('RegisterDomain', { workflowExecutionRetentionPeriodInDays: '1' }));
    expect(missing.type).to.equal('ValidationException');
    expect(missing.message).to.contain("at 'name'").and.contain('must not be null');
    const long = await faultOf(h.call('RegisterDomain', { name: 'x'.repeat(257), workflowExecutionRetentionPeriodInDays: '1' }));
    expect(long.message).to.contain("at 'name'").and.contain('less than or equal to 256');
    const colon = await faultOf(h.call('RegisterDomain', { name: 'a:b', workflowExecutionRetentionPeriodInDays: '1' }));
    expect(colon.message).to.contain('colon');
    const retention = await faultOf(h.call('RegisterDomain', { name: 'd2', workflowExecutionRetentionPeriodInDays: '91' }));
    expect(retention.message).to.contain('workflowExecutionRetentionPeriodInDays');
    const notObject = await faultOf(h.call('RegisterDomain', 'nope'));
    expect(notObject.type).to.equal('ValidationException');
  });

  it('deprecates and undeprecates a domain, with SWF faults for the repeated call', async () => {
    await h.call('DeprecateDomain', { name: DOMAIN });
    expect((await faultOf(h.call('DeprecateDomain', { name: DOMAIN }))).type).to.equal('DomainDeprecatedFault');
    const start = await faultOf(h.start());
    expect(start.type).to.equal('UnknownResourceFault');
    expect(start.message).to.contain('deprecated');
    await h.call('UndeprecateDomain', { name: DOMAIN });
    expect((await faultOf(h.call('UndeprecateDomain', { name: DOMAIN }))).type).to.equal('DomainAlreadyExistsFault');
    expect((await faultOf(h.call('DescribeDomain', { name: 'nope' }))).message).to.equal('Unknown domain: nope');
  });

  it('lists domains by status in name order, in pages, both directions', async () => {
    for (const name of ['d-b', 'd-a', 'd-c']) {
      await h.call('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '0' });
    }
    await h.call('DeprecateDomain', { name: 'd-c' });
    const first = await h.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 2 });
    expect(first.domainInfos.map((d: { name: string }) => d.name)).to.deep.equal(['d-a', 'd-b']);
    const second = await h.call('ListDomains', {
      registrationStatus: 'REGISTERED',
      maximumPageSize: 2,
      nextPageToken: first.nextPageToken,
    });
    expect(second.domainInfos.map((d: { name: string }) => d.name)).to.deep.equal([DOMAIN]);
    expect(second.nextPageToken).to.equal(undefined);
    const reversed = await h.call('ListDomains', { registrationStatus: 'REGISTERED', reverseOrder: true });
    expect(reversed.domainInfos.map((d: { name: string }) => d.name)).to.deep.equal([DOMAIN, 'd-b', 'd-a']);
    const deprecated = await h.call('ListDomains', { registrationStatus: 'DEPRECATED' });
    expect(deprecated.domainInfos).to.deep.equal([
      { name: 'd-c', status: 'DEPRECATED', arn: 'arn:aws:swf:us-east-1:000000000000:/domain/d-c' },
    ]);
    const forged = await faultOf(h.call('ListDomains', { registrationStatus: 'REGISTERED', nextPageToken: 'forged.token' }));
    expect(forged.message).to.contain('Invalid nextPageToken');
  });

  it('lists domains in code-point order, whatever the host locale (capitals before small letters)', async () => {
    for (const name of ['d-b', 'd-B', 'd-a', 'd-_']) {
      await h.call('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '1' });
    }
    const listed = await h.call('ListDomains', { registrationStatus: 'REGISTERED' });
    expect(listed.domainInfos.map((d: { name: string }) => d.name)).to.deep.equal(['d-B', 'd-_', 'd-a', 'd-b', DOMAIN]);
  });

  it('deprecates every workflow and activity type of a deprecated domain, and leaves them so when it is undeprecated', async () => {
    await h.call('DeprecateActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } });
    const earlier = (await h.call('DescribeActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } })).typeInfo;
    await h.clock.advance(5);
    await h.call('DeprecateDomain', { name: DOMAIN });
    const workflow = await h.call('DescribeWorkflowType', { domain: DOMAIN, workflowType: { name: 'Flow', version: '1' } });
    expect(workflow.typeInfo.status).to.equal('DEPRECATED');
    expect(workflow.typeInfo.deprecationDate).to.equal(h.clock.now() / 1000);
    const activity = await h.call('DescribeActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } });
    expect(activity.typeInfo.deprecationDate).to.equal(earlier.deprecationDate);
    expect((await h.call('ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED' })).typeInfos).to.deep.equal([]);
    await h.call('UndeprecateDomain', { name: DOMAIN });
    expect((await faultOf(h.start())).type).to.equal('TypeDeprecatedFault');
  });

  it('describes a workflow type with its registration defaults and creation date', async () => {
    const described = await h.call('DescribeWorkflowType', { domain: DOMAIN, workflowType: { name: 'Flow', version: '1' } });
    expect(described.typeInfo).to.deep.equal({
      workflowType: { name: 'Flow', version: '1' },
      status: 'REGISTERED',
      creationDate: h.clock.now() / 1000,
    });
    expect(described.configuration).to.deep.equal({
      defaultTaskList: { name: 'deciders' },
      defaultTaskStartToCloseTimeout: '30',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultChildPolicy: 'TERMINATE',
    });
  });

  it('refuses a type registered twice with TypeAlreadyExistsFault, even once deprecated', async () => {
    await h.call('DeprecateActivityType', { domain: DOMAIN, activityType: { name: 'Work', version: '1' } });
    const fault = await faultOf(h.call('RegisterActivityType', { domain: DOMAIN, name: 'Work', version: '1' }));
    expect(fault.type).to.equal('TypeAlreadyExistsFault');
    expect(fault.message).to.contain('ActivityType=[name=Work, version=1]');
  });

  it('rejects NONE as a default execution start-to-close timeout', async () => {
    const fault = await faultOf(
      h.call('RegisterWorkflowType', { domain: DOMAIN, name: 'F2', version: '1', defaultExecutionStartToCloseTimeout: 'NONE' }),
    );
    expect(fault.type).to.equal('ValidationException');
    expect(fault.message).to.contain('defaultExecutionStartToCloseTimeout');
  });

  it('deprecates, undeprecates and deletes types with SWF faults for each wrong state', async () => {
    const type = { domain: DOMAIN, workflowType: { name: 'Flow', version: '1' } };
    expect((await faultOf(h.call('DeleteWorkflowType', type))).type).to.equal('TypeNotDeprecatedFault');
    expect((await faultOf(h.call('UndeprecateWorkflowType', type))).type).to.equal('TypeAlreadyExistsFault');
    await h.call('DeprecateWorkflowType', type);
    expect((await faultOf(h.call('DeprecateWorkflowType', type))).type).to.equal('TypeDeprecatedFault');
    const described = await h.call('DescribeWorkflowType', type);
    expect(described.typeInfo.status).to.equal('DEPRECATED');
    expect(described.typeInfo.deprecationDate).to.be.a('number');
    expect((await faultOf(h.start())).type).to.equal('TypeDeprecatedFault');
    await h.call('DeleteWorkflowType', type);
    const gone = await faultOf(h.call('DescribeWorkflowType', type));
    expect(gone.type).to.equal('UnknownResourceFault');
    expect(gone.message).to.contain('WorkflowType=[name=Flow, version=1]');
  });

  it('lists types by status and name, in pages', async () => {
    for (const version of ['2', '3', '4']) {
      await h.call('RegisterActivityType', { domain: DOMAIN, name: 'Work', version });
    }
    await h.call('RegisterActivityType', { domain: DOMAIN, name: 'Other', version: '1' });
    const page = await h.call('ListActivityTypes', {
      domain: DOMAIN,
      name: 'Work',
      registrationStatus: 'REGISTERED',
      maximumPageSize: 3,
    });
    expect(page.typeInfos.map((t: { activityType: { version: string } }) => t.activityType.version)).to.deep.equal(['1', '2', '3']);
    const rest = await h.call('ListActivityTypes', {
      domain: DOMAIN,
      name: 'Work',
      registrationStatus: 'REGISTERED',
      maximumPageSize: 3,
      nextPageToken: page.nextPageToken,
    });
    expect(rest.typeInfos).to.have.length(1);
    const all = await h.call('ListActivityTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED', reverseOrder: true });
    expect(all.typeInfos[0].activityType).to.deep.equal({ name: 'Work', version: '4' });
    const wrongQuery = await faultOf(
      h.call('ListActivityTypes', { domain: DOMAIN, registrationStatus: 'DEPRECATED', nextPageToken: page.nextPageToken }),
    );
    expect(wrongQuery.type).to.equal('ValidationException');
  });

  it('lists types in code-point order of name, then version', async () => {
    for (const [name, version] of [
      ['work', '1'],
      ['Work', '10'],
      ['Work', '9'],
      ['Zed', '1'],
    ]) {
      await h.call('RegisterActivityType', { domain: DOMAIN, name, version });
    }
    const listed = await h.call('ListActivityTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED' });
    const types = listed.typeInfos.map(
      (t: { activityType: { name: string; version: string } }) => `${t.activityType.name}/${t.activityType.version}`,
    );
    expect(types).to.deep.equal(['Work/1', 'Work/10', 'Work/9', 'Zed/1', 'work/1']);
  });

  it('tags domains by ARN and refuses more than 50 tags with TooManyTagsFault', async () => {
    const arn = `arn:aws:swf:us-east-1:000000000000:/domain/${DOMAIN}`;
    await h.call('TagResource', { resourceArn: arn, tags: [{ key: 'team', value: 'core' }, { key: 'env' }] });
    await h.call('UntagResource', { resourceArn: arn, tagKeys: ['env'] });
    expect(await h.call('ListTagsForResource', { resourceArn: arn })).to.deep.equal({ tags: [{ key: 'team', value: 'core' }] });
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect((await faultOf(h.call('TagResource', { resourceArn: arn, tags: many }))).type).to.equal('TooManyTagsFault');
    const unknown = await faultOf(h.call('ListTagsForResource', { resourceArn: 'arn:aws:swf:us-east-1:1:/domain/none' }));
    expect(unknown.type).to.equal('UnknownResourceFault');
    await h.call('RegisterDomain', { name: 'tagged', workflowExecutionRetentionPeriodInDays: '1', tags: [{ key: 'a', value: 'b' }] });
    const tagged = await h.call('ListTagsForResource', { resourceArn: 'arn:aws:swf:us-east-1:000000000000:/domain/tagged' });
    expect(tagged.tags).to.deep.equal([{ key: 'a', value: 'b' }]);
  });
});
