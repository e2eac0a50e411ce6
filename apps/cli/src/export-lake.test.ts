import { describe, expect, it } from 'vitest';
import { exportPathFor } from './export-lake';

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
