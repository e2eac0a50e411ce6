import type { S3Client } from '@aws-sdk/client-s3';
import { readCsvRecords } from '@medallion/csv-io';
import { GOLD_KEY } from '@medallion/gold';
import { openObject } from '@medallion/s3-io';
import { parseCustomerIdList, type GoldRow } from '@medallion/schemas';

/**
 * Reads the gold table back from the lake.
 *
 * @param s3 - client of the lake.
 * @param bucket - the lake bucket.
 * @returns the gold rows; `[]` when there is no gold object (every file was rejected).
 * @throws the SDK's error for anything but a missing object.
 */
export async function readGoldTable(s3: S3Client, bucket: string): Promise<GoldRow[]> {
  let gold;
  try {
    gold = await openObject(s3, bucket, GOLD_KEY);
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return [];
    throw error;
  }
  const rows: GoldRow[] = [];
  let header = true;
  for await (const { fields } of readCsvRecords(gold.body)) {
    if (header) {
      header = false;
      continue;
    }
    rows.push({ region: fields[0] ?? '', subscribedCustomers: Number(fields[1]), customerIds: parseCustomerIdList(fields[2] ?? '[]') });
  }
  return rows;
}
