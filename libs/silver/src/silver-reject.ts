import { putObject, type StoredObject } from '@medallion/s3-io';
import type { Rejection } from './silver-rejection';
import { NO_ROWS, type SilverCounts, type SilverResult } from './silver-result';
import { commitWork, type SilverAttempt } from './silver-work';
import { SILVER_RULES } from '@medallion/silver-rules';

/** Writes the rejection record of a file: its bronze object, the rule and the reason, the header cells it is about, and the counts when it was read. */
async function writeRejectionRecord(
  { env, object, work }: SilverAttempt,
  bronzeETag: string,
  { reason, rule, headerCells }: Rejection,
  counts: SilverCounts | undefined,
): Promise<StoredObject> {
  const record = {
    bronzeKey: object.key,
    bronzeETag,
    eventTime: object.eventTime,
    rule,
    reason,
    ...(headerCells ? { headerCells } : {}),
    ...(counts ? { counts } : {}),
  };
  return putObject(
    env.s3,
    { bucket: object.bucket, key: work.keys.rejection, contentType: 'application/json' },
    `${JSON.stringify(record, null, 2)}\n`,
  );
}

/**
 * Refuses the whole file: writes the rejection record, then the manifest; what an earlier version
 * left in silver and quarantine is removed after the commit.
 *
 * @param bronzeETag - the bronze object's ETag, as read.
 * @param rejection - the rule that refused the file and why.
 * @param counts - what was counted, when the file was read before it was refused.
 * @returns the rejected result; or the result of an event that did not commit (stale, processed again).
 * @throws the SDK's errors.
 */
export async function rejectFile(
  attempt: SilverAttempt,
  bronzeETag: string,
  rejection: Rejection,
  counts?: SilverCounts,
): Promise<SilverResult> {
  const { env, object, work } = attempt;
  const { reason, rule } = rejection;
  const { keys } = work;
  // A file refused for its encoding was read in neither: the manifest must not name one.
  const encoding = rule === SILVER_RULES.encoding.name ? 'unknown' : attempt.encoding;
  const rejectionRecord = await writeRejectionRecord(attempt, bronzeETag, rejection, counts);
  // The manifest names the rule and the reason; header cells stay in the rejection record.
  const outcome = { encoding, counts: NO_ROWS, rejection: { rule, reason }, rejectionRecord };
  const committed = await commitWork(env, object, bronzeETag, work, outcome, [rejectionRecord]);
  if (committed !== 'committed') return committed;
  env.logger.warn('file rejected', {
    bucket: object.bucket,
    key: object.key,
    rule,
    reason,
    rejectionKey: keys.rejection,
  });
  return {
    kind: 'rejected',
    bronzeKey: object.key,
    encoding,
    bronzeETag,
    reason,
    rule,
    outputKeys: [keys.rejection, keys.manifest],
    counts: NO_ROWS,
  };
}
