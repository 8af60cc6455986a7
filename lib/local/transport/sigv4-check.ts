import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ProtocolFault } from './swf-json-protocol';

/** The one access key a shared dev server accepts (`--access-key ID:SECRET`). */
export interface AccessKey {
  id: string;
  secret: string;
}

/** The parts of a request its signature covers. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
}

/** How far a request's x-amz-date may be from this server's clock, as AWS allows. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/** What the signer hands its hash (`@smithy/types`' SourceData). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** SHA-256 (and HMAC-SHA-256 with a key) from node:crypto, in the shape the signer expects. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Checks a request's AWS Signature Version 4 against the server's access key by
 * signing the same request again (with `@smithy/signature-v4`, the SDK's own
 * signer) and comparing. Returns the fault to answer with, or undefined.
 */
export async function signatureFault(key: AccessKey, request: SignedRequest, now = Date.now()): Promise<ProtocolFault | undefined> {
  const { headers } = request;
  const authorization = headers.authorization;
  if (authorization === undefined) {
    return denied('The request is not signed: this server checks AWS Signature Version 4 with the access key given to --access-key.');
  }
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return denied('The Authorization header is not an AWS Signature Version 4 header (AWS4-HMAC-SHA256 Credential=…).');
  const [, keyId, shortDate, region, service, signedHeaderList, signature] = match;
  if (keyId !== key.id) return denied(`Access key ${keyId} is not the key this server accepts (--access-key).`);
  const signingDate = parseAmzDate(headers['x-amz-date']);
  if (!signingDate || !headers['x-amz-date']!.startsWith(shortDate)) {
    return denied('The request has no valid X-Amz-Date matching its credential scope.');
  }
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) {
    return denied(`The request was signed at ${signingDate.toISOString()}, more than 15 minutes from this server's clock.`);
  }
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const claimed = headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== bodyHash) return mismatch(key);
  const signedNames = signedHeaderList.split(';');
  const signedHeaders: Record<string, string> = {};
  for (const name of signedNames) signedHeaders[name] = headers[name] ?? '';
  const [pathname, search = ''] = request.path.split('?');
  const signer = new SignatureV4({
    credentials: { accessKeyId: key.id, secretAccessKey: key.secret },
    region,
    service,
    sha256: NodeSha256,
    applyChecksum: claimed !== undefined,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: pathname,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: signedHeaders,
      body: request.body,
    },
    { signingDate, signingRegion: region, signingService: service },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(String(resigned.headers.authorization))?.[1] ?? '';
  const same = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return same ? undefined : mismatch(key);
}

function parseAmzDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

function mismatch(key: AccessKey): ProtocolFault {
  return denied(`The request signature does not match: sign it with the secret of access key ${key.id}.`);
}

function denied(message: string): ProtocolFault {
  return { type: 'AccessDeniedException', statusCode: 403, message };
}
