import { CsvWriter } from '@medallion/csv-io';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generateCustomerRows } from './generate-customers';

const USAGE = `usage: npm run generate -- --rows N --out FILE [--seed S]
  Writes N customer rows (plus a header) in the original sample files' schema to FILE
  (relative to the folder you run npm in; folders are created). The same seed gives the same file.
  --seed S   PRNG seed, a whole number (default 42)`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      rows: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!Number.isInteger(rows) || rows < 0) fail('--rows must be a whole number');
if (!Number.isInteger(seed)) fail('--seed must be a whole number');
if (!values.out) fail('--out FILE is required');
const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), values.out);
await mkdir(dirname(out), { recursive: true });
const writer = new CsvWriter();
const done = pipeline(writer.output, createWriteStream(out));
for (const row of generateCustomerRows(rows, seed)) await writer.write(row);
writer.end();
await done;
process.stderr.write(`wrote ${rows} rows to ${out}\n`);
