import type { S3Client } from '@aws-sdk/client-s3';
import { PassThrough, Readable } from 'node:stream';

/** One kind of storage fault, as S3 or the network produce them. */
export type FaultKind =
  /** HTTP 503 SlowDown: S3 throttling. The SDK retries it. */
  | 'slow-down'
  /** HTTP 500 InternalError. The SDK retries it. */
  | 'internal-error'
  /** The connection is reset before a response: a network error. The SDK retries it. */
  | 'connection-reset'
  /** A GetObject response whose body is cut by a connection reset after `afterBytes` bytes. Not retryable by the SDK: the caller sees a stream error. */
  | 'reset-mid-body';

/** Which requests fail, how, and how often. */
export interface FaultRule {
  /** SDK command name, e.g. `GetObjectCommand`, `UploadPartCommand`, `PutObjectCommand`. */
  readonly command: string;
  /** Only requests whose object key satisfies this. @default every key */
  readonly key?: (key: string) => boolean;
  readonly kind: FaultKind;
  /** How many matching requests fail (then they succeed). `Infinity` for a persistent fault. */
  readonly times: number;
  /** For `reset-mid-body`: bytes delivered before the reset. @default 1024 */
  readonly afterBytes?: number;
}

/** A fault injector attached to one client. */
export interface FaultInjector {
  /** Requests seen per command (every SDK attempt counts, retries included). */
  readonly attempts: Record<string, number>;
  /** Faults injected per command. */
  readonly injected: Record<string, number>;
  /** Detaches the injector. */
  remove(): void;
}

function serviceError(kind: 'slow-down' | 'internal-error'): Error {
  const [name, status, message] =
    kind === 'slow-down'
      ? ['SlowDown', 503, 'Please reduce your request rate.']
      : ['InternalError', 500, 'We encountered an internal error. Please try again.'];
  return Object.assign(new Error(message), {
    name,
    $fault: 'server',
    $metadata: { httpStatusCode: status, attempts: 1 },
  });
}

function cutAfter(body: Readable, bytes: number): Readable {
  const cut = new PassThrough();
  let sent = 0;
  body.on('data', (chunk: Buffer) => {
    if (sent + chunk.byteLength < bytes) {
      sent += chunk.byteLength;
      cut.write(chunk);
      return;
    }
    cut.write(chunk.subarray(0, Math.max(0, bytes - sent)));
    body.destroy();
    cut.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
  });
  body.on('end', () => cut.end());
  body.on('error', (error) => cut.destroy(error));
  return cut;
}

/**
 * Injects storage faults into the real requests of an SDK client, for tests: an SDK middleware in
 * the `deserialize` step, inside the SDK's retry loop, so the SDK's own retry behaviour applies
 * exactly as it would to a real S3 fault. Requests still reach the real (embedded) server unless
 * the fault happens before sending; a fault never sends a partial request body (the embedded server,
 * like S3, would store nothing for one: it commits an object only once its whole body arrived).
 *
 * @param client - the client to fault (the one the code under test uses).
 * @param rules - the faults.
 * @returns counters and `remove()`.
 */
export function injectS3Faults(client: S3Client, rules: readonly FaultRule[]): FaultInjector {
  const attempts: Record<string, number> = {};
  const injected: Record<string, number> = {};
  const remaining = rules.map((rule) => rule.times);
  const name = `medallionFaults${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      attempts[command] = (attempts[command] ?? 0) + 1;
      const key = String((args.input as { Key?: unknown }).Key ?? '');
      const index = rules.findIndex(
        (rule, i) => rule.command === command && (remaining[i] ?? 0) > 0 && (rule.key?.(key) ?? true),
      );
      const rule = rules[index];
      if (rule === undefined) return next(args);
      remaining[index] = (remaining[index] ?? 0) - 1;
      injected[command] = (injected[command] ?? 0) + 1;
      if (rule.kind === 'slow-down' || rule.kind === 'internal-error') throw serviceError(rule.kind);
      if (rule.kind === 'connection-reset')
        throw Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET', $metadata: {} });
      const result = await next(args);
      const output = result.output as { Body?: unknown };
      if (output.Body instanceof Readable) output.Body = cutAfter(output.Body, rule.afterBytes ?? 1024);
      return result;
    },
    { step: 'deserialize', name, priority: 'high' },
  );
  return { attempts, injected, remove: () => void client.middlewareStack.remove(name) };
}
