import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SwfFault } from '../swf-fault';

/** A fresh, unguessable task token. */
export function newTaskToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A run id in SWF's shape: 44 characters of base64 with a trailing `=`. */
export function newRunId(): string {
  return `${randomBytes(32).toString('base64').slice(0, 43)}=`;
}

/**
 * Signs and checks page tokens, so a caller cannot forge one or reuse it
 * for a different query.
 */
export class PageTokens {
  /** `key` signs the tokens; a fresh random one unless the service keeps its own across restarts. */
  constructor(readonly key: Buffer = randomBytes(32)) {}

  encode(query: string, offset: number): string {
    const body = Buffer.from(JSON.stringify({ q: query, o: offset })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The offset carried by `token`, or a ValidationException naming `field`. */
  decode(token: string, query: string, field = 'nextPageToken'): number {
    const parsed = this.read(token, field);
    if (parsed.q === query) return parsed.o;
    throw invalid(field);
  }

  /** The query and offset a genuine token carries. */
  read(token: string, field = 'nextPageToken'): { q: string; o: number } {
    const [body, mac] = token.split('.');
    if (!body || !mac || !this.same(mac, this.sign(body))) throw invalid(field);
    return JSON.parse(Buffer.from(body, 'base64url').toString()) as { q: string; o: number };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }

  private same(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}

function invalid(field: string): SwfFault {
  return SwfFault.validation(`Invalid ${field}: it was not issued by this service for this request, or its request parameters changed`);
}
