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

/** Where one page of `total` items starts, how many it holds, and the token of the next one. */
export interface PageWindow {
  offset: number;
  count: number;
  nextPageToken?: string;
}

/** The window of a page over `total` items, with SWF's default page size of 1000; it copies nothing. */
export function pageWindow(tokens: PageTokens, total: number, request: PageRequest): PageWindow {
  const size = request.maximumPageSize || LIMITS.pageSize;
  const offset = request.nextPageToken ? tokens.decode(request.nextPageToken, request.query) : 0;
  const count = Math.max(0, Math.min(size, total - offset));
  const nextPageToken = offset + size < total ? tokens.encode(request.query, offset + size) : undefined;
  return { offset, count, nextPageToken };
}

/** One page of `items` (already in the order asked for). */
export function pageOf<T>(tokens: PageTokens, items: readonly T[], request: PageRequest): Page<T> {
  const { offset, count, nextPageToken } = pageWindow(tokens, items.length, request);
  return { items: items.slice(offset, offset + count), nextPageToken };
}
