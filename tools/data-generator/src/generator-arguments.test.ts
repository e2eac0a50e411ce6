import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorUsageError, parseGeneratorArguments } from './generator-arguments';

const cwd = mkdtempSync(join(tmpdir(), 'medallion-generate-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
mkdirSync(join(cwd, 'existing-folder'));
writeFileSync(join(cwd, 'taken.csv'), 'x\n');

describe('parseGeneratorArguments', () => {
  it('reads rows, seed and the file, with the status column on by default', () => {
    expect(parseGeneratorArguments(['--rows', '10', '--out', 'a/b.csv', '--seed', '7'], cwd)).toEqual({
      help: false,
      rows: 10,
      seed: 7,
      status: true,
      out: join(cwd, 'a/b.csv'),
    });
    expect(parseGeneratorArguments(['--rows', '0', '--out', 'x.csv', '--no-status'], cwd).status).toBe(false);
  });

  it('writes into a folder given as --out (an existing one, or a path ending in /) as customers-N-S.csv', () => {
    expect(parseGeneratorArguments(['--rows', '5', '--out', 'existing-folder'], cwd).out).toBe(
      join(cwd, 'existing-folder', 'customers-5-42.csv'),
    );
    expect(parseGeneratorArguments(['--rows', '5', '--out', 'new-folder/', '--seed', '3'], cwd).out).toBe(
      join(cwd, 'new-folder', 'customers-5-3.csv'),
    );
  });

  it('refuses an existing file unless --force', () => {
    expect(() => parseGeneratorArguments(['--rows', '1', '--out', 'taken.csv'], cwd)).toThrow(
      new GeneratorUsageError(`${join(cwd, 'taken.csv')} exists; give --force to overwrite it, or another --out`),
    );
    expect(parseGeneratorArguments(['--rows', '1', '--out', 'taken.csv', '--force'], cwd).out).toBe(
      join(cwd, 'taken.csv'),
    );
  });

  it.each([
    [['--out', 'x.csv'], '--rows N is required'],
    [['--rows', 'ten', '--out', 'x.csv'], '--rows N must be a whole number (0 or more), got "ten"'],
    [['--rows=-1', '--out', 'x.csv'], '--rows N must be a whole number (0 or more), got "-1"'],
    [['--rows', '1.5', '--out', 'x.csv'], '--rows N must be a whole number (0 or more), got "1.5"'],
    [['--rows', '3', '--out', 'x.csv', '--seed', 'abc'], '--seed S must be a whole number, got "abc"'],
    [['--rows', '3'], '--out FILE|DIR is required'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseGeneratorArguments(argv, cwd)).toThrow(new GeneratorUsageError(message));
  });

  it('refuses an unknown option with its name', () => {
    expect(() => parseGeneratorArguments(['--rows', '3', '--out', 'x.csv', '--colour'], cwd)).toThrow(/--colour/);
  });
});
