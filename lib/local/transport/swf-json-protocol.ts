import { TsflowError } from '../../errors/tsflow.error';
import { randomUUID } from 'node:crypto';
import { isSwfFault } from '../swf-fault';

/**
 * What the transports need from the service: one call per SWF action, the
 * body already decoded. A backend whose `dispatch` ignores the options still
 * fits; the transports then stop waiting on abort but cannot withdraw the call.
 */
export interface SwfDispatcher {
  dispatch(action: string, input: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
  /** The same call answered as the JSON text of the response body; when present, the transports send that text as it is. */
  dispatchJson?(action: string, input: unknown, options?: { signal?: AbortSignal }): Promise<string>;
}

/** One SWF JSON 1.0 request, however it arrived (socket or in memory). */
export interface SwfJsonRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
  signal?: AbortSignal;
}

export interface SwfJsonResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A fault as it goes on the wire; `SwfFault` is one, and so are the transport's own. */
export interface ProtocolFault {
  type: string;
  statusCode: number;
  message: string;
}

export const SWF_TARGET_PREFIX = 'SimpleWorkflowService.';
export const SWF_CONTENT_TYPE = 'application/x-amz-json-1.0';
/** SWF refuses requests over 1 MB; so does the local service, on both transports. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Raised when the caller gave up (SDK abort signal, closed socket). */
export class RequestAbortedError extends TsflowError {
  override readonly name = 'AbortError';
  constructor(action: string) {
    super(`The ${action} request was aborted by the caller before the service answered.`);
  }
}

/**
 * Answers one request: validates the envelope, decodes the body, dispatches,
 * and encodes the result or the fault the way SWF does. Both transports go
 * through here, so the SDK cannot tell them apart.
 */
export async function answerSwfJsonRequest(dispatcher: SwfDispatcher, request: SwfJsonRequest): Promise<SwfJsonResponse> {
  const decoded = decodeRequest(request);
  if ('fault' in decoded) return faultResponse(decoded.fault);
  const { action, input } = decoded;
  try {
    const options = { signal: request.signal };
    if (dispatcher.dispatchJson)
      return textResponse(200, await untilAborted(dispatcher.dispatchJson(action, input, options), request.signal, action));
    const output = await untilAborted(dispatcher.dispatch(action, input, options), request.signal, action);
    return jsonResponse(200, output === undefined || output === null ? {} : output);
  } catch (error) {
    if (error instanceof RequestAbortedError) throw error;
    if (isSwfFault(error)) return faultResponse(error);
    return faultResponse({
      type: 'InternalFailure',
      statusCode: 500,
      message: `The local SWF service failed on ${action}: ${describe(error)}. This is a bug in the service, not in the request.`,
    });
  }
}

type Decoded = { action: string; input: Record<string, unknown> } | { fault: ProtocolFault };

function decodeRequest(request: SwfJsonRequest): Decoded {
  if (request.method !== 'POST' || request.path.split('?')[0] !== '/') {
    return {
      fault: {
        type: 'UnknownOperationException',
        statusCode: request.method === 'POST' ? 404 : 405,
        message: `${request.method} ${request.path} is not part of SWF's API; send POST / with X-Amz-Target: ${SWF_TARGET_PREFIX}<Action>.`,
      },
    };
  }
  const target = request.headers['x-amz-target'];
  // Only the envelope is checked here; the service answers an unknown action name
  // itself (UnknownOperationException), so the list of actions lives in one place.
  const action = target?.startsWith(SWF_TARGET_PREFIX) ? target.slice(SWF_TARGET_PREFIX.length) : '';
  if (!/^[A-Za-z]+$/.test(action)) {
    return {
      fault: {
        type: 'UnknownOperationException',
        statusCode: 400,
        message:
          target === undefined
            ? `The request has no X-Amz-Target header; expected ${SWF_TARGET_PREFIX}<Action>.`
            : `X-Amz-Target "${target}" names no SWF action; expected ${SWF_TARGET_PREFIX}<Action>, e.g. ${SWF_TARGET_PREFIX}ListDomains.`,
      },
    };
  }
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !/^application\/(x-amz-json-1\.[01]|json)\b/i.test(contentType)) {
    return {
      fault: {
        type: 'UnsupportedMediaTypeException',
        statusCode: 415,
        message: `${action}: Content-Type "${contentType}" is not JSON; SWF expects ${SWF_CONTENT_TYPE}.`,
      },
    };
  }
  if (request.body.byteLength > MAX_REQUEST_BYTES) return { fault: tooLarge(action, request.body.byteLength) };
  return decodeBody(action, request.body);
}

function decodeBody(action: string, body: Uint8Array): Decoded {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text.trim() === '') return { action, input: {} };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {
      fault: {
        type: 'SerializationException',
        statusCode: 400,
        message: `${action}: the request body is not valid JSON (${describe(error)}).`,
      },
    };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      fault: {
        type: 'SerializationException',
        statusCode: 400,
        message: `${action}: the request body must be a JSON object, got ${Array.isArray(input) ? 'an array' : typeof input}.`,
      },
    };
  }
  return { action, input: input as Record<string, unknown> };
}

export function tooLarge(action: string | undefined, bytes: number): ProtocolFault {
  return {
    type: 'RequestEntityTooLargeException',
    statusCode: 413,
    message: `${action ?? 'The request'}: the body is ${bytes} bytes; SWF accepts at most ${MAX_REQUEST_BYTES} bytes (1 MB).`,
  };
}

/**
 * SWF qualifies `__type` with the model namespace; the SDKs and the AWS CLI
 * keep only what follows `#`, so sending the qualified form matches SWF and
 * costs nothing.
 */
export function qualifiedFaultType(type: string): string {
  if (type.includes('#')) return type;
  if (type.endsWith('Fault')) return `com.amazonaws.swf.base.model#${type}`;
  if (type === 'ValidationException') return `com.amazon.coral.validate#${type}`;
  return `com.amazon.coral.service#${type}`;
}

export function faultResponse(fault: ProtocolFault): SwfJsonResponse {
  return jsonResponse(fault.statusCode, { __type: qualifiedFaultType(fault.type), message: fault.message });
}

function jsonResponse(statusCode: number, body: unknown): SwfJsonResponse {
  return textResponse(statusCode, JSON.stringify(body));
}

function textResponse(statusCode: number, text: string): SwfJsonResponse {
  return {
    statusCode,
    headers: {
      'content-type': SWF_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(text)),
      'x-amzn-requestid': randomUUID(),
    },
    body: text,
  };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, action: string): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.reject(new RequestAbortedError(action));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new RequestAbortedError(action));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
