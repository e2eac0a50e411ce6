import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, resolveInputFiles } from './input-files';

const root = mkdtempSync(join(tmpdir(), 'medallion-inputs-'));
mkdirSync(join(root, 'a'));
mkdirSync(join(root, 'b'));
for (const name of ['a/x.csv', 'b/x.csv', 'a/y.CSV', 'a/notes.txt']) writeFileSync(join(root, name), 'id\n');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveInputFiles', () => {
  it('resolves relative paths from the base folder and keys each file by its name', () => {
    expect(resolveInputFiles(['a/x.csv', join(root, 'a/y.CSV')], root)).toEqual([
      { path: join(root, 'a/x.csv'), key: 'bronze/x.csv' },
      { path: join(root, 'a/y.CSV'), key: 'bronze/y.CSV' },
    ]);
  });

  it.each([
    [
      ['a/missing.csv'],
      `FILE a/missing.csv does not exist or is not a file (looked for ${join(root, 'a/missing.csv')}); give paths to CSV files`,
    ],
    [['a'], `FILE a does not exist or is not a file (looked for ${join(root, 'a')}); give paths to CSV files`],
    [['a/notes.txt'], 'FILE a/notes.txt is not a .csv file; the layers take .csv or .CSV objects only'],
    [
      ['a/x.csv', 'b/x.csv'],
      'FILEs a/x.csv and b/x.csv would both be uploaded as bronze/x.csv; rename one, or run them separately',
    ],
    [
      ['a/x.csv', 'a/x.csv'],
      'FILEs a/x.csv and a/x.csv would both be uploaded as bronze/x.csv; rename one, or run them separately',
    ],
  ])('refuses %j', (files, message) => {
    expect(() => resolveInputFiles(files, root)).toThrow(new InputFileError(message));
  });
});
