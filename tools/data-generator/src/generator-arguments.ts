import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** `npm run generate -- --help`. */
export const GENERATOR_USAGE = `usage: npm run generate -- --rows N --out FILE|DIR [--seed S] [--no-status] [--force]
  Writes N customer rows (plus a header) in the original sample files' schema, with a
  Subscription Status column, to FILE (relative to the folder you run npm in; folders are
  created), or to DIR/customers-N-S.csv for a folder. The same seed gives the same file.
  --seed S       PRNG seed, a whole number (default 42)
  --no-status    leave the Subscription Status column out, as the original sample files do
                 (silver then counts every customer as subscribed)
  --force        overwrite FILE if it exists (without it, an existing file is refused)`;

/** A command line the generator refuses: the message says which option and why (exit 2). */
export class GeneratorUsageError extends Error {
  override readonly name = 'GeneratorUsageError';
}

/** What to generate, from the command line. */
export interface GeneratorArguments {
  /** Print the usage and stop. */
  readonly help: boolean;
  /** Data rows. */
  readonly rows: number;
  readonly seed: number;
  /** Add the Subscription Status column. */
  readonly status: boolean;
  /** The absolute path of the file to write. */
  readonly out: string;
}

/** A whole number of at least 0 from an option's text. @throws GeneratorUsageError otherwise. */
function wholeNumber(option: string, text: string | undefined, min: number): number {
  if (text === undefined) throw new GeneratorUsageError(`${option} is required`);
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < min)
    throw new GeneratorUsageError(`${option} must be a whole number${min === 0 ? ' (0 or more)' : ''}, got "${text}"`);
  return value;
}

/**
 * Reads the generator's command line.
 *
 * @param argv - the arguments after the script, e.g. `['--rows', '1000', '--out', 'tmp/']`.
 * @param cwd - the folder relative paths start from (npm's `INIT_CWD`).
 * @returns the arguments; `out` is `DIR/customers-<rows>-<seed>.csv` when `--out` names a folder
 *   (an existing one, or a path ending in `/`).
 * @throws GeneratorUsageError for an unknown option, a missing or malformed `--rows`/`--seed`, no
 *   `--out`, or an existing file without `--force`.
 */
export function parseGeneratorArguments(argv: readonly string[], cwd: string): GeneratorArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowNegative: true,
      options: {
        rows: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '42' },
        status: { type: 'boolean', default: true },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new GeneratorUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true, rows: 0, seed: 42, status: true, out: '' };
  const rows = wholeNumber('--rows N', values.rows, 0);
  const seed = wholeNumber('--seed S', values.seed, Number.MIN_SAFE_INTEGER);
  if (!values.out) throw new GeneratorUsageError('--out FILE|DIR is required');
  const given = resolve(cwd, values.out);
  const isFolder = /[/\\]$/.test(values.out) || (existsSync(given) && statSync(given).isDirectory());
  const out = isFolder ? join(given, `customers-${rows}-${seed}.csv`) : given;
  if (existsSync(out) && !values.force)
    throw new GeneratorUsageError(`${out} exists; give --force to overwrite it, or another --out`);
  return { help: false, rows, seed, status: values.status, out };
}
