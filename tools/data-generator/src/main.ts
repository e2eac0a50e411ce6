import { CsvWriter } from '@medallion/csv-io';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generateCustomerRows } from './generate-customers';

const USAGE = 'usage: npm run generate -- --rows N --out FILE [--seed S]';

const { values } = parseArgs({ options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 0 || !values.out) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const writer = new CsvWriter();
const done = pipeline(writer.output, createWriteStream(values.out));
for (const row of generateCustomerRows(rows, Number(values.seed))) await writer.write(row);
writer.end();
await done;
process.stderr.write(`wrote ${rows} rows to ${values.out}\n`);
