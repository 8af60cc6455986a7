import { SwfRequestError } from './client.errors';

/**
 * Runs one SWF call and, on failure, rethrows with the action, what it was for
 * and SWF's fault name, keeping the SDK's error as the cause.
 */
export async function swfCall<T>(action: string, context: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new SwfRequestError(action, faultName(error), context, error);
  }
}

export function faultName(error: unknown): string {
  const named = error as { name?: string; __type?: string } | undefined;
  return named?.name ?? named?.__type ?? 'Error';
}
