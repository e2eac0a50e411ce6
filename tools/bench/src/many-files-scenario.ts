import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import type { Scenario } from './scenario';
import { smallFiles } from './small-files';

/**
 * `files` five-row files through the CLI end to end, as a user runs it: `medallion run --json FILE…`
 * started as a process of its own (its entry called directly, not through `npm start`, whose one
 * shell command line cannot hold thousands of paths), on a fresh lake; wall time and the CLI's peak
 * RSS (GNU time).
 */
export const MANY_FILES_SCENARIO: Scenario = {
  async prepare(files) {
    const { paths } = smallFiles(files);
    return { bytes: paths.reduce((total, path) => total + statSync(path).size, 0), rows: 5 * files };
  },
  async open(files, lakeDirectory, prepared) {
    const { paths } = smallFiles(files);
    const command = [
      '-f',
      '%M',
      process.execPath,
      '--import',
      'tsx',
      'apps/cli/src/main.ts',
      'run',
      '--json',
      '--lake-dir',
      lakeDirectory,
      ...paths,
    ];
    return {
      run: () =>
        new Promise((resolve, reject) => {
          const child = spawn('/usr/bin/time', command, { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
          child.on('error', reject);
          child.on('close', (code) => {
            const maxRssKb = Number(stderr.trim().split('\n').pop());
            if (code !== 0 || !Number.isFinite(maxRssKb))
              reject(new Error(`the CLI exited ${code}: ${stderr.slice(-2000)}`));
            else resolve({ rows: prepared.rows ?? 0, bytes: prepared.bytes, peakRssMB: maxRssKb / 1024 });
          });
        }),
      close: async () => undefined,
    };
  },
};
