import type { CallOptions } from '../service/action-handler';
import { CLOSING_DECISIONS, type ParsedDecision } from './decision-attributes';
import { parseDecisions } from './decision-parser';
import type { DecisionScope } from './decision-scope';
import type { DecisionSpec, DecisionTable } from './decision-spec';
import type { ExecutionRecord } from '../model/execution-record';
import { finishDecisionTask, isLiveDecision, type StartedDecision, startDecisionTask } from './decision-tasks';
import { firstEventAtTimeOf, historyPage, type HistoryPageRequest, readHistoryScope } from '../service/history-pages';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { readPayload, readTaskList } from '../validation/common-readers';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';

function decisionTaskResponse(ctx: ServiceContext, started: StartedDecision, paging: HistoryPageRequest, fromPrevious: boolean) {
  const { execution, startedEventId } = started;
  const from = fromPrevious && execution.previousStartedEventId ? firstEventAtTimeOf(execution, execution.previousStartedEventId) : 1;
  const page = historyPage(ctx, execution, paging, { owner: started.token, from, upTo: startedEventId });
  return {
    taskToken: started.token,
    startedEventId,
    workflowExecution: execution.ref,
    workflowType: execution.workflowType,
    events: page.events,
    nextPageToken: page.nextPageToken,
    previousStartedEventId: execution.previousStartedEventId,
  };
}

/**
 * Long-polls a decision task list. With `nextPageToken` it returns the next
 * history page of a task already handed out instead of a new task.
 */
export async function pollForDecisionTask(ctx: ServiceContext, input: unknown, options: CallOptions = {}) {
  const r = InputReader.of(input, 'PollForDecisionTask');
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const taskList = readTaskList(r, 'taskList', true);
  const identity = r.optionalString('identity', { max: LIMITS.identity });
  const paging: HistoryPageRequest = {
    maximumPageSize: r.optionalInteger('maximumPageSize', 0, LIMITS.pageSize),
    nextPageToken: r.optionalString('nextPageToken', { max: LIMITS.pageToken }),
    reverseOrder: r.optionalBoolean('reverseOrder'),
  };
  const fromPrevious = r.optionalBoolean('startAtPreviousStartedEvent') ?? false;
  if (paging.nextPageToken) return nextPage(ctx, domain.name, paging, fromPrevious);
  const started = await ctx.decisionLists
    .get(domain.name, taskList)
    .poll((item) => startDecisionTask(ctx, item, identity), ctx.longPollTimeoutMs, options.signal);
  if (!started) return { startedEventId: 0, previousStartedEventId: 0 };
  return decisionTaskResponse(ctx, started, paging, fromPrevious);
}

function nextPage(ctx: ServiceContext, domain: string, paging: HistoryPageRequest, fromPrevious: boolean) {
  const { owner: token, upTo } = readHistoryScope(ctx, paging.nextPageToken!);
  const target = ctx.tokens.get(token);
  if (!target || target.kind !== 'decision' || target.startedEventId !== upTo) {
    throw SwfFault.unknownResource('The decision task of this nextPageToken has completed or timed out');
  }
  ctx.token(token, 'decision', 'PollForDecisionTask');
  if (target.execution.domain.name !== domain) {
    throw SwfFault.unknownResource(
      `This nextPageToken belongs to a decision task of domain ${target.execution.domain.name}, not ${domain}`,
    );
  }
  return decisionTaskResponse(ctx, { execution: target.execution, token, startedEventId: upTo }, paging, fromPrevious);
}

/**
 * Validates every decision first (a malformed response changes nothing),
 * then records DecisionTaskCompleted and applies the decisions in order:
 * the others, then their after-effects (child starts, signals, Lambda
 * calls), then a closing decision, which SWF wants last.
 */
export function respondDecisionTaskCompleted(decisionTable: DecisionTable) {
  return (ctx: ServiceContext, input: unknown): void => completeDecisionTask(decisionTable, ctx, input);
}

function completeDecisionTask(table: DecisionTable, ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'RespondDecisionTaskCompleted');
  const token = r.requiredString('taskToken', { min: 1, max: LIMITS.taskToken });
  const decisions = parseDecisions(r, table);
  const executionContext = readPayload(r, 'executionContext');
  const taskList = readTaskList(r, 'taskList');
  const taskListScheduleToStartTimeout = r.optionalDuration('taskListScheduleToStartTimeout');
  const target = ctx.token(token, 'decision', 'RespondDecisionTaskCompleted');
  const { execution } = target;
  const slot = execution.decision;
  const unhandled = slot.pending;
  ctx.tokens.delete(token);
  slot.timer?.cancel();
  const completedEventId = execution.addEvent('DecisionTaskCompleted', {
    executionContext,
    scheduledEventId: slot.scheduledEventId,
    startedEventId: slot.startedEventId,
    taskList: taskList === undefined ? undefined : { name: taskList },
    taskListScheduleToStartTimeout,
  });
  execution.previousStartedEventId = target.startedEventId;
  if (executionContext !== undefined) execution.latestExecutionContext = executionContext;
  if (taskList !== undefined) overrideTaskList(execution, taskList, taskListScheduleToStartTimeout);
  const scope: DecisionScope = { ctx, execution, completedEventId, unhandled, after: [] };
  const last = decisions[decisions.length - 1];
  const closing = last && CLOSING_DECISIONS.has(last.type) ? last : undefined;
  for (const decision of decisions) if (decision !== closing) apply(table, scope, decision);
  for (const effect of scope.after) if (execution.isOpen) effect();
  if (closing && execution.isOpen) apply(table, scope, closing);
  finishDecisionTask(ctx, execution);
}

/** Without a timeout the override is permanent: it becomes the execution's task list. */
function overrideTaskList(execution: ExecutionRecord, taskList: string, scheduleToStartTimeout?: string): void {
  if (scheduleToStartTimeout === undefined) {
    execution.config.taskList = taskList;
    execution.taskListOverride = undefined;
  } else {
    execution.taskListOverride = { taskList, scheduleToStartTimeout };
  }
}

/** A decision the permission policy refuses records its denial instead (where SWF has one). */
function apply(table: DecisionTable, scope: DecisionScope, decision: ParsedDecision): void {
  const spec = table[decision.type] as DecisionSpec<typeof decision.type>;
  const request = { action: 'RespondDecisionTaskCompleted', domain: scope.execution.domain.name, decisionType: decision.type };
  if (spec.deny && !scope.ctx.permissions(request)) spec.deny(scope, decision.attributes);
  else spec.apply(scope, decision.attributes);
}

export function countPendingDecisionTasks(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'CountPendingDecisionTasks');
  const domain = ctx.domain(r.requiredString('domain', { min: 1, max: LIMITS.name }));
  const taskList = readTaskList(r, 'taskList', true);
  return { count: ctx.decisionLists.get(domain.name, taskList).count(isLiveDecision), truncated: false };
}
