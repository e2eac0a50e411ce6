import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTableDdl, LAKE_TABLES } from '../src/index';

const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

const MARKER = '<!-- checked by libs/lake-catalog/tests/readme-ddl.test.ts -->';

/** The SQL block that follows the README's marker comment. */
function readmeDdl(): string {
  const after = README.split(MARKER)[1];
  if (after === undefined) throw new Error(`README: no ${MARKER}`);
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
