import { createHash } from 'node:crypto';

/** What a test checks of an SDK error: its name and HTTP status. */
export interface Failure {
  readonly name: string;
  readonly status: number | undefined;
}

/**
 * Awaits a call that must fail and returns how it failed.
 *
 * @param call - the SDK call.
 * @returns the error's name and HTTP status.
 * @throws Error when the call succeeds.
 */
export async function failureOf(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    const { name, $metadata } = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name, status: $metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}

/**
 * The quoted MD5 hex of some bytes, as S3's ETag of a single-part object.
 *
 * @param bytes - the object's bytes (text as UTF-8).
 * @returns e.g. `"900150983cd24fb0d6963f7d28e17f72"`.
 */
export function md5ETag(bytes: string | Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}
