import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileNameFor, MAX_FILE_NAME_BYTES } from './export-file-name';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('exportFileNameFor', () => {
  it('keeps a segment of up to 255 bytes as it is', () => {
    const fits = `${'a'.repeat(251)}.csv`;
    expect(exportFileNameFor(fits)).toBe(fits);
    expect(exportFileNameFor('dummy_data_1.csv')).toBe('dummy_data_1.csv');
  });

  it('shortens a longer one to 255 bytes: its start, ~, 16 hex digits of its SHA-256, its extension', () => {
    const name = exportFileNameFor(`${'c'.repeat(251)}.parquet`);
    expect(name).toBe(`${'c'.repeat(230)}~${name.slice(231, 247)}.parquet`);
    expect(name.slice(231, 247)).toMatch(/^[0-9a-f]{16}$/);
    expect(bytes(name)).toBe(255);
  });

  it('cuts multi-byte text at a character boundary', () => {
    // 4-byte characters: 58 of them (232 bytes) fit beside the 21-byte tag, a 59th would not.
    const name = exportFileNameFor(`${'😀'.repeat(100)}.csv`);
    expect(bytes(name)).toBe(253);
    expect(name.startsWith('😀'.repeat(58) + '~')).toBe(true);
  });

  it('gives every long segment a name of at most 255 bytes, the same each time, different for different segments', () => {
    const segment = fc.string({ unit: 'grapheme', minLength: 120, maxLength: 400 }).filter((s) => !s.includes('/'));
    fc.assert(
      fc.property(segment, segment, (a, b) => {
        const [nameA, nameB] = [exportFileNameFor(a), exportFileNameFor(b)];
        expect(bytes(nameA)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(exportFileNameFor(a)).toBe(nameA);
        if (a !== b) expect(nameA).not.toBe(nameB);
      }),
    );
  });
});
