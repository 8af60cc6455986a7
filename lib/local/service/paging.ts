import { LIMITS } from '../validation/swf-limits';
import { type PageTokens } from './secure-tokens';

export interface PageRequest {
  /** Identifies the query, so a token cannot be replayed against another one. */
  query: string;
  maximumPageSize?: number;
  nextPageToken?: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** One page of `items` (already in the order asked for), with SWF's default page size of 1000. */
export function pageOf<T>(tokens: PageTokens, items: readonly T[], request: PageRequest): Page<T> {
  const size = request.maximumPageSize || LIMITS.pageSize;
  const offset = request.nextPageToken ? tokens.decode(request.nextPageToken, request.query) : 0;
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? tokens.encode(request.query, offset + size) : undefined;
  return { items: slice, nextPageToken: next };
}
