import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, resolveInputFiles } from './input-files';

const root = mkdtempSync(join(tmpdir(), 'medallion-inputs-'));
mkdirSync(join(root, 'a'));
mkdirSync(join(root, 'b'));
mkdirSync(join(root, 'empty'));
mkdirSync(join(root, 'many/sub.csv'), { recursive: true });
for (const name of [
  'a/x.csv',
  'b/x.csv',
  'a/y.CSV',
  'a/notes.txt',
  'many/a2.csv',
  'many/a10.CSV',
  'many/B.csv',
  'many/c.txt',
  'many/sub.csv/d.csv',
])
  writeFileSync(join(root, name), 'id\n');

afterAll(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(join(root, 'latin'));
writeFileSync(Buffer.concat([Buffer.from(join(root, 'latin/caf')), Buffer.from([0xe9]), Buffer.from('.csv')]), 'id\n');

describe('resolveInputFiles', () => {
  it('refuses a folder holding a file whose name is not valid UTF-8, showing its bytes', () => {
    expect(() => resolveInputFiles(['latin'], root)).toThrow(
      new InputFileError(
        'FILE latin holds a file whose name is not valid UTF-8 (caf\u00e9.csv, bytes 636166e92e637376): an object key is UTF-8; rename the file',
      ),
    );
  });

  it('takes a folder for the CSV files directly in it, in name order, skipping other files and subfolders', () => {
    expect(resolveInputFiles(['many', 'a/x.csv'], root)).toEqual([
      { path: join(root, 'many/B.csv'), key: 'bronze/B.csv' },
      { path: join(root, 'many/a10.CSV'), key: 'bronze/a10.CSV' },
      { path: join(root, 'many/a2.csv'), key: 'bronze/a2.csv' },
      { path: join(root, 'a/x.csv'), key: 'bronze/x.csv' },
    ]);
  });

  it('resolves relative paths from the base folder and keys each file by its name', () => {
    expect(resolveInputFiles(['a/x.csv', join(root, 'a/y.CSV')], root)).toEqual([
      { path: join(root, 'a/x.csv'), key: 'bronze/x.csv' },
      { path: join(root, 'a/y.CSV'), key: 'bronze/y.CSV' },
    ]);
  });

  it.each([
    [
      ['a/missing.csv'],
      `FILE a/missing.csv does not exist (looked for ${join(root, 'a/missing.csv')}); give paths to CSV files or folders`,
    ],
    [['empty'], 'FILE empty is a folder with no .csv files in it (subfolders are not read)'],
    [
      ['a', 'b'],
      'FILEs a/x.csv and b/x.csv would both be uploaded as bronze/x.csv; rename one, or run them separately',
    ],
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
