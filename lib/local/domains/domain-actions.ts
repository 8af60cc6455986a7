import type { RegistrationStatus } from '@aws-sdk/client-swf';
import { DomainRecord } from '../model/domain-record';
import { compareCodePoints } from '../service/code-point-order';
import { pageOf } from '../service/paging';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { readResourceTags } from './resource-tags';

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['REGISTERED', 'DEPRECATED'];

function domainName(r: InputReader): string {
  return r.requiredString('name', { min: 1, max: LIMITS.name });
}

export function registerDomain(ctx: ServiceContext, input: unknown): void {
  const r = InputReader.of(input, 'RegisterDomain');
  const name = r.requiredString('name', { min: 1, max: LIMITS.name, name: true });
  const description = r.optionalString('description', { max: LIMITS.description });
  const retention = r.requiredString('workflowExecutionRetentionPeriodInDays', { min: 1, max: 8 });
  if (retention !== 'NONE' && !(/^\d+$/.test(retention) && Number(retention) <= LIMITS.retentionDays)) {
    r.fail('workflowExecutionRetentionPeriodInDays', `Member must be NONE or an integer from 0 to ${LIMITS.retentionDays}`);
  }
  const tags = readResourceTags(r, 'tags');
  if (ctx.domains.has(name)) throw SwfFault.domainAlreadyExists(name);
  if (ctx.domains.size >= LIMITS.domains) {
    throw SwfFault.limitExceeded(`Cannot register domain ${name}: the limit of ${LIMITS.domains} domains is reached`);
  }
  const domain = new DomainRecord(name, description, retention, ctx.domainArn(name));
  for (const tag of tags ?? []) domain.tags.set(tag.key, tag.value);
  ctx.domains.set(name, domain);
  ctx.journal.domainChanged(domain);
}

export function deprecateDomain(ctx: ServiceContext, input: unknown): void {
  const domain = ctx.domain(domainName(InputReader.of(input, 'DeprecateDomain')));
  if (domain.status === 'DEPRECATED') throw SwfFault.domainDeprecated(`Domain already deprecated: ${domain.name}`);
  domain.status = 'DEPRECATED';
  // SWF: "This operation deprecates all activity and workflow types registered in the specified domain."
  // Undeprecating the domain later leaves them deprecated, as in SWF.
  const now = ctx.nowSeconds();
  for (const type of [...domain.workflowTypes.values(), ...domain.activityTypes.values()]) {
    if (type.status === 'DEPRECATED') continue;
    type.status = 'DEPRECATED';
    type.deprecationDate = now;
  }
  ctx.journal.domainChanged(domain);
}

export function undeprecateDomain(ctx: ServiceContext, input: unknown): void {
  const domain = ctx.domain(domainName(InputReader.of(input, 'UndeprecateDomain')));
  if (domain.status === 'REGISTERED') throw SwfFault.domainAlreadyExists(`Domain is not deprecated: ${domain.name}`);
  domain.status = 'REGISTERED';
  ctx.journal.domainChanged(domain);
}

function domainInfo(domain: DomainRecord) {
  return { name: domain.name, status: domain.status, description: domain.description, arn: domain.arn };
}

export function describeDomain(ctx: ServiceContext, input: unknown) {
  const domain = ctx.domain(domainName(InputReader.of(input, 'DescribeDomain')));
  return {
    domainInfo: domainInfo(domain),
    configuration: { workflowExecutionRetentionPeriodInDays: domain.retentionDays },
  };
}

export function listDomains(ctx: ServiceContext, input: unknown) {
  const r = InputReader.of(input, 'ListDomains');
  const status = r.requiredEnum('registrationStatus', REGISTRATION_STATUSES);
  const maximumPageSize = r.optionalInteger('maximumPageSize', 0, LIMITS.pageSize);
  const nextPageToken = r.optionalString('nextPageToken', { max: LIMITS.pageToken });
  const reverse = r.optionalBoolean('reverseOrder') ?? false;
  const matching = [...ctx.domains.values()].filter((d) => d.status === status).sort((a, b) => compareCodePoints(a.name, b.name));
  if (reverse) matching.reverse();
  const page = pageOf(ctx.pageTokens, matching, {
    query: JSON.stringify(['ListDomains', status, reverse]),
    maximumPageSize,
    nextPageToken,
  });
  return { domainInfos: page.items.map(domainInfo), nextPageToken: page.nextPageToken };
}
