import { expect } from 'chai';
import { DOMAIN, faultOf, Harness } from '../support/backend-harness';

/** [action, input, text the ValidationException must contain] */
const CASES: [string, Record<string, unknown>, string][] = [
  ['PollForActivityTask', { domain: DOMAIN }, "at 'taskList'"],
  ['PollForActivityTask', { domain: DOMAIN, taskList: { name: 'a|b' } }, "at 'taskList.name'"],
  ['PollForDecisionTask', { domain: DOMAIN, taskList: { name: 't' }, maximumPageSize: 1001 }, 'less than or equal to 1000'],
  ['PollForDecisionTask', { domain: DOMAIN, taskList: { name: 't' }, reverseOrder: 'yes' }, "at 'reverseOrder'"],
  ['RespondActivityTaskCompleted', { taskToken: 't', result: 'x'.repeat(32769) }, "at 'result'"],
  ['RecordActivityTaskHeartbeat', { taskToken: 't', details: 'x'.repeat(2049) }, "at 'details'"],
  ['ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 'yesterday' } }, "at 'startTimeFilter.oldestDate'"],
  [
    'ListClosedWorkflowExecutions',
    { domain: DOMAIN, closeTimeFilter: { oldestDate: 0 }, closeStatusFilter: { status: 'DONE' } },
    "at 'closeStatusFilter.status'",
  ],
  ['StartWorkflowExecution', { domain: DOMAIN, workflowId: 'w', workflowType: 'Flow' }, "at 'workflowType'"],
  [
    'StartWorkflowExecution',
    { domain: DOMAIN, workflowId: 'w', workflowType: { name: 'Flow', version: '1' }, taskPriority: '1.5' },
    "at 'taskPriority'",
  ],
  [
    'StartWorkflowExecution',
    { domain: DOMAIN, workflowId: 'w', workflowType: { name: 'Flow', version: '1' }, childPolicy: 'KILL' },
    "at 'childPolicy'",
  ],
  [
    'StartWorkflowExecution',
    { domain: DOMAIN, workflowId: 'w', workflowType: { name: 'Flow', version: '1' }, executionStartToCloseTimeout: '31536001' },
    'one year',
  ],
  ['TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'w', reason: 'r'.repeat(257) }, "at 'reason'"],
  [
    'RegisterActivityType',
    { domain: DOMAIN, name: 'A', version: '1', defaultTaskHeartbeatTimeout: '-1' },
    "at 'defaultTaskHeartbeatTimeout'",
  ],
  ['RegisterWorkflowType', { domain: DOMAIN, name: 'arn', version: '1' }, "literal string 'arn'"],
  ['ListDomains', {}, "at 'registrationStatus'"],
  ['TagResource', { resourceArn: 'a', tags: [{ value: 'v' }] }, "at 'tags.1.member.key'"],
  ['GetWorkflowExecutionHistory', { domain: DOMAIN, execution: { workflowId: 'w' } }, "at 'execution.runId'"],
];

describe('LocalSwfBackend input validation', () => {
  let h: Harness;
  before(async () => (h = await Harness.create()));
  after(() => h.backend.close());

  for (const [action, input, expected] of CASES) {
    it(`answers ${action} ${JSON.stringify(input).slice(0, 70)} with a ValidationException naming the member`, async () => {
      const fault = await faultOf(h.call(action, input));
      expect(fault.type).to.equal('ValidationException');
      expect(fault.message).to.contain(expected);
    });
  }

  it('checks the request before the resources it names', async () => {
    const fault = await faultOf(h.call('DescribeWorkflowType', { domain: 'no-such-domain', workflowType: { name: 'x' } }));
    expect(fault.type).to.equal('ValidationException');
    expect(fault.message).to.contain("at 'workflowType.version'");
  });
});
