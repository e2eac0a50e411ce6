// Checks of silver's invariants for the commit tests (an independent reading of the lake).
import { DeleteObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import type { TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { silverLayer, type SilverResult } from '../src';

/** The original README's header. */
export const H = 'Customer ID,Customer Name,Customer Country,Subscription Status\n';

/** Runs `during` before the `nth` request of `command` for `key` (any key when undefined) that this client sends. */
export function hookFirst(
  c: S3Client,
  command: string,
  key: string | undefined,
  during: () => Promise<void>,
  nth = 1,
): void {
  let seen = 0;
  c.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command && (key === undefined || (args.input as { Key?: string }).Key === key)) {
        seen++;
        if (seen === nth) await during();
      }
      return next(args);
    },
    { step: 'initialize', name: `hook${Math.random()}` },
  );
}

/** Throws a 500 on the nth request of command for key (initialize step: no SDK retry). */
export function failNth(c: S3Client, command: string, key: string, nth = 1): { fired: () => boolean } {
  let seen = 0;
  let fired = false;
  c.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command && (args.input as { Key?: string }).Key === key) {
        seen++;
        if (seen === nth) {
          fired = true;
          throw Object.assign(new Error('injected 500'), {
            name: 'InternalError',
            $fault: 'server',
            $metadata: { httpStatusCode: 500 },
          });
        }
      }
      return next(args);
    },
    { step: 'initialize', name: `fail${Math.random()}` },
  );
  return { fired: () => fired };
}

/** Runs silver's handler on an event with this client. */
export const run = (c: S3Client, event: unknown) => createLayerHandler(silverLayer, { s3: c })(event);

/** The real S3 event of `bronze/<name>.csv`'s deletion. */
export function removalEvent(lake: TestLake, name: string, sequencer = 'FFFFFFFFFFFFFFFFFF') {
  return buildS3NotificationEvent({
    eventName: 'ObjectRemoved:Delete',
    eventTime: '2026-12-29T18:00:00.000Z',
    bucket: lake.bucket,
    key: `bronze/${name}.csv`,
    size: 0,
    eTag: '',
    sequencer,
  });
}
/** Deletes `bronze/<name>.csv`. */
export async function deleteBronze(lake: TestLake, name: string) {
  await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: `bronze/${name}.csv` }));
}

/** The parsed manifest of `bronze/<name>.csv`, if any. */
export async function manifestOf(lake: TestLake, name: string) {
  const t = await lake.text(`silver/_manifests/${name}.csv.json`);
  return t === undefined ? undefined : JSON.parse(t);
}

async function etag(lake: TestLake, key: string): Promise<string | undefined> {
  try {
    const h = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: key }));
    return h.ETag!.replace(/"/g, '');
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with one key's silver (empty: nothing): the manifest must name exactly the stored
 * outputs (key and ETag), nothing unnamed may be stored, a deleted bronze object has no manifest,
 * and a processed manifest's counts add up (data records = silver + quarantined + blank).
 */
export async function violations(lake: TestLake, name: string): Promise<string[]> {
  const problems: string[] = [];
  const m = await manifestOf(lake, name);
  const bronze = await etag(lake, `bronze/${name}.csv`);
  const outputKeys = [
    `silver/${name}.csv`,
    `silver-customers/${name}.parquet`,
    `quarantine/${name}.csv`,
    `quarantine/${name}.error.json`,
  ];
  if (bronze === undefined && m) problems.push('bronze deleted but manifest exists');
  if (m && bronze !== undefined && m.source.eTag !== bronze)
    problems.push(`manifest is of bronze ${m.source.eTag}, bronze now ${bronze}`);
  const named = new Map<string, string>();
  for (const o of Object.values(m?.outputs ?? {}) as Array<{ key: string; eTag: string }>) named.set(o.key, o.eTag);
  for (const key of outputKeys) {
    const e = await etag(lake, key);
    const n = named.get(key);
    if (n !== undefined && e !== n) problems.push(`manifest names ${key} ${n}, stored ${e ?? 'nothing'}`);
    if (n === undefined && e !== undefined) problems.push(`unnamed object ${key} stored`);
  }
  if (m && m.outcome === 'processed') {
    const c = m.counts;
    if (c.dataRecords !== c.silverRows + c.quarantinedRows + c.blankRows)
      problems.push(`counts do not add up ${JSON.stringify(c)}`);
  }
  return problems;
}

/** A result's stale reason; undefined for any other kind. */
export const staleReason = (result: SilverResult | undefined): string | undefined =>
  result?.kind === 'stale' ? result.reason : undefined;
