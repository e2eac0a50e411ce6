import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Bronze CSV files of the kinds that break real pipelines, shared by every project's tests. Each
 * name is a file in `bronze-fixtures/`.
 */
export const BRONZE_FIXTURES = [
  'bom-crlf.csv',
  'quoted-fields.csv',
  'ragged-and-blank.csv',
  'missing-id.csv',
  'duplicate-header.csv',
  'missing-country-header.csv',
  'windows-1252.csv',
  'formula-injection.csv',
  'leading-zero-ids.csv',
  'empty.csv',
  'header-only.csv',
  'country-variants.csv',
  'status-variants.csv',
  'duplicate-customers.csv',
  'datablist-schema.csv',
  'unclosed-quote.csv',
  'quote-in-unquoted-field.csv',
  'mixed-line-endings.csv',
] as const;

/** One fixture's file name. */
export type BronzeFixture = (typeof BRONZE_FIXTURES)[number];

/**
 * @param name - a fixture name.
 * @returns the fixture's absolute path.
 */
export function bronzeFixturePath(name: BronzeFixture): string {
  return fileURLToPath(new URL(`./bronze-fixtures/${name}`, import.meta.url));
}

/**
 * @param name - a fixture name.
 * @returns the fixture's exact bytes.
 */
export function bronzeFixtureBytes(name: BronzeFixture): Buffer {
  return readFileSync(bronzeFixturePath(name));
}
