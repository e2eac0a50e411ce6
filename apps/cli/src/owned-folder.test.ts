import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSeparateFolders, claimFolder, ForeignFolderError } from './owned-folder';

describe('claimFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'medallion-claim-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing folder with the marker', async () => {
    await claimFolder(join(root, 'new'), '.m');
    expect(readdirSync(join(root, 'new'))).toEqual(['.m']);
  });

  it('empties a folder it made before', async () => {
    const dir = join(root, 'again');
    await claimFolder(dir, '.m');
    writeFileSync(join(dir, 'old.csv'), 'x');
    await claimFolder(dir, '.m');
    expect(readdirSync(dir)).toEqual(['.m']);
  });

  it('refuses a non-empty folder it did not make, and leaves it alone', async () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'important.txt'), 'x');
    await expect(claimFolder(dir, '.m')).rejects.toThrow(
      new ForeignFolderError(`${dir} is not empty and was not made by medallion; give an empty or new folder`),
    );
    expect(existsSync(join(dir, 'important.txt'))).toBe(true);
  });
});

describe('checkSeparateFolders', () => {
  it.each([
    ['/tmp/x', '/tmp/x'],
    ['/tmp/x', '/tmp/x/lake'],
    ['/tmp/x/out', '/tmp/x'],
  ])('refuses %j and %j, which overlap', (out, lake) => {
    expect(() => checkSeparateFolders(out, '--out', lake, '--lake-dir')).toThrow(
      new ForeignFolderError(
        `--out ${out} and --lake-dir ${lake} overlap (each is emptied at the start of a run); give two separate folders`,
      ),
    );
  });

  it('takes two folders side by side, even with one name the start of the other', () => {
    expect(() => checkSeparateFolders('/tmp/x', '--out', '/tmp/x-lake', '--lake-dir')).not.toThrow();
    expect(() => checkSeparateFolders('/tmp/a/out', '--out', '/tmp/b/lake', '--lake-dir')).not.toThrow();
  });
});
