import type { DomainRecord } from '../model/domain-record';
import type { ServiceContext } from '../service/service-context';
import { SwfFault } from '../swf-fault';
import { InputReader } from '../validation/input-reader';
import { LIMITS } from '../validation/swf-limits';
import { readResourceTags } from './resource-tags';

/** Domains are SWF's only taggable resource; they are found by ARN. */
function domainByArn(ctx: ServiceContext, r: InputReader): DomainRecord {
  const arn = r.requiredString('resourceArn', { min: 1, max: 1600 });
  for (const domain of ctx.domains.values()) if (domain.arn === arn) return domain;
  throw SwfFault.unknownResource(`Unknown resource: ${arn} (expected a domain ARN such as ${ctx.domainArn('my-domain')})`);
}

export function tagResource(ctx: ServiceContext, input: unknown): void {
  const r: InputReader = InputReader.of(input, 'TagResource');
  const tags = readResourceTags(r, 'tags');
  if (!tags) r.fail('tags', 'Member must not be null');
  const domain = domainByArn(ctx, r);
  const keys = new Set([...domain.tags.keys(), ...tags.map((t) => t.key)]);
  if (keys.size > LIMITS.resourceTags) {
    throw SwfFault.tooManyTags(`${domain.arn} would have ${keys.size} tags; at most ${LIMITS.resourceTags} are allowed`);
  }
  for (const tag of tags) domain.tags.set(tag.key, tag.value);
  ctx.journal.domainChanged(domain);
}

export function untagResource(ctx: ServiceContext, input: unknown): void {
  const r: InputReader = InputReader.of(input, 'UntagResource');
  const keys = r.stringList('tagKeys', LIMITS.resourceTags, { min: 1, max: LIMITS.tagKey });
  if (!keys) r.fail('tagKeys', 'Member must not be null');
  const domain = domainByArn(ctx, r);
  for (const key of keys) domain.tags.delete(key);
  ctx.journal.domainChanged(domain);
}

export function listTagsForResource(ctx: ServiceContext, input: unknown) {
  const domain = domainByArn(ctx, InputReader.of(input, 'ListTagsForResource'));
  return { tags: [...domain.tags].map(([key, value]) => ({ key, value })) };
}
