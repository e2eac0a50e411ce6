import { splitCsvBatches } from '@medallion/csv-io';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { transformSilverBatch } from '../src';

const HEADER = ['Customer ID', 'Customer Name', 'Country'];

/** The quarantine text of `bytes` (the header first), cut into batches from chunks of `chunkSize` bytes. */
async function quarantineOf(bytes: Buffer, chunkSize: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  let quarantine = '';
  let first = true;
  const batches = splitCsvBatches(Readable.from(chunks), {
    batchBytes: 64,
    maxRecordChars: 50,
    oversizedRecords: 'pieces',
  });
  for await (const batch of batches) {
    if (first) {
      first = false;
      continue;
    }
    const task = { header: HEADER, bytes: batch.bytes, firstLine: batch.firstLine, maxRecordChars: 50 };
    const result = transformSilverBatch(batch.oversized === undefined ? task : { ...task, oversized: batch.oversized });
    quarantine += result.quarantineText;
  }
  return quarantine;
}

describe('a record over four times the limit in bytes', () => {
  it('gives the same quarantine bytes held whole (one chunk) as read in pieces (small chunks), for any delimiter or none in it', async () => {
    for (const raw of [`2;${'ü'.repeat(150)};Peru`, `2,"a ""q""\n${'日'.repeat(80)}",Peru`, 'x'.repeat(500)]) {
      const bytes = Buffer.from(`${HEADER.join(',')}\n1,A,Chile\n${raw}\r\n3,C,Peru\n`);
      const expected = `3,"record-size: the record is over 200 bytes, four times MEDALLION_MAX_RECORD_CHARS (50)","${raw.replaceAll('"', '""')}"\n`;
      expect(await quarantineOf(bytes, bytes.length)).toBe(expected);
      for (const chunkSize of [1, 5, 64]) expect(await quarantineOf(bytes, chunkSize)).toBe(expected);
    }
  });
});
