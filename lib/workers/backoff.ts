/**
 * Capped exponential back-off with full jitter: after the n-th consecutive
 * failure, wait a random time up to min(cap, base * 2^n). Random jitter keeps
 * many workers that failed together from retrying together.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 100,
    private readonly capMs = 10_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** How long to wait before the next try, counting this failure. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.max(this.baseMs / 2, Math.round(this.random() * ceiling));
  }

  reset(): void {
    this.failures = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}

/** Faults worth retrying: throttling, service-side errors and the network. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!e) return false;
  if (e.$retryable) return true;
  if (/Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalFailure|TimeoutError/i.test(e.name ?? '')) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(e.code ?? ''))
    return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}
