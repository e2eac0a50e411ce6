import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './bench-inputs';

const COUNTRIES = [
  'France',
  'Japan',
  'Brazil',
  'Kenya',
  'Canada',
  'Australia',
  'Peru',
  'Germany',
  'India',
  'Chile',
  'Fiji',
  'Cuba',
];

/**
 * A folder of `files` small bronze files of the original README's schema, `rows` rows each, made
 * once: Customer IDs drawn from 3× as many as the files hold (so customers recur across files),
 * countries and statuses spread.
 *
 * @param files - how many files.
 * @param rows - rows a file. @default 5
 * @returns the folder and its file paths, in name order.
 */
export function smallFiles(files: number, rows = 5): { folder: string; paths: string[] } {
  const folder = join(BENCH_DIR, `small-${files}x${rows}`);
  if (!existsSync(join(folder, '.complete'))) {
    mkdirSync(folder, { recursive: true });
    for (let file = 0; file < files; file++) {
      const lines = ['Customer ID,Customer Name,Customer Country,Subscription Status'];
      for (let row = 0; row < rows; row++) {
        const n = (file * 7919 + row * 104_729) % (files * rows * 3);
        lines.push(
          `C${String(n).padStart(7, '0')},Name ${n},${COUNTRIES[n % COUNTRIES.length]},${n % 3 === 0 ? 'Inactive' : 'Active'}`,
        );
      }
      writeFileSync(join(folder, `f${String(file).padStart(5, '0')}.csv`), `${lines.join('\n')}\n`);
    }
    writeFileSync(join(folder, '.complete'), '');
  }
  const paths = readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => join(folder, name));
  return { folder, paths };
}
