import type { Clock } from '../clock';
import type { ExecutionRecord } from '../model/execution-record';
import type { LambdaInvoker } from '../lambda/lambda-invoker';
import type { PermissionPolicy } from '../permissions';
import { SwfFault } from '../swf-fault';
import { TaskLists } from '../tasks/task-lists';
import type { DomainRecord } from '../model/domain-record';
import { PageTokens } from './secure-tokens';
import { IN_MEMORY_JOURNAL, type StateJournal } from './state-journal';
import { TrackedTimers } from './tracked-timers';

/** A queued decision task: which execution, and which DecisionTaskScheduled it answers. */
export interface DecisionItem {
  execution: ExecutionRecord;
  scheduledEventId: number;
}

/** A queued activity task. */
export interface ActivityItem {
  execution: ExecutionRecord;
  activityId: string;
  scheduledEventId: number;
}

/** What a task token stands for while its task is started. */
export type TokenTarget =
  | { kind: 'decision'; execution: ExecutionRecord; startedEventId: number }
  | { kind: 'activity'; execution: ExecutionRecord; activityId: string; startedEventId: number };

/** Where domain ARNs point; SWF's are `arn:aws:swf:<region>:<account>:/domain/<name>`. */
export interface ServiceIdentity {
  region: string;
  accountId: string;
}

export interface ServiceContextOptions {
  clock: Clock;
  lambdaInvoker: LambdaInvoker;
  longPollTimeoutMs: number;
  identity: ServiceIdentity;
  permissions?: PermissionPolicy;
  /** Where changes are written down; default: nowhere (in memory). */
  journal?: StateJournal;
  /** The key that signs page tokens; a durable service keeps it, so tokens survive a restart. */
  pageTokenKey?: Buffer;
  /** Closed runs of a domain with retention 0 or NONE: deleted at once, as SWF does, or kept. */
  zeroRetention?: ZeroRetention;
}

/** What happens to closed runs of a domain registered with retention 0 or NONE. */
export type ZeroRetention = 'delete' | 'keep';

/** The shared state of one backend; every action module works on it. */
export class ServiceContext {
  readonly clock: Clock;
  readonly lambdaInvoker: LambdaInvoker;
  readonly longPollTimeoutMs: number;
  readonly identity: ServiceIdentity;
  readonly permissions: PermissionPolicy;
  readonly journal: StateJournal;
  readonly zeroRetention: ZeroRetention;
  readonly timers: TrackedTimers;
  readonly pageTokens: PageTokens;
  readonly domains = new Map<string, DomainRecord>();
  readonly decisionLists: TaskLists<DecisionItem>;
  readonly activityLists: TaskLists<ActivityItem>;
  readonly tokens = new Map<string, TokenTarget>();
  closed = false;

  constructor(options: ServiceContextOptions) {
    this.clock = options.clock;
    this.lambdaInvoker = options.lambdaInvoker;
    this.longPollTimeoutMs = options.longPollTimeoutMs;
    this.identity = options.identity;
    this.permissions = options.permissions ?? (() => true);
    this.journal = options.journal ?? IN_MEMORY_JOURNAL;
    this.zeroRetention = options.zeroRetention ?? 'delete';
    this.pageTokens = new PageTokens(options.pageTokenKey);
    this.timers = new TrackedTimers(this.clock);
    this.decisionLists = new TaskLists(this.timers);
    this.activityLists = new TaskLists(this.timers);
  }

  nowSeconds(): number {
    return this.clock.now() / 1000;
  }

  domainArn(name: string): string {
    return `arn:aws:swf:${this.identity.region}:${this.identity.accountId}:/domain/${name}`;
  }

  /** The domain named `name`, or UnknownResourceFault. */
  domain(name: string): DomainRecord {
    const domain = this.domains.get(name);
    if (!domain) throw SwfFault.unknownResource(`Unknown domain: ${name}`);
    return domain;
  }

  /**
   * The domain, which must not be deprecated (for actions that create types
   * or executions in it). SWF's API model declares no DomainDeprecatedFault
   * for those actions, so it is an UnknownResourceFault.
   */
  activeDomain(name: string): DomainRecord {
    const domain = this.domain(name);
    if (domain.status === 'DEPRECATED') {
      throw SwfFault.unknownResource(`Domain is deprecated: ${name}; undeprecate it to register types or start executions`);
    }
    return domain;
  }

  /**
   * The started task a token stands for, or UnknownResourceFault when unknown
   * or stale. A token action names no domain, so the permission check the
   * dispatcher made without one is made again here with the token's domain.
   */
  token<K extends TokenTarget['kind']>(token: string, kind: K, action: string): Extract<TokenTarget, { kind: K }> {
    const target = this.tokens.get(token);
    if (!target || target.kind !== kind) {
      throw SwfFault.unknownResource(
        `Unknown ${kind} task token: the task was never handed out, has completed, timed out, or its execution closed`,
      );
    }
    const domain = target.execution.domain.name;
    if (!this.permissions({ action, domain })) {
      throw SwfFault.operationNotPermitted(`Not authorized to perform swf:${action} on domain ${domain}`);
    }
    return target as Extract<TokenTarget, { kind: K }>;
  }
}
