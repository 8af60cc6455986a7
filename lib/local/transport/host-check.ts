import type { ProtocolFault } from './swf-json-protocol';

/** Hosts a server on loopback is reachable as; anything else in `Host` came through some other name. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * DNS rebinding: a page on evil.example re-points its name at 127.0.0.1 and
 * then talks to this server as same-origin. The browser still sends
 * `Host: evil.example`, so a loopback server answers only its own names.
 * Returns the fault to answer with, or undefined to serve the request.
 */
export function hostFault(hostHeader: string | undefined, port: number): ProtocolFault | undefined {
  const allowed = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  // On port 80 clients leave the port out of Host.
  const accepted = port === 80 ? [...allowed, ...LOOPBACK_NAMES] : allowed;
  if (hostHeader !== undefined && accepted.includes(hostHeader.toLowerCase())) return undefined;
  return {
    type: 'AccessDeniedException',
    statusCode: 403,
    message:
      `Host "${hostHeader ?? ''}" is not this server: a server on loopback answers only Host ${allowed[0]}, ${allowed[1]} or ${allowed[2]} ` +
      '(a page on another site may not reach it through DNS rebinding).',
  };
}

/** What `--host 0.0.0.0` (or any address but loopback) exposes, said once at start. */
export function exposedWarning(host: string, port: number): string {
  return (
    `warning: listening on ${host}:${port}, not on loopback: anyone who can reach this port can read and change every ` +
    'domain, execution and history on this server. Give it --access-key ID:SECRET, or bind 127.0.0.1.'
  );
}
