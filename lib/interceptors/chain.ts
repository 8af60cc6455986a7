/** One link: an interceptor's method, bound to it. */
export type Link<C, R> = (call: C, next: (call: C) => Promise<R>) => Promise<R>;

/**
 * Composes interceptors around `last`: the first one listed runs first and
 * outermost, as in NestJS. A link that throws synchronously rejects instead.
 * With no links, `last` itself is returned, so an empty chain costs nothing.
 */
export function chain<C, R>(links: readonly Link<C, R>[], last: (call: C) => Promise<R>): (call: C) => Promise<R> {
  let next = last;
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i];
    const inner = next;
    next = (call) => {
      try {
        return Promise.resolve(link(call, inner));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return next;
}
