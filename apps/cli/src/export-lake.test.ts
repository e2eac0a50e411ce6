import { startTestLake } from '@medallion/local-s3/testing';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exportLake, exportPathFor, SHORTENED_KEYS_FILE } from './export-lake';

describe('exportPathFor', () => {
  it('puts a key under the export folder', () => {
    expect(exportPathFor('/tmp/out', 'silver/2026/a b.csv')).toBe('/tmp/out/silver/2026/a b.csv');
  });

  it.each(['bronze/../../x.csv', '../x.csv', '/etc/passwd', 'a/../../b.csv', ''])(
    'refuses %j, which would leave the folder',
    (key) => {
      expect(exportPathFor('/tmp/out', key)).toBeUndefined();
    },
  );
});

describe('exportLake', () => {
  it('exports a key with a segment over 255 bytes under a shortened name, and lists it', async () => {
    const lake = await startTestLake();
    const out = mkdtempSync(join(tmpdir(), 'medallion-export-'));
    onTestFinished(async () => {
      rmSync(out, { recursive: true, force: true });
      await lake.close();
    });
    const longKey = `silver-customers/${'c'.repeat(251)}.parquet`;
    await lake.put(longKey, 'long');
    await lake.put('gold/customers_by_region.csv', 'short');

    const exported = await exportLake(lake.s3, lake.bucket, out);

    const [file] = readdirSync(join(out, 'silver-customers'));
    expect(file).toMatch(new RegExp(`^c{230}~[0-9a-f]{16}\\.parquet$`));
    expect(exported).toEqual({
      files: 2,
      refused: [],
      shortened: [{ key: longKey, file: `silver-customers/${file}` }],
    });
    expect(readFileSync(join(out, 'silver-customers', file!), 'utf8')).toBe('long');
    expect(JSON.parse(readFileSync(join(out, SHORTENED_KEYS_FILE), 'utf8'))).toEqual(exported.shortened);
    expect(readFileSync(join(out, 'gold/customers_by_region.csv'), 'utf8')).toBe('short');
  });
});
