import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run bench -- --smoke', () => {
  it('measures every step in its own process and writes the JSON the README describes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const out = join(folder, 'bench.json');
    const run = spawnSync('npm', ['run', 'bench', '--silent', '--', '--smoke', '--json', out], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, number | string>>;
    expect(results.map((r) => [r['name'], r['rows']])).toEqual([
      ['silver-100k', 200],
      ['silver-1m', 2000],
      ['silver-3m', 6000],
      ['aggregate-first-1m', 2000],
      ['aggregate-incremental-1m', 5],
      ['aggregate-incremental-steady-1m', 5],
      ['aggregate-replace-1000', 10],
      ['aggregate-remove-1000', 10],
      ['many-files-1000', 10],
      ['many-files-4000', 40],
      ['transform-silver-1m', 2000],
      ['transform-aggregate-1m', 2000],
    ]);
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual([
        'bytes',
        'maxWallSeconds',
        'mbPerSecond',
        'minWallSeconds',
        'name',
        'peakRssMB',
        'rows',
        'rowsPerSecond',
        'wallSeconds',
      ]);
      expect(result['wallSeconds']).toBeGreaterThan(0);
      expect(result['peakRssMB']).toBeGreaterThan(20);
      expect(result['rowsPerSecond']).toBeCloseTo(Number(result['rows']) / Number(result['wallSeconds']), 6);
    }
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(13);
    expect(run.stdout).toMatch(/^\d+ cores, \d+ worker thread\(s\)/);
  }, 240_000);

  it('npm run bench:cold-start prints size, gzipped size and init time for both Lambdas, SDK bundled and external', () => {
    const run = spawnSync('npm', ['run', 'bench:cold-start', '--silent', '--', '--runs', '1'], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const rows = run.stdout
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => line.split(/\s{2,}/).map((cell) => cell.trim()));
    expect(rows.map((row) => row[0])).toEqual([
      'silver-lambda, SDK bundled',
      'silver-lambda, SDK external',
      'gold-lambda, SDK bundled',
      'gold-lambda, SDK external',
    ]);
    for (const [, kb, gzipKb, initMs] of rows) {
      expect(Number(kb)).toBeGreaterThan(Number(gzipKb));
      expect(Number(initMs)).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown step, option or run count with a one-line reason and the usage, exit 2', () => {
    const bench = (args: string[], script = 'bench') =>
      spawnSync('npm', ['run', script, '--silent', '--', ...args], { cwd: WORKSPACE_ROOT, encoding: 'utf8' });
    const unknownStep = bench(['--only', 'silver-1m,nope']);
    expect([unknownStep.status, unknownStep.stderr.split('\n')[0]]).toEqual([
      2,
      'bench: --only nope: no such step (steps: silver-100k, silver-1m, silver-3m, aggregate-first-1m, aggregate-incremental-1m, aggregate-incremental-steady-1m, aggregate-replace-1000, aggregate-remove-1000, many-files-1000, many-files-4000, transform-silver-1m, transform-aggregate-1m)',
    ]);
    const unknownOption = bench(['--bogus']);
    expect([unknownOption.status, unknownOption.stderr.split('\n')[0]]).toEqual([2, "bench: Unknown option '--bogus'"]);
    const badRuns = bench(['--runs', 'abc'], 'bench:cold-start');
    expect([badRuns.status, badRuns.stderr.split('\n')[0]]).toEqual([
      2,
      'bench:cold-start: --runs abc: give a whole number of runs, 1 or more',
    ]);
    const badRounds = bench(['--rounds', '0'], 'bench:compare-pandas');
    expect([badRounds.status, badRounds.stderr.split('\n')[0]]).toEqual([
      2,
      'bench:compare-pandas: --rounds 0: give a whole number, 1 or more',
    ]);
  });

  it('npm run bench:compare-pandas is skipped with a message, exit 0, where the pandas reference is missing', () => {
    const run = spawnSync(
      'npm',
      ['run', 'bench:compare-pandas', '--silent', '--', '--rows', '10', '--pandas-dir', '/nonexistent-perf'],
      { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
    );
    expect([run.status, run.stdout]).toEqual([
      0,
      'bench:compare-pandas: skipped: no pandas_silver.py and pandas_gold.py in /nonexistent-perf (give --pandas-dir)\n',
    ]);
  });
});
