import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTableDdl, LAKE_TABLES } from '../src/index';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

/** The SQL block that follows the README's "this DDL creates the same tables". */
function readmeDdl(): string {
  const after =
    README.split('this DDL creates the same\ntables')[1] ?? README.split('this DDL creates the same tables')[1];
  if (after === undefined) throw new Error('README: no "this DDL creates the same tables" paragraph');
  return after.split('```sql\n')[1]!.split('\n```')[0]!;
}

describe("the README's Athena DDL", () => {
  it('is createTableDdl of every catalogued table, for stage dev', () => {
    expect(readmeDdl()).toBe(
      LAKE_TABLES.map(
        (table) => `${createTableDdl(table, { database: 'medallion_dev', bucket: '<lake-bucket>' })};`,
      ).join('\n\n'),
    );
  });
});
